"""The knowledge check: each answer gets a kind explanation and its source at once.

Nothing is scored or totalled; answers live in the session only and go with a reset.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from decisionaid.core.decision_data import QuizItem
from decisionaid.core.guide import Step
from decisionaid.core.session import Change
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import ChoiceGroup, DecisionStep, announce, card


def feedback_text(item: QuizItem, chosen: int, source: str, *, hidden: bool = False) -> str:
    """The explanation, opening with whether the reader was right, unless their answer is
    hidden from a shared screen: then only the right answer, which tells nothing about theirs."""
    if hidden:
        opening = f"The answer is: {item.choices[item.answer]}."
    elif chosen == item.answer:
        opening = "That's right."
    else:
        opening = f"Not quite, and that is fine. The answer is: {item.choices[item.answer]}."
    return f"{opening} {item.explanation}" + (f" Source: {source}" if source else "")


class QuizStep(DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        assert self.data.quiz is not None
        self.items = self.data.quiz
        self.intro(
            "A few questions to check the main facts. This is not a test: nothing is scored, "
            "and nothing is kept after you leave. You can skip it."
        )
        self.skip_button = make_button(
            "Skip the check", "skipQuiz", tip="go on to the next step without answering"
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
                label.hide()
                label.setText("")
                continue
            text = feedback_text(item, chosen, self._source(item.source), hidden=hidden)
            label.setText(text)
            label.setAccessibleName(text)
            label.show()

    def first_focus(self) -> QWidget | None:
        return self.skip_button
