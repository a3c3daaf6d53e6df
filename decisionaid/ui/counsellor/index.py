"""All steps as large tiles, so a counsellor can jump to any part in one tap."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.guide import Guide
from decisionaid.core.i18n import _
from decisionaid.ui.controls import button_text, make_button, wrap_words
from decisionaid.ui.flow_layout import FlowLayout

TILE_MIN_WIDTH_EM = 10  # tiles are at least this wide, and as wide as the widest title
TILE_MIN_HEIGHT_EM = 4.2
MARGIN_PX = 24


class StepIndex(QFrame):
    """Covers the page area until a tile is chosen or it is closed."""

    stepChosen = Signal(int)
    closed = Signal()

    def __init__(self, guide: Guide, current: Callable[[], int], parent: QWidget) -> None:
        """`current`: the step the reader is on."""
        super().__init__(parent)
        self.guide = guide
        self._current = current
        self.setObjectName("stepIndex")
        self.setAccessibleName(_("All steps"))
        self.setAutoFillBackground(True)
        self._font_px = 0
        self._words: list[str] = []  # each tile's words, before wrapping
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN_PX, 16, MARGIN_PX, 16)
        outer.setSpacing(12)
        top = QHBoxLayout()
        heading = QLabel(_("All steps"))
        heading.setObjectName("stepTitle")
        self.close_button = make_button(_("Back to the step"), "closeIndex", primary=True)
        self.close_button.clicked.connect(self.close_index)
        top.addWidget(heading, 1)
        top.addWidget(self.close_button)
        outer.addLayout(top)
        scroll = QScrollArea(self)
        self.scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("indexBody")
        self.grid = FlowLayout(body, spacing=12, align=Qt.AlignmentFlag.AlignLeft)
        self.tiles: list[QPushButton] = []
        for i, step in enumerate(guide.steps):
            # Numbered as the reader's contents number it; a look-up page has no number.
            number = guide.step_number(i)
            if number is None:
                name = _("Look-up page: {title}").format(title=step.title)
            else:
                name = _("Step {n}: {title}").format(n=number[0], title=step.title)
            words = self._tile_words(i, "")
            tile = make_button(words, "stepTile")
            tile.setAccessibleName(name)
            tile.clicked.connect(lambda _=False, i=i: self.choose(i))
            self.grid.addWidget(tile)
            self.tiles.append(tile)
            self._words.append(words)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.hide()

    def size_tiles(self, font_px: int) -> None:
        """Every tile as wide as the widest title needs, up to the width there is; a title
        wider than that wraps onto more lines. Tiles share one height, so rows stay even."""
        self._font_px = font_px
        if not self.tiles:
            return
        for tile in self.tiles:
            tile.ensurePolished()  # the window's style sheet sets the font and padding
        metrics = self.tiles[0].fontMetrics()
        padding = max(t.sizeHint().width() - self._widest_line(t, metrics) for t in self.tiles)
        widest = max(self._widest_line_of(words, metrics) for words in self._words)
        bar = (
            self.scroll.verticalScrollBar().sizeHint().width()
        )  # as wide as the style sheet makes it
        room = self.width() - 2 * MARGIN_PX - bar - 4
        width = max(TILE_MIN_WIDTH_EM * font_px, widest + padding)
        if room > TILE_MIN_WIDTH_EM * font_px:
            width = min(width, room)
        for tile, words in zip(self.tiles, self._words, strict=True):
            tile.setText(button_text(wrap_words(words, width - padding, metrics)))
            tile.setFixedWidth(width)
        height = max(
            round(font_px * TILE_MIN_HEIGHT_EM), *(t.sizeHint().height() for t in self.tiles)
        )
        for tile in self.tiles:
            tile.setFixedHeight(height)

    def _tile_words(self, index: int, here: str) -> str:
        """A tile's number (none for a look-up page), where the reader is, and its title."""
        number = self.guide.step_number(index)
        first = (f"{number[0]}{here}" if number else here).strip()
        title = self.guide.steps[index].short_title
        return f"{first}\n{title}" if first else title

    @staticmethod
    def _widest_line_of(text: str, metrics: QFontMetrics) -> int:
        return max(metrics.horizontalAdvance(line) for line in text.split("\n"))

    def _widest_line(self, tile: QPushButton, metrics: QFontMetrics) -> int:
        return self._widest_line_of(tile.text().replace("&&", "&"), metrics)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._font_px and event.size().width() != event.oldSize().width():
            self.size_tiles(self._font_px)

    def open_index(self, font_px: int) -> None:
        current = self._current()
        for i, tile in enumerate(self.tiles):
            # Where the reader is shows as words too, not only as a colour.
            here = "  " + _("(you are here)") if i == current else ""
            self._words[i] = self._tile_words(i, here)
            tile.setProperty("current", i == current)
            tile.setAccessibleDescription(_("You are here") if i == current else "")
        self.size_tiles(font_px)
        self.show()
        self.raise_()
        if 0 <= current < len(self.tiles):
            self.tiles[current].setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, index: int) -> None:
        self.hide()
        self.stepChosen.emit(index)

    def close_index(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def event(self, event: QEvent) -> bool:
        # Escape closes the index before the window's own Escape shortcut sees it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_index()
            return
        super().keyPressEvent(event)


class IndexPlacer(QObject):
    """Keeps the index over `area` (a sibling of the index) when either changes size."""

    def __init__(self, index: StepIndex, area: QWidget, watched: Sequence[QWidget]) -> None:
        super().__init__(index)
        self.index = index
        self.area = area
        for widget in (area, *watched):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.place()
        return False

    def place(self) -> None:
        self.index.setGeometry(self.area.geometry())
