"""Wires kiosk behaviour to the one main window: welcome, idle reset, lock-down, staff exit.

Everything here asks the policy (`idle_reset`, `staff_exit_gesture`, `context_menus`...), never
the mode. A reset wipes state objects; the window is not rebuilt.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from decisionaid.core.staff_gate import StaffGate
from decisionaid.ui.kiosk.environment import forbid_dumping
from decisionaid.ui.kiosk.idle_watcher import IdleWatcher
from decisionaid.ui.kiosk.lockdown import Lockdown, clear_clipboard
from decisionaid.ui.kiosk.long_press import LongPress
from decisionaid.ui.kiosk.screen_keeper import ScreenKeeper
from decisionaid.ui.kiosk.screens import ScreenStack, screen_stylesheet
from decisionaid.ui.kiosk.welcome import KioskWelcome

if TYPE_CHECKING:
    from decisionaid.ui.kiosk.idle_warning import IdleWarning
    from decisionaid.ui.kiosk.staff_exit import StaffPanel
    from decisionaid.ui.main_window import MainWindow

log = logging.getLogger("decisionaid.staff")

WARNING_SHOWN = "idle warning showing"


class KioskController(QObject):
    """Everything a reader or staff can reach is live from the first frame: the idle count,
    lock-down, the screen keeper and the staff gesture. The screens nobody sees at first (the
    idle warning, the staff PIN pad) are made once the welcome has painted, or at once if
    something asks for them sooner, so the first screen is not kept waiting for them."""

    def __init__(self, window: MainWindow, gate: StaffGate | None = None) -> None:
        super().__init__(window)
        self.window = window
        policy = window.policy
        self.screens = ScreenStack(window)
        central = window.centralWidget()

        self.welcome = KioskWelcome(window.guide, central)
        self.welcome.startRequested.connect(self.start_reading)
        self.welcome.shortPathRequested.connect(self.open_short_path)
        self.screens.add(self.welcome)

        self._warning: IdleWarning | None = None
        self._staff: StaffPanel | None = None
        self.gate = gate or StaffGate(window.config.staff_pin_hash)

        self.lockdown: Lockdown | None = None
        if not policy.context_menus or not policy.quit_shortcuts:
            self.lockdown = Lockdown(window, self)
        # From the moment the window goes full screen it keeps the screen (screen_keeper.py).
        self.keeper = ScreenKeeper(window, self, checking=False)

        self.watcher = IdleWatcher(
            policy.idle_timeout_seconds * 1000,
            self,
            hold_timeout_ms=policy.help_idle_timeout_seconds * 1000,
        )
        self._help_open = False
        self.watcher.idle.connect(self._on_idle)
        # The app-wide filters (idle input, lock-down) start with the first frame, before anyone
        # can touch it; the events of building and showing the window skip them.
        window.firstFrame.connect(self._first_frame)

        self.long_press = LongPress(parent=self)
        self.long_press.triggered.connect(self.open_staff_panel)
        if policy.staff_exit_gesture:
            for target in window.gesture_targets():
                self.long_press.watch(target)

        window.idlePause.connect(self._on_idle_pause)
        window.helpVisibilityChanged.connect(self._on_help_shown)
        window.sessionReset.connect(self._after_reset)
        window.stepChanged.connect(lambda _index: self.screens.hide(self.welcome))
        # After the paint, in the event loop's next turn, as the window's own after-paint work.
        window.firstPaint.connect(lambda: QTimer.singleShot(0, self, self.finish_start))
        # The screens' rules join the window's style sheet, which follows text size and theme.
        window.add_style(screen_stylesheet)
        self.show_welcome()

    def _first_frame(self) -> None:
        if self.lockdown is not None:
            self.lockdown.lock_app()
        if self.window.policy.idle_reset:
            self.watcher.start()
        app = QApplication.instance()
        if app is not None:
            # Once the event loop has ended nobody can reach the kiosk; without its filters
            # the thousands of events of tearing the window down skip Python too.
            app.aboutToQuit.connect(self._loop_ended)

    def _loop_ended(self) -> None:
        if self.lockdown is not None:
            self.lockdown.unlock_app()
        self.watcher.stop()

    def finish_start(self) -> None:
        """Build the reader's first step behind the welcome, so Start shows it at once; make
        the screens the first one did not need (idle warning, staff PIN pad); and begin the
        screen keeper's checks: its first one looks at whatever happened before."""
        self.window.prepare_step()
        pages = self.window.pages
        logging.getLogger("decisionaid").info(
            "first step ready behind the welcome; pages from caches: %d, rendered now: %d; "
            "Markdown %s",
            pages.from_cache,
            pages.rendered,
            "loaded" if "markdown" in sys.modules else "not loaded",
        )
        forbid_dumping()  # the rest of the no-core-dump settings, before anyone has typed
        _ = self.warning, self.staff
        self.keeper.begin_checks()

    @property
    def warning(self) -> IdleWarning:
        if self._warning is None:
            from decisionaid.ui.help_panel import crisis_lines
            from decisionaid.ui.kiosk.idle_warning import IdleWarning

            window = self.window
            crisis = crisis_lines(window.guide, window.config, window.policy)
            self._warning = IdleWarning(crisis, window.centralWidget())
            self._warning.extended.connect(self._on_extended)
            self._warning.startOverRequested.connect(self.full_reset)
            self._warning.expired.connect(self.full_reset)
            self.screens.add(self._warning)
        return self._warning

    @property
    def staff(self) -> StaffPanel:
        if self._staff is None:
            from decisionaid.ui.kiosk.staff_exit import StaffPanel

            window = self.window
            self._staff = StaffPanel(self.gate, window.config.staff_notices, window.centralWidget())
            self._staff.closed.connect(self.close_staff_panel)
            self._staff.exitConfirmed.connect(self.staff_exit)
            self.screens.add(self._staff)
        return self._staff

    # -- screens ---------------------------------------------------------------------------

    def show_welcome(self) -> None:
        self.screens.show(self.welcome)
        self.welcome.start_button.setFocus()  # OtherFocusReason, without the Qt namespace

    def start_reading(self) -> None:
        from PySide6.QtCore import Qt

        self.screens.hide(self.welcome)
        self.window.go_to(self.window.current_index)
        widget = self.window.current_widget()
        if widget is None or widget.first_focus() is None:
            self.window.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_short_path(self) -> None:
        """From the welcome straight to the short version ("At a glance")."""
        self.screens.hide(self.welcome)
        self.window.navigate_to(self.window.guide.short_path)

    def open_staff_panel(self) -> None:
        if self.gate.locked or self.screens.is_showing(self.staff):
            return
        self.staff.open()
        self.screens.show(self.staff)

    def close_staff_panel(self) -> None:
        if self._staff is not None:
            self._staff.clear()
            self.screens.hide(self._staff)

    def staff_exit(self) -> None:
        log.warning("staff closed the guide from the staff panel")
        self.stand_down()
        self.window.close()

    def stand_down(self) -> None:
        """Stop every countdown and let the window close: the kiosk is ending."""
        if self.lockdown is not None:
            self.lockdown.allow_close()
        self.keeper.stop()
        self.watcher.stop()
        if self._warning is not None:
            self._warning.stop()

    # -- idle ------------------------------------------------------------------------------

    def _on_idle(self) -> None:
        if self.screens.is_showing(self.welcome) and self.window.session.is_empty():
            return  # nothing of anyone's to protect; keep waiting quietly
        if self.screens.is_showing(self.welcome):
            self.full_reset()  # only display choices (e.g. text size) to undo: no warning needed
            return
        self.watcher.pause(WARNING_SHOWN)
        over_help = self._help_open
        if over_help:
            # Set aside, not closed: its crisis lines come onto the warning, and "I'm still
            # here" brings the panel back as it was.
            self.window.help_panel.hide()
        self.screens.show(self.warning)
        self.warning.start(self.window.policy.idle_warning_seconds, over_help=over_help)

    def _on_extended(self) -> None:
        from PySide6.QtCore import Qt

        self.screens.hide(self.warning)
        self.watcher.resume(WARNING_SHOWN)
        if self._help_open:
            self.window.help_panel.show_panel()
            return
        focus = self.window.current_widget()
        target = focus.first_focus() if focus is not None else None
        (target or self.window.next_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_idle_pause(self, reason: str, on: bool) -> None:
        # Someone reading crisis lines or listening is busy, not idle: they get longer, but
        # not for ever (policy.help_idle_timeout_seconds).
        (self.watcher.hold if on else self.watcher.release)(reason)

    def _on_help_shown(self, shown: bool) -> None:
        self._help_open = shown
        if shown and self._warning is not None and self._warning.running:
            self._warning.extend()  # "Get help now" on the warning: someone is here

    # -- reset -----------------------------------------------------------------------------

    def full_reset(self) -> None:
        """Wipe everything the last reader did and show the welcome screen."""
        if self._warning is not None:
            self._warning.stop()
            self.screens.hide(self._warning)
        self.close_staff_panel()
        _close_other_windows(self.window)
        self.window.start_over()  # session, step widgets, text size; emits sessionReset

    def _after_reset(self) -> None:
        # Runs after any reset, the reader's own "Start over" included.
        for area in self.window.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)
        clear_clipboard()
        self._help_open = False  # the reset closed the panel
        self.show_welcome()
        if self.window.policy.idle_reset:
            self.watcher.clear_pauses()
        self.keeper.check_soon()  # the next reader finds the kiosk on screen, whatever happened


def _close_other_windows(window: QWidget) -> None:
    """Close dialogs and popups a reader left open; the next person must not find them."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    while (popup := app.activePopupWidget()) is not None:
        popup.close()
        if app.activePopupWidget() is popup:
            break
    for widget in app.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()
