"""The kernel's device list read without regular expressions, as the patterns it replaced did."""

from __future__ import annotations

import re
from pathlib import Path

from decisionaid.core.input_devices import NOT_KEYBOARD_WORDS, linux_keyboards, not_a_keyboard

# The patterns the reader replaced (compiling them cost a kiosk's start about 2.5 M
# instructions), kept here as the reference.
NOT_A_KEYBOARD = re.compile(
    r"virtual|xtest|button|video bus|hotkey|hid events|gpio|consumer control|system control"
    r"|wmi|lid switch|headset|speaker|camera|touch|pen|stylus",
    re.IGNORECASE,
)


def _by_pattern(text: str) -> list[str]:
    found = []
    for block in text.split("\n\n"):
        name = re.search(r'^N: Name="(.*)"$', block, re.MULTILINE)
        handlers = re.search(r"^H: Handlers=(.*)$", block, re.MULTILINE)
        ev = re.search(r"^B: EV=([0-9a-fA-F]+)$", block, re.MULTILINE)
        if not (name and handlers and ev) or "kbd" not in handlers.group(1).split():
            continue
        bits = int(ev.group(1), 16)
        if bits & (1 << 17) and bits & (1 << 20) and not NOT_A_KEYBOARD.search(name.group(1)):
            found.append(name.group(1))
    return found


NAMES = [
    "AT Translated Set 2 keyboard",
    "Power Button",
    "Video Bus",
    "Logitech USB Keyboard",
    "Logitech USB Keyboard Consumer Control",
    "ThinkPad Extra Buttons",
    "Virtual core XTEST keyboard",
    "ELAN Touchscreen",
    "Wacom Pen and multitouch sensor Pen",
    "HDA Intel PCH Headphone",
    "Dell WMI hotkeys",
    "Lid Switch",
    "gpio-keys",
    "Integrated Camera: Integrated C",
    "USB HID EVENTS",
    "Apple Inc. Magic Keyboard",
]


def test_names_are_judged_as_the_pattern_judged_them() -> None:
    for name in NAMES + [w.upper() for w in NOT_KEYBOARD_WORDS]:
        assert not_a_keyboard(name) == bool(NOT_A_KEYBOARD.search(name)), name


def test_the_device_list_is_read_as_the_patterns_read_it(tmp_path: Path) -> None:
    blocks = []
    for i, name in enumerate(NAMES):
        ev = ("120013", "3", "100013", "20001")[i % 4]
        handlers = ("sysrq kbd event1 leds", "kbd event0", "mouse0 event3", "kbdx event4")[i % 4]
        blocks.append(
            f'I: Bus=0003\nN: Name="{name}"\nP: Phys=x\nH: Handlers={handlers}\n'
            f"B: PROP=0\nB: EV={ev}\nB: KEY=1000\n"
        )
    blocks.append('I: Bus=0011\nN: Name="No handlers"\nB: EV=120013\n')
    blocks.append('I: Bus=0011\nN: Name="Odd EV"\nH: Handlers=kbd\nB: EV=12z013\n')
    text = "\n".join(blocks)
    devices = tmp_path / "devices"
    devices.write_text(text, encoding="utf-8")
    assert linux_keyboards(devices) == _by_pattern(text)
    assert linux_keyboards(devices)  # the sample has keyboards in it
