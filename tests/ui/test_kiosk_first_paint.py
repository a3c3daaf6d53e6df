"""The kiosk's first screen comes first: what it does not show is made after its first paint,
yet everything a reader or staff can reach works from the first frame."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from decisionaid.app import AppParts, Options, build_app, build_parts, show_window
from decisionaid.core.policy import Mode, policy_for
from decisionaid.ui.kiosk.idle_warning import IdleWarning
from decisionaid.ui.kiosk.staff_exit import StaffPanel
from tests.helpers import FIXTURE_CONTENT


def _parts(config: Path | None = None, **policy: object) -> AppParts:
    parts = build_parts(Options(content=FIXTURE_CONTENT, config=config, kiosk=True))
    if policy:
        parts.policy = policy_for(Mode.KIOSK, **policy)
    return parts


def _start(qtbot, parts: AppParts, at_first_frame=None):  # type: ignore[no-untyped-def]
    """A kiosk shown the way the app shows one: not shown before, full screen, frameless."""
    app = build_app(parts)
    window, kiosk = app.window, app.kiosk
    assert kiosk is not None
    qtbot.addWidget(window, before_close_func=lambda _window: kiosk.stand_down())
    if at_first_frame is not None:
        window.firstFrame.connect(lambda: at_first_frame(window, kiosk))
    with qtbot.waitSignal(window.firstPaint, timeout=10_000):
        show_window(window, parts.policy)
    return window, kiosk


def test_the_first_frame_has_the_welcome_and_not_the_screens_nobody_sees_yet(qtbot) -> None:
    seen: dict[str, object] = {}

    def at_first_frame(window, kiosk) -> None:  # type: ignore[no-untyped-def]
        seen["welcome"] = kiosk.welcome.isVisible()
        seen["warnings"] = len(window.findChildren(IdleWarning))
        seen["staff panels"] = len(window.findChildren(StaffPanel))
        # What the window system was asked for: no title bar, so no close button.
        seen["frameless"] = bool(window.windowHandle().flags() & Qt.WindowType.FramelessWindowHint)

    window, kiosk = _start(qtbot, _parts(), at_first_frame)
    assert seen == {"welcome": True, "warnings": 0, "staff panels": 0, "frameless": True}
    # Made just after the paint, while the reader reads the welcome; and the widget's own note
    # of its flags now agrees with the window system.
    qtbot.waitUntil(
        lambda: (
            len(window.findChildren(IdleWarning)) == 1 and len(window.findChildren(StaffPanel)) == 1
        )
    )
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not kiosk.warning.isVisible() and not kiosk.staff.isVisible()
    assert kiosk.welcome.isVisible()


def test_lockdown_and_the_staff_gesture_work_from_the_first_frame(qtbot) -> None:
    seen: dict[str, object] = {}

    def at_first_frame(window, kiosk) -> None:  # type: ignore[no-untyped-def]
        # A right-click on the first frame opens no menu: the app-wide filter is in place.
        title = window.title_label
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), title.mapToGlobal(QPoint(5, 5))
        )
        QApplication.sendEvent(title, event)
        seen["menu blocked"] = event.isAccepted() is False
        # The long press, at once: the PIN pad is made there and then.
        kiosk.long_press.triggered.emit()
        seen["staff showing"] = kiosk.screens.is_showing(kiosk.staff)

    window, _kiosk = _start(qtbot, _parts(), at_first_frame)
    assert seen == {"menu blocked": True, "staff showing": True}
    assert QApplication.activePopupWidget() is None
    assert window.close() is False  # closing is refused without the PIN
    assert len(window.findChildren(StaffPanel)) == 1  # the deferred build made no second one


def test_the_idle_warning_comes_on_time_right_after_the_start(qtbot) -> None:
    window, kiosk = _start(qtbot, _parts(idle_timeout_seconds=1, idle_warning_seconds=1))
    assert kiosk.watcher.counting  # from the first frame
    qtbot.mouseClick(kiosk.welcome.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=3000)
    assert kiosk.warning.countdown.text() == "Clearing in 1 second"
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass
    assert kiosk.welcome.isVisible()


def test_help_opened_on_the_first_frame_keeps_the_kiosk_from_clearing_too_soon(qtbot) -> None:
    # "Get help now" before the deferred screens exist: the idle count hears it all the same.
    window, kiosk = _start(
        qtbot,
        _parts(idle_timeout_seconds=1, help_idle_timeout_seconds=60),
        lambda window, _kiosk: window.toggle_help(),
    )
    assert window.help_panel.isVisible()
    assert kiosk.watcher.held
    assert kiosk.watcher.current_timeout_ms == 60_000


def test_screens_made_after_the_start_open_no_window_of_their_own(qtbot, tmp_path: Path) -> None:
    # A configuration problem puts a notice on the staff panel: made once the kiosk is on
    # screen, none of it may show as a separate window or take the focus from the kiosk.
    config = tmp_path / "clinic.toml"
    config.write_text('[kiosk]\nstaff_pin_hash = "2468"\n', encoding="utf-8")
    window, kiosk = _start(qtbot, _parts(config))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: len(window.findChildren(StaffPanel)) == 1)
    assert kiosk.staff.notices_box.isVisibleTo(kiosk.staff)
    others = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]
    assert others == []
    assert QApplication.activeWindow() is window


def test_the_first_step_is_built_behind_the_welcome_after_the_paint_without_a_word(
    qtbot,
) -> None:
    seen: dict[str, object] = {}

    def at_first_frame(window, kiosk) -> None:  # type: ignore[no-untyped-def]
        seen["step built"] = window.current_widget() is not None

    window, kiosk = _start(qtbot, _parts(), at_first_frame)
    assert seen == {"step built": False}
    announced: list[int] = []
    window.stepChanged.connect(announced.append)
    qtbot.waitUntil(lambda: window.current_widget() is not None)
    # Built quietly: the welcome stays, Start keeps the focus, nothing is announced.
    assert kiosk.screens.is_showing(kiosk.welcome) and kiosk.welcome.isVisible()
    assert kiosk.welcome.start_button.hasFocus()
    assert announced == []
    assert window.windowTitle().startswith(window.guide.steps[0].title)
    # Start shows it at once, announced as any step is.
    qtbot.mouseClick(kiosk.welcome.start_button, Qt.MouseButton.LeftButton)
    assert announced == [0]
    assert not kiosk.welcome.isVisible() and window.current_widget().isVisible()


def test_start_before_the_step_is_built_shows_it_all_the_same(qtbot) -> None:
    # Start tapped on the first frame, before the turn that builds the step behind the welcome.
    window, kiosk = _start(
        qtbot, _parts(), lambda _window, kiosk: kiosk.welcome.start_button.click()
    )
    assert not kiosk.welcome.isVisible()
    widget = window.current_widget()
    assert widget is not None and widget.isVisible()
    assert window.progress_row.step_title.text() == window.guide.steps[0].title
