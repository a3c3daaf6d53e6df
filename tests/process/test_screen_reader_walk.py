"""A screen reader's walk through the whole guide, over the real Linux accessibility bus.

The app runs on a virtual screen (Xvfb) with its own D-Bus session and AT-SPI registry; a
separate process (tests/helpers/atspi_walker.py, under the system Python that has pyatspi) finds it,
reads every step and presses "Next", ticks a question on the questions step and hears it again
in the summary. `make test` installs the Debian packages this needs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

ROOT = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).parents[1] / "helpers" / "atspi_walker.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER_DIRS = ("/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/at-spi2")
PACKAGES = "xvfb dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0"


def _bus_launcher() -> str | None:
    for d in BUS_LAUNCHER_DIRS:
        path = Path(d) / "at-spi-bus-launcher"
        if path.exists():
            return str(path)
    return None


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if _bus_launcher() is None:
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


@pytest.fixture
def accessibility_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
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
        address = _read_line(bus, "dbus-daemon did not print its address")
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
                "1280x800x24",
                "-nolisten",
                "tcp",
            ],
            env,
            pass_fds=(write_fd,),
            stderr=procs.log(tmp_path / "xvfb.log"),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as displayfd:
            display = _read_fd_line(displayfd, "Xvfb did not start")
        env["DISPLAY"] = f":{display}"
        procs.start(
            [_bus_launcher() or "", "--launch-immediately"],
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


def _read_line(proc: subprocess.Popen[bytes], message: str) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = proc.stdout.readline().decode().strip()
        if line:
            return line
        if proc.poll() is not None:
            break
    pytest.fail(message)


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:] if path.exists() else ""


def _read_fd_line(stream, message: str) -> str:  # type: ignore[no-untyped-def]
    line = stream.readline().strip()
    if not line:
        pytest.fail(message)
    return str(line)


def test_screen_reader_can_walk_the_whole_guide(
    accessibility_bus: dict[str, str], tmp_path: Path
) -> None:
    # The app's own log, so a failure can say what Qt said before it gave up.
    env = dict(accessibility_bus, XDG_STATE_HOME=str(tmp_path / "state"))
    from decisionaid.app import Options, build_parts

    guide = build_parts(Options()).guide
    total = len(guide.steps)
    questions = guide.index_of("questions") + 1
    summary = guide.index_of("summary") + 1
    assert 0 < questions < summary
    app = subprocess.Popen(
        [sys.executable, "-m", "decisionaid"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        walk = subprocess.run(
            [
                *(SYSTEM_PYTHON, str(WALKER), "--timeout", "30"),
                *("--tick-step", str(questions), "--summary-step", str(summary)),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait(timeout=5)
        app_errors = ""
        if app.stderr is not None:
            app_errors = app.stderr.read().decode(errors="replace")
            app.stderr.close()
    log = tmp_path / "state" / "decisionaid" / "log" / "decisionaid.log"
    app_log = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
    assert walk.returncode == 0, (
        f"{walk.stdout}{walk.stderr}\napp exit {app.returncode}: {app_errors[-3000:]}\n"
        f"app log: {app_log}\nXvfb said: {_tail(tmp_path / 'xvfb.log')}"
    )
    report = json.loads(walk.stdout.strip().splitlines()[-1])
    steps = report["steps"]
    assert [s["counter"] for s in steps] == [f"Step {i} of {total}" for i in range(1, total + 1)]
    assert all(s["help"] for s in steps), [s["counter"] for s in steps if not s["help"]]
    quiet = [s["counter"] for s in steps if s["text_chars"] < 40]
    assert not quiet, f"steps a screen reader hears (almost) nothing on: {quiet}"
    assert not steps[-1]["next_enabled"]
    # A screen-reader user ticks a question on the questions step, through the check box's
    # own action, and hears it again in the summary.
    ticked = report["ticked"]
    assert ticked.get("checked"), ticked
    assert ticked["question"].strip()
    hears = [s["counter"] for s in steps if s["reads_ticked_question"]]
    assert f"Step {summary} of {total}" in hears, (ticked, hears)
