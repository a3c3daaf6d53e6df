"""The tables of a content file (TOML): text where text is expected, each problem reported at
its own line. Shared by the loaders of the guide manifest (content.py), the references and
glossary (reference_files.py) and the crisis lines (crisis_file.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.textfile import array_table_lines, describe_value, key_line


def text_value(table: dict[str, Any], key: str) -> str:
    """The value of `key` as text (a number or a date as written); "" when absent."""
    value = table.get(key, "")
    return value if isinstance(value, str) else str(value)


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


def array_tables(
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
