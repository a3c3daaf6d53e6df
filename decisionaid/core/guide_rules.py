"""Editorial rules that look at the guide as a whole, run by `decisionaid check-content` with
those of core/content_rules.py:

- the knowledge check comes before "Where are you leaning?";
- the guide says its edition and when its evidence was searched, and About agrees;
- the comparison names the option of each of its columns, every option has a picture, every
  picture names an option it has, and the leaning's choices follow the columns' order;
- SURE next steps open steps the guide has; a quiz explanation never starts by repeating the
  answer the app has just named; a trial-groups picture's text alternative gives its numbers;
- the guide's own data-file wording reads at grade 8 or below;
- no unresolved editorial flag ("verify", "TODO", ...) anywhere in the content folder.

Nothing here imports Qt, and nothing matches English words: columns are matched by position,
and words to look for come from the content folder's own lists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from decisionaid.core.content_rules import REVIEW_MONTHS, _add_months
from decisionaid.core.data_text import OWN_WORDS, data_texts
from decisionaid.core.decision_files import load_decision_data
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Guide, Step
from decisionaid.core.marketing_words import load_marketing_words
from decisionaid.core.page_blocks import page_steps, plain_text, table_headings
from decisionaid.core.readability import formula_for, word_count
from decisionaid.core.render import PageRenderer
from decisionaid.core.textfile import line_of, read_text

EDITION_KEYS = ("edition", "evidence_searched", "next_review")
FLAGS_FILE = "editorial-flags.txt"
# Flags that read the same in every language, matched as written (Spanish "todo" is a word).
UNIVERSAL_FLAGS = re.compile(r"\b(TODO|FIXME|XXX|TBC|TBD)\b")
# Files that list words to look for, and so contain them.
WORD_LISTS = ("marketing-words.txt", FLAGS_FILE)


def _guide_path(guide: Guide) -> Path:
    return guide.root / "guide.toml"


def _guide_text(guide: Guide) -> str:
    return read_text(_guide_path(guide), Diagnostics()) or ""


# --- step order ---------------------------------------------------------------------------------


def check_step_order(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """The knowledge check comes before the leaning, so a misunderstanding is cleared up before
    the reader says which way they lean."""
    quiz, leaning = guide.first_of_kind("quiz"), guide.first_of_kind("leaning")
    if quiz is None or leaning is None:
        return
    if guide.index_of(quiz.id) > guide.index_of(leaning.id):
        diags.error(
            _guide_path(guide),
            quiz.line,
            f"the knowledge check ('{quiz.id}') must come before the leaning ('{leaning.id}'), "
            "so misunderstandings are corrected before the reader weighs the options",
        )


# --- edition ------------------------------------------------------------------------------------


def check_edition(
    guide: Guide,
    renderer: PageRenderer,
    diags: Diagnostics,
    report: list[str],
    *,
    today: dt.date | None = None,
) -> None:
    """edition, evidence_searched and next_review are set; the dates are not in the future and
    at most 12 months apart; About names the month the evidence was searched, in its words."""
    if not any(True for _ in page_steps(guide)):
        return
    today = today or dt.date.today()
    path, text = _guide_path(guide), _guide_text(guide)
    values = {k: getattr(guide, k) for k in EDITION_KEYS}
    for key, value in values.items():
        if not value:
            diags.error(path, 1, f"guide.toml has no '{key}': printouts and QR codes need it")
    searched, review = guide.evidence_searched, guide.next_review
    if searched is not None and searched > today:
        diags.error(path, line_of(text, "evidence_searched"), "evidence_searched is in the future")
    if (
        searched is not None
        and review is not None
        and not searched < review <= _add_months(searched, REVIEW_MONTHS)
    ):
        diags.error(
            path,
            line_of(text, "next_review"),
            f"next_review must fall within {REVIEW_MONTHS} months after evidence_searched",
        )
    about = guide.first_of_kind("about")
    month = guide.wording.month_year(searched)
    page = about.page if about is not None else None
    if page is not None and month and month.lower() not in plain_text(page.body).lower():
        diags.error(
            page.path,
            page.body_line,
            f"About does not say when the evidence was last searched ('{month}', from "
            "evidence_searched in guide.toml)",
        )


# --- the comparison, its pictures and the leaning -------------------------------------------------


def _compare(guide: Guide) -> Step | None:
    step = guide.first_of_kind("compare")
    return step if step is not None and step.page is not None and not step.broken else None


def check_compare_options(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """The comparison names an option for each column, by position; each option has at least
    one picture somewhere in the guide; every picture names an option the comparison has."""
    compare = _compare(guide)
    if compare is None or compare.page is None:
        return
    path, text = _guide_path(guide), _guide_text(guide)
    options = compare.options
    columns = table_headings(compare.page)[1:]
    if not options:
        diags.error(
            path,
            compare.line,
            f"step '{compare.id}' needs 'options': the option each table column is about, "
            "left to right",
        )
        return
    if columns and len(columns) != len(options):
        diags.error(
            path,
            line_of(text, "options", compare.line, after=compare.line),
            f"step '{compare.id}' lists {len(options)} options but its table has "
            f"{len(columns)} option columns",
        )
    counts = {option: 0 for option in options}
    for step, page in page_steps(guide):
        for picture in renderer.render(step).icon_arrays:
            if picture is None or not picture.option:
                continue
            if picture.option in counts:
                counts[picture.option] += 1
            else:
                diags.error(
                    page.path,
                    picture.line,
                    f"picture '{picture.id}' names option '{picture.option}', which is not one "
                    f"of the comparison's options ({', '.join(options)})",
                )
    report.append(
        "Pictures per option: " + ", ".join(f"{option} {n}" for option, n in counts.items())
    )
    for index, (option, n) in enumerate(counts.items()):
        if n == 0:
            heading = columns[index] if index < len(columns) else option
            diags.error(
                compare.page.path,
                compare.page.body_line,
                f"option '{option}' (column '{heading}') has no picture: give it at least one "
                'icon array with option = "' + option + '", so "Show the numbers as pictures" '
                "shows every option",
            )


def check_decision_wording(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """The leaning follows the comparison's columns, SURE next steps open steps the guide has,
    and no quiz explanation starts by repeating the answer the app has just named."""
    kinds = {step.kind for step in guide.steps}
    if not kinds & {"leaning", "sure", "quiz"}:
        return
    data = load_decision_data(guide.root, guide.locale, guide.references)
    compare = _compare(guide)
    if data.leaning is not None and "leaning" in kinds and compare is not None:
        path = guide.root / "leaning.toml"
        choices = [c for c in data.leaning.choices if not c.always]
        order = [c.option for c in choices]
        if order != list(compare.options):
            line = choices[0].line if choices else 1
            diags.error(
                path,
                line,
                f"the choices must follow the comparison's columns, each naming its option "
                f"({', '.join(compare.options)}), then the 'always' choice; they name "
                f"({', '.join(o or '?' for o in order)})",
            )
    if data.next_steps is not None and "sure" in kinds:
        path = guide.root / "sure-next-steps.toml"
        for step in data.next_steps:
            if step.go_to and step.go_to not in kinds:
                diags.error(
                    path,
                    step.line,
                    f"next step {step.letter}: go_to '{step.go_to}' is not the kind of any "
                    "step in guide.toml",
                )
    if data.quiz is not None and "quiz" in kinds:
        path = guide.root / "quiz.toml"
        for item in data.quiz:
            answer = item.choices[item.answer].rstrip(".").strip()
            if re.match(rf"{re.escape(answer)}\b", item.explanation, re.IGNORECASE):
                diags.error(
                    path,
                    item.line,
                    f"item '{item.id}': the explanation starts with its answer ('{answer}'), "
                    "which the app has just named: start with the reason",
                )


def check_trial_groups(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """A trial-groups picture's text alternative gives the size of every group it draws."""
    from decisionaid.core.trial_groups import TrialGroups

    for step, page in page_steps(guide):
        for picture in renderer.render(step).icon_arrays:
            if not isinstance(picture, TrialGroups):
                continue
            said = set(re.findall(r"\d+", picture.description))
            for group in picture.groups:
                if str(group.people) not in said:
                    diags.error(
                        page.path,
                        picture.line,
                        f"picture '{picture.id}': its description (the text a screen reader "
                        f"reads) does not give the {group.people} people of '{group.name}'",
                    )


