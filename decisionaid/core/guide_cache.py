"""The guide as last loaded from its files, kept so that a normal start parses no TOML.

Loading the guide (the manifest, every page's front matter, references, glossary and crisis
lines) needs tomllib and costs about a tenth of a start-up, yet gives the same Guide, problems
included, whenever its files are the same. The cache keeps that Guide under a key made of every
byte it was read from, the loader's own code, the folder and the working folder (diagnostics
name paths relative to it), so a change to any of them simply loads the files again. A
missing, stale or damaged cache is never an error, and a store that may not be written (kiosk)
is never written.

The Guide is stored with marshal, already loaded at start-up, as tagged tuples; only the
classes listed in `_CLASSES` may appear in it.
"""

from __future__ import annotations

import datetime as dt
import os
from enum import Enum
from pathlib import Path
from typing import Any

from decisionaid.core.content import load_guide
from decisionaid.core.diagnostics import Diagnostic, Diagnostics, Severity
from decisionaid.core.guide import (
    CrisisInfo,
    CrisisLine,
    GlossaryTerm,
    Guide,
    Page,
    Reference,
    Step,
)
from decisionaid.core.keyed_store import KeyedStore, blake2b, code_fingerprint
from decisionaid.core.record import is_record, record_fields
from decisionaid.core.textfile import read_capped
from decisionaid.core.wording import Wording

# Raise when what is stored changes in a way the loader's sources do not show.
FORMAT_VERSION = 1
# From source, the loader's own files are part of the key, so editing them is enough.
_LOADER_SOURCES = (
    "content.py",
    "textfile.py",
    "diagnostics.py",
    "guide_cache.py",
    "page_limits.py",
    "keyed_store.py",
    "wording.py",
)
# The files load_guide reads besides the pages the manifest names.
_DATA_FILES = (
    "guide.toml",
    "references.toml",
    "glossary.toml",
    "crisis.toml",
    "step-wording.toml",
)
_MISSING = b"\0missing\0"

_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Guide,
        Step,
        Page,
        Reference,
        GlossaryTerm,
        CrisisInfo,
        CrisisLine,
        Diagnostics,
        Diagnostic,
        Severity,
        Wording,
    )
}


def loader_fingerprint() -> bytes:
    return code_fingerprint(FORMAT_VERSION, _LOADER_SOURCES)


def _key(root: Path, locale: str, pages: list[str]) -> str:
    try:
        cwd = os.getcwd()
    except OSError:  # started in a folder since deleted: diagnostics then show whole paths
        cwd = ""
    h = blake2b(loader_fingerprint(), digest_size=16)
    h.update(f"\0{root}\0{locale}\0{cwd}\0".encode())
    for name in (*_DATA_FILES, *pages):
        try:
            # Capped, and never from a pipe or a device: a key must not hang the start.
            data = read_capped(root / name)
        except OSError as exc:
            data = _MISSING + str(exc).encode()
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _pages(guide: Guide) -> list[str]:
    return [step.file for step in guide.steps if step.file]


class GuideStore:
    """One file per content folder and language in `folder`, kept under a key of every file
    it was read from; the list of page files is kept beside the key, to check it."""

    def __init__(self, folder: Path, *, writable: bool) -> None:
        self._store = KeyedStore(folder, writable=writable)

    @staticmethod
    def _name(root: Path, locale: str) -> str:
        return f"{locale}-{blake2b(str(root).encode(), digest_size=8).hexdigest()}"

    def get(self, root: Path, locale: str) -> Guide | None:
        def current(stored: Any) -> bool:
            key, pages = stored
            return bool(key == _key(root, locale, list(pages)))

        payload = self._store.get(self._name(root, locale), current)
        if payload is None:
            return None
        try:
            guide = _decode(payload)
        except Exception:  # a damaged cache file only means loading the files again
            return None
        return guide if isinstance(guide, Guide) else None

    def put(self, guide: Guide) -> None:
        try:
            payload = _encode(guide)
        except TypeError:  # something this cache does not know how to keep
            return
        pages = _pages(guide)
        key = (_key(guide.root, guide.locale, pages), pages)
        self._store.put(self._name(guide.root, guide.locale), key, payload)


def load_guide_cached(root: Path, locale: str, store: GuideStore | None) -> Guide:
    """load_guide(root, locale), from the store when the files have not changed since."""
    if store is None or not root.is_dir():
        return load_guide(root, locale)
    guide = store.get(root, locale)
    if guide is None:
        guide = load_guide(root, locale)
        store.put(guide)
    return guide


# -- encoding: scalars as they are, everything else as a tuple whose first item is a tag ----------


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        if _CLASSES.get(type(value).__name__) is not type(value):
            raise TypeError(f"cannot cache a {type(value).__name__}")
        return ("e", type(value).__name__, value.value)
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    if is_record(value) and not isinstance(value, type):
        name = type(value).__name__
        if _CLASSES.get(name) is not type(value):
            raise TypeError(f"cannot cache a {name}")
        fields = {f: _encode(getattr(value, f)) for f in record_fields(value)}
        return ("c", name, fields)
    if isinstance(value, Path):
        return ("p", str(value))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return ("D", value.toordinal())
    if isinstance(value, list):
        return ("l", [_encode(v) for v in value])
    if isinstance(value, tuple):
        return ("t", tuple(_encode(v) for v in value))
    if isinstance(value, dict):
        return ("d", [(_encode(k), _encode(v)) for k, v in value.items()])
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if not isinstance(value, tuple):
        return value
    tag = value[0]
    if tag == "c":
        return _CLASSES[value[1]](**{k: _decode(v) for k, v in value[2].items()})
    if tag == "e":
        return _CLASSES[value[1]](value[2])
    if tag == "p":
        return Path(value[1])
    if tag == "D":
        return dt.date.fromordinal(value[1])
    if tag == "l":
        return [_decode(v) for v in value[1]]
    if tag == "t":
        return tuple(_decode(v) for v in value[1])
    if tag == "d":
        return {_decode(k): _decode(v) for k, v in value[1]}
    raise ValueError(f"unknown tag {tag!r}")
