"""A kiosk keeps the screen it was given: full screen, on top and active, whatever happens to it.

Under a kiosk compositor (cage, Ubuntu Frame) nothing can take the screen away. Under an ordinary
window manager a passer-by can: Alt+Space then Minimise, Super+D (show the desktop), a switch of
workspace, or a command that takes full screen away. Without a window manager at all (a bare X
session) nobody sizes the window to the screen, and a screen whose size changes after start (a
monitor switched on late, a resolution set by a start-up script) leaves the kiosk in a corner.

Once the window has gone full screen, every sign that it may have lost the screen (its state
changed, it was hidden or uncovered, the app lost the focus, the screen changed size) asks for
a check a moment later; anything wrong is put right: full screen again at the screen's size,
mapped, raised and activated. It checks again until all is well, a few times, then waits for
the next sign. Staff exit (`stop`) lets go.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen, QWindow

log = logging.getLogger(__name__)

SETTLE_MS = 150  # let a window manager finish what it is doing before looking
RETRY_MS = 500
MAX_TRIES = 20  # ten seconds of trying, then wait for the next sign

_SIGNS = frozenset({QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Show})


class ScreenKeeper(QObject):
    """`checking=False` holds the checks until `begin_checks()`: the kiosk begins them with its
    first frame, as nothing can have taken the screen away before there was one, and a check
    that came before it would hold up that frame. Until then the keeper does not watch the
    window either (each of the events of building and showing it would pass through Python):
    `begin_checks` looks at the window as the watching would have left it."""

    def __init__(
        self, window: QWidget, parent: QObject | None = None, *, checking: bool = True
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.armed = False
        self.checking = checking
        self.had_screen = False  # until then the window is still being shown, not taken away
        self.tries = 0
        self.restores = 0  # how often the kiosk had to take the screen back
        self._handle: QWindow | None = None
        self._screen: QScreen | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._watching = False
        if checking:
            self._watch_window()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # A slot that takes no argument: the state's type is in the Qt namespace, which a
            # kiosk does not build before its first paint (a slot taking it could not be called).
            app.applicationStateChanged.connect(self.check_soon)

    def stop(self) -> None:
        """Staff are ending the kiosk: the window may now go."""
        self.armed = False
        self._timer.stop()

    # -- what can take the screen away -----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind in _SIGNS:
            self._watch_handle()
            if self.window.isFullScreen() and not self.armed:
                self.armed = True  # from the first full screen on, it is the kiosk's
            self.check_soon()
        elif watched is self._handle and kind == QEvent.Type.Expose:
            self.check_soon()  # uncovered, or unmapped (a workspace switch, show desktop)
        return False

    def _watch_window(self) -> None:
        self._watching = True
        self.window.installEventFilter(self)
        if self.window.isVisible():  # shown before it was watched: as its Show would have
            self._watch_handle()
            self.armed = self.armed or self.window.isFullScreen()

    def _watch_handle(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None and handle is not self._handle:
            self._handle = handle
            handle.installEventFilter(self)
            handle.screenChanged.connect(self._watch_screen)
            self._watch_screen(handle.screen())

    def _watch_screen(self, screen: QScreen | None) -> None:
        if screen is not None and screen is not self._screen:
            self._screen = screen
            screen.geometryChanged.connect(lambda _rect: self.check_soon())
        self.check_soon()

    def begin_checks(self) -> None:
        self.checking = True
        if not self._watching:
            self._watch_window()
        self.check_soon()

    def check_soon(self) -> None:
        if self.armed and self.checking and not self._timer.isActive():
            self.tries = 0
            self._timer.start(SETTLE_MS)

    # -- putting it right ------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What is wrong now; empty when the kiosk has the whole screen."""
        from PySide6.QtCore import Qt  # a check runs after the first paint (start-up list)

        w = self.window
        found = []
        if not w.isVisible():
            found.append("hidden")
        if w.isMinimized():
            found.append("minimised")
        if not w.isFullScreen():
            found.append("not full screen")
        handle = w.windowHandle()
        if handle is not None and not handle.isExposed():
            found.append("not on screen")
        screen = w.screen()
        if screen is not None and w.geometry() != screen.geometry():
            found.append("not the screen's size")
        if QGuiApplication.applicationState() != Qt.ApplicationState.ApplicationActive:
            found.append("not active")
        return found

    def check(self) -> None:
        if not self.armed:
            return
        problems = self.problems()
        if not problems:
            self.tries = 0
            self.had_screen = True
            return
        self.tries += 1
        if self.tries == 1 and self.had_screen:
            self.restores += 1
            log.info("kiosk window lost the screen (%s); taking it back", ", ".join(problems))
        self.take_screen_back(remap="not on screen" in problems and self.tries > 2)
        if self.tries < MAX_TRIES:
            self._timer.start(RETRY_MS)
        else:
            log.warning("kiosk window could not take the screen back: %s", ", ".join(problems))

    def take_screen_back(self, *, remap: bool = False) -> None:
        from PySide6.QtCore import Qt

        w = self.window
        if remap:
            # Unmapped behind Qt's back (it still counts the window as shown): only hiding and
            # showing it again maps it.
            w.hide()
        state = w.windowState() & ~Qt.WindowState.WindowMinimized
        w.setWindowState(state | Qt.WindowState.WindowFullScreen)
        screen = w.screen()
        if screen is not None and w.geometry() != screen.geometry():
            # With no window manager nobody else sizes a full-screen window.
            w.setGeometry(screen.geometry())
        w.show()
        w.raise_()
        w.activateWindow()
