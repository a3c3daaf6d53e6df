"""The accessibility audit on every step of the real guide, in every mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.settle import settle_layouts
from tests.helpers import counsellor_tools, display_tools, make_window
from tests.helpers.a11y_audit import AuditReport, audit, controls, tab_cycle
from tests.helpers.kiosk import make_kiosk

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


def _audit_states(window, label: str) -> AuditReport:  # type: ignore[no-untyped-def]
    report = AuditReport()
    for where, keyboard_roots in _states(window):
        report.extend(
            audit(
                window,
                f"{label}/{where}",
                window.policy.touch_target_px,
                keyboard_roots=keyboard_roots,
            )
        )
    return report


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_every_step_passes_the_audit(qtbot, mode: Mode, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, content_dir("en"), mode)
    qtbot.waitUntil(lambda: display_tools(w).read_aloud._probed, timeout=5000)
    report = _audit_states(w, mode.value)
    assert report.controls_checked > 50
    assert not report.findings, "\n".join(map(str, report.findings))


@pytest.mark.parametrize("variant", ["high-contrast", "200%"])
def test_every_step_passes_the_audit_in_high_contrast_and_at_200_percent(
    qtbot, variant: str, monkeypatch
) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, content_dir("en"))
    qtbot.waitUntil(lambda: display_tools(w).read_aloud._probed, timeout=5000)
    if variant == "high-contrast":
        qtbot.mouseClick(w.display_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(display_tools(w).contrast_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.display_menu.done_button, Qt.MouseButton.LeftButton)
        assert w.theme.name == "high-contrast"
    else:
        w.set_text_scale(200)
        qtbot.waitUntil(lambda: w.next_button.width() >= w.next_button.sizeHint().width())
    report = _audit_states(w, variant)
    assert report.controls_checked > 50
    assert not report.findings, "\n".join(map(str, report.findings))


@pytest.mark.parametrize("scale", [100, 200])
def test_kiosk_screens_pass_the_audit(qtbot, scale: int, monkeypatch) -> None:
    """The welcome screen, the idle warning and the staff panel, in both states it opens in:
    the PIN pad, and (no PIN set up) the single way back to the guide."""
    from decisionaid.core.staff_gate import StaffGate
    from decisionaid.core.staff_pin import hash_pin

    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    w, kiosk = make_kiosk(qtbot, content_dir("en"), idle_warning_seconds=60)
    target = w.policy.touch_target_px
    w.set_text_scale(scale)
    report = AuditReport()
    kiosk.show_welcome()
    qtbot.waitUntil(lambda: kiosk.welcome.start_button.hasFocus())
    report.extend(audit(w, f"kiosk {scale}%/welcome", target))
    kiosk.start_reading()
    kiosk._on_idle()  # as if the reader had left; the warning counts down from 60 seconds
    qtbot.waitUntil(lambda: kiosk.warning.still_here.hasFocus())
    report.extend(audit(w, f"kiosk {scale}%/idle warning", target))
    kiosk.warning.extend()
    assert not kiosk.warning.isVisible()
    kiosk.open_staff_panel()  # the default configuration has no PIN: one button back
    qtbot.waitUntil(lambda: kiosk.staff.isVisible())
    assert kiosk.staff.current_page is kiosk.staff.unavailable_page
    w.findChild(QPushButton, "staffBackUnavailable").setFocus(Qt.FocusReason.OtherFocusReason)
    report.extend(audit(w, f"kiosk {scale}%/staff panel without a PIN", target))
    kiosk.close_staff_panel()
    kiosk.gate = kiosk.staff.gate = StaffGate(hash_pin("2468", iterations=100_000))
    kiosk.open_staff_panel()
    qtbot.waitUntil(lambda: kiosk.staff.digit_buttons["1"].hasFocus())
    report.extend(audit(w, f"kiosk {scale}%/staff PIN pad", target))
    assert report.controls_checked > 15
    assert not report.findings, "\n".join(map(str, report.findings))


@pytest.mark.parametrize("scale", [100, 200])
def test_counsellor_index_and_presenter_view_pass_the_audit(qtbot, scale: int, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    w = make_window(qtbot, content_dir("en"), Mode.COUNSELLOR)
    tools = counsellor_tools(w)
    target = w.policy.touch_target_px
    w.set_text_scale(scale)
    settle_layouts()  # the index is laid over the page where the page is when it opens
    report = AuditReport()
    tools.open_index()
    qtbot.waitUntil(lambda: tools.index.tiles[0].hasFocus())
    # The index lies over the page: Tab stays among the header, the index and the footer.
    roots = [w.header, tools.index, w.findChild(QWidget, "footer")]
    report.extend(audit(w, f"counsellor {scale}%/index", target, keyboard_roots=roots))
    tools.index.close_index()
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    qtbot.waitExposed(presenter)
    presenter.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presenter)
    presenter.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
    report.extend(audit(presenter, f"counsellor {scale}%/presenter view", target))
    assert report.controls_checked > 20
    assert not report.findings, "\n".join(map(str, report.findings))


def test_tab_order_follows_the_header_as_it_reads(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    w = make_window(qtbot, content_dir("en"))
    w.display_button.setFocus(Qt.FocusReason.TabFocusReason)
    order, closed = tab_cycle(w)
    assert closed
    names = [x.objectName() for x in order]
    header = ["displayButton", "helpButton"]
    assert [n for n in names if n in header] == header
    # The Display menu reads top to bottom, and Tab stays in it and the header while it is open.
    qtbot.keyClick(w.display_button, Qt.Key.Key_Return)
    assert w.display_menu.isVisible() and w.larger_button.hasFocus()  # A− is off at 100%
    order, closed = tab_cycle(w)
    assert closed
    names = [x.objectName() for x in order]
    menu = ["largerText", "contentsButton", "highContrast", "displayDone"]
    expected = [*menu, "displayButton", "helpButton"]
    assert [n for n in names if n in expected] == expected
    assert not any(w.footer.isAncestorOf(x) or w.body.isAncestorOf(x) for x in order)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not w.display_menu.isVisible() and w.display_button.hasFocus()


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
    button = display_tools(w).contrast_button
    assert button.text() == "☐ High contrast"
    qtbot.mouseClick(w.display_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.theme.name == "high-contrast"
    assert button.text().startswith("☑")
    iface = QAccessible.queryAccessibleInterface(button)
    assert iface.state().checked
    before = w.grab().toImage().pixelColor(5, 5).lightness()
    assert before < 60  # the header really is dark now


def test_reset_turns_high_contrast_off_in_kiosk(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"), Mode.KIOSK)
    qtbot.mouseClick(w.display_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(display_tools(w).contrast_button, Qt.MouseButton.LeftButton)
    assert w.theme.name == "high-contrast"
    with qtbot.waitSignal(w.sessionReset):
        w.start_over()
    assert w.theme.name == "standard"
    assert not display_tools(w).contrast_button.isChecked()
    assert display_tools(w).contrast_button.text() == "☐ High contrast"
    assert not w.display_menu.isVisible()


def test_every_control_in_the_window_has_a_name(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"), Mode.COUNSELLOR)
    unnamed = [
        c.objectName() or type(c).__name__
        for c in controls(w)
        if not QAccessible.queryAccessibleInterface(c).text(QAccessible.Text.Name)
    ]
    assert not unnamed
    assert isinstance(QApplication.focusWidget(), QWidget)
