"""The kiosk's welcome screen: the decision in one line, how long the guide takes (and the short
path for a reader with a few minutes), that nothing is kept, and Start.

Its words come from the guide's step-wording.toml ([kiosk_welcome] and [short_path]), so each
language's guide carries its own. Shown at launch and after every reset, so the next person
always meets the same calm first screen. The header stays visible above it, so "Get help now"
and the text size controls are in their usual place before anyone starts.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from decisionaid.core.guide import Guide
from decisionaid.core.i18n import _
from decisionaid.ui.controls import WrappedLabel, make_button, make_label, set_enum
from decisionaid.ui.kiosk.screens import KioskScreen


class KioskWelcome(KioskScreen):
    startRequested = Signal()
    shortPathRequested = Signal()

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__("kioskWelcome", keeps_header=True, parent=parent)
        words = guide.wording
        self.setAccessibleName(_("Welcome"))
        self.heading = heading = WrappedLabel()
        heading.setText(guide.title)
        heading.setObjectName("kioskHeading")
        heading.setWordWrap(True)
        set_enum(heading, "textFormat", "PlainText")  # the first screen: no Qt namespace
        paragraphs = words.many("kiosk_welcome.paragraphs")
        self.card_layout.addWidget(heading)
        self.paragraphs: list[QLabel] = []
        for text in paragraphs:
            label = make_label(text)
            self.paragraphs.append(label)
            self.card_layout.addWidget(label)
        # "Start" only where a guide has no words for it (check-content reports that).
        start = words["kiosk_welcome.start"] or _("Start")
        self.start_button = make_button(start, "kioskStart", primary=True)
        self.start_button.setAccessibleName(start)
        self.start_button.setProperty("kioskSize", "large")
        self.start_button.clicked.connect(self.startRequested)
        self.actions_layout.addWidget(self.start_button)
        # The short path, for a reader with only a few minutes before their appointment: in
        # the card, under the words that mention it, so it never costs the screen's fixed
        # button bar any height.
        self.short_path_button = None
        if guide.short_path and words["short_path.button"]:
            self.short_path_button = make_button(words["short_path.button"], "kioskShortPath")
            self.short_path_button.clicked.connect(self.shortPathRequested)
            self.card_layout.addWidget(self.short_path_button)
        self.setAccessibleDescription(" ".join([guide.title, *paragraphs]))

    def add_language_buttons(self, buttons: list[QPushButton]) -> None:
        """The language control, first in the card: a reader who cannot read this language
        finds theirs before anything else, named in its own words."""
        if not buttons:
            return
        row = QHBoxLayout()
        row.setSpacing(16)
        for button in buttons:
            button.setProperty("kioskSize", "large")
            row.addWidget(button)
        row.addStretch(1)
        self.card_layout.insertLayout(0, row)
        QWidget.setTabOrder(buttons[-1], self.start_button)

    def text_for_reading(self) -> str:
        return "\n".join([self.heading.text()] + [p.text() for p in self.paragraphs])
