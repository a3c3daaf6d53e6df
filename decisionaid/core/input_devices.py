"""Is a real, physical keyboard attached? Read from the Linux kernel's list of input devices,
without Qt, so the app can decide before Qt starts whether a kiosk needs an on-screen keyboard.

Reading /proc/bus/input/devices costs well under a millisecond. The answer is conservative:
only a device that looks like a full keyboard counts. Power and media buttons, lid switches,
virtual and test keyboards all report themselves as keyboards, and a kiosk must not count on a
keyboard nobody can type on.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Names of devices that call themselves keyboards but are not, matched anywhere in the name
# whatever its case. Plain words, not a regular expression: compiling one is about 2.5 M
# instructions of a kiosk's start.
NOT_KEYBOARD_WORDS = (
    "virtual",
    "xtest",
    "button",
    "video bus",
    "hotkey",
    "hid events",
    "gpio",
    "consumer control",
    "system control",
    "wmi",
    "lid switch",
    "headset",
    "speaker",
    "camera",
    "touch",
    "pen",
    "stylus",
)
PROC_INPUT_DEVICES = Path("/proc/bus/input/devices")
EV_LED = 1 << 17  # full keyboards have lock-key lights...
EV_REP = 1 << 20  # ...and key repeat; buttons and switches have neither
_HEX = frozenset("0123456789abcdefABCDEF")


def not_a_keyboard(name: str) -> bool:
    """Whether a device's name says it is no keyboard a reader can type on."""
    folded = name.casefold()
    return any(word in folded for word in NOT_KEYBOARD_WORDS)


def _field(lines: list[str], prefix: str) -> str | None:
    """The rest of the block's first line that starts with `prefix`."""
    return next((line[len(prefix) :] for line in lines if line.startswith(prefix)), None)


def linux_keyboards(path: Path = PROC_INPUT_DEVICES) -> list[str]:
    """Names of evdev devices with key lights and key repeat, the marks of a real keyboard."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        quoted = _field(lines, 'N: Name="')
        name = quoted[:-1] if quoted is not None and quoted.endswith('"') else None
        handlers = _field(lines, "H: Handlers=")
        ev = _field(lines, "B: EV=")
        if not (name is not None and handlers is not None and ev and _HEX.issuperset(ev)):
            continue
        if "kbd" not in handlers.split():
            continue
        bits = int(ev, 16)
        if bits & EV_LED and bits & EV_REP and not not_a_keyboard(name):
            found.append(name)
    return found


def keyboard_found_before_qt(path: Path = PROC_INPUT_DEVICES) -> bool:
    """Whether a physical keyboard is attached, as far as can be told before Qt starts: on
    Linux from the kernel's device list; elsewhere it cannot be told cheaply, and is assumed."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(linux_keyboards(path))
