"""Crashes: logged, and a reader sees a clean welcome screen (kiosk) or a calm message."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from decisionaid.core.policy import Mode
from decisionaid.ui.crash_guard import CRASH_EXIT_CODE, CrashGuard, install_crash_guard
from tests.helpers import FIXTURE_CONTENT, make_window
from tests.helpers.kiosk import make_kiosk

REPO = Path(__file__).resolve().parents[2]


def _boom() -> None:
    raise RuntimeError("a bug in a step")


def test_a_crash_in_kiosk_mode_returns_to_a_clean_welcome_screen(qtbot, caplog) -> None:
    window, kiosk = make_kiosk(qtbot)
    kiosk.start_reading()
    window.go_to(2)
    window.set_text_scale(175)
    guard = install_crash_guard(window, recover=kiosk.full_reset)
    try:
        with (
            caplog.at_level(logging.CRITICAL, "decisionaid.crash"),
            qtbot.waitSignal(guard.crashed, timeout=2000) as crashed,
        ):
            QTimer.singleShot(0, _boom)  # raised inside the Qt event loop, like a real bug
    finally:
        guard.uninstall()
    assert crashed.args == ["RuntimeError: a bug in a step"]
    assert kiosk.welcome.isVisible()
    assert window.session.is_empty()
    assert window.isVisible()
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert "a bug in a step" in caplog.text
    assert "Traceback" in caplog.text  # staff get the full detail in the log


def test_a_crash_in_another_thread_is_handled_in_the_gui_thread(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot)
    kiosk.start_reading()
    window.go_to(1)
    guard = install_crash_guard(window, recover=kiosk.full_reset)
    try:
        with qtbot.waitSignal(guard.crashed, timeout=2000):
            worker = threading.Thread(target=_boom)
            worker.start()
            worker.join()
    finally:
        guard.uninstall()
    assert kiosk.welcome.isVisible()


def test_a_crash_in_personal_mode_shows_a_calm_message(qtbot) -> None:
    window = make_window(qtbot, FIXTURE_CONTENT, Mode.PERSONAL)
    window.go_to(2)
    guard = install_crash_guard(window, recover=None)
    try:
        with qtbot.waitSignal(guard.crashed, timeout=2000):
            QTimer.singleShot(0, _boom)
    finally:
        guard.uninstall()
    message = window.findChild(QMessageBox, "crashMessage")
    assert message is not None and message.isVisible()
    shown = message.text() + message.informativeText()
    assert "Something went wrong" in shown
    assert "Traceback" not in shown and "RuntimeError" not in shown
    assert window.current_index == 2  # the reader's place is kept
    message.close()


def test_repeated_crashes_stop_recovering(qtbot) -> None:
    recoveries: list[int] = []
    exits: list[int] = []
    guard = CrashGuard(
        lambda: recoveries.append(1), show_message=False, clock=lambda: 0.0, exit_app=exits.append
    )
    for _ in range(5):
        try:
            _boom()
        except RuntimeError as exc:
            guard.excepthook(RuntimeError, exc, exc.__traceback__)
    assert len(recoveries) == 4  # the fifth within a minute exits for a clean restart
    assert exits == [CRASH_EXIT_CODE]
    guard.deleteLater()


def test_the_real_kiosk_survives_a_bug_and_a_crash_loop_exits_for_a_restart(
    tmp_path: Path,
) -> None:
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QTimer
        from decisionaid import app as app_module
        from decisionaid.app import Options

        def boom():
            raise RuntimeError("bug")

        shown = app_module.show_window

        def show_then_break(window, policy):
            shown(window, policy)
            for ms in range(50, 550, 100):
                QTimer.singleShot(ms, boom)

        app_module.show_window = show_then_break
        sys.exit(app_module.run(Options(kiosk=True)))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    assert result.stderr.count("unexpected error; recovering") == 5
    assert "errors within 60 s; exiting" in result.stderr
