"""The accessibility audit on every step of the real guide, in every mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from tests.a11y_audit import AuditReport, audit, controls, tab_cycle
from tests.helpers import make_window

MODES = [Mode.PERSONAL, Mode.KIOSK, Mode.COUNSELLOR]


def _states(window):  # type: ignore[no-untyped-def]
    """Every screen a reader can meet: each step, its content note first, and the help panel;
    with the controls Tab must go round (None: all of them)."""
    for index, step in enumerate(window.guide.steps):
        window.go_to(index)
        widget = window.current_widget()
        if widget is not None and getattr(widget, "showing_note", False):
            yield f"{step.id} (content note)", None
            widget.reveal()
        yield step.id, None
    window.go_to(0)
    window.toggle_help()
    yield "help panel", (window.header, window.help_panel)
    window.toggle_help()


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_every_step_passes_the_audit(qtbot, mode: Mode, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, content_dir("en"), mode)
    qtbot.waitUntil(lambda: w.display_tools.read_aloud._probed, timeout=5000)
    report = AuditReport()
    for where, keyboard_roots in _states(w):
        report.extend(
            audit(
                w,
                f"{mode.value}/{where}",
                w.policy.touch_target_px,
                keyboard_roots=keyboard_roots,
            )
        )
    assert report.controls_checked > 50
    assert not report.findings, "\n".join(map(str, report.findings))


def test_tab_order_follows_the_header_as_it_reads(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    w = make_window(qtbot, content_dir("en"))
    w.contents_button.setFocus(Qt.FocusReason.TabFocusReason)
    order, closed = tab_cycle(w)
    assert closed
    names = [x.objectName() for x in order]
    header = ["contentsButton", "largerText", "highContrast", "helpButton"]  # A− is off at 100%
    assert [n for n in names if n in header] == header


def test_keyboard_alone_reaches_the_last_step(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"))
    w.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(len(w.guide.steps) * 3):
        if not w.next_button.isEnabled():
            break
        w.next_button.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(w.next_button, Qt.Key.Key_Space)
    assert w.current_index == len(w.guide.steps) - 1


def test_high_contrast_toggle_changes_the_theme_and_shows_a_tick(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"))
    button = w.display_tools.contrast_button
    assert button.text() == "High contrast"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.theme.name == "high-contrast"
    assert button.text().startswith("✓")
    iface = QAccessible.queryAccessibleInterface(button)
    assert iface.state().checked
    before = w.grab().toImage().pixelColor(5, 5).lightness()
    assert before < 60  # the header really is dark now


def test_reset_turns_high_contrast_off_in_kiosk(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"), Mode.KIOSK)
    qtbot.mouseClick(w.display_tools.contrast_button, Qt.MouseButton.LeftButton)
    assert w.theme.name == "high-contrast"
    with qtbot.waitSignal(w.sessionReset):
        w.start_over()
    assert w.theme.name == "standard"
    assert not w.display_tools.contrast_button.isChecked()
    assert w.display_tools.contrast_button.text() == "High contrast"


def test_every_control_in_the_window_has_a_name(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"), Mode.COUNSELLOR)
    unnamed = [
        c.objectName() or type(c).__name__
        for c in controls(w)
        if not QAccessible.queryAccessibleInterface(c).text(QAccessible.Text.Name)
    ]
    assert not unnamed
    assert isinstance(QApplication.focusWidget(), QWidget)
