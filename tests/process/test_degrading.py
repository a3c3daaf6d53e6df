"""Degrading well: a full disk, a wrong display and a computer with no fonts each get one clear
message for staff, never a traceback per log line, an abort, or a probe that says all is well.

Each runs the real program in a fresh process, as staff would meet it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import run_decisionaid

TIME_LIMIT_S = 120


def _run(
    args: list[str], env: dict[str, str], *, offscreen: bool = True
) -> subprocess.CompletedProcess[str]:
    return run_decisionaid(args, env, TIME_LIMIT_S, offscreen=offscreen)


def _env(**changes: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DECISIONAID_SPEECH_ENGINE="none")
    env.update(changes)
    return env


@contextlib.contextmanager
def _full_filesystem(where: Path) -> Iterator[str]:
    """A folder on a filesystem with no space left: a small tmpfs filled to the brim where
    this machine lets us mount one, else a log folder whose files are links to /dev/full
    (whose every write fails with ENOSPC, as a full disk's does). Yields which it is."""
    where.mkdir()
    mounted = False
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount"):
        mounted = (
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )
    try:
        if mounted:
            with contextlib.suppress(OSError), (where / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
            yield "a full tmpfs"
        else:
            log = where / "decisionaid" / "log"
            log.mkdir(parents=True)
            (log / "decisionaid.log").symlink_to("/dev/full")
            yield "/dev/full"
    finally:
        if mounted:
            subprocess.run(["umount", str(where)], check=False)


def test_a_full_disk_gives_one_notice_not_a_traceback_per_log_line(tmp_path: Path) -> None:
    with _full_filesystem(tmp_path / "state") as kind:
        state = tmp_path / "state"
        (state / "decisionaid" / "log").mkdir(parents=True, exist_ok=True)
        result = _run(
            ["--startup-probe"], _env(XDG_STATE_HOME=str(state), DECISIONAID_LOG_LEVEL="debug")
        )
    assert result.returncode == 0, result.stderr
    assert "Logging error" not in result.stderr, kind
    assert "Traceback" not in result.stderr
    notices = [line for line in result.stderr.splitlines() if "cannot write the log file" in line]
    assert len(notices) == 1, result.stderr
    assert "No space left on device" in notices[0]


def test_a_wrong_display_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    env = _env(DISPLAY=":7777", XDG_RUNTIME_DIR=str(tmp_path))
    del env["QT_QPA_PLATFORM"]
    env.pop("WAYLAND_DISPLAY", None)
    for mode in ([], ["--kiosk"]):
        result = _run([*mode, "--startup-probe"], env, offscreen=False)
        assert result.returncode == 2, (result.returncode, result.stderr)
        assert "decisionaid: cannot open the display :7777" in result.stderr
        assert "Reinstalling" not in result.stderr


def _no_fonts(tmp_path: Path) -> Path:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{tmp_path / 'no-fonts'}</dir>"
        f"<cachedir>{tmp_path / 'font-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize("mode", [[], ["--kiosk"]], ids=["personal", "kiosk"])
def test_no_usable_font_is_logged_for_staff_and_fails_the_probe(
    tmp_path: Path, mode: list[str]
) -> None:
    state = tmp_path / "state"
    env = _env(FONTCONFIG_FILE=str(_no_fonts(tmp_path)), XDG_STATE_HOME=str(state))
    result = _run([*mode, "--startup-probe"], env)
    assert result.returncode == 1, result.stderr
    assert "no installed font can show letters or digits" in result.stderr
    if not mode:  # personal mode keeps a log file: staff find it there too
        log = (state / "decisionaid" / "log" / "decisionaid.log").read_text(encoding="utf-8")
        assert "no installed font can show letters or digits" in log


def test_with_fonts_the_probe_passes() -> None:
    assert _run(["--startup-probe"], _env()).returncode == 0
