"""The real kiosk stack: the installed package's service command, under cage, on Qt's Wayland
platform, as the package's own unprivileged user, looked at with grim.

It installs the .deb (enabling nothing), runs what decisionaid-kiosk.service runs, the way the
service runs it (its User=, Environment= and ExecStart=, started again when it stops), on cage's
headless backend, and checks what a person at the screen would see: the guide fills the whole
output, a reader's session is wiped back to the welcome screen when left alone, and after the
app dies the restarted kiosk shows the welcome screen again. Then it purges the package.

Touch input cannot be injected into cage's headless backend, so the Start button is pressed
the way a screen reader's user presses it, through its accessible action on the AT-SPI bus.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shlex
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from decisionaid.core.content import load_guide
from tests.helpers import APP_CONTENT
from tests.helpers.x_session import bus_launcher
from tests.process.test_deb import (
    KIOSK_USER,
    UNIT,
    _run,
    machine_to_ourselves,
    require_package_manager,
)

pytestmark = pytest.mark.slow

TOOLS = ("cage", "grim", "Xwayland", "runuser", "dbus-daemon")
IDLE_TIMEOUT, IDLE_WARNING = 30, 20  # the shortest the configuration allows
# cage's headless output is 1280x720; -r turns it to portrait, as most waiting-room screens
# stand. (cage 0.1.4 also tries to scan a full-screen client out directly, which the headless
# output refuses and then shows no later frame; a rotated output is never scanned out.)
OUTPUT_SIZE = (720, 1280)

PRESS = """
import json, sys, time
import pyatspi

def showing(node, depth=0):
    if node is None or depth > 60:
        return
    try:
        if depth and not node.getState().contains(pyatspi.STATE_SHOWING):
            return
        yield node
        for i in range(node.childCount):
            yield from showing(node.getChildAtIndex(i), depth + 1)
    except Exception:
        return

deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    for app in apps:
        if app is not None and "decisionaid" in (app.name or "").lower():
            for node in showing(app):
                if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and node.name == sys.argv[1]:
                    node.queryAction().doAction(0)
                    print(json.dumps({"pressed": node.name}))
                    sys.exit(0)
    time.sleep(0.3)
