"""A visitor at the real kiosk on a real X server: taps, drags, keys and typing through the X
server (xdotool), eyes and ears on the accessibility bus (tests/helpers/atspi_reader.py) and a
probe inside the kiosk (tests/helpers/kiosk_probe.py) that counts resets and memory and searches
the widget tree for canaries.

Used by tests/process/test_reader_data_on_real_x.py: the canary test and the real-X soak.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers import ROOT
from tests.helpers.reader_traces import CANARY, canary, process_memory_hits
from tests.helpers.x_session import SYSTEM_PYTHON, XSession, wait_until

ATSPI_PROBE = Path(__file__).parent / "atspi_reader.py"
OWN_QUESTION = "Your own question"
GET_HELP = "Get help now"


class Conversation:
    """One JSON line out, one JSON line back, with a process that answers on standard output."""

    def __init__(self, proc: subprocess.Popen[bytes], what: str) -> None:
        self.proc = proc
        self.what = what

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"{self.what} has stopped (exit {self.proc.returncode})")
        self.proc.stdin.write((json.dumps(command) + "\n").encode())
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError(f"{self.what} stopped answering (exit {self.proc.poll()})")
        answer: dict[str, Any] = json.loads(line)
        return answer


@dataclass
class Tally:
    """What a run did and found. Each reset's findings go to `on_reset` as they come, so a
    failure later in a run keeps them."""

    actions: dict[str, int] = field(default_factory=dict)
    typed: int = 0  # canaries typed
    checked_resets: int = 0  # resets after which every place was searched
    resets_after_typing: int = 0  # of those, resets with a canary typed since the last one
    reset_kinds: dict[str, int] = field(default_factory=dict)
    restores: int = 0
    warning_over_help: int = 0
    rss_mib: list[tuple[float, float]] = field(default_factory=list)  # (minute, MiB) at resets
    resets: list[dict[str, Any]] = field(default_factory=list)  # what each reset left
    leaks: list[str] = field(default_factory=list)
    on_reset: Callable[[dict[str, Any]], None] = lambda record: None

    def count(self, action: str) -> None:
        self.actions[action] = self.actions.get(action, 0) + 1


class KioskVisitor:
    """The real kiosk on `x` with the probes attached, and a person's ways to use it."""

    def __init__(self, x: XSession, policy: dict[str, Any], seed: int) -> None:
        self.x = x
        self.rng = random.Random(seed)
        self.tally = Tally()
        self.started = time.monotonic()
        self.next_canary = 1
        self.typed_since_reset = 0
        app = x.procs.start(
            [sys.executable, "-m", "tests.helpers.kiosk_probe", "--policy", json.dumps(policy)],
            x.env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=x.procs.log(x.app_log),
        )
        x.app = app
        self.kiosk = Conversation(app, "the kiosk")
        assert wait_until(lambda: "error" not in self.kiosk.ask(cmd="state"), 60), (
            f"the kiosk showed no window: {x.app_said()[-2000:]}"
        )
        bus = x.procs.start(
            [SYSTEM_PYTHON, str(ATSPI_PROBE)],
            x.env,
            cwd=ATSPI_PROBE.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=x.procs.log(x.work / "atspi.log"),
        )
        self.bus = Conversation(bus, "the accessibility probe")
        assert bus.stdout is not None
        ready = bus.stdout.readline()
        assert b"ready" in ready, (x.work / "atspi.log").read_text(errors="replace")[-2000:]
        self.resets = self.state()["resets"]

    # -- looking ------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return self.kiosk.ask(cmd="state")

    def controls(self, *, on_screen: bool = True) -> list[dict[str, Any]]:
        """The enabled controls showing now; `on_screen`: only those a finger can reach without
        scrolling first."""
        answer = self.bus.ask(cmd="controls")
        found: list[dict[str, Any]] = answer.get("controls", [])
        width, height = self.x.screen_size()

        def reachable(c: dict[str, Any]) -> bool:
            return 0 <= c["x"] + c["w"] // 2 < width and 0 <= c["y"] + c["h"] // 2 < height

        return [c for c in found if c["enabled"] and (reachable(c) or not on_screen)]

    def control(self, name: str) -> dict[str, Any] | None:
        return next((c for c in self.controls() if c["name"].startswith(name)), None)

    def canaries_held(self) -> dict[str, Any]:
        """Where the kiosk holds a canary: its widget tree and Python strings (the probe inside
        it), and its accessible objects, shown or hidden (as a screen reader reads them)."""
        inside = self.kiosk.ask(cmd="scan")
        bus = self.bus.ask(cmd="search", pattern=CANARY.pattern)
        return {
            "qt": inside["qt"],
            "python": inside["python"],
            "atspi": sorted({f"{h['role']} {h['where']}" for h in bus.get("found", [])}),
            "atspi_error": bus.get("error"),
        }

    def raw_memory_hits(self) -> dict[str, int]:
        """Canaries in the kiosk's raw memory, freed memory included (not a widget's text)."""
        assert self.x.app is not None
        return process_memory_hits(self.x.app.pid)

    def minutes(self) -> float:
        return (time.monotonic() - self.started) / 60

    # -- a person's input, through the X server ---------------------------------------------

    def xdo(self, *args: str) -> None:
        self.x.run("xdotool", *args, check=False)

    def tap_at(self, x: int, y: int) -> None:
        self.xdo("mousemove", str(x), str(y), "click", "1")

    def tap(self, control: dict[str, Any]) -> None:
        # Somewhere inside the control, not always its centre, as a finger lands.
        x = control["x"] + int(control["w"] * self.rng.uniform(0.3, 0.7))
        y = control["y"] + int(control["h"] * self.rng.uniform(0.3, 0.7))
        self.tap_at(x, y)

    def tap_named(self, name: str) -> bool:
        control = self.control(name)
        if control is not None:
            self.tap(control)
        return control is not None

    def drag(self, by: int | None = None) -> None:
        """A finger's drag up or down the page; `by` pixels (up if negative), else at random."""
        width, height = self.x.screen_size()
        x = self.rng.randrange(width // 5, 4 * width // 5)
        y0 = self.rng.randrange(height // 4, 3 * height // 4) if by is None else height // 2
        if by is None:
            by = self.rng.choice((-1, 1)) * self.rng.randrange(80, 700)
        y1 = max(5, min(height - 5, y0 + by))
        self.xdo("mousemove", str(x), str(y0), "mousedown", "1")
        for step in range(1, 6):
            self.xdo("mousemove", str(x), str(y0 + (y1 - y0) * step // 5))
        self.xdo("mouseup", "1")

    def scroll_to(self, name: str) -> dict[str, Any] | None:
        """The control called `name`, dragged into easy reach (clear of the header and the
        footer), if the step has one."""
        _, height = self.x.screen_size()
        last = None
        for _ in range(15):
            control = next(
                (c for c in self.controls(on_screen=False) if c["name"].startswith(name)), None
            )
            if control is None:
                return None
            middle = control["y"] + control["h"] // 2
            if height * 0.1 < middle < height * 0.9 or (middle == last and 0 < middle < height):
                return control  # in easy reach, or as near as the page goes
            last = middle
            self.wheel(middle - height // 2)
        return None

    def wheel(self, by: int) -> None:
        """Turn the mouse wheel over the page to move it `by` pixels (down if positive)."""
        width, height = self.x.screen_size()
        clicks = max(1, min(40, abs(by) // 50))
        button = "5" if by > 0 else "4"
        self.xdo("mousemove", str(width // 4), str(height // 2))
        self.xdo("click", "--repeat", str(clicks), "--delay", "10", button)

    def type_canary(self) -> bool:
        """Type a question with a canary into the own-question box and, mostly, add it."""
        box = self.scroll_to(OWN_QUESTION)
        if box is None:
            return False
        self.tap(box)
        word = canary(self.next_canary)
        self.next_canary += 1
        self.xdo("type", "--delay", "15", f"Will my sister {word} find out")
        if self.rng.random() < 0.7:
            self.xdo("key", "Return")
        self.typed_since_reset += 1
        self.tally.typed += 1
        return True

    def start_reading(self) -> bool:
        """From the welcome screen into the guide (closing help first if it was left open)."""
        for _ in range(3):
            state = self.state()
            if not state["welcome"]:
                return True
            if state["help"]:
                self.tap_named(GET_HELP)  # it closes help as it opened it
                wait_until(lambda: not self.state()["help"], 5)
            # "Start", in the guide's own words, and never "Start over".
            start = [c for c in self.controls() if c["name"].startswith("Start")]
            start = [c for c in start if "over" not in c["name"]]
            if start:
                self.tap(start[0])
            wait_until(lambda: not self.state()["welcome"], 5)
        return not self.state()["welcome"]

    def close_what_covers_the_step(self) -> None:
        """Close help, a popover or a menu the visitor left open over the step: the step's own
        controls are not showing under them."""
        if self.state()["help"]:
            self.tap_named(GET_HELP)  # it closes help as it opened it
            wait_until(lambda: not self.state()["help"], 5)
        if self.state()["warning"]:
            self.tap_named("I'm still here")
            wait_until(lambda: not self.state()["warning"], 5)
        self.xdo("key", "Escape")

    def go_to_own_question(self) -> bool:
        """To the step with the own-question box: Next, or Back where a visitor has gone past
        it (a random visitor often ends on the summary or the glossary)."""
        if not self.start_reading():
            return False
        for _ in range(60):
            if self.control(OWN_QUESTION) or any(
                c["name"] == OWN_QUESTION for c in self.controls(on_screen=False)
            ):
                return True
            state = self.state()
            if state["welcome"] and not self.start_reading():
                return False  # an idle reset on the way: start again
            if state["help"] or state["warning"]:
                self.close_what_covers_the_step()
                continue
            step = state["step"]
            if step == state["questions_at"]:
                self.close_what_covers_the_step()  # on the step, under something
                continue
            went = (
                self.tap_named("Next") or self.tap_named("Skip this part")
                if step < state["questions_at"]
                else self.tap_named("Back")
            )
            if not went:
                self.close_what_covers_the_step()
                continue
            wait_until(lambda s=step: self.state()["step"] != s, 5)
        return False

    def why_not_own_question(self) -> str:
        """What the screen showed when the own-question box could not be found."""
        shown = [f"{c['kind']} {c['name']!r} at {c['x']},{c['y']}" for c in self.controls()]
        return f"state: {self.state()}; controls showing: {shown}"

    # -- resets -------------------------------------------------------------------------

    def wait_for_reset(self, timeout: float) -> bool:
        """Wait, hands off, until the kiosk resets; notes whether help was open and the idle
        warning came on the way."""
        saw_help = saw_warning = False
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state()
            if state["resets"] > self.resets:
                self.tally.warning_over_help += saw_help and saw_warning
                return True
            saw_help |= state["help"]
            saw_warning |= state["warning"]
            time.sleep(0.3)
        return False

    def check_after_reset(self) -> None:
        """If the kiosk reset since the last look, search every place for a canary, and hand
        what was found, with resident memory, to the tally's `on_reset` at once."""
        state = self.state()
        if state["resets"] == self.resets:
            return
        self.resets = state["resets"]
        held = self.canaries_held()
        raw = self.raw_memory_hits()
        tally = self.tally
        tally.checked_resets += 1
        tally.resets_after_typing += self.typed_since_reset > 0
        tally.reset_kinds = dict(state["reset_kinds"])
        tally.rss_mib.append((round(self.minutes(), 2), round(state["rss_mib"], 1)))
        tally.restores = state["restores"]
        record = {
            "reset": self.resets,
            "minute": round(self.minutes(), 2),
            "kind": state["last_reset_kind"],
            "canaries typed before it": self.typed_since_reset,
            "canaries typed so far": tally.typed,
            "found in the widget tree": held["qt"],
            "found in live Python strings": held["python"],
            "found on the accessibility bus": held["atspi"],
            "accessibility bus error": held["atspi_error"],
            "session empty": state["empty"],
            "in raw memory, freed included": raw,
            "rss_mib": round(state["rss_mib"], 1),
        }
        self.typed_since_reset = 0
        tally.resets.append(record)
        if held["qt"] or held["python"] or held["atspi"] or held["atspi_error"]:
            tally.leaks.append(f"reset {self.resets} at {self.minutes():.1f} min: {held}")
        if not state["empty"]:
            tally.leaks.append(f"reset {self.resets}: the session was not empty")
        tally.on_reset(record)
