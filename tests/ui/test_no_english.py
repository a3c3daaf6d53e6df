"""In Spanish, no English anywhere: every step, in every mode, with the screens each mode adds,
read as a reader and a screen reader meet them (widget text, accessible names and descriptions,
tool tips, list items, documents).

A word is English when it is one of tests/helpers/i18n.ENGLISH_WORDS. What stays in its own
language on purpose is left out: reference titles, authors and journals (a source's title is
never translated), web addresses, and any widget whose own locale is another language (the
language control's "English" is said in English).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from decisionaid.app import App, Options, build_app, build_parts
from tests.helpers.i18n import untranslated


@pytest.fixture
def spanish(spanish_catalogue: Path) -> Path:
    return spanish_catalogue


def exempt(app: App) -> list[str]:
    """Reference titles, authors and journals, and the crisis services' own names."""
    guide = app.window.guide
    refs = guide.references.values()
    lines = guide.crisis.lines if guide.crisis else ()
    return [part for r in refs for part in (r.title, r.authors, r.source) if part] + [
        line.name for line in lines
    ]


def foreign(widget) -> bool:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    return widget.locale().language() != QLocale.Language.Spanish


def english_on(app: App, root) -> list[str]:  # type: ignore[no-untyped-def]
    return untranslated(root, exempt(app), skip=foreign)


def walk(app: App) -> Iterator[str]:
    """Each step in turn, a content note first where there is one; yields where it is."""
    window = app.window
    for index, step in enumerate(window.guide.steps):
        window.go_to(index)
        widget = window.current_widget()
        if widget is not None and getattr(widget, "showing_note", False):
            yield f"{step.id} (content note)"
            widget.reveal()  # type: ignore[attr-defined]
        yield step.id


def choose_things(app: App) -> None:
    """A reader who answered, chose questions and wrote one: the summary and its QR show."""
    session = app.window.session
    data = app.window.ctx.decision_data()
    for question in (data.questions.questions if data.questions else ())[:3]:
        session.set_question_chosen(question.id, True)
    session.add_own_question("¿Puede venir mi pareja conmigo?")
    for statement in data.values.statements if data.values else ():
        session.set_value(statement.id, 3)
    for item in data.sure.items if data.sure else ():
        session.set_sure(item.letter, False)
    session.set_leaning("unsure")


@pytest.mark.parametrize("mode", ["personal", "kiosk", "counsellor"])
def test_every_step_shows_no_english_in_spanish(qtbot, spanish: Path, mode: str) -> None:
    app = build_app(
        build_parts(Options(locale="es", kiosk=mode == "kiosk", counsellor=mode == "counsellor"))
    )
    window = app.window
    qtbot.addWidget(window, before_close_func=app.kiosk and (lambda _w: app.kiosk.stand_down()))
    window.resize(1280, 800)
    window.show()
    choose_things(app)
    found: dict[str, list[str]] = {}
    if app.kiosk is not None:
        found["kiosk welcome"] = english_on(app, window)
        app.kiosk.start_reading()
    for where in walk(app):
        found[where] = english_on(app, window)
    window.toggle_help()
    found["help panel"] = english_on(app, window.help_panel)
    window.toggle_help()
    if app.kiosk is not None:
        kiosk = app.kiosk
        kiosk.screens.show(kiosk.warning)
        kiosk.warning.start(window.policy.idle_warning_seconds)
        found["idle warning"] = english_on(app, window)
        kiosk.warning.stop()
        kiosk.screens.hide(kiosk.warning)
        kiosk.staff.open()
        kiosk.screens.show(kiosk.staff)
        found["staff panel"] = english_on(app, window)
        kiosk.close_staff_panel()
    if app.counsellor is not None:
        tools = app.counsellor
        tools.open_index()
        found["step index"] = english_on(app, window)
        tools.index.close_index()
        view = tools.open_presenter()
        found["presenter view"] = english_on(app, view)
        view.close()
    problems = [f"{where}: {text}" for where, texts in found.items() for text in texts]
    assert problems == [], "\n".join(problems)
