"""Loading the guide's content (core/guide.py): steps, pages, references, glossary and crisis
lines, from data files.

Loading never raises. Every problem becomes a diagnostic, and a step whose page cannot be used
is marked broken so the reader sees a calm notice there while every other step works.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import (
    DEFAULT_CRISIS,
    CrisisInfo,
    CrisisLine,
    GlossaryTerm,
    Guide,
    Page,
    Reference,
    Step,
)
from decisionaid.core.page_limits import check_page_limits
from decisionaid.core.textfile import (
    array_table_lines,
    describe_value,
    is_inside,
    key_line,
    line_of,
    load_toml_with_text,
    parse_toml,
    read_text,
)
from decisionaid.core.wording import WORDING_FILE, Wording, parse_wording

PAGE_KINDS = frozenset({"page", "compare", "about"})
DATA_KINDS = frozenset(
    {"references", "glossary", "values", "leaning", "quiz", "questions", "sure", "summary"}
)
STEP_KINDS = PAGE_KINDS | DATA_KINDS
REQUIRED_FRONT_MATTER = ("id", "title", "short_title", "summary", "reviewed")
STEP_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PRINT_LAYOUTS = ("portrait", "landscape")
FRONT_MATTER_FENCE = "+++"
# A page this long would freeze the window for seconds while it renders; real pages are ~20 KiB.
MAX_PAGE_BYTES = 256 * 1024


def _str(table: dict[str, Any], key: str) -> str:
    value = table.get(key, "")
    return value if isinstance(value, str) else str(value)


# What each [[steps]] table may say, all of it text.
STEP_TEXT_KEYS = ("id", "kind", "title", "short_title", "summary", "file")


def check_text_keys(
    table: dict[str, Any],
    keys: tuple[str, ...],
    where: tuple[Path, str, int],
    diags: Diagnostics,
    label: str,
) -> set[str]:
    """Report each of `keys` whose value is not text, at its own line; return those keys.

    `where` is the file, its text and the line of the table's header (0 for top-level keys).
    """
    path, text, table_line = where
    wrong = {key for key in keys if key in table and not isinstance(table[key], str)}
    for key in sorted(wrong, key=keys.index):
        diags.error(
            path,
            key_line(text, table_line, key),
            f"{label}'{key}' must be text in quotes, not {describe_value(table[key])}",
        )
    return wrong


def split_front_matter(
    text: str, path: Path, diags: Diagnostics
) -> tuple[dict[str, Any] | None, str, int]:
    """(front matter, body, line where the body starts). Front matter is None when unusable."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        diags.error(path, 1, "page must start with front matter between '+++' lines")
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() == FRONT_MATTER_FENCE:
            meta = parse_toml("\n".join(lines[1:i]), path, diags, line_offset=1)
            return meta, "\n".join(lines[i + 1 :]), i + 2
    diags.error(path, 1, "front matter is not closed: no second '+++' line")
    return None, text, 1


