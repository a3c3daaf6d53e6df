"""Nothing on disk, anywhere, /tmp included: a whole kiosk session under `strace -f`.

The session (kiosk_listen_driver.py: every step, text size, a ticked question, a printed
summary, the idle reset, and read aloud through the real speech engine where it is installed)
runs on a virtual X screen with no session bus, in a fresh process traced with every child it
starts. It fails on any file opened for writing, or created, renamed, linked or removed,
outside /dev (and the print job's stand-in paper; /proc/self/fd/N, a descriptor already open,
and /proc/self/coredump_filter, a setting of the process's own, are no files either), and on any program that looks libraries up by running a compiler or
ldconfig. Folders and sockets made in the runtime folder (a tmpfs in
real use, gone at logout) are allowed: the speech daemon listens on a socket there.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, XDG_VARS
from tests.helpers.processes import marked_processes, new_marker, stop_processes, virtual_screen
from tests.helpers.speech import NullSink, missing_speech_stack

DRIVER = ROOT / "tests" / "helpers" / "kiosk_listen_driver.py"
TRACED = (
    "open,openat,openat2,creat,truncate,mkdir,mkdirat,rename,renameat,renameat2,"
    "link,linkat,symlink,symlinkat,unlink,unlinkat,rmdir,execve"
)
SESSION_TIMEOUT_S = 600
# After the session's own process has ended, how long its children may take to go.
LEFT_BEHIND_GRACE_S = 15
OPENS = {"open", "openat", "openat2", "creat"}
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
CHANGES = {"truncate", "mkdir", "mkdirat", "rename", "renameat", "renameat2", "link", "linkat"}
CHANGES |= {"symlink", "symlinkat", "unlink", "unlinkat", "rmdir"}
# What ctypes.util.find_library runs to find a library: each writes temporary files.
LOOKUP_PROGRAMS = {"ldconfig", "gcc", "cc", "ld", "objdump", "x86_64-linux-gnu-gcc"}
_CALL = re.compile(r"^(?P<call>\w+)\((?P<args>.*)\)\s+=\s+(?P<ret>-?\d+|\?)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')

# The kiosk sets it (no memory in any core): a kernel setting of its own, not a file.
COREDUMP_FILTER = "/proc/self/coredump_filter"


def _strace_works() -> str:
    strace = shutil.which("strace")
    if strace is None:
        return "needs strace (Debian package strace; scripts/system-deps.sh installs it)"
    probe = subprocess.run([strace, "-qq", "-e", "trace=none", "true"], capture_output=True)
    if probe.returncode != 0:
        return f"strace cannot trace here: {probe.stderr.decode(errors='replace').strip()}"
    return ""


@contextlib.contextmanager
def _screen(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A virtual X screen where there is Xvfb (so D-Bus would autolaunch), else offscreen."""
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    with virtual_screen(tmp_path / "xvfb.log") as display:
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}


@contextlib.contextmanager
def _sound(tmp_path: Path) -> Iterator[dict[str, str]]:
    if missing_speech_stack():
        yield {}
        return
    with NullSink(tmp_path / "sound").running() as sink:
        yield sink.env


def _calls(folder: Path) -> Iterator[tuple[int, str, str, int]]:
    """(pid, system call, its arguments, its result) from strace -ff's files."""
    for trace in folder.glob("trace.*"):
        pid = int(trace.suffix[1:])
        for line in trace.read_text(errors="replace").splitlines():
            match = _CALL.match(line)
            if match:
                ret = match["ret"]
                yield pid, match["call"], match["args"], int(ret) if ret != "?" else 0


def _writes(folder: Path, allowed: list[str], runtime: str, cwd: Path) -> dict[str, list[str]]:
    """What the trace shows: files written, other changes, and lookup programs run."""
    found: dict[str, list[str]] = {"written": [], "changed": [], "lookups": [], "allowed": []}
    for pid, call, args, ret in _calls(folder):
        paths = [p if p.startswith("/") else str(cwd / p) for p in _STRING.findall(args)]
        if call == "execve":
            if paths and Path(paths[0]).name in LOOKUP_PROGRAMS:
                found["lookups"].append(f"{pid} {paths[0]}")
            continue
        if ret < 0 or not paths:
            continue  # refused by the system: nothing was written
        if call in OPENS and (call == "creat" or any(f in args for f in WRITE_FLAGS)):
            path = paths[0]
            ok = path.startswith(("/dev/", "/proc/self/fd/")) or path in allowed
            ok = ok or path == COREDUMP_FILTER
            found["allowed" if ok else "written"].append(f"{pid} {call} {path}")
        elif call in CHANGES:
            target = paths[-1] if call.startswith("symlink") else paths[0]
            ok = bool(runtime) and target.startswith(runtime + "/")
            found["allowed" if ok else "changed"].append(f"{pid} {call} {' -> '.join(paths)}")
    return found


