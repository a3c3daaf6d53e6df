"""The clinic's configuration file: validated key by key, every bad value falls back safely.

The configuration can brand the app and set kiosk behaviour; it can never change the clinical
content, which stays locked in the app's resources. Only the crisis lines may be replaced, per
locale, because the right local numbers are a clinic's to know.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from decisionaid.core.content import CrisisInfo, parse_crisis
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.textfile import line_of, parse_toml, read_text

MODES = ("personal", "kiosk", "counsellor")
MIN_IDLE_WARNING = 20  # WCAG 2.2.1: at least 20 seconds to ask for more time
IDLE_TIMEOUT_RANGE = (30, 3600)
IDLE_WARNING_RANGE = (MIN_IDLE_WARNING, 300)


@dataclass
class Config:
    path: Path | None = None
    mode: str = "personal"
    locale: str = "en"
    clinic_name: str = ""
    clinic_logo: Path | None = None
    clinic_contact: str = ""
    clinic_disclosure: str = ""
    idle_timeout_seconds: int = 120
    idle_warning_seconds: int = 30
    staff_pin_hash: str = ""
    printer: str = ""
    crisis: dict[str, CrisisInfo] = field(default_factory=dict)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    @property
    def staff_notices(self) -> list[str]:
        """Messages only staff see (never a reader): what was wrong and what was used instead."""
        return [str(d) for d in self.diagnostics.items]


# (section, key) -> (attribute, expected type)
_SCHEMA: dict[tuple[str, str], tuple[str, type]] = {
    ("", "mode"): ("mode", str),
    ("", "locale"): ("locale", str),
    ("clinic", "name"): ("clinic_name", str),
    ("clinic", "logo"): ("clinic_logo", str),
    ("clinic", "contact"): ("clinic_contact", str),
    ("clinic", "disclosure"): ("clinic_disclosure", str),
    ("kiosk", "idle_timeout_seconds"): ("idle_timeout_seconds", int),
    ("kiosk", "idle_warning_seconds"): ("idle_warning_seconds", int),
    ("kiosk", "staff_pin_hash"): ("staff_pin_hash", str),
    ("kiosk", "printer"): ("printer", str),
}
_SECTIONS = {"clinic", "kiosk", "crisis"}


def default_config_path() -> Path:
    """The platform's configuration folder, without importing Qt."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "decisionaid" / "config.toml"


def load_config(path: Path | None, *, explicit: bool = False) -> Config:
    """Read and validate a configuration file. Never raises; problems become notices."""
    config = Config(path=path)
    if path is None:
        return config
    diags = config.diagnostics
    if not path.exists():
        if explicit:
            diags.error(path, 1, "configuration file not found; using defaults")
        return config
    text = read_text(path, diags, "configuration file")
    if text is None:
        return config
    data = parse_toml(text, path, diags)
    if data is None:
        diags.error(path, 1, "configuration ignored; using defaults")
        return config
    _apply(config, data, text, path)
    return config


def _apply(config: Config, data: dict[str, Any], text: str, path: Path) -> None:
    diags = config.diagnostics
    for key, value in data.items():
        if isinstance(value, dict) and key in _SECTIONS:
            if key == "crisis":
                _apply_crisis(config, value, text, path)
                continue
            for sub, subvalue in value.items():
                _set(config, key, sub, subvalue, text, path)
        else:
            _set(config, "", key, value, text, path)
    _validate_ranges(config, text, path)
    if config.clinic_logo is not None and not config.clinic_logo.is_file():
        diags.error(
            path,
            line_of(text, "logo"),
            f"clinic.logo '{config.clinic_logo}' not found; no logo shown",
        )
        config.clinic_logo = None


def _set(config: Config, section: str, key: str, value: Any, text: str, path: Path) -> None:
    name = f"{section}.{key}" if section else key
    line = line_of(text, key)
    spec = _SCHEMA.get((section, key))
    if spec is None:
        config.diagnostics.warning(path, line, f"unknown key '{name}' ignored")
        return
    attr, expected = spec
    if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
        config.diagnostics.error(
            path, line, f"'{name}' must be a whole number; using {getattr(config, attr)}"
        )
        return
    if expected is str and not isinstance(value, str):
        config.diagnostics.error(path, line, f"'{name}' must be text; using the default")
        return
    if attr == "clinic_logo":
        logo = Path(value).expanduser()
        config.clinic_logo = logo if logo.is_absolute() else path.parent / logo
        return
    setattr(config, attr, value)


def _validate_ranges(config: Config, text: str, path: Path) -> None:
    diags = config.diagnostics
    if config.mode not in MODES:
        diags.error(
            path,
            line_of(text, "mode"),
            f"mode '{config.mode}' is not one of {', '.join(MODES)}; using personal",
        )
        config.mode = "personal"
    lo, hi = IDLE_TIMEOUT_RANGE
    if not lo <= config.idle_timeout_seconds <= hi:
        diags.error(
            path,
            line_of(text, "idle_timeout_seconds"),
            f"kiosk.idle_timeout_seconds must be {lo} to {hi}; using 120",
        )
        config.idle_timeout_seconds = 120
    lo, hi = IDLE_WARNING_RANGE
    if not lo <= config.idle_warning_seconds <= hi:
        diags.error(
            path,
            line_of(text, "idle_warning_seconds"),
            f"kiosk.idle_warning_seconds must be {lo} to {hi}; using 30",
        )
        config.idle_warning_seconds = 30


def _apply_crisis(config: Config, value: dict[str, Any], text: str, path: Path) -> None:
    for locale, table in value.items():
        if not isinstance(table, dict):
            config.diagnostics.error(
                path, line_of(text, "crisis"), f"crisis.{locale} must be a table"
            )
            continue
        local = Diagnostics()
        info = parse_crisis(table, path, local)
        for d in local.items:
            config.diagnostics.error(
                path, line_of(text, f"crisis.{locale}"), f"crisis.{locale}: {d.message}"
            )
        if info is not None:
            config.crisis[locale] = info