def load_page(path: Path, expected_id: str, diags: Diagnostics) -> Page | None:
    text = read_text(path, diags, "page", limit=MAX_PAGE_BYTES)
    if text is None:
        return None
    meta, body, body_line = split_front_matter(text, path, diags)
    if meta is None:
        return None
    ok = True
    for key in REQUIRED_FRONT_MATTER:
        if key not in meta or meta[key] in ("", None):
            diags.error(path, 1, f"front matter has no '{key}'")
            ok = False
    for key in ("id", "title", "short_title", "summary", "content_note", "counsellor_notes"):
        if key in meta and not isinstance(meta[key], str):
            diags.error(path, line_of(text, f"{key}"), f"front matter '{key}' must be text")
            ok = False
    reviewed = meta.get("reviewed")
    if isinstance(reviewed, dt.datetime):
        reviewed = reviewed.date()
    if reviewed is not None and not isinstance(reviewed, dt.date):
        diags.error(
            path, line_of(text, "reviewed"), "front matter 'reviewed' must be a date (2026-01-31)"
        )
        ok = False
    if isinstance(meta.get("id"), str) and meta["id"] != expected_id:
        diags.error(
            path,
            line_of(text, "id"),
            f"front matter id '{meta['id']}' does not match the step id '{expected_id}' in guide.toml",
        )
        ok = False
    if not ok:
        return None
    # The work of showing a page is bounded here, before anything renders it or checks its
    # wording: a page past the limits is never shown (see page_limits).
    if not check_page_limits(body, path, body_line, diags):
        return None
    notes = _str(meta, "counsellor_notes").strip()
    notes_line = line_of(text, "counsellor_notes")
    if notes and not check_page_limits(notes, path, notes_line, diags):
        notes = ""
    return Page(
        id=expected_id,
        title=_str(meta, "title"),
        short_title=_str(meta, "short_title"),
        summary=_str(meta, "summary"),
        reviewed=reviewed if isinstance(reviewed, dt.date) else None,
        body=body,
        body_line=body_line,
        path=path,
        content_note=_str(meta, "content_note").strip(),
        counsellor_notes=notes,
        counsellor_notes_line=notes_line,
        other_source_types=_source_types(meta, text, path, diags),
    )


def _source_types(
    meta: dict[str, Any], text: str, path: Path, diags: Diagnostics
) -> tuple[str, ...]:
    value = meta.get("other_source_types", [])
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    diags.error(path, line_of(text, "other_source_types"), "'other_source_types' must list text")
    return ()


def _tables(
    data: dict[str, Any],
    name: str,
    where: tuple[Path, str],
    diags: Diagnostics,
    what: str,
    text_keys: tuple[str, ...],
) -> Iterator[tuple[dict[str, Any], int]]:
    """Each [[name]] table with the line of its header; a key in `text_keys` whose value is
    not text is reported at its own line and left out of the table."""
    path, text = where
    entries = data.get(name, [])
    if not isinstance(entries, list):
        diags.error(path, 1, f"'{name}' must be a list of [[{name}]] tables")
        return
    headers = array_table_lines(text, name) if text else []
    for index, entry in enumerate(entries):
        table_line = headers[index] if len(headers) == len(entries) else 1
        if not isinstance(entry, dict):
            diags.error(path, table_line, f"each {what} must be a [[{name}]] table")
            continue
        label = next(
            (f"{what} '{entry[k]}': " for k in text_keys[:1] if isinstance(entry.get(k), str)),
            f"{what} {index + 1}: ",
        )
        wrong = check_text_keys(entry, text_keys, (path, text, table_line), diags, label)
        yield {k: v for k, v in entry.items() if k not in wrong}, table_line


def _load_references(root: Path, diags: Diagnostics) -> dict[str, Reference]:
    path = root / "references.toml"
    data, text = load_toml_with_text(path, diags, "references file", inside=root)
    if data is None:
        return {}
    refs: dict[str, Reference] = {}
    text_keys = ("key", "authors", "title", "source", "doi", "pmid", "url", "note")
    for entry, table_line in _tables(
        data, "references", (path, text), diags, "reference", text_keys
    ):
        key = _str(entry, "key")
        line = line_of(text, f'"{key}"') if key else table_line
        if not key:
            diags.error(path, line, "a reference has no 'key'")
            continue
        if key in refs:
            diags.error(path, line, f"reference key '{key}' is listed twice")
            continue
        for needed in ("authors", "year", "title", "source"):
            if needed not in entry:
                diags.error(path, line, f"reference '{key}' has no '{needed}'")
        if not any(entry.get(k) for k in ("doi", "pmid", "url")):
            diags.warning(path, line, f"reference '{key}' has no doi, pmid or url")
        url = _str(entry, "url")
        if url and not url.startswith("https://"):
            diags.error(path, line, f"reference '{key}' url must start with https://")
        year = entry.get("year", "")
        if isinstance(year, bool) or not isinstance(year, int | str):
            diags.error(
                path,
                key_line(text, table_line, "year"),
                f"reference '{key}': 'year' must be a year such as 2024, "
                f"not {describe_value(year)}",
            )
            year = ""
        refs[key] = Reference(
            key=key,
            number=len(refs) + 1,
            authors=_str(entry, "authors"),
            year=year,
            title=_str(entry, "title"),
            source=_str(entry, "source"),
            doi=_str(entry, "doi"),
            pmid=_str(entry, "pmid"),
            url=url,
            note=_str(entry, "note"),
            line=line,
            type=_str(entry, "type"),
        )
    return refs


