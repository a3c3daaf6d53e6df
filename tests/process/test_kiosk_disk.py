"""Nothing on disk: a whole kiosk session leaves HOME, every XDG folder and the work folder as
they were. Runs in a fresh process so Qt, fontconfig and the graphics stack start from cold,
exactly as on a real kiosk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import XDG_VARS

DRIVER = Path(__file__).parents[1] / "helpers" / "kiosk_session_driver.py"
REPO = Path(__file__).resolve().parents[2]


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_a_whole_kiosk_session_writes_nothing_to_home_xdg_or_the_work_folder(
    private_home: Path, tmp_path: Path
) -> None:
    # A user font gives fontconfig a reason to write a cache, if anything would let it.
    fonts = Path(os.environ["XDG_DATA_HOME"]) / "fonts"
    fonts.mkdir()
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.is_file():
        shutil.copy(dejavu, fonts)
    work = tmp_path / "work"
    work.mkdir()
    temp = tmp_path / "temp"
    temp.mkdir()
    sink = tmp_path / "printer" / "paper.pdf"
    sink.parent.mkdir()
    watched = [private_home, *(Path(os.environ[v]) for v in XDG_VARS), work, temp]
    before = {str(root): _files(root) for root in watched}

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp))
    env["PYTHONPATH"] = str(REPO)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("DECISIONAID_SPEECH_ENGINE", None)  # the kiosk looks for a speech engine as it would
    for var in ("MESA_SHADER_CACHE_DISABLE", "QT_DISABLE_SHADER_DISK_CACHE"):
        env.pop(var, None)  # the app must set these itself
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(sink)],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ticked"], "the session ticked a question"
    assert report["printed"] is True, "the session printed its summary"
    assert report["reset"] is True, "the idle reset ran"
    assert report["clipboard"] == ""
    assert report["speech_probed"], "the kiosk finished looking for a speech engine"
    print(
        f"speech engine {report['speech_engine']!r}, own daemon {report['private_speech_daemon']}"
    )

    after = {str(root): _files(root) for root in watched}
    assert after == before
    for root in (private_home, *(Path(os.environ[v]) for v in XDG_VARS)):
        assert not any(
            p.is_file() and p.suffix in (".log", ".ini", ".conf") for p in root.rglob("*")
        )
