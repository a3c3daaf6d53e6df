"""Idle reset: the watcher counts every kind of input, warns, extends on a tap, and resets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QEventPoint, QPointingDevice, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from decisionaid.ui.kiosk.idle_watcher import IdleWatcher
from tests.helpers.kiosk import make_kiosk


def _touch(widget) -> None:  # type: ignore[no-untyped-def]
    device = QPointingDevice.primaryPointingDevice()
    point = QEventPoint(1, QEventPoint.State.Pressed, QPointF(5, 5), QPointF(5, 5))
    event = QTouchEvent(
        QTouchEvent.Type.TouchBegin, device, Qt.KeyboardModifier.NoModifier, [point]
    )
    QApplication.sendEvent(widget, event)


def _wheel(widget) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(5, 5),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_watcher_reports_idle_after_the_timeout(qtbot) -> None:
    watcher = IdleWatcher(50)
    watcher.start()
    try:
        with qtbot.waitSignal(watcher.idle, timeout=2000):
            pass
    finally:
        watcher.stop()


def test_keys_mouse_wheel_and_touch_each_postpone_idle_and_reach_their_widget(qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    watcher = IdleWatcher(300)
    watcher.start()
    actions = [
        lambda: qtbot.keyClick(edit, Qt.Key.Key_A),
        lambda: qtbot.mouseClick(edit, Qt.MouseButton.LeftButton),
        lambda: _wheel(edit),
        lambda: _touch(edit),
    ] * 3
    poke = QTimer()
    poke.setInterval(100)
    poke.timeout.connect(lambda: actions.pop(0)() if actions else poke.stop())
    try:
        poke.start()
        # Twelve pokes 100 ms apart: 1.2 s of activity against a 300 ms timeout.
        with qtbot.assertNotEmitted(watcher.idle, wait=1100):
            pass
        assert edit.text() == "aaa"  # the filter never swallowed the keys
        with qtbot.waitSignal(watcher.idle, timeout=2000):
            pass
    finally:
        poke.stop()
        watcher.stop()


def test_a_paused_watcher_stays_quiet_until_resumed(qtbot) -> None:
    watcher = IdleWatcher(50)
    watcher.start()
    try:
        watcher.pause("help")
        with qtbot.assertNotEmitted(watcher.idle, wait=200):
            pass
        with qtbot.waitSignal(watcher.idle, timeout=2000):
            watcher.resume("help")
    finally:
        watcher.stop()


def test_left_alone_the_kiosk_warns_then_wipes_everything_and_welcomes(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, idle_timeout_seconds=1, idle_warning_seconds=1)
    assert kiosk.watcher.timeout_ms == 1000
    qtbot.mouseClick(kiosk.welcome.start_button, Qt.MouseButton.LeftButton)
    window.go_to(2)
    window.set_text_scale(150)
    qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=3000)
    assert not window.body.isVisible()  # nothing of the reader's shows behind the warning
    assert kiosk.warning.countdown.text() == "Clearing in 1 second"
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass
    assert kiosk.welcome.isVisible()
    assert not kiosk.warning.isVisible()
    assert window.session.is_empty()
    assert window.current_index == 0


def test_the_warning_counts_down_visibly(qtbot) -> None:
    _window, kiosk = make_kiosk(qtbot, idle_timeout_seconds=1, idle_warning_seconds=20)
    kiosk.start_reading()
    qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=3000)
    assert kiosk.warning.countdown.text() == "Clearing in 20 seconds"
    qtbot.waitUntil(
        lambda: kiosk.warning.countdown.text() == "Clearing in 19 seconds", timeout=3000
    )
    assert kiosk.warning.still_here.hasFocus()
    assert kiosk.warning.still_here.height() >= 72


def test_one_tap_extends_as_many_times_as_wanted(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, idle_warning_seconds=20)
    kiosk.watcher.set_timeout_ms(30)  # the flow, not the wait, is under test here
    kiosk.start_reading()
    window.go_to(2)
    for round_ in range(12):
        qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=3000)
        if round_ % 2:
            qtbot.mouseClick(kiosk.warning, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        else:
            qtbot.mouseClick(kiosk.warning.still_here, Qt.MouseButton.LeftButton)
        assert not kiosk.warning.isVisible()
        assert window.body.isVisible()
        assert window.current_index == 2
        assert not kiosk.welcome.isVisible()


def test_start_over_now_resets_at_once(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, idle_timeout_seconds=1, idle_warning_seconds=20)
    kiosk.start_reading()
    window.go_to(1)
    qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=3000)
    with qtbot.waitSignal(window.sessionReset, timeout=1000):
        qtbot.mouseClick(kiosk.warning.start_over, Qt.MouseButton.LeftButton)
    assert kiosk.welcome.isVisible()
    assert window.current_index == 0


def test_the_timer_pauses_while_help_is_open(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, idle_timeout_seconds=1, idle_warning_seconds=20)
    kiosk.start_reading()
    window.toggle_help()
    assert window.help_panel.isVisible()
    with qtbot.assertNotEmitted(kiosk.watcher.idle, wait=1600):
        pass
    assert not kiosk.warning.isVisible()
    window.help_panel.hide_panel()
    qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=3000)


def test_an_untouched_welcome_screen_does_not_nag(qtbot) -> None:
    _window, kiosk = make_kiosk(qtbot, idle_timeout_seconds=1, idle_warning_seconds=20)
    with qtbot.waitSignal(kiosk.watcher.idle, timeout=3000):
        pass
    assert not kiosk.warning.isVisible()
    assert kiosk.welcome.isVisible()


def test_text_size_changed_on_the_welcome_screen_is_undone_when_left(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, idle_timeout_seconds=1, idle_warning_seconds=20)
    window.set_text_scale(200)
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass
    assert window.session.state.text_scale == 100
    assert kiosk.welcome.isVisible()


def test_a_clinic_config_file_sets_the_idle_timeout_and_the_warning_countdown(
    qtbot, tmp_path
) -> None:
    from tests.helpers import FIXTURE_CONTENT

    config = tmp_path / "clinic.toml"
    config.write_text(
        "[kiosk]\nidle_timeout_seconds = 30\nidle_warning_seconds = 20\n", encoding="utf-8"
    )
    argv = ["--kiosk", "--config", str(config), "--content", str(FIXTURE_CONTENT)]
    window, kiosk = make_kiosk(qtbot, argv=argv)
    assert window.config.staff_notices == [], "both values are within the clinic limits"
    assert window.policy.idle_timeout_seconds == 30
    assert kiosk.watcher.timeout_ms == 30_000
    kiosk.start_reading()
    window.go_to(1)
    assert kiosk.watcher.counting
    # No real waiting: the watcher's timeout is what fires after 30 quiet seconds.
    kiosk.watcher.idle.emit()
    assert kiosk.warning.isVisible()
    assert kiosk.warning.countdown.text() == "Clearing in 20 seconds"
    # Each tick of the one-second timer takes one second off, down to the reset.
    tick = kiosk.warning._tick
    assert tick.interval() == 1000
    for left in range(19, 0, -1):
        tick.timeout.emit()
        unit = "second" if left == 1 else "seconds"
        assert kiosk.warning.countdown.text() == f"Clearing in {left} {unit}"
    with qtbot.waitSignal(window.sessionReset, timeout=1000):
        tick.timeout.emit()
    assert kiosk.welcome.isVisible()
    assert not kiosk.warning.isVisible()
