"""The SURE test: four yes/no questions, word for word, with the citation its authors require.

A score of 3 or lower brings next steps for each "No" (Ottawa Personal Decision Guide), from
sure-next-steps.toml. The score is never called good or bad, and nothing is kept after the
session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from decisionaid.core.guide import Step
from decisionaid.core.i18n import _
from decisionaid.core.session import Change
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.reader_text import forget_reader_text, show_reader_text
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import ChoiceGroup, DecisionStep, announce, card


class SureStep(DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        sure = self.data.sure
        assert sure is not None
        self.sure = sure
        self.words = words = ctx.guide.wording
        self.intro(words["sure.intro"])
        self.groups: dict[str, ChoiceGroup] = {}
        yes_no = [words["sure.yes"], words["sure.no"]]
        for item in sure.items:
            frame, lay = card(self.body)
            lay.addWidget(make_label(item.text, "sectionTitle"))
            group = ChoiceGroup(item.text, yes_no, columns=2, parent=frame)
            group.chosen.connect(lambda i, letter=item.letter: self._answer(letter, i))
            lay.addWidget(group)
            self.column.addWidget(frame)
            self.groups[item.letter] = group

        self.result, res = card(self.body, "result")
        self.result_text = make_label("", "sectionTitle")
        res.addWidget(self.result_text)
        self.suggestions: list[tuple[str, QWidget]] = []
        for suggested in self.data.next_steps or ():
            letter, kind = suggested.letter, suggested.go_to
            line = make_label(f"• {suggested.suggestion}")
            res.addWidget(line)
            self.suggestions.append((letter, line))
            if kind and ctx.guide.first_of_kind(kind) is not None:
                button = make_button(suggested.button, f"sureGoTo-{kind}")
                button.clicked.connect(lambda _=False, k=kind: self._go_to_kind(k))
                res.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
                self.suggestions.append((letter, button))
        self.column.addWidget(self.result)
        self.result.hide()

        citation = make_label(sure.citation, "muted")
        citation.setAccessibleName(
            _("Source of these four questions: {citation}").format(citation=sure.citation)
        )
        self.column.addWidget(citation)
        self.column.addStretch(1)

    def _answer(self, letter: str, index: int) -> None:
        self.ctx.session.set_sure(letter, index == 0)
        if self.result.isVisible():
            announce(self.result_text, self.result_text.text())

    def _go_to_kind(self, kind: str) -> None:
        step = self.ctx.guide.first_of_kind(kind)
        if step is not None:
            self.ctx.navigate(step.id, "")

    def listens_to(self) -> tuple[Change, ...]:
        return (Change.SURE_ANSWERS, Change.HIDE_ANSWERS)

    def refresh(self) -> None:
        answers = self.ctx.session.state.sure_answers
        hidden = self.answers_hidden
        for letter, group in self.groups.items():
            answer = answers.get(letter)
            group.set_checked(None if answer is None else (0 if answer else 1), hidden=hidden)
        total = len(self.sure.items)
        score = self.ctx.session.sure_score(total)
        if score is None:
            self.result.hide()
            forget_reader_text(self.result_text)
            return
        if hidden:
            # The score and the next steps would show which questions got a "No".
            text = self.words["sure.hidden"]
        elif score == total:
            text = self.words.format("sure.all_yes", total=total)
        else:
            text = self.words.format("sure.some_yes", score=score, total=total)
        show_reader_text(self.result_text, text, name=text)  # the reader's score
        for letter, widget in self.suggestions:
            widget.setVisible(not hidden and score < total and answers.get(letter) is False)
        self.result.show()

    def first_focus(self) -> QWidget | None:
        first = next(iter(self.groups.values()), None)
        return first.buttons[0] if first else None

    def suggestion_buttons(self) -> list[QPushButton]:
        return [
            w for _, w in self.suggestions if isinstance(w, QPushButton) and w.isVisibleTo(self)
        ]
