"""Turns core session notifications into a Qt signal widgets can connect to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from decisionaid.core.session import Session


class SessionSignals(QObject):
    changed = Signal(object)  # a Change: which part changed, or RESET

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._emit = self.changed.emit
        session.subscribe(self._emit)

    def detach(self) -> None:
        """Stop listening: the window this belongs to is going (a language switch builds
        another on the same session)."""
        self.session.unsubscribe(self._emit)
