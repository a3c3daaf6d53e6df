"""A page file: front matter (TOML) between '+++' lines, then the page's Markdown.

A page that cannot be used is None, with a diagnostic for each reason; its step is then marked
broken (content.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from decisionaid.core.content_tables import text_value as _str
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Page
from decisionaid.core.page_limits import check_page_limits
from decisionaid.core.textfile import line_of, parse_toml, read_text

REQUIRED_FRONT_MATTER = ("id", "title", "short_title", "summary", "reviewed")
FRONT_MATTER_FENCE = "+++"
# A page this long would freeze the window for seconds while it renders; real pages are ~20 KiB.
MAX_PAGE_BYTES = 256 * 1024


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