# --- the guide's own words in data files -----------------------------------------------------------


def check_data_reading_level(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """The wording this guide wrote for its own screens (leaning, SURE next steps, the screens'
    words) reads at the same grade as its pages."""
    formula = formula_for(guide.locale)
    if formula is None:
        return
    by_file: dict[Path, list[str]] = {}
    for piece in data_texts(guide, OWN_WORDS):
        text = re.sub(r"\{[^{}]*\}", "it", piece.text)  # a placeholder reads as one word
        by_file.setdefault(piece.path, []).append(text if text[-1] in ".!?:" else text + ".")
    if by_file:
        report.append(f"{formula.measure.capitalize()} of the screens' own wording:")
    for path, pieces in by_file.items():
        text = " ".join(pieces)
        score = formula(text)
        report.append(f"  {score:4.1f}  {path.name}  ({word_count(text)} words of wording)")
        if formula.too_hard(score):
            diags.error(
                path,
                1,
                f"{formula.measure} {score:.1f} is above {formula.limit:.1f} ({formula.name}): "
                "use shorter sentences and shorter words",
            )


# --- editorial flags ----------------------------------------------------------------------------


def _flag_patterns(guide: Guide, diags: Diagnostics) -> list[re.Pattern[str]]:
    path = guide.root / FLAGS_FILE
    patterns = [UNIVERSAL_FLAGS]
    if path.is_file():
        patterns += [phrase.pattern for phrase in load_marketing_words(path, diags)]
    return patterns


def _content_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".md", ".toml", ".txt")
            and path.name not in WORD_LISTS
        ):
            yield path


def check_editorial_flags(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """No unresolved flag ("verify", "to be confirmed", "TODO", ...) in any content file:
    pages and their front matter (counsellor notes too), guide.toml, references and every data
    file, comments included. Resolve the point or remove the claim."""
    if not (guide.root / "guide.toml").is_file():
        return
    patterns = _flag_patterns(guide, diags)
    for path in _content_files(guide.root):
        text = read_text(path, Diagnostics()) or ""
        for n, line in enumerate(text.split("\n"), start=1):
            for pattern in patterns:
                found = pattern.search(line)
                if found:
                    diags.error(
                        path,
                        n,
                        f"unresolved editorial flag '{found.group(0)}': resolve it or remove "
                        "the claim",
                    )
                    break


GUIDE_RULES = [
    check_step_order,
    check_edition,
    check_compare_options,
    check_decision_wording,
    check_trial_groups,
    check_data_reading_level,
    check_editorial_flags,
]
