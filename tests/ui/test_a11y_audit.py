"""The audit itself: a screen with one control is no trap; a control that keeps Tab is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from tests.helpers.a11y_audit import AuditReport, audit_focus_order, tab_cycle


class KeepsTab(QPushButton):
    """A control that swallows Tab, so the keyboard can never leave it."""

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.accept()
            return True
        return super().event(event)


def _screen(qtbot, *buttons: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    screen = QWidget()
    layout = QVBoxLayout(screen)
    for b in buttons:
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(b)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: buttons[0].hasFocus())
    return screen


def test_a_screen_with_one_control_is_not_a_trap(qtbot) -> None:
    only = QPushButton("Back to the guide")
    screen = _screen(qtbot, only)
    order, closed = tab_cycle(screen)
    assert closed
    assert order == [only]
    report = AuditReport()
    audit_focus_order(screen, screen, "one control", report)
    assert not report.findings


def test_a_control_that_keeps_tab_is_still_a_trap(qtbot) -> None:
    trap, other = KeepsTab("Keeps the keyboard"), QPushButton("Never reached")
    screen = _screen(qtbot, trap, other)
    _order, closed = tab_cycle(screen)
    assert not closed
    report = AuditReport()
    audit_focus_order(screen, screen, "trap", report)
    problems = [f.problem for f in report.findings]
    assert any("focus trap" in p for p in problems)
    assert any("never reaches" in p for p in problems)


def test_a_text_area_moving_through_its_links_is_not_a_trap(qtbot) -> None:
    page = QTextBrowser()
    page.setHtml('<p><a href="#a">one</a> <a href="#b">two</a> <a href="#c">three</a></p>')
    after = QPushButton("Next")
    screen = _screen(qtbot, page, after)
    order, closed = tab_cycle(screen)
    assert closed
    assert order == [page, after]
