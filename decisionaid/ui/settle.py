"""Letting layouts settle before something measures or photographs the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

SETTLE_ROUNDS = 3


def settle_layouts(rounds: int = SETTLE_ROUNDS) -> None:
    """Run pending layout requests, as Qt would before the next paint.

    One pass is not enough: a label that wraps onto another line asks its layout again once
    it has its new width, and that layout asks its parent's. A few rounds let such chains
    (the 200% title wrapping, the header's controls flowing onto a second row) finish."""
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def _shape(window: QWidget) -> list[tuple[int, int, int, int, bool]]:
    shape = []
    for w in window.findChildren(QWidget):
        g = w.geometry()
        shape.append((g.x(), g.y(), g.width(), g.height(), w.isVisible()))
    return shape


def settle_window(window: QWidget, max_rounds: int = 20) -> None:
    """Settle until nothing in the window moves or resizes any more (or max_rounds pass),
    so a photograph shows what a reader sees once the window has finished laying out."""
    before = _shape(window)
    for _ in range(max_rounds):
        settle_layouts(1)
        after = _shape(window)
        if after == before:
            return
        before = after
