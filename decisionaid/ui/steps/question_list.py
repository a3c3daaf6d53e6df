"""The reader's list on the questions step: their chosen and own questions in their order, each
with Move up, Move down and Remove, and the "Add your own question" box at its head."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.i18n import _
from decisionaid.core.session import OWN_QUESTION_MAX_CHARS
from decisionaid.core.summary import chosen_question_texts
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.flow_layout import FlowLayout
from decisionaid.ui.keyboard import own_questions_allowed
from decisionaid.ui.reader_text import forget_reader_text, show_reader_text
from decisionaid.ui.steps.decision_base import announce, card
from decisionaid.ui.steps.questions_layout import ONE_SCROLL


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
        show_reader_text(self.up, name=_("Move question {n} up: {text}").format(n=i + 1, text=text))
        show_reader_text(
            self.down, name=_("Move question {n} down: {text}").format(n=i + 1, text=text)
        )
        show_reader_text(
            self.remove,
            name=_("Take question {n} off your list: {text}").format(n=i + 1, text=text),
        )
        self.up.setEnabled(i > 0)
        self.down.setEnabled(i < total - 1)

    def clear(self) -> None:
        """A row not in use holds no question: hidden rows are still read by screen readers."""
        self.qid = ""
        forget_reader_text(self.frame)


class ReaderListPanel:
    """The reader's list of `QuestionsStep` (a mixin): its panel, its rows kept and refilled,
    and what their buttons and the own-question box do."""

    def _build_list_panel(self) -> None:
        ctx = self.ctx
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
        self.list_title = make_label(_("Your list"), "sectionTitle")
        self.list_column.addWidget(self.list_title)
        self.rows_holder = QWidget(list_body)
        self.rows = QVBoxLayout(self.rows_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(8)
        self.list_column.addWidget(self.rows_holder)
        self.list_column.addStretch(1)
        self.list_scroll.setWidget(list_body)
        panel.addWidget(self.list_scroll, 1)
        self.row_buttons: dict[tuple[str, str], QPushButton] = {}
        self.list_rows: list[ListRow] = []  # the first ones show the list; the rest are hidden
        self._empty_note: QLabel | None = None
        self._rows_shown: tuple[list[str], list[str]] | None = None  # the ids and texts listed

    def _build_own_question(self) -> QWidget:
        holder = QWidget(self.list_panel)
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(24, 12, 24, 0)
        frame, lay = card(holder)
        title = make_label(_("Add your own question"), "sectionTitle")
        lay.addWidget(title)
        row = QHBoxLayout()
        edit = QLineEdit(frame)
        edit.setPlaceholderText(_("Type your question here"))
        edit.setAccessibleName(_("Your own question"))
        edit.setMaxLength(OWN_QUESTION_MAX_CHARS)
        title.setBuddy(edit)
        if not self.ctx.policy.context_menus:
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        add = make_button(
            _("Add to my list"), "addOwnQuestion", tip=_("add your question to your list")
        )
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
            announce(self.count_label, _("Moved to number {n}").format(n=i + 1))

    def _rebuild_rows(self) -> None:
        order = self.ctx.session.state.question_order
        texts = chosen_question_texts(self.ctx.session, self.data)
        if (order, texts) == self._rows_shown:
            return  # every visit refreshes the step; the list on screen is already this one
        self._rows_shown = (list(order), texts)
        shown = list(zip(order, texts, strict=False))
        self.row_buttons.clear()
        if not order and self._empty_note is None:
            self._empty_note = make_label(_("Your chosen questions will appear here."), "muted")
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
        up = make_button(_("Move up"))
        down = make_button(_("Move down"))
        remove = make_button(_("Remove"))
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
