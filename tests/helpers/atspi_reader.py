"""What a screen reader, or any program on the accessibility bus, can read from the running app.

Runs under the system Python (pyatspi is a Debian package). Reads one JSON command per line on
standard input and answers with one JSON line on standard output:

  {"cmd": "search", "pattern": REGEX}
      every accessible object in the app's whole tree, shown or hidden, whose name,
      description or text matches: a hidden widget is still on the bus, and still read
  {"cmd": "controls"}
      the push buttons, check boxes, radio buttons and text boxes showing now, each with its
      name and where it is on the screen, for a visitor's tap
"""

from __future__ import annotations

import json
import re
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from atspi_walker import find_app, walk  # beside this script, which runs from its own folder

CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON: "button",
    pyatspi.ROLE_CHECK_BOX: "check box",
    pyatspi.ROLE_RADIO_BUTTON: "radio button",
    pyatspi.ROLE_TEXT: "text",
    pyatspi.ROLE_ENTRY: "text",
    pyatspi.ROLE_LIST_ITEM: "list item",
}


def every_node(node, depth: int = 0):  # type: ignore[no-untyped-def]
    """Every accessible object below `node`, hidden ones included."""
    if node is None or depth > 80:
        return
    try:
        yield node
        for i in range(node.childCount):
            yield from every_node(node.getChildAtIndex(i), depth + 1)
    except Exception:  # an object may go away while the tree is read
        return


def words(node) -> dict[str, str]:  # type: ignore[no-untyped-def]
    found = {"name": node.name or "", "description": node.description or ""}
    try:
        text = node.queryText()
        found["text"] = text.getText(0, -1)
    except (NotImplementedError, Exception):  # no text interface here
        pass
    return found


def search(app, pattern: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    regex = re.compile(pattern)
    start = time.monotonic()
    hits, nodes = [], 0
    for node in every_node(app):
        nodes += 1
        try:
            for where, text in words(node).items():
                for match in regex.findall(text):
                    hits.append(
                        {
                            "role": node.getRoleName(),
                            "where": where,
                            "match": match,
                            "showing": node.getState().contains(pyatspi.STATE_SHOWING),
                        }
                    )
        except Exception:
            continue
    return {"found": hits, "nodes": nodes, "seconds": round(time.monotonic() - start, 2)}


def controls(app) -> dict[str, object]:  # type: ignore[no-untyped-def]
    found = []
    for node in walk(app):  # the showing ones
        try:
            kind = CONTROLS.get(node.getRole())
            if kind is None:
                continue
            x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            if w > 0 and h > 0:
                enabled = node.getState().contains(pyatspi.STATE_ENABLED)
                found.append(
                    {
                        "kind": kind,
                        "name": node.name or "",
                        "x": x,
                        "y": y,
                        "w": w,
                        "h": h,
                        "enabled": enabled,
                    }
                )
        except Exception:
            continue
    return {"controls": found}


def main() -> int:
    app = find_app("decisionaid", 60)
    print(json.dumps({"ready": app.name}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command["cmd"] == "search":
                answer = search(app, command["pattern"])
            elif command["cmd"] == "controls":
                answer = controls(app)
            else:
                answer = {"error": f"unknown command {command['cmd']!r}"}
        except Exception as exc:  # the app may be busy or restarting its tree
            answer = {"error": repr(exc)}
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
