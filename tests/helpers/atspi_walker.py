"""Walks the running app through the Linux accessibility bus, as a screen reader would.

Runs under the system Python (/usr/bin/python3) because pyatspi comes from the Debian package
python3-pyatspi, not from PyPI. It finds the app, then on every step reads the step's text,
checks that the "Get help now" control is there, and presses "Next" through its accessible
action. On the step given by --tick-step it ticks the first question check box through its
accessible action, as a screen-reader user would, and on every later step it notes whether
that question's words are read out. Prints one JSON object on standard output.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from waiting import wait_until  # beside this script, which runs from its own folder


def find_app(name: str, timeout: float) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and name in (app.name or "").lower():
                return app
        time.sleep(0.2)
    raise SystemExit(f"walker: no application called {name!r} on the accessibility bus")


def walk(node: object, depth: int = 0):  # type: ignore[no-untyped-def]
    """Every showing accessible below node (the app's tree is small)."""
    if node is None or depth > 60:
        return
    try:
        states = node.getState()
        if depth > 0 and not states.contains(pyatspi.STATE_SHOWING):
            return
        yield node
        for i in range(node.childCount):
            yield from walk(node.getChildAtIndex(i), depth + 1)
    except Exception:  # an object may vanish while the tree is read
        return


def buttons(app: object) -> dict[str, object]:
    found = {}
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and node.name:
            found.setdefault(node.name, node)
    return found


def step_text(app: object) -> tuple[str, str]:
    """ "Step N of M" and the words of the step area, as a screen reader reads them."""
    counter, texts = "", []
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_LABEL and (
            (node.name.startswith("Step ") and " of " in node.name)
            or node.name.startswith("Look-up page: ")
        ):
            counter = counter or node.name
        if node.getRole() == pyatspi.ROLE_LAYERED_PANE and not texts:
            # The step area is the one stacked pane; everything the step says is inside it.
            texts = [read(n) for n in walk(node)]
    return counter, "\n".join(t for t in texts if t)


def read(node: object) -> str:
    try:
        # Read-only text areas (the page) carry their words in the Text interface.
        return str(node.queryText().getText(0, -1))
    except NotImplementedError:
        pass
    if node.getRole() in (
        pyatspi.ROLE_LABEL,
        pyatspi.ROLE_PUSH_BUTTON,
        pyatspi.ROLE_CHECK_BOX,
        pyatspi.ROLE_RADIO_BUTTON,
    ):
        return str(node.name or "")
    return ""


def wait_for_change(app: object, before: str, timeout: float, poll: float) -> str:
    """The step's words once they differ from before and read the same twice running."""
    deadline = time.monotonic() + timeout
    last = before
    while time.monotonic() < deadline:
        time.sleep(poll)
        _, text = step_text(app)
        if text != before and text == last:
            return text
        last = text
    return last


def press(node: object) -> None:
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("Press", "press", "click", "SetFocus") or i == action.nActions - 1:
            action.doAction(i)
            return


def step_area(app: object) -> object | None:
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_LAYERED_PANE:
            return node
    return None


def check_boxes(app: object) -> list[object]:
    """The check boxes the step shows, in reading order."""
    area = step_area(app)
    if area is None:
        return []
    return [n for n in walk(area) if n.getRole() == pyatspi.ROLE_CHECK_BOX and n.name]


def toggle(node: object) -> str:
    """Tick or untick through the check box's own action; returns the action's name."""
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("toggle", "press", "click"):
        for i, name in enumerate(names):
            if name.lower() == wanted:
                action.doAction(i)
                return str(name)
    raise SystemExit(f"walker: check box {node.name!r} has no toggle action, only {names}")


def is_checked(node: object) -> bool:
    try:
        return bool(node.getState().contains(pyatspi.STATE_CHECKED))
    except Exception:  # the object may be replaced while the step refreshes
        return False


def tick_first_question(app: object, timeout: float, poll: float) -> dict[str, object]:
    boxes = check_boxes(app)
    if not boxes:
        return {"error": "no check boxes on this step"}
    box = next((b for b in boxes if not is_checked(b)), boxes[0])
    name = str(box.name)
    action = toggle(box)
    # Found again by role and name: the step may rebuild its rows once the answer is stored.
    checked = wait_until(
        lambda: any(b.name == name and is_checked(b) for b in check_boxes(app)), timeout, poll
    )
    return {"question": name, "action": action, "checked": checked}


def said(words: str, text: str) -> bool:
    return " ".join(words.split()) in " ".join(text.split())


def named(found: dict[str, object], prefix: str) -> object | None:
    for name, node in found.items():
        if name.lower().startswith(prefix.lower()):
            return node
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", default="decisionaid")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--max-steps", type=int, default=60)
    # How often to look again while waiting for the app; never a pause before reading: a
    # screen reader reads the tree the moment the app says something changed.
    parser.add_argument("--poll", type=float, default=0.05)
    parser.add_argument(
        "--tick-step", type=int, default=0, help="step number on which to tick a question"
    )
    parser.add_argument(
        "--summary-step", type=int, default=0, help="step number that lists ticked questions"
    )
    args = parser.parse_args()
    app = find_app(args.app, args.timeout)
    report: dict[str, object] = {"app": app.name, "steps": []}
    steps: list[dict[str, object]] = report["steps"]  # type: ignore[assignment]
    previous = None
    for _ in range(args.max_steps):
        deadline = time.monotonic() + args.timeout
        while True:
            counter, text = step_text(app)
            if counter and counter != previous:
                break
            if time.monotonic() > deadline:
                report["error"] = f"the step did not change after {previous!r}"
                print(json.dumps(report))
                return 1
            time.sleep(args.poll)
        found = buttons(app)
        show = named(found, "Show this part")
        if show is not None:
            # A content note comes first; a reader who chooses to read on hears the page.
            press(show)
            text = wait_for_change(app, text, args.timeout, args.poll)
            found = buttons(app)
        number = len(steps) + 1
        ticked = report.get("ticked")
        if number == args.tick_step and ticked is None:
            ticked = report["ticked"] = tick_first_question(app, args.timeout, args.poll)
            found = buttons(app)
        help_button = named(found, "Get help now")
        next_button = named(found, "Next")
        question = ticked.get("question") if isinstance(ticked, dict) else None
        reads = isinstance(question, str) and number > args.tick_step and said(question, text)
        if isinstance(question, str) and not reads and number == args.summary_step:
            # The summary may still be filling in its list as the counter changes.
            reads = wait_until(
                lambda q=question: said(q, step_text(app)[1]), args.timeout, args.poll
            )
        steps.append(
            {
                "reads_ticked_question": bool(reads),
                "counter": counter,
                "text_chars": len(text),
                "first_words": " ".join(text.split()[:12]),
                "help": help_button is not None,
                "next_enabled": bool(
                    next_button is not None
                    and next_button.getState().contains(pyatspi.STATE_ENABLED)
                ),
            }
        )
        previous = counter
        print(f"walker: {counter}: {len(text)} characters", file=sys.stderr, flush=True)
        last = steps[-1]
        if not last["next_enabled"]:
            break
        # Read the next step at once, while it is still settling its layout, as a screen
        # reader does: that is when the app once crashed.
        press(next_button)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
