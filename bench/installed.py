"""The Debian package, built from the bench's bundle and installed only while it is measured.

It goes by the package tests' rules (tests/helpers/package.py): only as root with dpkg, never on
a machine where decisionaid is already installed, and holding their machine-wide lock from
install to purge, so that a test run and a bench take turns with the package.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.package import (  # noqa: E402
    LockTimeout,
    build_deb,
    cannot_build,
    cannot_install,
    is_installed,
    package_to_ourselves,
)

INSTALLED_APP = Path("/usr/bin/decisionaid")
LOCK_WAIT_S = 900  # a package test run holds the lock for several minutes

__all__ = ["INSTALLED_APP", "LockTimeout", "installed_package", "why_not"]


def why_not() -> str:
    """Why the installed package cannot be measured here; "" when it can."""
    return cannot_install() or cannot_build()


@contextlib.contextmanager
def installed_package(bundle: Path, work: Path) -> Iterator[Path]:
    """The package made from `bundle`, installed: yields the installed app's path.

    Raises LockTimeout when a test run keeps the package for longer than LOCK_WAIT_S."""
    work.mkdir(parents=True, exist_ok=True)
    deb = build_deb(bundle, work)
    with package_to_ourselves(LOCK_WAIT_S):
        if is_installed():
            raise SystemExit("decisionaid was installed while the package was being built")
        try:
            install = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
            if install.returncode != 0:
                raise SystemExit(f"dpkg -i {deb} failed:\n{install.stdout}{install.stderr}")
            yield INSTALLED_APP
        finally:
            purge = subprocess.run(
                ["dpkg", "--purge", "decisionaid"], capture_output=True, text=True
            )
            if purge.returncode != 0 or is_installed():
                print(f"dpkg --purge decisionaid failed:\n{purge.stderr}", file=sys.stderr)
