""" "What matters to you" and "Where are you leaning?": the reader's own view, never a verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from decisionaid.core.escape import escape
from decisionaid.core.guide import Step
from decisionaid.core.i18n import _
from decisionaid.core.session import Change
from decisionaid.core.summary import reflection
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import ChoiceGroup, DecisionStep, card
from decisionaid.ui.steps.rating_scale import ScaleChoices, scale_row_px


class ValuesStep(DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        values = self.data.values
        assert values is not None
        self.intro(ctx.guide.wording["values.intro"])
        self.groups: dict[str, ChoiceGroup] = {}
        labels = [*values.scale, values.not_sure]
        for n, statement in enumerate(values.statements, 1):
            frame, lay = card(self.body)
            title = make_label(statement.text, "sectionTitle")
            title.setAccessibleName(
                _("Sentence {n} of {total}: {text}").format(
                    n=n, total=len(values.statements), text=statement.text
                )
            )
            group = ScaleChoices(statement.text, labels, ctx.theme, parent=frame)
            group.chosen.connect(lambda i, sid=statement.id: self._choose(sid, i))
            lay.addWidget(title)
            lay.addWidget(group)
            self.column.addWidget(frame)
            self.groups[statement.id] = group
        self.column.addStretch(1)
        self._not_sure = len(values.scale)

    def row_px(self, font_px: int) -> int:
        """The scale's five points stay one row wherever the screen has room for it, even
        where that is a little wider than the reading column: stacked, they read less like
        a scale."""
        values = self.data.values
        assert values is not None
        font = QFont(self.font())
        font.setPixelSize(font_px)
        return scale_row_px(values.scale, font)

    def _choose(self, statement_id: str, index: int) -> None:
        self.ctx.session.set_value(statement_id, None if index == self._not_sure else index)

    def listens_to(self) -> tuple[Change, ...]:
        return (Change.VALUES, Change.HIDE_ANSWERS)

    def refresh(self) -> None:
        answers = self.ctx.session.state.values
        hidden = self.answers_hidden
        for sid, group in self.groups.items():
            if sid in answers:
                answer = answers[sid]
                group.set_checked(self._not_sure if answer is None else answer, hidden=hidden)
            else:
                group.set_checked(None)

    def first_focus(self) -> QWidget | None:
        first = next(iter(self.groups.values()), None)
        return first.buttons[0] if first else None


class LeaningStep(DecisionStep):
    """The reader's answers to "What matters to you" shown back, then the leaning: the choices
    in the comparison's column order, "not sure yet" always last (leaning.toml)."""

    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        assert self.data.leaning is not None
        compare = ctx.guide.first_of_kind("compare")
        leaning = self.data.leaning.in_order(compare.options if compare else ())
        self.leaning = leaning
        self.words = leaning.reflect
        self.intro(leaning.intro)
        frame, lay = card(self.body)
        self.reflect_title = make_label(self.words["heading"], "sectionTitle")
        self.reflect_text = make_label(rich=True, parent=frame)  # escaped in refresh()
        self.reflect_text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.values_button = make_button(
            self.words["go_to_values"], "goToValues", tip=_("answer or change your answers")
        )
        self.values_button.clicked.connect(lambda: self._go_to_kind("values"))
        lay.addWidget(self.reflect_title)
        lay.addWidget(self.reflect_text)
        lay.addWidget(self.values_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(frame)

        ask, ask_lay = card(self.body)
        question = leaning.question
        ask_lay.addWidget(make_label(question, "sectionTitle"))
        ids = [c.id for c in leaning.choices]
        self.choices = ChoiceGroup(question, [c.label for c in leaning.choices], columns=1)
        self.choices.chosen.connect(lambda i: ctx.session.set_leaning(ids[i]))
        ask_lay.addWidget(self.choices)
        ask_lay.addWidget(make_label(leaning.note, "muted"))
        self.column.addWidget(ask)
        self.column.addStretch(1)

    def _go_to_kind(self, kind: str) -> None:
        step = self.ctx.guide.first_of_kind(kind)
        if step is not None:
            self.ctx.navigate(step.id, "")

    def listens_to(self) -> tuple[Change, ...]:
        return (Change.VALUES, Change.LEANING, Change.HIDE_ANSWERS)

    def refresh(self) -> None:
        groups = reflection(self.ctx.session, self.data)
        words = self.words
        if groups and self.answers_hidden:
            self.reflect_text.setText(f"<p>{escape(words['hidden'])}</p>")
        elif groups:
            parts = [
                f"<p><b>{escape(title)}:</b> {escape(', '.join(items))}.</p>"
                for title, items in groups
            ]
            self.reflect_text.setText("".join(parts))
        else:
            self.reflect_text.setText(f"<p>{escape(words['none'])}</p>")
        self.values_button.setText(words["change_values" if groups else "go_to_values"])
        self.values_button.setAccessibleName(self.values_button.text())
        chosen = self.leaning.index(self.ctx.session.state.leaning)
        self.choices.set_checked(chosen, hidden=self.answers_hidden)

    def first_focus(self) -> QWidget | None:
        return self.choices.buttons[0]
