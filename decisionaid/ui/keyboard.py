"""Is a real, physical keyboard attached? Asked before offering a text box on a touchscreen.

The answer is conservative (see core/input_devices.py): only a device that looks like a full
keyboard counts, from Qt's list of input devices or the kernel's.
"""

from __future__ import annotations

from decisionaid.core.input_devices import linux_keyboards, not_a_keyboard
from decisionaid.core.policy import Policy


def _qt_keyboards() -> list[str]:
    from PySide6.QtGui import QInputDevice

    return [
        d.name()
        for d in QInputDevice.devices()
        if d.type() == QInputDevice.DeviceType.Keyboard and not not_a_keyboard(d.name())
    ]


def physical_keyboard_present() -> bool:
    return bool(_qt_keyboards() or linux_keyboards())


def own_questions_allowed(policy: Policy) -> bool:
    """Whether the reader may type their own question here: always where the mode allows it,
    and in a kiosk with a keyboard, on screen or attached."""
    if policy.own_questions or policy.on_screen_keyboard:
        return True
    return policy.own_questions_with_keyboard and physical_keyboard_present()
