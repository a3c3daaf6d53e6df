"""Everything one reader chooses, in memory only. `reset()` wipes all of it in one call."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from decisionaid.core.record import field, record, record_fields

TEXT_SCALES = (100, 125, 150, 175, 200)
OWN_PREFIX = "own:"
OWN_QUESTION_MAX_CHARS = 300
# How many steps Back can retrace: far more than a reader goes back, and it keeps a long kiosk
# session's history from growing without end.
HISTORY_LIMIT = 200


class Change(Enum):
    """What a session change touched: a part of SessionState, or all of it (RESET)."""

    RESET = "reset"
    CURRENT_STEP = "current_step"
    TEXT_SCALE = "text_scale"
    HIGH_CONTRAST = "high_contrast"
    HIDE_ANSWERS = "hide_answers"
    SEEN_CONTENT_NOTES = "seen_content_notes"
    SKIPPED_PARTS = "skipped_parts"
    VALUES = "values"
    QUIZ_ANSWERS = "quiz_answers"
    QUESTIONS = "questions"  # question_order and own_questions
    SURE_ANSWERS = "sure_answers"
    LEANING = "leaning"
    LOCALE = "locale"


Listener = Callable[[Change], None]


@record
class SessionState:
    """The reader's choices. Every field has an empty default so a reset is a fresh instance."""

    current_step: int = 0
    # The steps the reader came from, the latest last: Back retraces them, so a jump to Sources
    # from a citation (or anywhere from the contents) is undone by Back.
    history: list[int] = field(default_factory=list)
    text_scale: int = 100
    seen_content_notes: set[str] = field(default_factory=set)
    # Steps whose content note the reader chose to skip, in the order they skipped them; the
    # summary lists them with a way back. Reading one takes it off.
    skipped_parts: list[str] = field(default_factory=list)
    values: dict[str, int | None] = field(
        default_factory=dict
    )  # statement id -> 0..4, None = not sure
    quiz_answers: dict[str, int] = field(default_factory=dict)  # item id -> chosen index
    own_questions: list[str] = field(default_factory=list)
    question_order: list[str] = field(default_factory=list)  # ids incl. "own:N", reader's order
    sure_answers: dict[str, bool] = field(default_factory=dict)  # letter -> yes/no
    leaning: str | None = None
    hide_answers: bool = False
    high_contrast: bool = False
    # The language the reader chose; "" until they choose one: the clinic's default. A reset
    # therefore brings the next reader back to the clinic's language.
    locale: str = ""


