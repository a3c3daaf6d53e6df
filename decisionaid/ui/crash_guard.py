"""What happens when the app hits a bug: log it, and never show a traceback to a reader.

In kiosk mode the screen goes back to a clean welcome screen, so a crash can neither strand a
patient on a broken page nor leave the last reader's answers showing. In other modes a calm
message says the guide is still usable. A loop of crashes ends the process with an error code, so
the service manager (systemd `Restart=always`, Windows Shell Launcher) starts it fresh.

Exceptions from other threads are passed to the GUI thread through a queued signal, since widgets
may only be touched there.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from decisionaid.core.i18n import _

log = logging.getLogger("decisionaid.crash")

CRASH_LOOP_COUNT = 5  # this many crashes...
CRASH_LOOP_SECONDS = 60  # ...within this time means the app cannot recover by itself
CRASH_EXIT_CODE = 70  # EX_SOFTWARE

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashGuard(QObject):
    crashed = Signal(str)  # a one-line summary, for logs and tests; never shown to readers

    _relay = Signal(object)

    def __init__(
        self,
        recover: Callable[[], None],
        parent_widget: QWidget | None = None,
        *,
        show_message: bool = True,
        clock: Callable[[], float] = time.monotonic,
        exit_app: Callable[[int], None] = QApplication.exit,
    ) -> None:
        super().__init__(parent_widget)
        self._recover = recover
        self._parent_widget = parent_widget
        self._show_message = show_message
        self._clock = clock
        self._exit = exit_app
        self._recent: list[float] = []
        self._handling = False
        self._previous_hooks: tuple[object, object] | None = None
        # Emitted only from other threads, so Qt's automatic connection queues it to this
        # object's (the GUI) thread, without naming Qt.ConnectionType (see the start-up list).
        self._relay.connect(self._handle)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        self.destroyed.connect(_restore_hooks(self._previous_hooks, self.excepthook))

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            _restore_hooks(self._previous_hooks, self.excepthook)()
            self._previous_hooks = None

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._exit(130)
            return
        if threading.current_thread() is threading.main_thread():
            self._handle((kind, value, tb))
        else:
            self._relay.emit((kind, value, tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._relay.emit((args.exc_type, args.exc_value, args.exc_traceback))

    def _handle(self, info: ExcInfo) -> None:
        kind, value, tb = info
        log.critical(
            "unexpected error; recovering\n%s", "".join(traceback.format_exception(kind, value, tb))
        )
        summary = f"{kind.__name__}: {value}"
        if self._handling:
            return  # a failure while recovering: the crash-loop count below decides
        now = self._clock()
        self._recent = [t for t in self._recent if now - t < CRASH_LOOP_SECONDS] + [now]
        if len(self._recent) >= CRASH_LOOP_COUNT:
            log.critical("%d errors within %d s; exiting", len(self._recent), CRASH_LOOP_SECONDS)
            self._exit(CRASH_EXIT_CODE)
            return
        self._handling = True
        try:
            self._recover()
            if self._show_message:
                self._calm_message()
        except Exception:
            log.exception("recovery failed; exiting so the service manager restarts the app")
            self._exit(CRASH_EXIT_CODE)
        finally:
            self._handling = False
        self.crashed.emit(summary)

    def _calm_message(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._parent_widget)
        box.setObjectName("crashMessage")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Something went wrong"))
        box.setText(_("Something went wrong in this part of the guide."))
        box.setInformativeText(
            _(
                "Your place has been kept where possible, and the rest of the guide still "
                "works. If it keeps happening, close the guide and open it again."
            )
        )
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _restore_hooks(hooks: tuple[object, object], mine: object) -> Callable[[], None]:
    def restore() -> None:
        # Only while this guard's hooks are the ones in place: a window built after a language
        # switch has its own guard by the time the old window's is deleted.
        if sys.excepthook == mine:
            sys.excepthook, threading.excepthook = hooks  # type: ignore[assignment]

    return restore


def install_crash_guard(window: QWidget, *, recover: Callable[[], None] | None) -> CrashGuard:
    """With `recover` (a kiosk's full reset), recover silently, to a clean welcome screen;
    without it show a calm message."""
    if recover is not None:
        guard = CrashGuard(recover, window, show_message=False)
    else:
        guard = CrashGuard(lambda: None, window, show_message=True)
    guard.install()
    return guard
