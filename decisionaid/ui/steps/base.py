"""What every step widget shares, and the context a step is built with."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import QWidget

from decisionaid.core.config import Config
from decisionaid.core.guide import Guide, Step
from decisionaid.core.page_cache import Pages
from decisionaid.core.policy import Policy
from decisionaid.core.record import record
from decisionaid.core.session import Session

if TYPE_CHECKING:
    from decisionaid.core.decision_data import DecisionData
    from decisionaid.ui.session_signals import SessionSignals
    from decisionaid.ui.theme import Theme


DecisionDataLoader = Callable[[], "DecisionData"]  # loads the data files on its first call


@record
class StepContext:
    """Everything a step widget may use. Steps never reach into the main window."""

    guide: Guide
    pages: Pages  # every page as HTML, from a cache or rendered on first use
    session: Session
    decision_data: DecisionDataLoader
    signals: SessionSignals
    policy: Policy
    config: Config
    theme: Callable[[], Theme]
    navigate: Callable[[str, str], None]  # step id, anchor
    next_step: Callable[[], None]
    # A word's meaning, or a source's full reference, beside the link tapped: (key, the widget
    # holding the link, the link's rectangle in it).
    show_glossary: Callable[[str, QWidget, QRect], None]
    show_reference: Callable[[str, QWidget, QRect], None]
    open_external: Callable[[str], None]


class StepWidget(QWidget):
    """A step's content. It keeps no reader state that must outlive `reset()`."""

    # The step started or stopped showing a content note (`showing_note`), which changes what
    # the window's forward control does.
    noteShownChanged = Signal()

    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.step = step
        self.setAccessibleName(step.title)

    @property
    def showing_note(self) -> bool:
        """A content note stands before the step's words: going on skips them."""
        return False

    def on_shown(self) -> None:
        """Called each time the reader arrives at this step."""

    def reset(self) -> None:
        """Forget everything the reader did here: scroll, answers, open panels."""

    def apply_theme(self) -> None:
        """Called after the text size or theme changed."""

    def first_focus(self) -> QWidget | None:
        """The control that should take focus when the step opens."""
        return None

    def text_for_reading(self) -> str:
        """The step's text as plain words (for read-aloud and tests)."""
        return ""


StepFactory = Callable[[StepContext, Step, QWidget | None], StepWidget]
