"""The clinic's configuration file: validated key by key, every bad value falls back safely.

The configuration can brand the app and set kiosk behaviour; it can never change the clinical
content, which stays locked in the app's resources. Only the crisis lines may be replaced, per
locale, because the right local numbers are a clinic's to know.

Clinics edit this file by hand, so nothing in it may stop the app from starting: each problem
becomes a staff notice naming the file, the key and the line, and the value falls back to its
default. Readers never see these notices.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from decisionaid.core.crisis_file import parse_crisis
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import CrisisInfo
from decisionaid.core.record import field, record
from decisionaid.core.staff_pin import hash_problem
from decisionaid.core.textfile import describe_value, parse_toml, read_text

MODES = ("personal", "kiosk", "counsellor")
MIN_IDLE_WARNING = 20  # WCAG 2.2.1: at least 20 seconds to ask for more time
IDLE_TIMEOUT_RANGE = (30, 3600)
IDLE_WARNING_RANGE = (MIN_IDLE_WARNING, 300)
# While "Get help now" is open (or the guide reads aloud) a longer quiet time is allowed before
# the warning, but never an endless one: someone who walks away to make a call must not leave
# their answers to the next person.
HELP_IDLE_TIMEOUT_RANGE = (60, 3600)
DEFAULT_HELP_IDLE_TIMEOUT = 600
MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".bmp", ".gif", ".webp")
# Longer text than this would not fit the header, help panel or About step.
TEXT_LIMITS = {"clinic_name": 80, "clinic_contact": 400, "clinic_disclosure": 3000, "printer": 200}
# Text shown on one line (the header's clinic name) or used as a name: a line break there would
# stretch the header down the screen, so it becomes a space, with a notice.
MULTI_LINE_TEXT = frozenset({"clinic_contact", "clinic_disclosure"})
# The on-screen keyboard: "auto" shows it in a kiosk where no physical keyboard is found.
ON_SCREEN_KEYBOARD = ("auto", "on", "off")
_LOCALE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@record
class Config:
    path: Path | None = None
    mode: str = "personal"
    locale: str = "en"
    # The languages a reader may switch to, in the clinic's order; empty: every language the
    # app has a guide for (core/languages.offered_languages decides, knowing which guides exist).
    languages: tuple[str, ...] = ()
    clinic_name: str = ""
    clinic_logo: Path | None = None
    clinic_logo_line: int = 1  # where `logo = ...` is, for a notice found when it is drawn
    clinic_contact: str = ""
    clinic_disclosure: str = ""
    idle_timeout_seconds: int = 120
    idle_warning_seconds: int = 30
    help_idle_timeout_seconds: int = DEFAULT_HELP_IDLE_TIMEOUT
    staff_pin_hash: str = ""
    printer: str = ""
    on_screen_keyboard: str = "auto"
    on_screen_keyboard_line: int = 1  # where the setting is, for a notice found at start-up
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
    ("", "languages"): ("languages", list),
    ("clinic", "name"): ("clinic_name", str),
    ("clinic", "logo"): ("clinic_logo", str),
    ("clinic", "contact"): ("clinic_contact", str),
    ("clinic", "disclosure"): ("clinic_disclosure", str),
    ("kiosk", "idle_timeout_seconds"): ("idle_timeout_seconds", int),
    ("kiosk", "idle_warning_seconds"): ("idle_warning_seconds", int),
    ("kiosk", "help_idle_timeout_seconds"): ("help_idle_timeout_seconds", int),
    ("kiosk", "staff_pin_hash"): ("staff_pin_hash", str),
    ("kiosk", "printer"): ("printer", str),
    ("kiosk", "on_screen_keyboard"): ("on_screen_keyboard", str),
}
_SECTIONS = {"clinic", "kiosk", "crisis"}


def is_locale_code(text: str) -> bool:
    """A language code such as 'en' or 'pt-BR': safe to use as a folder name."""
    return bool(_LOCALE.match(text))


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
    try:
        return _load(config, path, explicit)
    except Exception as exc:  # a hand-edited file must never stop the app from starting
        config = Config(path=path)
        config.diagnostics.error(
            path, 1, f"configuration could not be read ({type(exc).__name__}); using defaults"
        )
        return config


def _load(config: Config, path: Path, explicit: bool) -> Config:
    diags = config.diagnostics
    if not path.exists():
        if explicit:
            diags.error(path, 1, "configuration file not found; using defaults")
        return config
    if path.is_dir():
        diags.error(path, 1, "configuration path is a folder, not a file; using defaults")
        return config
    text = read_text(path, diags, "configuration file")
    if text is None:
        diags.error(path, 1, "configuration ignored; using defaults")
        return config
    data = parse_toml(text, path, diags)
    if data is None:
        diags.error(path, 1, "configuration ignored; using defaults")
        return config
    _Reader(config, text, path).apply(data)
    return config


class _Reader:
    """Applies parsed TOML to a Config, reporting each problem at the key's own line."""

    def __init__(self, config: Config, text: str, path: Path) -> None:
        self.config = config
        self.lines = text.split("\n")
        self.path = path

    @property
    def diags(self) -> Diagnostics:
        return self.config.diagnostics

    def line(self, section: str, key: str) -> int:
        """The line of `key = ...` inside `[section]` (or before any table when section is "")."""
        current = ""
        target = f"{section}.{key}" if section else key
        header = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
        assignment = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number, line in enumerate(self.lines, start=1):
            match = header.match(line)
            if match:
                current = match.group(1)
                if current == target:
                    return number
                continue
            if current == section and assignment.match(line):
                return number
        for number, line in enumerate(self.lines, start=1):
            if key in line:
                return number
        return 1

    def apply(self, data: dict[str, Any]) -> None:
        for key, value in data.items():
            if key == "crisis" and isinstance(value, dict):
                self.crisis(value)
            elif key in _SECTIONS and isinstance(value, dict):
                for sub, subvalue in value.items():
                    self.set(key, sub, subvalue)
            elif key in _SECTIONS:
                self.diags.error(
                    self.path, self.line("", key), f"'{key}' must be a [{key}] table; ignored"
                )
            elif isinstance(value, dict):
                self.diags.warning(
                    self.path, self.line("", key), f"unknown section [{key}] ignored"
                )
            else:
                self.set("", key, value)
        self.check_values()
        self.check_logo()

    def set(self, section: str, key: str, value: Any) -> None:
        name = f"{section}.{key}" if section else key
        line = self.line(section, key)
        spec = _SCHEMA.get((section, key))
        if spec is None:
            self.diags.warning(self.path, line, f"unknown key '{name}' ignored")
            return
        attr, expected = spec
        default = getattr(self.config, attr)
        if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            self.diags.error(
                self.path,
                line,
                f"'{name}' must be a whole number of seconds, not {describe_value(value)}; "
                f"using {default}",
            )
            return
        if expected is list:
            self.languages(value, line)
            return
        if expected is str and not isinstance(value, str):
            self.diags.error(
                self.path,
                line,
                f"'{name}' must be text in quotes, not {describe_value(value)}; ignored",
            )
            return
        if isinstance(value, str):
            value = _CONTROL_CHARS.sub("", value).strip()
            if attr not in MULTI_LINE_TEXT and ("\n" in value or "\t" in value):
                value = " ".join(value.split())
                self.diags.warning(
                    self.path, line, f"'{name}' must be one line; its line breaks are spaces"
                )
            limit = TEXT_LIMITS.get(attr)
            if limit is not None and len(value) > limit:
                self.diags.error(
                    self.path,
                    line,
                    f"'{name}' is {len(value)} characters; the limit is {limit}; ignored",
                )
                return
        if attr == "clinic_logo":
            if value:
                logo = Path(value).expanduser()
                self.config.clinic_logo = logo if logo.is_absolute() else self.path.parent / logo
            return
        if attr == "staff_pin_hash" and value and (problem := hash_problem(value)):
            self.diags.error(
                self.path,
                line,
                f"'{name}' is not a hash made by 'decisionaid hash-pin' ({problem}); "
                "staff exit from the screen is off",
            )
            return
        setattr(self.config, attr, value)

    def languages(self, value: Any, line: int) -> None:
        """`languages = ["en", "es"]`: the codes that are codes, each once, in the given order."""
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.diags.error(
                self.path,
                line,
                f'\'languages\' must be a list of language codes such as ["en", "es"], '
                f"not {describe_value(value)}; every language is offered",
            )
            return
        codes: list[str] = []
        for code in (v.strip() for v in value):
            if not is_locale_code(code):
                self.diags.error(
                    self.path, line, f"languages: '{code}' is not a language code; left out"
                )
            elif code not in codes:
                codes.append(code)
        self.config.languages = tuple(codes)

    def check_values(self) -> None:
        config = self.config
        if config.mode not in MODES:
            self.diags.error(
                self.path,
                self.line("", "mode"),
                f"mode '{config.mode}' is not one of {', '.join(MODES)}; using personal",
            )
            config.mode = "personal"
        if not is_locale_code(config.locale):
            self.diags.error(
                self.path,
                self.line("", "locale"),
                f"locale '{config.locale}' is not a language code such as 'en' or 'es'; using en",
            )
            config.locale = "en"
        line = self.line("kiosk", "on_screen_keyboard")
        config.on_screen_keyboard_line = line
        if config.on_screen_keyboard not in ON_SCREEN_KEYBOARD:
            self.diags.error(
                self.path,
                line,
                f"kiosk.on_screen_keyboard '{config.on_screen_keyboard}' is not one of "
                f"{', '.join(ON_SCREEN_KEYBOARD)}; using auto",
            )
            config.on_screen_keyboard = "auto"
        self.check_range("idle_timeout_seconds", IDLE_TIMEOUT_RANGE, 120)
        self.check_range("idle_warning_seconds", IDLE_WARNING_RANGE, 30)
        self.check_range(
            "help_idle_timeout_seconds", HELP_IDLE_TIMEOUT_RANGE, DEFAULT_HELP_IDLE_TIMEOUT
        )

    def check_range(self, key: str, bounds: tuple[int, int], default: int) -> None:
        lo, hi = bounds
        value = getattr(self.config, key)
        if not lo <= value <= hi:
            why = " (readers need at least 20 seconds to ask for more time)" if lo == 20 else ""
            self.diags.error(
                self.path,
                self.line("kiosk", key),
                f"kiosk.{key} is {value}; it must be {lo} to {hi}{why}; using {default}",
            )
            setattr(self.config, key, default)

    def check_logo(self) -> None:
        logo = self.config.clinic_logo
        if logo is None:
            return
        line = self.line("clinic", "logo")
        self.config.clinic_logo_line = line
        problem = ""
        if not logo.is_file():
            problem = "not found"
        elif logo.suffix.lower() not in LOGO_SUFFIXES:
            problem = f"is not an image ({', '.join(LOGO_SUFFIXES)})"
        elif logo.stat().st_size > MAX_LOGO_BYTES:
            problem = f"is larger than {MAX_LOGO_BYTES // (1024 * 1024)} MiB"
        if problem:
            self.diags.error(self.path, line, f"clinic.logo '{logo}' {problem}; no logo shown")
            self.config.clinic_logo = None

    def crisis(self, value: dict[str, Any]) -> None:
        for locale, table in value.items():
            line = self.line("crisis", locale)
            if not isinstance(table, dict):
                self.diags.error(
                    self.path, line, f"crisis.{locale} must be a [crisis.{locale}] table; ignored"
                )
                continue
            local = Diagnostics()
            text = "\n".join(self.lines)
            info = parse_crisis(table, self.path, local, text, f"crisis.{locale}.lines")
            # Each message says what becomes of its line; when none is usable the reader is
            # shown the app's own lines, which the notice must then say.
            outcome = "; the app's own lines are used instead" if info is None else ""
            for d in local.items:
                where = d.line if d.line > 1 else line
                self.diags.error(self.path, where, f"crisis.{locale}: {d.message}{outcome}")
            if info is not None:
                self.config.crisis[locale] = info
