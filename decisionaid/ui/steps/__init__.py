"""Which widget draws which kind of step. New kinds register here; the window never changes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from decisionaid.core.content import Step
from decisionaid.ui.steps.base import StepContext, StepWidget
from decisionaid.ui.steps.page_step import PageStep, UnavailableStep

StepFactory = Callable[[StepContext, Step, QWidget | None], StepWidget]

_FACTORIES: dict[str, StepFactory] = {
    "page": PageStep,
    "compare": PageStep,
    "about": PageStep,
    "references": PageStep,
    "glossary": PageStep,
}


# Kinds only the text page draws: the first page need not wait for the decision widgets to load.
_TEXT_KINDS = frozenset({"page", "about", "references", "glossary"})


def register(kind: str, factory: StepFactory) -> None:
    _FACTORIES[kind] = factory


def _load_optional_steps() -> None:
    # Decision-support steps live in their own module; it registers its kinds on import.
    with contextlib.suppress(ImportError):
        import decisionaid.ui.steps.decision  # noqa: F401


def create_step_widget(ctx: StepContext, step: Step, parent: QWidget | None = None) -> StepWidget:
    if step.kind not in _TEXT_KINDS:
        _load_optional_steps()
    factory = _FACTORIES.get(step.kind)
    if step.broken or factory is None:
        return UnavailableStep(ctx, step, parent)
    try:
        return factory(ctx, step, parent)
    except Exception:  # a step that cannot be built must not take the guide down
        import logging

        logging.getLogger(__name__).exception("step %s could not be built", step.id)
        return UnavailableStep(ctx, step, parent)
