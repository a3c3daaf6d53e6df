"""Decision support without Qt: the session's choices, the data files, the summary and the QR text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid.core.checker import check_content
from decisionaid.core.content import load_guide
from decisionaid.core.decision_files import load_decision_data
from decisionaid.core.qr_payload import QR_MAX_BYTES, qr_codes
from decisionaid.core.record import record_fields
from decisionaid.core.session import Change, Session, SessionState
from decisionaid.core.summary import build_summary, reflection, summary_text

DECISION_CONTENT = Path(__file__).parents[1] / "fixtures" / "decision" / "en"
REAL_CONTENT = Path(__file__).parents[2] / "resources" / "content" / "en"


@pytest.fixture
def guide():  # type: ignore[no-untyped-def]
    return load_guide(DECISION_CONTENT)


@pytest.fixture
def data(guide):  # type: ignore[no-untyped-def]
    return load_decision_data(guide.root, guide.locale, guide.references)


@pytest.fixture
def decision_copy(tmp_path: Path) -> Path:
    target = tmp_path / "en"
    shutil.copytree(DECISION_CONTENT, target)
    return target


def _fill(session: Session) -> None:
    """Make every choice a reader can make in the decision steps."""
    session.set_value("quick-relief", 4)
    session.set_value("cost", None)
    session.answer_quiz("approved", 0)
    session.set_question_chosen("q-options", True)
    session.add_own_question("Can my partner come with me?")
    session.move_question("own:0", -1)
    session.set_sure("S", True)
    session.set_leaning("unsure")


def _different(value: object) -> object:
    """A value unlike a field's fresh default, whatever the field holds."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, set):
        return {"something"}
    if isinstance(value, dict):
        return {"something": 1}
    if isinstance(value, list):
        return ["something"]
    return "something"


def test_reset_wipes_every_field_one_by_one() -> None:
    fresh = SessionState()
    for name in record_fields(fresh):
        session = Session()
        setattr(session.state, name, _different(getattr(fresh, name)))
        assert not session.is_empty(), name
        session.reset()
        assert getattr(session.state, name) == getattr(fresh, name), name


def test_reset_wipes_every_decision_choice() -> None:
    session = Session()
    _fill(session)
    decision_fields = (
        "values",
        "quiz_answers",
        "own_questions",
        "question_order",
        "sure_answers",
        "leaning",
    )
    fresh = SessionState()
    for name in decision_fields:
        assert getattr(session.state, name) != getattr(fresh, name), f"{name} was not filled"
    heard: list[Change] = []
    session.subscribe(heard.append)
    session.reset()
    for name in record_fields(fresh):
        assert getattr(session.state, name) == getattr(fresh, name), name
    assert session.is_empty()
    assert heard == [Change.RESET]
    assert session.own_question_text("own:0") == ""


def test_choices_notify_once_and_only_on_change() -> None:
    session = Session()
    heard: list[Change] = []
    session.subscribe(heard.append)
    session.set_value("cost", 2)
    session.set_value("cost", 2)
    session.set_value("cost", None)
    session.answer_quiz("approved", 1)
    session.set_sure("U", False)
    session.set_leaning("other")
    session.set_leaning("other")
    assert heard == [
        Change.VALUES,
        Change.VALUES,
        Change.QUIZ_ANSWERS,
        Change.SURE_ANSWERS,
        Change.LEANING,
    ]
    assert session.state.values == {"cost": None}


def test_questions_keep_the_readers_order() -> None:
    session = Session()
    session.set_question_chosen("q-options", True)
    session.set_question_chosen("q-harms", True)
    own = session.add_own_question("  Can my   partner come?  ")
    assert own == "own:0"
    assert session.own_question_text(own) == "Can my partner come?"
    assert session.add_own_question("   ") is None
    assert session.add_own_question("Can my partner come?") is None
    assert session.state.question_order == ["q-options", "q-harms", "own:0"]
    assert session.move_question("own:0", -1)
    assert session.move_question("own:0", -1)
    assert not session.move_question("own:0", -1), "already at the top"
    assert session.state.question_order == ["own:0", "q-options", "q-harms"]
    assert session.move_question("q-options", +1)
    assert session.state.question_order == ["own:0", "q-harms", "q-options"]
    session.set_question_chosen("q-harms", False)
    assert session.state.question_order == ["own:0", "q-options"]


def test_sure_score_needs_all_four_answers() -> None:
    session = Session()
    for letter in "SUR":
        session.set_sure(letter, True)
    assert session.sure_score() is None
    session.set_sure("E", False)
    assert session.sure_score() == 3


def test_data_files_load(data) -> None:  # type: ignore[no-untyped-def]
    assert not data.diagnostics.items
    assert [t.id for t in data.questions.topics] == ["ask3", "safety"]
    assert len(data.values.scale) == 5 and data.values.not_sure == "Not sure"
    assert data.quiz[0].choices[data.quiz[0].answer] == "No"
    assert [i.letter for i in data.sure.items] == ["S", "U", "R", "E"]


