"""The rules of the clinical revision: each one fails on a small guide with the very problem the
review found, and the real guides (English and Spanish) pass them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid.core.checker import check_content
from decisionaid.core.content import load_guide
from decisionaid.paths import content_dir
from tests.helpers import DECISION_CONTENT
from tests.helpers.guides import GOOD_REFS, errors, make_guide, page


@pytest.fixture
def guide_copy(tmp_path: Path) -> Path:
    """The small decision guide, which passes every rule, to break one rule at a time."""
    target = tmp_path / "en"
    shutil.copytree(DECISION_CONTENT, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_small_decision_guide_passes(guide_copy: Path) -> None:
    assert errors(guide_copy) == []


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_real_guides_pass_the_revision_rules(locale: str) -> None:
    result = check_content(content_dir(locale), locale)
    # Spanish has no readability formula yet: that is reported as information, not an error.
    assert [str(d) for d in result.diagnostics.errors] == []
    assert any(line.startswith("Pictures per option: therapy ") for line in result.report)


# --- step order ---------------------------------------------------------------------------------


def test_the_knowledge_check_after_the_leaning_is_an_error(guide_copy: Path) -> None:
    manifest = guide_copy / "guide.toml"
    text = manifest.read_text(encoding="utf-8")
    quiz = '[[steps]]\nid = "quiz"\nkind = "quiz"\ntitle = "Check what you know"\nshort_title = "Check"\n\n'
    text = text.replace(quiz, "")
    text = text.replace('[[steps]]\nid = "questions"', quiz + '[[steps]]\nid = "questions"')
    manifest.write_text(text, encoding="utf-8")
    found = [m for m in errors(guide_copy) if "must come before the leaning" in m]
    line = text.split("\n").index('id = "quiz"') + 1
    assert found == [
        f"{manifest}:{line}: the knowledge check ('quiz') must come before the leaning "
        "('leaning'), so misunderstandings are corrected before the reader weighs the options"
    ]


# --- edition ------------------------------------------------------------------------------------


def test_a_guide_without_its_edition_is_an_error(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"p": page("p")})
    manifest = root / "guide.toml"
    edit(manifest, 'edition = "2026.12"\n', "")
    assert f"{manifest}:1: guide.toml has no 'edition': printouts and QR codes need it" in errors(
        root
    )


def test_the_next_review_must_fall_within_a_year(tmp_path: Path) -> None:
    root = make_guide(tmp_path, {"p": page("p")})
    manifest = root / "guide.toml"
    edit(manifest, "next_review = 2027-12-03", "next_review = 2028-06-01")
    assert (
        f"{manifest}:5: next_review must fall within 12 months after evidence_searched"
        in errors(root)
    )


def test_about_must_say_when_the_evidence_was_searched(tmp_path: Path) -> None:
    about = page("about", "The last search was in December 2025 [@alpha].\n")
    root = make_guide(tmp_path, {"p": page("p"), "about": about})
    edit(root / "guide.toml", 'id = "about"\nkind = "page"', 'id = "about"\nkind = "about"')
    found = [m for m in errors(root) if "About does not say" in m]
    assert found == [
        f"{root / 'pages' / 'about.md'}:9: About does not say when the evidence was last "
        "searched ('December 2026', from evidence_searched in guide.toml)"
    ]
    edit(root / "pages" / "about.md", "December 2025", "December 2026")
    assert not [m for m in errors(root) if "About does not say" in m]


# --- the comparison's options and pictures ------------------------------------------------------------


def test_an_option_with_no_picture_is_an_error(guide_copy: Path) -> None:
    # The review: "Show the numbers as pictures" showed ketamine only.
    compare = guide_copy / "pages" / "compare.md"
    edit(compare, 'option = "current-care"', 'option = "therapy"')
    result = check_content(guide_copy)
    assert "Pictures per option: therapy 2, ketamine 1, current-care 0" in result.report
    assert [str(d) for d in result.diagnostics.errors] == [
        f"{compare}:8: option 'current-care' (column 'Keep your current care') has no picture: "
        'give it at least one icon array with option = "current-care", so "Show the numbers '
        'as pictures" shows every option'
    ]


def test_a_picture_naming_an_option_the_comparison_lacks_is_an_error(guide_copy: Path) -> None:
    edit(guide_copy / "pages" / "benefits.md", 'option = "ketamine"', 'option = "ketamin"')
    found = errors(guide_copy)
    assert any("names option 'ketamin', which is not one of the comparison's" in m for m in found)


def test_the_options_must_match_the_columns(guide_copy: Path) -> None:
    edit(guide_copy / "guide.toml", '"ketamine", "current-care"]', '"ketamine"]')
    assert any(
        "lists 2 options but its table has 3 option columns" in m for m in errors(guide_copy)
    )


# --- the leaning ---------------------------------------------------------------------------------


def test_ketamine_first_in_the_leaning_is_an_error(guide_copy: Path) -> None:
    # The review: the leaning choices put ketamine first.
    leaning = guide_copy / "leaning.toml"
    text = leaning.read_text(encoding="utf-8")
    therapy = '[[choices]]\nid = "therapy"\noption = "therapy"\nlabel = "Toward a talk therapy"\n\n'
    text = text.replace(therapy, "")
    text = text.replace('[[choices]]\nid = "current"', therapy + '[[choices]]\nid = "current"')
    leaning.write_text(text, encoding="utf-8")
    found = [m for m in errors(guide_copy) if "must follow the comparison's columns" in m]
    assert found and "they name (ketamine, therapy, current-care)" in found[0]


def test_not_sure_must_be_offered_and_last(guide_copy: Path) -> None:
    leaning = guide_copy / "leaning.toml"
    edit(leaning, "always = true\n", "")
    assert any(
        'exactly one choice, the last, must have always = true ("not sure yet")' in m
        for m in errors(guide_copy)
    )


def test_leaning_choice_ids_are_unique(guide_copy: Path) -> None:
    edit(guide_copy / "leaning.toml", 'id = "current"', 'id = "therapy"')
    assert any("choice 'therapy' is listed twice" in m for m in errors(guide_copy))


# --- SURE next steps, quiz and the screens' words -----------------------------------------------------


def test_a_next_step_must_open_a_step_the_guide_has(guide_copy: Path) -> None:
    edit(guide_copy / "sure-next-steps.toml", 'go_to = "questions"', 'go_to = "question"')
    assert any(
        "next step U: go_to 'question' is not the kind of any step" in m for m in errors(guide_copy)
    )


def test_a_next_step_button_needs_somewhere_to_go(guide_copy: Path) -> None:
    path = guide_copy / "sure-next-steps.toml"
    edit(path, 'letter = "E"\nsuggestion', 'letter = "E"\nsuggestion')
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('go_to = ""\nbutton = ""', 'go_to = ""\nbutton = "Go"', 1))
    assert any(
        "next step E: give both 'go_to' and 'button', or neither" in m for m in errors(guide_copy)
    )


def test_an_explanation_that_repeats_the_answer_is_an_error(guide_copy: Path) -> None:
    # The review: "The answer is: No. No. ..." came from explanations starting with the answer.
    quiz = guide_copy / "quiz.toml"
    edit(quiz, 'explanation = "Ketamine is not', 'explanation = "No. Ketamine is not')
    found = [m for m in errors(guide_copy) if "starts with its answer" in m]
    assert found == [
        f"{quiz}:2: item 'approved': the explanation starts with its answer ('No'), which the "
        "app has just named: start with the reason"
    ]


def test_wording_placeholders_are_checked(guide_copy: Path) -> None:
    wording = guide_copy / "step-wording.toml"
    edit(wording, 'right = "That\'s right: {answer}."', 'right = "That\'s right: {choice}."')
    found = [m for m in errors(guide_copy) if "[quiz] 'right'" in m]
    assert any("must contain {answer}" in m for m in found), found
    assert any("unknown placeholder {choice} (allowed: {answer})" in m for m in found), found


def test_missing_wording_is_reported_at_its_table(guide_copy: Path) -> None:
    edit(guide_copy / "step-wording.toml", 'skip = "Skip the check"\n', "")
    assert any("'skip' is missing from [quiz]" in m for m in errors(guide_copy))


def test_overstated_wording_in_the_leaning_is_an_error(guide_copy: Path) -> None:
    (guide_copy / "marketing-words.txt").write_text("breakthrough\n", encoding="utf-8")
    edit(
        guide_copy / "leaning.toml",
        'label = "Toward ketamine or esketamine"',
        'label = "Toward the breakthrough"',
    )
    assert any(
        "leaning.toml:" in m and "uses overstated wording 'breakthrough'" in m
        for m in errors(guide_copy)
    )


def test_hard_wording_on_the_screens_is_an_error(guide_copy: Path) -> None:
    hard = (
        "Notwithstanding considerable methodological heterogeneity, pharmacological "
        "interventions demonstrated statistically indistinguishable efficacy characteristics."
    )
    edit(
        guide_copy / "leaning.toml",
        'note = "There is no right answer',
        f'note = "{hard} {hard} {hard} There is no right answer',
    )
    assert any("leaning.toml:1: reading grade" in m for m in errors(guide_copy))


# --- trial-groups pictures ---------------------------------------------------------------------------

TRIAL_GROUPS = """
```trialgroups
id = "big-trial"
title = "The largest trial: 158 people in three groups"
legend = "Each figure is one person in the trial."
result = "PTSD symptoms changed about the same in all three groups."
description = "158 people, one figure each: 51 had the usual dose, 53 a lower dose and 54 a placebo."
population = "Veterans (158 people)"
timeframe = "4 weeks"
certainty = "low"
source = "alpha"

[[groups]]
name = "Usual dose"
people = 51

[[groups]]
name = "Lower dose"
people = 53

[[groups]]
name = "Placebo"
people = 54
```
"""


def test_a_trial_groups_picture_is_read_and_drawn_to_scale(tmp_path: Path) -> None:
    from decisionaid.core.render import PageRenderer
    from decisionaid.core.trial_groups import TrialGroups

    root = make_guide(tmp_path, {"p": page("p", "Words [@alpha].\n" + TRIAL_GROUPS)})
    assert errors(root) == []
    guide = load_guide(root)
    rendered = PageRenderer(guide).render(guide.steps[0])
    (picture,) = rendered.icon_arrays
    assert isinstance(picture, TrialGroups)
    assert [(g.name, g.people) for g in picture.groups] == [
        ("Usual dose", 51),
        ("Lower dose", 53),
        ("Placebo", 54),
    ]
    assert picture.rows == 6, "each group in rows of ten, all as tall as the largest"
    assert 'alt="Usual dose: 51"' in rendered.html
    assert "<b>PTSD symptoms changed about the same in all three groups.</b>" in rendered.html


def test_a_trial_groups_text_alternative_must_give_every_group(tmp_path: Path) -> None:
    body = TRIAL_GROUPS.replace("53 a lower dose and ", "")
    root = make_guide(tmp_path, {"p": page("p", "Words [@alpha].\n" + body)})
    assert any("does not give the 53 people of 'Lower dose'" in m for m in errors(root)), errors(
        root
    )


def test_a_trial_group_needs_a_whole_number_of_people(tmp_path: Path) -> None:
    body = TRIAL_GROUPS.replace("people = 54", "people = 54.5")
    root = make_guide(tmp_path, {"p": page("p", "Words [@alpha].\n" + body)})
    assert any(
        "trial group 'Placebo' needs 'people', a whole number from 1 to 200" in m
        for m in errors(root)
    )


# --- editorial flags ---------------------------------------------------------------------------------


def test_editorial_flags_are_errors_anywhere_even_in_counsellor_notes(tmp_path: Path) -> None:
    # The review: counsellor notes held "verify" and "to be confirmed".
    text = page("p").replace(
        'counsellor_notes = "Talking points."',
        'counsellor_notes = "Talking points. Dose to be confirmed."',
    )
    refs = GOOD_REFS.replace(
        'doi = "10.1000/alpha"', 'doi = "10.1000/alpha"\nnote = "TODO add pages"'
    )
    flags = "verify\nto be confirmed\n"
    root = make_guide(tmp_path, {"p": text}, references=refs, files={"editorial-flags.txt": flags})
    found = [m for m in errors(root) if "unresolved editorial flag" in m]
    assert (
        f"{root / 'pages' / 'p.md'}:7: unresolved editorial flag 'to be confirmed': resolve it or remove the claim"
        in found
    )
    assert any("references.toml:" in m and "'TODO'" in m for m in found), found


def test_a_lowercase_todo_is_a_word_not_a_flag(tmp_path: Path) -> None:
    # Spanish "todo" ("all") is not a flag; only the capitals are.
    root = make_guide(tmp_path, {"p": page("p", "Se borra todo al salir [@alpha].\n")})
    assert not [m for m in errors(root) if "editorial flag" in m]


# --- what kind of source backs a claim ------------------------------------------------------------------

SOURCE_RULES = """
[[claims]]
claim = "approval"
pattern = '\\b(approved|approval)\\b'
needs = ["label", "rems", "agency"]

