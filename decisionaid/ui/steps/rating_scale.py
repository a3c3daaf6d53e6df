"""A rating scale ("Not important" ... "Extremely important") as one row of tappable points.

Each point has its round indicator above its words, centred, so a point is only as wide as its
longest word: five fit across a portrait kiosk, and a laptop at 200% text, where tiles with
the indicator beside the words would have to stand one above the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from decisionaid.ui.steps.decision_base import (
    CHOICE_SPACING_PX,
    INDICATOR_GAP_PX,
    PAD_X,
    PAD_Y,
    POINT_PAD_X,
    TILE_BORDER_PX,
    ChoiceGroup,
    indicator_px,
)
from decisionaid.ui.theme import Theme

__all__ = ["ScaleChoices", "ScalePoint", "scale_row_px"]

# A point's border and padding, either side of its words (its focus ring is as wide).
EDGE_X = TILE_BORDER_PX + POINT_PAD_X
EDGE_Y = TILE_BORDER_PX + PAD_Y
# Beside its words, as wide as other answers' (so the indicators line up with "Not sure").
EDGE_BESIDE = TILE_BORDER_PX + PAD_X


def _bold(font: QFont) -> QFont:
    """A chosen point is drawn bold, so points are measured as if chosen: nothing moves."""
    bold = QFont(font)
    bold.setBold(True)
    return bold


def scale_row_px(points: Sequence[str], font: QFont) -> int:
    """The narrowest row that holds a scale's points side by side, their labels wrapped a word
    to a line: each point as wide as its longest word in bold (or its indicator, if wider),
    with its border and padding."""
    metrics = QFontMetrics(_bold(font))
    word = max(metrics.horizontalAdvance(w) for label in points for w in label.split())
    tile = max(word, indicator_px(font)) + 2 * EDGE_X
    return len(points) * tile + CHOICE_SPACING_PX * (len(points) - 1)


class ScalePoint(QRadioButton):
    """One point of the scale: a radio button (so a screen reader hears a radio button, its
    name and whether it is chosen) whose tile, fill and focus ring come from the style sheet,
    with its indicator drawn above its centred words."""

    def __init__(self, text: str, theme: Callable[[], Theme], parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(text)
        self.setObjectName("scalePoint")
        self._theme = theme
        # In a row, the indicator stands above the words; stacked one above the other (where
        # a row cannot fit), beside them, as other answers have it, so the list stays short.
        self.beside = False

    def set_beside(self, beside: bool) -> None:
        if beside != self.beside:
            self.beside = beside
            self.updateGeometry()
            self.update()

    def _words(self) -> str:
        return self.text().replace("&&", "&")

    def sizeHint(self) -> QSize:
        words = QFontMetrics(_bold(self.font())).size(0, self._words())
        indicator = indicator_px(self.font())
        if self.beside:
            width = indicator + INDICATOR_GAP_PX + words.width() + 2 * EDGE_BESIDE
            return QSize(width, max(indicator, words.height()) + 2 * EDGE_Y)
        width = max(words.width(), indicator) + 2 * EDGE_X
        return QSize(width, indicator + INDICATOR_GAP_PX + words.height() + 2 * EDGE_Y)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        # The whole tile answers a tap, not only the indicator and words.
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the sheet's box, fill and focus ring; its indicator rule is empty
        painter.drawControl(QStyle.ControlElement.CE_RadioButton, option)
        t = self._theme()
        chosen = self.isChecked()
        enabled = self.isEnabled()
        side = indicator_px(self.font())
        if self.beside:
            ring = QRect(EDGE_BESIDE, (self.height() - side) // 2, side, side)
        else:
            ring = QRect((self.width() - side) // 2, EDGE_Y, side, side)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = t.selection if chosen else (t.border if enabled else t.disabled)
        painter.setPen(QPen(QColor(edge), 2))
        painter.setBrush(QColor(t.window if enabled else t.surface))
        painter.drawEllipse(ring.adjusted(1, 1, -1, -1))
        if chosen:  # a dot as well as the fill, so the choice never shows by colour alone
            painter.setPen(QColor(t.selection))
            painter.setBrush(QColor(t.selection))
            dot = side // 4
            painter.drawEllipse(ring.center() + QPoint(1, 1), dot, dot)
        font = _bold(self.font()) if chosen else self.font()
        painter.setFont(font)
        painter.setPen(QColor(t.on_selection if chosen else (t.text if enabled else t.disabled)))
        if self.beside:
            left = ring.right() + 1 + INDICATOR_GAP_PX
            words = QRect(left, 0, self.width() - left - EDGE_BESIDE, self.height())
            place = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        else:
            words = QRect(0, ring.bottom() + 1 + INDICATOR_GAP_PX, self.width(), self.height())
            place = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(words, int(place), self._words())


class ScaleChoices(ChoiceGroup):
    """A rating scale: its points in one row, in order, and the last choice ("Not sure", which
    is not a point on the scale) set apart on its own below.

    A long label wraps between words inside its point, so the row keeps its order at every
    text size. Only where even one word per line would not fit five points across (very large
    text on a narrow window) do the points stand one above the other, still in order, never in
    a grid that would read across and down at once.
    """

    def __init__(
        self,
        question: str,
        labels: Sequence[str],
        theme: Callable[[], Theme],
        parent: QWidget | None = None,
    ) -> None:
        self.in_row = True
        self._theme = theme
        super().__init__(question, labels, columns=len(labels) - 1, parent=parent)
        for b in self.buttons:
            # The row's width comes from the page, not from the longest label: the labels wrap.
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _make_button(self, index: int, text: str) -> QRadioButton:
        if index < len(self.labels) - 1:
            return ScalePoint(text, self._theme, self)
        button = QRadioButton(text, self)
        button.setObjectName("choiceApart")
        return button

    def _extra_px(self, button: QRadioButton) -> int:
        if isinstance(button, ScalePoint):
            if button.beside:
                return indicator_px(button.font()) + INDICATOR_GAP_PX + 2 * EDGE_BESIDE
            return 2 * EDGE_X
        return super()._extra_px(button)

    def set_columns(self, columns: int) -> None:
        """Text size changes only wrap the labels (see resizeEvent)."""

    def _place(self, columns: int) -> None:
        points = len(self.buttons) - 1
        for b in self.buttons:
            self.grid.removeWidget(b)
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 0)
        for i, b in enumerate(self.buttons[:points]):
            if isinstance(b, ScalePoint):
                b.set_beside(not self.in_row)
            row, col = (0, i) if self.in_row else (i, 0)
            self.grid.addWidget(b, row, col)
            self.grid.setColumnStretch(col, 1)
        gap = 1 if self.in_row else points
        self.grid.setRowMinimumHeight(gap, 8)  # a gap, so it reads as apart from the scale
        self.grid.addWidget(self.buttons[points], gap + 1, 0)
        self.columns = points if self.in_row else 1
        self._wrapped_at = None
        self._wrap_labels()

    def _row_fits(self, width: int) -> bool:
        return scale_row_px(self.labels[:-1], self.buttons[0].font()) <= width

    def resizeEvent(self, event: QResizeEvent) -> None:
        in_row = self._row_fits(event.size().width())
        if in_row != self.in_row:
            self.in_row = in_row
            self._place(0)
        super().resizeEvent(event)
