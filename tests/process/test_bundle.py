"""The frozen one-folder bundle holds everything it needs to run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_bundle_renders_every_step(frozen_bundle: Path, tmp_path: Path) -> None:
    exe = frozen_bundle / ("decisionaid.exe" if os.name == "nt" else "decisionaid")
    assert exe.exists()
    assert not list(frozen_bundle.rglob("*WebEngine*")), "QtWebEngine must not be bundled"
    shots = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [str(exe), "screenshots", str(shots)], capture_output=True, text=True, env=env, timeout=300
    )
    assert run.returncode == 0, run.stderr[-4000:]
    pngs = sorted(p.name for p in shots.glob("*.png"))
    assert any(name.endswith("-welcome.png") for name in pngs)

    # The frozen app draws every step the source app draws: the same files, so the same count.
    source_shots = tmp_path / "source-shots"
    source = subprocess.run(
        [sys.executable, "-m", "decisionaid", "screenshots", str(source_shots)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert source.returncode == 0, source.stderr[-4000:]
    source_pngs = sorted(p.name for p in source_shots.glob("*.png"))
    assert source_pngs, "the source app wrote no screenshots"
    assert len(pngs) == len(source_pngs), (
        f"frozen app wrote {len(pngs)} screenshots, source app {len(source_pngs)}: "
        f"missing {sorted(set(source_pngs) - set(pngs))}, extra {sorted(set(pngs) - set(source_pngs))}"
    )
    assert pngs == source_pngs

    # Icons are SVG, drawn by Qt's SVG image plug-in: the bundle keeps it, and the frozen
    # app's footer (Back and Next with their arrows) is drawn exactly as the source app's.
    assert list(frozen_bundle.rglob("*qsvg*")), "the SVG image plug-in is not bundled"
    from PySide6.QtGui import QImage

    frozen_welcome = QImage(str(shots / pngs[0]))
    source_welcome = QImage(str(source_shots / pngs[0]))
    footer = frozen_welcome.height() - 80
    assert frozen_welcome.copy(0, footer, frozen_welcome.width(), 80) == source_welcome.copy(
        0, footer, source_welcome.width(), 80
    ), "the frozen app draws its footer (and icons) differently"

    # The bundle leaves the CMU dictionary out (build.spec), so its check-content estimates
    # syllables; the shipped content must still pass that check with no errors.
    check = subprocess.run(
        [str(exe), "check-content"], capture_output=True, text=True, env=env, timeout=120
    )
    report = f"stdout:\n{check.stdout[-4000:]}\nstderr:\n{check.stderr[-4000:]}"
    assert check.returncode == 0, report
    assert "steps" in check.stderr, report
    assert re.search(r"(?<!\d)0 errors", check.stderr), report
