"""Notices when nobody has touched the kiosk for a while.

One application-wide event filter, installed once: it sees input for every window, dialog and
popup, including ones created later. It restarts a single-shot timer on input and always lets the
event through. Touch events are counted too; many idle timers forget them, and a touchscreen
kiosk would then reset under a reader's finger.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_T = QEvent.Type
ACTIVITY_EVENTS = frozenset(
    {
        _T.MouseButtonPress,
        _T.MouseButtonRelease,
        _T.MouseButtonDblClick,
        _T.MouseMove,
        _T.KeyPress,
        _T.KeyRelease,
        _T.Wheel,
        _T.TouchBegin,
        _T.TouchUpdate,
        _T.TouchEnd,
        _T.TabletPress,
        _T.TabletMove,
        _T.TabletRelease,
        _T.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` after `timeout_ms` without input, unless paused for some reason."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self.idle)
        self._pauses: set[str] = set()
        self._installed = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(max(1, ms))

    def start(self) -> None:
        """Install the filter (once) and start counting."""
        app = QCoreApplication.instance()
        if not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True
        self.restart()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def pause(self, reason: str) -> None:
        """Stop counting while `reason` holds (help panel open, warning showing...)."""
        self._pauses.add(reason)
        self._timer.stop()

    def resume(self, reason: str) -> None:
        self._pauses.discard(reason)
        self.restart()

    def clear_pauses(self) -> None:
        self._pauses.clear()
        self.restart()

    @property
    def paused(self) -> bool:
        return bool(self._pauses)

    @property
    def counting(self) -> bool:
        return self._timer.isActive()

    def restart(self) -> None:
        if self._installed and not self._pauses:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and not self._pauses:
            self._timer.start()
        return False  # never swallow the reader's input
