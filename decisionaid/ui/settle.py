"""Letting layouts settle before something measures or photographs the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

SETTLE_ROUNDS = 3


def settle_layouts(rounds: int = SETTLE_ROUNDS) -> None:
    """Run pending layout requests, as Qt would before the next paint.

    One pass is not enough: a label that wraps onto another line asks its layout again once
    it has its new width, and that layout asks its parent's. A few rounds let such chains
    (the 200% title wrapping, the header's controls flowing onto a second row) finish."""
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
