"""`decisionaid screenshots`: every step rendered offscreen to a numbered PNG, and the screens
a mode adds (the kiosk's welcome, help and idle warning; the counsellor's index, presenter view, an
answer tapped with answers hidden, and Presentation on one shared screen).

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
# None: the guide has nothing to show for it.
Extra = tuple[str, Callable[[], "QWidget | None"]]


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
    app = build_app(parts, screen_size=size)
    window = app.window
    window.resize(*size)
    window.show()
    # As the reader first sees it: with the icons, scrolling cues and Listen (where speech
    # works) that come after the first paint.
    window.finish_start()
    app.display.read_aloud.probe()
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
    number = len(steps)
    for name, show in extras:
        window.go_to(0)
        shown = show()
        if shown is None:
            continue  # nothing of the kind in this guide
        number += 1
        written.append(_grab(shown, out_dir / f"{number:0{width}d}-{name}.png"))
        if shown is not window:
            shown.close()
    if kiosk is not None:
        kiosk.stand_down()
    window.close()
    return written


SAMPLE_QUESTIONS = 10  # a typical reader's list


def _with_sample_list(app: App, kind: str) -> QWidget | None:
    """The step of `kind` with a typical reader's list chosen: the first questions of the bank.
    None where the guide has no such step."""
    window = app.window
    step = window.guide.first_of_kind(kind)
    questions = window.guide.first_of_kind("questions")
    if step is None or questions is None:
        return None
    session = window.session
    if not session.state.question_order:
        bank = window.ctx.decision_data().questions
        if bank is None:
            return None
        ids = [q.id for topic in bank.topics for q in bank.in_topic(topic.id)]
        for qid in ids[:SAMPLE_QUESTIONS]:
            session.set_question_chosen(qid, True)
    window.navigate_to(step.id)
    return window


def _extras(app: App, size: tuple[int, int]) -> list[Extra]:
    """A reader's list of questions, their summary and its QR code, then the screens a mode
    adds, in the order a reader or counsellor meets them. Only what this guide has: the
    pictures are numbered after the steps, to as many digits as the whole set needs."""
    window = app.window
    kinds = {step.kind for step in window.guide.steps}

    def questions() -> QWidget | None:
        return _with_sample_list(app, "questions")

    def summary() -> QWidget | None:
        return _with_sample_list(app, "summary")

    def qr_code() -> QWidget | None:
        shown = _with_sample_list(app, "summary")
        step = window.current_widget()
        button = getattr(step, "qr_button", None)
        if shown is None or button is None:
            return None
        button.setChecked(True)
        return shown

    extras: list[Extra] = []
    if {"questions", "summary"} <= kinds:
        extras += [
            ("questions-chosen", questions),
            ("summary-chosen", summary),
            ("summary-qr-code", qr_code),
        ]
    kiosk = app.kiosk
    if kiosk is not None:

        def help_panel() -> QWidget:
            window.toggle_help()
            return window

        def welcome() -> QWidget:
            kiosk.show_welcome()
            return window

        def idle_warning() -> QWidget:
            window.help_panel.hide_panel()
            kiosk.screens.show(kiosk.warning)
            kiosk.warning.start(window.policy.idle_warning_seconds)
            kiosk.warning.stop()  # the picture needs the words, not the countdown
            return window

        def idle_warning_over_help() -> QWidget:
            # Help left open until the help time ran out: the warning keeps the numbers.
            kiosk.screens.hide(kiosk.warning)
            window.toggle_help()
            kiosk.watcher.idle.emit()
            kiosk.warning.stop()
            return window

        extras += [
            ("kiosk-welcome", welcome),
            ("kiosk-help", help_panel),
            ("kiosk-idle-warning", idle_warning),
            ("kiosk-idle-warning-over-help", idle_warning_over_help),
        ]
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

        def answer_saved() -> QWidget | None:
            tools.hide_button.setChecked(True)
            return _answer_tapped(app)

        def presentation() -> QWidget | None:
            # One shared screen: the presenter view has gone, so the tools sit in the
            # reader's window, and Presentation hides all of them but itself.
            tools.presentation_button.setChecked(True)
            return _answer_tapped(app)

        if window.policy.step_index:
            extras.append(("counsellor-index", index))
        if window.policy.presenter_view:
            extras.append(("counsellor-presenter-view", presenter))
            if "values" in kinds:
                extras += [
                    ("counsellor-answer-saved", answer_saved),
                    ("counsellor-presentation", presentation),
                ]
    return extras


def _answer_tapped(app: App) -> QWidget | None:
    """The "what matters" step just after the reader tapped an answer. None where the guide
    has no such step."""
    window = app.window
    step = window.guide.first_of_kind("values")
    if step is None:
        return None
    window.navigate_to(step.id)
    groups = getattr(window.current_widget(), "groups", {})
    group = next(iter(groups.values()), None)
    if group is None:
        return None
    group.buttons[0].click()
    return window


def _grab(widget: QWidget, path: Path) -> Path:
    from decisionaid.ui.settle import settle_window

    settle_window(widget)
    widget.grab().save(str(path))
    return path
