"""Turns core session notifications into a Qt signal widgets can connect to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from decisionaid.core.session import Session


class SessionSignals(QObject):
    changed = Signal(object)  # a Change: which part changed, or RESET

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.subscribe(self.changed.emit)