def _load_glossary(root: Path, diags: Diagnostics) -> dict[str, GlossaryTerm]:
    path = root / "glossary.toml"
    data, text = load_toml_with_text(path, diags, "glossary file", inside=root)
    if data is None:
        return {}
    terms: dict[str, GlossaryTerm] = {}
    text_keys = ("id", "term", "definition")
    for entry, table_line in _tables(
        data, "terms", (path, text), diags, "glossary term", text_keys
    ):
        term_id = _str(entry, "id")
        line = line_of(text, f'"{term_id}"') if term_id else table_line
        if not term_id or not entry.get("term") or not entry.get("definition"):
            diags.error(path, line, "a glossary term needs 'id', 'term' and 'definition'")
            continue
        if term_id in terms:
            diags.error(path, line, f"glossary id '{term_id}' is listed twice")
            continue
        terms[term_id] = GlossaryTerm(term_id, _str(entry, "term"), _str(entry, "definition"), line)
    return terms


# More lines than this would make "Get help now" a long list to search in a crisis (and, in the
# thousands, slow to open); the emergency lines come first, so they are always among them.
MAX_CRISIS_LINES = 12


def parse_crisis(
    data: dict[str, Any], path: Path, diags: Diagnostics, text: str = "", table: str = "lines"
) -> CrisisInfo | None:
    """Crisis lines from `data` (crisis.toml, or a clinic's [crisis.LOCALE] table, whose
    [[...]] headers are named `table` in `text`, for line numbers)."""
    lines: list[tuple[CrisisLine, int]] = []
    text_keys = ("name", "action", "detail", "audience")
    if not isinstance(data.get("lines", []), list):
        diags.error(path, 1, f"'lines' must be a list of [[{table}]] tables")
        return None
    tables = _tables(
        {table: data.get("lines", [])}, table, (path, text), diags, "crisis line", text_keys
    )
    for entry, table_line in tables:
        if not entry.get("name") or not entry.get("action"):
            diags.error(path, table_line, "a crisis line needs 'name' and 'action'; it is left out")
            continue
        emergency = entry.get("emergency", False)
        if not isinstance(emergency, bool):
            diags.error(
                path,
                key_line(text, table_line, "emergency"),
                f"crisis line '{entry['name']}': 'emergency' must be true or false, "
                f"not {describe_value(emergency)}; it is not shown as one",
            )
            emergency = False
        line = CrisisLine(
            name=_str(entry, "name"),
            action=_str(entry, "action"),
            detail=_str(entry, "detail"),
            audience=_str(entry, "audience"),
            emergency=emergency,
        )
        lines.append((line, table_line))
    if not lines:
        diags.error(path, 1, "no usable crisis lines")
        return None
    lines.sort(key=lambda pair: not pair[0].emergency)
    if len(lines) > MAX_CRISIS_LINES:
        first_left_out = min(line for _, line in lines[MAX_CRISIS_LINES:])
        diags.error(
            path,
            first_left_out,
            f"{len(lines)} crisis lines are listed; only {MAX_CRISIS_LINES} are shown "
            "(emergency lines first, then in the order listed)",
        )
        lines = lines[:MAX_CRISIS_LINES]
    intro = data.get("intro", "")
    if not isinstance(intro, str):
        diags.error(
            path,
            key_line(text, 0, "intro"),
            f"'intro' must be text in quotes, not {describe_value(intro)}",
        )
        intro = ""
    return CrisisInfo(
        intro=intro.strip() or DEFAULT_CRISIS.intro, lines=tuple(line for line, _ in lines)
    )


