"""Questions to bring: tick from the bank, add your own, put them in your order.

The count of chosen questions sits above everything so it is always in view. The reader's list
sits beside the bank where the step is wide enough for two columns, and below it, as a panel of
its own, where it is not (a portrait kiosk, large text). "Add your own question" heads the list,
so it is in view without scrolling past the bank. Reordering is done with "Move up" and "Move
down" buttons; nothing needs dragging.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.guide import Step
from decisionaid.core.session import OWN_QUESTION_MAX_CHARS, Change
from decisionaid.core.summary import chosen_question_texts
from decisionaid.ui.controls import make_button, make_label, wipe_text
from decisionaid.ui.flow_layout import FlowLayout
from decisionaid.ui.keyboard import own_questions_allowed
from decisionaid.ui.reader_text import forget_reader_text, show_reader_text
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import DecisionStep, announce, card

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
    TWO_COLUMNS: "Tick the questions you want to ask. They go on your list, on the right, "
    "where you can put them in the order you like.",
    LIST_BELOW: "Tick the questions you want to ask. They go on your list, below, "
    "where you can put them in the order you like.",
    ONE_SCROLL: "Tick the questions you want to ask. They go on your list, after the "
    "last question, where you can put them in the order you like.",
}


def count_text(n: int) -> str:
    if n == 0:
        return "You have not chosen any questions yet."
    return f"You have chosen {n} question{'s' if n != 1 else ''}."


class CheckRow(QWidget):
    """A check box whose long label wraps; tapping the words ticks the box too."""

    def __init__(self, text: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(text)
        self.box.setAccessibleDescription(description)
        self.box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label = make_label(text, parent=self)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.label, 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)


class ListRow:
    """One question on the reader's list, with its Move up, Move down and Remove buttons.

    The list changes with every tick, move and reset, so its rows are kept and refilled rather
    than made anew: remade rows would leave their predecessors to deleteLater by the hundred.
    """

    def __init__(
        self, frame: QFrame, label: QLabel, up: QPushButton, down: QPushButton, remove: QPushButton
    ) -> None:
        self.frame = frame
        self.label = label
        self.up = up
        self.down = down
        self.remove = remove
        self.qid = ""  # the question this row shows; "" while it is not in use

    def fill(self, i: int, total: int, qid: str, text: str) -> None:
        self.qid = qid
        show_reader_text(self.label, f"{i + 1}. {text}")
        show_reader_text(self.up, name=f"Move question {i + 1} up: {text}")
        show_reader_text(self.down, name=f"Move question {i + 1} down: {text}")
        show_reader_text(self.remove, name=f"Take question {i + 1} off your list: {text}")
        self.up.setEnabled(i > 0)
        self.down.setEnabled(i < total - 1)

    def clear(self) -> None:
        """A row not in use holds no question: hidden rows are still read by screen readers."""
        self.qid = ""
        forget_reader_text(self.frame)


class QuestionsStep(DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        bank = self.data.questions
        assert bank is not None
        self.bank = bank
        # The count stays above the scrolling parts, so it is always visible.
        self.count_label = make_label("", "count")
        self.count_label.setContentsMargins(24, 12, 24, 4)
        self.outer.insertWidget(0, self.count_label)

        self.intro_label = self.intro(INTRO[TWO_COLUMNS])
        self.boxes: dict[str, QCheckBox] = {}
        for topic in bank.topics:
            questions = bank.in_topic(topic.id)
            if not questions:
                continue
            frame, lay = card(self.body)
            heading = make_label(topic.title, "sectionTitle")
            lay.addWidget(heading)
            for q in questions:
                row = CheckRow(q.text, f"Question about {topic.title}", frame)
                row.box.toggled.connect(
                    lambda on, qid=q.id: ctx.session.set_question_chosen(qid, on)
                )
                lay.addWidget(row)
                self.boxes[q.id] = row.box
            self.column.addWidget(frame)
        self.column.addStretch(1)

        # The reader's list, in their order: beside the bank, or below it in one column.
        self.list_panel = QFrame(self)
        self.list_panel.setObjectName("listPanel")
        panel = QVBoxLayout(self.list_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(0)
        self.own_edit: QLineEdit | None = None
        self.add_button: QPushButton | None = None
        self.own_holder: QWidget | None = None
        if own_questions_allowed(ctx.policy):
            self.own_holder = self._build_own_question()
            panel.addWidget(self.own_holder)
        self.list_scroll = QScrollArea(self.list_panel)
        self.list_scroll.setWidgetResizable(True)
        self.list_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.list_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        list_body = QWidget()
        self.list_column = QVBoxLayout(list_body)
        self.list_column.setContentsMargins(24, 12, 24, 24)
        self.list_column.setSpacing(8)
        self.list_title = make_label("Your list", "sectionTitle")
        self.list_column.addWidget(self.list_title)
        self.rows_holder = QWidget(list_body)
        self.rows = QVBoxLayout(self.rows_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(8)
        self.list_column.addWidget(self.rows_holder)
        self.list_column.addStretch(1)
        self.list_scroll.setWidget(list_body)
        panel.addWidget(self.list_scroll, 1)
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
        self.row_buttons: dict[tuple[str, str], QPushButton] = {}
        self.list_rows: list[ListRow] = []  # the first ones show the list; the rest are hidden
        self._empty_note: QLabel | None = None
        self._rows_shown: tuple[list[str], list[str]] | None = None  # the ids and texts listed

    def _build_own_question(self) -> QWidget:
        holder = QWidget(self.list_panel)
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(24, 12, 24, 0)
        frame, lay = card(holder)
        title = make_label("Add your own question", "sectionTitle")
        lay.addWidget(title)
        row = QHBoxLayout()
        edit = QLineEdit(frame)
        edit.setPlaceholderText("Type your question here")
        edit.setAccessibleName("Your own question")
        edit.setMaxLength(OWN_QUESTION_MAX_CHARS)
        title.setBuddy(edit)
        if not self.ctx.policy.context_menus:
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        add = make_button("Add to my list", "addOwnQuestion", tip="add your question to your list")
        edit.returnPressed.connect(self._add_own)
        add.clicked.connect(self._add_own)
        if self.ctx.policy.on_screen_keyboard:
            from decisionaid.ui.on_screen_keyboard import ShowKeyboardOnFocus

            self._keyboard = ShowKeyboardOnFocus(edit, self, self._make_room)
        row.addWidget(edit, 1)
        row.addWidget(add)
        lay.addLayout(row)
        outer.addWidget(frame)
        self.own_edit, self.add_button = edit, add
        return holder

    def _make_room(self, covered: int) -> None:
        """Keep the field in view above an on-screen keyboard that covers `covered` pixels of
        the step's bottom: the step's parts move up by that much, and back once it has gone."""
        margins = self.outer.contentsMargins()
        if margins.bottom() == covered:
            return
        margins.setBottom(covered)
        self.outer.setContentsMargins(margins)
        self.outer.activate()
        if covered and self.own_edit is not None and self.arrangement == ONE_SCROLL:
            self.scroll.ensureWidgetVisible(self.own_edit)

    # -- one column or two -----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out_columns()

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
        self.intro_label.setText(INTRO[arrangement])
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

    def _add_own(self) -> None:
        assert self.own_edit is not None
        text = self.own_edit.text()
        if self.ctx.session.add_own_question(text) is not None:
            self.own_edit.clear()
            announce(self.count_label, self.count_label.text())

    def _move(self, qid: str, delta: int) -> None:
        if self.ctx.session.move_question(qid, delta):
            # Keep the focus on the same question's button, so several moves are easy.
            order = self.ctx.session.state.question_order
            i = order.index(qid)
            which = "up" if delta < 0 else "down"
            if (delta < 0 and i == 0) or (delta > 0 and i == len(order) - 1):
                which = "down" if delta < 0 else "up"
            button = self.row_buttons.get((qid, which))
            if button is not None:
                button.setFocus(Qt.FocusReason.OtherFocusReason)
            announce(self.count_label, f"Moved to number {i + 1}")

    def listens_to(self) -> tuple[Change, ...]:
        return (Change.QUESTIONS,)

    def on_shown(self) -> None:
        super().on_shown()
        self._fit_list_panel()  # the list may have changed while the step was off screen

    def refresh(self) -> None:
        session = self.ctx.session
        order = session.state.question_order
        for qid, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(qid in order)
            box.blockSignals(False)
        self.count_label.setText(count_text(len(chosen_question_texts(session, self.data))))
        self.count_label.setAccessibleName(self.count_label.text())
        self._rebuild_rows()

    def _rebuild_rows(self) -> None:
        order = self.ctx.session.state.question_order
        texts = chosen_question_texts(self.ctx.session, self.data)
        if (order, texts) == self._rows_shown:
            return  # every visit refreshes the step; the list on screen is already this one
        self._rows_shown = (list(order), texts)
        shown = list(zip(order, texts, strict=False))
        self.row_buttons.clear()
        if not order and self._empty_note is None:
            self._empty_note = make_label("Your chosen questions will appear here.", "muted")
            self.rows.insertWidget(0, self._empty_note)
        if self._empty_note is not None:
            self._empty_note.setVisible(not order)
        while len(self.list_rows) < len(shown):
            self.list_rows.append(self._row())
        for i, row in enumerate(self.list_rows):
            if i < len(shown):
                qid, text = shown[i]
                row.fill(i, len(order), qid, text)
                self.row_buttons[(qid, "up")] = row.up
                self.row_buttons[(qid, "down")] = row.down
                row.frame.show()
            else:
                row.frame.hide()
                row.clear()
        self._fit_list_panel()  # below the bank, the panel grows with the list

    def _row(self) -> ListRow:
        frame, lay = card(self.rows_holder)
        label = make_label("", "ownListItem", parent=frame)
        lay.addWidget(label)
        # One row where there is room (a full-width panel), wrapping in a narrow column.
        buttons = FlowLayout(
            spacing=self.ctx.policy.control_gap_px, align=Qt.AlignmentFlag.AlignLeft
        )
        up = make_button("Move up")
        down = make_button("Move down")
        remove = make_button("Remove")
        row = ListRow(frame, label, up, down, remove)
        up.clicked.connect(lambda: self._move(row.qid, -1))
        down.clicked.connect(lambda: self._move(row.qid, +1))
        remove.clicked.connect(lambda: self._remove(row.qid))
        for button in (up, down, remove):
            buttons.addWidget(button)
        lay.addLayout(buttons)
        self.rows.addWidget(frame)
        return row

    def _remove(self, qid: str) -> None:
        self.ctx.session.set_question_chosen(qid, False)
        # The row is gone; its unticked box (or the first box) takes the focus instead.
        target = self.boxes.get(qid) or self.own_edit or self.first_focus()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.count_label, self.count_label.text())

    def reset(self) -> None:
        super().reset()
        self.list_scroll.verticalScrollBar().setValue(0)
        if self.own_edit is not None:
            wipe_text(self.own_edit)
            if self.ctx.policy.on_screen_keyboard:
                from decisionaid.ui.on_screen_keyboard import hide_on_screen_keyboard

                hide_on_screen_keyboard()

    def first_focus(self) -> QWidget | None:
        return next(iter(self.boxes.values()), None)

    def text_for_reading(self) -> str:
        texts = chosen_question_texts(self.ctx.session, self.data)
        listed = "\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1))
        return "\n".join(
            p for p in (self.count_label.text(), super().text_for_reading(), listed) if p
        )
