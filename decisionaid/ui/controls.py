"""Buttons and labels built the same way everywhere: named for screen readers, keyboard-ready.

Nothing here touches PySide6's `Qt` namespace, which the first screen may not (the start-up
list, tests/process/test_startup_imports.py).
Enum-typed properties are set by their key names through Qt's property system instead
(`set_enum`), the way a Designer file sets them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from decisionaid.core.escape import escape

# Qt.ItemDataRole.AccessibleTextRole, as the plain number item data roles are (tested).
ACCESSIBLE_TEXT_ROLE = 11


def set_enum(obj: QObject, prop: str, keys: str) -> None:
    """Set an enum or flags property by key names: `set_enum(label, "textFormat", "PlainText")`
    is `label.setTextFormat(Qt.TextFormat.PlainText)`; flags join keys with "|"."""
    if not obj.setProperty(prop, keys):
        raise ValueError(f"{type(obj).__name__}.{prop} cannot be set to {keys!r}")


def button_text(text: str) -> str:
    """Words from a file, for a button: an '&' is shown, not taken as a keyboard shortcut."""
    return text.replace("&", "&&")


def plain_tooltip(text: str) -> str:
    """Words from a file, for a tool tip: Qt would guess tags in a bare string were markup."""
    return f"<p>{escape(text)}</p>"


def make_button(
    text: str,
    name: str = "",
    *,
    primary: bool = False,
    tip: str = "",
    parent: QWidget | None = None,
) -> QPushButton:
    # Not QPushButton(text, parent): matching that call against the (icon, text, parent)
    # constructor makes PySide6 build QIcon's enums (about 16 M instructions at start-up).
    b = QPushButton(parent)
    b.setText(text)
    if name:
        b.setObjectName(name)
    b.setAccessibleName(text if not tip else f"{text}: {tip}")
    if tip:
        b.setToolTip(tip)
    if primary:
        b.setProperty("role", "primary")
    set_enum(b, "focusPolicy", "StrongFocus")
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
    label = WrappedLabel(parent) if wrap else QLabel(parent)
    set_enum(label, "textFormat", "RichText" if rich else "PlainText")
    label.setText(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class WrappedLabel(QLabel):
    """A word-wrapped label that remembers its height at each width it was asked about.

    While a screen lays out, Qt's layouts ask a wrapped label's height for a width again and
    again (a box layout remembers only the last width it asked about, a scroll area asks with
    and without its scroll bar), and each answer lays the whole text out anew: about 200,000
    instructions for a paragraph. The answers are kept until the text changes, or the font,
    the style or anything else a change event reports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._heights: dict[int, int] = {}
        super().__init__(parent)

    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()
        super().changeEvent(event)


def label_words(label: QLabel) -> str:
    """The words a label shows, for reading aloud: markup of our own rich labels dropped, and
    plain labels taken as they are, so a typed '<b>' is read as typed."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocumentFragment

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
    from PySide6.QtWidgets import QLineEdit

    if isinstance(edit, QLineEdit):
        edit.setText("")
        edit.setModified(False)
        return
    edit.setUndoRedoEnabled(False)
    edit.clear()
    edit.setUndoRedoEnabled(True)
    edit.document().setModified(False)


def wrap_words(text: str, width: int, metrics: QFontMetrics) -> str:
    """Each line of `text` broken at spaces so that no line is wider than `width` pixels
    (a single word wider than that keeps a line of its own)."""
    out: list[str] = []
    for line in text.split("\n"):
        current = ""
        for word in line.split():
            candidate = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(candidate) > width:
                out.append(current)
                current = word
            else:
                current = candidate
        out.append(current)
    return "\n".join(out)


MARK_ON = "☑ "
MARK_OFF = "☐ "
CHECK_MARK = MARK_ON  # kept for callers that look for the "on" mark


def show_checked_in_text(button: QPushButton) -> None:
    """A toggle shows its state in its words: a ticked box when on, an empty one when off, so
    it looks unlike an action in either state, and its state never rests on colour."""
    base = button.text().removeprefix(MARK_ON).removeprefix(MARK_OFF).removeprefix("✓ ")
    button.setProperty("toggle", True)

    def update(on: bool) -> None:
        button.setText((MARK_ON if on else MARK_OFF) + base)

    button.toggled.connect(update)
    update(button.isChecked())


def make_toggle(text: str, name: str = "", *, tip: str = "") -> QPushButton:
    """A button that stays on or off (Hide answers, high contrast, the contents list): drawn
    as a toggle, with its state in its words (`show_checked_in_text`)."""
    b = make_button(text, name, tip=tip)
    b.setCheckable(True)
    show_checked_in_text(b)
    return b
