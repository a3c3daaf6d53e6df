"""The guide as last loaded from its files, kept so that a start parses no TOML.

Loading the guide (the manifest, every page's front matter, references, glossary and crisis
lines) needs tomllib and costs about a tenth of a start-up, yet gives the same Guide, problems
included, whenever its files are the same. A store keeps that Guide under a key made of every
byte it was read from, its language and the loader's own code, so a change to any of them
simply loads the files again. A missing, stale or damaged entry is never an error, and a store
that may not be written is never written.

Two kinds of store are read, in order: the one made ahead of time for every shipped language
(the bundle's resources, or build/cache in a source checkout; read-only, core/prebuilt.py makes
it), then, in modes that may write, the user's cache folder. Paths inside the Guide are kept
relative to its content folder, so an entry made in the build folder serves the same files
installed anywhere. Diagnostics name paths as seen from the working folder, so a guide with
problems is served only for the content folder and working folder it was loaded with.

The Guide is stored with marshal, already loaded at start-up, as tagged tuples; only the
classes listed in `_CLASSES` may appear in it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
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
FORMAT_VERSION = 2  # 2: paths relative to the content folder, which left the key
# From source, the loader's own files are part of the key, so editing them is enough.
_LOADER_SOURCES = (
    "content.py",
    "content_tables.py",
    "page_file.py",
    "reference_files.py",
    "crisis_file.py",
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


def loader_fingerprint(*, with_sources: bool = True) -> bytes:
    """What, besides the content, decides the Guide (a bundle has no sources to add)."""
    return code_fingerprint(FORMAT_VERSION, _LOADER_SOURCES, with_sources=with_sources)


def _key(fingerprint: bytes, root: Path, locale: str, pages: Sequence[str]) -> str:
    """A hash of every byte the guide is read from, by name, with its language and loader."""
    h = blake2b(fingerprint, digest_size=16)
    h.update(f"\0{locale}\0".encode())
    for name in (*_DATA_FILES, *pages):
        try:
            # Capped, and never from a pipe or a device: a key must not hang the start.
            data = read_capped(root / name)
        except OSError as exc:
            data = _MISSING + str(exc).encode()
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _diagnostics_context(root: Path) -> str:
    """What a diagnostic's path depends on besides the files: the folder as named, and the
    working folder paths are shown from."""
    try:
        cwd = os.getcwd()
    except OSError:  # started in a folder since deleted: diagnostics then show whole paths
        cwd = ""
    return f"{root}\0{cwd}"


def _pages(guide: Guide) -> list[str]:
    return [step.file for step in guide.steps if step.file]


class GuideStore:
    """Parsed guides in `folder`, one file each, kept under the key of the files they were read
    from; the list of page files is kept beside the key, to check it.

    A user's store names its files by language and content folder. A shipped one, made before
    anyone knows where it will be installed, names them by language alone.
    """

    def __init__(
        self,
        folder: Path,
        *,
        writable: bool,
        shipped: bool = False,
        fingerprint: bytes | None = None,
    ) -> None:
        self._store = KeyedStore(folder, writable=writable)
        self.shipped = shipped
        self._fingerprint = fingerprint

    @property
    def folder(self) -> Path:
        return self._store.folder

    @property
    def writable(self) -> bool:
        return self._store.writable

    @property
    def fingerprint(self) -> bytes:
        if self._fingerprint is None:
            self._fingerprint = loader_fingerprint()
        return self._fingerprint

    def _name(self, root: Path, locale: str) -> str:
        if self.shipped:
            return locale
        return f"{locale}-{blake2b(str(root).encode(), digest_size=8).hexdigest()}"

    def get(self, root: Path, locale: str) -> Guide | None:
        def current(stored: Any) -> bool:
            key, pages, context = stored
            if context and context != _diagnostics_context(root):
                return False
            return bool(key == _key(self.fingerprint, root, locale, list(pages)))

        payload = self._store.get(self._name(root, locale), current)
        if payload is None:
            return None
        try:
            guide = _decode(payload, root)
        except Exception:  # a damaged cache file only means loading the files again
            return None
        if not isinstance(guide, Guide) or guide.root != root or guide.locale != locale:
            return None
        return guide

    def put(self, guide: Guide) -> bool:
        """Keep `guide`; False when it was not kept (a read-only store, or something this
        cache cannot hold)."""
        if not self.writable:
            return False
        try:
            payload = _encode(guide, guide.root)
        except TypeError:  # something this cache does not know how to keep
            return False
        pages = _pages(guide)
        context = _diagnostics_context(guide.root) if guide.diagnostics.items else ""
        key = (_key(self.fingerprint, guide.root, guide.locale, pages), pages, context)
        return self._store.put(self._name(guide.root, guide.locale), key, payload)


def load_guide_from(
    root: Path, locale: str, stores: Sequence[GuideStore]
) -> tuple[Guide, GuideStore | None]:
    """load_guide(root, locale) from the first store holding it as its files are now, else
    from the files (then kept in every store that may be written); with the store it came
    from, None when the files were parsed."""
    if not root.is_dir():
        return load_guide(root, locale), None
    for store in stores:
        guide = store.get(root, locale)
        if guide is not None:
            return guide, store
    guide = load_guide(root, locale)
    for store in stores:
        store.put(guide)
    return guide, None


def load_guide_cached(root: Path, locale: str, stores: Sequence[GuideStore]) -> Guide:
    """load_guide(root, locale), from a store when the files have not changed since."""
    return load_guide_from(root, locale, stores)[0]


# -- encoding: scalars as they are, everything else as a tuple whose first item is a tag ----------


def _encode(value: Any, root: Path) -> Any:
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
        fields = {f: _encode(getattr(value, f), root) for f in record_fields(value)}
        return ("c", name, fields)
    if isinstance(value, Path):
        try:  # inside the content folder: kept relative to it, wherever that is later
            return ("r", value.relative_to(root).as_posix())
        except ValueError:
            return ("p", str(value))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return ("D", value.toordinal())
    if isinstance(value, list):
        return ("l", [_encode(v, root) for v in value])
    if isinstance(value, tuple):
        return ("t", tuple(_encode(v, root) for v in value))
    if isinstance(value, dict):
        return ("d", [(_encode(k, root), _encode(v, root)) for k, v in value.items()])
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any, root: Path) -> Any:
    if not isinstance(value, tuple):
        return value
    tag = value[0]
    if tag == "c":
        return _CLASSES[value[1]](**{k: _decode(v, root) for k, v in value[2].items()})
    if tag == "e":
        return _CLASSES[value[1]](value[2])
    if tag == "r":
        return root / value[1]
    if tag == "p":
        return Path(value[1])
    if tag == "D":
        return dt.date.fromordinal(value[1])
    if tag == "l":
        return [_decode(v, root) for v in value[1]]
    if tag == "t":
        return tuple(_decode(v, root) for v in value[1])
    if tag == "d":
        return {_decode(k, root): _decode(v, root) for k, v in value[1]}
    raise ValueError(f"unknown tag {tag!r}")
