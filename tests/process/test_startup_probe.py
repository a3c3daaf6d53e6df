"""`--startup-probe` starts like a normal launch and exits once the first screen has painted.

No timing is asserted here (that belongs to `make bench`); the timeouts only stop a hung probe
from hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from decisionaid.app import Options, run
from tests.helpers import FIXTURE_CONTENT


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "decisionaid", *args, "--startup-probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("mode", [[], ["--kiosk"], ["--counsellor"]], ids=lambda m: m or "personal")
def test_probe_exits_cleanly_in_every_mode(mode: list[str]) -> None:
    result = _probe(*mode)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_probe_with_broken_content_still_paints_and_exits(tmp_path: Path) -> None:
    # A clinic timing start-up with damaged content files must still get an answer.
    result = _probe("--content", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


class FirstPaintWitness(QObject):
    """Notes what the main window looked like the first time it was painted."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, object] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from decisionaid.ui.main_window import MainWindow

        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow):
            self.seen = {
                "visible": watched.isVisible(),
                "fullscreen": watched.isFullScreen(),
                # What the window system was asked for, not only what the widget notes.
                "frameless on screen": bool(
                    watched.windowHandle().flags() & Qt.WindowType.FramelessWindowHint
                ),
                "step": watched.step_title.text(),
                "help": watched.help_button.text(),
            }
        return False


def _close_the_window(qapp) -> None:  # type: ignore[no-untyped-def]
    """What the probe's process would end by exiting: the window and, in a kiosk, its
    countdowns and its filter on every event, so no later test meets them."""
    from decisionaid.ui.kiosk.controller import KioskController
    from decisionaid.ui.main_window import MainWindow

    for window in qapp.topLevelWidgets():
        if isinstance(window, MainWindow):
            kiosk = window.findChild(KioskController)
            if kiosk is not None:
                kiosk.stand_down()
            window.close()
            window.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # delete them now


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "personal"])
def test_probe_shows_the_normal_window_for_its_mode_then_returns(qapp, kiosk: bool) -> None:
    witness = FirstPaintWitness()
    qapp.installEventFilter(witness)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(99))
    guard.start(60_000)
    try:
        code = run(Options(content=FIXTURE_CONTENT, kiosk=kiosk, startup_probe=True))
    finally:
        guard.stop()
        qapp.removeEventFilter(witness)
        _close_the_window(qapp)
    assert code == 0
    assert witness.seen["visible"] is True
    assert witness.seen["fullscreen"] is kiosk
    # What the window system was asked for is what counts on the first frame; the widget's
    # own note of its flags follows just after the paint (ui/window_placement.make_frameless), which the probe
    # does not wait for.
    assert witness.seen["frameless on screen"] is kiosk
    assert witness.seen["step"] == "Welcome"
    assert witness.seen["help"] == "Get help now"
