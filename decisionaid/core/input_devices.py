"""Is a real, physical keyboard attached? Read from the Linux kernel's list of input devices,
without Qt, so the app can decide before Qt starts whether a kiosk needs an on-screen keyboard.

Reading /proc/bus/input/devices costs well under a millisecond. The answer is conservative:
only a device that looks like a full keyboard counts. Power and media buttons, lid switches,
virtual and test keyboards all report themselves as keyboards, and a kiosk must not count on a
keyboard nobody can type on.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

NOT_A_KEYBOARD = re.compile(
    r"virtual|xtest|button|video bus|hotkey|hid events|gpio|consumer control|system control"
    r"|wmi|lid switch|headset|speaker|camera|touch|pen|stylus",
    re.IGNORECASE,
)
PROC_INPUT_DEVICES = Path("/proc/bus/input/devices")
EV_LED = 1 << 17  # full keyboards have lock-key lights...
EV_REP = 1 << 20  # ...and key repeat; buttons and switches have neither


def linux_keyboards(path: Path = PROC_INPUT_DEVICES) -> list[str]:
    """Names of evdev devices with key lights and key repeat, the marks of a real keyboard."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for block in text.split("\n\n"):
        name = re.search(r'^N: Name="(.*)"$', block, re.MULTILINE)
        handlers = re.search(r"^H: Handlers=(.*)$", block, re.MULTILINE)
        ev = re.search(r"^B: EV=([0-9a-fA-F]+)$", block, re.MULTILINE)
        if not (name and handlers and ev) or "kbd" not in handlers.group(1).split():
            continue
        bits = int(ev.group(1), 16)
        if bits & EV_LED and bits & EV_REP and not NOT_A_KEYBOARD.search(name.group(1)):
            found.append(name.group(1))
    return found


def keyboard_found_before_qt(path: Path = PROC_INPUT_DEVICES) -> bool:
    """Whether a physical keyboard is attached, as far as can be told before Qt starts: on
    Linux from the kernel's device list; elsewhere it cannot be told cheaply, and is assumed."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(linux_keyboards(path))
