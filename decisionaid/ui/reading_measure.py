"""Lines of a comfortable length: about 70 characters at most, the column centred, at every
window size and text size. Long lines across a wide screen are hard to follow back to the start
of the next one, for anyone and most of all for a reader who is tired or upset."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import (
    QFontMetrics,
    QTextBlock,
    QTextCursor,
    QTextFormat,
    QTextFrame,
    QTextTable,
)
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QTextBrowser, QWidget

READING_CHARS = 70
# A table of options side by side: wider than a line of prose, still not the whole of a wide
# screen.
TABLE_CHARS = 110
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


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """The area's viewport, found among its children by the name Qt gives it.

    The first `viewport()` of a process has PySide6 resolve the returned widget's type through
    every QWidget subclass it knows, which builds their 75 enums (about 80 M instructions,
    before the first paint); found by name it is wrapped as the QWidget it is, and every later
    `viewport()` returns that same wrapper."""
    found = area.findChild(QWidget, "qt_scrollarea_viewport")
    if found is not None and found.parent() is area:
        return found
    return area.viewport()  # one set with setViewport() under another name


class TextMeasure(QObject):
    """Keeps a text browser's words in a centred column no wider than the measure, whatever
    the window's width, and never closer to its edges than `min_margin`.

    Each paragraph, heading and list is indented on both sides; a table of three or more
    columns is not prose, so it may run wider (up to TABLE_CHARS, centred): squeezed into the
    prose column, a table of four options breaks its words in the middle."""

    # The column moved or changed width: what lines up with its words follows.
    fitted = Signal()

    def __init__(self, browser: QTextBrowser, min_margin: int) -> None:
        super().__init__(browser)
        self.browser = browser
        self.min_margin = min_margin
        # Kept: while the wrapper lives, viewport() returns it without resolving its type.
        self.viewport = viewport_of(browser)
        self.viewport.installEventFilter(self)
        browser.installEventFilter(self)  # its font changes with the text size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return False

    def sides(self) -> tuple[int, int]:
        """The indent on each side, beyond the document's margin, of prose and of tables."""
        browser = self.browser
        spare = self.viewport.width() - 2 * self.min_margin

        def side(chars: int) -> int:
            return max(0, (spare - measure_px(browser, chars=chars)) // 2)

        return side(READING_CHARS), side(TABLE_CHARS)

    def column(self) -> tuple[int, int]:
        """Where lines of prose start and end, in the viewport's pixels."""
        prose = self.sides()[0]
        return self.min_margin + prose, self.viewport.width() - self.min_margin - prose

    def fit(self) -> None:
        document = self.browser.document()
        # The indents are edits of the document; a reader's page keeps no undo history of them.
        if document.isUndoRedoEnabled():
            document.setUndoRedoEnabled(False)
        root = document.rootFrame()
        margin = self.min_margin
        fmt = root.frameFormat()
        if fmt.leftMargin() != margin or fmt.rightMargin() != margin:
            fmt.setLeftMargin(margin)
            fmt.setRightMargin(margin)
            root.setFrameFormat(fmt)
        prose, table = self.sides()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        it = root.begin()
        while not it.atEnd():
            frame = it.currentFrame()
            if frame is not None:
                _indent_frame(frame, table if _is_grid(frame) else prose)
            else:
                _indent_block(cursor, it.currentBlock(), prose)
            it += 1
        cursor.endEditBlock()
        self.fitted.emit()


def _is_grid(frame: QTextFrame) -> bool:
    """A table of several options side by side; two pictures side by side are compared at a
    glance, so they stay as close together as the prose column puts them."""
    return isinstance(frame, QTextTable) and frame.columns() >= 3


# A block's own indents (a quotation's, say) from the page, kept beside the measure's.
_OWN_LEFT = QTextFormat.Property.UserProperty + 1
_OWN_RIGHT = QTextFormat.Property.UserProperty + 2


def _indent_block(cursor: QTextCursor, block: QTextBlock, side: int) -> None:
    fmt = block.blockFormat()
    if not fmt.hasProperty(_OWN_LEFT):
        fmt.setProperty(_OWN_LEFT, fmt.leftMargin())
        fmt.setProperty(_OWN_RIGHT, fmt.rightMargin())
    left = float(fmt.property(_OWN_LEFT)) + side
    right = float(fmt.property(_OWN_RIGHT)) + side
    if fmt.leftMargin() == left and fmt.rightMargin() == right:
        return
    fmt.setLeftMargin(left)
    fmt.setRightMargin(right)
    cursor.setPosition(block.position())
    cursor.setBlockFormat(fmt)


def _indent_frame(frame: QTextFrame, side: int) -> None:
    fmt = frame.frameFormat()
    if fmt.leftMargin() != side or fmt.rightMargin() != side:
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        frame.setFrameFormat(fmt)


def cap_column(
    area: QScrollArea, body: QWidget, font_px: int, extra_px: int, *, at_least: int = 0
) -> None:
    """A scrolling column of controls no wider than CONTROL_COLUMN_CHARS, or `at_least` where
    that is wider (a row of controls that must stay one row), plus `extra_px` for its cards'
    edges and padding, centred in the scroll area."""
    from PySide6.QtCore import Qt

    area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    measure = max(measure_px(body, font_px, CONTROL_COLUMN_CHARS), at_least)
    body.setMaximumWidth(measure + extra_px)
