"""The real app on a real X server, driven by real input (xdotool) and heard through the
accessibility bus, as a reader at a kiosk or a laptop meets it:

- a mouse-button drag (what many kiosk touchscreens send for a finger) scrolls a page, and
  selects nothing;
- on 1366x768 and 1280x720 laptop screens the window fits, with Back and Next on the screen;
- Tab to a link in a page, Enter: the meaning (or the source, for a citation number) opens
  beside it, a screen reader is told it, the keyboard is on its Close; Esc closes it and the
  keyboard is back on the page;
- on a portrait kiosk, a tap near the edge of a point of the "What matters" scale chooses it,
  and a screen reader hears it chosen.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from decisionaid.core.content import load_guide
from tests.helpers import APP_CONTENT
from tests.helpers.x_session import SYSTEM_PYTHON, desktop

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "tests" / "helpers" / "atspi_probe.py"


def probe(env: dict[str, str], *args: str) -> dict[str, object]:
    """Ask the running app one question over the accessibility bus (atspi_probe.py)."""
    result = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), *args], env=env, capture_output=True, text=True, timeout=60
    )
    lines = result.stdout.strip().splitlines()
    assert lines, f"probe {args} said nothing: {result.stderr[-1500:]}"
    return dict(json.loads(lines[-1]))


def until(ask: Callable[[], dict[str, object]], ok: Callable[[dict[str, object]], bool]) -> dict:  # type: ignore[type-arg]
    """Ask again until the answer is as wanted (a screen reader waits for events; this polls)."""
    deadline = time.monotonic() + 30
    answer = ask()
    while not ok(answer) and time.monotonic() < deadline:
        answer = ask()
    return answer


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


@pytest.fixture
def app_on_x(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Start the app on a fresh X server of a given size; yields the environment to talk to it."""
    if shutil.which("xdotool") is None:
        pytest.skip("needs xdotool (Debian package xdotool; scripts/system-deps.sh installs it)")
    started: list[subprocess.Popen[bytes]] = []

    @contextmanager
    def start(size: str, *flags: str) -> Iterator[dict[str, str]]:
        with desktop(tmp_path, size) as env:
            env = dict(env, HOME=str(tmp_path / "home"))
            for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
                env[var] = str(tmp_path / "home" / var.lower())
            app = subprocess.Popen(
                [sys.executable, "-m", "decisionaid", *flags],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            started.append(app)
            try:
                until(lambda: probe(env, "find", "Get help now"), lambda a: "error" not in a)
                # Keyboard focus to the app's window, as a window manager would give it.
                xdotool(
                    env, "search", "--sync", "--onlyvisible", "--name", "Ketamine", "windowfocus"
                )
                yield env
            finally:
                app.terminate()
                try:
                    app.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    app.kill()
                    app.wait(timeout=5)

    yield start


def tap(env: dict[str, str], found: dict[str, object], corner: bool = False) -> None:
    """A real click on what the probe found: in its middle, or near its lower right corner."""
    x, y, w, h = found["extents"]  # type: ignore[misc]
    at = (x + w - 6, y + h - 6) if corner else (x + w // 2, y + h // 2)
    xdotool(env, "mousemove", str(at[0]), str(at[1]), "click", "1")


def read_on(env: dict[str, str], *buttons: str) -> None:
    """Press each button in turn (by its accessible name's start), as a reader taps them."""
    for name in buttons:
        before = probe(env, "find", "Step ")
        pressed = probe(env, "press", name)
        assert "error" not in pressed, pressed
        if name.startswith(("Next", "Skip")):
            until(lambda b=before: probe(env, "find", "Step "), lambda a, b=before: a != b)


def test_a_real_mouse_drag_scrolls_a_kiosk_page_and_selects_nothing(app_on_x) -> None:  # type: ignore[no-untyped-def]
    # The kiosk's welcome says its own words for starting (step-wording.toml).
    start = load_guide(APP_CONTENT).wording["kiosk_welcome.start"]
    assert start
    with app_on_x("1080x1920", "--kiosk") as env:
        read_on(env, start, "Next", "Next", "Skip this part", "Skip this part")
        read_on(env, "Next", "Next", "Skip this part", "Show this part")  # the benefits page
        page = until(lambda: probe(env, "find", "Page text"), lambda a: "error" not in a)
        x, y, w, h = page["extents"]  # type: ignore[misc]
        before = until(lambda: probe(env, "scroll"), lambda a: a["value"] is not None)
        column = str(x + w // 2)
        xdotool(env, "mousemove", column, str(y + h - 60), "mousedown", "1")
        for i in range(1, 13):  # a finger's pace: a move a frame
            xdotool(
                env, "mousemove", column, str(y + h - 60 - i * (h - 120) // 12), "sleep", "0.016"
            )
        xdotool(env, "mouseup", "1")
        start = float(before["value"])  # type: ignore[arg-type]
        after = until(
            lambda: probe(env, "scroll"),
            lambda a: a["value"] is not None and float(a["value"]) > start + 300,  # type: ignore[arg-type]
        )
        assert after["value"] > before["value"] + 300, (before, after)  # type: ignore[operator]
        assert not after["selected"], "the drag scrolled; it did not select words"


@pytest.mark.parametrize("size", ["1366x768", "1280x720"])
def test_the_window_fits_a_laptop_screen_with_back_and_next_on_it(app_on_x, size: str) -> None:  # type: ignore[no-untyped-def]
    width, height = (int(v) for v in size.split("x"))
    with app_on_x(size) as env:
        read_on(env, "Next")
        for name in ("Back", "Next", "Get help now"):
            found = probe(env, "find", name)
            x, y, w, h = found["extents"]  # type: ignore[misc]
            assert x >= 0 and x + w <= width and y >= 0 and y + h <= height, (name, found)
        window = xdotool(env, "search", "--onlyvisible", "--name", "Ketamine").split()[0]
        geometry = xdotool(env, "getwindowgeometry", window)
        assert f"Geometry: {width}x{height}" in geometry, geometry


def open_by_keyboard(env: dict[str, str], tabs: int) -> dict:  # type: ignore[type-arg]
    """From the page text, Tab `tabs` times to a link and press Enter: what a screen reader hears."""
    until(lambda: probe(env, "focused"), lambda a: a.get("name") == "Page text")
    for _ in range(tabs):
        xdotool(env, "key", "Tab")
    listener = subprocess.Popen(
        [SYSTEM_PYTHON, str(PROBE), "listen", "4"], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert listener.stdout is not None
        assert json.loads(listener.stdout.readline())["listening"]
        xdotool(env, "key", "Return")
        return dict(json.loads(listener.communicate(timeout=60)[0].strip().splitlines()[-1]))
    finally:
        if listener.poll() is None:
            listener.kill()
            listener.wait(timeout=5)


def close_with_escape(env: dict[str, str], close: str) -> None:
    xdotool(env, "key", "Escape")
    back = until(lambda: probe(env, "focused"), lambda a: a.get("name") == "Page text")
    assert back["name"] == "Page text", "Esc puts the keyboard back on the page's link"
    assert "error" in probe(env, "find", close)


def test_a_word_opens_beside_it_by_keyboard_and_a_screen_reader_hears_it(app_on_x) -> None:  # type: ignore[no-untyped-def]
    with app_on_x("1366x768") as env:
        read_on(env, "Next", "Next", "Show this part")  # "What is PTSD?", read on
        heard = open_by_keyboard(env, 1)  # the page's first link: a word in the word list
        said = [h for h in heard["heard"] if h["type"] == "object:announcement"]
        assert said and said[0]["said"].startswith("Trauma. A very frightening event"), heard
        focused = until(lambda: probe(env, "focused"), lambda a: "Close" in str(a.get("name")))
        assert focused["name"] == "Close: Trauma", focused
        panel = probe(env, "find", "Trauma")
        assert str(panel["description"]).startswith("A very frightening event"), panel
        page = probe(env, "find", "Page text")
        # Beside the word, within the page: not at the far edge of the window.
        assert panel["extents"][1] >= page["extents"][1]  # type: ignore[index]
        close_with_escape(env, "Close: Trauma")


def test_a_citation_opens_its_source_by_keyboard_and_a_screen_reader_hears_it(app_on_x) -> None:  # type: ignore[no-untyped-def]
    guide = load_guide(APP_CONTENT)
    feder = guide.references["feder2021"]
    with app_on_x("1366x768") as env:
        # "What is ketamine?": "anesthetic" (a word), then the number of its first source.
        read_on(env, "Next", "Next", "Skip this part", "Skip this part")
        heard = open_by_keyboard(env, 2)
        said = [h for h in heard["heard"] if h["type"] == "object:announcement"]
        title = f"Source {feder.number}"
        assert said and said[0]["said"].startswith(f"{title}. {feder.authors}"), heard
        focused = until(lambda: probe(env, "focused"), lambda a: "Close" in str(a.get("name")))
        assert focused["name"] == f"Close: {title}", focused
        panel = probe(env, "find", title)
        assert feder.authors in str(panel["description"]), panel
        close_with_escape(env, f"Close: {title}")


def test_a_tap_on_the_edge_of_a_point_of_the_scale_chooses_it(app_on_x) -> None:  # type: ignore[no-untyped-def]
    guide = load_guide(APP_CONTENT)
    start = guide.wording["kiosk_welcome.start"]
    with app_on_x("1080x1920", "--kiosk") as env:
        read_on(env, start)
        until(lambda: probe(env, "find", "Next"), lambda a: "error" not in a)
        # On to "What matters" by the keyboard's next-step key (past content notes too).
        ahead = [s.id for s in guide.steps if not s.is_extra].index("values")
        xdotool(env, "key", "--delay", "250", *["alt+Right"] * ahead)
        point = until(lambda: probe(env, "find", "Somewhat important"), lambda a: "error" not in a)
        assert point["role"] == "radio button" and not point["checked"], point
        # A finger lands near the tile's corner, away from its circle and its words.
        tap(env, point, corner=True)
        chosen = until(
            lambda: probe(env, "find", "Somewhat important"), lambda a: bool(a["checked"])
        )
        assert chosen["checked"], chosen
