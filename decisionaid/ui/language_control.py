"""The language control: one button for each other language the clinic offers, each named in
its own language ("English", "Español"), so a reader who cannot read the current one still
finds theirs.

Choosing a language only tells the session (`Session.set_locale`); the composition root
rebuilds the window in that language with everything the reader did kept (app.LanguageSwitch).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton, QWidget

from decisionaid.core.i18n import N_, in_language, language_name
from decisionaid.core.session import Session
from decisionaid.ui.controls import make_button

# Said in the language it offers, so a screen reader reads it in that language's voice.
SWITCH_DESCRIPTION = N_("Show this guide in English")


def language_buttons(
    session: Session,
    current: str,
    languages: Sequence[str],
    name: str = "languageButton",
    parent: QWidget | None = None,
) -> list[QPushButton]:
    """A button for each offered language but the current one; none when only one is offered."""
    buttons = []
    for code in languages:
        if code == current:
            continue
        button = make_button(language_name(code), f"{name}-{code}", parent=parent)
        button.setProperty("language", code)
        # The button's words are in its own language: so is its locale (what AT-SPI reports).
        button.setLocale(QLocale(code))
        button.setAccessibleDescription(in_language(code, SWITCH_DESCRIPTION))
        button.clicked.connect(lambda _checked=False, c=code: session.set_locale(c))
        buttons.append(button)
    return buttons
