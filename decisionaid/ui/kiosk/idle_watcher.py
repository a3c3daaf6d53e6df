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
    """Emits `idle` after `timeout_ms` without input.

    Two ways to hold it off, by reason. A pause stops the count until resumed (the idle
    warning itself is showing). A hold means the reader is busy (help open, read-aloud
    speaking): input still counts, and the quiet time allowed grows to `hold_timeout_ms`,
    never to for ever, so help left open on an empty kiosk still ends in a warning and a reset.
    """

    idle = Signal()

    def __init__(
        self, timeout_ms: int, parent: QObject | None = None, *, hold_timeout_ms: int = 0
    ) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._timeout_ms = max(1, timeout_ms)
        self._hold_timeout_ms = hold_timeout_ms
        self._pauses: set[str] = set()
        self._holds: set[str] = set()
        self._installed = False
        self._timer.setInterval(self.current_timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, ms: int) -> None:
        self._timeout_ms = max(1, ms)
        self._timer.setInterval(self.current_timeout_ms)

    @property
    def current_timeout_ms(self) -> int:
        """The quiet time allowed now: longer while the reader is busy, never shorter."""
        if self._holds:
            return max(self._timeout_ms, self._hold_timeout_ms)
        return self._timeout_ms

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
        """Stop counting while `reason` holds (the idle warning is showing)."""
        self._pauses.add(reason)
        self._timer.stop()

    def resume(self, reason: str) -> None:
        self._pauses.discard(reason)
        self.restart()

    def hold(self, reason: str) -> None:
        """The reader is busy with `reason` (help open, listening): allow the longer quiet time."""
        self._holds.add(reason)
        self.restart()

    def release(self, reason: str) -> None:
        self._holds.discard(reason)
        self.restart()

    def clear_pauses(self) -> None:
        self._pauses.clear()
        self._holds.clear()
        self.restart()

    @property
    def paused(self) -> bool:
        return bool(self._pauses)

    @property
    def held(self) -> bool:
        return bool(self._holds)

    @property
    def counting(self) -> bool:
        return self._timer.isActive()

    def restart(self) -> None:
        if self._installed and not self._pauses:
            self._timer.start(self.current_timeout_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and not self._pauses:
            self._timer.start()  # the interval restart() last set
        return False  # never swallow the reader's input
