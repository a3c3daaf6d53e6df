"""One language's folder as check-content compares it with another's (language_parity.py):
each data file's tables and each page, as the entries whose fields must match, with the line
of every field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.page_file import split_front_matter
from decisionaid.core.record import field, record
from decisionaid.core.render import CITATION, CITATION_KEY
from decisionaid.core.textfile import parse_toml, read_text

__all__ = ["Entry", "Section", "read_language", "toml_lines"]


@record(frozen=True)
class Table:
    """A data file's array of tables whose entries must match between languages."""

    file: str
    name: str | None  # "questions" for [[questions]]; None: the file's top-level keys
    key: str  # the field that names an entry: "id", "letter", "key"
    what: str  # how a message names an entry: "question"
    shared: frozenset[str] = frozenset()  # text fields that are data, not words to translate


def _table(file: str, name: str | None, what: str, *shared: str, key: str = "id") -> Table:
    return Table(file, name, key, what, frozenset({key, *shared}))


TABLES = (
    _table("guide.toml", None, "guide.toml", "edition"),
    _table("guide.toml", "steps", "step", "kind", "file", "options", "print"),
    _table("questions.toml", "topics", "question topic"),
    _table("questions.toml", "questions", "question", "topic", "source"),
    _table("values.toml", None, "values.toml"),
    _table("values.toml", "statements", "values statement"),
    _table("quiz.toml", "items", "quiz item", "source"),
    _table("leaning.toml", None, "leaning.toml"),
    _table("leaning.toml", "choices", "leaning choice"),
    _table("sure.toml", None, "sure.toml", "source"),
    _table("sure.toml", "items", "SURE item", key="letter"),
    _table("sure-next-steps.toml", "steps", "SURE next step", "go_to", key="letter"),
    _table("glossary.toml", "terms", "glossary term"),
    # Reference titles stay in their original language; only the notes are translated.
    _table(
        "references.toml",
        "references",
        "reference",
        "authors",
        "title",
        "doi",
        "pmid",
        "url",
        "type",
        key="key",
    ),
)
# A page's front matter, and the blocks that draw a picture on it (```iconarray, ```trialgroups).
FRONT_MATTER_SHARED = frozenset({"id", "other_source_types"})
PICTURE_SHARED = frozenset({"id", "certainty", "source", "option", "kind"})
PICTURE_OPEN = re.compile(r"^```\s*([a-z][a-z-]*)\s*$")
PICTURE_CLOSE = re.compile(r"^```\s*$")
STEP_LINK = re.compile(r"\]\(step:([^)\s]+)\)")
TABLE_ROW = re.compile(r"^\s*\|")


@record(frozen=True)
class Words:
    """A translated field, as it is compared: whether it has words, or how many entries."""

    count: int
    is_list: bool

    def __str__(self) -> str:
        if self.is_list:
            return f"{self.count} entr{'y' if self.count == 1 else 'ies'}"
        return "text" if self.count else "empty"


@record
class Entry:
    """One thing that must match between languages, and where each of its fields is."""

    what: str  # "question 'cost'"
    path: Path
    line: int
    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


@record
class Section:
    """The entries of one table or one page, in order, and the file they are in."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    ordered: bool = True


_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([\w.-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([\w.-]+)\s*\]")
_KEY = re.compile(r"^\s*([\w-]+|\"[^\"]+\")\s*=\s*(.*)$")


def toml_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """The line of each key in a TOML text, named as `_flatten` names it: "title",
    "steps[3].id" (entries count from 1), and "steps[3]" for the entry's header."""
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    closing = ""  # the quotes that end the multi-line string this line is in
    for n, line in enumerate(text.split("\n"), start=first_line):
        if closing:
            if closing in line:
                closing = ""
            continue
        if m := _ARRAY_HEADER.match(line):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            table = f"{m.group(1)}[{counts[m.group(1)]}]"
            lines.setdefault(table, n)
        elif m := _TABLE_HEADER.match(line):
            table = m.group(1)
            lines.setdefault(table, n)
        elif m := _KEY.match(line):
            name = m.group(1).strip('"')
            lines.setdefault(f"{table}.{name}" if table else name, n)
            for quotes in ('"""', "'''"):
                if m.group(2).count(quotes) == 1:
                    closing = quotes
    return lines


def _flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{name}.")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            yield name, Words(len(value), True)
            for i, item in enumerate(value, start=1):
                yield from _flatten(item, f"{name}[{i}].")
        else:
            yield name, value


def _compared(name: str, value: Any, shared: frozenset[str]) -> Any:
    """The value as it must match in every language: translated words only by their shape."""
    last = re.sub(r"\[\d+\]$", "", name.rsplit(".", 1)[-1])
    if last in shared:
        return value
    if isinstance(value, str):
        return Words(1 if value.strip() else 0, False)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return Words(len(value), True)
    return value


