"""Reading the decision-support data (decision_data.py) from its files, each checked as it is
read: question bank, "what matters to you", the leaning, knowledge check and SURE with its next
steps.

Loaded from `questions.toml`, `values.toml`, `leaning.toml`, `quiz.toml`, `sure.toml` and
`sure-next-steps.toml` beside the guide.
Like the rest of the content, loading never raises: each problem becomes a diagnostic and the
part that cannot be used is None, so only the step that needs it shows "not available".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from decisionaid.core.decision_data import (
    DecisionData,
    LeaningChoice,
    LeaningData,
    Question,
    QuestionBank,
    QuizItem,
    Statement,
    SureData,
    SureItem,
    SureNextStep,
    Topic,
    ValuesData,
)
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Guide
from decisionaid.core.textfile import line_of, load_toml_with_text

SCALE_SIZE = 5
SURE_LETTERS = ("S", "U", "R", "E")
# The published English items (O'Connor & Légaré 2008). The licence forbids altering them, so
# check-content compares the English file against this text word for word.
SURE_OFFICIAL_EN = {
    "S": "Do you feel SURE about the best choice for you?",
    "U": "Do you know the benefits and risks of each option?",
    "R": "Are you clear about which benefits and risks matter most to you?",
    "E": "Do you have enough support and advice to make a choice?",
}
# The published wording by language. A language without one (Spanish: no validated Spanish SURE
# has been found) uses the project's own translation, which its sure.toml citation must say;
# a published translation, once adopted, is added here and then checked word for word too.
SURE_PUBLISHED = {"en": SURE_OFFICIAL_EN}
# Which step kind needs which data files.
FILES_FOR_KIND = {
    "questions": ("questions.toml",),
    "values": ("values.toml",),
    "leaning": ("values.toml", "leaning.toml"),
    "quiz": ("quiz.toml",),
    "sure": ("sure.toml", "sure-next-steps.toml"),
}
CHOICE_ID = re.compile(r"^[a-z][a-z-]*$")
# The words around the reader's answers to "What matters to you" on the leaning step.
REFLECT_KEYS = (
    "heading",
    "high",
    "middle",
    "low",
    "unsure",
    "none",
    "hidden",
    "go_to_values",
    "change_values",
)


def _text(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key, "")
    return value.strip() if isinstance(value, str) else ""


class _Reader:
    """One data file: its parsed tables, its text for line numbers, and where to report."""

    def __init__(self, path: Path, diags: Diagnostics, what: str) -> None:
        self.path = path
        self.diags = diags
        self.data, self.text = load_toml_with_text(path, diags, what, inside=path.parent)

    def line(self, needle: str) -> int:
        return line_of(self.text, f'"{needle}"') if needle else 1

    def tables(self, key: str) -> list[dict[str, Any]]:
        assert self.data is not None
        entries = self.data.get(key, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.diags.error(self.path, 1, f"'{key}' must be a list of [[{key}]] tables")
            return []
        return entries

    def error(self, line: int, message: str) -> None:
        self.diags.error(self.path, line, message)

    def check_source(self, source: str, line: int, refs: dict[str, Any] | None, what: str) -> None:
        if source and refs is not None and source not in refs:
            self.error(line, f"{what} source '{source}' is not in references.toml")


def load_questions(
    path: Path, diags: Diagnostics, refs: dict[str, Any] | None
) -> QuestionBank | None:
    r = _Reader(path, diags, "question bank")
    if r.data is None:
        return None
    topics: list[Topic] = []
    for entry in r.tables("topics"):
        tid, title = _text(entry, "id"), _text(entry, "title")
        if not tid or not title:
            r.error(r.line(tid), "a topic needs 'id' and 'title'")
        elif any(t.id == tid for t in topics):
            r.error(r.line(tid), f"topic '{tid}' is listed twice")
        else:
            topics.append(Topic(tid, title))
    questions: list[Question] = []
    known = {t.id for t in topics}
    for entry in r.tables("questions"):
        qid, topic, text = _text(entry, "id"), _text(entry, "topic"), _text(entry, "text")
        line = r.line(qid)
        if not qid or not text:
            r.error(line, "a question needs 'id' and 'text'")
            continue
        if qid.startswith("own:") or any(q.id == qid for q in questions):
            r.error(line, f"question id '{qid}' is listed twice or reserved")
            continue
        if topic not in known:
            r.error(line, f"question '{qid}' has unknown topic '{topic}'")
            continue
        source = _text(entry, "source")
        r.check_source(source, line, refs, f"question '{qid}'")
        questions.append(Question(qid, topic, text, source, line))
    if not questions:
        r.error(1, "the question bank has no usable questions")
        return None
    for t in topics:
        if not any(q.topic == t.id for q in questions):
            diags.warning(path, r.line(t.id), f"topic '{t.id}' has no questions")
    return QuestionBank(tuple(topics), tuple(questions))


def load_values(path: Path, diags: Diagnostics) -> ValuesData | None:
    r = _Reader(path, diags, "values file")
    if r.data is None:
        return None
    scale = r.data.get("scale")
    ok = True
    if (
        not isinstance(scale, list)
        or len(scale) != SCALE_SIZE
        or not all(isinstance(s, str) and s.strip() for s in scale)
    ):
        r.error(line_of(r.text, "scale"), f"'scale' must list {SCALE_SIZE} labels")
        ok = False
    not_sure = _text(r.data, "not_sure")
    if not not_sure:
        r.error(1, "'not_sure' label is missing")
        ok = False
    statements: list[Statement] = []
    for entry in r.tables("statements"):
        sid, text, reflect = _text(entry, "id"), _text(entry, "text"), _text(entry, "reflect")
        line = r.line(sid)
        if not sid or not text or not reflect:
            r.error(line, "a statement needs 'id', 'text' and 'reflect'")
        elif any(s.id == sid for s in statements):
            r.error(line, f"statement '{sid}' is listed twice")
        else:
            statements.append(Statement(sid, text, reflect, line))
    if not statements:
        r.error(1, "no usable statements")
        ok = False
    if not ok:
        return None
    return ValuesData(tuple(s.strip() for s in scale), not_sure, tuple(statements))  # type: ignore[union-attr]


def load_leaning(path: Path, diags: Diagnostics) -> LeaningData | None:
    r = _Reader(path, diags, "leaning file")
    if r.data is None:
        return None
    ok = True
    texts = {}
    for key in ("intro", "question", "note"):
        texts[key] = _text(r.data, key)
        if not texts[key]:
            r.error(line_of(r.text, f"{key} ="), f"'{key}' is missing")
            ok = False
    table = r.data.get("reflect")
    reflect = {k: _text(table, k) for k in REFLECT_KEYS} if isinstance(table, dict) else {}
    missing = [k for k in REFLECT_KEYS if not reflect.get(k)]
    if missing:
        r.error(line_of(r.text, "[reflect]"), f"[reflect] needs {', '.join(missing)}")
        ok = False
    choices: list[LeaningChoice] = []
    for entry in r.tables("choices"):
        cid, label = _text(entry, "id"), _text(entry, "label")
        line = r.line(cid)
        always, option = entry.get("always", False), entry.get("option", "")
        if not CHOICE_ID.match(cid) or not label:
            r.error(line, "a choice needs an 'id' (lowercase letters and hyphens) and a 'label'")
            ok = False
        elif any(c.id == cid for c in choices):
            r.error(line, f"choice '{cid}' is listed twice")
            ok = False
        elif not isinstance(always, bool) or not isinstance(option, str):
            r.error(line, f"choice '{cid}': 'always' must be true or false, 'option' text")
            ok = False
        else:
            choices.append(LeaningChoice(cid, label, option.strip(), always, line))
    marked = [c for c in choices if c.always]
    if len(marked) != 1 or marked[0] is not choices[-1]:
        r.error(
            marked[-1].line if marked else r.line(choices[-1].id) if choices else 1,
            'exactly one choice, the last, must have always = true ("not sure yet")',
        )
        ok = False
    if len(choices) < 2:
        r.error(1, "the leaning needs at least two choices")
        ok = False
    if not ok:
        return None
    return LeaningData(texts["intro"], texts["question"], texts["note"], reflect, tuple(choices))


def load_next_steps(path: Path, diags: Diagnostics) -> tuple[SureNextStep, ...] | None:
    r = _Reader(path, diags, "SURE next-steps file")
    if r.data is None:
        return None
    steps: list[SureNextStep] = []
    ok = True
    for entry in r.tables("steps"):
        letter = _text(entry, "letter")
        suggestion, go_to, button = (_text(entry, k) for k in ("suggestion", "go_to", "button"))
        line = r.line(letter)
        if letter not in SURE_LETTERS or any(s.letter == letter for s in steps):
            r.error(line, f"letter '{letter}' must be one of S, U, R and E, each once")
            ok = False
        elif not suggestion:
            r.error(line, f"next step {letter} needs a 'suggestion'")
            ok = False
        elif bool(go_to) != bool(button):
            r.error(line, f"next step {letter}: give both 'go_to' and 'button', or neither")
            ok = False
        else:
            steps.append(SureNextStep(letter, suggestion, go_to, button, line))
    if ok and {s.letter for s in steps} != set(SURE_LETTERS):
        missing = ", ".join(sorted(set(SURE_LETTERS) - {s.letter for s in steps}))
        r.error(1, f"next steps are missing for {missing}")
        ok = False
    return tuple(steps) if ok else None


def load_quiz(
    path: Path, diags: Diagnostics, refs: dict[str, Any] | None
) -> tuple[QuizItem, ...] | None:
    r = _Reader(path, diags, "knowledge check")
    if r.data is None:
        return None
    items: list[QuizItem] = []
    for entry in r.tables("items"):
        iid = _text(entry, "id")
        line = r.line(iid)
        choices = entry.get("choices")
        answer = entry.get("answer")
        needed = [k for k in ("id", "question", "explanation", "source") if not _text(entry, k)]
        if needed:
            r.error(line, f"knowledge-check item needs {', '.join(needed)}")
            continue
        if any(i.id == iid for i in items):
            r.error(line, f"knowledge-check item '{iid}' is listed twice")
            continue
        if (
            not isinstance(choices, list)
            or not 2 <= len(choices) <= 5
            or not all(isinstance(c, str) and c.strip() for c in choices)
        ):
            r.error(line, f"item '{iid}' needs 2 to 5 'choices'")
            continue
        if (
            not isinstance(answer, int)
            or isinstance(answer, bool)
            or not 0 <= answer < len(choices)
        ):
            r.error(line, f"item '{iid}' answer must be an index into its choices, from 0")
            continue
        source = _text(entry, "source")
        r.check_source(source, line, refs, f"item '{iid}'")
        items.append(
            QuizItem(
                iid,
                _text(entry, "question"),
                tuple(c.strip() for c in choices),
                answer,
                _text(entry, "explanation"),
                source,
                line,
            )
        )
    if not items:
        r.error(1, "the knowledge check has no usable items")
        return None
    return tuple(items)


def load_sure(
    path: Path, diags: Diagnostics, refs: dict[str, Any] | None, locale: str
) -> SureData | None:
    r = _Reader(path, diags, "SURE test file")
    if r.data is None:
        return None
    citation, source = _text(r.data, "citation"), _text(r.data, "source")
    ok = True
    if not citation:
        r.error(1, "the SURE test must carry the citation its authors require")
        ok = False
    r.check_source(source, line_of(r.text, "source"), refs, "SURE test")
    items: list[SureItem] = []
    for entry in r.tables("items"):
        items.append(SureItem(_text(entry, "letter"), _text(entry, "text")))
    if tuple(i.letter for i in items) != SURE_LETTERS or not all(i.text for i in items):
        r.error(
            1, "the SURE test needs exactly four items, S, U, R and E, in that order, with text"
        )
        ok = False
    elif (published := SURE_PUBLISHED.get(re.split(r"[-_]", locale)[0].lower())) is not None:
        for item in items:
            if item.text != published[item.letter]:
                r.error(
                    line_of(r.text, item.text[:20]),
                    f"SURE item {item.letter} differs from the published wording; "
                    "it may not be altered",
                )
                ok = False
    return SureData(citation, source, tuple(items)) if ok else None


def load_decision_data(
    root: Path, locale: str = "en", refs: dict[str, Any] | None = None
) -> DecisionData:
    """Load every decision-support file under `root`. Never raises."""
    data = DecisionData()
    diags = data.diagnostics
    data.questions = load_questions(root / "questions.toml", diags, refs)
    data.values = load_values(root / "values.toml", diags)
    data.leaning = load_leaning(root / "leaning.toml", diags)
    data.quiz = load_quiz(root / "quiz.toml", diags, refs)
    data.sure = load_sure(root / "sure.toml", diags, refs, locale)
    data.next_steps = load_next_steps(root / "sure-next-steps.toml", diags)
    return data


def check_decision_data(guide: Guide, diags: Diagnostics) -> None:
    """check-content: report problems in the data files the guide's steps need."""
    needed = {f for s in guide.steps for f in FILES_FOR_KIND.get(s.kind, ())}
    if not needed:
        return
    loaded = load_decision_data(guide.root, guide.locale, guide.references)
    diags.items.extend(d for d in loaded.diagnostics.items if Path(d.path).name in needed)