def _run_traced(
    command: list[str], env: dict[str, str], cwd: Path, marker: str
) -> tuple[subprocess.CompletedProcess[str], dict[int, str]]:
    """Run the traced session; return its result and what it left running.

    strace waits for every process it traces, so a daemon the session leaves behind would keep
    it waiting for ever: once the session itself has ended, whatever is still running after
    LEFT_BEHIND_GRACE_S is noted and stopped, and the trace ends.
    """
    with (cwd / "stdout.txt").open("w+") as out, (cwd.parent / "stderr.txt").open("w+") as err:
        tracer = subprocess.Popen(command, stdout=out, stderr=err, text=True, env=env, cwd=cwd)
        left = _watch(tracer, marker)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(command, tracer.returncode, out.read(), err.read()), left


def _watch(tracer: subprocess.Popen[str], marker: str) -> dict[int, str]:
    """Wait for the traced session; return what it left running (stopped by then)."""
    deadline = time.monotonic() + SESSION_TIMEOUT_S
    session_ended: float | None = None
    left: dict[int, str] = {}
    try:
        while tracer.poll() is None:
            if time.monotonic() > deadline:
                pytest.fail(f"the traced session did not end in {SESSION_TIMEOUT_S} s")
            running = {p: c for p, c in marked_processes(marker).items() if p != tracer.pid}
            if any(str(DRIVER) in line for line in running.values()):
                session_ended = None
            elif session_ended is None:
                session_ended = time.monotonic()
            elif time.monotonic() - session_ended > LEFT_BEHIND_GRACE_S:
                left = running
                stop_processes(list(running))
            time.sleep(0.2)
    finally:
        stop_processes([p for p in marked_processes(marker) if p != tracer.pid])
        if tracer.poll() is None:
            tracer.kill()
        tracer.wait(timeout=60)
    return left


def test_a_whole_kiosk_session_writes_no_file_anywhere(private_home: Path, tmp_path: Path) -> None:
    problem = _strace_works()
    if problem:
        pytest.skip(problem)
    work, temp, traces = tmp_path / "work", tmp_path / "temp", tmp_path / "traces"
    for folder in (work, temp, traces):
        folder.mkdir()
    sink = tmp_path / "printer" / "paper.pdf"
    sink.parent.mkdir()
    runtime = os.environ["XDG_RUNTIME_DIR"]
    variable, marker = new_marker()
    with _screen(tmp_path) as screen, _sound(tmp_path) as sound:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS")
            and k not in ("PYTHONDONTWRITEBYTECODE", "DECISIONAID_SPEECH_ENGINE")
            and not k.startswith(("MESA_", "QT_DISABLE"))  # the app must set these itself
        }
        env.update(screen, **sound, TMPDIR=str(temp), PYTHONPATH=str(ROOT))
        env[variable] = marker
        command = ["strace", "-f", "-ff", "--seccomp-bpf", "-qq", "-s", "4096"]
        command += ["-o", str(traces / "trace"), "-e", f"trace={TRACED}"]
        result, left = _run_traced(
            [*command, sys.executable, str(DRIVER), str(sink)], env, work, marker
        )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ticked"] and report["printed"] is True and report["reset"] is True, report
    if sound:
        assert report["listened"] is True, (
            f"read aloud did not speak under the trace: {report}\n{result.stderr[-3000:]}"
        )

    found = _writes(traces, [str(sink)], runtime, work)
    calls = Counter(call for _, call, _, _ in _calls(traces))
    processes = len(list(traces.glob("trace.*")))
    print(
        f"traced {processes} processes, {sum(calls.values())} calls ({dict(calls)}); "
        f"engine {report.get('engine')!r}; allowed: {found['allowed']}"
    )
    assert found["lookups"] == [], "a library lookup ran a compiler or ldconfig"
    assert found["written"] == [], "files opened for writing"
    assert found["changed"] == [], "files created, renamed or removed"
    assert left == {}, f"still running after the kiosk exited: {left}"
    for var in XDG_VARS:
        assert not any(Path(os.environ[var]).rglob("*.log"))
