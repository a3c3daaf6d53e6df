"""A touch-only kiosk typing its own question on Qt's on-screen keyboard, on a real X server.

Usage: DISPLAY=:N python on_screen_keyboard_driver.py CONFIG.toml TEXT [SCREENSHOT.png]
Run by tests/process/test_on_screen_keyboard.py on Xvfb. It starts the kiosk as `decisionaid
--kiosk --config CONFIG.toml` does (the same choice of keyboard, made before Qt starts), then
drives it with real X input from xdotool: a tap on the question field, taps on the keyboard's
keys for TEXT, a tap on "Add to my list"; then Tab into the field, and a kiosk reset. Prints one
JSON object: what showed, what was typed and what the list holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import shiboken6

from decisionaid.app import Options, build_app, build_parts, ensure_qapplication, show_window
from decisionaid.ui.kiosk.environment import prepare_kiosk_environment
from decisionaid.ui.settle import settle_window


def main(config: Path, text: str, shot: Path | None = None) -> dict[str, object]:
    prepare_kiosk_environment()
    parts = build_parts(Options(kiosk=True, config=config))
    report: dict[str, object] = {
        "policy": parts.policy.on_screen_keyboard,
        "notices": parts.config.staff_notices,
    }
    if parts.policy.on_screen_keyboard:
        from decisionaid.ui.on_screen_keyboard import use_on_screen_keyboard

        use_on_screen_keyboard()
    report["im_module"] = os.environ.get("QT_IM_MODULE", "")
    started = time.perf_counter()
    app = ensure_qapplication()
    from PySide6.QtCore import QEventLoop, QPoint, QPointF, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickItem, QQuickWindow
    from PySide6.QtWidgets import QWidget

    built = build_app(parts)
    window, kiosk = built.window, built.kiosk
    assert kiosk is not None
    painted: list[float] = []
    window.firstPaint.connect(lambda: painted.append(time.perf_counter() - started))
    show_window(window, parts.policy)
    method = QGuiApplication.inputMethod()

    def wait(condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return True
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return bool(condition())

    def xdotool(*args: str) -> None:
        subprocess.run(["xdotool", *args], check=True, timeout=30)
        app.processEvents()

    def tap(x: float, y: float) -> None:
        xdotool("mousemove", str(round(x)), str(round(y)), "click", "1")

    def tap_widget(widget: QWidget) -> None:
        centre = widget.mapToGlobal(widget.rect().center())
        tap(centre.x(), centre.y())

    def keys() -> dict[str, QPoint]:
        """The on-screen keyboard's keys, by the character each types, at their screen place."""
        found: dict[str, QPoint] = {}
        for top in QGuiApplication.topLevelWindows():
            if not top.inherits("QQuickWindow"):
                continue
            # The keyboard's window is a QQuickWindow subclass PySide6 does not know by name.
            quick = shiboken6.wrapInstance(shiboken6.getCppPointer(top)[0], QQuickWindow)
            items: list[QQuickItem] = [quick.contentItem()]
            while items:
                item = items.pop()
                items.extend(item.childItems())
                meta = item.metaObject()
                if meta.indexOfProperty("keyType") < 0 or not item.isVisible():
                    continue
                label = str(item.property("text") or "")
                if label and item.width() > 0:
                    centre = item.mapToGlobal(QPointF(item.width() / 2, item.height() / 2))
                    found.setdefault(label.lower(), centre.toPoint())
        return found

    assert wait(lambda: bool(painted)), "the kiosk never painted"
    report["first_paint_ms"] = round(painted[0] * 1000)
    maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    report["loaded_at_first_paint"] = "libQt6VirtualKeyboard" in maps
    kiosk.start_reading()
    window.navigate_to("questions")
    step = window.current_widget()
    edit = getattr(step, "own_edit", None)
    report["field"] = edit is not None
    if edit is None or not parts.policy.on_screen_keyboard:
        return report
    wait(lambda: edit.isVisible() and not edit.visibleRegion().isEmpty())
    settle_window(window)  # the panel below the bank has its final height: the field is still
    report["shown_before_focus"] = method.isVisible()
    tapped = time.perf_counter()
    tap_widget(edit)
    report["shown_on_tap"] = wait(method.isVisible)
    report["first_open_ms"] = round((time.perf_counter() - tapped) * 1000)
    report["keyboard_rect"] = method.keyboardRectangle().toRect().getRect()
    field_bottom = edit.mapToGlobal(QPoint(0, edit.height())).y()
    report["field_above_keyboard"] = field_bottom <= method.keyboardRectangle().top()
    wait(lambda: all(ch in keys() for ch in text.lower() if ch != " "))
    for ch in text:
        where = keys()[" " if ch == " " else ch.lower()]
        tap(where.x(), where.y())
    wait(lambda: len(edit.text()) >= len(text), 5)
    report["typed"] = edit.text()
    if shot is not None:  # the whole screen, keyboard and all, to look at
        settle_window(window)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(shot))
    tap_widget(step.add_button)
    wait(lambda: bool(window.session.state.own_questions), 5)
    report["own_questions"] = list(window.session.state.own_questions)
    # Away from the field (a tap on a question) and back by the keyboard's Tab alone.
    first_box = next(iter(step.boxes.values()))
    step.scroll.ensureWidgetVisible(first_box)
    tap_widget(first_box)
    report["hidden_after_leaving"] = wait(lambda: not method.isVisible(), 5)
    step.add_button.setFocus()
    xdotool("key", "shift+Tab")
    report["focus_by_tab"] = wait(edit.hasFocus, 5)
    report["shown_on_tab"] = wait(method.isVisible, 5)
    xdotool("type", "--delay", "50", "zz")
    wait(lambda: edit.text() == "zz", 5)
    kiosk.full_reset()
    report["hidden_after_reset"] = wait(lambda: not method.isVisible(), 5)
    report["field_after_reset"] = edit.text()
    kiosk.stand_down()
    return report


if __name__ == "__main__":
    result = main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]) if len(sys.argv) > 3 else None)
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # the kiosk's window refuses a normal close; nothing is left to save