def test_the_shipped_data_passes_its_checks() -> None:
    guide = load_guide(REAL_CONTENT)
    loaded = load_decision_data(REAL_CONTENT, "en", guide.references)
    assert not loaded.diagnostics.errors, [str(d) for d in loaded.diagnostics.errors]


def test_broken_data_is_reported_by_check_content(decision_copy: Path) -> None:
    (decision_copy / "quiz.toml").write_text(
        '[[items]]\nid = "x"\nquestion = "Q?"\nchoices = ["A", "B"]\nanswer = 5\n'
        'explanation = "E."\nsource = "nowhere"\n',
        encoding="utf-8",
    )
    sure = (decision_copy / "sure.toml").read_text(encoding="utf-8")
    (decision_copy / "sure.toml").write_text(
        sure.replace("Do you feel SURE about", "Are you SURE about"), encoding="utf-8"
    )
    (decision_copy / "questions.toml").unlink()
    messages = [str(d) for d in check_content(decision_copy).diagnostics.errors]
    assert any("quiz.toml:2:" in m and "answer must be an index" in m for m in messages)
    assert any("sure.toml" in m and "differs from the published wording" in m for m in messages)
    assert any("questions.toml:1:" in m and "missing" in m for m in messages)


def test_a_missing_file_only_disables_its_own_step(decision_copy: Path) -> None:
    (decision_copy / "quiz.toml").unlink()
    loaded = load_decision_data(decision_copy)
    assert loaded.quiz is None and not loaded.available_for("quiz")
    assert loaded.available_for("questions") and loaded.available_for("sure")


def test_summary_holds_what_the_reader_chose(data, guide) -> None:  # type: ignore[no-untyped-def]
    session = Session()
    session.set_value("quick-relief", 3)
    session.set_value("cost", None)
    session.set_question_chosen("q-monitor", True)
    session.add_own_question("Can my partner come with me?")
    for letter, yes in zip("SURE", (True, False, True, False), strict=True):
        session.set_sure(letter, yes)
    session.set_leaning("current")
    summary = build_summary(session, data, guide)
    assert summary.questions == (
        "Who watches me during and after a session?",
        "Can my partner come with me?",
    )
    assert [(v.statement[:7], v.answer) for v in summary.values] == [
        ("Feeling", "Very important"),
        ("Keeping", "Not sure"),
    ]
    assert summary.leaning == "Toward keeping my current care"
    assert summary.sure_score == 2
    assert len(summary.sure_next_steps) == 2
    assert summary.sure_next_steps[0].startswith("Find out more")
    text = summary_text(summary, guide.wording, title="My summary")
    assert "2. Can my partner come with me?" in text
    assert "yes to 2 of 4" in text
    # Which edition of the guide it came from, and when its evidence was searched.
    assert text.endswith("Decision test guide, edition 2026.12, evidence searched December 2026")


def test_no_next_steps_when_everything_is_yes(data, guide) -> None:  # type: ignore[no-untyped-def]
    session = Session()
    for letter in "SURE":
        session.set_sure(letter, True)
    assert build_summary(session, data, guide).sure_next_steps == ()


def test_reflection_groups_answers_without_a_verdict(data) -> None:  # type: ignore[no-untyped-def]
    session = Session()
    session.set_value("quick-relief", 4)
    session.set_value("avoid-side-effects", 0)
    session.set_value("cost", None)
    groups = dict(reflection(session, data))
    assert groups["You said these matter a lot to you"] == ["feeling better quickly"]
    assert groups["You said these matter less to you"] == ["avoiding side effects"]
    assert groups["You were not sure about"] == ["keeping costs low"]


def test_qr_payload_is_only_the_questions() -> None:
    questions = ["What are my options?", "Who watches me during a session?"]
    payload = qr_codes(questions)[0]
    assert payload.text == (
        "Questions to ask my provider:\n1. What are my options?\n2. Who watches me during a session?"
    )
    assert "http" not in payload.text and "www" not in payload.text
    assert payload.included == payload.total == 2


def test_a_full_qr_payload_fits_the_code_its_budget_names() -> None:
    import segno

    from decisionaid.core.qr_payload import QR_ERROR, qr_byte_capacity

    questions = [f"Question {i}: what should I know about this part of it?" for i in range(40)]
    for version in (7, 11, 20, 40):
        payload = qr_codes(questions, max_bytes=qr_byte_capacity(version))[0]
        # As ui/qr_widget draws it: UTF-8, with the designator that says so.
        qr = segno.make(
            payload.text, error=QR_ERROR, micro=False, boost_error=False, encoding="utf-8", eci=True
        )
        assert qr.version <= version


