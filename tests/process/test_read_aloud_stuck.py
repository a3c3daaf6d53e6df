"""A speech engine that stops answering, or is slow to start, never freezes the screen.

With no working sound output, speech-dispatcher deadlocks when a sentence it has just started
is stopped: tapping Listen and then Stop quickly used to freeze the kiosk for good, because the
screen's own thread waited for speech-dispatcher's answer. A real kiosk (its own speech daemon,
no sound server) is tapped Listen/Stop forty times while a timer on the screen's thread beats
every 20 ms; the longest gap between beats must stay short, the app must finish, and nothing
it started may be left running. The beat is also watched from the first paint to the first
tap: making the engine (speech-dispatcher starting its voices) once froze the screen for 4-5 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FIXTURE_CONTENT, ROOT
from tests.helpers.processes import marked_processes, new_marker, stop_processes
from tests.helpers.speech import skip_without_speech_stack

# A frozen screen shows as a gap of the engine's answer timeout (10 s) or for ever; a working
# one, even on a loaded machine, as a fraction of a second.
MAX_GAP_S = 3.0
TAPPING = """
import json, sys, time
import decisionaid.app as app
from decisionaid.app import Options
from PySide6.QtCore import QTimer

shown = app.show_window
result = {"taps": 0, "worst_gap": 0.0, "start_gap": 0.0}

def tap_listen_and_stop(window, policy):
    shown(window, policy)
    from decisionaid.ui.display_tools import DisplayTools

    tools = window.findChild(DisplayTools)
    last = [time.monotonic()]
    started = time.monotonic()

    def beat():
        now = time.monotonic()
        # Before the first tap: the engine being found and started after the first paint.
        key = "worst_gap" if result["taps"] else "start_gap"
        result[key] = max(result[key], now - last[0])
        last[0] = now

    heart = QTimer(window)
    heart.timeout.connect(beat)

    def start_beating():
        last[0] = time.monotonic()
        heart.start(20)

    def finish():
        result["listen_shown"] = tools.listen_button.isVisible()
        result["available"] = tools.read_aloud.available
        print(json.dumps(result), flush=True)
        app.ensure_qapplication().exit(0)

    def step():
        if not tools.read_aloud._probed and time.monotonic() - started < 60:
            QTimer.singleShot(50, step)
            return
        if result["taps"] < 40 and tools.listen_button.isVisible():
            tools.listen_button.click()  # Listen, then Stop, then Listen...
            result["taps"] += 1
            QTimer.singleShot(15 + 40 * (result["taps"] % 3), step)
            return
        # Time for a stuck engine to be noticed and the screen to carry on.
        QTimer.singleShot(12_000, finish)  # the engine's answer timeout (10 s), and more

    window.firstPaint.connect(start_beating)
    window.firstPaint.connect(lambda: QTimer.singleShot(0, step))

app.show_window = tap_listen_and_stop
sys.exit(app.run(Options(content=sys.argv[1], kiosk=True)))
"""


def test_tapping_listen_and_stop_quickly_never_freezes_the_screen(
    private_home: Path, tmp_path: Path
) -> None:
    skip_without_speech_stack()
    variable, marker = new_marker()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("DECISIONAID_SPEECH_ENGINE", None)
    for name in ("PULSE_SERVER", "PULSE_SINK"):
        env.pop(name, None)  # no sound server: the runtime folder has none
    env[variable] = marker
    try:
        result = subprocess.run(
            [sys.executable, "-c", TAPPING, str(FIXTURE_CONTENT)],
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the kiosk froze: it never finished tapping Listen and Stop")
    finally:
        left = marked_processes(marker)
        stop_processes(list(left))
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    print(report)
    assert report["taps"] >= 2, "Listen was never there to tap"
    assert report["start_gap"] < MAX_GAP_S, f"the screen froze while the engine started: {report}"
    assert report["worst_gap"] < MAX_GAP_S, report
    if not report["available"]:
        assert not report["listen_shown"], "a stuck engine's Listen control still shows"
        assert "speech engine stopped answering" in result.stderr
    assert left == {}, f"still running after the kiosk exited: {left}"
