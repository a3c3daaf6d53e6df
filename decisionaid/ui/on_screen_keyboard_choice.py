"""Whether a kiosk shows Qt's on-screen keyboard."""

from __future__ import annotations

from decisionaid.core.config import Config
from decisionaid.core.policy import Mode


def wants_on_screen_keyboard(mode: Mode, config: Config) -> bool:
    """Whether a kiosk shows Qt's on-screen keyboard: the clinic switched it on, or left it on
    "auto" and no physical keyboard is attached. Only where Qt's keyboard is installed (it
    ships in PySide6-Addons); a clinic that asked for it without is told so, and readers get
    no text box to type in, as before."""
    if mode is not Mode.KIOSK or config.on_screen_keyboard == "off":
        return False
    from decisionaid.core.input_devices import keyboard_found_before_qt
    from decisionaid.ui.on_screen_keyboard import on_screen_keyboard_installed

    if config.on_screen_keyboard == "auto" and keyboard_found_before_qt():
        return False
    if on_screen_keyboard_installed():
        return True
    if config.on_screen_keyboard == "on":
        config.diagnostics.error(
            config.path or "configuration",
            config.on_screen_keyboard_line,
            "kiosk.on_screen_keyboard is on, but Qt's on-screen keyboard is not installed "
            "(it comes with PySide6-Addons); readers cannot type their own questions",
        )
    return False
