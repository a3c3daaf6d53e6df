"""Helpers for tests that watch the app as a process: a virtual X screen, and the processes it
leaves behind (found by a marker in their environment, which every child inherits)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

MARKER_VAR = "DECISIONAID_TEST_MARKER"


def new_marker() -> tuple[str, str]:
    """(variable, value) to put in a process's environment, to find its descendants later."""
    return MARKER_VAR, uuid.uuid4().hex


def marked_processes(marker: str) -> dict[int, str]:
    """pid -> command line of every live process whose environment holds the marker."""
    needle = f"{MARKER_VAR}={marker}".encode()
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                status = (entry / "stat").read_text().rsplit(")", 1)[-1].split()
                if status and status[0] == "Z":  # a zombie is already dead
                    continue
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                found[int(entry.name)] = cmdline.strip()
    return found


def stop_processes(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def virtual_screen(log: Path, size: str = "1280x800x24") -> Iterator[str]:
    """An Xvfb server on a free display number; yields its DISPLAY (":N")."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (Debian package xvfb; scripts/system-deps.sh installs it)")
    read_fd, write_fd = os.pipe()
    with log.open("wb") as log_file:  # the server has its own copy
        server = subprocess.Popen(
            [
                "Xvfb",
                "-noreset",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                size,
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=log_file,
            start_new_session=True,
        )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as numbers:
            number = numbers.readline().strip()
        if not number:
            pytest.fail(f"Xvfb did not start: {log.read_text(errors='replace')[-500:]}")
        yield f":{number}"
    finally:
        end(server)


def end(process: subprocess.Popen[bytes], how: signal.Signals = signal.SIGTERM) -> None:
    """Ask a process we started to stop (with `how`), then make sure it has."""
    if process.poll() is None:
        process.send_signal(how)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


FIRST_STEP_READY = "first step ready behind the welcome"


def kiosk_log_to_first_step(command: list[str], env: dict[str, str], timeout: float = 120) -> str:
    """What a kiosk logs (to standard error, as a kiosk does) until its first step is built
    behind the welcome, just after its first paint; then the kiosk, which refuses to close,
    is killed. The start-up probe quits at the first paint, before the step is built."""
    import selectors
    import time

    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        try:
            while time.monotonic() < deadline:
                if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                    break
                line = process.stderr.readline().decode(errors="replace")
                if not line:  # the kiosk ended
                    break
                lines.append(line)
                if FIRST_STEP_READY in line:
                    break
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=60)
            process.stderr.close()
    text = "".join(lines)
    assert FIRST_STEP_READY in text, text[-4000:]
    return text
