"""Whether the computer has a font that can show the guide's text at all.

Without one (no font package installed, or a fontconfig set-up that finds none) Qt draws every
letter and digit as an empty box, crisis numbers included, and nothing else fails. That is
worth knowing at every start, and it must fail `--startup-probe`.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SAMPLE = "Aa9"
NO_FONTS = (
    "no installed font can show letters or digits: readers see empty boxes instead of text, "
    "crisis numbers included; install a font (on Debian: fonts-dejavu-core) and check that "
    "fontconfig finds it (fc-list)"
)


def font_problem(app: QGuiApplication) -> str:
    """A message for staff when no font can draw the sample text in the app's font, else "".

    Measured through a bare widget, which has `app`'s font: `QFontMetrics(app.font())`
    would make PySide6 build its QFont class (about 8 M instructions), which a kiosk's first
    screen does not otherwise need."""
    metrics = QWidget().fontMetrics()
    return "" if any(metrics.inFont(char) for char in SAMPLE) else NO_FONTS
