"""The program in Spanish, as staff start it: from source after `make` and from the frozen
bundle, each finds its compiled Spanish catalogue (no notice that the interface fell back to
English), and the bundle ships Qt's own Spanish for its dialogs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_decisionaid


def test_from_source_the_spanish_interface_is_found() -> None:
    mo = ROOT / "resources" / "locale" / "es" / "LC_MESSAGES" / "decisionaid.mo"
    if not mo.is_file():
        pytest.skip("the catalogues are not compiled here (make test compiles them)")
    run = run_decisionaid(["--locale", "es", "--counsellor", "--startup-probe"])
    assert run.returncode == 0, run.stderr[-3000:]
    assert "translation" not in run.stderr, run.stderr


@pytest.mark.slow
def test_the_bundle_ships_and_uses_the_spanish_catalogue(
    frozen_bundle: Path, tmp_path: Path
) -> None:
    catalogues = list(frozen_bundle.rglob("resources/locale/es/LC_MESSAGES/decisionaid.mo"))
    assert catalogues, "the bundle has no compiled Spanish catalogue"
    assert not list(frozen_bundle.rglob("resources/locale/**/*.po")), "translators' files stay out"
    assert list(frozen_bundle.rglob("qtbase_es.qm")), "Qt's own Spanish is bundled"
    exe = frozen_bundle / ("decisionaid.exe" if os.name == "nt" else "decisionaid")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    run = subprocess.run(
        [str(exe), "--locale", "es", "--counsellor", "--startup-probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "translation" not in run.stderr, run.stderr
