"""A real voice for read-aloud tests: speech-dispatcher speaking through espeak-ng into a
PulseAudio null sink of the test's own, whose monitor the test records."""

from __future__ import annotations

import array
import contextlib
import importlib.util
import math
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.processes import end

PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils"
ESPEAK_MODULE = Path("/usr/lib/speech-dispatcher-modules/sd_espeak-ng")
SINK = "reader"
RATE = 16_000
FRAME = RATE // 50  # 20 ms
# A 20 ms frame this loud (16-bit RMS) is sound, not the silence of an idle sink (exactly 0).
LOUD_RMS = 300


def missing_speech_stack() -> list[str]:
    missing = [p for p in ("speech-dispatcher", "pulseaudio", "parecord") if not shutil.which(p)]
    if not ESPEAK_MODULE.exists():
        missing.append(str(ESPEAK_MODULE))
    # Found, not imported: importing it here would load Qt Multimedia into the test process.
    if importlib.util.find_spec("PySide6.QtTextToSpeech") is None:
        missing.append("PySide6.QtTextToSpeech (pip install -e '.[speech]')")
    return missing


def skip_without_speech_stack() -> None:
    missing = missing_speech_stack()
    if missing:
        pytest.skip(
            f"needs {', '.join(missing)} (Debian packages: {PACKAGES}; `make test` installs "
            "them through scripts/system-deps.sh when run as root or with sudo)"
        )


class NullSink:
    """A PulseAudio server with one null sink, for one test; `env` points clients at it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = folder / "runtime" / "native"
        self.env = {"PULSE_SERVER": f"unix:{self.socket}", "PULSE_SINK": SINK}

    @contextlib.contextmanager
    def running(self) -> Iterator[NullSink]:
        runtime, home = self.folder / "runtime", self.folder / "home"
        runtime.mkdir(mode=0o700, parents=True)
        home.mkdir()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "LANG": "C.UTF-8",
        }
        # Run as root in a test: a per-user server (--system=false) with no daemon, no exit
        # on idle, no default modules (-n), only the null sink and an anonymous socket.
        with (self.folder / "pulseaudio.log").open("wb") as log_file:
            server = subprocess.Popen(
                [
                    "pulseaudio",
                    "-n",
                    "--daemonize=no",
                    "--system=false",
                    "--exit-idle-time=-1",
                    "--use-pid-file=false",
                    "--log-target=stderr",
                    "-L",
                    f"module-null-sink sink_name={SINK} rate={RATE}",
                    "-L",
                    f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
                ],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log_file,
                start_new_session=True,
            )
        try:
            deadline = time.monotonic() + 20
            while not self.socket.is_socket():
                if server.poll() is not None or time.monotonic() > deadline:
                    log = (self.folder / "pulseaudio.log").read_text(errors="replace")
                    pytest.fail(f"PulseAudio did not start:\n{log[-1500:]}")
                time.sleep(0.05)
            yield self
        finally:
            end(server)

    @contextlib.contextmanager
    def recording(self, raw: Path) -> Iterator[None]:
        """Record what the sink plays (its monitor), as 16-bit mono samples, into `raw`."""
        recorder = subprocess.Popen(
            [
                "parecord",
                f"--server=unix:{self.socket}",
                f"--device={SINK}.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                str(raw),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(0.3)  # connected and recording before anything is said
            yield
        finally:
            end(recorder, signal.SIGINT)  # parecord finishes its file on SIGINT


def levels(raw: Path) -> tuple[float, float, float]:
    """(seconds recorded, seconds of sound, loudest 20 ms RMS) of a recording."""
    data = raw.read_bytes()
    samples = array.array("h")
    samples.frombytes(data[: len(data) // 2 * 2])
    frames = [samples[i : i + FRAME] for i in range(0, len(samples) - FRAME + 1, FRAME)]
    rms = [math.sqrt(sum(s * s for s in f) / FRAME) for f in frames]
    loud = sum(1 for r in rms if r > LOUD_RMS)
    return len(samples) / RATE, loud * FRAME / RATE, max(rms, default=0.0)
