"""Counsellor mode with a second screen attached. Not collected on its own: these need the
offscreen platform's two-screen set-up, which test_counsellor.py starts them in."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from decisionaid.app import Options
from decisionaid.paths import content_dir
from tests.helpers import counsellor_tools

# Set to a folder to keep pictures of both screens, to look at.
SHOTS = os.environ.get("DECISIONAID_SHOTS", "")


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture(autouse=True)
def two_screens() -> None:
    if len(QGuiApplication.screens()) < 2:
        pytest.skip("needs the offscreen platform's two-screen set-up (see test_counsellor.py)")


def _consultation(qtbot):  # type: ignore[no-untyped-def]
    from decisionaid.app import build_app, build_parts

    # As tests.helpers.make_window, except that the presenter view, not the reader's window,
    # ends up active: it opens on the second screen by itself.
    w = build_app(build_parts(Options(content=content_dir("en"), counsellor=True))).window
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    tools = counsellor_tools(w)
    qtbot.waitUntil(lambda: tools.presenter is not None and tools.presenter.isVisible())
    presenter = tools.presenter
    qtbot.addWidget(presenter)
    qtbot.waitUntil(tools.tools_with_counsellor)
    qtbot.waitUntil(lambda: presenter.hide_button.isVisible())
    return w, tools, presenter


def _shown(buttons: list[QPushButton]) -> list[str]:
    return [b.text() for b in buttons if b.isVisible()]


def _settled(window) -> bool:  # type: ignore[no-untyped-def]
    """Every button shown at least at the size its text needs (layouts have caught up)."""
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    return all(b.width() >= b.sizeHint().width() for b in buttons)


def _tap(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_counsellors_screen_holds_the_tools_and_the_readers_shows_none(qtbot) -> None:
    w, tools, presenter = _consultation(qtbot)
    assert presenter.screen() is not w.screen()
    reader_tools = [
        tools.index_button,
        tools.presenter_button,
        tools.presentation_button,
        tools.hide_button,
        tools.print_button,
    ]
    assert _shown(reader_tools) == []
    assert w.start_over_button.isVisible() and w.next_button.isVisible()
    mine = [
        presenter.close_button,
        presenter.index_button,
        presenter.presentation_button,
        presenter.hide_button,
        presenter.print_button,
        presenter.back_button,
        presenter.next_button,
    ]
    assert _shown(mine) == [b.text() for b in mine]
    for b in mine:
        assert b.accessibleName() and b.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert b.height() >= w.policy.touch_target_px and b.width() >= b.sizeHint().width()
    _shot(w, "two-screens-reader-100")
    _shot(presenter, "two-screens-presenter-100")


def test_a_consultation_runs_from_the_counsellors_screen(qtbot, monkeypatch) -> None:
    from decisionaid.ui.counsellor import handout

    w, tools, presenter = _consultation(qtbot)
    # Jump to any step from the counsellor's own index; the reader's screen follows.
    _tap(qtbot, presenter.index_button)
    assert presenter.index.isVisible() and not tools.index.isVisible()
    values = w.guide.index_of("values")
    _tap(qtbot, presenter.index.tiles[values])
    assert w.current_index == values and not presenter.index.isVisible()
    assert presenter.title.text() == "What matters to you"
    _tap(qtbot, presenter.next_button)
    _tap(qtbot, presenter.back_button)
    assert w.current_index == values
    # The reader answers; with answers hidden their screen shows none, the counsellor's does.
    step = w.current_widget()
    _tap(qtbot, step.groups["quick-relief"].buttons[4])
    _tap(qtbot, presenter.hide_button)
    assert w.session.state.hide_answers and presenter.hide_button.text().startswith("☑")
    assert not step.groups["quick-relief"].buttons[4].isChecked()
    assert "hidden on this screen" in step.text_for_reading()

    def answers() -> str:
        text = presenter.view.toPlainText()
        return text.split("The reader's answers")[1].split("What the reader sees")[0]

    qtbot.waitUntil(lambda: "Extremely important" in answers())
    assert "Hidden" not in answers()
    # Presentation is for the reader's screen; the counsellor's stays as it was.
    before = presenter.next_button.size()
    _tap(qtbot, presenter.presentation_button)
    assert w.session.state.text_scale == 150 and w.theme.name == "high-contrast"
    assert presenter.presentation_button.text().startswith("☑")
    assert tools.presentation_button.isChecked()  # the reader's own (hidden) toggle agrees
    # With two screens the tools stay on the counsellor's, with Presentation on or off.
    assert not tools.presentation_button.isVisible() and not tools.hide_button.isVisible()
    assert presenter.hide_button.isVisible() and presenter.print_button.isVisible()
    assert presenter.next_button.size() == before
    qtbot.waitUntil(lambda: _settled(w) and _settled(presenter))
    _shot(w, "two-screens-reader-presentation")
    _shot(presenter, "two-screens-presenter-values")
    _tap(qtbot, presenter.presentation_button)
    assert w.session.state.text_scale == 100
    # Print asks over the counsellor's window, for the reader's step.
    asked: list[tuple[int | None, object]] = []
    monkeypatch.setattr(
        handout, "print_step", lambda window, index=None, parent=None: asked.append((index, parent))
    )
    _tap(qtbot, presenter.print_button)
    assert asked == [(None, presenter)]


def test_keyboard_reaches_every_tool_on_the_counsellors_screen(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    w, _tools, presenter = _consultation(qtbot)
    presenter.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presenter)
    w.go_to(1)  # Back is on
    presenter.close_button.setFocus()
    reached = []
    for _ in range(12):
        focus = QApplication.focusWidget()
        if isinstance(focus, QPushButton):
            reached.append(focus.text().removeprefix("☐ ").removeprefix("☑ "))
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    for name in ("All steps", "Presentation", "Hide answers", "Print this step", "Back", "Next"):
        assert name in reached, reached
    qtbot.keyClick(presenter, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert w.current_index == 2


def test_closing_the_presenter_view_gives_the_tools_back_to_the_readers_window(qtbot) -> None:
    _w, tools, presenter = _consultation(qtbot)
    _tap(qtbot, presenter.close_button)
    qtbot.waitUntil(lambda: tools.hide_button.isVisible())
    assert not tools.tools_with_counsellor()
    assert tools.index_button.isVisible() and tools.presenter_button.isVisible()
    _tap(qtbot, tools.presenter_button)
    qtbot.waitUntil(lambda: not tools.hide_button.isVisible())
    assert presenter.hide_button.isVisible()


def test_both_screens_are_whole_with_the_readers_text_at_200_percent(qtbot) -> None:
    from tests.ui.test_scaling import _settled_problems

    w, _tools, presenter = _consultation(qtbot)
    w.set_text_scale(200)
    qtbot.waitUntil(lambda: _settled(w))
    problems = []
    for step_id in ("welcome", "values", "sure", "summary"):
        w.navigate_to(step_id)
        problems += _settled_problems(qtbot, w, f"reader, {step_id}")
        problems += _settled_problems(qtbot, presenter, f"presenter, {step_id}")
    presenter.open_index()
    problems += _settled_problems(qtbot, presenter, "presenter's index", presenter.index)
    _shot(presenter, "two-screens-presenter-index")
    _shot(w, "two-screens-reader-200")
    assert not problems, "\n".join(problems)
