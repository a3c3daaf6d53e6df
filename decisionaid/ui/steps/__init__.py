"""Which widget draws which kind of step. New kinds are added here; the window never changes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from decisionaid.core.guide import Step
from decisionaid.ui.steps.base import StepContext, StepFactory, StepWidget

_FACTORIES: dict[str, StepFactory] = {}

# Kinds only the text page draws: the first page need not wait for the decision widgets to load.
_TEXT_KINDS = frozenset({"page", "about", "references", "glossary"})


def _load_text_steps() -> None:
    """The text page's widget, loaded with the first step that is built: a kiosk's first
    screen (its welcome) shows none, and the page's modules make PySide6 build its text
    classes (the text browser, document, cursor and formats, about 25 M instructions)."""
    from decisionaid.ui.steps.page_step import PageStep

    _FACTORIES.update(dict.fromkeys((*_TEXT_KINDS, "compare"), PageStep))


def _load_decision_steps() -> None:
    """The decision-support steps, loaded with the first step that is not plain text. A
    broken module fails loudly here: it is never taken for a step without data."""
    from decisionaid.ui.steps.decision import DECISION_FACTORIES

    _FACTORIES.update(DECISION_FACTORIES)


def create_step_widget(ctx: StepContext, step: Step, parent: QWidget | None = None) -> StepWidget:
    from decisionaid.ui.steps.page_step import UnavailableStep

    if not _FACTORIES:
        _load_text_steps()
    if step.kind not in _TEXT_KINDS:
        _load_decision_steps()
    factory = _FACTORIES.get(step.kind)
    if step.broken or factory is None:
        return UnavailableStep(ctx, step, parent)
    try:
        return factory(ctx, step, parent)
    except Exception:  # a step that cannot be built must not take the guide down
        import logging

        logging.getLogger(__name__).exception("step %s could not be built", step.id)
        return UnavailableStep(ctx, step, parent)
