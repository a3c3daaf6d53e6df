"""The decision-support data, as the steps read it: question bank, "what matters to you", the
leaning, knowledge check and SURE with its next steps.

Read from their files by decision_files.py; a part that could not be read is None.
"""

from __future__ import annotations

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.record import field, record, replace


@record(frozen=True)
class Topic:
    id: str
    title: str


@record(frozen=True)
class Question:
    id: str
    topic: str
    text: str
    source: str = ""
    line: int = 1


@record(frozen=True)
class QuestionBank:
    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]

    def in_topic(self, topic_id: str) -> list[Question]:
        return [q for q in self.questions if q.topic == topic_id]

    def get(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@record(frozen=True)
class Statement:
    id: str
    text: str
    reflect: str
    line: int = 1


@record(frozen=True)
class ValuesData:
    scale: tuple[str, ...]
    not_sure: str
    statements: tuple[Statement, ...]

    def answer_label(self, answer: int | None) -> str:
        if answer is None:
            return self.not_sure
        return self.scale[answer] if 0 <= answer < len(self.scale) else ""


@record(frozen=True)
class LeaningChoice:
    id: str
    label: str
    option: str = ""  # the comparison column it is about (guide.toml, compare step `options`)
    always: bool = False  # "not sure yet": always offered, always last
    line: int = 1


@record(frozen=True)
class LeaningData:
    intro: str
    question: str
    note: str
    reflect: dict[str, str]
    choices: tuple[LeaningChoice, ...]

    def label(self, choice_id: str | None) -> str:
        return next((c.label for c in self.choices if c.id == choice_id), "")

    def index(self, choice_id: str | None) -> int | None:
        return next((i for i, c in enumerate(self.choices) if c.id == choice_id), None)

    def in_order(self, options: tuple[str, ...]) -> LeaningData:
        """The choices in the order of the comparison's columns (`options`), whatever order
        the file gives them in, with the "not sure yet" choice last: the order never ranks."""

        def place(c: LeaningChoice) -> tuple[bool, int]:
            return (c.always, options.index(c.option) if c.option in options else len(options))

        return replace(self, choices=tuple(sorted(self.choices, key=place)))


@record(frozen=True)
class QuizItem:
    id: str
    question: str
    choices: tuple[str, ...]
    answer: int
    explanation: str
    source: str
    line: int = 1


@record(frozen=True)
class SureItem:
    letter: str
    text: str


@record(frozen=True)
class SureData:
    citation: str
    source: str
    items: tuple[SureItem, ...]


@record(frozen=True)
class SureNextStep:
    """What may help after a "No" to one SURE item (Ottawa Personal Decision Guide, step 4)."""

    letter: str
    suggestion: str
    go_to: str = ""  # the kind of step its button opens; "" for no button
    button: str = ""
    line: int = 1


@record
class DecisionData:
    questions: QuestionBank | None = None
    values: ValuesData | None = None
    leaning: LeaningData | None = None
    quiz: tuple[QuizItem, ...] | None = None
    sure: SureData | None = None
    next_steps: tuple[SureNextStep, ...] | None = None
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    def available_for(self, kind: str) -> bool:
        """Whether a step of this kind has the data it needs."""
        needs: dict[str, tuple[object, ...]] = {
            "questions": (self.questions,),
            "values": (self.values,),
            "leaning": (self.values, self.leaning),
            "quiz": (self.quiz,),
            "sure": (self.sure, self.next_steps),
        }
        return all(part is not None for part in needs.get(kind, ()))

    def next_step_for(self, letter: str) -> SureNextStep | None:
        return next((s for s in self.next_steps or () if s.letter == letter), None)
