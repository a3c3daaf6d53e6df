"""Keeps Tab among the controls a reader can see while a panel lies over the rest.

The help panel covers part of the step and the Back/Next buttons. While it is open, Tab and
Shift+Tab move only among the controls inside the scope's roots (the header and the panel):
nothing hidden behind the panel can take the keyboard focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QApplication, QWidget

# Far more than the window has; only stops a broken focus chain from looping forever.
_CHAIN_LIMIT = 2000


def takes_tab_focus(widget: QWidget) -> bool:
    from PySide6.QtCore import Qt  # here, not at the top (see the start-up list)

    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


class FocusScope:
    """Tab order limited to `roots` whenever `active()` says so."""

    def __init__(self, roots: Sequence[QWidget], active: Callable[[], bool]) -> None:
        self.roots = list(roots)
        self.active = active

    def contains(self, widget: QWidget) -> bool:
        return any(root is widget or root.isAncestorOf(widget) for root in self.roots)

    def move(self, forward: bool) -> bool | None:
        """Move the focus one step; None when the scope is not active (Qt moves it as usual)."""
        if not self.active():
            return None
        start = QApplication.focusWidget() or self.roots[0]
        widget = start
        for _ in range(_CHAIN_LIMIT):
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
            if widget is start:
                break
            if self.contains(widget) and takes_tab_focus(widget):
                from PySide6.QtCore import Qt

                reason = (
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                widget.setFocus(reason)
                return True
        return False
