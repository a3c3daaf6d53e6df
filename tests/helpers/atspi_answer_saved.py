"""What a screen-reader user hears when they answer while a counsellor hides answers.

Runs under the system Python (pyatspi comes from Debian's python3-pyatspi), like
atspi_walker.py, whose helpers it uses. It finds the counsellor's app on the accessibility bus,
presses "Hide answers" (focus, then Space, as a screen-reader user does), presses "Next" until
a step with answer choices ("Skip this part" where a content note stands before a page), chooses
one the same way, and listens for what the app announces.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import atspi_walker as walker
import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]


def pump(seconds: float) -> None:
    """Let the bus deliver events for a while (a screen reader's main loop)."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def choices(app: object) -> list[object]:
    area = walker.step_area(app)
    if area is None:
        return []
    return [n for n in walker.walk(area) if n.getRole() == pyatspi.ROLE_RADIO_BUTTON and n.name]


def labels(app: object) -> list[str]:
    area = walker.step_area(app)
    if area is None:
        return []
    return [str(n.name) for n in walker.walk(area) if n.getRole() == pyatspi.ROLE_LABEL and n.name]


def press_space(node: object) -> None:
    """As a screen-reader user does: move the focus to the control, then press Space (a real
    key press, through the X server)."""
    node.queryComponent().grabFocus()
    walker.wait_until(lambda: node.getState().contains(pyatspi.STATE_FOCUSED), 10, 0.05)
    pyatspi.Registry.generateKeyboardEvent(0x20, None, pyatspi.KEY_SYM)  # the space bar


def hide_toggle(app: object) -> object | None:
    """ "Hide answers" is a toggle: a screen reader finds it by name, whatever its role."""
    for node in walker.walk(app):
        if str(node.name or "").startswith("Hide answers"):
            return node
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", default="decisionaid")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    heard: list[str] = []

    def on_announcement(event: object) -> None:
        heard.append(str(getattr(event, "any_data", "") or ""))

    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    app = walker.find_app(args.app, args.timeout)
    report: dict[str, object] = {}
    walker.wait_until(lambda: hide_toggle(app) is not None, args.timeout, 0.05)
    hide = hide_toggle(app)
    if hide is None:
        print(json.dumps({"error": "no Hide answers button"}))
        return 1
    report["hide_role"] = str(hide.getRoleName())
    press_space(hide)
    pump(0.5)
    for _ in range(40):
        if choices(app):
            break
        # Forward is "Next", or "Skip this part" where a content note stands before a page's
        # words: past a note, a reader who wants the knowledge check may go straight on.
        found = walker.buttons(app)
        next_button = walker.named(found, "Next") or walker.named(found, "Skip this part")
        if next_button is None:
            break
        before = walker.step_text(app)[0]
        walker.press(next_button)
        walker.wait_until(lambda b=before: walker.step_text(app)[0] != b, args.timeout, 0.05)
    found = choices(app)
    report["step"] = walker.step_text(app)[0]
    report["choices"] = [str(n.name) for n in found]
    if not found:
        print(json.dumps(report))
        return 1
    heard.clear()
    press_space(found[0])
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline and not heard:
        pump(0.1)
    pump(0.3)
    report["heard"] = heard
    report["labels"] = labels(app)
    report["checked"] = [str(n.name) for n in choices(app) if walker.is_checked(n)]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
