"""Qt's on-screen keyboard in a touch-only kiosk, on a real X server (Xvfb, portrait 1080x1920)
with real taps and key presses from xdotool: it opens when the question field takes the focus
(by a tap, or by Tab), its keys type into the field, "Add to my list" adds the question, and a
kiosk reset puts it away with the field empty. Switched off, none of it loads.

tests/helpers/on_screen_keyboard_driver.py runs the kiosk and reports; `make test` installs
Xvfb and xdotool (scripts/system-deps.sh) and PySide6-Addons, which has the keyboard's library.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from decisionaid.ui.on_screen_keyboard import on_screen_keyboard_installed

DRIVER = Path(__file__).parents[1] / "helpers" / "on_screen_keyboard_driver.py"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def portrait_screen(tmp_path: Path) -> Iterator[dict[str, str]]:
    if not sys.platform.startswith("linux"):
        pytest.skip("runs on a Linux X server")
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (scripts/system-deps.sh installs them)")
    if not on_screen_keyboard_installed():
        pytest.skip("Qt's on-screen keyboard is not installed (PySide6-Addons)")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        [
            *("Xvfb", "-noreset", "-nolisten", "tcp"),
            *("-displayfd", str(write_fd), "-screen", "0", "1080x1920x24"),
        ],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as displayfd:
            display = displayfd.readline().strip()
        assert display, "Xvfb did not start"
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_IM_MODULE")}
        env.update(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        yield env
    finally:
        os.killpg(xvfb.pid, signal.SIGTERM)
        xvfb.wait(timeout=10)


def _drive(env: dict[str, str], tmp_path: Path, setting: str) -> dict[str, object]:
    config = tmp_path / "config.toml"
    config.write_text(f'[kiosk]\non_screen_keyboard = "{setting}"\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(DRIVER), str(config), "Can my partner come"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return report


def test_a_touch_only_kiosk_types_its_own_question_on_the_on_screen_keyboard(
    portrait_screen: dict[str, str], tmp_path: Path
) -> None:
    report = _drive(portrait_screen, tmp_path, "on")
    assert report["policy"] is True and report["notices"] == []
    assert report["im_module"] == "qtvirtualkeyboard"
    assert report["loaded_at_first_paint"] is True
    assert report["field"] is True
    assert report["shown_before_focus"] is False
    assert report["shown_on_tap"] is True
    _x, top, width, height = report["keyboard_rect"]  # type: ignore[misc]
    assert width == 1080 and height > 200 and top + height == 1920, "along the screen's foot"
    assert report["field_above_keyboard"] is True, "the field moves up out of its way"
    assert report["typed"] == "Can my partner come"
    assert report["own_questions"] == ["Can my partner come"]
    assert report["hidden_after_leaving"] is True
    assert report["focus_by_tab"] is True and report["shown_on_tab"] is True
    assert report["hidden_after_reset"] is True and report["field_after_reset"] == ""


def test_switched_off_the_keyboard_never_loads(
    portrait_screen: dict[str, str], tmp_path: Path
) -> None:
    report = _drive(portrait_screen, tmp_path, "off")
    assert report["policy"] is False and report["im_module"] == ""
    assert report["loaded_at_first_paint"] is False