def _entry(
    what: str,
    path: Path,
    line: int,
    data: dict[str, Any],
    shared: frozenset[str],
    lines: dict[str, int],
    prefix: str = "",
) -> Entry:
    entry = Entry(what, path, line)
    for name, value in _flatten(data):
        entry.fields[name] = _compared(name, value, shared)
        entry.lines[name] = lines.get(f"{prefix}{name}", line)
    return entry


def _load(path: Path) -> tuple[dict[str, Any], str] | None:
    """A TOML file and its text; None when absent or broken (each language's own check says
    why)."""
    quiet = Diagnostics()
    text = read_text(path, quiet) if path.is_file() else None
    data = parse_toml(text, path, quiet) if text is not None else None
    return (data, text) if data is not None and text is not None else None


def _table_section(root: Path, table: Table) -> Section | None:
    path = root / table.file
    loaded = _load(path)
    if loaded is None:
        return None
    data, text = loaded
    lines = toml_lines(text)
    section = Section(path)
    if table.name is None:
        top = {k: v for k, v in data.items() if not _is_table_array(v)}
        section.entries[table.what] = _entry(table.what, path, 1, top, table.shared, lines)
        return section
    raw = data.get(table.name, [])
    for i, item in enumerate(raw if isinstance(raw, list) else [], start=1):
        if not isinstance(item, dict) or not isinstance(item.get(table.key), str):
            continue
        header = f"{table.name}[{i}]"
        what = f"{table.what} '{item[table.key]}'"
        line = lines.get(f"{header}.{table.key}", lines.get(header, 1))
        section.entries.setdefault(
            what, _entry(what, path, line, item, table.shared, lines, f"{header}.")
        )
    return section


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _pictures(body: str, body_line: int, path: Path) -> Iterator[Entry]:
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        opened = PICTURE_OPEN.match(lines[i])
        if not opened:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if PICTURE_CLOSE.match(lines[j])), None)
        if end is None:
            return
        block = "\n".join(lines[i + 1 : end])
        data = parse_toml(block, path, Diagnostics())
        if data is not None:
            name = data.get("id") if isinstance(data.get("id"), str) else f"#{i}"
            what = f"picture '{name}'"
            at = body_line + i
            entry = _entry(what, path, at, data, PICTURE_SHARED, toml_lines(block, at + 1))
            entry.fields["kind"] = opened.group(1)
            yield entry
        i = end + 1


def _cited(body: str) -> list[str]:
    keys = []
    for m in CITATION.finditer(body):
        for key in m.group(1).split(";"):
            km = CITATION_KEY.match(key.strip())
            if km:
                keys.append(km.group(1))
    return sorted(set(keys))


def _page_section(root: Path, file: str) -> Section | None:
    path = root / file
    quiet = Diagnostics()
    text = read_text(path, quiet) if path.is_file() else None
    if text is None:
        return None
    meta, body, body_line = split_front_matter(text, path, quiet)
    if meta is None:
        return None
    section = Section(path, ordered=False)
    page = _entry(f"page '{file}'", path, 1, meta, FRONT_MATTER_SHARED, toml_lines(text))
    first_row = next(
        (body_line + n for n, line in enumerate(body.split("\n")) if TABLE_ROW.match(line)),
        body_line,
    )
    outside = re.sub(r"(?ms)^```.*?^```\s*$", "", body)  # picture blocks are compared apart
    page.fields["cites"] = _cited(outside)
    page.fields["links to steps"] = sorted(set(STEP_LINK.findall(outside)))
    page.fields["table rows"] = sum(1 for line in outside.split("\n") if TABLE_ROW.match(line))
    page.lines.update({"cites": body_line, "links to steps": body_line, "table rows": first_row})
    section.entries[page.what] = page
    for picture in _pictures(body, body_line, path):
        section.entries.setdefault(picture.what, picture)
    return section


def _page_files(root: Path) -> list[str]:
    loaded = _load(root / "guide.toml")
    steps = loaded[0].get("steps", []) if loaded else []
    files = [s.get("file") for s in steps if isinstance(s, dict)] if isinstance(steps, list) else []
    return [f for f in files if isinstance(f, str) and f]


def read_language(root: Path) -> dict[str, Section | None]:
    """Every section of a language's folder, by name; None for a file that is missing or
    cannot be read."""
    sections: dict[str, Section | None] = {}
    for table in TABLES:
        sections[f"{table.file} {table.name or ''}".strip()] = _table_section(root, table)
    for file in _page_files(root):
        sections[file] = _page_section(root, file)
    return sections
