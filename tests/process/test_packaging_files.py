"""What the package installs besides the app stays true to the app: the manual page names every
option, the example configuration every setting, the kiosk service the real command, and
`decisionaid --version` says which guide a machine shows."""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

from decisionaid import __version__
from decisionaid.cli import _parser
from decisionaid.core.config import _SCHEMA, load_config
from decisionaid.core.content_hash import fingerprint
from decisionaid.core.staff_pin import hash_pin
from tests.helpers import run_decisionaid

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging" / "linux"
CRISIS_FIELDS = ("intro", "name", "action", "detail", "audience", "emergency")


def _options(parser: argparse.ArgumentParser) -> set[str]:
    found = set()
    for action in parser._actions:
        found.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
            for sub in action.choices.values():
                found |= _options(sub)
    return found


def test_manual_page_covers_every_option_and_command() -> None:
    page = (PACKAGING / "decisionaid.1").read_text().replace("\\-", "-")
    missing = sorted(
        name
        for name in _options(_parser())
        if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", page)
    )
    assert not missing, f"decisionaid.1 does not mention {missing}"


def test_example_configuration_shows_every_setting_commented_out() -> None:
    text = (PACKAGING / "config.toml").read_text()
    assert load_config(PACKAGING / "config.toml").diagnostics.items == [], "it must load as is"
    for section, key in _SCHEMA:
        header = f"[{section}]" if section else None
        start = text.index(header) if header else 0
        assert re.search(rf"^# {key} = ", text[start:], re.MULTILINE), f"{section}.{key}"
    for key in CRISIS_FIELDS:
        assert re.search(rf"^# {key} = ", text, re.MULTILINE), f"crisis {key}"


def test_example_configuration_is_valid_once_uncommented(tmp_path: Path) -> None:
    # Every example value, switched on, is accepted (the PIN hash and logo made real first).
    text = (PACKAGING / "config.toml").read_text()
    text = re.sub(r"^# (\[\[?[a-z.]+\]\]?|[a-z_]+ = .*)$", r"\1", text, flags=re.MULTILINE)
    text = re.sub(
        r'^staff_pin_hash = ".*"$',
        f'staff_pin_hash = "{hash_pin("482913")}"',
        text,
        flags=re.MULTILINE,
    )
    logo = tmp_path / "logo.png"
    shutil.copy(ROOT / "packaging" / "linux" / "io.github.decisionaid.DecisionAid.svg", logo)
    text = re.sub(r'^logo = ".*"$', f'logo = "{logo}"', text, flags=re.MULTILINE)
    config_file = tmp_path / "config.toml"
    config_file.write_text(text)
    config = load_config(config_file, explicit=True)
    assert config.diagnostics.items == []
    assert config.clinic_name and config.printer and config.staff_pin_hash
    assert config.idle_timeout_seconds == 120 and "en" in config.crisis
    assert config.help_idle_timeout_seconds == 600


def test_kiosk_service_runs_the_installed_kiosk_under_cage() -> None:
    unit = (PACKAGING / "decisionaid-kiosk.service").read_text()
    assert re.search(
        r"^ExecStart=/usr/bin/cage .*-- /usr/bin/decisionaid --kiosk "
        r"--config /etc/decisionaid/config.toml$",
        unit,
        re.MULTILINE,
    )
    for line in ("User=decisionaid-kiosk", "Restart=always", "WantedBy=graphical.target"):
        assert re.search(rf"^{line}$", unit, re.MULTILINE), line
    if shutil.which("systemd-analyze"):
        verify = subprocess.run(
            ["systemd-analyze", "verify", "--man=no", str(PACKAGING / "decisionaid-kiosk.service")],
            capture_output=True,
            text=True,
        )
        assert verify.returncode == 0 and not verify.stderr.strip(), verify.stderr


def _documented_hash(root: Path) -> str:
    # The recipe in decisionaid/core/content_hash.py and docs/deploying-kiosk.md.
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()


def test_version_names_the_app_and_the_guides_content_hash(content_copy: Path) -> None:
    shown = run_decisionaid(["--content", str(content_copy), "--version"])
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == f"decisionaid {__version__}"
    assert lines[2] == f"content sha256: {_documented_hash(content_copy)}"
    before = fingerprint(content_copy)
    page = next(content_copy.rglob("*.md"))
    page.write_text(page.read_text() + "\n")
    assert fingerprint(content_copy).sha256 != before.sha256, "an edit changes the hash"


def test_version_names_every_guide_the_app_has() -> None:
    shown = run_decisionaid(["--version"])
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == f"decisionaid {__version__}"
    shipped = sorted(p.parent.name for p in (ROOT / "resources" / "content").glob("*/guide.toml"))
    guides = [re.fullmatch(r"guide: ([a-z]+), (.*)", line) for line in lines[1::2]]
    assert [g.group(1) for g in guides if g] == shipped
    for guide, digest in zip(lines[1::2], lines[2::2], strict=True):
        assert re.fullmatch(
            r"guide: [a-z]+, edition \d{4}\.\d\d, evidence searched \d{4}-\d\d-\d\d, "
            r"pages last reviewed \d{4}-\d\d-\d\d, \d+ files",
            guide,
        )
        assert re.fullmatch(r"content sha256: [0-9a-f]{64}", digest)


def test_icon_is_a_square_svg_with_a_title() -> None:
    svg = (PACKAGING / "io.github.decisionaid.DecisionAid.svg").read_text()
    assert 'viewBox="0 0 128 128"' in svg and "<title>" in svg