def _load_crisis(root: Path, diags: Diagnostics) -> CrisisInfo:
    path = root / "crisis.toml"
    data, text = load_toml_with_text(path, diags, "crisis lines file", inside=root)
    if data is None:
        return DEFAULT_CRISIS
    return parse_crisis(data, path, diags, text) or DEFAULT_CRISIS


def _load_steps(guide: Guide, manifest: dict[str, Any], text: str, path: Path) -> None:
    diags = guide.diagnostics
    entries = manifest.get("steps")
    if not isinstance(entries, list) or not entries:
        diags.error(path, 1, "guide.toml lists no [[steps]]")
        return
    seen: set[str] = set()
    headers = array_table_lines(text, "steps")
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            diags.error(path, 1, "each step must be a [[steps]] table")
            continue
        table_line = headers[index] if len(headers) == len(entries) else 1
        label = f"step '{entry['id']}': " if isinstance(entry.get("id"), str) else ""
        wrong = check_text_keys(entry, STEP_TEXT_KEYS, (path, text, table_line), diags, label)
        if "id" in wrong:
            continue
        entry = {key: value for key, value in entry.items() if key not in wrong}
        step_id = _str(entry, "id")
        line = line_of(text, f'"{step_id}"') if step_id else table_line
        kind = _str(entry, "kind") or "page"
        if not STEP_ID.match(step_id):
            diags.error(
                path, line, f"step id '{step_id}' must be lowercase letters, digits, hyphens"
            )
            continue
        if step_id in seen:
            # Point at the second listing, the one that is skipped.
            line = line_of(text, f'"{step_id}"', line, after=line)
            diags.error(path, line, f"step '{step_id}' is listed twice; the second is skipped")
            continue
        seen.add(step_id)
        if kind not in STEP_KINDS:
            diags.error(path, line, f"step '{step_id}' has unknown kind '{kind}'")
            continue
        fallback_title = step_id.replace("-", " ").capitalize()
        step = Step(
            id=step_id,
            kind=kind,
            title=_str(entry, "title") or fallback_title,
            short_title=_str(entry, "short_title") or _str(entry, "title") or fallback_title,
            summary=_str(entry, "summary"),
            file=_str(entry, "file"),
            line=line,
        )
        if "counsellor_notes" in entry:
            notes = entry["counsellor_notes"]
            notes_line = line_of(text, "counsellor_notes", line, after=line)
            if not isinstance(notes, str):
                diags.error(path, notes_line, f"step '{step_id}' counsellor_notes must be text")
            elif step.file:
                diags.warning(
                    path,
                    notes_line,
                    f"step '{step_id}' has a page: its counsellor_notes belong in the page's "
                    "front matter, and these are not shown",
                )
            elif check_page_limits(notes.strip(), path, notes_line, diags):
                step.notes, step.notes_line = notes.strip(), notes_line
        _step_extras(guide, step, entry, text, path)
        if kind == "page" and not step.file:
            if "file" not in wrong:  # a 'file' that is not text is reported already
                diags.error(path, line, f"page step '{step_id}' has no 'file'")
            step.broken = True
        if step.file and not is_inside(guide.root, guide.root / step.file):
            diags.error(path, line, f"page file '{step.file}' must be inside the content folder")
            step.broken = True
        elif step.file:
            page = load_page(guide.root / step.file, step_id, diags)
            if page is None:
                step.broken = True
            else:
                step.page = page
                step.title, step.short_title, step.summary = (
                    page.title,
                    page.short_title,
                    page.summary,
                )
        guide.steps.append(step)


