"""No way out of the kiosk from inside the app: no menus, dialogs, links or closing.

Real lock-down lives in the operating system (see docs/deploying-kiosk.md); the app does not try
to trap system keys. What it does is remove every escape route it owns: context menus, tooltips
that only hover reveals, file and print-to-file dialogs, external links, dropped files, and
closing the window (Alt+F4, Ctrl+Q, Ctrl+W) unless staff have entered the PIN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from decisionaid.ui.controls import set_enum

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

_T = QEvent.Type
_BLOCKED = frozenset(
    {_T.ContextMenu, _T.ToolTip, _T.WhatsThis, _T.QueryWhatsThis, _T.DragEnter, _T.Drop}
)


class Lockdown(QObject):
    def __init__(self, window: QMainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self._close_allowed = False
        # By key name: in place from the first frame, without the Qt namespace (controls.py).
        set_enum(window, "contextMenuPolicy", "PreventContextMenu")
        window.installEventFilter(self)  # closing: from the start
        self._app_wide = False

    def lock_app(self) -> None:
        """Block menus, tool tips, drops and dialogs' ways out in every window of the app.

        Called as the first frame is drawn: before it nobody can reach anything, and the
        thousands of events of building and laying out the window need not each pass through
        a Python filter."""
        app = QApplication.instance()
        if app is not None and not self._app_wide:
            app.installEventFilter(self)
            self._app_wide = True

    def unlock_app(self) -> None:
        app = QApplication.instance()
        if app is not None and self._app_wide:
            app.removeEventFilter(self)
            self._app_wide = False

    def allow_close(self) -> None:
        """Staff entered the PIN: the window may now close and the app end."""
        self._close_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _BLOCKED:
            event.ignore()
            return True
        if kind == _T.Close and watched is self.window and not self._close_allowed:
            event.ignore()
            return True
        # By class name: the QDialog class is not built before the first paint.
        if kind == _T.Show and watched.inherits("QDialog"):
            self._tame_dialog(watched)  # type: ignore[arg-type]
        return False

    def _tame_dialog(self, dialog: QDialog) -> None:
        if dialog.inherits("QFileDialog"):
            # Nothing in kiosk mode opens one; if anything ever does, it closes at once.
            QTimer.singleShot(0, dialog.reject)
        elif dialog.inherits("QAbstractPrintDialog"):
            from PySide6.QtPrintSupport import QAbstractPrintDialog

            if isinstance(dialog, QAbstractPrintDialog):
                dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)


def clear_clipboard() -> None:
    """Forget anything copied during the session, in every clipboard the platform has."""
    from PySide6.QtGui import QClipboard  # here: not needed before the first paint

    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        return
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)
