"""check-content compares the languages a guide ships in: the same steps, ids and numbers,
each difference reported at the line of the language that differs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid.cli import main
from decisionaid.core.checker import check_languages
from decisionaid.core.language_sections import toml_lines
from decisionaid.paths import content_dir
from tests.helpers import DECISION_CONTENT


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    """A content root with the small decision guide in en and, structurally the same, in es."""
    root = tmp_path / "content"
    shutil.copytree(DECISION_CONTENT, root / "en")
    shutil.copytree(DECISION_CONTENT, root / "es")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _differences(root: Path) -> list[str]:
    return [str(d) for d in check_languages(root).parity.items]


def _line(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def _id_line(path: Path, entry_id: str) -> int:
    return _line(path, f'id = "{entry_id}"')


def test_the_same_guide_in_two_languages_passes(bilingual: Path) -> None:
    checked = check_languages(bilingual)
    assert [r.guide.locale for r in checked.results] == ["en", "es"]
    assert checked.compared is not None and checked.compared.languages == ["en", "es"]
    pages = (bilingual / "en" / "pages").glob("*.md")
    blocks = sum(
        p.read_text(encoding="utf-8").count("```iconarray")
        + p.read_text(encoding="utf-8").count("```trial")
        for p in pages
    )
    assert checked.compared.pictures == blocks == 3
    assert not checked.parity.items


def test_a_question_missing_in_spanish(bilingual: Path) -> None:
    es = bilingual / "es" / "questions.toml"
    text = es.read_text(encoding="utf-8")
    start = text.index('[[questions]]\nid = "q-harms"')
    end = text.index("[[questions]]", start + 1)
    es.write_text(text[:start] + text[end:], encoding="utf-8")
    en = bilingual / "en" / "questions.toml"
    # Reported where it belongs in es: before the next question both languages have.
    assert _differences(bilingual) == [
        f"{es}:{_id_line(es, 'q-monitor')}: question 'q-harms' is missing in es: en has it "
        f"(en/questions.toml:{_id_line(en, 'q-harms')})"
    ]


def test_a_question_only_in_spanish(bilingual: Path) -> None:
    es = bilingual / "es" / "questions.toml"
    _edit(es, 'id = "q-monitor"', 'id = "q-vigilancia"')
    line = _line(es, "q-vigilancia")
    found = _differences(bilingual)
    assert f"{es}:{line}: question 'q-vigilancia' is not in en" in found
    assert any("question 'q-monitor' is missing in es" in m for m in found)


@pytest.mark.parametrize(
    ("en_line", "es_line", "difference"),
    [
        ("numerator = 20", "numerator = 21", "'groups[2].numerator' is 21; en has 20"),
        ('certainty = "low"', 'certainty = "moderate"', "'certainty' is 'moderate'; en has 'low'"),
        ('source = "alpha"', 'source = "beta"', "'source' is 'beta'; en has 'alpha'"),
    ],
)
def test_an_icon_array_number_certainty_or_source_that_differs(
    bilingual: Path, en_line: str, es_line: str, difference: str
) -> None:
    es = bilingual / "es" / "pages" / "benefits.md"
    _edit(es, en_line, es_line)
    line = _line(es, es_line)
    assert _differences(bilingual) == [
        f"{es}:{line}: picture 'response': {difference} (en/pages/benefits.md:{line})"
    ]


def test_a_missing_icon_array_group(bilingual: Path) -> None:
    es = bilingual / "es" / "pages" / "benefits.md"
    _edit(es, '\n[[groups]]\nname = "Midazolam (a comparison drug)"\nnumerator = 20\n', "\n")
    found = _differences(bilingual)
    assert (
        f"{es}:{_line(es, '```iconarray')}: picture 'response': 'groups' is 1 entry; en has 2 entries"
        in (m.split(" (en/")[0] for m in found)
    )


def test_a_quiz_item_missing_in_spanish(bilingual: Path) -> None:
    es = bilingual / "es" / "quiz.toml"
    text = es.read_text(encoding="utf-8")
    es.write_text(text[: text.index('[[items]]\nid = "how-long"')], encoding="utf-8")
    en = bilingual / "en" / "quiz.toml"
    found = _differences(bilingual)
    assert found == [
        f"{es}:{_id_line(es, 'approved')}: quiz item 'how-long' is missing in es: en has "
        f"it (en/quiz.toml:{_id_line(en, 'how-long')})"
    ]


def test_a_quiz_item_with_another_answer_or_fewer_choices(bilingual: Path) -> None:
    es = bilingual / "es" / "quiz.toml"
    _edit(es, "answer = 1", "answer = 0")
    text = es.read_text(encoding="utf-8")
    first_choices = text.index("choices = [")
    end = text.index("]", first_choices)
    choices = text[first_choices:end]
    es.write_text(text[:first_choices] + choices.rsplit(",", 1)[0] + text[end:], encoding="utf-8")
    found = [m.split(" (en/")[0] for m in _differences(bilingual)]
    assert f"{es}:{_line(es, 'answer = 0')}: quiz item 'approved': 'answer' is 0; en has 1" in found
    assert any("'choices' is 2 entries; en has 3 entries" in m for m in found), found


def test_steps_in_another_order(bilingual: Path) -> None:
    es = bilingual / "es" / "guide.toml"
    text = es.read_text(encoding="utf-8")
    text = text.replace('id = "quiz"', 'id = "TMP"').replace('id = "questions"', 'id = "quiz"')
    text = text.replace('id = "TMP"', 'id = "questions"')
    text = text.replace('kind = "quiz"', 'kind = "TMP"').replace(
        'kind = "questions"', 'kind = "quiz"'
    )
    es.write_text(text.replace('kind = "TMP"', 'kind = "questions"'), encoding="utf-8")
    assert _differences(bilingual) == [
        f"{es}:{_id_line(es, 'questions')}: step 'questions' is out of order: en has "
        f"step 'quiz' here (en/guide.toml:{_id_line(bilingual / 'en' / 'guide.toml', 'quiz')})"
    ]


def test_a_values_statement_and_a_page_citation_missing(bilingual: Path) -> None:
    es = bilingual / "es"
    text = (es / "values.toml").read_text(encoding="utf-8")
    start = text.rindex("[[statements]]")
    (es / "values.toml").write_text(text[:start], encoding="utf-8")
    _edit(es / "pages" / "benefits.md", "felt better [@alpha]", "felt better")
    found = [m.split(" (en/")[0] for m in _differences(bilingual)]
    assert any(m.startswith(f"{es / 'values.toml'}:") and "values statement" in m for m in found)
    assert (
        f"{es / 'pages' / 'benefits.md'}:8: page 'pages/benefits.md': 'cites' is none; en has [alpha]"
        in found
    )


def test_a_data_file_missing_in_one_language(bilingual: Path) -> None:
    (bilingual / "es" / "questions.toml").unlink()
    # Reported once, though the file holds two tables (topics and questions).
    assert _differences(bilingual) == [
        f"{bilingual / 'es' / 'questions.toml'}:1: missing or unreadable in es: en has "
        "en/questions.toml:1"
    ]


# --- which folders are compared -----------------------------------------------------------------


def test_a_language_folder_is_compared_with_its_siblings(
    bilingual: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(bilingual / "es" / "pages" / "benefits.md", "numerator = 20", "numerator = 21")
    assert main(["check-content", str(bilingual / "es"), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "picture 'response': 'groups[2].numerator' is 21" in captured.out
    assert "en and es compared: 1 difference" in captured.err
    # The English folder alone is compared with its sibling too, and says so.
    assert main(["check-content", str(bilingual / "en")]) == 1
    out = capsys.readouterr().out
    assert "Languages compared: en, es" in out


def test_a_folder_without_sibling_languages_compares_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(DECISION_CONTENT, tmp_path / "en")
    checked = check_languages(tmp_path / "en")
    assert checked.compared is None
    assert main(["check-content", str(tmp_path / "en")]) == 0
    assert "compared" not in capsys.readouterr().out


def test_toml_lines_skip_multi_line_strings() -> None:
    text = 'title = "A"\nnotes = """\nid = "not a key"\n"""\n\n[[steps]]\nid = "one"\n'
    assert toml_lines(text) == {"title": 1, "notes": 2, "steps[1]": 6, "steps[1].id": 7}


# --- the guide the app ships ----------------------------------------------------------------------


def test_the_shipped_english_and_spanish_guides_are_clean_and_match() -> None:
    checked = check_languages(content_dir().parent)
    assert [r.guide.locale for r in checked.results] == ["en", "es"]
    for result in checked.results:
        problems = [str(d) for d in result.diagnostics.items]
        assert problems == [], result.guide.locale
    assert checked.compared is not None and checked.compared.languages == ["en", "es"]
    assert checked.compared.pictures >= 12
    assert [str(d) for d in checked.parity.items] == []


def test_the_shipped_spanish_pages_read_easily(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-content", str(content_dir("es"))]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.startswith("  ") and ".md" in line]
    assert len(rows) >= 12
    assert all(float(row[0]) >= 65.0 for row in rows), rows  # "bastante fácil" or easier
    assert "Languages compared: en, es" in out
