"""Guards for start-up work that `make bench` found expensive, so it does not creep back.

Each check runs a fresh interpreter: in the test process PySide6 has long since built everything.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from decisionaid.ui.controls import ACCESSIBLE_TEXT_ROLE

# Starts like `decisionaid --startup-probe` and reports, at the window's first paint, which of
# PySide6's lazily built types exist.
FIRST_PAINT = textwrap.dedent(
    """
    import sys
    import PySide6.QtCore as QtCore
    from decisionaid.ui import main_window

    paint = main_window.MainWindow.paintEvent

    def witness(self, event):
        if not self._painted:
            print("Qt namespace built:", "Qt" in vars(QtCore))
        paint(self, event)

    main_window.MainWindow.paintEvent = witness
    from decisionaid.cli import main

    sys.exit(main(sys.argv[1:] + ["--startup-probe"]))
    """
)


def _first_paint(tmp_path: Path, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var.lower())
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_first_paint_does_not_build_the_qt_namespace(tmp_path: Path) -> None:
    # Its 93 enums cost about 120 M instructions, a sixth of a bare PySide6 window's start-up.
    assert "Qt namespace built: False" in _first_paint(tmp_path)


def test_accessible_text_role_is_qts() -> None:
    assert Qt.ItemDataRole.AccessibleTextRole.value == ACCESSIBLE_TEXT_ROLE


def test_escape_is_html_escape() -> None:
    import html

    from decisionaid.core.escape import escape

    samples = ["", "plain", "<b>&amp;</b>", "\"quoted\" and 'single'", "a < b > c & d", "é ✓ \x00"]
    for text in samples:
        for quote in (True, False):
            assert escape(text, quote) == html.escape(text, quote)
