"""Process settings for a kiosk, applied before Qt starts: nothing may reach the disk.

The app itself writes nothing in kiosk mode; these switch off what libraries underneath might
write on their own (graphics drivers' shader caches, Qt's pipeline cache), what a crash would
write (a core dump holds whatever a reader typed), and what D-Bus would start and leave behind
when there is no session bus. Fontconfig only reads the system cache that the kiosk image
builds at install time (see docs/deploying-kiosk.md). Values already set by the deployment win.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

KIOSK_ENVIRONMENT = {
    # Mesa (Linux OpenGL drivers) keeps compiled shaders in ~/.cache/mesa_shader_cache.
    "MESA_SHADER_CACHE_DISABLE": "true",
    "MESA_GLSL_CACHE_DISABLE": "true",
    # Qt's own graphics pipeline cache under the user's cache folder.
    "QT_DISABLE_SHADER_DISK_CACHE": "1",
    # No .pyc files written next to a source install by the kiosk account.
    "PYTHONDONTWRITEBYTECODE": "1",
}
# An address libdbus cannot use. With no session bus address given, libdbus would otherwise
# "autolaunch" one on an X display: a dbus-launch and a dbus-daemon that outlive the kiosk and
# write the bus address under ~/.dbus. Qt then simply has no session bus, as there is none.
NO_SESSION_BUS = "disabled:"
PR_SET_DUMPABLE = 4  # linux/prctl.h
# A PulseAudio client (the speech engine's audio) that finds no cookie file creates one in
# HOME. Where the sound server has made none (PipeWire, an anonymous server), the client is
# given 256 zero bytes to read instead: such a server does not check it, and a per-user
# PulseAudio accepts its own user by the socket's credentials.
NO_PULSE_COOKIE = "/dev/zero"
SYSTEM_PULSE_SOCKET = Path("/run/pulse/native")


def prepare_kiosk_environment(environ: MutableMapping[str, str] | None = None) -> None:
    env = os.environ if environ is None else environ
    for key, value in KIOSK_ENVIRONMENT.items():
        env.setdefault(key, value)
    if "DBUS_SESSION_BUS_ADDRESS" not in env and not _user_bus(env).exists():
        env["DBUS_SESSION_BUS_ADDRESS"] = NO_SESSION_BUS
    if "PULSE_COOKIE" not in env and not any(p.is_file() for p in _pulse_cookies(env)):
        env["PULSE_COOKIE"] = NO_PULSE_COOKIE
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if "PULSE_SERVER" not in env and runtime and not _sound_server_running(runtime):
        # With no sound server yet, a PulseAudio client makes the server's runtime folder and
        # may start a server of its own; naming the usual socket leaves it only to connect,
        # there, once a server runs.
        env["PULSE_SERVER"] = f"unix:{Path(runtime, 'pulse', 'native')}"
    if environ is None:
        sys.dont_write_bytecode = True
        forbid_core_dumps()


def _user_bus(env: MutableMapping[str, str]) -> Path:
    """The per-user bus libdbus uses by itself when no address is given (systemd --user)."""
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return Path(runtime, "bus") if runtime else Path("/nonexistent")


def _pulse_cookies(env: MutableMapping[str, str]) -> list[Path]:
    """Where a PulseAudio client looks for its cookie by default."""
    home = Path(env.get("HOME") or Path.home())
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    return [config / "pulse" / "cookie", home / ".pulse-cookie"]


def _sound_server_running(runtime: str) -> bool:
    return any(p.is_socket() for p in (Path(runtime, "pulse", "native"), SYSTEM_PULSE_SOCKET))


def forbid_core_dumps() -> None:
    """No core file from this process or its children, whatever the system's settings, from
    before Qt starts (when the process holds nothing of a reader's yet).

    A limit of 0 stops the kernel writing a core file (and is inherited by the speech engine);
    a core-dump handler such as systemd-coredump keeps none for it either. A coredump filter
    of 0 leaves out every memory mapping, so a core taken anyway would hold no memory at all.
    The process is marked not dumpable after the first paint (`forbid_dumping`).
    """
    global _prepared
    _prepared = True
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with contextlib.suppress(OSError):
        Path("/proc/self/coredump_filter").write_text("0", encoding="ascii")


def forbid_dumping() -> None:
    """Mark the process not dumpable: no core-dump handler keeps one whatever its limits, and
    other processes of the same user cannot read its memory. Called once the first screen has
    painted, before a reader can have typed anything; ctypes, which it needs, is not loaded
    before the paint (tests/process/test_startup_imports.py). Only in a process that
    `prepare_kiosk_environment` prepared, so a test building a kiosk leaves its own alone."""
    if not _prepared or not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


_prepared = False
