"""Test set-up: offscreen Qt, and a private HOME so no test touches the real user's files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Offscreen always; a run may give the offscreen platform options (two screens, say).
if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "1")

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content" / "en"
XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in XDG_VARS:
        path = home / var.lower()
        path.mkdir()
        monkeypatch.setenv(var, str(path))
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return home


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the small test guide, to damage as a test needs."""
    target = tmp_path / "content" / "en"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target
