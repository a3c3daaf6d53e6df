"""The end of read aloud's speech thread: when the app quits, when its owner goes, or at exit,
whichever is first, so the thread never outlives its QThread object."""

from __future__ import annotations

import atexit
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QThread

    from decisionaid.ui.speech_daemon import PrivateSpeechDaemon

# Read aloud's own log, as the engine's is (speech_engine.py).
log = logging.getLogger("decisionaid.ui.read_aloud")

THREAD_EXIT_MS = 2_000


def stop_with_app(thread: QThread, daemon: PrivateSpeechDaemon | None, owner: QObject) -> None:
    """End the speech thread (and the private daemon) when the app quits or the read-aloud
    object goes, whichever is first. The closure holds the thread, never the QObject, which
    may be gone by then; a thread stuck in the engine is freed by stopping the daemon, and
    as a last resort ended, so it never outlives its QThread object (which would abort). The
    connection to aboutToQuit keeps the thread object until then."""
    from PySide6.QtCore import QCoreApplication

    ended = False

    def end() -> None:
        nonlocal ended
        if ended:  # on aboutToQuit and again as the objects go
            return
        ended = True
        _running.pop(id(thread), None)
        with contextlib.suppress(RuntimeError):  # the QThread already gone at teardown
            _end_thread(thread, daemon)
        if daemon is not None:
            daemon.stop()

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(end)
    owner.destroyed.connect(end)
    _running[id(thread)] = end


# Speech threads still running, by id, with what ends each: at exit (when the app's event loop
# never quit, as in tests) they are ended before their QThread objects are deleted.
_running: dict[int, Callable[[], None]] = {}


def _end_thread(thread: QThread, daemon: PrivateSpeechDaemon | None) -> None:
    if not thread.isRunning():
        return
    thread.quit()
    if not thread.wait(THREAD_EXIT_MS) and daemon is not None:
        daemon.stop(stuck=True)  # frees a thread waiting on it
    if not thread.wait(THREAD_EXIT_MS):
        log.warning("read-aloud: the speech thread is stuck; ending it")
        thread.terminate()
        thread.wait(THREAD_EXIT_MS)


def _end_all() -> None:
    for end in list(_running.values()):
        end()


atexit.register(_end_all)