def _step_extras(guide: Guide, step: Step, entry: dict[str, Any], text: str, path: Path) -> None:
    """A step's `options` (the ids of its table's columns), `short_path` (it is the one the
    welcome screens offer a reader in a hurry) and `print` (its paper layout)."""
    diags = guide.diagnostics
    if "options" in entry:
        options = entry["options"]
        line = line_of(text, "options", step.line, after=step.line)
        if (
            not isinstance(options, list)
            or not options
            or not all(isinstance(o, str) and STEP_ID.match(o) for o in options)
        ):
            diags.error(path, line, f"step '{step.id}' options must be a list of ids")
        elif len(set(options)) != len(options):
            diags.error(path, line, f"step '{step.id}' lists an option twice")
        else:
            step.options = tuple(options)
    if "short_path" in entry:
        line = line_of(text, "short_path", step.line, after=step.line)
        if not isinstance(entry["short_path"], bool):
            diags.error(path, line, f"step '{step.id}' short_path must be true or false")
        elif entry["short_path"] and guide.short_path:
            diags.error(path, line, f"'{guide.short_path}' is the short path already")
        elif entry["short_path"]:
            guide.short_path = step.id
    if "print" in entry:
        layout = entry["print"]
        if layout in PRINT_LAYOUTS:
            step.print_layout = layout
        else:
            diags.error(
                path,
                line_of(text, "print", step.line, after=step.line),
                f"step '{step.id}' print must be one of {', '.join(PRINT_LAYOUTS)}",
            )


def _edition(guide: Guide, manifest: dict[str, Any], text: str, path: Path) -> None:
    """The edition and its dates; check-content says which are missing (content_rules)."""
    diags = guide.diagnostics
    edition = manifest.get("edition", "")
    if isinstance(edition, str):
        guide.edition = edition.strip()
    else:
        diags.error(path, line_of(text, "edition"), "'edition' must be text, such as \"2026.12\"")
    for key in ("evidence_searched", "next_review"):
        if key not in manifest:
            continue
        value = manifest[key]
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            setattr(guide, key, value)
        else:
            diags.error(path, line_of(text, key), f"'{key}' must be a date (2026-12-03)")


# Steps whose words come from the wording file, not from a page.
WORDED_KINDS = frozenset({"values", "leaning", "quiz", "sure", "summary", "compare"})


def _load_wording(guide: Guide) -> Wording:
    root, diags = guide.root, guide.diagnostics
    path = root / WORDING_FILE
    needed = (
        guide.short_path
        or any(s.kind in WORDED_KINDS or s.print_layout for s in guide.steps)
        or guide.edition
    )
    if not path.is_file() and not needed:
        return Wording()  # a guide of plain pages needs none of these words
    text = read_text(path, diags, "screen wording file", inside=root)
    data = parse_toml(text, path, diags) if text is not None else None
    if data is None or text is None:
        return Wording()
    return parse_wording(data, text, path, diags)


def load_guide(root: Path, locale: str = "en") -> Guide:
    """Load every content file under `root`; problems become diagnostics, never exceptions."""
    guide = Guide(root=root, locale=locale)
    path = root / "guide.toml"
    if not root.is_dir():
        guide.diagnostics.error(root, 1, "content folder is missing")
        return guide
    text = read_text(path, guide.diagnostics, "guide manifest", inside=root)
    manifest = parse_toml(text, path, guide.diagnostics) if text is not None else None
    if manifest is not None and text is not None:
        wrong = check_text_keys(
            manifest, ("title", "short_title"), (path, text, 0), guide.diagnostics, ""
        )
        manifest = {key: value for key, value in manifest.items() if key not in wrong}
        guide.title = _str(manifest, "title") or guide.title
        guide.short_title = _str(manifest, "short_title") or guide.title
        _load_steps(guide, manifest, text, path)
        _edition(guide, manifest, text, path)
    guide.wording = _load_wording(guide)
    guide.references = _load_references(root, guide.diagnostics)
    guide.glossary = _load_glossary(root, guide.diagnostics)
    guide.crisis = _load_crisis(root, guide.diagnostics)
    return guide
