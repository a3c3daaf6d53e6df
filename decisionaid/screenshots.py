"""`decisionaid screenshots`: every step rendered offscreen to a numbered PNG, and the screens
a mode adds (the kiosk's welcome and idle warning, the counsellor's index and presenter view).

Each picture is taken once the window's layouts have settled, so wrapped titles at large text
sizes show whole, as a reader would see them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.app import App, Options

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# (file name, show it and return the window to photograph), taken after every step.
Extra = tuple[str, Callable[[], "QWidget"]]


def take_screenshots(
    options: Options,
    out_dir: Path,
    size: tuple[int, int],
    scale: int = 100,
    high_contrast: bool = False,
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from decisionaid.app import build_app, build_parts, ensure_qapplication

    ensure_qapplication()
    parts = build_parts(options)
    app = build_app(parts)
    window = app.window
    window.resize(*size)
    window.show()
    if high_contrast:
        window.session.set_high_contrast(True)
    if scale != 100:
        window.set_text_scale(scale)
    kiosk = app.kiosk
    if kiosk is not None:
        kiosk.start_reading()
    extras = _extras(app, size)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    steps = parts.guide.steps
    width = len(str(len(steps) + len(extras)))
    for index, step in enumerate(steps):
        window.go_to(index)
        widget = window.current_widget()
        name = f"{index + 1:0{width}d}-{step.id}"
        if widget is not None and getattr(widget, "showing_note", False):
            written.append(_grab(window, out_dir / f"{name}-note.png"))
            widget.reveal()  # type: ignore[attr-defined]
        written.append(_grab(window, out_dir / f"{name}.png"))
    for number, (name, show) in enumerate(extras, start=len(steps) + 1):
        window.go_to(0)
        shown = show()
        written.append(_grab(shown, out_dir / f"{number:0{width}d}-{name}.png"))
        if shown is not window:
            shown.close()
    if kiosk is not None:
        kiosk.stand_down()
    window.close()
    return written


def _extras(app: App, size: tuple[int, int]) -> list[Extra]:
    """The screens a mode adds, in the order a reader or counsellor meets them."""
    extras: list[Extra] = []
    window = app.window
    kiosk = app.kiosk
    if kiosk is not None:

        def welcome() -> QWidget:
            kiosk.show_welcome()
            return window

        def idle_warning() -> QWidget:
            kiosk.screens.show(kiosk.warning)
            kiosk.warning.start(window.policy.idle_warning_seconds)
            kiosk.warning.stop()  # the picture needs the words, not the countdown
            return window

        extras += [("kiosk-welcome", welcome), ("kiosk-idle-warning", idle_warning)]
    tools = app.counsellor
    if tools is not None:

        def index() -> QWidget:
            tools.open_index()
            return window

        def presenter() -> QWidget:
            tools.index.close_index()
            view = tools.open_presenter()
            view.resize(*size)
            return view

        if window.policy.step_index:
            extras.append(("counsellor-index", index))
        if window.policy.presenter_view:
            extras.append(("counsellor-presenter-view", presenter))
    return extras


def _grab(widget: QWidget, path: Path) -> Path:
    from decisionaid.ui.settle import settle_window

    settle_window(widget)
    widget.grab().save(str(path))
    return path
