"""Which guide a machine shows: its edition, a hash of every content file, and review dates.

Staff looking after many kiosks compare these lines (`decisionaid --version`) to know that each
one runs the same guide. The hash covers every file in the content folder, by relative path,
length and bytes, so it changes with any edit, added file or removed file and with nothing else
(not the folder's location, not file dates). The same hash can be made without the app:

    cd CONTENT_DIR && python3 -c 'import hashlib, pathlib; h = hashlib.sha256()
    for p in sorted(p for p in pathlib.Path(".").rglob("*") if p.is_file()):
        d = p.read_bytes(); h.update(f"{p.as_posix()}\\0{len(d)}\\0".encode() + d)
    print(h.hexdigest())'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from pathlib import Path

from decisionaid.core.record import record
from decisionaid.core.textfile import read_capped

# Front matter's `reviewed = 2026-11-02` (TOML between +++ lines), read without parsing TOML.
_REVIEWED = re.compile(r"^reviewed\s*=\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)


@record(frozen=True)
class ContentFingerprint:
    sha256: str
    files: int
    last_reviewed: str  # the newest page review date, "" when no page gives one


def _content_files(root: Path) -> list[Path]:
    return sorted(
        (p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix()
    )


def fingerprint(root: Path) -> ContentFingerprint:
    digest = hashlib.sha256()
    files = _content_files(root)
    reviewed = ""
    for path in files:
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
        if path.suffix == ".md":
            dates = _REVIEWED.findall(data.decode("utf-8", "replace"))
            reviewed = max([reviewed, *dates])
    return ContentFingerprint(sha256=digest.hexdigest(), files=len(files), last_reviewed=reviewed)


def edition(root: Path) -> str:
    """guide.toml's edition and when its evidence was last searched, as one phrase ("" when
    the guide gives neither or cannot be read: check-content reports why)."""
    try:
        # Capped, and never a pipe or a device: naming the edition must not hang.
        manifest = tomllib.loads(read_capped(root / "guide.toml").decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    parts = []
    if isinstance(manifest.get("edition"), str):
        parts.append(f"edition {manifest['edition']}")
    if isinstance(manifest.get("evidence_searched"), dt.date):
        parts.append(f"evidence searched {manifest['evidence_searched'].isoformat()}")
    return ", ".join(parts)


def version_lines(app_version: str, guides: list[tuple[Path, str]]) -> list[str]:
    """What `decisionaid --version` prints: the app, then each guide (folder, language) given."""
    lines = [f"decisionaid {app_version}"]
    for root, locale in guides:
        if not root.is_dir():
            lines.append(f"guide: no content folder at {root}")
            continue
        found = fingerprint(root)
        about = [locale, edition(root)]
        if found.last_reviewed:
            about.append(f"pages last reviewed {found.last_reviewed}")
        about.append(f"{found.files} files")
        lines.append(f"guide: {', '.join(part for part in about if part)}")
        lines.append(f"content sha256: {found.sha256}")
    return lines
