"""Buttons and labels built the same way everywhere: named for screen readers, keyboard-ready."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def make_button(
    text: str,
    name: str = "",
    *,
    primary: bool = False,
    tip: str = "",
    parent: QWidget | None = None,
) -> QPushButton:
    b = QPushButton(text, parent)
    if name:
        b.setObjectName(name)
    b.setAccessibleName(text if not tip else f"{text}: {tip}")
    if tip:
        b.setToolTip(tip)
    if primary:
        b.setProperty("role", "primary")
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    b.setAutoDefault(True)  # Enter and Return press a focused button, as Space does
    return b


def make_label(
    text: str = "", name: str = "", *, wrap: bool = True, parent: QWidget | None = None
) -> QLabel:
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label
