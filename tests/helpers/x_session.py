"""A private X display for tests that meet the app as a person does: a virtual screen (Xvfb) of
a given size, optionally a standard window manager (openbox) on it, optionally a private D-Bus
session with the accessibility (AT-SPI) bus, and the real program started on it. Input comes
through the X server itself (xdotool, wmctrl), so the window manager sees it as it would a
keyboard's. Everything started is stopped again, in reverse order, whatever happens.

`make test` installs what this needs (scripts/system-deps.sh); a test that finds something
missing is skipped and says which Debian package brings it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from tests.helpers import ROOT
from tests.helpers.waiting import wait_until

__all__ = ["Processes", "XSession", "bus_launcher", "skip_unless", "wait_until", "x_session"]

SYSTEM_PYTHON = "/usr/bin/python3"  # pyatspi comes from python3-pyatspi, not from PyPI
BUS_LAUNCHER_DIRS = ("/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/at-spi2")
DEBIAN_PACKAGES = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "wmctrl": "wmctrl",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "xrandr": "x11-xserver-utils",
    "openbox": "openbox",
    "dbus-daemon": "dbus",
    "at-spi-bus-launcher": "at-spi2-core",
    "pyatspi": "python3-pyatspi",
}


class Processes:
    """Everything started for a test, stopped in reverse order whatever happens."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[bytes]] = []
        self.files: list[IO[bytes]] = []

    def log(self, path: Path) -> IO[bytes]:
        """A file for a process's output, closed with the processes."""
        file = path.open("wb")
        self.files.append(file)
        return file

    def start(self, args: list[str], env: dict[str, str], **kw: object) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(args, env=env, start_new_session=True, **kw)  # type: ignore[call-overload]
        self.started.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                return
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)

    def stop_all(self) -> None:
        for proc in reversed(self.started):
            self.stop(proc)
        for proc in self.started:
            for pipe in (proc.stdin, proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()
        for file in self.files:
            file.close()


def bus_launcher() -> str | None:
    for d in BUS_LAUNCHER_DIRS:
        path = Path(d) / "at-spi-bus-launcher"
        if path.exists():
            return str(path)
    return None


def missing(*tools: str) -> list[str]:
    """Which of `tools` this machine lacks ("pyatspi": the system Python's)."""
    gone = []
    for tool in tools:
        if tool == "at-spi-bus-launcher":
            found = bus_launcher() is not None
        elif tool == "pyatspi":
            found = Path(SYSTEM_PYTHON).exists() and (
                subprocess.run(
                    [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60
                ).returncode
                == 0
            )
        else:
            found = shutil.which(tool) is not None
        if not found:
            gone.append(tool)
    return gone


def skip_unless(*tools: str) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("an X display is a Linux test here")
    gone = missing(*tools)
    if gone:
        packages = sorted({DEBIAN_PACKAGES.get(t, t) for t in gone})
        pytest.skip(
            f"needs {', '.join(gone)} (Debian packages: {' '.join(packages)}; "
            "scripts/system-deps.sh installs them as root)"
        )


def read_line(proc: subprocess.Popen[bytes], message: str) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = proc.stdout.readline().decode().strip()
        if line:
            return line
        if proc.poll() is not None:
            break
    pytest.fail(message)


def start_accessibility_bus(procs: Processes, env: dict[str, str]) -> None:
    """A private session bus in `env`, before the display starts (its launcher needs both)."""
    bus = procs.start(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    env["DBUS_SESSION_BUS_ADDRESS"] = read_line(bus, "dbus-daemon did not print its address")


def start_xvfb(procs: Processes, env: dict[str, str], size: str, log: Path) -> None:
    """A virtual screen of `size` (WxH), its number put in env["DISPLAY"]."""
    read_fd, write_fd = os.pipe()
    procs.start(
        [
            "Xvfb",
            # Without it the server resets whenever its last client leaves (the bus
            # launcher connects and goes), and refuses connections while it does.
            "-noreset",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{size}x24",
            "-nolisten",
            "tcp",
        ],
        env,
        pass_fds=(write_fd,),
        stderr=procs.log(log),
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as displayfd:
        line = displayfd.readline().strip()
    if not line:
        pytest.fail(f"Xvfb did not start: {log.read_text(errors='replace')[-2000:]}")
    env["DISPLAY"] = f":{line}"


def start_at_spi(procs: Processes, env: dict[str, str]) -> None:
    procs.start(
        [bus_launcher() or "", "--launch-immediately"],
        env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class XSession:
    """One private display and what runs on it."""

    def __init__(self, work: Path, procs: Processes, env: dict[str, str]) -> None:
        self.work = work
        self.procs = procs
        self.env = env
        self.app: subprocess.Popen[bytes] | None = None
        self.app_log = work / "app.log"

    # -- the tools a person's input and eyes stand in for ---------------------------------

    def run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=60)
        if check and result.returncode != 0:
            raise AssertionError(f"{' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def screen_size(self) -> tuple[int, int]:
        found = re.search(r"current (\d+) x (\d+)", self.run("xrandr"))
        assert found, "xrandr shows no current size"
        return int(found.group(1)), int(found.group(2))

    def set_screen_mode(self, width: int, height: int) -> None:
        """Switch the screen to another size, as a monitor plugged in late or a resolution set
        after start-up does. The size must fit the one Xvfb started with."""
        name = f"{width}x{height}"
        if name not in self.run("xrandr"):
            # A mode line the virtual screen accepts as is (the timings do not matter to it).
            self.run(
                "xrandr",
                "--newmode",
                name,
                "60",
                str(width),
                str(width + 48),
                str(width + 80),
                str(width + 160),
                str(height),
                str(height + 3),
                str(height + 8),
                str(height + 30),
            )
            self.run("xrandr", "--addmode", "screen", name)
        self.run("xrandr", "--output", "screen", "--mode", name)

    def window_ids(self) -> list[str]:
        """The app's windows, as decimal ids (as xdotool gives and takes them). A search that
        meets a window going away as it looks finds nothing; it looks again."""
        for _ in range(5):
            found = self.run("xdotool", "search", "--class", "^decisionaid$", check=False)
            if found.split():
                return found.split()
        return []

    def geometry(self, window: str) -> dict[str, int | str]:
        """Where a window is on the screen, its size and whether it is shown (xwininfo)."""
        text = self.run("xwininfo", "-id", window, check=False)
        found: dict[str, int | str] = {}
        for key, label in (
            ("x", "Absolute upper-left X"),
            ("y", "Absolute upper-left Y"),
            ("width", "Width"),
            ("height", "Height"),
        ):
            match = re.search(rf"{label}:\s+(-?\d+)", text)
            found[key] = int(match.group(1)) if match else -1
        state = re.search(r"Map State:\s+(\w+)", text)
        found["map"] = state.group(1) if state else "gone"
        return found

    def main_window(self) -> str:
        """The app's window: the largest of its windows (the others are Qt's helpers)."""

        def area(w: str) -> int:
            g = self.geometry(w)
            return int(g["width"]) * int(g["height"])

        ids = self.window_ids()
        assert ids, "the app has no window on the display"
        return max(ids, key=area)

    def net_wm_state(self, window: str) -> str:
        return self.run("xprop", "-id", window, "_NET_WM_STATE", check=False)

    def active_window(self) -> str:
        return self.run("xdotool", "getactivewindow", check=False).strip()

    def screenshot(self, path: Path) -> Path:
        """The whole screen as a person sees it, grabbed from the X server."""
        grab = (
            "import sys\n"
            "from PySide6.QtGui import QGuiApplication\n"
            "app = QGuiApplication(sys.argv[:1])\n"
            "app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
        )
        env = dict(self.env, QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="0")
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        subprocess.run([sys.executable, "-c", grab, str(path)], env=env, check=True, timeout=60)
        return path

    # -- the app ---------------------------------------------------------------------------

    def start_app(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        """`python -m decisionaid ARGS` on this display; what it logs goes to app.log."""
        self.app = self.procs.start(
            [sys.executable, "-m", "decisionaid", *args],
            dict(self.env, **(env or {})),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self.procs.log(self.app_log),
        )
        return self.app

    def app_said(self) -> str:
        return self.app_log.read_text(errors="replace") if self.app_log.exists() else ""


@contextlib.contextmanager
def x_session(
    work: Path,
    size: str = "1920x1080",
    *,
    window_manager: bool = False,
    accessibility: bool = False,
) -> Iterator[XSession]:
    tools = ["Xvfb", "xdotool", "xwininfo", "xprop", "xrandr"]
    if window_manager:
        tools += ["openbox", "wmctrl"]
    if accessibility:
        tools += ["dbus-daemon", "at-spi-bus-launcher", "pyatspi"]
    skip_unless(*tools)
    procs = Processes()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", DECISIONAID_SPEECH_ENGINE="none")
    try:
        if accessibility:
            start_accessibility_bus(procs, env)
        start_xvfb(procs, env, size, work / "xvfb.log")
        if accessibility:
            start_at_spi(procs, env)
            env.update(QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
        session = XSession(work, procs, env)
        if window_manager:
            # Openbox as a desktop session runs it: its default key bindings (Alt+Space for
            # the window menu, Super+D to show the desktop) and four workspaces.
            procs.start(["openbox"], env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            assert wait_until(lambda: "Openbox" in session.run("wmctrl", "-m", check=False), 20), (
                "openbox did not start"
            )
        yield session
    finally:
        procs.stop_all()


def tail(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:] if path.exists() else ""


@contextlib.contextmanager
def desktop(tmp_path: Path, size: str = "1280x800") -> Iterator[dict[str, str]]:
    """The environment for programs on a fresh virtual screen of `size` (WxH) with an
    accessibility bus and no window manager; everything started is stopped on leaving."""
    skip_unless("Xvfb", "dbus-daemon", "at-spi-bus-launcher", "pyatspi")
    procs = Processes()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    try:
        start_accessibility_bus(procs, env)
        start_xvfb(procs, env, size, tmp_path / "xvfb.log")
        start_at_spi(procs, env)
        env.update(
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            DECISIONAID_SPEECH_ENGINE="none",
        )
        yield env
    finally:
        procs.stop_all()
