"""Loading the guide's content (core/guide.py) from its manifest, guide.toml: its steps with
their pages (page_file.py), its edition and screen wording, then the references, glossary
(reference_files.py) and crisis lines (crisis_file.py).

Loading never raises. Every problem becomes a diagnostic, and a step whose page cannot be used
is marked broken so the reader sees a calm notice there while every other step works.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from decisionaid.core.content_tables import check_text_keys
from decisionaid.core.content_tables import text_value as _str
from decisionaid.core.crisis_file import load_crisis
from decisionaid.core.guide import Guide, Step
from decisionaid.core.page_file import load_page
from decisionaid.core.page_limits import check_page_limits
from decisionaid.core.reference_files import load_glossary, load_references
from decisionaid.core.textfile import array_table_lines, is_inside, line_of, parse_toml, read_text
from decisionaid.core.wording import WORDING_FILE, Wording, parse_wording

PAGE_KINDS = frozenset({"page", "compare", "about"})
DATA_KINDS = frozenset(
    {"references", "glossary", "values", "leaning", "quiz", "questions", "sure", "summary"}
)
STEP_KINDS = PAGE_KINDS | DATA_KINDS
STEP_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PRINT_LAYOUTS = ("portrait", "landscape")

# What each [[steps]] table may say, all of it text.
STEP_TEXT_KEYS = ("id", "kind", "title", "short_title", "summary", "file")


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
    guide.references = load_references(root, guide.diagnostics)
    guide.glossary = load_glossary(root, guide.diagnostics)
    guide.crisis = load_crisis(root, guide.diagnostics)
    return guide
