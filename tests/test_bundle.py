"""The frozen one-folder bundle holds everything it needs to run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_frozen_bundle_renders_every_step(tmp_path: Path) -> None:
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("PyInstaller is not installed in this environment")
    work, dist = tmp_path / "build", tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--workpath",
            str(work),
            "--distpath",
            str(dist),
            str(ROOT / "build.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    exe = dist / "decisionaid" / ("decisionaid.exe" if os.name == "nt" else "decisionaid")
    assert exe.exists()
    assert not list((dist / "decisionaid").rglob("*WebEngine*")), "QtWebEngine must not be bundled"
    shots = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [str(exe), "screenshots", str(shots)], capture_output=True, text=True, env=env, timeout=300
    )
    assert run.returncode == 0, run.stderr[-4000:]
    pngs = sorted(shots.glob("*.png"))
    assert any(p.name.endswith("-welcome.png") for p in pngs)
    check = subprocess.run(
        [str(exe), "check-content"], capture_output=True, text=True, env=env, timeout=120
    )
    assert "steps" in check.stderr
