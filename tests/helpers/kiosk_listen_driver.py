"""The whole kiosk session of kiosk_session_driver.py, with read-aloud used on the first step
(when a speech engine can run), for test_kiosk_strace.py.

Usage: python kiosk_listen_driver.py PRINT_SINK.pdf
Prints the session's JSON report with "listened" added.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # first of all, as `decisionaid --kiosk` does

import json  # noqa: E402
import logging  # noqa: E402
from pathlib import Path  # noqa: E402

import tests.helpers.kiosk_session_driver as session  # noqa: E402  (prepares the kiosk environment)
from decisionaid.ui.kiosk.controller import KioskController  # noqa: E402

listened: dict[str, object] = {"listened": False}
_start_reading = KioskController.start_reading


READER_HERE = "a reader is listening"


def start_reading_and_listen(kiosk: KioskController) -> None:
    """The reader starts, then presses Listen and hears the step begin."""
    _start_reading(kiosk)
    kiosk.watcher.pause(READER_HERE)  # someone is at the screen while this runs
    try:
        _listen(kiosk)
    finally:
        kiosk.watcher.resume(READER_HERE)


def _listen(kiosk: KioskController) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from decisionaid.ui.display_tools import DisplayTools

    tools = kiosk.window.findChild(DisplayTools)
    read_aloud = tools.read_aloud
    deadline = QDeadlineTimer(60_000)
    while not read_aloud._probed and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    listened["engine"] = read_aloud.engine_name
    if not read_aloud.available:
        return
    tools.listen_button.click()
    loop = QEventLoop()
    QTimer.singleShot(3_000, loop.quit)  # a few seconds of the step, spoken and played
    loop.exec()
    listened["listened"] = read_aloud.speaking


KioskController.start_reading = start_reading_and_listen  # type: ignore[method-assign]

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)  # to standard error, as a kiosk logs
    report = session.main(Path(sys.argv[1]))
    print(json.dumps({**report, **listened}))
