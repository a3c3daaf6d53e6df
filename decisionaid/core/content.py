"""Loading the guide's content (core/guide.py): steps, pages, references, glossary and crisis
lines, from data files.

Loading never raises. Every problem becomes a diagnostic, and a step whose page cannot be used
is marked broken so the reader sees a calm notice there while every other step works.
"""

from __future__ import annotations

import datetime as dt
import re
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
from decisionaid.core.textfile import line_of, load_toml_file, parse_toml, read_text
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
        counsellor_notes=_str(meta, "counsellor_notes").strip(),
        counsellor_notes_line=line_of(text, "counsellor_notes"),
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


def _load_references(root: Path, diags: Diagnostics) -> dict[str, Reference]:
    path = root / "references.toml"
    data = load_toml_file(path, diags, "references file")
    if data is None:
        return {}
    text = path.read_text(encoding="utf-8", errors="replace")
    refs: dict[str, Reference] = {}
    entries = data.get("references", [])
    if not isinstance(entries, list):
        diags.error(path, 1, "'references' must be a list of [[references]] tables")
        return {}
    for entry in entries:
        if not isinstance(entry, dict):
            diags.error(path, 1, "each reference must be a [[references]] table")
            continue
        key = _str(entry, "key")
        line = line_of(text, f'"{key}"') if key else 1
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
        refs[key] = Reference(
            key=key,
            number=len(refs) + 1,
            authors=_str(entry, "authors"),
            year=entry.get("year", ""),
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
    data = load_toml_file(path, diags, "glossary file")
    if data is None:
        return {}
    text = path.read_text(encoding="utf-8", errors="replace")
    terms: dict[str, GlossaryTerm] = {}
    entries = data.get("terms", [])
    if not isinstance(entries, list):
        diags.error(path, 1, "'terms' must be a list of [[terms]] tables")
        return {}
    for entry in entries:
        if not isinstance(entry, dict):
            diags.error(path, 1, "each glossary term must be a [[terms]] table")
            continue
        term_id = _str(entry, "id")
        line = line_of(text, f'"{term_id}"') if term_id else 1
        if not term_id or not entry.get("term") or not entry.get("definition"):
            diags.error(path, line, "a glossary term needs 'id', 'term' and 'definition'")
            continue
        if term_id in terms:
            diags.error(path, line, f"glossary id '{term_id}' is listed twice")
            continue
        terms[term_id] = GlossaryTerm(term_id, _str(entry, "term"), _str(entry, "definition"), line)
    return terms


def parse_crisis(data: dict[str, Any], path: Path, diags: Diagnostics) -> CrisisInfo | None:
    lines: list[CrisisLine] = []
    entries = data.get("lines", [])
    if not isinstance(entries, list):
        diags.error(path, 1, "'lines' must be a list of [[lines]] tables")
        return None
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("action"):
            diags.error(path, 1, "a crisis line needs 'name' and 'action'")
            continue
        lines.append(
            CrisisLine(
                name=_str(entry, "name"),
                action=_str(entry, "action"),
                detail=_str(entry, "detail"),
                audience=_str(entry, "audience"),
                emergency=bool(entry.get("emergency", False)),
            )
        )
    if not lines:
        diags.error(path, 1, "no usable crisis lines")
        return None
    lines.sort(key=lambda c: not c.emergency)
    return CrisisInfo(intro=_str(data, "intro") or DEFAULT_CRISIS.intro, lines=tuple(lines))


def _load_crisis(root: Path, diags: Diagnostics) -> CrisisInfo:
    path = root / "crisis.toml"
    data = load_toml_file(path, diags, "crisis lines file")
    if data is None:
        return DEFAULT_CRISIS
    return parse_crisis(data, path, diags) or DEFAULT_CRISIS


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def _load_steps(guide: Guide, manifest: dict[str, Any], text: str, path: Path) -> None:
    diags = guide.diagnostics
    entries = manifest.get("steps")
    if not isinstance(entries, list) or not entries:
        diags.error(path, 1, "guide.toml lists no [[steps]]")
        return
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict):
            diags.error(path, 1, "each step must be a [[steps]] table")
            continue
        step_id = _str(entry, "id")
        line = line_of(text, f'"{step_id}"') if step_id else 1
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
            else:
                step.notes, step.notes_line = notes.strip(), notes_line
        _step_extras(guide, step, entry, text, path)
        if kind == "page" and not step.file:
            diags.error(path, line, f"page step '{step_id}' has no 'file'")
            step.broken = True
        if step.file and not _inside(guide.root, guide.root / step.file):
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
    text = read_text(path, diags, "screen wording file")
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
    text = read_text(path, guide.diagnostics, "guide manifest")
    manifest = parse_toml(text, path, guide.diagnostics) if text is not None else None
    if manifest is not None and text is not None:
        guide.title = _str(manifest, "title") or guide.title
        guide.short_title = _str(manifest, "short_title") or guide.title
        _load_steps(guide, manifest, text, path)
        _edition(guide, manifest, text, path)
    guide.wording = _load_wording(guide)
    guide.references = _load_references(root, guide.diagnostics)
    guide.glossary = _load_glossary(root, guide.diagnostics)
    guide.crisis = _load_crisis(root, guide.diagnostics)
    return guide