print(json.dumps({"pressed": None}))
sys.exit(1)
"""


def _unit(path: Path) -> dict[str, list[str]]:
    """The [Service] settings of a unit file, each key with all its values in order."""
    settings: dict[str, list[str]] = {}
    section = ""
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


class Kiosk:
    """The kiosk's processes, all run as the kiosk user, and the screen they show."""

    def __init__(self, user: pwd.struct_passwd, work: Path) -> None:
        self.user = user
        self.work = work
        self.runtime = work / "runtime"  # what logind makes as /run/user/UID
        self.runtime.mkdir(mode=0o700)
        os.chown(self.runtime, user.pw_uid, user.pw_gid)
        self.env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": user.pw_dir,
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(self.runtime),
        }
        self.helpers: list[subprocess.Popen[bytes]] = []
        self.cage: subprocess.Popen[bytes] | None = None
        self.log = work / "kiosk.log"

    def _as_user(self, command: list[str], env: dict[str, str]) -> list[str]:
        pairs = [f"{k}={v}" for k, v in env.items()]
        return ["runuser", "-u", self.user.pw_name, "--", "env", "-i", *pairs, *command]

    def start_accessibility_bus(self) -> None:
        # A process run as root that removes its "pid file" /dev/null leaves a plain file in
        # its place, and no D-Bus daemon can start: say so rather than fail further on.
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null is not a device any more"
        bus = subprocess.Popen(
            self._as_user(["dbus-daemon", "--session", "--nofork", "--print-address=1"], self.env),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.helpers.append(bus)
        assert bus.stdout is not None
        self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        launcher = bus_launcher()
        assert launcher is not None
        self.helpers.append(
            subprocess.Popen(
                self._as_user([launcher, "--launch-immediately"], self.env),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )

    def start(self, service: dict[str, list[str]]) -> None:
        """What systemd does for the unit: its Environment= and ExecStart= as its User=."""
        env = dict(self.env)
        for assignment in service.get("Environment", []):
            key, value = assignment.split("=", 1)
            env[key] = value
        env.update(
            WLR_BACKENDS="headless",
            WLR_RENDERER="pixman",
            WLR_LIBINPUT_NO_DEVICES="1",
            # The Start button is pressed through its accessible action (see the module notes).
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            DECISIONAID_SPEECH_ENGINE="none",
        )
        command = shlex.split(service["ExecStart"][-1])
        assert Path(command[0]).name == "cage"
        command.insert(1, "-r")
        with self.log.open("ab") as log:
            self.cage = subprocess.Popen(self._as_user(command, env), stdout=log, stderr=log)

    def screenshot(self) -> QImage | None:
        env = dict(self.env, WAYLAND_DISPLAY="wayland-0")
        shot = subprocess.run(self._as_user(["grim", "-"], env), capture_output=True, timeout=30)
        if shot.returncode != 0:
            return None
        image = QImage.fromData(shot.stdout, "PNG")
        return None if image.isNull() else image

    def settled_screen(self, timeout: float = 90, unlike: QImage | None = None) -> QImage:
        """The screen once two grabs in a row agree (and differ from `unlike`, if given)."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            assert self.cage is not None and self.cage.poll() is None, self.tail()
            image = self.screenshot()
            if image is not None and not _all_black(image):
                settled = last is not None and _same(image, last)
                if settled and (unlike is None or not _same(image, unlike)):
                    return image
                last = image
            time.sleep(0.5)
        raise AssertionError(f"the screen did not settle in {timeout} s\n{self.tail()}")

    def wait_for(self, wanted: QImage, timeout: float) -> QImage:
        deadline = time.monotonic() + timeout
        image = None
        while time.monotonic() < deadline:
            assert self.cage is not None and self.cage.poll() is None, self.tail()
            image = self.screenshot()
            if image is not None and _same(image, wanted):
                return image
            time.sleep(1)
        if image is not None:
            image.save(str(self.work / "unexpected.png"))
        raise AssertionError(f"the expected screen did not come back in {timeout} s")

    def press(self, name: str) -> None:
        script = self.work / "press.py"
        script.write_text(PRESS)
        script.chmod(0o644)
        press = subprocess.run(
            self._as_user(["/usr/bin/python3", str(script), name], self.env),
            capture_output=True,
            text=True,
            timeout=90,
        )
        assert press.returncode == 0, press.stdout + press.stderr
        assert json.loads(press.stdout.strip().splitlines()[-1]) == {"pressed": name}

    def app_pid(self) -> int:
        found = _run("pgrep", "-u", self.user.pw_name, "-f", "^/usr/bin/decisionaid --kiosk")
        pids = [int(p) for p in found.stdout.split()]
        assert len(pids) == 1, found.stdout
        return pids[0]

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""

    def stop(self) -> None:
        for proc in [p for p in (self.cage, *self.helpers) if p is not None]:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        for proc in [p for p in (self.cage, *self.helpers) if p is not None]:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
            if proc.stdout is not None:
                proc.stdout.close()
        # Whatever the kiosk user still runs (Xwayland, the accessibility registry).
        _run("pkill", "-KILL", "-u", self.user.pw_name)


def _pixels(image: QImage) -> bytes:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return bytes(image.constBits())[: image.sizeInBytes()]


def _all_black(image: QImage) -> bool:
    return not _pixels(image).strip(b"\x00\xff")


def _same(a: QImage, b: QImage) -> bool:
    return a.size() == b.size() and _pixels(a) == _pixels(b)


def _black_edge_pixels(image: QImage) -> int:
    """Pixels of cage's black background along the output's four edges: the guide covers all
    of them when it fills the screen (its darkest colour is text grey, never pure black)."""
    w, h = image.width(), image.height()
    edge = [(x, y) for x in range(w) for y in (0, h - 1)]
    edge += [(x, y) for y in range(h) for x in (0, w - 1)]
    return sum(1 for x, y in edge if image.pixel(x, y) & 0xFFFFFF == 0)


@pytest.fixture
def installed_kiosk(debian_package: Path) -> Iterator[tuple[Kiosk, dict[str, list[str]]]]:
    if missing := [tool for tool in TOOLS if shutil.which(tool) is None]:
        pytest.skip(f"the kiosk stack needs {', '.join(missing)} (scripts/system-deps.sh)")
    if bus_launcher() is None or _run("/usr/bin/python3", "-c", "import pyatspi").returncode:
        pytest.skip("pressing Start needs at-spi2-core and python3-pyatspi")
    with machine_to_ourselves():
        require_package_manager()
        yield from _installed(debian_package)


def _installed(debian_package: Path) -> Iterator[tuple[Kiosk, dict[str, list[str]]]]:
    work = Path(tempfile.mkdtemp(prefix="decisionaid-kiosk-"))
    work.chmod(0o755)
    kiosk = None
    try:
        install = _run("dpkg", "-i", str(debian_package))
        assert install.returncode == 0, install.stdout + install.stderr
        assert not list(Path("/etc/systemd/system").rglob(UNIT)), "installing enabled the kiosk"
        # Configured the way an administrator does it: in the installed configuration file.
        config = Path("/etc/decisionaid/config.toml")
        config.write_text(
            config.read_text()
            .replace("# idle_timeout_seconds = 120", f"idle_timeout_seconds = {IDLE_TIMEOUT}")
            .replace("# idle_warning_seconds = 30", f"idle_warning_seconds = {IDLE_WARNING}")
        )
        service = _unit(Path("/lib/systemd/system") / UNIT)
        user = pwd.getpwnam(service["User"][-1])
        assert user.pw_name == KIOSK_USER and user.pw_uid != 0
        kiosk = Kiosk(user, work)
        kiosk.start_accessibility_bus()
        yield kiosk, service
    finally:
        if kiosk is not None:
            kiosk.stop()
        purge = _run("dpkg", "--purge", "decisionaid")
        keep = os.environ.get("DECISIONAID_KEEP_KIOSK_SHOTS")
        if keep:
            for png in work.glob("*.png"):
                shutil.copy(png, Path(keep) / png.name)
        shutil.rmtree(work, ignore_errors=True)
    assert purge.returncode == 0, purge.stdout + purge.stderr


def test_kiosk_service_fills_the_screen_resets_and_restarts_to_welcome(
    installed_kiosk: tuple[Kiosk, dict[str, list[str]]],
) -> None:
    kiosk, service = installed_kiosk
    assert service["Restart"] == ["always"], "the service must start the kiosk again"

    kiosk.start(service)
    welcome = kiosk.settled_screen()
    welcome.save(str(kiosk.work / "1-welcome.png"))
    assert (welcome.width(), welcome.height()) == OUTPUT_SIZE
    assert _black_edge_pixels(welcome) == 0, "the guide does not fill the whole output"

    # A reader starts (with the welcome's own words for it); left alone, the kiosk asks, then
    # wipes the session back to welcome.
    start = load_guide(APP_CONTENT).wording["kiosk_welcome.start"]
    kiosk.press(start)
    reading = kiosk.settled_screen(unlike=welcome)
    reading.save(str(kiosk.work / "2-reading.png"))
    assert _black_edge_pixels(reading) == 0
    kiosk.wait_for(welcome, timeout=IDLE_TIMEOUT + IDLE_WARNING + 30)

    # A reader starts again and the app dies mid-session: cage ends with it, so the service
    # manager starts both afresh, and the new kiosk shows the welcome screen, not the step.
    kiosk.press(start)
    kiosk.settled_screen(unlike=welcome)
    os.kill(kiosk.app_pid(), signal.SIGKILL)
    assert kiosk.cage is not None
    kiosk.cage.wait(timeout=30)
    kiosk.start(service)
    restarted = kiosk.settled_screen()
    restarted.save(str(kiosk.work / "3-after-restart.png"))
    assert _same(restarted, welcome), "after a restart the kiosk does not show its welcome"
