"""Words that came from a reader's session, and how a reset takes them out of every widget.

A widget that shows something a reader typed or chose (a row of "Your list", the feedback on a
quiz answer, a word they looked up, a line about their print-out) gets it through
`show_reader_text`, which also marks the widget with the properties it filled. A reset calls
`forget_reader_text` on the window before the steps redraw from the empty session: every marked
widget is emptied, shown or not, and every text box is emptied together with its undo history.
Hiding is not forgetting: a hidden label keeps its words, and a screen reader reads hidden
widgets too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from decisionaid.ui.controls import wipe_text

MARK = "readerText"  # dynamic property: the names of the properties that hold a reader's words


def _clear_text(widget: QWidget) -> None:
    widget.setText("")  # type: ignore[attr-defined]
    # A hidden label lays its words out again only when asked for its size; until then its
    # internal document keeps the old words.
    widget.sizeHint()


_CLEAR: dict[str, Callable[[QWidget], None]] = {
    "text": _clear_text,
    "accessibleName": lambda w: w.setAccessibleName(""),
    "accessibleDescription": lambda w: w.setAccessibleDescription(""),
    "toolTip": lambda w: w.setToolTip(""),
}


def show_reader_text(
    widget: QWidget,
    text: str | None = None,
    *,
    name: str | None = None,
    description: str | None = None,
    tip: str | None = None,
) -> None:
    """Show a reader's words on `widget` (its text, accessible name, description, tool tip),
    and remember which of them to empty on a reset."""
    filled = set(filter(None, str(widget.property(MARK) or "").split(",")))
    for prop, value in (
        ("text", text),
        ("accessibleName", name),
        ("accessibleDescription", description),
        ("toolTip", tip),
    ):
        if value is not None:
            getattr(widget, "set" + prop[0].upper() + prop[1:])(value)
            filled.add(prop)
    widget.setProperty(MARK, ",".join(sorted(filled)))


def forget_reader_text(root: QWidget) -> None:
    """Empty every marked widget under `root` (itself included) and every text box, with its
    undo and redo history."""
    # Here, not at the top: the text boxes' classes are not needed before the first paint.
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    for widget in (root, *root.findChildren(QWidget)):
        filled = widget.property(MARK)
        if filled:
            for prop in str(filled).split(","):
                _CLEAR[prop](widget)
            widget.setProperty(MARK, "")
    for edit in root.findChildren(QLineEdit):
        wipe_text(edit)
    for box in (*root.findChildren(QTextEdit), *root.findChildren(QPlainTextEdit)):
        if box.isReadOnly():
            # Read-only text (a page, the summary) is the app's; only its history could hold
            # an earlier reader's version of it.
            box.document().clearUndoRedoStacks()
        else:
            wipe_text(box)
