"""The editorial rules of issue 3: one failing example per rule, and the real guide passing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from decisionaid.cli import main
from decisionaid.core import content_rules
from decisionaid.core.checker import check_content
from decisionaid.core.content import load_guide
from decisionaid.core.page_blocks import running_text
from decisionaid.core.readability import FLESCH_KINCAID
from decisionaid.paths import content_dir
from tests.helpers.guides import GOOD_REFS, errors, make_guide, messages, page

# --- the real guide ------------------------------------------------------------------------


def test_real_content_passes_cleanly() -> None:
    result = check_content(content_dir("en"))
    assert [str(d) for d in result.diagnostics.items] == []
    pages = [s.page for s in result.guide.steps if s.page is not None]
    assert len(pages) >= 11
    grade_lines = [line for line in result.report if line.strip().endswith("words)")]
    assert len(grade_lines) == len(pages)
    for p in pages:
        assert FLESCH_KINCAID(running_text(p)) <= 8.0


def test_check_content_prints_reading_grade_per_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-content", str(content_dir("en"))]) == 0
    out = capsys.readouterr().out
    assert "Reading grade (Flesch-Kincaid, limit 8.0; syllables from the CMU dictionary):" in out
    assert "pages/benefits.md" in out and "pages/risks.md" in out
    assert "Balance: benefits" in out


# --- front matter ----------------------------------------------------------------------------


def test_review_date_older_than_twelve_months_warns(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"old": page("old", reviewed="2020-01-15")})
    result = check_content(root)
    warnings = [str(d) for d in result.diagnostics.warnings]
    assert any(
        "pages/old.md:6: warning: reviewed 2020-01-15, more than 12 months ago" in w
        for w in warnings
    ), warnings
    assert not result.diagnostics.errors


def test_review_date_twelve_months_boundary(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"p": page("p", reviewed="2025-02-28")})
    guide = load_guide(root)
    from decisionaid.core.diagnostics import Diagnostics
    from decisionaid.core.render import PageRenderer

    def stale_on(day: dt.date) -> bool:
        diags = Diagnostics()
        content_rules.check_front_matter(guide, PageRenderer(guide), diags, [], today=day)
        return any("more than 12 months" in str(d) for d in diags.items)

    assert not stale_on(dt.date(2026, 2, 28))
    assert stale_on(dt.date(2026, 3, 1))


def test_review_date_in_the_future_warns(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"p": page("p", reviewed="2999-01-01")})
    assert any("is in the future" in m for m in messages(root))


def test_missing_counsellor_notes_warns(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"p": page("p", notes=False)})
    assert any("no 'counsellor_notes'" in m for m in messages(root))


# --- reading level ---------------------------------------------------------------------------


HARD_BODY = """
Notwithstanding considerable methodological heterogeneity, investigators characterized
intravenous administration of subanesthetic racemic ketamine as demonstrating
statistically significant, albeit transient, ameliorative effects on posttraumatic
symptomatology among treatment-refractory individuals [@alpha].
"""


def test_hard_page_fails_reading_grade(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"hard": page("hard", HARD_BODY)})
    found = [m for m in errors(root) if "reading grade" in m]
    assert len(found) == 1
    assert found[0].startswith(str(Path("pages/hard.md"))) or "pages/hard.md:" in found[0]
    assert "above 8.0" in found[0]


def test_running_text_leaves_out_markup_tables_and_icon_arrays(tmp_path: Path) -> None:
    body = """
    ## A heading that is not running text

    Short words here [@alpha]. See the [[word list|placebo]] and [a step](step:p).

    - A list item without a full stop

    | Extraordinarily | polysyllabic | tabulation |
    |---|---|---|
    | incomprehensibility | notwithstanding | characterization |

    ```iconarray
    id = "x"
    label = "felt better"
    population = "adults in one trial (30 people)"
    timeframe = "2 weeks"
    certainty = "low"
    source = "alpha"

    [[groups]]
    name = "Ketamine"
    numerator = 67
    ```
    """
    root = make_guide(tmp_path, {"p": page("p", body)})
    guide = load_guide(root)
    text = running_text(guide.steps[0].page)  # type: ignore[arg-type]
    assert text == (
        "Short words here. See the word list and a step. A list item without a full stop."
    )
    assert not errors(root)


# --- figures need citations --------------------------------------------------------------------


def test_paragraph_with_a_figure_needs_a_citation(tmp_path: Path) -> None:
    body = """
    About 40 out of 100 people felt better.

    It takes about 15 minutes to read this page.

    - Most people had 6 sessions over 2 weeks

    | Option | Time |
    |---|---|
    | A | 2 weeks |

    About 67 out of 100 people improved [@alpha].
    """
    root = make_guide(tmp_path, {"p": page("p", body)})
    result = check_content(root)
    errs = [str(d) for d in result.diagnostics.errors]
    assert any("pages/p.md:11: paragraph states a figure ('40 out of 100')" in m for m in errs), (
        errs
    )
    assert any("pages/p.md:15: paragraph states a figure ('6 sessions')" in m for m in errs), errs
    assert len([m for m in errs if "states a figure" in m]) == 2
    warns = [str(d) for d in result.diagnostics.warnings]
    assert any("pages/p.md:19: warning: table row states a figure ('2 weeks')" in w for w in warns)


@pytest.mark.parametrize(
    "sentence",
    [
        "Symptoms fell by 30% in this group.",
        "It cost $500 a session.",
        "The dose was 0.5 mg.",
        "The trial had 158 Veterans in it.",
        "One in five people felt sick.",
    ],
)
def test_kinds_of_figures(sentence: str) -> None:
    assert content_rules.FIGURE.search(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    ["Call or text 988.", "Veterans can press 1.", "It takes about 15 minutes.", "See the PCL-5."],
)
def test_not_figures(sentence: str) -> None:
    assert not content_rules.FIGURE.search(sentence), sentence


# --- references --------------------------------------------------------------------------------


EXTRA_REF = """
[[references]]
key = "beta"
type = "review"
authors = "Beta B"
year = 2022
title = "A second study"
source = "Journal of Tests 2:11-20"
pmid = "123456"
"""


def test_reference_never_cited(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"p": page("p")}, references=GOOD_REFS + EXTRA_REF)
    assert any("references.toml:12: reference 'beta' is never cited" in m for m in errors(root))


def test_reference_cited_only_by_a_data_file_counts_as_used(tmp_path: Path) -> None:
    quiz = """
    [[items]]
    id = "one"
    question = "Is this a test?"
    choices = ["Yes", "No"]
    answer = 0
    explanation = "Yes."
    source = "beta"
    """
    root = make_guide(
        tmp_path, {"p": page("p")}, references=GOOD_REFS + EXTRA_REF, files={"quiz.toml": quiz}
    )
    assert not errors(root)


def test_data_file_names_an_unknown_source(tmp_path: Path) -> None:
    questions = """
    [[topics]]
    id = "options"
    title = "My options"

    [[questions]]
    id = "q1"
    topic = "options"
    text = "What are my options?"
    source = "nowhere"
    """
    root = make_guide(tmp_path, {"p": page("p")}, files={"questions.toml": questions})
    assert any(
        "questions.toml:10: source 'nowhere' is not in references.toml" in m for m in errors(root)
    )


# --- marketing words ---------------------------------------------------------------------------


WORDS = """
# a comment
revolutionary
minimal side effects
cure
re:up to \\d+ ?%
"""


def test_marketing_words_in_page_text(tmp_path: Path) -> None:
    body = """
    This is a revolutionary way to feel well [@alpha].

    It has minimal
    side effects and helps up to 70% of people [@alpha].

    Your answers are secure. It does not cure PTSD, some say [@alpha].
    """
    root = make_guide(tmp_path, {"p": page("p", body)}, files={"marketing-words.txt": WORDS})
    found = [m for m in errors(root) if "overstated wording" in m]
    assert "pages/p.md:11: uses overstated wording 'revolutionary'" in " ".join(found)
    assert any("pages/p.md:13: uses overstated wording 'minimal side effects'" in m for m in found)
    assert any("'up to 70%'" in m for m in found), found
    assert any("pages/p.md:16: uses overstated wording 'cure'" in m for m in found), found
    assert not any("secure" in m for m in found)


def test_marketing_words_in_title_and_data_but_not_counsellor_notes(tmp_path: Path) -> None:
    text = page("p", title="A Revolutionary option").replace(
        'counsellor_notes = "Talking points."',
        'counsellor_notes = "Clinics call it revolutionary."',
    )
    values = """
    scale = ["Not important", "A little", "Somewhat", "Very", "Extremely"]
    not_sure = "Not sure"

    [[statements]]
    id = "s1"
    text = "Finding a cure"
    reflect = "finding a cure"
    """
    root = make_guide(
        tmp_path, {"p": text}, files={"marketing-words.txt": WORDS, "values.toml": values}
    )
    found = [m for m in errors(root) if "overstated wording" in m]
    assert any("pages/p.md:3: uses overstated wording 'Revolutionary'" in m for m in found), found
    # The statement and the phrase that reflects it back on the leaning step are both read.
    assert sum("values.toml:" in m and "'cure'" in m for m in found) == 2, found
    assert len(found) == 3


def test_invalid_regular_expression_in_word_list(tmp_path: Path) -> None:
    root = make_guide(
        tmp_path, {"p": page("p")}, files={"marketing-words.txt": "ok\nre:up to (\\d+\n"}
    )
    assert any("marketing-words.txt:2: invalid regular expression" in m for m in errors(root))


# --- balance -------------------------------------------------------------------------------------


def test_benefits_and_risks_must_be_comparable(tmp_path: Path) -> None:
    long_body = "Some people felt a bit better for a short time [@alpha].\n" * 10
    short_body = "Some people felt sick [@alpha].\n"
    root = make_guide(
        tmp_path,
        {"benefits": page("benefits", long_body), "risks": page("risks", short_body)},
    )
    found = [m for m in errors(root) if "under 0.7x" in m]
    assert len(found) == 1
    assert "pages/risks.md" in found[0]
    assert "'risks' has 4 words" in found[0] and "'benefits' has 100" in found[0]


def test_comparable_benefits_and_risks_pass(tmp_path: Path) -> None:
    body = "Some people felt a bit better for a short time [@alpha].\n"
    root = make_guide(tmp_path, {"benefits": page("benefits", body), "risks": page("risks", body)})
    result = check_content(root)
    assert not result.diagnostics.errors
    assert any(line.startswith("Balance: benefits 10 words") for line in result.report)


# --- counsellor notes --------------------------------------------------------------------------


def _with_notes(notes: str) -> str:
    return page("p").replace(
        'counsellor_notes = "Talking points."', f'counsellor_notes = """\n{notes}"""'
    )


def test_a_list_straight_after_a_line_of_counsellor_notes_warns(tmp_path: Path) -> None:
    notes = "Talking points\n- First point\n  goes on here.\n- Second point\n"
    root = make_guide(tmp_path, {"p": _with_notes(notes)})
    found = [m for m in messages(root) if "counsellor notes" in m]
    # The page's front matter starts at line 1: "Talking points" is line 8, its list line 9.
    assert found == [
        f"{root}/pages/p.md:9: warning: counsellor notes: the list after 'Talking points' needs "
        "a blank line before it, or it shows as one run-on paragraph"
    ], found


@pytest.mark.parametrize(
    "notes",
    [
        "Talking points\n\n- First point\n- Second point\n",
        "### Talking points\n- First point\n- Second point\n",
        "- A point that runs on\n  over two lines.\n- Another point\n",
    ],
    ids=["blank line", "heading", "list only"],
)
def test_counsellor_notes_set_off_as_a_list_pass(tmp_path: Path, notes: str) -> None:
    root = make_guide(tmp_path, {"p": _with_notes(notes)})
    assert not [m for m in messages(root) if "counsellor notes" in m]
