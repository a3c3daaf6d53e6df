"""A folder of cached values, one file per name, each kept with the key it was made under.

The guide cache and the page cache both keep what is costly to make at start-up under a key
made of everything it depends on, so a value whose sources changed is simply made again. A
missing, stale or damaged file is never an error; a store that may not be written (kiosk, or
a cache made ahead of time, core/prebuilt.py) is only read. Values are written with marshal, which
start-up has loaded already, so they may hold only marshal's types (tuples, lists, dicts,
strings, numbers...).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from decisionaid import __version__

try:  # the same BLAKE2 hashlib offers, without hashlib loading OpenSSL at start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

__all__ = ["KeyedStore", "blake2b", "code_fingerprint"]


def code_fingerprint(version: int, sources: Sequence[str], *, with_sources: bool = True) -> bytes:
    """What, besides its inputs, decides a cached value: the format `version`, the app's
    version, Python's (marshal's format follows it) and, from source, the bytes of the core
    modules named in `sources`, so editing one of them is enough to make every value again."""
    parts = [f"{version} {__version__} {sys.version_info[:2]}".encode()]
    if with_sources:
        here = Path(__file__).parent
        for name in sources:
            # A bundle has no sources: its caches were made by the same build.
            with contextlib.suppress(OSError):
                parts.append((here / name).read_bytes())
    return b"\0".join(parts)


class KeyedStore:
    def __init__(self, folder: Path, *, writable: bool) -> None:
        self.folder = folder
        self.writable = writable

    def get(self, name: str, is_current: str | Callable[[Any], bool]) -> Any | None:
        """The value stored as `name`, if it was stored under the current key: `is_current`
        is that key, or a test of the stored one. None when there is no usable value."""
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        try:
            key, value = marshal.loads(data)
            current = is_current(key) if callable(is_current) else key == is_current
        except Exception:  # a damaged cache file only means making the value again
            return None
        return value if current else None

    def put(self, name: str, key: Any, value: Any) -> bool:
        """Keep `value` as `name` under `key`; quietly False if it cannot be written."""
        if not self.writable:
            return False
        try:
            data = marshal.dumps((key, value))
        except ValueError:  # something marshal cannot keep
            return False
        path = self.folder / name
        temp = path.with_name(f".{name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(data)
            os.replace(temp, path)  # never a half-written file, even with two windows open
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            return False
        return True
