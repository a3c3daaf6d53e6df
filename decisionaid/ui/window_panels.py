"""What opens over the page: the help panel ("Get help now") and the Display menu, where they
sit, how they keep the keyboard while open, and Escape closing whichever is open."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from decisionaid.ui.focus_scope import takes_tab_focus

HELP_OPEN = "help panel open"


class OverPagePanels:
    """The help panel and the Display menu of `MainWindow` (a mixin)."""

    def _place_panels(self) -> None:
        """The window's middle was resized, or the page moved (the header grew): the panels
        follow. Told by the widgets themselves (window_parts.Central, Body), not by an event
        filter: a Python filter's first event builds PySide6's classes for every kind of event
        (about 8 M instructions before the first paint)."""
        self._place_help_panel()
        if self.display_menu.isVisible():
            self.display_menu.place(self.display_button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # App-wide while the Display menu is open (show_display_menu).
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            # Open, the Display menu closes at a tap anywhere else, as a menu does.
            inside = (self.display_menu, self.display_button)
            if not any(w is watched or w.isAncestorOf(watched) for w in inside):
                self.show_display_menu(False)
        return False

    def _place_help_panel(self) -> None:
        # Where the page starts, laid out now: a page just shown again (after a full screen a
        # mode added) still has the place it had before, and a hidden one has none, so help
        # then starts under the header.
        self._root.activate()
        if self.body.isVisible():
            top = self.body.geometry().top()
        else:
            top = self.header.geometry().bottom() + 1
        self.help_panel.place(self._central.rect(), top)

    def _panel_over_page(self) -> QWidget | None:
        """The panel lying over the page, if one is open: help, or one a mode added."""
        panels = (self.help_panel, self.display_menu, *self._overlays)
        return next((p for p in panels if p.isVisible()), None)

    def _panel_focus_roots(self) -> list[QWidget]:
        panel = self._panel_over_page()
        if panel is None:
            return []
        roots = [self.header, panel]
        if panel is self.display_menu:
            return roots  # a menu keeps the keyboard until it closes
        if not panel.geometry().intersects(self.footer.geometry()):
            roots.append(self.footer)  # Back/Next still show below a panel that stops short
        return roots

    def focusNextPrevChild(self, next: bool) -> bool:
        self._panel_focus.roots = self._panel_focus_roots()
        moved = self._panel_focus.move(next)
        return super().focusNextPrevChild(next) if moved is None else moved

    def show_display_menu(self, on: bool) -> None:
        """Open or close the Display menu (text size, contrast, contents)."""
        menu = self.display_menu
        if on:
            if self.help_panel.isVisible():
                self.help_panel.hide_panel()
            menu.place(self.display_button)
            menu.show()
            menu.raise_()
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            first = menu.larger_button if menu.larger_button.isEnabled() else menu.smaller_button
            first.setFocus()
        elif menu.isVisible():
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            had_focus = menu.isAncestorOf(QApplication.focusWidget())
            menu.hide()
            if had_focus:
                self.display_button.setFocus()

    def toggle_help(self) -> None:
        if self.help_panel.isVisible():
            self.help_panel.hide_panel()
        else:
            self._place_help_panel()
            self.show_display_menu(False)
            self._help_opener = QApplication.focusWidget()
            self.help_panel.show_panel()
            if self._touch_ready:
                self._touch_scroll(self.help_panel)
            self.helpVisibilityChanged.emit(True)
            self.hold_idle(HELP_OPEN, True)  # someone reading crisis lines is not idle

    def _on_help_closed(self) -> None:
        # Back to where the reader was when they asked for help, if it is still there.
        opener, self._help_opener = self._help_opener, None
        if opener is None or not shiboken6.isValid(opener) or not takes_tab_focus(opener):
            opener = self.help_button
        opener.setFocus()
        self.helpVisibilityChanged.emit(False)
        self.hold_idle(HELP_OPEN, False)

    def _escape(self) -> None:
        # Escape closes what is open; it never quits the app.
        if self.display_menu.isVisible():
            self.show_display_menu(False)
        elif self.help_panel.isVisible():
            self.help_panel.hide_panel()
        elif self._popover is not None and self._popover.isVisible():
            self._popover.close_popover()
        elif self.start_over_bar.isVisible():
            self.start_over_bar.hide()
