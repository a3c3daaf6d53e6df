"""What a kiosk leaves behind as a process: no core file when it crashes (a core holds whatever
the reader typed), and no D-Bus daemon started for it when the machine has no session bus."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FIXTURE_CONTENT, ROOT
from tests.helpers.processes import marked_processes, new_marker, stop_processes, virtual_screen

CRASH_AFTER_FIRST_PAINT = """
import os, signal, sys
import decisionaid.app as app
from decisionaid.app import Options

shown = app.show_window

def show_then_crash(window, policy):
    # The reader has the guide in front of them; then the process dies as a bug would kill it.
    window.firstPaint.connect(lambda: os.kill(os.getpid(), signal.SIGSEGV))
    shown(window, policy)

app.show_window = show_then_crash
sys.exit(app.run(Options(content=sys.argv[1], kiosk=sys.argv[2] == "kiosk")))
"""


def _allow_core_files() -> None:
    """In the child: as large a core limit as we may set, so only the app can stop a core."""
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _core_folder(work: Path) -> Path:
    pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    if pattern.startswith("|"):
        pytest.skip(f"core files go to a handler here ({pattern.split()[0]}), not to a file")
    where = Path(pattern)
    return where.parent if where.is_absolute() else work


def _run_app(script: str, work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`script` run in a fresh interpreter on the fixture guide, allowed core files."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DECISIONAID_SPEECH_ENGINE="none")
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-c", script, str(FIXTURE_CONTENT), *args],
        cwd=work,
        env=env,
        preexec_fn=_allow_core_files,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _crash(mode: str, work: Path) -> tuple[int, set[Path]]:
    folder = _core_folder(work)
    before = set(folder.iterdir())
    result = _run_app(CRASH_AFTER_FIRST_PAINT, work, mode)
    new = {p for p in set(folder.iterdir()) - before if p.name.startswith("core")}
    return result.returncode, new


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="core files as Linux writes them")
def test_a_kiosk_that_crashes_leaves_no_core_file(tmp_path: Path) -> None:
    # First show that this machine writes a core for the same crash outside kiosk mode, so
    # the kiosk's empty result below means something.
    control = tmp_path / "personal"
    control.mkdir()
    code, cores = _crash("personal", control)
    assert code == -signal.SIGSEGV
    if not cores:
        pytest.skip("this machine writes no core file even when allowed (a hard limit of 0?)")
    for core in cores:
        core.unlink()
    work = tmp_path / "kiosk"
    work.mkdir()
    code, cores = _crash("kiosk", work)
    assert code == -signal.SIGSEGV
    assert not cores, f"the kiosk left {sorted(str(c) for c in cores)}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus autolaunch is for X11")
def test_a_kiosk_without_a_session_bus_leaves_no_dbus_daemon(tmp_path: Path) -> None:
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    variable, marker = new_marker()
    with virtual_screen(tmp_path / "xvfb.log") as display:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS")
        }
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            HOME=str(home),
            XDG_RUNTIME_DIR=str(runtime),
            DECISIONAID_SPEECH_ENGINE="none",
            PYTHONPATH=str(ROOT),
        )
        env[variable] = marker
        try:
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "decisionaid",
                    "--kiosk",
                    "--startup-probe",
                    "--content",
                    str(FIXTURE_CONTENT),
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            left = marked_processes(marker)
        finally:
            stop_processes(list(marked_processes(marker)))
    assert result.returncode == 0, result.stderr
    assert left == {}, f"still running after the kiosk exited: {left}"
    assert not (home / ".dbus").exists(), "D-Bus wrote its address under HOME"


DUMPABLE_AFTER_FIRST_PAINT = """
import ctypes, sys
import decisionaid.app as app
from decisionaid.app import Options
from PySide6.QtCore import QTimer

shown = app.show_window
libc = ctypes.CDLL(None)
PR_GET_DUMPABLE = 3

def report(window):
    print("at first paint", libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    # Two turns on: the kiosk finishes its start in the turn after the paint.
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: finish(window)))

def finish(window):
    print("after", libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    with open("/proc/self/coredump_filter") as f:
        print("filter", int(f.read(), 16))
    import resource
    print("limit", resource.getrlimit(resource.RLIMIT_CORE)[0])
    sys.stdout.flush()
    app.ensure_qapplication().exit(0)

def show(window, policy):
    window.firstPaint.connect(lambda: report(window))
    shown(window, policy)

app.show_window = show
sys.exit(app.run(Options(content=sys.argv[1], kiosk=True)))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux's")
def test_a_kiosk_is_not_dumpable_once_it_is_on_screen(tmp_path: Path) -> None:
    # Before Qt: no core file (limit 0) and no memory in any core (filter 0). Right after the
    # first paint, before a reader can have typed: not dumpable at all.
    result = _run_app(DUMPABLE_AFTER_FIRST_PAINT, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[1:4] == ["after 0", "filter 0", "limit 0"], result.stdout
