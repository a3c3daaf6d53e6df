"""A screen reader's walk through the whole guide, over the real Linux accessibility bus.

The app runs on a virtual screen (Xvfb) with its own D-Bus session and AT-SPI registry; a
separate process (tests/helpers/atspi_walker.py, under the system Python that has pyatspi) finds it,
reads every step and presses "Next", ticks a question on the questions step and hears it again
in the summary. `make test` installs the Debian packages this needs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.x_session import SYSTEM_PYTHON, desktop, tail

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).parents[1] / "helpers" / "atspi_walker.py"


@pytest.fixture
def accessibility_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    with desktop(tmp_path) as env:
        yield env


def test_screen_reader_can_walk_the_whole_guide(
    accessibility_bus: dict[str, str], tmp_path: Path
) -> None:
    # The app's own log, so a failure can say what Qt said before it gave up.
    env = dict(accessibility_bus, XDG_STATE_HOME=str(tmp_path / "state"))
    from decisionaid.app import Options, build_parts

    guide = build_parts(Options()).guide
    questions = guide.index_of("questions") + 1
    summary = guide.index_of("summary") + 1
    assert 0 < questions < summary
    app = subprocess.Popen(
        [sys.executable, "-m", "decisionaid"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        walk = subprocess.run(
            [
                *(SYSTEM_PYTHON, str(WALKER), "--timeout", "30"),
                *("--tick-step", str(questions), "--summary-step", str(summary)),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait(timeout=5)
        app_errors = ""
        if app.stderr is not None:
            app_errors = app.stderr.read().decode(errors="replace")
            app.stderr.close()
    log = tmp_path / "state" / "decisionaid" / "log" / "decisionaid.log"
    app_log = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
    assert walk.returncode == 0, (
        f"{walk.stdout}{walk.stderr}\napp exit {app.returncode}: {app_errors[-3000:]}\n"
        f"app log: {app_log}\nXvfb said: {tail(tmp_path / 'xvfb.log')}"
    )
    report = json.loads(walk.stdout.strip().splitlines()[-1])
    steps = report["steps"]
    # Sources, the word list and About are look-up pages, outside "Step N of M".
    expected = []
    for i, step in enumerate(guide.steps):
        number = guide.step_number(i)
        expected.append(
            f"Look-up page: {step.title}" if number is None else f"Step {number[0]} of {number[1]}"
        )
    assert [s["counter"] for s in steps] == expected
    assert all(s["help"] for s in steps), [s["counter"] for s in steps if not s["help"]]
    quiet = [s["counter"] for s in steps if s["text_chars"] < 40]
    assert not quiet, f"steps a screen reader hears (almost) nothing on: {quiet}"
    assert not steps[-1]["next_enabled"]
    # A screen-reader user ticks a question on the questions step, through the check box's
    # own action, and hears it again in the summary.
    ticked = report["ticked"]
    assert ticked.get("checked"), ticked
    assert ticked["question"].strip()
    hears = [s["counter"] for s in steps if s["reads_ticked_question"]]
    assert expected[summary - 1] in hears, (ticked, hears)
