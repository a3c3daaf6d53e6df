"""crisis.toml, and a clinic's own crisis lines (config.py): what "Get help now" lists.

Without a usable list the built-in one is shown (guide.DEFAULT_CRISIS), never an empty panel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decisionaid.core.content_tables import array_tables as _tables
from decisionaid.core.content_tables import text_value as _str
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import DEFAULT_CRISIS, CrisisInfo, CrisisLine
from decisionaid.core.textfile import describe_value, key_line, load_toml_with_text

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


def load_crisis(root: Path, diags: Diagnostics) -> CrisisInfo:
    path = root / "crisis.toml"
    data, text = load_toml_with_text(path, diags, "crisis lines file", inside=root)
    if data is None:
        return DEFAULT_CRISIS
    return parse_crisis(data, path, diags, text) or DEFAULT_CRISIS
