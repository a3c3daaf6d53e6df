"""The app and a screen-reader script side by side on one accessibility bus (the fixture in
tests/process/test_screen_reader_walk.py makes the bus)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from tests.helpers import ROOT

SYSTEM_PYTHON = "/usr/bin/python3"


def run_beside_app(
    env: dict[str, str], app_args: list[str], reader: list[str], timeout: int = 240
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Start `decisionaid app_args`, run the reader script (under the system Python, which has
    pyatspi) until it ends, stop the app; returns the reader's run and what the app wrote to
    standard error."""
    app = subprocess.Popen(
        [sys.executable, "-m", "decisionaid", *app_args],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        run = subprocess.run(
            [SYSTEM_PYTHON, *reader], env=env, capture_output=True, text=True, timeout=timeout
        )
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
            app.wait(timeout=10)
        errors = app.stderr.read().decode(errors="replace") if app.stderr else ""
        if app.stderr is not None:
            app.stderr.close()
    return run, errors
