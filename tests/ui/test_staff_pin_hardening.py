"""The staff PIN: logged without its digits, a back-off that grows, six ASCII digits, Enter
checks it, and a hash that would freeze the pad is refused with a notice."""

from __future__ import annotations

import base64
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from decisionaid.core.config import load_config
from decisionaid.core.staff_gate import LOCKOUT_SECONDS, MAX_LOCKOUT_SECONDS, PinResult, StaffGate
from decisionaid.core.staff_pin import hash_pin
from tests.helpers.kiosk import make_kiosk

PIN = "246813"
WRONG = "135790"


def _kiosk_config(folder: Path, stored_hash: str) -> Path:
    path = folder / "clinic.toml"
    path.write_text(f'[kiosk]\nstaff_pin_hash = "{stored_hash}"\n', encoding="utf-8")
    return path


@pytest.fixture
def pin_config(tmp_path: Path) -> Path:
    return _kiosk_config(tmp_path, hash_pin(PIN, iterations=100_000))


def _type_pin(qtbot, kiosk, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Digits on the pad, without pressing OK."""
    buttons = kiosk.staff.digit_buttons
    for digit in pin:
        qtbot.mouseClick(buttons[digit], Qt.MouseButton.LeftButton)


def test_wrong_pins_lockouts_and_staff_exit_are_logged_without_the_digits(
    qtbot, pin_config: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="decisionaid")
    window, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.open_staff_panel()
    for _ in range(5):
        _type_pin(qtbot, kiosk, WRONG)
        qtbot.mouseClick(kiosk.staff.ok_button, Qt.MouseButton.LeftButton)
    log = caplog.text
    assert "staff PIN wrong (1 of 5 tries)" in log
    assert "staff PIN wrong (4 of 5 tries)" in log
    assert f"staff exit locked for {LOCKOUT_SECONDS} s" in log
    qtbot.mouseClick(kiosk.staff.cancel_button, Qt.MouseButton.LeftButton)
    kiosk.gate = kiosk.staff.gate = StaffGate(window.config.staff_pin_hash)  # a later day
    kiosk.open_staff_panel()
    assert kiosk.staff.ok_button.isEnabled()
    _type_pin(qtbot, kiosk, PIN)
    qtbot.mouseClick(kiosk.staff.ok_button, Qt.MouseButton.LeftButton)
    assert kiosk.staff.exit_button.isVisible()
    qtbot.mouseClick(kiosk.staff.exit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    log = caplog.text
    assert "staff PIN accepted" in log
    assert "staff closed the guide" in log
    for secret in (PIN, WRONG):
        assert secret not in log


def test_each_lockout_in_a_row_lasts_twice_as_long_until_the_right_pin() -> None:
    now = [0.0]
    gate = StaffGate(hash_pin(PIN, iterations=100_000), clock=lambda: now[0])

    def lock_out() -> int:
        for _ in range(4):
            assert gate.try_pin(WRONG) is PinResult.WRONG
        assert gate.try_pin(WRONG) is PinResult.LOCKED
        seconds = gate.seconds_locked()
        now[0] += seconds + 1
        return seconds

    assert [lock_out() for _ in range(4)] == [300, 600, 1200, 2400]
    for _ in range(4):
        lock_out()
    assert lock_out() == MAX_LOCKOUT_SECONDS
    assert gate.try_pin(PIN) is PinResult.ACCEPTED
    assert lock_out() == LOCKOUT_SECONDS  # the right PIN starts the count again


@pytest.mark.parametrize(
    ("pin", "accepted"),
    [
        ("2468", False),  # too short
        ("24681", False),
        ("246813", True),
        ("¹²³⁴⁵⁶", False),  # superscript digits: str.isdigit() says yes, the pad has none
        ("١٢٣٤٥٦", False),  # Arabic-Indic digits
        ("２４６８１３", False),  # full-width digits
        ("24681a", False),
    ],
)
def test_hash_pin_takes_six_or_more_ascii_digits_only(pin: str, accepted: bool) -> None:
    try:
        result = subprocess.run(
            [sys.executable, "-m", "decisionaid", "hash-pin"],
            input=pin + "\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("hash-pin did not finish")
    assert (result.returncode == 0) is accepted, result.stderr
    if accepted:
        assert result.stdout.startswith('staff_pin_hash = "pbkdf2_sha256$')
    else:
        assert "at least 6 digits, 0 to 9 only" in result.stderr


def test_enter_on_the_pad_checks_the_pin_instead_of_adding_a_digit(qtbot, pin_config: Path) -> None:
    _, kiosk = make_kiosk(qtbot, config=pin_config)
    kiosk.open_staff_panel()
    focused = kiosk.staff.digit_buttons["1"]
    assert focused.hasFocus()
    for digit in WRONG:
        qtbot.keyClick(focused, digit)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert kiosk.staff.message.text() == "That PIN is not right. 4 tries left."
    assert kiosk.staff.pin_display.accessibleName() == "0 digits entered"
    for digit in PIN:
        qtbot.keyClick(focused, digit)
    qtbot.keyClick(focused, Qt.Key.Key_Enter)
    assert kiosk.staff.exit_button.isVisible()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.mark.parametrize(
    ("stored", "reason"),
    [
        (f"pbkdf2_sha256$10000000000000${_b64(b's' * 16)}${_b64(b'd' * 32)}", "iteration count"),
        (f"pbkdf2_sha256$600000${_b64(b's' * 16)}$", "digest is 0 bytes"),
        (f"pbkdf2_sha256$600000$${_b64(b'd' * 32)}", "salt is shorter"),
    ],
)
def test_a_hash_with_absurd_parameters_is_refused_with_a_notice(
    qtbot, tmp_path: Path, stored: str, reason: str
) -> None:
    config = _kiosk_config(tmp_path, stored)
    notices = "\n".join(load_config(config).staff_notices)
    assert f"{config}:2: 'kiosk.staff_pin_hash' is not a hash made by" in notices
    assert reason in notices
    _, kiosk = make_kiosk(qtbot, config=config)
    kiosk.open_staff_panel()
    assert kiosk.staff.unavailable_page.isVisible()  # no pad to freeze


def test_a_real_hash_from_hash_pin_is_accepted_by_the_configuration(tmp_path: Path) -> None:
    loaded = load_config(_kiosk_config(tmp_path, hash_pin(PIN)))
    assert loaded.staff_notices == []
    assert StaffGate(loaded.staff_pin_hash).try_pin(PIN) is PinResult.ACCEPTED
