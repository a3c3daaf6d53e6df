"""The words of the screens the app draws itself, from `step-wording.toml` in the content folder.

Values, knowledge check, SURE, summary, the comparison's pictures, the kiosk's welcome and the
edition line on paper all take their reader-facing sentences from there, so each language's
guide carries its own and check-content reads them like any other text. `WORDING` lists every
key the app asks for, with the placeholders each must and may contain; the loader reports a
missing key, an unknown placeholder or a missing one at its line, and never raises.

It is read with the guide (core/content.py), so the kiosk's first screen needs nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.record import field, record
from decisionaid.core.textfile import line_of

WORDING_FILE = "step-wording.toml"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@record(frozen=True)
class Slot:
    """What one key must hold: its placeholders, and whether it is a list of paragraphs."""

    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    paragraphs: int = 0  # more than 0: a list of at least this many paragraphs


# Every key the app reads, as "table.key".
WORDING: dict[str, Slot] = {
    "values.intro": Slot(),
    "quiz.intro": Slot(),
    "quiz.skip": Slot(),
    "quiz.right": Slot(("answer",)),
    "quiz.not_quite": Slot(("answer",)),
    "quiz.hidden": Slot(("answer",)),
    "quiz.source": Slot(("source",)),
    "quiz.marker": Slot(),
    "sure.intro": Slot(),
    "sure.yes": Slot(),
    "sure.no": Slot(),
    "sure.all_yes": Slot(("total",)),
    "sure.some_yes": Slot(("score", "total")),
    "sure.hidden": Slot(),
    "compare.pictures_intro": Slot(),
    "compare.show_pictures": Slot(),
    "compare.show_table": Slot(),
    "summary.title": Slot(),
    "summary.print_title": Slot(),
    "summary.questions": Slot(),
    "summary.notes": Slot(),
    "summary.no_questions": Slot(),
    "summary.answers_hidden": Slot(),
    "summary.values": Slot(),
    "summary.not_answered": Slot(),
    "summary.leaning": Slot(),
    "summary.sure": Slot(),
    "summary.sure_cited": Slot(),
    "summary.sure_score": Slot(("score", "total")),
    "summary.sure_unanswered": Slot(),
    "summary.next_steps": Slot(),
    "summary.source": Slot(("source",)),
    "summary.footnote": Slot(),
    "summary.qr_heading": Slot(),
    "edition.line": Slot(("edition", "searched"), ("title",)),
    "edition.qr": Slot(("edition", "searched")),
    "edition.months": Slot(paragraphs=12),
    "edition.month_year": Slot(("month", "year")),
    "short_path.button": Slot(),
    "print_page.button": Slot(),
    "print_page.printed": Slot(),
    "print_page.cancelled": Slot(),
    "print_page.no_printer": Slot(),
    "print_page.sources": Slot(),
    "kiosk_welcome.paragraphs": Slot(paragraphs=1),
    "kiosk_welcome.start": Slot(),
}


@record(frozen=True)
class Wording:
    """The loaded words: `texts` for single sentences, `lists` for lists of paragraphs."""

    texts: dict[str, str] = field(default_factory=dict)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.texts.get(key, "")

    def many(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())

    def format(self, key: str, **values: object) -> str:
        """The text of `key` with its placeholders filled. A placeholder the app does not know
        (check-content reports it) is left as written rather than stopping the screen."""
        return fill(self[key], **values)

    def month_year(self, day: dt.date | None) -> str:
        """ "December 2026", in the guide's language."""
        months = self.many("edition.months")
        if day is None or len(months) != 12:
            return ""
        return self.format("edition.month_year", month=months[day.month - 1], year=day.year)


def fill(template: str, **values: object) -> str:
    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        return str(values[name]) if name in values else m.group(0)

    return PLACEHOLDER.sub(one, template)


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # an unmatched brace: report what the simple pattern finds
        return set(PLACEHOLDER.findall(text))


def check_placeholders(
    text: str, slot: Slot, where: tuple[Path, int], diags: Diagnostics, what: str
) -> None:
    """Report a placeholder `text` lacks, or one the app would not fill."""
    path, line = where
    found = placeholders(text)
    for name in slot.required:
        if name not in found:
            diags.error(path, line, f"{what} must contain {{{name}}}")
    for name in sorted(found - set(slot.required) - set(slot.optional)):
        allowed = ", ".join(f"{{{n}}}" for n in (*slot.required, *slot.optional)) or "none"
        diags.error(
            path, line, f"{what} has an unknown placeholder {{{name}}} (allowed: {allowed})"
        )


def parse_wording(data: dict[str, Any], text: str, path: Path, diags: Diagnostics) -> Wording:
    """Every key of WORDING from the parsed file; each problem is a diagnostic at its line."""
    texts: dict[str, str] = {}
    lists: dict[str, tuple[str, ...]] = {}
    for name, value in data.items():
        if not isinstance(value, dict):
            diags.warning(path, line_of(text, name), f"'{name}' is not a [table]; it is not used")
    for key, slot in WORDING.items():
        table, name = key.split(".")
        section = data.get(table)
        value = section.get(name) if isinstance(section, dict) else None
        table_line = line_of(text, f"[{table}]")
        line = line_of(text, f"{name} =", table_line, after=table_line - 1)
        if value is None:
            diags.error(path, table_line, f"'{name}' is missing from [{table}]")
            continue
        if slot.paragraphs:
            if (
                not isinstance(value, list)
                or len(value) < slot.paragraphs
                or not all(isinstance(v, str) and v.strip() for v in value)
            ):
                diags.error(path, line, f"[{table}] '{name}' must be a list of text")
                continue
            if slot.paragraphs > 1 and len(value) != slot.paragraphs:
                diags.error(path, line, f"[{table}] '{name}' must list {slot.paragraphs} items")
                continue
            lists[key] = tuple(v.strip() for v in value)
            continue
        if not isinstance(value, str) or not value.strip():
            diags.error(path, line, f"[{table}] '{name}' must be text")
            continue
        check_placeholders(value, slot, (path, line), diags, f"[{table}] '{name}'")
        texts[key] = value.strip()
    known_tables = {key.split(".")[0] for key in WORDING}
    for table, section in data.items():
        if table in known_tables and isinstance(section, dict):
            for name in section:
                if f"{table}.{name}" not in WORDING:
                    table_line = line_of(text, f"[{table}]")
                    diags.warning(
                        path,
                        line_of(text, f"{name} =", table_line, after=table_line - 1),
                        f"[{table}] '{name}' is not used by the app",
                    )
    return Wording(texts, lists)


def wording_lines(text: str) -> dict[str, int]:
    """The line of each "table.key" in the file's text, for diagnostics on its words."""
    lines: dict[str, int] = {}
    for key in WORDING:
        table, name = key.split(".")
        table_line = line_of(text, f"[{table}]")
        lines[key] = line_of(text, f"{name} =", table_line, after=table_line - 1)
    return lines
