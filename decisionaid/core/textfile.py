"""Reading content and configuration files without ever raising at the reader.

Only regular files are read, and never more than a byte limit: a named pipe in place of a file
would block the reading for ever, and a device such as /dev/zero never ends. Both are refused
before a single byte is read, as is a link that leads out of the folder a file must stay in.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics

MAX_FILE_BYTES = 2 * 1024 * 1024
_TOML_LINE = re.compile(r"at line (\d+)")
# O_NONBLOCK: opening a named pipe must return at once, not wait for a writer that never comes.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class UnreadableFile(OSError):
    """A file that is there but must not be read; the message says why, for staff."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path`, its links followed, is `root` or lies under it."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop
        return False
    return True


def read_capped(path: Path, limit: int = MAX_FILE_BYTES, *, inside: Path | None = None) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    Raises FileNotFoundError when it is missing, and UnreadableFile (an OSError whose message
    is for staff) when it is not a regular file, is larger than `limit`, or, with `inside`,
    is reached through a link that leads out of that folder. Never blocks, never reads more
    than `limit` + 1 bytes.
    """
    if inside is not None and not is_inside(inside, path):
        raise UnreadableFile(f"leads to {path.resolve()}, outside the content folder")
    info = os.stat(path)  # no side effects, unlike opening some devices
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(f"is {_kind(info.st_mode)}, not a regular file")
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)  # what was opened, should the path have changed since
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise UnreadableFile(_too_large(info.st_size, limit))
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # grew while being read
        raise UnreadableFile(_too_large(len(data), limit))
    return data


def _too_large(size: int, limit: int) -> str:
    # Rounded up, so a file just over the limit never reads as being at it.
    return f"is {-(-size // 1024)} KiB; the limit is {limit // 1024} KiB"


def read_text(
    path: Path,
    diags: Diagnostics,
    what: str = "file",
    limit: int = MAX_FILE_BYTES,
    *,
    inside: Path | None = None,
) -> str | None:
    """The file's text, or None with a diagnostic naming what went wrong.

    With `inside`, a link that leads out of that folder is refused (see read_capped).
    """
    try:
        raw = read_capped(path, limit, inside=inside)
    except FileNotFoundError:
        diags.error(path, 1, f"{what} is missing")
        return None
    except UnreadableFile as exc:
        diags.error(path, 1, f"{what} {exc}; it is not read")
        return None
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


def load_toml_file(
    path: Path, diags: Diagnostics, what: str, *, inside: Path | None = None
) -> dict[str, Any] | None:
    return load_toml_with_text(path, diags, what, inside=inside)[0]


def load_toml_with_text(
    path: Path, diags: Diagnostics, what: str, *, inside: Path | None = None
) -> tuple[dict[str, Any] | None, str]:
    """The parsed file and its text (for line numbers), read once; (None, "") if unusable."""
    text = read_text(path, diags, what, inside=inside)
    if text is None:
        return None, ""
    data = parse_toml(text, path, diags)
    return data, text if data is not None else ""


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


_HEADER = re.compile(r"^\s*\[")


def array_table_lines(text: str, name: str) -> list[int]:
    """The line of each `[[name]]` header, in order (1-based)."""
    header = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
    return [n for n, line in enumerate(text.split("\n"), start=1) if header.match(line)]


def key_line(text: str, table_line: int, key: str) -> int:
    """The line of `key = ...` in the table whose header is at `table_line` (0: the keys before
    any table), else `table_line` (or 1)."""
    assignment = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    lines = text.split("\n")
    for index in range(max(table_line, 0), len(lines)):
        line = lines[index]
        if assignment.match(line):
            return index + 1
        if _HEADER.match(line):
            break
    return max(table_line, 1)


def describe_value(value: Any) -> str:
    """A TOML value as staff would recognise it in a notice: `12345` as "the number 12345"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the decimal {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
