"""The Debian package, as an administrator meets it: it validates, installs, runs from its
installed path, installs again over itself, and a purge leaves nothing behind.

Built from the same frozen bundle as tests/test_bundle.py (the session's `frozen_bundle`).
Installing needs root and dpkg; a machine that already has decisionaid installed is left alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import grp
import os
import pwd
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from decisionaid import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging" / "linux"
APP_ID = "io.github.decisionaid.DecisionAid"
KIOSK_USER = "decisionaid-kiosk"
UNIT = "decisionaid-kiosk.service"


def _run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=600, **kw)  # type: ignore[call-overload,no-any-return]


def _contents(deb: Path) -> dict[str, str]:
    """Path (as installed) -> the `ls -l`-style line dpkg-deb prints for it."""
    listing = _run("dpkg-deb", "--contents", str(deb)).stdout
    entries = {}
    for line in listing.splitlines():
        name = line.split(None, 5)[5].split(" -> ")[0]
        entries["/" + name.removeprefix("./").rstrip("/")] = line
    return entries


def _field(deb: Path, name: str) -> str:
    return _run("dpkg-deb", "--field", str(deb), name).stdout.strip()


def is_installed(package: str = "decisionaid") -> bool:
    status = _run("dpkg-query", "-W", "-f=${db:Status-Abbrev}", package).stdout
    return status.strip() not in ("", "un")


def require_package_manager() -> None:
    if os.geteuid() != 0 or shutil.which("dpkg") is None:
        pytest.skip("installing a package needs root and dpkg")
    if is_installed():
        pytest.skip("decisionaid is already installed on this machine; not touching it")


@contextlib.contextmanager
def machine_to_ourselves(timeout: float = 1200) -> Iterator[None]:
    """Held from install to purge, so that two test runs on one machine take turns with the
    package instead of installing and purging it under each other."""
    if os.geteuid() != 0:
        pytest.skip("installing a package needs root")
    with open("/run/lock/decisionaid-package-tests.lock", "w") as lock:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.skip("another test run kept the package to itself")
                time.sleep(2)
        yield


def test_package_is_named_and_laid_out_for_a_desktop_and_a_kiosk(debian_package: Path) -> None:
    arch = _run("dpkg", "--print-architecture").stdout.strip()
    assert debian_package.name == f"decisionaid_{__version__}_{arch}.deb"
    assert _field(debian_package, "Version") == __version__
    contents = _contents(debian_package)
    for path in (
        "/opt/decisionaid/decisionaid",
        "/usr/bin/decisionaid",
        f"/usr/share/applications/{APP_ID}.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "/usr/share/man/man1/decisionaid.1.gz",
        "/usr/share/doc/decisionaid/copyright",
        "/usr/share/doc/decisionaid/changelog.gz",
        "/etc/decisionaid/config.toml",
        f"/lib/systemd/system/{UNIT}",
        "/opt/decisionaid/_internal/resources/content/en/guide.toml",
    ):
        assert path in contents, f"{path} is not in the package"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in contents
    assert "-> /opt/decisionaid/decisionaid" in contents["/usr/bin/decisionaid"]
    # Owned by root, nothing writable by others (a symbolic link's own mode means nothing).
    for line in contents.values():
        assert " root/root " in line, line
        assert line.startswith("l") or line[8] != "w", line
    conffiles = _run("dpkg-deb", "--ctrl-tarfile", str(debian_package))
    assert conffiles.returncode == 0
    with_control = _run("dpkg-deb", "--info", str(debian_package), "conffiles").stdout
    assert with_control.split() == ["/etc/decisionaid/config.toml"]
    depends = _field(debian_package, "Depends")
    # What the bundle links to on the system, and nothing it carries itself.
    assert "libwayland-client0" in depends and "libc6" in depends
    assert "libpython" not in depends and "libqt6" not in depends.lower()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_validates() -> None:
    check = _run("desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop"))
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_appstream_metainfo_validates_with_screenshots_and_a_release() -> None:
    metainfo = PACKAGING / f"{APP_ID}.metainfo.xml"
    check = _run("appstreamcli", "validate", "--no-net", str(metainfo))
    assert check.returncode == 0, check.stdout + check.stderr
    text = metainfo.read_text()
    assert "<screenshot " in text
    assert f'<release version="{__version__}"' in text, "the metainfo has no entry for this version"


@pytest.mark.skipif(shutil.which("lintian") is None, reason="lintian is not installed")
def test_lintian_finds_no_error_or_warning(debian_package: Path) -> None:
    # Every override in debian/lintian-overrides carries its reason.
    check = _run("lintian", "--fail-on", "error,warning", str(debian_package))
    problems = [line for line in check.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert check.returncode == 0 and not problems, check.stdout[-4000:] + check.stderr[-2000:]


def _leftovers(contents: dict[str, str], before: set[str]) -> list[str]:
    """Whatever the package or its scripts made that is still on the machine: its files and
    folders (but folders that were there before, which other packages share), dpkg's records,
    service links, and the kiosk account."""
    left = [path for path in contents if path not in before and os.path.lexists(path)]
    left += [str(p) for p in Path("/var/lib/dpkg/info").glob("decisionaid.*")]
    for folder in ("/etc/systemd/system", "/var/lib/systemd"):
        left += [str(p) for p in Path(folder).rglob(f"*{UNIT}*")]
    for database, lookup in (("passwd", pwd.getpwnam), ("group", grp.getgrnam)):
        with contextlib.suppress(KeyError):
            lookup(KIOSK_USER)
            left.append(f"{database} entry {KIOSK_USER}")
    return left


def test_install_reinstall_and_purge_leave_nothing_behind(debian_package: Path) -> None:
    with machine_to_ourselves():
        require_package_manager()
        _install_reinstall_and_purge(debian_package)


def _install_reinstall_and_purge(debian_package: Path) -> None:
    contents = _contents(debian_package)
    before = {path for path in contents if os.path.isdir(path)}
    assert not _leftovers(contents, before), "the machine is not clean before the test"
    try:
        install = _run("dpkg", "-i", str(debian_package))
        assert install.returncode == 0, install.stdout + install.stderr
        account = pwd.getpwnam(KIOSK_USER)
        assert account.pw_uid != 0 and account.pw_shell.endswith("nologin")
        assert not Path(account.pw_dir).exists(), "the kiosk account has no home to write to"

        # The installed app runs, from the path on everyone's PATH.
        version = _run("/usr/bin/decisionaid", "--version")
        assert version.returncode == 0, version.stderr
        assert version.stdout.startswith(f"decisionaid {__version__}\n")
        assert re.search(r"^content sha256: [0-9a-f]{64}$", version.stdout, re.MULTILINE)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        probe = _run("/usr/bin/decisionaid", "--kiosk", "--startup-probe", env=env)
        assert probe.returncode == 0, probe.stderr[-2000:]
        check = _run("/usr/bin/decisionaid", "check-content", "--quiet", env=env)
        assert check.returncode == 0, check.stderr[-2000:]

        # An administrator's edit survives a reinstall of the same version.
        config = Path("/etc/decisionaid/config.toml")
        config.write_text(config.read_text() + '\n[clinic]\nname = "Riverside"\n')
        again = _run("dpkg", "-i", str(debian_package))
        assert again.returncode == 0, again.stdout + again.stderr
        assert 'name = "Riverside"' in config.read_text()

        # Turned on the way the documentation says, then purged: the links go too.
        enable = _run("systemctl", "enable", UNIT)
        assert enable.returncode == 0, enable.stderr
        assert list(Path("/etc/systemd/system").rglob(UNIT)), "enabling made no link"
    finally:
        purge = _run("dpkg", "--purge", "decisionaid")
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert not is_installed()
    assert not _leftovers(contents, before), "left behind after a purge"
