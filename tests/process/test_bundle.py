"""The frozen one-folder bundle holds everything it needs to run, and starts from the caches
made when it was built: every language's parsed guide and rendered pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_content_engine import rewrite
from tests.helpers import XDG_VARS, add_to_top_of_page
from tests.helpers.processes import kiosk_log_to_first_step

ROOT = Path(__file__).resolve().parents[2]
LINK_VARIANTS = ("links", "no-links")  # core/page_cache.variant


def _app(bundle: Path) -> Path:
    return bundle / ("decisionaid.exe" if os.name == "nt" else "decisionaid")


@pytest.mark.slow
def test_frozen_bundle_renders_every_step(frozen_bundle: Path, tmp_path: Path) -> None:
    exe = _app(frozen_bundle)
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


def _bundle_files(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def _frozen_kiosk_to_first_step(exe: Path, home: Path, *args: str) -> str:
    """What a frozen kiosk logs until its first step is built behind the welcome."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    for var in XDG_VARS:
        env[var] = str(home / var.lower())
    return kiosk_log_to_first_step([str(exe), "--kiosk", *args], env)


def _frozen_kiosk(exe: Path, home: Path, *args: str) -> str:
    """What a frozen kiosk's start logs (to standard error, as a kiosk does) to its first paint."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    for var in XDG_VARS:
        env[var] = str(home / var.lower())
    run = subprocess.run(
        [str(exe), "--kiosk", *args, "--startup-probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    return run.stderr


@pytest.mark.slow
def test_the_bundle_ships_every_languages_parsed_guide_and_its_kiosk_parses_nothing(
    frozen_bundle: Path, tmp_path: Path
) -> None:
    resources = frozen_bundle / "_internal" / "resources"
    languages = sorted(p.name for p in (ROOT / "resources" / "content").iterdir() if p.is_dir())
    assert languages == ["en", "es"]
    assert sorted(p.name for p in (resources / "guide-cache").iterdir()) == languages
    pages = sorted(p.name for p in (resources / "page-cache").iterdir())
    assert pages == sorted(f"{lang}-{links}" for lang in languages for links in LINK_VARIANTS)

    before = _bundle_files(frozen_bundle)
    home = tmp_path / "home"
    for locale in languages:
        log = _frozen_kiosk(_app(frozen_bundle), home, "--locale", locale)
        assert f"parsed guide read from {resources / 'guide-cache'}" in log, log
        # Its first screen, the welcome, shows no page; the first step's comes just after.
        assert "first screen painted; pages from caches: 0, rendered now: 0" in log, log
        log = _frozen_kiosk_to_first_step(_app(frozen_bundle), home, "--locale", locale)
        assert "pages from caches: 1, rendered now: 0; Markdown not loaded" in log, log
    # A kiosk writes nothing: not to the bundle's caches, not to a home.
    assert _bundle_files(frozen_bundle) == before
    assert not home.exists() or not [p for p in home.rglob("*") if p.is_file()]


@pytest.mark.slow
def test_a_content_file_changed_after_the_build_is_parsed_and_rendered_as_now(
    frozen_bundle: Path, tmp_path: Path
) -> None:
    exe = _app(frozen_bundle)
    content = tmp_path / "content" / "en"
    shutil.copytree(frozen_bundle / "_internal" / "resources" / "content" / "en", content)
    before = _bundle_files(frozen_bundle)
    # The same files elsewhere are still the guide the cache was made from...
    log = _frozen_kiosk(exe, tmp_path / "home", "--content", str(content))
    assert "parsed guide read from" in log and "Markdown not loaded" in log, log
    # ...and once the first page changes, the guide is parsed and that page rendered now.
    add_to_top_of_page(content / "pages" / "welcome.md", "This sentence was added after the build.")
    log = _frozen_kiosk_to_first_step(exe, tmp_path / "home", "--content", str(content))
    assert "guide parsed from its files" in log, log
    assert "pages from caches: 0, rendered now: 1; Markdown loaded" in log, log

    # A crisis line corrected, which no page shows: the parsed guide that still has the old
    # number is not served.
    corrected = tmp_path / "corrected" / "en"
    shutil.copytree(frozen_bundle / "_internal" / "resources" / "content" / "en", corrected)
    rewrite(corrected / "crisis.toml", "Call or text 988", "Call or text 555 0100")
    log = _frozen_kiosk(exe, tmp_path / "home", "--content", str(corrected))
    assert "guide parsed from its files" in log, log
    assert _bundle_files(frozen_bundle) == before
