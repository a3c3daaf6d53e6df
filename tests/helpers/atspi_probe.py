"""One question to the running app over the Linux accessibility bus, as a screen reader asks it.

Runs under the system Python (pyatspi is a Debian package). Each call prints one JSON object:

  find PREFIX        the first showing object whose accessible name starts with PREFIX: its
                     role, name, description, whether it has the keyboard focus, whether it is
                     checked, and where it is on the screen (x, y, width, height)
  press PREFIX       press the showing button named PREFIX, else the first whose name starts
                     with it
  focus PREFIX       give the keyboard focus to the first showing object named PREFIX...
  focused            the object that has the keyboard focus
  scroll             the page's vertical scroll position (the step area's first scroll bar
                     that can move), and whether any words on the page are selected
  listen SECONDS     what a screen reader is told in that time: announcements and focus moves
"""

from __future__ import annotations

import contextlib
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from atspi_walker import find_app, step_area, walk  # type: ignore[import-not-found]


def describe(node) -> dict[str, object]:  # type: ignore[no-untyped-def]
    try:
        ext = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        extents = [ext.x, ext.y, ext.width, ext.height]
    except NotImplementedError:
        extents = None
    return {
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "focused": node.getState().contains(pyatspi.STATE_FOCUSED),
        "checked": node.getState().contains(pyatspi.STATE_CHECKED),
        "extents": extents,
    }


def first_named(app, prefix: str, role=None):  # type: ignore[no-untyped-def]
    """The showing node named exactly `prefix`, else the first whose name starts with it (a
    button called "Start" is that one, not "Start over")."""
    found = None
    for node in walk(app):
        name = node.name or ""
        if name.startswith(prefix) and (role is None or node.getRole() == role):
            if name == prefix:
                return node
            found = found or node
    return found


def wait_for(app, prefix: str, role=None, timeout: float = 20):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        node = first_named(app, prefix, role)
        if node is not None:
            return node
        time.sleep(0.05)
    return None


def page_scroll(app) -> dict[str, object]:  # type: ignore[no-untyped-def]
    area = step_area(app)
    value = None
    selected = False
    for node in walk(area) if area is not None else []:
        role = node.getRole()
        if value is None and role == pyatspi.ROLE_SCROLL_BAR:
            v = node.queryValue()
            vertical = node.getState().contains(pyatspi.STATE_VERTICAL)
            if vertical and v.maximumValue > 0:
                value = v.currentValue
        if role in (pyatspi.ROLE_TEXT, pyatspi.ROLE_LABEL, pyatspi.ROLE_DOCUMENT_TEXT):
            with contextlib.suppress(NotImplementedError):
                selected = selected or node.queryText().getNSelections() > 0
    return {"value": value, "selected": selected}


def listen(seconds: float) -> dict[str, object]:
    heard: list[dict[str, object]] = []

    def note(event) -> None:  # type: ignore[no-untyped-def]
        source = event.source
        entry = {"type": event.type, "source": getattr(source, "name", "") or ""}
        if "announcement" in event.type:
            entry["said"] = str(event.any_data)
        elif "focused" in event.type and not event.detail1:
            return
        heard.append(entry)

    kinds = ["object:announcement", "object:state-changed:focused"]
    for kind in kinds:
        pyatspi.Registry.registerEventListener(note, kind)
    from gi.repository import GLib  # type: ignore[import-not-found]

    GLib.timeout_add(int(seconds * 1000), pyatspi.Registry.stop)
    print(json.dumps({"listening": True}), flush=True)
    pyatspi.Registry.start()
    return {"heard": heard}


def main() -> int:
    command, *rest = sys.argv[1:]
    app = find_app("decisionaid", 30)
    if command == "find":
        node = wait_for(app, rest[0])
        result = describe(node) if node is not None else {"error": f"no {rest[0]!r}"}
    elif command == "press":
        node = wait_for(app, rest[0], pyatspi.ROLE_PUSH_BUTTON)
        if node is None:
            result = {"error": f"no button {rest[0]!r}"}
        else:
            node.queryAction().doAction(0)
            result = describe(node)
    elif command == "focus":
        node = wait_for(app, rest[0])
        result = {"grabbed": bool(node.queryComponent().grabFocus())} if node else {"error": "none"}
    elif command == "focused":
        # A list keeps its current item marked focused while the list itself is not: skip
        # items, whose list would be the focused one.
        node = next(
            (
                n
                for n in walk(app)
                if n.getState().contains(pyatspi.STATE_FOCUSED)
                and n.getRole() != pyatspi.ROLE_LIST_ITEM
            ),
            None,
        )
        result = describe(node) if node is not None else {"error": "nothing has the focus"}
    elif command == "scroll":
        result = page_scroll(app)
    elif command == "listen":
        result = listen(float(rest[0]))
    else:
        result = {"error": f"unknown command {command}"}
    print(json.dumps(result), flush=True)
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main())
