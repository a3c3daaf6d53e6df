"""Switches the running app's language through the Linux accessibility bus, as a screen-reader
user would, and reports the language the app tells the screen reader before and after.

Runs under the system Python (pyatspi comes from python3-pyatspi). It finds the app, notes the
window's locale (AT-SPI's GetLocale, which a screen reader uses to choose its voice) and its
buttons, presses the language button named --press through its accessible action, waits for
the window in the new language, and notes the same again. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from atspi_walker import buttons, find_app, press, walk


def frames(app: object) -> list[object]:
    return [
        app.getChildAtIndex(i)
        for i in range(app.childCount)
        if app.getChildAtIndex(i) is not None
        and app.getChildAtIndex(i).getState().contains(pyatspi.STATE_SHOWING)
    ]


def locale_of(node: object) -> str:
    try:
        return str(node.get_object_locale())
    except Exception as exc:  # an object may vanish while it is read
        return f"error: {exc}"


def snapshot(app: object) -> dict[str, object]:
    """The showing window's title, locale, buttons and labels; read again while the window is
    being replaced and its objects vanish under the reader."""
    for _ in range(50):
        try:
            return _snapshot(app)
        except Exception:
            time.sleep(0.1)
    return _snapshot(app)


def _snapshot(app: object) -> dict[str, object]:
    shown = frames(app)
    frame = shown[-1] if shown else None
    found = buttons(frame) if frame is not None else {}
    return {
        "frames": len(shown),
        "title": str(frame.name) if frame is not None else "",
        "locale": locale_of(frame) if frame is not None else "",
        "buttons": {name: locale_of(node) for name, node in found.items()},
        "labels": sorted(
            {str(n.name) for n in walk(frame) if n.getRole() == pyatspi.ROLE_LABEL and n.name}
        )[:80]
        if frame is not None
        else [],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", default="decisionaid")
    parser.add_argument("--press", required=True, help="the language button's accessible name")
    parser.add_argument("--expect", required=True, help="a button the new language shows")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    app = find_app(args.app, args.timeout)
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline and args.press not in snapshot(app)["buttons"]:
        time.sleep(0.1)
    before = snapshot(app)
    target = buttons(frames(app)[-1]).get(args.press)
    if target is None:
        print(json.dumps({"before": before, "error": f"no button {args.press!r}"}))
        return 1
    press(target)
    after = snapshot(app)
    while time.monotonic() < deadline and args.expect not in after["buttons"]:
        time.sleep(0.1)
        after = snapshot(app)
    print(json.dumps({"before": before, "after": after}))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    sys.exit(main())
