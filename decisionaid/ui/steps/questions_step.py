"""Questions to bring: tick from the bank, add your own, put them in your order.

The count of chosen questions sits above both columns so it is always in view. Reordering
is done with "Move up" and "Move down" buttons; nothing needs dragging.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
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
from decisionaid.ui.keyboard import own_questions_allowed
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import DecisionStep, announce, card


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
        self.label.setText(f"{i + 1}. {text}")
        self.up.setAccessibleName(f"Move question {i + 1} up: {text}")
        self.down.setAccessibleName(f"Move question {i + 1} down: {text}")
        self.remove.setAccessibleName(f"Take question {i + 1} off your list: {text}")
        self.up.setEnabled(i > 0)
        self.down.setEnabled(i < total - 1)


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

        self.intro(
            "Tick the questions you want to ask. They go on your list, on the right, "
            "where you can put them in the order you like."
        )
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

        self.own_edit: QLineEdit | None = None
        self.add_button: QPushButton | None = None
        if own_questions_allowed(ctx.policy):
            self._build_own_question()
        self.column.addStretch(1)

        # The reader's list, in their order, beside the bank.
        self.list_scroll = QScrollArea(self)
        self.list_scroll.setWidgetResizable(True)
        self.list_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.list_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        list_body = QWidget()
        self.list_column = QVBoxLayout(list_body)
        self.list_column.setContentsMargins(8, 16, 24, 24)
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
        columns = QHBoxLayout()
        columns.setSpacing(0)
        self.outer.removeWidget(self.scroll)
        for area in (self.scroll, self.list_scroll):
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        columns.addWidget(self.scroll, 1)
        columns.addWidget(self.list_scroll, 1)
        self.outer.addLayout(columns, 1)
        self.row_buttons: dict[tuple[str, str], QPushButton] = {}
        self.list_rows: list[ListRow] = []  # the first ones show the list; the rest are hidden
        self._empty_note: QLabel | None = None
        self._rows_shown: tuple[list[str], list[str]] | None = None  # the ids and texts listed

    def _build_own_question(self) -> None:
        frame, lay = card(self.body)
        lay.addWidget(make_label("Add your own question", "sectionTitle"))
        row = QHBoxLayout()
        edit = QLineEdit(frame)
        edit.setPlaceholderText("Type your question here")
        edit.setAccessibleName("Your own question")
        edit.setMaxLength(OWN_QUESTION_MAX_CHARS)
        if not self.ctx.policy.context_menus:
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        add = make_button("Add to my list", "addOwnQuestion", tip="add your question to your list")
        edit.returnPressed.connect(self._add_own)
        add.clicked.connect(self._add_own)
        row.addWidget(edit, 1)
        row.addWidget(add)
        lay.addLayout(row)
        self.column.addWidget(frame)
        self.own_edit, self.add_button = edit, add

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
                row.qid = ""

    def _row(self) -> ListRow:
        frame, lay = card(self.rows_holder)
        label = make_label("", "ownListItem", parent=frame)
        lay.addWidget(label)
        buttons = QGridLayout()
        buttons.setSpacing(self.ctx.policy.control_gap_px)
        up = make_button("Move up")
        down = make_button("Move down")
        remove = make_button("Remove")
        row = ListRow(frame, label, up, down, remove)
        up.clicked.connect(lambda: self._move(row.qid, -1))
        down.clicked.connect(lambda: self._move(row.qid, +1))
        remove.clicked.connect(lambda: self._remove(row.qid))
        buttons.addWidget(up, 0, 0)
        buttons.addWidget(down, 0, 1)
        buttons.addWidget(remove, 1, 0)
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

    def first_focus(self) -> QWidget | None:
        return next(iter(self.boxes.values()), None)

    def text_for_reading(self) -> str:
        texts = chosen_question_texts(self.ctx.session, self.data)
        listed = "\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1))
        return "\n".join(
            p for p in (self.count_label.text(), super().text_for_reading(), listed) if p
        )
