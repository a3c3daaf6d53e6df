"""The knowledge check: each answer gets a kind explanation and its source at once.

Once answered, the right choice carries a tick and the words "Right answer", so it never shows
by colour alone; the feedback names it once, then gives the reason. Nothing is scored or
totalled; answers live in the session only and go with a reset.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from decisionaid.core.decision_data import QuizItem
from decisionaid.core.guide import Step
from decisionaid.core.i18n import _
from decisionaid.core.session import Change
from decisionaid.core.wording import Wording
from decisionaid.ui.answer_mark import right_answer_icon
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.reader_text import forget_reader_text, show_reader_text
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import ChoiceGroup, DecisionStep, announce, card


def feedback_text(
    item: QuizItem, chosen: int, source: str, wording: Wording, *, hidden: bool = False
) -> str:
    """The explanation, opening with whether the reader was right and naming the right choice
    once, unless their answer is hidden from a shared screen: then only the right answer,
    which tells nothing about theirs."""
    answer = item.choices[item.answer].rstrip(".")
    if hidden:
        key = "quiz.hidden"
    elif chosen == item.answer:
        key = "quiz.right"
    else:
        key = "quiz.not_quite"
    parts = [wording.format(key, answer=answer), item.explanation]
    if source:
        parts.append(wording.format("quiz.source", source=source))
    return " ".join(parts)


class QuizStep(DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        assert self.data.quiz is not None
        self.items = self.data.quiz
        self.wording = ctx.guide.wording
        self.intro(self.wording["quiz.intro"])
        self.skip_button = make_button(
            self.wording["quiz.skip"], "skipQuiz", tip=_("go on to the next step without answering")
        )
        self.skip_button.clicked.connect(ctx.next_step)
        self.column.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.groups: dict[str, ChoiceGroup] = {}
        self.feedback: dict[str, QLabel] = {}
        self.frames: dict[str, QFrame] = {}
        for n, item in enumerate(self.items, 1):
            frame, lay = card(self.body)
            title = make_label(f"{n}. {item.question}", "sectionTitle")
            group = ChoiceGroup(item.question, item.choices, columns=1, parent=frame)
            group.chosen.connect(lambda i, iid=item.id: self._answer(iid, i))
            result = make_label("", "feedback")
            result.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            result.hide()
            lay.addWidget(title)
            lay.addWidget(group)
            lay.addWidget(result)
            self.column.addWidget(frame)
            self.groups[item.id] = group
            self.feedback[item.id] = result
            self.frames[item.id] = frame
        self.column.addStretch(1)

    def _source(self, key: str) -> str:
        ref = self.ctx.guide.references.get(key)
        return f"[{ref.number}] {ref.authors} ({ref.year})." if ref else ""

    def _answer(self, item_id: str, index: int) -> None:
        self.ctx.session.answer_quiz(item_id, index)
        label = self.feedback[item_id]
        announce(label, label.text())

    def listens_to(self) -> tuple[Change, ...]:
        return (Change.QUIZ_ANSWERS, Change.HIDE_ANSWERS)

    def refresh(self) -> None:
        answers = self.ctx.session.state.quiz_answers
        hidden = self.answers_hidden
        for item in self.items:
            group, label = self.groups[item.id], self.feedback[item.id]
            chosen = answers.get(item.id)
            group.set_checked(chosen, hidden=hidden)
            if chosen is None:
                group.set_mark(None)
                label.hide()
                forget_reader_text(label)
                continue
            # The right choice, once the reader has answered: a tick and words beside it.
            # On a shared screen too, since it says nothing about the reader's answer.
            on_chosen = chosen == item.answer and not hidden
            group.set_mark(item.answer, self.wording["quiz.marker"], self._tick(on_chosen))
            text = feedback_text(
                item, chosen, self._source(item.source), self.wording, hidden=hidden
            )
            show_reader_text(label, text, name=text)  # it says how the reader answered
            label.show()

    def _tick(self, on_chosen: bool) -> QIcon:
        theme = self.ctx.theme()
        colour = theme.on_selection if on_chosen else theme.text
        side = self.fontMetrics().height()
        return right_answer_icon(colour, side, self.devicePixelRatioF())

    def apply_theme(self) -> None:
        super().apply_theme()
        if hasattr(self, "items"):
            self.refresh()  # the tick in the new theme's colour

    def first_focus(self) -> QWidget | None:
        return self.skip_button
