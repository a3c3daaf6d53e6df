"""Where a reader's words could hide in a running app, and a search of all of it.

Everything the Qt side holds as text (each widget's text, accessible name and description, tool
tip, What's This, status tip, placeholder and window title; every document's contents and every
step of its undo and redo history; every line edit's undo history; every item model's texts in
every role; every action's texts) and everything the Python side keeps reachable (strings inside
any live container, the widgets' own attributes included). `process_memory_hits` goes further,
to the raw bytes of the process, where freed memory may still hold old words.

Used in process by tests/ui/test_reset_forgets_reader_text.py, and inside the real kiosk by
tests/helpers/kiosk_probe.py for tests/process/test_reader_data_on_real_x.py.
"""

from __future__ import annotations

import enum
import gc
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

# Qt.ItemDataRole: Display, ToolTip, StatusTip, WhatsThis, AccessibleText, AccessibleDescription.
ITEM_ROLES = (0, 3, 4, 5, 11, 12)
WIDGET_TEXTS = (
    "accessibleName",
    "accessibleDescription",
    "toolTip",
    "whatsThis",
    "statusTip",
    "windowTitle",
)


def _all_objects():  # type: ignore[no-untyped-def]
    """Every QObject under every top-level widget, and the application's own children."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    seen: dict[int, QObject] = {}
    roots: list[QObject] = [*QApplication.topLevelWidgets()]
    if app is not None:
        roots.append(app)
    for root in roots:
        for obj in (root, *root.findChildren(QObject)):
            seen.setdefault(id(obj), obj)
    return list(seen.values())


def _name(obj) -> str:  # type: ignore[no-untyped-def]
    name = obj.objectName()
    return f"{type(obj).__name__}{'#' + name if name else ''}"


def _history(editor, read) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The text at every step of an editor's (a document's or a line edit's) undo and redo
    history, put back as it was afterwards."""
    for back, forth, available in (
        (editor.undo, editor.redo, editor.isUndoAvailable),
        (editor.redo, editor.undo, editor.isRedoAvailable),
    ):
        steps = 0
        while available() and steps < 500:
            back()
            steps += 1
            yield read()
        for _ in range(steps):
            forth()


def _model_texts(model, parent=None) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    from PySide6.QtCore import QAbstractListModel

    # A list model keeps its columns and children to itself: one column, no children.
    flat = isinstance(model, QAbstractListModel)
    columns = 1 if flat else max(1, model.columnCount(parent))
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in ITEM_ROLES:
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield f"row {row} role {role}", value
            if not flat and model.hasChildren(index):
                yield from _model_texts(model, index)


def _python_strings(value, depth: int = 0) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        yield value
    elif isinstance(value, enum.Enum):
        return  # a flag's name (Qt.AlignLeft) is the program's, never a reader's
    elif depth < 4 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _python_strings(item, depth + 1)
    elif depth < 4 and isinstance(value, dict):
        for key, item in value.items():
            yield from _python_strings(key, depth + 1)
            yield from _python_strings(item, depth + 1)
    elif depth < 3 and hasattr(value, "__dict__") and not hasattr(value, "metaObject"):
        yield from _python_strings(list(vars(value).values()), depth + 1)


def qt_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text the app's objects hold."""
    from PySide6.QtGui import QAction, QTextDocument
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    documents: dict[int, tuple[str, QTextDocument]] = {}
    for obj in _all_objects():
        where = _name(obj)
        if isinstance(obj, QWidget):
            for prop in WIDGET_TEXTS:
                text = getattr(obj, prop)()
                if text:
                    yield f"{where}.{prop}", text
        if isinstance(obj, (QLabel, QAbstractButton)) and obj.text():
            yield f"{where}.text", obj.text()
        if isinstance(obj, QLineEdit):
            for text in (obj.text(), obj.placeholderText(), obj.displayText()):
                if text:
                    yield f"{where}.text", text
            for text in _history(obj, obj.text):
                yield f"{where}.undo", text
        if isinstance(obj, (QTextEdit, QPlainTextEdit)):
            documents.setdefault(id(obj.document()), (where, obj.document()))
        if isinstance(obj, QTextDocument):
            documents.setdefault(id(obj), (where, obj))
        if isinstance(obj, QAbstractItemView) and obj.model() is not None:
            for place, text in _model_texts(obj.model()):
                yield f"{where}.model {place}", text
        if isinstance(obj, QAction):
            for text in (obj.text(), obj.toolTip(), obj.statusTip(), obj.whatsThis()):
                if text:
                    yield f"{where}.action", text
        for text in _python_strings(list(vars(obj).values())):
            if text:
                yield f"{where} (Python attribute)", text
    for where, doc in documents.values():
        text = doc.toPlainText()
        if text:
            yield f"{where}.document", text
        for text in _history(doc, doc.toPlainText):
            if text:
                yield f"{where}.document undo/redo", text


# What a test types for a reader: "zqvx", four digits, "kwpj". The pattern that finds them holds
# none, so searching a process for canaries never plants one there.
CANARY_HEAD, CANARY_TAIL = "zqvx", "kwpj"
CANARY = re.compile(rf"{CANARY_HEAD}\d{{4}}{CANARY_TAIL}")


def canary(n: int) -> str:
    return f"{CANARY_HEAD}{n:04d}{CANARY_TAIL}"


def find_in_qt(pattern: re.Pattern[str] = CANARY) -> list[tuple[str, str]]:
    """(where, what) for each place in the app's objects whose text matches `pattern`."""
    return [(where, found) for where, text in qt_texts() for found in pattern.findall(text)]


def live_python_strings(
    pattern: re.Pattern[str] = CANARY, ignore: Iterable[object] = ()
) -> list[str]:
    """Live Python strings (held by any container the collector tracks) that match `pattern`,
    but for those in `ignore`."""
    skip = {id(o) for o in ignore}
    gc.collect()
    found: list[str] = []
    for container in gc.get_objects():
        for ref in gc.get_referents(container):
            if type(ref) is str and id(ref) not in skip and pattern.search(ref):
                skip.add(id(ref))
                found.append(ref[:200])
    return found


def _utf16(text: str) -> bytes:
    return re.escape(text.encode("utf-16-le"))


# The canary as Python and UTF-8 buffers keep it, and as Qt's strings do (UTF-16).
RAW_CANARY = {
    "utf-8": re.compile(CANARY.pattern.encode()),
    "utf-16": re.compile(_utf16(CANARY_HEAD) + rb"(?:[0-9]\x00){4}" + _utf16(CANARY_TAIL)),
}


def process_memory_hits(pid: int | str) -> dict[str, int]:
    """How often a canary appears in the raw, readable memory of process `pid`, in UTF-8 and in
    UTF-16. Freed memory counts too: this is what a core dump of the kiosk, or a debugger
    attached to it, would find."""
    hits = dict.fromkeys(RAW_CANARY, 0)
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            fields = line.split()
            if len(fields) < 2 or not fields[1].startswith("r"):
                continue
            if len(fields) >= 6 and re.match(r"\[(vvar|vsyscall)", fields[5]):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            try:
                mem.seek(start)
                chunk = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            for name, pattern in RAW_CANARY.items():
                hits[name] += len(pattern.findall(chunk))
    return hits


def app_literals() -> set[str]:
    """Every string constant written in the app's code: words the app itself shows, whichever
    widget they end up on, never a reader's."""
    import ast

    import decisionaid

    found: set[str] = set()
    for path in Path(decisionaid.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found
