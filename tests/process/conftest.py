"""Fixtures for tests that build and run the app as a release: the frozen bundle and the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.helpers.package import build_deb, cannot_build


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle build.spec makes (dist/decisionaid), built once per run: the bundle,
    package and kiosk tests all use the same one, as a release would."""
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("PyInstaller is not installed in this environment")
    work = tmp_path_factory.mktemp("bundle")
    home = work / "home"  # PyInstaller's own cache goes here, not to the real user's
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / "cache"))
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--workpath",
            str(work / "build"),
            "--distpath",
            str(work / "dist"),
            str(ROOT / "build.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    return work / "dist" / "decisionaid"


@pytest.fixture(scope="session")
def debian_package(frozen_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/decisionaid_<version>_<arch>.deb as `make deb` builds it, from the same bundle."""
    reason = cannot_build()
    if reason:
        pytest.skip(reason)
    return build_deb(frozen_bundle, tmp_path_factory.mktemp("deb"))