def test_the_plan_takes_the_smallest_readable_module_and_the_largest_code_that_fits() -> None:
    from decisionaid.core.qr_payload import (
        MAX_CODE_MM,
        MIN_MODULE_MM,
        qr_byte_capacity,
        qr_plan,
        qr_side_modules,
    )

    # A 27-inch 1080x1920 portrait panel: 3.2 pixels a millimetre; 0.6 mm is 2 pixels.
    plan = qr_plan(1000, 3.2)
    assert plan.min_module_px == 2
    assert plan.version == 40 and plan.max_bytes == qr_byte_capacity(40)
    # A 15-inch 1366x768 laptop (4.1 px/mm), 440 pixels of room at 200% text: 3-pixel modules,
    # so 146 modules a side, a version-30 code.
    plan = qr_plan(440, 4.1)
    assert plan.min_module_px == 3 >= MIN_MODULE_MM * 4.1
    assert qr_side_modules(plan.version) * 3 <= 440 < qr_side_modules(plan.version + 1) * 3
    # A dense screen at twice the pixel ratio: still two device pixels at the least.
    assert qr_plan(440, 1.5, device_pixel_ratio=2.0).min_module_px == 1
    # The code grows with the room, but never past MAX_CODE_MM.
    modules = qr_side_modules(22)
    assert plan.module_px(modules, 10_000) * modules <= MAX_CODE_MM * 4.1
    assert plan.module_px(modules, 0) == plan.min_module_px


def test_a_question_too_long_for_a_code_is_cut_short_and_the_reader_told() -> None:
    from decisionaid.core.qr_payload import qr_code_caption, qr_codes

    long_own = "Will I be able to " + "keep working and look after my children " * 7
    codes = qr_codes([long_own.strip() + "?", "What are my options?"])
    assert [c.included for c in codes] == [1, 1]
    first = codes[0]
    assert len(first.text.encode()) <= QR_MAX_BYTES
    assert first.shortened and not codes[1].shortened
    line = first.text.splitlines()[1]
    assert line.startswith("1. Will I be able to keep working") and line.endswith("...")
    assert not line.endswith(" ..."), "cut at a word, with no space before the ellipsis"
    headline, what_to_do = qr_code_caption(first)
    assert headline == (
        "Code 1 of 2: question 1 of your 2. "
        "Question 1 is too long for a code: this holds only its start."
    )
    assert "print your summary" in what_to_do
    assert codes[1].text == "Questions to ask my provider (code 2 of 2):\n2. What are my options?"


def test_a_long_list_takes_several_codes_that_hold_every_question_in_order() -> None:
    import segno

    from decisionaid.core.qr_payload import QR_ERROR, qr_byte_capacity, qr_code_caption, qr_codes

    questions = [f"Question number {i} about something that matters to me?" for i in range(10)]
    codes = qr_codes(questions)
    assert len(qr_codes(questions, max_bytes=qr_byte_capacity(20))) == 1, "one code holds all"
    assert len(codes) > 1
    held = []
    for index, code in enumerate(codes, 1):
        assert (code.index, code.count, code.total) == (index, len(codes), 10)
        assert len(code.text.encode()) <= QR_MAX_BYTES
        qr = segno.make(code.text, error=QR_ERROR, micro=False, boost_error=False)
        assert qr.version <= 11, "a version-11 code holds the default 250 bytes"
        heading, *lines = code.text.splitlines()
        assert heading == f"Questions to ask my provider (code {index} of {len(codes)}):"
        held += [line.split(". ", 1)[1] for line in lines]
        last = code.first + code.included - 1
        assert qr_code_caption(code)[0] == (
            f"Code {index} of {len(codes)}: questions {code.first} to {last} of your 10."
            if code.included > 1
            else f"Code {index} of {len(codes)}: question {code.first} of your 10."
        )
    assert held == questions, "every question, once, in the reader's order"
    assert qr_code_caption(qr_codes(questions[:1])[0]) == ("", "")


def test_qr_payload_cuts_long_lists_at_whole_questions() -> None:
    questions = [f"Question number {i} about something that matters to me?" for i in range(60)]
    payload = qr_codes(questions)[0]
    assert 0 < payload.included < payload.total == 60
    assert payload.text.splitlines()[-1].startswith(f"{payload.included}. ")
    assert len(payload.text.encode()) <= QR_MAX_BYTES


def test_a_code_can_end_with_the_guides_edition_and_keeps_to_its_budget() -> None:
    questions = [f"Question number {i} about something that matters to me?" for i in range(10)]
    footer = "Guide 2026.12, evidence 2026-12"
    codes = qr_codes(questions, heading="Preguntas", footer=footer, max_bytes=200)
    held = []
    for code in codes:
        heading, *lines, last = code.text.splitlines()
        assert heading.startswith("Preguntas (code ") and last == footer
        assert len(code.text.encode()) <= 200
        held += [line.split(". ", 1)[1] for line in lines]
    assert held == questions
