"""Lines of a comfortable length: about 70 characters at most, the column centred, at every
window size and text size. Long lines across a wide screen are hard to follow back to the start
of the next one, for anyone and most of all for a reader who is tired or upset."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QScrollArea, QTextBrowser, QWidget

READING_CHARS = 70
# A column of questions with their answer tiles side by side: the question's words wrap well
# inside its card, and the tiles need the room of a row.
CONTROL_COLUMN_CHARS = 90


def measure_px(widget: QWidget, font_px: int | None = None, chars: int = READING_CHARS) -> int:
    """The width of a line of `chars` characters in `widget`'s font (at `font_px`, if given:
    the size a style sheet is about to set)."""
    font = widget.font()
    if font_px is not None:
        font.setPixelSize(font_px)
    return QFontMetrics(font).averageCharWidth() * chars


class TextMeasure(QObject):
    """Keeps a text browser's words in a centred column no wider than the measure: the side
    margins of its document grow with the window, and never shrink below `min_margin`."""

    def __init__(self, browser: QTextBrowser, min_margin: int) -> None:
        super().__init__(browser)
        self.browser = browser
        self.min_margin = min_margin
        browser.viewport().installEventFilter(self)
        browser.installEventFilter(self)  # its font changes with the text size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return False

    def fit(self) -> None:
        browser = self.browser
        width = browser.viewport().width()
        side = max(self.min_margin, (width - measure_px(browser)) // 2)
        root = browser.document().rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)


def cap_column(area: QScrollArea, body: QWidget, font_px: int, extra_px: int) -> None:
    """A scrolling column of controls no wider than CONTROL_COLUMN_CHARS (plus `extra_px` for
    its cards' edges and padding), centred in the scroll area."""
    from PySide6.QtCore import Qt

    area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    body.setMaximumWidth(measure_px(body, font_px, CONTROL_COLUMN_CHARS) + extra_px)
