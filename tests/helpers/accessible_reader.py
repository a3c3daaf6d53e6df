"""Reads the accessible tree the way a screen reader does while steps open: run as a program.

A screen reader counts an object's children, then fetches them one call at a time, and the app
keeps running in between. This program opens every step of the guide (in the mode named on the
command line), counts the children of everything in the window at once, lets the step settle,
then fetches every child it counted. A crash (the process dies) is the failure it looks for.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication

from decisionaid.app import Options, build_app, build_parts, ensure_qapplication


def counted(root: QAccessibleInterface) -> list[tuple[object, int]]:
    """Each object below root with the number of children it reports now."""
    found, todo = [], [root]
    while todo:
        iface = todo.pop()
        if iface is None or not iface.isValid():
            continue
        count = iface.childCount()
        found.append((iface.object(), count))
        todo.extend(iface.child(i) for i in range(count))
    return found


def settle(app: QApplication) -> None:
    for _ in range(5):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        app.processEvents()


def fetch_all(snapshot: list[tuple[object, int]]) -> int:
    fetched = 0
    for obj, count in snapshot:
        iface = QAccessible.queryAccessibleInterface(obj)
        if iface is None:  # the object is gone; a reader is told so
            continue
        for i in range(count):
            child = iface.child(i)
            if child is not None and child.isValid():
                child.text(QAccessible.Text.Name)
                fetched += 1
    return fetched


def main(argv: list[str]) -> int:
    app = ensure_qapplication()
    options = Options(kiosk="--kiosk" in argv, counsellor="--counsellor" in argv)
    window = build_app(build_parts(options)).window
    window.resize(1280, 800)
    window.show()
    settle(app)
    root = QAccessible.queryAccessibleInterface(window)
    fetched = 0
    for index in range(len(window.guide.steps)):
        window.go_to(index)
        snapshot = counted(root)
        settle(app)
        fetched += fetch_all(snapshot)
    print(f"fetched {fetched} children over {len(window.guide.steps)} steps")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