[[claims]]
claim = "what guidelines advise"
pattern = '\\bguidelines?\\b.{0,80}?\\b(recommends?|advises?)\\b'
needs = ["guideline"]
"""

TYPED_REFS = """
[[references]]
key = "news"
type = "news"
authors = "A Reporter"
year = 2025
title = "A story"
source = "A newspaper"
url = "https://example.org/news"

[[references]]
key = "label"
type = "label"
authors = "A maker"
year = 2026
title = "Prescribing information"
source = "FDA"
url = "https://example.org/label"

[[references]]
key = "summary"
type = "guideline-summary"
authors = "Someone"
year = 2024
title = "A summary of a guideline"
source = "A journal"
url = "https://example.org/summary"

[[references]]
key = "guideline"
type = "guideline"
authors = "A guideline group"
year = 2023
title = "The guideline"
source = "An agency"
url = "https://example.org/guideline"
"""


def _sourced_guide(
    tmp_path: Path, body: str, declared: str = '["news", "guideline-summary"]'
) -> Path:
    about = page("about", "All sources are listed [@label; @guideline].\n").replace(
        'counsellor_notes = "Talking points."',
        f'counsellor_notes = "Talking points."\nother_source_types = {declared}',
    )
    about = about.replace(
        "All sources are listed", "All sources are listed. Searched December 2026"
    )
    root = make_guide(
        tmp_path,
        {"p": page("p", body), "about": about},
        references=TYPED_REFS,
        files={"source-rules.toml": SOURCE_RULES},
    )
    edit(root / "guide.toml", 'id = "about"\nkind = "page"', 'id = "about"\nkind = "about"')
    return root


def test_an_approval_cited_to_a_news_report_is_an_error(tmp_path: Path) -> None:
    # The review: esketamine's approval on its own was cited to a news item, not the label.
    body = "Esketamine is approved on its own for depression [@news]. A summary [@summary].\n"
    root = _sourced_guide(tmp_path, body)
    found = [m for m in errors(root) if "a sentence on approval" in m]
    assert found == [
        f"{root / 'pages' / 'p.md'}:10: a sentence on approval cites 'news' (news): it needs a "
        'source of type label or rems or agency ("Esketamine is approved on its own for '
        'depression.")'
    ]
    fixed = _sourced_guide(tmp_path / "fixed", body.replace("[@news]", "[@label; @news]"))
    assert not [m for m in errors(fixed) if "a sentence on approval" in m]


def test_what_guidelines_advise_cited_only_to_a_summary_is_an_error(tmp_path: Path) -> None:
    # The review: "no major guideline recommends ketamine" cited a summary of firm advice only.
    body = "No major guideline recommends ketamine [@summary]. A story [@news].\n"
    root = _sourced_guide(tmp_path, body)
    assert any("a sentence on what guidelines advise cites 'summary'" in m for m in errors(root))
    fixed = _sourced_guide(tmp_path / "fixed", body.replace("[@summary]", "[@guideline; @summary]"))
    assert not [m for m in errors(fixed) if "guidelines advise" in m]


def test_a_news_source_about_does_not_declare_is_an_error(tmp_path: Path) -> None:
    # The review: About said every fact came from a study or official report.
    body = "Prices were high [@news]. A summary [@summary].\n"
    root = _sourced_guide(tmp_path, body, declared='["guideline-summary"]')
    found = [m for m in errors(root) if "About does not tell the reader" in m]
    assert len(found) == 1 and "reference 'news' is a news source" in found[0]


def test_every_reference_says_what_kind_of_source_it_is(tmp_path: Path) -> None:
    refs = GOOD_REFS.replace('type = "trial"\n', "")
    root = make_guide(tmp_path, {"p": page("p")}, references=refs)
    assert any("reference 'alpha' has no type of the source types" in m for m in errors(root))
