"""What the tests share: where the fixtures are, and builders for windows and processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from decisionaid.app import Options
from decisionaid.core.policy import Mode

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
FIXTURE_CONTENT = TESTS / "fixtures" / "content" / "en"  # a small guide
DECISION_CONTENT = TESTS / "fixtures" / "decision" / "en"  # a small guide's decision steps
APP_CONTENT = ROOT / "resources" / "content" / "en"  # the guide the app ships
XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def make_window(  # type: ignore[no-untyped-def]
    qtbot,
    content: Path,
    mode: Mode = Mode.PERSONAL,
    config: Path | None = None,
    screen: tuple[int, int] | None = None,
):
    """The app's window on `content`, shown at 1280x800 and active. `screen` stands in for the
    size of the screen it runs on (the kiosk's text size comes from it)."""
    from decisionaid.app import build_app, build_parts

    options = Options(
        content=content,
        config=config,
        kiosk=mode is Mode.KIOSK,
        counsellor=mode is Mode.COUNSELLOR,
    )
    app = build_app(build_parts(options), screen_size=screen)
    window, kiosk = app.window, app.kiosk
    # A kiosk window refuses to close, and counts down, until the kiosk stands down.
    qtbot.addWidget(window, before_close_func=kiosk and (lambda _window: kiosk.stand_down()))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def run_decisionaid(
    args: list[str],
    env: dict[str, str] | None = None,
    timeout: int = 180,
    *,
    offscreen: bool = True,
) -> subprocess.CompletedProcess[str]:
    """The real program in a fresh interpreter, as staff would start it: offscreen, unless
    `offscreen` is False (then on whatever display `env` gives it)."""
    full_env = dict(os.environ if env is None else env)
    if offscreen:
        full_env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "decisionaid", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )


def display_tools(window):  # type: ignore[no-untyped-def]
    """The reader's display tools the app installed on `window`."""
    from decisionaid.ui.display_tools import DisplayTools

    return window.findChild(DisplayTools)


def counsellor_tools(window):  # type: ignore[no-untyped-def]
    """The counsellor's tools the app installed on `window`, or None in other modes."""
    from decisionaid.ui.counsellor.toolbar import CounsellorTools

    return window.findChild(CounsellorTools)


def counsellor_window(qtbot):  # type: ignore[no-untyped-def]
    """A counsellor's window on the app's own guide, and its counsellor tools."""
    from decisionaid.paths import content_dir

    window = make_window(qtbot, content_dir("en"), Mode.COUNSELLOR)
    return window, counsellor_tools(window)


def add_to_top_of_page(page: Path, sentence: str) -> None:
    """A paragraph added right under a page's front matter, where its screen shows it."""
    text = page.read_text(encoding="utf-8")
    fence = text.index("+++", 3) + len("+++\n")
    page.write_text(f"{text[:fence]}\n{sentence}\n{text[fence:]}", encoding="utf-8")
