"""Spoken status messages for screen readers (Qt 6.8+), without moving the reader's focus."""

from __future__ import annotations

from PySide6.QtCore import QObject


def announce(source: QObject, message: str, *, assertive: bool = False) -> None:
    """Ask the screen reader to say `message`. Does nothing where Qt is too old to support it."""
    try:
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    except ImportError:  # PySide6 < 6.8: the visible text and accessible names still carry it
        return
    event = QAccessibleAnnouncementEvent(source, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
