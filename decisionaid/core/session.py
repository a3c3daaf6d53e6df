"""Everything one reader chooses, in memory only. `reset()` wipes all of it in one call."""

from __future__ import annotations

from decisionaid.core.observable import Observable
from decisionaid.core.record import field, record, record_fields

TEXT_SCALES = (100, 125, 150, 175, 200)
OWN_PREFIX = "own:"
OWN_QUESTION_MAX_CHARS = 300


@record
class SessionState:
    """The reader's choices. Every field has an empty default so a reset is a fresh instance."""

    current_step: int = 0
    text_scale: int = 100
    seen_content_notes: set[str] = field(default_factory=set)
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


class Session(Observable):
    """Holds one SessionState; widgets read it and call its methods, and listen for changes."""

    def __init__(self) -> None:
        super().__init__()
        self.state = SessionState()

    def reset(self) -> None:
        self.state = SessionState()
        self.notify("reset")

    def is_empty(self) -> bool:
        fresh = SessionState()
        return all(getattr(self.state, f) == getattr(fresh, f) for f in record_fields(fresh))

    # -- navigation and view -------------------------------------------------------------

    def go_to(self, index: int) -> None:
        if index != self.state.current_step:
            self.state.current_step = index
            self.notify("current_step")

    def set_text_scale(self, percent: int) -> None:
        percent = min(max(percent, TEXT_SCALES[0]), TEXT_SCALES[-1])
        if percent != self.state.text_scale:
            self.state.text_scale = percent
            self.notify("text_scale")

    def set_high_contrast(self, on: bool) -> None:
        if on != self.state.high_contrast:
            self.state.high_contrast = on
            self.notify("high_contrast")

    def set_hide_answers(self, on: bool) -> None:
        if on != self.state.hide_answers:
            self.state.hide_answers = on
            self.notify("hide_answers")

    def mark_content_note_seen(self, step_id: str) -> None:
        self.state.seen_content_notes.add(step_id)
        self.notify("seen_content_notes")

    # -- decision support ------------------------------------------------------------------

    def set_value(self, statement_id: str, answer: int | None) -> None:
        """One "what matters to you" answer: 0..4 on the scale, or None for "Not sure"."""
        if self.state.values.get(statement_id, -1) != answer:
            self.state.values[statement_id] = answer
            self.notify("values")

    def answer_quiz(self, item_id: str, choice: int) -> None:
        if self.state.quiz_answers.get(item_id) != choice:
            self.state.quiz_answers[item_id] = choice
            self.notify("quiz_answers")

    def set_question_chosen(self, question_id: str, chosen: bool) -> None:
        """Put a bank question or an own question ("own:N") on the reader's list, or take it off."""
        s = self.state
        if chosen == (question_id in s.question_order):
            return
        if chosen:
            s.question_order.append(question_id)
        else:
            s.question_order.remove(question_id)
        self.notify("questions")

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
            self.notify("questions")
            return known
        self.state.own_questions.append(text)
        question_id = f"{OWN_PREFIX}{len(self.state.own_questions) - 1}"
        self.state.question_order.append(question_id)
        self.notify("questions")
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
        self.notify("questions")
        return True

    def set_sure(self, letter: str, yes: bool) -> None:
        if self.state.sure_answers.get(letter) != yes:
            self.state.sure_answers[letter] = yes
            self.notify("sure_answers")

    def sure_score(self, items: int = 4) -> int | None:
        """One point per "yes"; None until every item has an answer."""
        answers = self.state.sure_answers
        return sum(answers.values()) if len(answers) >= items else None

    def set_leaning(self, leaning: str | None) -> None:
        if self.state.leaning != leaning:
            self.state.leaning = leaning
            self.notify("leaning")
