"""How the questions step lays out the bank and the reader's list: two columns where each gets
enough characters, else the list in a panel below the bank, else (too short for a panel) one
scrolling column; and the list's cards lined up with the bank's centred column."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from decisionaid.core.i18n import N_, _

# How the bank and the reader's list share the step:
TWO_COLUMNS = "two columns"  # the list beside the bank
LIST_BELOW = "list below"  # one column: the bank, and the list in a panel under it
ONE_SCROLL = "one scroll"  # too short for a panel: own question, bank and list in one column
# Two columns only where each gets at least this many characters of the body text; a step
# that is taller than it is wide (a portrait kiosk) always takes one.
COLUMN_CHARS = 40
# Below the bank, the list panel takes at most this share of the step's height; the bank of
# questions keeps the rest. A step shorter than SHORT_LINES lines of text has no room to share.
LIST_PANEL_SHARE = 0.45
SHORT_LINES = 18
INTRO = {
    TWO_COLUMNS: N_(
        "Tick the questions you want to ask. They go on your list, on the right, "
        "where you can put them in the order you like."
    ),
    LIST_BELOW: N_(
        "Tick the questions you want to ask. They go on your list, below, "
        "where you can put them in the order you like."
    ),
    ONE_SCROLL: N_(
        "Tick the questions you want to ask. They go on your list, after the "
        "last question, where you can put them in the order you like."
    ),
}


class QuestionsLayout:
    """The layout fitting of `QuestionsStep` (a mixin): one column or two, the list panel's
    height, and the edges of the list lined up with the bank's."""

    def _build_columns(self) -> None:
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(0)
        self.outer.removeWidget(self.scroll)
        for area in (self.scroll, self.list_scroll):
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns.addWidget(self.scroll, 1)
        self.columns.addWidget(self.list_panel, 1)
        self.outer.addLayout(self.columns, 1)
        self.arrangement = TWO_COLUMNS
        for area in (self.scroll, self.list_scroll):  # a scroll bar came or went
            area.verticalScrollBar().rangeChanged.connect(lambda *_: self._align_edges())
        # The bank's column is centred and at most a reading width wide (cap_column): where it
        # moves or changes width (window, text size), the list below follows it.
        self.body.installEventFilter(self)

    # -- one column or two -----------------------------------------------------------------

    def _lay_out_columns(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0 or height <= 0:
            return
        metrics = QFontMetrics(self.font())
        chars = width / max(1, metrics.averageCharWidth())
        arrangement = TWO_COLUMNS
        if height > width or chars < 2 * COLUMN_CHARS:
            short = height < SHORT_LINES * metrics.lineSpacing()
            arrangement = ONE_SCROLL if short else LIST_BELOW
        if arrangement != self.arrangement:
            self._arrange(arrangement)
        self._fit_list_panel()

    def _arrange(self, arrangement: str) -> None:
        self.arrangement = arrangement
        panel = self.list_panel.layout()
        assert isinstance(panel, QVBoxLayout)
        self.columns.removeWidget(self.list_panel)
        self.column.removeWidget(self.list_panel)
        if self.own_holder is not None:
            panel.removeWidget(self.own_holder)
            self.column.removeWidget(self.own_holder)
        if arrangement == ONE_SCROLL:
            # Everything scrolls together: the own question first, the list after the bank.
            if self.own_holder is not None:
                self.column.insertWidget(self.column.indexOf(self.intro_label) + 1, self.own_holder)
            self.column.insertWidget(self.column.count() - 1, self.list_panel)
        else:
            if self.own_holder is not None:
                panel.insertWidget(0, self.own_holder)
            one = arrangement == LIST_BELOW
            self.columns.setDirection(
                QBoxLayout.Direction.TopToBottom if one else QBoxLayout.Direction.LeftToRight
            )
            self.columns.addWidget(self.list_panel, 0 if one else 1)
        self.list_scroll.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if arrangement == ONE_SCROLL
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.intro_label.setText(_(INTRO[arrangement]))
        self.list_panel.show()
        if self.own_holder is not None:
            self.own_holder.show()
        self._align_edges()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._align_edges()
        return super().eventFilter(watched, event)

    def _bank_insets(self) -> tuple[int, int]:
        """How far the bank's centred column stands in from the left and the right of the
        bank's viewport (nothing where the viewport is no wider than the column)."""
        view = self.scroll.viewport().width()
        body = self.body.geometry()
        left = max(0, body.x())
        return left, max(0, view - left - body.width())

    def _align_edges(self) -> None:
        """Below the bank, the own-question card and the list's cards start and end where the
        bank's cards do, in its centred column and short of its scroll bar, whether or not the
        list scrolls itself. The count above starts where the bank's words do."""
        below = self.arrangement == LIST_BELOW
        left, right = self._bank_insets()
        count = self.count_label.contentsMargins()
        if count.left() != 24 + left:
            count.setLeft(24 + left)
            self.count_label.setContentsMargins(count)
        if not below:
            left = right = 0
        bank = self.scroll.viewport()
        gutter = self.scroll.width() - bank.geometry().right() - 1 if below else 0
        bar = self.list_scroll.verticalScrollBar()
        list_bar = bar.sizeHint().width() if bar.maximum() > 0 else 0
        list_margins = self.list_column.contentsMargins()
        list_margins.setLeft(24 + left)
        list_margins.setRight(24 + max(0, gutter + right - list_bar))
        if list_margins != self.list_column.contentsMargins():
            self.list_column.setContentsMargins(list_margins)
        if self.own_holder is not None:
            own = (
                QMargins()
                if self.arrangement == ONE_SCROLL
                else QMargins(24 + left, 12, 24 + gutter + right, 0)
            )
            if own != self.own_holder.layout().contentsMargins():
                self.own_holder.layout().setContentsMargins(own)

    def _fit_list_panel(self) -> None:
        """Below the bank the panel is as tall as the list needs, up to its share of the step,
        so a short list leaves the bank the room; beside it, the panel takes the full height;
        in one scrolling column it is as tall as the list."""
        self._align_edges()
        if self.arrangement == TWO_COLUMNS:
            self.list_panel.setMinimumHeight(0)
            self.list_panel.setMaximumHeight(16777215)
            return
        # Rows shown while the step was off screen leave the layouts' sizes out of date.
        self.rows.invalidate()
        self.list_column.invalidate()
        panel = self.list_panel.layout()
        needed = self.list_scroll.widget().sizeHint().height()
        for i in range(panel.count()):
            item = panel.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.list_scroll:
                needed += widget.sizeHint().height()
        if self.arrangement == LIST_BELOW:
            needed = min(needed, int(self.height() * LIST_PANEL_SHARE))
        self.list_panel.setFixedHeight(needed + 2)
