"""Buttons and labels built the same way everywhere: named for screen readers, keyboard-ready."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)


def button_text(text: str) -> str:
    """Words from a file, for a button: an '&' is shown, not taken as a keyboard shortcut."""
    return text.replace("&", "&&")


def plain_tooltip(text: str) -> str:
    """Words from a file, for a tool tip: Qt would guess tags in a bare string were markup."""
    return f"<p>{html.escape(text)}</p>"


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
    text: str = "",
    name: str = "",
    *,
    wrap: bool = True,
    rich: bool = False,
    parent: QWidget | None = None,
) -> QLabel:
    """A label that shows its text as written. Only HTML the app built itself, with every
    piece from a file escaped, may pass `rich=True`: content, clinic settings and a reader's
    own words can hold tags such as <img> or <a>, which must appear as typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setText(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def label_words(label: QLabel) -> str:
    """The words a label shows, for reading aloud: markup of our own rich labels dropped, and
    plain labels taken as they are, so a typed '<b>' is read as typed."""
    if label.textFormat() == Qt.TextFormat.RichText:
        return QTextDocumentFragment.fromHtml(label.text()).toPlainText()
    return label.text()


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in `layout`.

    Each widget is hidden at once: it lives on until the event loop deletes it, and in that
    time it must neither be drawn over its replacement nor be read out as if still there.
    """
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def wipe_text(edit: QLineEdit | QTextEdit | QPlainTextEdit) -> None:
    """Empty a text box and forget its undo and redo history.

    `clear()` is itself an undoable edit, so after it the next reader's Ctrl+Z would bring
    back what the last reader typed. For a line edit `setText` drops the history; a text edit
    forgets it when undo is switched off and on again.
    """
    if isinstance(edit, QLineEdit):
        edit.setText("")
        edit.setModified(False)
        return
    edit.setUndoRedoEnabled(False)
    edit.clear()
    edit.setUndoRedoEnabled(True)
    edit.document().setModified(False)
