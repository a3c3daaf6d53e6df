"""The decision-support steps, by kind, for the step registry (ui/steps/__init__.py).

A step whose data file is missing or broken shows the calm "not available" notice; the other
steps keep working.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from decisionaid.core.guide import Step
from decisionaid.ui.steps.base import StepContext, StepFactory, StepWidget
from decisionaid.ui.steps.compare_step import CompareStep
from decisionaid.ui.steps.page_step import UnavailableStep
from decisionaid.ui.steps.questions_step import QuestionsStep
from decisionaid.ui.steps.quiz_step import QuizStep
from decisionaid.ui.steps.summary_step import SummaryStep
from decisionaid.ui.steps.sure_step import SureStep
from decisionaid.ui.steps.values_step import LeaningStep, ValuesStep

_STEPS: dict[str, type[StepWidget]] = {
    "values": ValuesStep,
    "leaning": LeaningStep,
    "quiz": QuizStep,
    "questions": QuestionsStep,
    "sure": SureStep,
    "summary": SummaryStep,
}


def _factory(cls: type[StepWidget]):  # type: ignore[no-untyped-def]
    def build(ctx: StepContext, step: Step, parent: QWidget | None = None) -> StepWidget:
        if not ctx.decision_data().available_for(step.kind):
            return UnavailableStep(ctx, step, parent)
        return cls(ctx, step, parent)

    return build


DECISION_FACTORIES: dict[str, StepFactory] = {kind: _factory(cls) for kind, cls in _STEPS.items()}
DECISION_FACTORIES["compare"] = CompareStep
