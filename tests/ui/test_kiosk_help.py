"""Help on a kiosk: open help holds the idle reset off for a while, never for ever; the warning
that then comes keeps the crisis lines on screen; "Get help now" is on the warning too; and the
panel covers the page, with its numbers in large type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from decisionaid.app import Options, build_parts
from decisionaid.core.config import Config
from decisionaid.core.policy import Mode
from tests.helpers import APP_CONTENT, FIXTURE_CONTENT, make_window
from tests.helpers.kiosk import make_kiosk


def test_help_left_open_ends_in_the_warning_over_it_then_the_reset(qtbot) -> None:
    window, kiosk = make_kiosk(
        qtbot, idle_timeout_seconds=1, idle_warning_seconds=1, help_idle_timeout_seconds=3
    )
    kiosk.start_reading()
    window.go_to(2)
    window.set_text_scale(150)
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    assert window.help_panel.isVisible()
    # Longer than the usual quiet time: someone reading crisis lines is not idle...
    with qtbot.assertNotEmitted(kiosk.watcher.idle, wait=1800):
        pass
    # ...but help left open on an empty kiosk does not keep the last reader's answers.
    qtbot.waitUntil(kiosk.warning.isVisible, timeout=4000)
    warning = kiosk.warning
    assert warning.crisis_lines is not None and warning.crisis_lines.isVisible()
    said = warning.crisis_lines.text_for_reading()
    assert "Call or text 988" in said and "Call 911" in said
    assert "help numbers are below" in warning.body.text()
    assert not window.help_panel.isVisible(), "the warning, not the panel, holds the numbers now"
    assert window.help_button.isVisible(), "Get help now stays in its place"
    with qtbot.waitSignal(window.sessionReset, timeout=3000):
        pass
    assert window.session.is_empty()
    assert kiosk.welcome.isVisible()
    assert not window.help_panel.isVisible()


def test_im_still_here_over_help_brings_the_help_back(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, idle_warning_seconds=20, help_idle_timeout_seconds=300)
    kiosk.start_reading()
    window.go_to(1)
    window.toggle_help()
    kiosk.watcher.idle.emit()  # the help time ran out
    assert kiosk.warning.isVisible() and kiosk.warning.over_help
    qtbot.mouseClick(kiosk.warning.still_here, Qt.MouseButton.LeftButton)
    assert not kiosk.warning.isVisible()
    assert window.help_panel.isVisible()
    assert window.help_panel.close_button.hasFocus()
    assert kiosk.watcher.held and kiosk.watcher.current_timeout_ms == 300_000
    # Help closed: the usual quiet time again, and a plain warning next time.
    window.help_panel.hide_panel()
    assert not kiosk.watcher.held
    kiosk.watcher.idle.emit()
    assert kiosk.warning.isVisible() and not kiosk.warning.over_help
    assert not kiosk.warning.crisis_lines.isVisible()  # type: ignore[union-attr]
    kiosk.warning.extend()


def test_get_help_now_on_the_idle_warning_opens_help_and_keeps_the_reader(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, idle_timeout_seconds=1, idle_warning_seconds=20)
    kiosk.start_reading()
    window.go_to(2)
    qtbot.waitUntil(kiosk.warning.isVisible, timeout=3000)
    assert window.help_button.isVisible()
    assert window.help_button.mapTo(window, window.help_button.rect().topLeft()).y() < (
        kiosk.warning.mapTo(window, kiosk.warning.rect().topLeft()).y()
    ), "in the header, above the warning, where it always is"
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    assert not kiosk.warning.isVisible() and not kiosk.warning.running
    assert window.help_panel.isVisible()
    assert window.help_panel.close_button.hasFocus()
    assert window.current_index == 2 and not kiosk.welcome.isVisible()


def test_kiosk_help_covers_the_page_and_personal_help_sits_beside_it(qtbot) -> None:
    kiosk_window, _kiosk = make_kiosk(qtbot)
    personal = make_window(qtbot, FIXTURE_CONTENT)
    for window, full in ((kiosk_window, True), (personal, False)):
        window.resize(1920, 1080)
        window.toggle_help()
        qtbot.waitUntil(window.help_panel.isVisible)
        panel = window.help_panel.geometry()
        central = window.centralWidget().width()
        assert (panel.width() >= central - 2 * 24) is full, (full, panel, central)


def test_help_opened_on_or_just_after_the_welcome_screen_starts_under_the_header(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot)
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: window.centralWidget().height() > 1800)
    header_bottom = window.header.geometry().bottom()
    window.toggle_help()  # on the welcome screen: no page under it to line up with
    assert 0 < window.help_panel.y() - header_bottom <= 16
    window.toggle_help()
    kiosk.start_reading()
    window.toggle_help()  # at once, before the page shown again has been laid out
    page_top = window.body.geometry().top()
    assert page_top > header_bottom
    assert window.help_panel.y() == page_top + 8, "lined up with the page, not where it was"


def test_crisis_numbers_are_large_on_a_kiosk(qtbot) -> None:
    kiosk_window, _kiosk = make_kiosk(qtbot)
    personal = make_window(qtbot, FIXTURE_CONTENT)
    sizes = {}
    for name, window in (("kiosk", kiosk_window), ("personal", personal)):
        window.toggle_help()
        labels = window.help_panel.lines.findChildren(QLabel)
        action = next(label for label in labels if label.objectName() == "crisisAction")
        words = labels[-1]
        for label in (action, words):
            label.ensurePolished()
        sizes[name] = (action.fontInfo().pixelSize(), words.fontInfo().pixelSize())
    kiosk_number, kiosk_words = sizes["kiosk"]
    assert kiosk_number >= 1.5 * kiosk_words
    assert kiosk_number > sizes["personal"][0]


def test_the_help_time_is_a_clinic_setting_ten_minutes_unless_set(tmp_path, qtbot) -> None:
    assert Config().help_idle_timeout_seconds == 600
    assert (
        build_parts(Options(kiosk=True, content=APP_CONTENT)).policy.help_idle_timeout_seconds
        == 600
    )
    config = tmp_path / "clinic.toml"
    config.write_text("[kiosk]\nhelp_idle_timeout_seconds = 240\n", encoding="utf-8")
    argv = ["--kiosk", "--config", str(config), "--content", str(FIXTURE_CONTENT)]
    window, kiosk = make_kiosk(qtbot, argv=argv)
    assert window.config.staff_notices == []
    kiosk.start_reading()
    window.toggle_help()
    assert kiosk.watcher.current_timeout_ms == 240_000
    window.toggle_help()
    assert kiosk.watcher.current_timeout_ms == window.policy.idle_timeout_seconds * 1000
    assert window.policy.mode is Mode.KIOSK
