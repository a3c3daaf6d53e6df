"""The hidden staff gesture: a long press on the header title (or the clinic's logo).

Five seconds, long enough that no reader does it by accident. It watches from the first frame;
the PIN pad it opens (staff_exit.py) is made the first time it is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

HOLD_MS = 5000

_T = QEvent.Type
_PRESS = (_T.MouseButtonPress, _T.TouchBegin)
_RELEASE = (_T.MouseButtonRelease, _T.TouchEnd, _T.TouchCancel, _T.Leave, _T.Hide)


class LongPress(QObject):
    """Emits `triggered` when a watched widget is held down for `hold_ms` without letting go."""

    triggered = Signal()

    def __init__(self, hold_ms: int = HOLD_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.triggered)

    @property
    def hold_ms(self) -> int:
        return self._timer.interval()

    def set_hold_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESS:
            self._timer.start()
        elif kind in _RELEASE:
            self._timer.stop()
        return False
