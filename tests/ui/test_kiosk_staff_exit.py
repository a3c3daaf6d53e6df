"""The staff way out: a five-second press, a PIN pad, and a lock-out after wrong PINs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from decisionaid.core.staff_gate import PinResult, StaffGate
from decisionaid.core.staff_pin import hash_pin
from decisionaid.ui.kiosk.long_press import HOLD_MS
from tests.helpers.kiosk import make_kiosk

PIN = "2468"


@pytest.fixture
def pin_config(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(
        f'[kiosk]\nstaff_pin_hash = "{hash_pin(PIN, iterations=100_000)}"\n', encoding="utf-8"
    )
    return path


def _tap_pin(qtbot, kiosk, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        qtbot.mouseClick(kiosk.staff.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.staff.ok_button, Qt.MouseButton.LeftButton)


def test_a_five_second_press_on_the_title_opens_the_pin_pad(qtbot, pin_config: Path) -> None:
    window, kiosk = make_kiosk(qtbot, config=pin_config)
    assert kiosk.long_press.hold_ms == HOLD_MS == 5000
    kiosk.long_press.set_hold_ms(150)  # the same gesture, quicker, so the test stays fast
    qtbot.mousePress(window.title_label, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.staff.isVisible, timeout=2000)
    qtbot.mouseRelease(window.title_label, Qt.MouseButton.LeftButton)
    assert kiosk.staff.digit_buttons["1"].isVisible()
    assert not window.body.isVisible()


def test_a_short_tap_on_the_title_does_nothing(qtbot, pin_config: Path) -> None:
    window, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.long_press.set_hold_ms(150)
    with qtbot.assertNotEmitted(kiosk.long_press.triggered, wait=400):
        qtbot.mouseClick(window.title_label, Qt.MouseButton.LeftButton)
    assert not kiosk.staff.isVisible()


def test_the_right_pin_lets_staff_close_the_app(qtbot, pin_config: Path) -> None:
    window, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.open_staff_panel()
    _tap_pin(qtbot, kiosk, PIN)
    assert kiosk.staff.exit_button.isVisible()
    assert window.isVisible()
    qtbot.mouseClick(kiosk.staff.exit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_back_to_the_guide_returns_where_the_reader_was(qtbot, pin_config: Path) -> None:
    window, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.start_reading()
    window.go_to(2)
    kiosk.open_staff_panel()
    qtbot.mouseClick(kiosk.staff.cancel_button, Qt.MouseButton.LeftButton)
    assert not kiosk.staff.isVisible()
    assert window.body.isVisible()
    assert window.current_index == 2


def test_a_wrong_pin_says_so_and_keeps_the_kiosk(qtbot, pin_config: Path) -> None:
    window, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.open_staff_panel()
    _tap_pin(qtbot, kiosk, "1111")
    assert kiosk.staff.message.text() == "That PIN is not right. 4 tries left."
    assert not kiosk.staff.exit_button.isVisible()
    assert kiosk.staff.pin_display.accessibleName() == "0 digits entered"
    assert window.close() is False


def test_five_wrong_pins_lock_the_gesture_even_across_resets(qtbot, pin_config: Path) -> None:
    now = [1000.0]
    window, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.gate = kiosk.staff.gate = StaffGate(window.config.staff_pin_hash, clock=lambda: now[0])
    kiosk.open_staff_panel()
    for _ in range(5):
        _tap_pin(qtbot, kiosk, "0000")
    assert "locked for 5 minutes" in kiosk.staff.message.text()
    assert not kiosk.staff.ok_button.isEnabled()
    kiosk.full_reset()  # the reader walks away; the lock must survive
    assert not kiosk.staff.isVisible()
    kiosk.open_staff_panel()
    assert not kiosk.staff.isVisible()  # the gesture does nothing while locked
    assert kiosk.gate.try_pin(PIN) is PinResult.LOCKED  # not even the right PIN
    now[0] += 301
    kiosk.open_staff_panel()
    assert kiosk.staff.isVisible()
    _tap_pin(qtbot, kiosk, PIN)
    assert kiosk.staff.exit_button.isVisible()


def test_without_a_valid_pin_hash_staff_are_told_how_to_set_one(qtbot, tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('[kiosk]\nstaff_pin_hash = "2468"\n', encoding="utf-8")
    window, kiosk = make_kiosk(qtbot, config=config)
    kiosk.open_staff_panel()
    assert kiosk.staff.unavailable_page.isVisible()
    assert not kiosk.staff.pad_page.isVisible()
    assert "staff_pin_hash" in kiosk.staff.notices_label.text()
    assert window.close() is False


def test_an_idle_reset_closes_the_staff_panel(qtbot, pin_config: Path) -> None:
    _window, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.open_staff_panel()
    kiosk.staff.add_digit("2")
    kiosk.full_reset()
    assert not kiosk.staff.isVisible()
    assert kiosk.welcome.isVisible()
    kiosk.open_staff_panel()
    assert kiosk.staff.pin_display.accessibleName() == "0 digits entered"


def test_staff_can_type_the_pin_on_a_keyboard(qtbot, pin_config: Path) -> None:
    _, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.open_staff_panel()
    for digit in PIN:
        qtbot.keyClick(kiosk.staff.digit_buttons["1"], digit)
    assert kiosk.staff.pin_display.accessibleName() == "4 digits entered"


def test_gate_rules_without_qt() -> None:
    now = [0.0]
    gate = StaffGate(hash_pin(PIN, iterations=100_000), max_wrong=2, clock=lambda: now[0])
    assert gate.try_pin("1") is PinResult.WRONG
    assert gate.tries_left == 1
    assert gate.try_pin("1") is PinResult.LOCKED
    assert gate.seconds_locked() == 300
    now[0] = 300.5
    assert gate.try_pin(PIN) is PinResult.ACCEPTED
    assert StaffGate("not a hash").try_pin(PIN) is PinResult.UNAVAILABLE
