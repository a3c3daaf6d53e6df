"""A private desktop for tests that drive the real app as a person would: a virtual screen
(Xvfb) of a given size, its own D-Bus session and the AT-SPI registry a screen reader talks to.

Used by the screen-reader walk and the touch and screen-size checks (tests/process).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER_DIRS = ("/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/at-spi2")
PACKAGES = "xvfb dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0"


def bus_launcher() -> str | None:
    for d in BUS_LAUNCHER_DIRS:
        path = Path(d) / "at-spi-bus-launcher"
        if path.exists():
            return str(path)
    return None


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if bus_launcher() is None:
        missing.append("at-spi-bus-launcher")
    if not Path(SYSTEM_PYTHON).exists():
        missing.append(SYSTEM_PYTHON)
    else:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60
        )
        if probe.returncode != 0:
            missing.append("pyatspi for /usr/bin/python3")
    return missing


class Processes:
    """Everything started for the walk, stopped in reverse order whatever happens."""

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

    def stop_all(self) -> None:
        for proc in reversed(self.started):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=5)
        for proc in self.started:
            for pipe in (proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()
        for file in self.files:
            file.close()


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


def tail(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:] if path.exists() else ""


def read_fd_line(stream, message: str) -> str:  # type: ignore[no-untyped-def]
    line = stream.readline().strip()
    if not line:
        pytest.fail(message)
    return str(line)


@contextmanager
def desktop(tmp_path: Path, size: str = "1280x800") -> Iterator[dict[str, str]]:
    """The environment for programs on a fresh virtual screen of `size` (WxH) with an
    accessibility bus; everything started is stopped on leaving."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the AT-SPI walk runs on Linux only")
    missing = _missing()
    if missing:
        pytest.skip(
            "screen-reader walk needs "
            + ", ".join(missing)
            + f" (Debian packages: {PACKAGES}; scripts/system-deps.sh installs them as root)"
        )
    procs = Processes()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    try:
        bus = procs.start(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        address = read_line(bus, "dbus-daemon did not print its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
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
            stderr=procs.log(tmp_path / "xvfb.log"),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as displayfd:
            display = read_fd_line(displayfd, "Xvfb did not start")
        env["DISPLAY"] = f":{display}"
        procs.start(
            [bus_launcher() or "", "--launch-immediately"],
            env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        env.update(
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            DECISIONAID_SPEECH_ENGINE="none",
        )
        yield env
    finally:
        procs.stop_all()
