"""Qt's own on-screen keyboard (Qt Virtual Keyboard) for a kiosk with no physical keyboard.

Qt loads an input method only when the QApplication is made, and only the one QT_IM_MODULE
names, so the choice is made before Qt starts (app.build_parts and app.run) and nothing of it
loads in a start that does not need it. For a Qt Widgets app the keyboard is Qt's "desktop"
panel: a window of its own along the bottom of the screen, shown while a text field has the
focus. Its plugin and QML files ship in PySide6-Essentials, but the library they need ships in
PySide6-Addons, so both are looked for on disk.

Nothing here imports Qt at module level: app.build_parts asks on_screen_keyboard_installed()
before there is a QApplication.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QLineEdit, QWidget

IM_MODULE = "qtvirtualkeyboard"
ENVIRONMENT = {
    "QT_IM_MODULE": IM_MODULE,
    # The keyboard is drawn in QML: Qt Quick would otherwise keep compiled QML in the user's
    # cache folder, and a kiosk writes nothing to disk.
    "QML_DISABLE_DISK_CACHE": "1",
}
# Warnings from the keyboard's own QML and its key-click sound backend, not from the app, in a
# kiosk's journal each time the keyboard first opens, telling staff nothing they can act on.
# (One more, "QQmlExpression: ... depends on non-bindable properties", comes in Qt's default
# category, which cannot be silenced alone.)
QUIET_CATEGORIES = ("qt.qml.propertyCache.append", "qt.multimedia.symbolsresolver")


def _pyside_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _library_names() -> tuple[str, ...]:
    if sys.platform == "win32":
        return ("Qt6VirtualKeyboard.dll",)
    if sys.platform == "darwin":
        return ("Qt/lib/QtVirtualKeyboard.framework",)
    return ("Qt/lib/libQt6VirtualKeyboard.so.6",)


def on_screen_keyboard_installed(root: Path | None = None) -> bool:
    """Whether Qt's on-screen keyboard can load: its input-method plugin, its QML and its
    library (a bundle may carry some of them and not the others)."""
    root = root or _pyside_dir()
    if root is None:
        return False
    plugins = root / "Qt" / "plugins" / "platforminputcontexts"
    if not plugins.is_dir():
        plugins = root / "plugins" / "platforminputcontexts"  # the Windows wheel's layout
    has_plugin = plugins.is_dir() and any(IM_MODULE in p.name for p in plugins.iterdir())
    qml = any((root / d / "QtQuick" / "VirtualKeyboard").is_dir() for d in ("Qt/qml", "qml"))
    return has_plugin and qml and any((root / name).exists() for name in _library_names())


def use_on_screen_keyboard(environ: MutableMapping[str, str] | None = None) -> None:
    """Ask Qt for its on-screen keyboard. Must run before the QApplication is made."""
    env = os.environ if environ is None else environ
    for key, value in ENVIRONMENT.items():
        env[key] = value
    quiet = ";".join(f"{category}=false" for category in QUIET_CATEGORIES)
    rules = env.get("QT_LOGGING_RULES", "")
    env["QT_LOGGING_RULES"] = f"{quiet};{rules}" if rules else quiet


class ShowKeyboardOnFocus:
    """Shows the on-screen keyboard whenever `edit` takes the focus, however it came (a tap, Tab,
    or the app moving it there): Qt itself opens it only on a tap. While the keyboard shows,
    `make_room` is told how many pixels of `area` it covers (0 once it has gone), so the area
    can lift what the reader types into above it: Qt's panel is a window of its own, laid over
    the bottom of the screen, and moves nothing out of its way.

    A tap on a button beside the field ("Add to my list") takes the focus, so the keyboard goes
    while the finger is still down; the room it leaves is given back only once the finger is
    lifted, or the button would move from under it and the tap would miss."""

    def __init__(self, edit: QLineEdit, area: QWidget, make_room: Callable[[int], None]) -> None:
        from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
        from PySide6.QtGui import QGuiApplication

        method = QGuiApplication.inputMethod()
        app = QGuiApplication.instance()

        def covered() -> None:
            rect = method.keyboardRectangle()
            if method.isVisible() and not rect.isEmpty():
                # The rectangle is in the coordinates of the window that has the focus.
                bottom = area.mapTo(area.window(), QPoint(0, area.height())).y()
                make_room(max(0, int(bottom - rect.top())))
            elif QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton and app is not None:
                app.installEventFilter(self.after_tap)  # give the room back after the tap
            else:
                make_room(0)

        class AfterTap(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
                    if app is not None:
                        app.removeEventFilter(self)
                    QTimer.singleShot(0, covered)  # once the release has been delivered
                return False

        class OnFocus(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.FocusIn:
                    method.show()
                return False

        self.after_tap = AfterTap(edit)
        self.on_focus = OnFocus(edit)
        edit.installEventFilter(self.on_focus)
        method.visibleChanged.connect(covered)
        method.keyboardRectangleChanged.connect(covered)


def hide_on_screen_keyboard() -> None:
    """Put the keyboard away and forget anything it holds (a half-composed word)."""
    from PySide6.QtGui import QGuiApplication

    method = QGuiApplication.inputMethod()
    method.reset()
    method.hide()