class Session:
    """Holds one SessionState; widgets read it and call its methods, and listen for changes.

    The core has no Qt signals: listeners are plain callables (ui/session_signals.py turns
    them into one).
    """

    def __init__(self) -> None:
        self.state = SessionState()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    def reset(self) -> None:
        self.state = SessionState()
        self.notify(Change.RESET)

    def is_empty(self) -> bool:
        fresh = SessionState()
        return all(getattr(self.state, f) == getattr(fresh, f) for f in record_fields(fresh))

    # -- navigation and view -------------------------------------------------------------

    def go_to(self, index: int, *, remember: bool = True) -> None:
        """Show step `index`; with `remember`, Back will come back to the step left."""
        s = self.state
        if index != s.current_step:
            if remember:
                s.history.append(s.current_step)
                del s.history[:-HISTORY_LIMIT]
            s.current_step = index
            self.notify(Change.CURRENT_STEP)

    def back_target(self) -> int | None:
        """Where Back goes: the step the reader came from, else the one before this one."""
        s = self.state
        if s.history:
            return s.history[-1]
        return s.current_step - 1 if s.current_step > 0 else None

    def go_back(self) -> int | None:
        """Go where Back goes (see `back_target`), forgetting that step of the history."""
        target = self.back_target()
        if target is not None:
            if self.state.history:
                self.state.history.pop()
            self.go_to(target, remember=False)
        return target

    def set_text_scale(self, percent: int) -> None:
        percent = min(max(percent, TEXT_SCALES[0]), TEXT_SCALES[-1])
        if percent != self.state.text_scale:
            self.state.text_scale = percent
            self.notify(Change.TEXT_SCALE)

    def step_text_scale(self, direction: int) -> None:
        """The next text size up (+1) or down (-1) from the reader's."""
        current = self.state.text_scale
        i = TEXT_SCALES.index(current) if current in TEXT_SCALES else 0
        self.set_text_scale(TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, i + direction))])

    def set_high_contrast(self, on: bool) -> None:
        if on != self.state.high_contrast:
            self.state.high_contrast = on
            self.notify(Change.HIGH_CONTRAST)

    def set_locale(self, locale: str) -> None:
        """Show the guide in another language; everything else the reader did stays."""
        if locale != self.state.locale:
            self.state.locale = locale
            self.notify(Change.LOCALE)

    def set_hide_answers(self, on: bool) -> None:
        if on != self.state.hide_answers:
            self.state.hide_answers = on
            self.notify(Change.HIDE_ANSWERS)

    def mark_content_note_seen(self, step_id: str) -> None:
        self.state.seen_content_notes.add(step_id)
        self.notify(Change.SEEN_CONTENT_NOTES)
        if step_id in self.state.skipped_parts:
            self.state.skipped_parts.remove(step_id)
            self.notify(Change.SKIPPED_PARTS)

    def skip_part(self, step_id: str) -> None:
        """The reader chose not to read a part behind a content note (for now)."""
        if step_id not in self.state.skipped_parts:
            self.state.skipped_parts.append(step_id)
            self.notify(Change.SKIPPED_PARTS)

    # -- decision support ------------------------------------------------------------------

    def set_value(self, statement_id: str, answer: int | None) -> None:
        """One "what matters to you" answer: 0..4 on the scale, or None for "Not sure"."""
        if self.state.values.get(statement_id, -1) != answer:
            self.state.values[statement_id] = answer
            self.notify(Change.VALUES)

    def answer_quiz(self, item_id: str, choice: int) -> None:
        if self.state.quiz_answers.get(item_id) != choice:
            self.state.quiz_answers[item_id] = choice
            self.notify(Change.QUIZ_ANSWERS)

    def set_question_chosen(self, question_id: str, chosen: bool) -> None:
        """Put a bank question or an own question ("own:N") on the reader's list, or take it off."""
        s = self.state
        if chosen == (question_id in s.question_order):
            return
        if chosen:
            s.question_order.append(question_id)
        else:
            s.question_order.remove(question_id)
        self.notify(Change.QUESTIONS)

    def add_own_question(self, text: str) -> str | None:
        """Add the reader's own question to the end of their list; returns its id."""
        text = " ".join(text.split())[:OWN_QUESTION_MAX_CHARS]
        if not text:
            return None
        if text in self.state.own_questions:
            # Typed again after it was taken off the list: put it back, once.
            known = f"{OWN_PREFIX}{self.state.own_questions.index(text)}"
            if known in self.state.question_order:
                return None
            self.state.question_order.append(known)
            self.notify(Change.QUESTIONS)
            return known
        self.state.own_questions.append(text)
        question_id = f"{OWN_PREFIX}{len(self.state.own_questions) - 1}"
        self.state.question_order.append(question_id)
        self.notify(Change.QUESTIONS)
        return question_id

    def own_question_text(self, question_id: str) -> str:
        try:
            return self.state.own_questions[int(question_id.removeprefix(OWN_PREFIX))]
        except (ValueError, IndexError):
            return ""

    def move_question(self, question_id: str, delta: int) -> bool:
        """Move a chosen question up (-1) or down (+1) the reader's list."""
        order = self.state.question_order
        if question_id not in order:
            return False
        i = order.index(question_id)
        j = i + delta
        if not 0 <= j < len(order):
            return False
        order[i], order[j] = order[j], order[i]
        self.notify(Change.QUESTIONS)
        return True

    def set_sure(self, letter: str, yes: bool) -> None:
        if self.state.sure_answers.get(letter) != yes:
            self.state.sure_answers[letter] = yes
            self.notify(Change.SURE_ANSWERS)

    def sure_score(self, items: int = 4) -> int | None:
        """One point per "yes"; None until every item has an answer."""
        answers = self.state.sure_answers
        return sum(answers.values()) if len(answers) >= items else None

    def set_leaning(self, leaning: str | None) -> None:
        if self.state.leaning != leaning:
            self.state.leaning = leaning
            self.notify(Change.LEANING)
