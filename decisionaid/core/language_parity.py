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
- the text fields named `shared` (language_sections.py: ids, sources, file names) must be
  equal;
- any other text is the translation: only whether it is there, and a list's length (a quiz
  item's choices, the values scale), must be equal.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.language_sections import Entry, Section, read_language
from decisionaid.core.record import record

__all__ = ["ParityReport", "check_parity"]


@record
class ParityReport:
    languages: list[str]
    entries: int = 0  # entries compared, in the reference language
    pictures: int = 0


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
