"""Accessible interfaces the app supplies itself, where Qt's own would read wrong or crash.

Qt asks every maker registered here before its own; a maker returns None for objects it does
not handle. The factory is installed once, the first time a maker is registered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractScrollArea, QAccessibleWidget

AccessibleMaker = Callable[[str, QObject], QAccessibleInterface | None]

_makers: list[AccessibleMaker] = []

# The class names for which Qt would build its own scroll-area interface.
_SCROLL_AREA_CLASSES = frozenset({"QScrollArea", "QAbstractScrollArea"})


def provide_accessible(maker: AccessibleMaker) -> None:
    """Let `maker` supply the accessible interface of the objects it recognises."""
    if maker in _makers:
        return
    if not _makers:
        QAccessible.installFactory(_factory)
    _makers.append(maker)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    for maker in _makers:
        iface = maker(key, obj)
        if iface is not None:
            return iface
    return None


def scroll_area_accessible(key: str, obj: QObject) -> QAccessibleInterface | None:
    """A scroll area whose children a screen reader can count and fetch safely.

    Qt's own interface lists only the scroll bars showing at the moment of each call and does
    not check the index it is asked for. A screen reader counts the children, then fetches them
    one by one; when a scroll bar hides in between (a step that has just opened settling its
    layout), Qt reads past the end of its list and the app crashes. The plain widget interface
    lists every part of the area, showing or not, and checks the index.
    """
    if key in _SCROLL_AREA_CLASSES and isinstance(obj, QAbstractScrollArea):
        return QAccessibleWidget(obj, QAccessible.Role.Client)
    return None


def install_accessibility() -> None:
    """Everything the app changes in Qt's accessibility, before any window is built."""
    provide_accessible(scroll_area_accessible)
