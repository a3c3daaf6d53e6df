"""The Debian package on this machine: building it, and installing it one run at a time.

Shared by the package tests (tests/process/test_deb.py, test_kiosk_stack.py) and `make bench`
(bench/installed.py), which install and purge the same package: whoever installs holds one
machine-wide lock from install to purge, so two runs never install and purge under each other,
and a machine where decisionaid is already installed is left alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK_FILE = Path("/run/lock/decisionaid-package-tests.lock")
BUILD_TOOLS = ("dpkg-deb", "dpkg-shlibdeps", "patchelf", "rsvg-convert", "strip")


class LockTimeout(Exception):
    """Another run kept the package to itself for longer than we would wait."""


def is_installed(package: str = "decisionaid") -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Abbrev}", package],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return status.strip() not in ("", "un")


def cannot_build() -> str:
    """Why the package cannot be built here; "" when it can."""
    missing = [tool for tool in BUILD_TOOLS if shutil.which(tool) is None]
    return f"cannot build the package without {', '.join(missing)}" if missing else ""


def cannot_install() -> str:
    """Why the package may not be installed here; "" when it may."""
    if os.geteuid() != 0 or shutil.which("dpkg") is None:
        return "installing a package needs root and dpkg"
    if is_installed():
        return "decisionaid is already installed on this machine; not touching it"
    return ""


@contextlib.contextmanager
def package_to_ourselves(timeout: float = 1200) -> Iterator[None]:
    """Held from install to purge (needs root, as installing does)."""
    with open(LOCK_FILE, "w") as lock:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout from None
                time.sleep(2)
        yield


def build_deb(bundle: Path, out: Path) -> Path:
    """dist/decisionaid_<version>_<arch>.deb as `make deb` builds it, from `bundle`."""
    build = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "linux" / "build_deb.py"), str(bundle), str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if build.returncode != 0:
        raise RuntimeError(f"building the package failed:\n{build.stderr[-4000:]}")
    return Path(build.stdout.strip().splitlines()[-1])
