"""The Debian package, as an administrator meets it: it validates, installs, runs from its
installed path, installs again over itself, and a purge leaves nothing behind.

Built from the same frozen bundle as tests/test_bundle.py (the session's `frozen_bundle`).
Installing needs root and dpkg; a machine that already has decisionaid installed is left alone.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from decisionaid import __version__
from tests.helpers import add_to_top_of_page
from tests.helpers.package import LockTimeout, cannot_install, is_installed, package_to_ourselves
from tests.helpers.processes import kiosk_log_to_first_step

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging" / "linux"
APP_ID = "io.github.decisionaid.DecisionAid"
KIOSK_USER = "decisionaid-kiosk"
UNIT = "decisionaid-kiosk.service"
RESOURCES = "/opt/decisionaid/_internal/resources"
LANGUAGES = ("en", "es")


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


def require_package_manager() -> None:
    reason = cannot_install()
    if reason:
        pytest.skip(reason)


@contextlib.contextmanager
def machine_to_ourselves(timeout: float = 1200) -> Iterator[None]:
    """Held from install to purge, so that two test runs on one machine take turns with the
    package instead of installing and purging it under each other."""
    if os.geteuid() != 0:
        pytest.skip("installing a package needs root")
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(package_to_ourselves(timeout))
        except LockTimeout:
            pytest.skip("another test run kept the package to itself")
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
        *(f"{RESOURCES}/guide-cache/{locale}" for locale in LANGUAGES),
        *(f"{RESOURCES}/page-cache/{locale}-no-links/welcome" for locale in LANGUAGES),
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


def test_install_reinstall_and_purge_leave_nothing_behind(
    debian_package: Path, tmp_path: Path
) -> None:
    with machine_to_ourselves():
        require_package_manager()
        _install_reinstall_and_purge(debian_package, tmp_path)


def _kiosk_start(env: dict[str, str]) -> str:
    """What the installed kiosk logs (to standard error) up to its first paint."""
    probe = _run("/usr/bin/decisionaid", "--kiosk", "--startup-probe", env=env)
    assert probe.returncode == 0, probe.stderr[-2000:]
    return probe.stderr


def _kiosk_screens(env: dict[str, str], folder: Path) -> dict[str, bytes]:
    shots = _run("/usr/bin/decisionaid", "screenshots", "--kiosk", str(folder), env=env)
    assert shots.returncode == 0, shots.stderr[-2000:]
    return {p.name: p.read_bytes() for p in folder.glob("*.png")}


def _check_prebuilt_caches_and_an_edit_after_install(tmp_path: Path) -> None:
    """The caches made with the bundle are root's, read-only and known to dpkg, and the kiosk
    starts from them; a page edited after install shows as edited, parsed and rendered now."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    resources = Path(RESOURCES)
    assert sorted(p.name for p in (resources / "guide-cache").iterdir()) == list(LANGUAGES)
    for made in (resources / "guide-cache", resources / "page-cache"):
        for path in (made, *made.rglob("*")):
            info = path.stat()
            assert info.st_uid == 0 and not info.st_mode & 0o022, f"{path} is writable"
    sums = Path("/var/lib/dpkg/info/decisionaid.md5sums").read_text()
    for locale in LANGUAGES:
        assert f"{RESOURCES.lstrip('/')}/guide-cache/{locale}\n" in sums
    verify = _run("dpkg", "--verify", "decisionaid")
    assert verify.returncode == 0 and not verify.stdout, verify.stdout + verify.stderr
    log = _kiosk_start(env)
    assert f"parsed guide read from {RESOURCES}/guide-cache" in log, log
    # Its first screen, the welcome, shows no page; the first step's comes just after.
    assert "first screen painted; pages from caches: 0, rendered now: 0" in log, log
    log = kiosk_log_to_first_step(["/usr/bin/decisionaid", "--kiosk"], env)
    assert "pages from caches: 1, rendered now: 0; Markdown not loaded" in log, log
    before = _kiosk_screens(env, tmp_path / "before")

    page = resources / "content" / "en" / "pages" / "welcome.md"
    add_to_top_of_page(page, "This sentence was added after install.")
    assert _changed_in_opt() == [str(page)], "dpkg --verify does not notice the edit"
    log = kiosk_log_to_first_step(["/usr/bin/decisionaid", "--kiosk"], env)
    assert "guide parsed from its files" in log, log
    assert "pages from caches: 0, rendered now: 1; Markdown loaded" in log, log
    after = _kiosk_screens(env, tmp_path / "after")
    assert sorted(after) == sorted(before)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed and all(name.endswith("-welcome.png") for name in changed), changed
    # Nothing was written to the installed caches along the way.
    assert _changed_in_opt() == [str(page)]


def _changed_in_opt() -> list[str]:
    """The package's files under /opt that differ from what it installed (dpkg --verify)."""
    verify = _run("dpkg", "--verify", "decisionaid").stdout
    return [line.split()[-1] for line in verify.splitlines() if " /opt/" in line]


def _install_reinstall_and_purge(debian_package: Path, tmp_path: Path) -> None:
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
        _check_prebuilt_caches_and_an_edit_after_install(tmp_path)

        # An administrator's edit survives a reinstall of the same version.
        config = Path("/etc/decisionaid/config.toml")
        config.write_text(config.read_text() + '\n[clinic]\nname = "Riverside"\n')
        again = _run("dpkg", "-i", str(debian_package))
        assert again.returncode == 0, again.stdout + again.stderr
        assert 'name = "Riverside"' in config.read_text()
        # The reinstall put back the edited page, so the caches serve the guide again.
        assert not _changed_in_opt()
        assert "parsed guide read from" in _kiosk_start(env)

        # Turned on the way the documentation says, then purged: the links go too.
        enable = _run("systemctl", "enable", UNIT)
        assert enable.returncode == 0, enable.stderr
        assert list(Path("/etc/systemd/system").rglob(UNIT)), "enabling made no link"
    finally:
        purge = _run("dpkg", "--purge", "decisionaid")
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert not is_installed()
    assert not _leftovers(contents, before), "left behind after a purge"
