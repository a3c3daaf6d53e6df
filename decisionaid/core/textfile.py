"""Reading content and configuration files without ever raising at the reader."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics

MAX_FILE_BYTES = 2 * 1024 * 1024
_TOML_LINE = re.compile(r"at line (\d+)")


def read_text(
    path: Path, diags: Diagnostics, what: str = "file", limit: int = MAX_FILE_BYTES
) -> str | None:
    """The file's text, or None with a diagnostic naming what went wrong."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        diags.error(path, 1, f"{what} is missing")
        return None
    except OSError as exc:
        diags.error(path, 1, f"{what} cannot be read: {exc.strerror or exc}")
        return None
    if size > limit:
        diags.error(path, 1, f"{what} is {size // 1024} KiB; the limit is {limit // 1024} KiB")
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diags.error(path, 1, f"{what} cannot be read: {exc.strerror or exc}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diags.error(path, line, f"{what} is not valid UTF-8 (byte {exc.start})")
        return None
    return text.replace("\r\n", "\n").lstrip("\ufeff")


def parse_toml(
    text: str, path: Path, diags: Diagnostics, line_offset: int = 0
) -> dict[str, Any] | None:
    """Parsed TOML, or None with a diagnostic at the line the parser names."""
    import tomllib  # here: a start with the guide cached reads no TOML (the start-up list)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else 1
        message = _TOML_LINE.sub("", str(exc)).replace("()", "").strip(" (),")
        diags.error(path, line + line_offset, f"invalid TOML: {message}")
        return None


def load_toml_file(path: Path, diags: Diagnostics, what: str) -> dict[str, Any] | None:
    text = read_text(path, diags, what)
    if text is None:
        return None
    return parse_toml(text, path, diags)


def line_of(text: str, needle: str, default: int = 1, after: int = 0) -> int:
    """The 1-based line where `needle` first appears (below line `after`), for diagnostics."""
    start = 0
    for _ in range(after):
        start = text.find("\n", start) + 1
        if start == 0:
            return default
    index = text.find(needle, start)
    if index < 0:
        return default
    return text.count("\n", 0, index) + 1
