"""Questions to bring: tick from the bank, add your own, put them in your order.

The count of chosen questions sits above everything so it is always in view. The reader's list
sits beside the bank where the step is wide enough for two columns, and below it, as a panel of
its own, where it is not (a portrait kiosk, large text). "Add your own question" heads the list,
so it is in view without scrolling past the bank. Reordering is done with "Move up" and "Move
down" buttons; nothing needs dragging.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSizePolicy, QWidget

from decisionaid.core.guide import Step
from decisionaid.core.i18n import _, ngettext
from decisionaid.core.session import Change
from decisionaid.core.summary import chosen_question_texts
from decisionaid.ui.controls import make_label, wipe_text
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import DecisionStep, card
from decisionaid.ui.steps.question_list import ReaderListPanel
from decisionaid.ui.steps.questions_layout import INTRO, TWO_COLUMNS, QuestionsLayout


def count_text(n: int) -> str:
    if n == 0:
        return _("You have not chosen any questions yet.")
    return ngettext("You have chosen {n} question.", "You have chosen {n} questions.", n).format(
        n=n
    )


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


class QuestionsStep(ReaderListPanel, QuestionsLayout, DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        bank = self.data.questions
        assert bank is not None
        self.bank = bank
        # The count stays above the scrolling parts, so it is always visible.
        self.count_label = make_label("", "count")
        self.count_label.setContentsMargins(24, 12, 24, 4)
        self.outer.insertWidget(0, self.count_label)

        self.intro_label = self.intro(_(INTRO[TWO_COLUMNS]))
        self.boxes: dict[str, QCheckBox] = {}
        for topic in bank.topics:
            questions = bank.in_topic(topic.id)
            if not questions:
                continue
            frame, lay = card(self.body)
            heading = make_label(topic.title, "sectionTitle")
            lay.addWidget(heading)
            for q in questions:
                row = CheckRow(q.text, _("Question about {topic}").format(topic=topic.title), frame)
                row.box.toggled.connect(
                    lambda on, qid=q.id: ctx.session.set_question_chosen(qid, on)
                )
                lay.addWidget(row)
                self.boxes[q.id] = row.box
            self.column.addWidget(frame)
        self.column.addStretch(1)
        self._build_list_panel()
        self._build_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out_columns()  # one column or two

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
