"""The clinic configuration: every bad value falls back safely, says where, and the app starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from decisionaid.core.config import Config, load_config
from decisionaid.core.policy import Mode
from decisionaid.core.staff_pin import hash_pin, is_valid_hash
from tests.helpers import FIXTURE_CONTENT, make_window, run_decisionaid

GOOD_HASH = hash_pin("2468", iterations=100_000)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    return path


def notices(config: Config) -> str:
    return "\n".join(config.staff_notices)


def test_a_complete_configuration_is_read(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = write(
        tmp_path,
        f"""
mode = "kiosk"
locale = "en"

[clinic]
name = "Riverside Clinic"
logo = "logo.png"
contact = "Ask at the front desk."
disclosure = "We offer ketamine treatment and are paid for it."

[kiosk]
idle_timeout_seconds = 90
idle_warning_seconds = 25
help_idle_timeout_seconds = 300
staff_pin_hash = "{GOOD_HASH}"
printer = "Front desk"

[crisis.en]
intro = "Local help:"
[[crisis.en.lines]]
name = "Riverside crisis team"
action = "Call 555-0100"
""",
    )
    config = load_config(path, explicit=True)
    assert config.staff_notices == []
    assert config.mode == "kiosk"
    assert config.clinic_name == "Riverside Clinic"
    assert config.clinic_logo == tmp_path / "logo.png"
    assert config.clinic_disclosure.startswith("We offer")
    assert (config.idle_timeout_seconds, config.idle_warning_seconds) == (90, 25)
    assert config.help_idle_timeout_seconds == 300
    assert is_valid_hash(config.staff_pin_hash)
    assert config.printer == "Front desk"
    assert config.crisis["en"].lines[0].action == "Call 555-0100"


def test_no_file_in_the_platform_folder_is_silent_but_a_missing_explicit_file_is_not(
    tmp_path: Path,
) -> None:
    assert load_config(tmp_path / "none.toml").staff_notices == []
    missing = load_config(tmp_path / "none.toml", explicit=True)
    assert "none.toml:1: configuration file not found; using defaults" in notices(missing)


def test_invalid_toml_names_the_line_and_uses_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, '[clinic]\nname = "Riverside"\ncontact = "unterminated\n')
    config = load_config(path, explicit=True)
    assert config.clinic_name == ""  # nothing half-applied
    assert "clinic.toml:3: invalid TOML" in notices(config)
    assert "configuration ignored; using defaults" in notices(config)


def test_invalid_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    path.write_bytes(b'[clinic]\nname = "Caf\xe9"\n')
    config = load_config(path, explicit=True)
    assert "clinic.toml:2: configuration file is not valid UTF-8" in notices(config)


@pytest.mark.parametrize(
    ("text", "line", "expected", "attribute", "default"),
    [
        (
            '[kiosk]\nidle_timeout_seconds = "soon"\n',
            2,
            "must be a whole number",
            "idle_timeout_seconds",
            120,
        ),
        (
            "[kiosk]\nidle_warning_seconds = 25.5\n",
            2,
            "the decimal 25.5",
            "idle_warning_seconds",
            30,
        ),
        ("[kiosk]\nidle_timeout_seconds = true\n", 2, "true/false", "idle_timeout_seconds", 120),
        ("[clinic]\nname = 42\n", 2, "'clinic.name' must be text", "clinic_name", ""),
        ("mode = 3\n", 1, "'mode' must be text", "mode", "personal"),
        ('mode = "party"\n', 1, "not one of personal, kiosk, counsellor", "mode", "personal"),
        ('locale = "../../etc"\n', 1, "not a language code", "locale", "en"),
        ("[kiosk]\nprinter = [1, 2]\n", 2, "not a list", "printer", ""),
        (
            '[kiosk]\n\non_screen_keyboard = "yes"\n',
            3,
            "'yes' is not one of auto, on, off; using auto",
            "on_screen_keyboard",
            "auto",
        ),
    ],
)
def test_wrong_types_fall_back_to_defaults_with_file_key_and_line(
    tmp_path: Path, text: str, line: int, expected: str, attribute: str, default: object
) -> None:
    config = load_config(write(tmp_path, text), explicit=True)
    assert getattr(config, attribute) == default
    [notice] = config.staff_notices
    assert notice.startswith(f"{tmp_path / 'clinic.toml'}:{line}: ") or notice.startswith(
        f"clinic.toml:{line}: "
    ), notice
    assert expected in notice


@pytest.mark.parametrize(
    ("key", "value", "default"),
    [
        ("idle_timeout_seconds", -5, 120),
        ("idle_timeout_seconds", 0, 120),
        ("idle_timeout_seconds", 10**12, 120),
        ("idle_warning_seconds", 5, 30),  # under the 20 s WCAG 2.2.1 asks for
        ("idle_warning_seconds", -1, 30),
        ("idle_warning_seconds", 86_400, 30),
        # Help open must not hold the reset off for ever, nor clear the screen within a minute.
        ("help_idle_timeout_seconds", 10**9, 600),
        ("help_idle_timeout_seconds", 0, 600),
        ("help_idle_timeout_seconds", 59, 600),
        ("help_idle_timeout_seconds", 3601, 600),
    ],
)
def test_negative_or_absurd_timeouts_fall_back(
    tmp_path: Path, key: str, value: int, default: int
) -> None:
    path = write(tmp_path, f"# kiosk timing\n[kiosk]\n{key} = {value}\n")
    config = load_config(path, explicit=True)
    assert getattr(config, key) == default
    assert f"clinic.toml:3: kiosk.{key} is {value}; it must be" in notices(config)


def test_unknown_keys_and_sections_are_named_and_ignored(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[clinic]\nname = "A"\ncolour = "blue"\n\n[pages]\nwelcome = "Buy now"\n',
    )
    config = load_config(path, explicit=True)
    assert config.clinic_name == "A"
    text = notices(config)
    assert "clinic.toml:3: warning: unknown key 'clinic.colour' ignored" in text
    assert "clinic.toml:5: warning: unknown section [pages] ignored" in text


def test_the_line_is_the_keys_own_even_when_the_word_appears_earlier(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '# the name of the clinic goes below\n[clinic]\ncontact = "name the nurse"\nname = 7\n',
    )
    assert "clinic.toml:4: 'clinic.name' must be text" in notices(load_config(path))


def test_missing_or_unusable_logo_means_no_logo(tmp_path: Path) -> None:
    (tmp_path / "logo.txt").write_text("not an image", encoding="utf-8")
    missing = load_config(write(tmp_path, '[clinic]\nlogo = "nowhere.png"\n'))
    assert missing.clinic_logo is None
    assert "clinic.toml:2: clinic.logo" in notices(missing)
    assert "not found; no logo shown" in notices(missing)
    wrong_kind = load_config(write(tmp_path, '[clinic]\nlogo = "logo.txt"\n'))
    assert wrong_kind.clinic_logo is None
    assert "is not an image" in notices(wrong_kind)


@pytest.mark.parametrize(
    "bad_hash",
    [
        "2468",  # the PIN itself, pasted by mistake
        "sha256$abc",
        "pbkdf2_sha256$1000$c2FsdA==$ZGlnZXN0",  # far too few iterations
        "pbkdf2_sha256$600000$not base64!$ZGlnZXN0",
    ],
)
def test_a_pin_hash_in_the_wrong_format_turns_staff_exit_off(tmp_path: Path, bad_hash: str) -> None:
    path = write(tmp_path, f'[kiosk]\nidle_timeout_seconds = 60\nstaff_pin_hash = "{bad_hash}"\n')
    config = load_config(path)
    assert config.staff_pin_hash == ""
    assert config.idle_timeout_seconds == 60  # the rest of the file still applies
    assert "clinic.toml:3: 'kiosk.staff_pin_hash' is not a hash made by 'decisionaid hash-pin'" in (
        notices(config)
    )
    assert bad_hash not in notices(config)  # never echo what might be a real PIN


def test_bad_crisis_lines_keep_the_apps_own(tmp_path: Path) -> None:
    path = write(tmp_path, '[crisis.en]\nintro = "x"\n[[crisis.en.lines]]\nname = "No action"\n')
    config = load_config(path)
    assert "en" not in config.crisis
    assert "clinic.toml:3: crisis.en: a crisis line needs 'name' and 'action'" in notices(config)


def test_too_long_text_is_refused(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, f'[clinic]\nname = "{"A" * 500}"\n'))
    assert config.clinic_name == ""
    assert "'clinic.name' is 500 characters; the limit is 80" in notices(config)


def test_a_folder_or_a_huge_file_is_not_a_configuration(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert "is a folder" in notices(load_config(folder, explicit=True))
    huge = tmp_path / "huge.toml"
    huge.write_text("# x\n" * 1_000_000, encoding="utf-8")
    assert "the limit is" in notices(load_config(huge, explicit=True))


def test_configuration_cannot_change_clinical_content(tmp_path: Path, qtbot) -> None:
    path = write(
        tmp_path,
        f'content = "{tmp_path}"\n[clinic]\nname = "A"\n[guide]\ntitle = "Ketamine cures PTSD"\n',
    )
    config = load_config(path)
    assert "unknown key 'content' ignored" in notices(config)
    assert "unknown section [guide] ignored" in notices(config)
    window = make_window(qtbot, FIXTURE_CONTENT, config=path)
    assert window.guide.title == "Test guide"
    assert "cures" not in window.windowTitle()


BROKEN_CONFIGS = {
    "invalid-toml": "[kiosk\nidle_timeout_seconds = ",
    "wrong-types": '[kiosk]\nidle_timeout_seconds = "two minutes"\n[clinic]\nname = ["a"]\n',
    "unknown-keys": 'theme = "dark"\n[clinic]\nmotto = "x"\n[extras]\na = 1\n',
    "absurd-timeouts": "[kiosk]\nidle_timeout_seconds = -1\nidle_warning_seconds = 99999999999\n",
    "missing-logo": '[clinic]\nname = "Riverside"\nlogo = "/nonexistent/logo.png"\n',
    "bad-pin-hash": '[kiosk]\nstaff_pin_hash = "1234"\n',
    "sections-as-values": 'clinic = "Riverside"\nkiosk = 5\n',
}


@pytest.mark.parametrize("name", sorted(BROKEN_CONFIGS))
def test_the_kiosk_starts_with_each_broken_configuration_and_tells_staff(
    tmp_path: Path, qtbot, name: str
) -> None:
    path = write(tmp_path, BROKEN_CONFIGS[name])
    window = make_window(qtbot, FIXTURE_CONTENT, Mode.KIOSK, config=path)
    from decisionaid.ui.kiosk.controller import KioskController

    controller = window.findChild(KioskController)
    assert controller is not None
    assert controller.welcome.isVisible()  # the reader sees the usual welcome, nothing else
    assert "clinic.toml" not in controller.welcome.text_for_reading()
    # Staff see the notice after the hidden gesture, before any PIN.
    controller.open_staff_panel()
    assert controller.staff.notices_box.isVisible()
    shown = controller.staff.notices_label.text()
    assert "clinic.toml:" in shown
    assert window.config.idle_timeout_seconds >= 30
    assert window.config.idle_warning_seconds >= 20


@pytest.mark.parametrize("mode", ["kiosk", "personal"])
def test_the_real_program_starts_with_a_broken_configuration_and_prints_each_notice_once(
    tmp_path: Path, mode: str
) -> None:
    path = write(tmp_path, BROKEN_CONFIGS["invalid-toml"])
    state = tmp_path / "state"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(state))
    args = ["--config", str(path), "--startup-probe"]
    if mode == "kiosk":
        args.insert(0, "--kiosk")
    result = subprocess.run(
        [sys.executable, "-m", "decisionaid", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    notice = "clinic.toml:1: invalid TOML"
    assert result.stderr.count(notice) == 1, result.stderr
    assert "decisionaid: configuration: " in result.stderr
    if mode == "personal":
        # Personal use logs to a file; the notice is there too, and only printed on stderr.
        log = (state / "decisionaid" / "log" / "decisionaid.log").read_text(encoding="utf-8")
        assert log.count(notice) == 1
        assert "WARNING decisionaid: configuration: " in log
    else:
        # A kiosk logs to standard error: the log line is the one notice staff see there.
        assert "WARNING decisionaid: configuration: " in result.stderr


def test_a_logo_file_that_is_not_an_image_is_logged_with_its_own_line(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"this is not a picture")
    path = write(tmp_path, f'[clinic]\nname = "Test clinic"\nlogo = "{logo}"\n')
    state = tmp_path / "state"
    env = dict(os.environ, XDG_STATE_HOME=str(state))
    result = run_decisionaid(["--config", str(path), "--startup-probe"], env)
    assert result.returncode == 0, result.stderr
    notice = f"clinic.toml:3: clinic.logo '{logo}' could not be read as an image; no logo shown"
    assert result.stderr.count(notice) == 1, result.stderr
    log = (state / "decisionaid" / "log" / "decisionaid.log").read_text(encoding="utf-8")
    assert log.count(notice) == 1, log


def test_a_counsellor_sees_setup_notices_on_screen_and_can_put_them_away(
    qtbot, tmp_path: Path
) -> None:
    from decisionaid.paths import content_dir
    from decisionaid.ui.staff_notices import StaffNoticeBar
    from tests.helpers import make_window

    path = write(tmp_path, BROKEN_CONFIGS["absurd-timeouts"])
    window = make_window(qtbot, content_dir(), Mode.COUNSELLOR, config=path)
    bar = window.findChild(StaffNoticeBar)
    assert bar is not None and bar.isVisible()
    shown = bar.notices_label.text()
    assert "clinic.toml:2: kiosk.idle_timeout_seconds is -1" in shown
    assert bar.accessibleName() == "Notices for staff"
    from PySide6.QtCore import Qt

    assert bar.dismiss.focusPolicy() & Qt.FocusPolicy.TabFocus
    bar.dismiss.setFocus()
    qtbot.keyClick(bar.dismiss, Qt.Key.Key_Space)
    assert not bar.isVisible()


@pytest.mark.parametrize("mode_name", ["PERSONAL", "KIOSK"])
def test_readers_never_see_setup_notices_on_the_guide(
    qtbot, tmp_path: Path, mode_name: str
) -> None:
    from decisionaid.paths import content_dir
    from decisionaid.ui.staff_notices import StaffNoticeBar
    from tests.helpers import make_window

    path = write(tmp_path, BROKEN_CONFIGS["absurd-timeouts"])
    window = make_window(qtbot, content_dir(), getattr(Mode, mode_name), config=path)
    assert window.findChild(StaffNoticeBar) is None


def test_the_languages_offered_are_the_clinics_list_in_its_order(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'locale = "es"\nlanguages = ["es", "en", "es"]\n'))
    assert (config.locale, config.languages) == ("es", ("es", "en"))
    assert config.staff_notices == []


def test_a_bad_languages_list_offers_every_language_and_says_why(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'languages = "es"\n'))
    assert config.languages == ()
    assert "clinic.toml:1: 'languages' must be a list" in notices(config)
    config = load_config(write(tmp_path, 'languages = ["en", "Spanish!"]\n'))
    assert config.languages == ("en",)
    assert "'Spanish!' is not a language code" in notices(config)


def test_the_app_offers_only_languages_it_has_a_guide_for(tmp_path: Path) -> None:
    from decisionaid.core.languages import offered_languages

    config = load_config(write(tmp_path, 'languages = ["en", "fr", "es"]\n'))
    assert offered_languages(config, "en", own_content=False) == ("en", "es")
    assert "no guide in 'fr'" in notices(config)
    # The language the guide starts in is always offered, first.
    config = load_config(write(tmp_path, 'languages = ["en"]\n'))
    assert offered_languages(config, "es", own_content=False) == ("es", "en")
    # Without a list: every language the app has; a guide from --content has only its own.
    assert offered_languages(Config(), "en", own_content=False) == ("en", "es")
    assert offered_languages(Config(), "en", own_content=True) == ("en",)


@pytest.mark.parametrize(
    ("setting", "keyboard", "installed", "shown", "notice"),
    [
        ("auto", False, True, True, ""),  # a touch-only kiosk
        ("auto", True, True, False, ""),  # a keyboard is attached
        ("auto", False, False, False, ""),  # not installed, and not asked for by name
        ("on", True, True, True, ""),
        ("on", False, False, False, "not installed (it comes with PySide6-Addons)"),
        ("off", False, True, False, ""),
    ],
)
def test_the_on_screen_keyboard_is_chosen_before_qt_starts(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    setting: str,
    keyboard: bool,
    installed: bool,
    shown: bool,
    notice: str,
) -> None:
    import decisionaid.core.input_devices as input_devices
    import decisionaid.ui.on_screen_keyboard as on_screen_keyboard
    from decisionaid.app import Options, build_parts

    monkeypatch.setattr(input_devices, "keyboard_found_before_qt", lambda: keyboard)
    monkeypatch.setattr(on_screen_keyboard, "on_screen_keyboard_installed", lambda: installed)
    path = write(tmp_path, f'[kiosk]\non_screen_keyboard = "{setting}"\n')
    parts = build_parts(Options(content=FIXTURE_CONTENT, config=path, kiosk=True))
    assert parts.policy.on_screen_keyboard is shown
    if notice:
        [said] = parts.config.staff_notices
        assert said.startswith(f"{path}:2: kiosk.on_screen_keyboard is on") and notice in said
    else:
        assert parts.config.staff_notices == []
    # Personal and counsellor use leave typing to the system's own keyboard.
    personal = build_parts(Options(content=FIXTURE_CONTENT, config=path))
    assert personal.policy.on_screen_keyboard is False


def test_the_on_screen_keyboard_counts_as_installed_only_with_its_library(tmp_path: Path) -> None:
    from decisionaid.ui.on_screen_keyboard import on_screen_keyboard_installed

    plugins = tmp_path / "Qt" / "plugins" / "platforminputcontexts"
    plugins.mkdir(parents=True)
    (plugins / "libqtvirtualkeyboardplugin.so").touch()
    (tmp_path / "Qt" / "qml" / "QtQuick" / "VirtualKeyboard").mkdir(parents=True)
    assert not on_screen_keyboard_installed(tmp_path), "PySide6-Essentials alone: no library"
    for name in ("Qt/lib/libQt6VirtualKeyboard.so.6", "Qt6VirtualKeyboard.dll"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).touch()
    assert on_screen_keyboard_installed(tmp_path)
