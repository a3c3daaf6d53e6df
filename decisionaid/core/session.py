"""Everything one reader chooses, in memory only. `reset()` wipes all of it in one call."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from decisionaid.core.observable import Observable

TEXT_SCALES = (100, 125, 150, 175, 200)


@dataclass
class SessionState:
    """The reader's choices. Every field has an empty default so a reset is a fresh instance."""

    current_step: int = 0
    text_scale: int = 100
    seen_content_notes: set[str] = field(default_factory=set)
    values: dict[str, int | None] = field(
        default_factory=dict
    )  # statement id -> 0..4, None = not sure
    quiz_answers: dict[str, int] = field(default_factory=dict)  # item id -> chosen index
    ticked_questions: list[str] = field(default_factory=list)  # question ids, in the reader's order
    own_questions: list[str] = field(default_factory=list)
    question_order: list[str] = field(default_factory=list)  # ids incl. "own:N", reader's order
    sure_answers: dict[str, bool] = field(default_factory=dict)  # letter -> yes/no
    leaning: str | None = None
    hide_answers: bool = False


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
        return all(getattr(self.state, f.name) == getattr(fresh, f.name) for f in fields(fresh))

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

    def mark_content_note_seen(self, step_id: str) -> None:
        self.state.seen_content_notes.add(step_id)
        self.notify("seen_content_notes")
