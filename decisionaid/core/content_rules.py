"""Editorial rules for the guide's content, run by `decisionaid check-content`.

These are the rules a balanced, plain-language decision aid must keep, on top of the engine's
own checks (valid files, known citation keys and glossary terms, safe links):

- every page has complete front matter, and its `reviewed` date is less than 12 months old;
- every page's running text reads easily enough in its language (printed per page;
  core/readability.py): Flesch-Kincaid grade 8.0 or below in English; in Spanish a
  Szigriszt-Pazos (INFLESZ) ease of 55 or more, and a warning below 65;
- every paragraph that states a figure, in English or in Spanish, cites a source;
- every reference is cited somewhere, and data files cite only known references;
- no page uses a word or phrase from `marketing-words.txt`;
- the benefits and the risks pages are of comparable length;
- a list in counsellor notes is set off from the line before it, so it shows as a list.

The checker calls each function in `RULES` with the loaded guide. Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Guide
from decisionaid.core.marketing_words import PhraseList, load_marketing_words
from decisionaid.core.page_blocks import (
    list_runs_into_paragraph,
    page_blocks,
    page_steps,
    plain_text,
    running_text,
)
from decisionaid.core.readability import formula_for, word_count
from decisionaid.core.render import CITATION, CITATION_KEY, PageRenderer
from decisionaid.core.textfile import line_of, load_toml_file, read_text

REVIEW_MONTHS = 12
BALANCE_PAIR = ("benefits", "risks")
MIN_BALANCE_RATIO = 0.7
MARKETING_FILE = "marketing-words.txt"
# Data files whose entries may name a reference in a `source` field, and the tables holding them.
SOURCED_DATA = (("questions.toml", "questions"), ("quiz.toml", "items"), ("sure.toml", None))

# --- what counts as "stating a figure", in English and in Spanish ------------------------------

_NUMBER_WORD = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
_NUMBER_WORD_ES = r"(?:\d(?:[\d.,]*\d)?|una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)"
FIGURE = re.compile(
    "|".join(
        (
            r"\d+(?:\.\d+)?\s?%",  # 67%
            r"\bper\s?cent\b",
            r"\bpor\s+ciento\b",
            rf"\b{_NUMBER_WORD}\s+(?:out\s+of|in|of\s+every)\s+(?:\d[\d,]*|two|three|four|five"
            r"|six|seven|eight|nine|ten|a\s+hundred|hundred)\b",  # 67 out of 100, 1 in 5
            rf"\b{_NUMBER_WORD_ES}\s+de\s+cada\s+(?:\d(?:[\d.,]*\d)?|dos|tres|cuatro|cinco|seis|siete"
            r"|ocho|nueve|diez|cien)\b",  # 67 de cada 100, una de cada cinco
            r"\$\s?\d",  # $500
            r"\b\d+(?:\.\d+)?\s?(?:mg|milligrams?|miligramos?|mmHg)\b",  # 0.5 mg
            r"\b\d+\.\d+\b",  # 27.5
            r"\b\d+,\d{1,2}\b",  # 27,5
            r"\b\d[\d,]*\s+(?:[a-z-]+\s+)?(?:people|persons|adults|patients|veterans|participants"
            r"|volunteers|men|women|children|studies|trials|infusions|sessions|doses)\b",
            r"\b\d(?:[\d.,]*\d)?\s+(?:personas|adultos|adultas|pacientes|veteranos|veteranas"
            r"|participantes|voluntarios|hombres|mujeres|niños|estudios|ensayos|infusiones"
            r"|sesiones|dosis)\b",  # 158 veteranos, 6 ensayos
            r"\b\d+(?:\s?(?:to|-|–)\s?\d+)?\s+(?:hours?|days?|weeks?|months?|years?)\b",
            r"\b\d+(?:\s?(?:a|-|–)\s?\d+)?\s+(?:horas?|días?|semanas?|mes|meses|años?)\b",
        )
    ),
    re.IGNORECASE,
)

# --- rules -------------------------------------------------------------------------------------------

Rule = Callable[[Guide, PageRenderer, Diagnostics, list[str]], None]


def _relative(guide: Guide, path: Path) -> str:
    try:
        return str(path.relative_to(guide.root))
    except ValueError:
        return str(path)


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


def check_front_matter(
    guide: Guide,
    renderer: PageRenderer,
    diags: Diagnostics,
    report: list[str],
    *,
    today: dt.date | None = None,
) -> None:
    """Counsellor notes on every page; a `reviewed` date that is neither stale nor in the future.

    The engine already rejects a page without id, title, short_title, summary or reviewed.
    """
    today = today or dt.date.today()
    for _, page in page_steps(guide):
        text = read_text(page.path, Diagnostics()) or ""
        if not page.counsellor_notes:
            diags.warning(
                page.path, 1, "front matter has no 'counsellor_notes' (talking points and sources)"
            )
        if page.reviewed is None:
            continue
        line = line_of(text, "reviewed")
        if _add_months(page.reviewed, REVIEW_MONTHS) < today:
            diags.warning(
                page.path,
                line,
                f"reviewed {page.reviewed.isoformat()}, more than {REVIEW_MONTHS} months ago: "
                "check the evidence and update the date",
            )
        elif page.reviewed > today:
            diags.warning(
                page.path, line, f"reviewed date {page.reviewed.isoformat()} is in the future"
            )


def check_reading_level(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """Each page's running text scored with its language's formula (core/readability.py),
    reported per page; a page past the limit is an error, past the aim a warning."""
    formula = formula_for(guide.locale)
    if formula is None:
        if any(True for _ in page_steps(guide)):
            diags.info(guide.root, 1, f"no readability formula for '{guide.locale}' yet")
        return
    beyond = "above" if formula.higher_is_harder else "below"
    rows = []
    for _, page in page_steps(guide):
        text = running_text(page)
        counts = formula.counts(text)
        if not counts.words:
            continue
        score = formula.score(counts)
        others = "".join(f"; {name} {value:.1f}" for name, value in formula.others(counts))
        rows.append(
            f"  {score:4.1f}  {_relative(guide, page.path)}  ({word_count(text)} words{others})"
        )
        advice = "use shorter sentences and shorter words, and define hard terms in the glossary"
        if formula.too_hard(score):
            diags.error(
                page.path,
                page.body_line,
                f"{formula.measure} {score:.1f} is {beyond} {formula.limit:.1f} ({formula.name}): "
                f"{advice}",
            )
        elif formula.aim is not None and formula.too_hard(score, formula.aim):
            diags.warning(
                page.path,
                page.body_line,
                f"{formula.measure} {score:.1f} is {beyond} the aim of {formula.aim:.1f} "
                f"({formula.name}): {advice}",
            )
    if rows:
        aim = f", aim {formula.aim:.1f}" if formula.aim is not None else ""
        report.append(
            f"{formula.measure.capitalize()} ({formula.name}, limit {formula.limit:.1f}{aim}; "
            f"{formula.syllable_source()}):"
        )
        report.extend(rows)


def check_figures_cited(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """A paragraph or list item that states a figure must cite a source in the same block.

    Table rows are checked too, as warnings: a table cell has less room for a citation.
    """
    for _, page in page_steps(guide):
        for block in page_blocks(page):
            if block.kind == "iconarray" or CITATION.search(block.text):
                continue
            match = FIGURE.search(plain_text(block.text))
            if match is None:
                continue
            message = f"states a figure ('{match.group(0)}') but cites no source"
            if block.kind == "table":
                diags.warning(page.path, block.line, f"table row {message}")
            else:
                diags.error(page.path, block.line, f"paragraph {message}")


def _cited_keys(guide: Guide, renderer: PageRenderer) -> set[str]:
    keys: set[str] = set()
    for step, page in page_steps(guide):
        for m in CITATION.finditer(page.body):
            for key in m.group(1).split(";"):
                km = CITATION_KEY.match(key.strip())
                if km:
                    keys.add(km.group(1))
        for array in renderer.render(step).icon_arrays:
            if array is not None:
                keys.add(array.source)
    return keys


def _data_entries(
    guide: Guide, filename: str, table: str | None
) -> Iterator[tuple[dict[str, Any], str, Path]]:
    """(entry, file text, path) for each entry of a data file; nothing if the file is absent."""
    path = guide.root / filename
    if not path.is_file():
        return
    quiet = Diagnostics()  # the file's own validity is reported elsewhere
    data = load_toml_file(path, quiet, filename)
    text = read_text(path, quiet) or ""
    if data is None:
        return
    entries: Iterable[Any] = [data] if table is None else data.get(table, [])
    if not isinstance(entries, list) and table is not None:
        return
    for entry in entries:
        if isinstance(entry, dict):
            yield entry, text, path


def check_references_used(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """Every reference is cited by a page, an icon array or a data file's `source`; data files
    name only references that exist."""
    used = _cited_keys(guide, renderer)
    for filename, table in SOURCED_DATA:
        for entry, text, path in _data_entries(guide, filename, table):
            source = entry.get("source")
            if not isinstance(source, str) or not source:
                continue
            used.add(source)
            if source not in guide.references:
                diags.error(
                    path,
                    line_of(text, f'"{source}"'),
                    f"source '{source}' is not in references.toml",
                )
    refs_path = guide.root / "references.toml"
    for key, ref in guide.references.items():
        if key not in used:
            diags.error(refs_path, ref.line, f"reference '{key}' is never cited")


def check_marketing_words(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """No page (or reader-visible data text) uses a word or phrase from marketing-words.txt.

    Counsellor notes are not checked: they may quote a claim in order to warn against it.
    """
    path = guide.root / MARKETING_FILE
    if not path.is_file():
        if any(True for _ in page_steps(guide)) and (guide.root / "guide.toml").is_file():
            diags.info(path, 1, "no marketing word list; overstated wording is not checked")
        return
    phrases = PhraseList(load_marketing_words(path, diags))
    if not phrases.phrases:
        return
    for _, page in page_steps(guide):
        text = read_text(page.path, Diagnostics()) or ""
        for key in ("title", "short_title", "summary", "content_note"):
            value = getattr(page, key)
            for found in phrases.found_in(value):
                diags.error(page.path, line_of(text, key), f"uses overstated wording '{found}'")
        for block in page_blocks(page):
            for found in phrases.found_in(plain_text(block.text)):
                diags.error(page.path, block.line, f"uses overstated wording '{found}'")
    from decisionaid.core.data_text import data_texts

    for piece in data_texts(guide):
        for found in phrases.found_in(piece.text):
            diags.error(piece.path, piece.line, f"uses overstated wording '{found}'")


def check_balance(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """The benefits and risks pages carry comparable detail: neither under 0.7x the other."""
    first, second = (guide.step(step_id) for step_id in BALANCE_PAIR)
    if first is None or second is None or first.page is None or second.page is None:
        return
    counts = {s.id: word_count(running_text(s.page)) for s in (first, second) if s.page}
    arrays = {
        s.id: sum(1 for a in renderer.render(s).icon_arrays if a is not None)
        for s in (first, second)
    }
    longer, shorter = sorted((first, second), key=lambda s: counts[s.id], reverse=True)
    ratio = counts[shorter.id] / counts[longer.id] if counts[longer.id] else 1.0
    report.append(
        f"Balance: {first.id} {counts[first.id]} words, {arrays[first.id]} icon arrays; "
        f"{second.id} {counts[second.id]} words, {arrays[second.id]} icon arrays "
        f"(ratio {ratio:.2f}, limit {MIN_BALANCE_RATIO})"
    )
    if ratio < MIN_BALANCE_RATIO and shorter.page is not None:
        diags.error(
            shorter.page.path,
            shorter.page.body_line,
            f"'{shorter.id}' has {counts[shorter.id]} words of running text and "
            f"'{longer.id}' has {counts[longer.id]}: neither may be under "
            f"{MIN_BALANCE_RATIO}x the other, so benefits and risks get equal detail",
        )


# --- counsellor notes --------------------------------------------------------------------------


def check_counsellor_notes(
    guide: Guide, renderer: PageRenderer, diags: Diagnostics, report: list[str]
) -> None:
    """Talking points that would render as one paragraph instead of a list.

    Pages keep their notes in front matter; the steps the app draws keep theirs in guide.toml.
    """
    for step in guide.steps:
        notes = step.counsellor_notes
        if not notes or step.broken:
            continue
        path = step.page.path if step.page else guide.root / "guide.toml"
        text = read_text(path, Diagnostics()) or ""
        start = step.counsellor_notes_line
        for before, item in list_runs_into_paragraph(notes):
            diags.warning(
                path,
                line_of(text, item, start, after=start),
                f"counsellor notes: the list after '{before.strip()[:40]}' needs a blank line "
                "before it, or it shows as one run-on paragraph",
            )


RULES: list[Rule] = [
    check_front_matter,
    check_reading_level,
    check_figures_cited,
    check_references_used,
    check_marketing_words,
    check_balance,
    check_counsellor_notes,
]
