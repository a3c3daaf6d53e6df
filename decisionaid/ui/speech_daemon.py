"""A speech-dispatcher of this process's own, for a kiosk: it writes nothing and outlives nothing.

Left to itself, the speech library (libspeechd) starts the user's shared speech-dispatcher,
which writes a pid file and logs (every module's too) under the runtime folder and keeps
running after the app has gone. A kiosk instead starts one for itself: logging to a standard
output that goes nowhere (its pid "file" too), its socket in the runtime folder, stopped
with the app, and killed with it however the app ends (setpriv's parent-death signal, where
util-linux has it). The speech library is pointed at its socket and may start nothing else.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

# Seconds the daemon waits with no client before it exits: long enough for the app to
# connect after starting it, short enough that a killed app leaves nothing running for long.
IDLE_EXIT_SECONDS = 10
PID_FILE = "/proc/self/fd/1"
_ENVIRON = ("SPEECHD_ADDRESS", "SPEECHD_CMD")
# libspeechd starts this when it cannot connect; a path that cannot exist means "start nothing".
NO_AUTOSPAWN = "/nonexistent/decisionaid-starts-no-speech-dispatcher"


class PrivateSpeechDaemon:
    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.socket: Path | None = None
        self.made_folder: Path | None = None  # the daemon's own folder, if it made it
        self._environ_before: dict[str, str | None] = {}

    @property
    def ready(self) -> bool:
        """Whether the daemon is running and listening."""
        return (
            self.process is not None
            and self.process.poll() is None
            and self.socket is not None
            and self.socket.is_socket()
        )

    @property
    def failed(self) -> bool:
        return self.process is None or self.process.poll() is not None

    def start(self) -> bool:
        """Start the daemon and point the speech library at it; False if it cannot run here."""
        program = shutil.which("speech-dispatcher")
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if program is None or not runtime or not Path(runtime).is_dir():
            log.info("read-aloud: no speech-dispatcher or no runtime folder for a private one")
            return False
        self.socket = Path(runtime) / f"decisionaid-speech-{os.getpid()}.sock"
        # speech-dispatcher makes this (empty, with our options) whatever it is told.
        folder = Path(runtime) / "speech-dispatcher"
        self.made_folder = None if folder.exists() else folder
        with contextlib.suppress(OSError):
            self.socket.unlink()  # left by an earlier process with this pid
        # The speech library reads these when it connects; they must be set before it does.
        self._environ_before = {name: os.environ.get(name) for name in _ENVIRON}
        os.environ["SPEECHD_ADDRESS"] = f"unix_socket:{self.socket}"
        os.environ["SPEECHD_CMD"] = NO_AUTOSPAWN
        command = [
            program,
            "--run-single",
            "--communication-method",
            "unix_socket",
            "--socket-path",
            str(self.socket),
            "--log-dir",
            "stdout",
            "--log-level",
            "1",
            # It must write its pid somewhere, and deletes that file when it stops: its own
            # standard output (which goes nowhere) can be written and cannot be deleted.
            # Never /dev/null: a daemon run as root would delete the device.
            "--pid-file",
            PID_FILE,
            "--timeout",
            str(IDLE_EXIT_SECONDS),
        ]
        # Killed with the app, however the app ends: a daemon that speech-dispatcher has
        # deadlocked answers neither a closed connection nor SIGTERM, and would keep any
        # later daemon from starting.
        setpriv = shutil.which("setpriv")
        if setpriv is not None:
            command = [setpriv, "--pdeathsig", "KILL", "--", *command]
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
                # With its log "dir" stdout, speech-dispatcher still opens each module's log
                # as stdout/MODULE.log, relative to where it runs: from /, that cannot exist.
                cwd="/",
                start_new_session=True,  # its modules with it, to stop them all at once
            )
        except OSError:
            log.info("read-aloud: speech-dispatcher could not be started", exc_info=True)
            self.process = None
            return False
        return True

    def stop(self, *, stuck: bool = False) -> None:
        """Stop the daemon and its modules; a `stuck` one at once, as it hears no SIGTERM."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            _signal_group(process, signal.SIGKILL if stuck else signal.SIGTERM)
            try:
                process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)  # deadlocked: SIGTERM is not heard
                process.wait(timeout=3)
        if process is not None:
            _signal_group(process, signal.SIGKILL)  # the modules, should any be left
        if self.socket is not None:
            with contextlib.suppress(OSError):
                self.socket.unlink()
        if self.made_folder is not None:
            with contextlib.suppress(OSError):  # not empty: then it is not ours alone
                self.made_folder.rmdir()
        for name, value in self._environ_before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._environ_before = {}


def _signal_group(process: subprocess.Popen[bytes], how: signal.Signals) -> None:
    """Signal the daemon and the engine modules it started (its own process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, how)
