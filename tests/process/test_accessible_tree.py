"""A screen reader reading the window while a step opens never crashes the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

READER = Path(__file__).parents[1] / "helpers" / "accessible_reader.py"


@pytest.mark.parametrize(
    "mode_args", [[], ["--kiosk"], ["--counsellor"]], ids=lambda a: a or "personal"
)
def test_children_counted_as_a_step_opens_can_all_be_fetched(mode_args: list[str]) -> None:
    # In its own process: the failure this guards against is a crash, not an exception.
    result = subprocess.run(
        [sys.executable, str(READER), *mode_args],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", DECISIONAID_SPEECH_ENGINE="none"),
        cwd=READER.parent.parent,
        timeout=180,
    )
    assert result.returncode == 0, (
        f"the app died reading its accessible tree (exit {result.returncode}):\n"
        f"{result.stderr[-2000:]}"
    )
    assert "fetched" in result.stdout
