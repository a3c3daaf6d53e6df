"""check-content across languages: a translation changes the words, never the data.

Every language a guide ships in must have the same steps in the same order, the same question,
value, quiz, leaning, SURE, glossary and reference ids, the same pictures with the same
numbers, and each page the same citations, step links and table rows. The first language
compared (English, when it is there) is the reference; every difference is reported at the line
of the other language's file, with the reference's file and line in the message, so a
translator can go straight to both.

What is compared, field by field, for each entry of a data file, each page's front matter and
each picture block on a page (icon arrays, trial groups):
- numbers, dates and true/false values must be equal ("numerator = 67" in every language);
- the text fields named in `shared` below (ids, sources, file names) must be equal;
- any other text is the translation: only whether it is there, and a list's length (a quiz
  item's choices, the values scale), must be equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.page_file import split_front_matter
from decisionaid.core.record import field, record
from decisionaid.core.render import CITATION, CITATION_KEY
from decisionaid.core.textfile import parse_toml, read_text

__all__ = ["ParityReport", "check_parity", "read_language", "toml_lines"]


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


@record
class ParityReport:
    languages: list[str]
    entries: int = 0  # entries compared, in the reference language
    pictures: int = 0


# --- reading one language -------------------------------------------------------------------


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


# --- comparing two languages ----------------------------------------------------------------


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]" if value else "none"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _where(path: Path, line: int, root: Path) -> str:
    try:
        shown = path.relative_to(root.parent)
    except ValueError:
        shown = path
    return f"{shown}:{line}"


@record(frozen=True)
class _Pair:
    ref: str
    ref_root: Path
    other: str

    def at(self, entry: Entry, name: str | None = None) -> str:
        line = entry.lines.get(name, entry.line) if name else entry.line
        return _where(entry.path, line, self.ref_root)


def _compare_fields(pair: _Pair, a: Entry, b: Entry, diags: Diagnostics) -> None:
    for name in [*a.fields, *(n for n in b.fields if n not in a.fields)]:
        line = b.lines.get(name, b.line)
        if name not in b.fields:
            message = f"{b.what} has no '{name}'; {pair.ref} has {_shown(a.fields[name])}"
            diags.error(b.path, line, f"{message} ({pair.at(a, name)})")
        elif name not in a.fields:
            diags.error(b.path, line, f"{b.what} has '{name}', which {pair.ref} has not")
        elif a.fields[name] != b.fields[name] or type(a.fields[name]) is not type(b.fields[name]):
            diags.error(
                b.path,
                line,
                f"{b.what}: '{name}' is {_shown(b.fields[name])}; {pair.ref} has "
                f"{_shown(a.fields[name])} ({pair.at(a, name)})",
            )


def _compare_sections(pair: _Pair, a: Section, b: Section, diags: Diagnostics) -> None:
    ref_order = list(a.entries)
    for index, what in enumerate(ref_order):
        if what in b.entries:
            _compare_fields(pair, a.entries[what], b.entries[what], diags)
            continue
        # Where it would go: before the next entry both languages have.
        following = (b.entries[w] for w in ref_order[index + 1 :] if w in b.entries)
        near = next(following, None)
        line = near.line if near else max((e.line for e in b.entries.values()), default=1)
        diags.error(
            b.path,
            line,
            f"{what} is missing in {pair.other}: {pair.ref} has it ({pair.at(a.entries[what])})",
        )
    for what, entry in b.entries.items():
        if what not in a.entries:
            diags.error(entry.path, entry.line, f"{what} is not in {pair.ref}")
    if a.ordered:
        common_a = [w for w in a.entries if w in b.entries]
        common_b = [w for w in b.entries if w in a.entries]
        for wa, wb in zip(common_a, common_b, strict=True):
            if wa != wb:
                entry = b.entries[wb]
                diags.error(
                    entry.path,
                    entry.line,
                    f"{wb} is out of order: {pair.ref} has {wa} here ({pair.at(a.entries[wa])})",
                )
                break


def check_parity(languages: Iterable[tuple[str, Path]], diags: Diagnostics) -> ParityReport:
    """Compare each language's folder with the first one's; report each difference in the
    other language's file."""
    folders = list(languages)
    report = ParityReport([name for name, _ in folders])
    if len(folders) < 2:
        return report
    (ref, ref_root), others = folders[0], folders[1:]
    reference = read_language(ref_root)
    for section in reference.values():
        if section is None:
            continue
        report.entries += len(section.entries)
        report.pictures += sum(1 for w in section.entries if w.startswith("picture "))
    for name, root in others:
        pair = _Pair(ref, ref_root, name)
        theirs = read_language(root)
        missing: set[Path] = set()  # a file holding two tables is reported once
        for key, section in reference.items():
            if section is None:
                continue
            other = theirs.get(key)
            if other is not None:
                _compare_sections(pair, section, other, diags)
            elif section.path not in missing:
                missing.add(section.path)
                diags.error(
                    root / section.path.relative_to(ref_root),
                    1,
                    f"missing or unreadable in {name}: {ref} has "
                    f"{_where(section.path, 1, ref_root)}",
                )
    return report
