"""Is a real, physical keyboard attached? Asked before offering a text box on a touchscreen.

The answer is conservative: only a device that looks like a full keyboard counts. Power and
media buttons, lid switches, virtual and test keyboards all report themselves as keyboards,
and a kiosk must not show a text box nobody can type into.
"""

from __future__ import annotations

import re
from pathlib import Path

from decisionaid.core.policy import Policy

NOT_A_KEYBOARD = re.compile(
    r"virtual|xtest|button|video bus|hotkey|hid events|gpio|consumer control|system control"
    r"|wmi|lid switch|headset|speaker|camera|touch|pen|stylus",
    re.IGNORECASE,
)
PROC_INPUT_DEVICES = Path("/proc/bus/input/devices")
EV_LED = 1 << 17  # full keyboards have lock-key lights...
EV_REP = 1 << 20  # ...and key repeat; buttons and switches have neither


def _qt_keyboards() -> list[str]:
    from PySide6.QtGui import QInputDevice

    return [
        d.name()
        for d in QInputDevice.devices()
        if d.type() == QInputDevice.DeviceType.Keyboard and not NOT_A_KEYBOARD.search(d.name())
    ]


def _linux_keyboards(path: Path = PROC_INPUT_DEVICES) -> list[str]:
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


def physical_keyboard_present() -> bool:
    return bool(_qt_keyboards() or _linux_keyboards())


def own_questions_allowed(policy: Policy) -> bool:
    """Whether the reader may type their own question here."""
    if policy.own_questions:
        return True
    return policy.own_questions_with_keyboard and physical_keyboard_present()
