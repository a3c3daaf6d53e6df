"""What a control's look tells a reader: a toggle looks unlike an action in either state, a
control that cannot be used now is greyed (not dashed) and still legible, and a step's title
shows once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QPushButton

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.controls import MARK_OFF, MARK_ON
from tests.helpers import display_tools, make_window


def _word_colour(button: QPushButton):  # type: ignore[no-untyped-def]
    """The darkest colour drawn inside the button, away from its edges: its words."""
    image = button.grab().toImage()
    darkest = None
    for y in range(6, image.height() - 6):
        for x in range(6, image.width() - 6):
            c = image.pixelColor(x, y)
            if darkest is None or c.lightness() < darkest.lightness():
                darkest = c
    return darkest


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.COUNSELLOR, Mode.KIOSK])
def test_every_toggle_shows_its_state_in_a_box_and_no_action_does(qtbot, mode: Mode) -> None:
    w = make_window(qtbot, content_dir("en"), mode)
    buttons = [b for b in w.findChildren(QPushButton) if b.text().strip()]
    toggles = [b for b in buttons if b.isCheckable()]
    assert toggles
    for b in buttons:
        marked = b.text().startswith((MARK_ON, MARK_OFF))
        assert marked == b.isCheckable(), f"{b.text()!r}"
    # A click flips the box and what a screen reader hears.
    contrast = display_tools(w).contrast_button
    qtbot.mouseClick(w.display_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(contrast, Qt.MouseButton.LeftButton)
    assert contrast.text().startswith(MARK_ON)
    assert QAccessible.queryAccessibleInterface(contrast).state().checked
    qtbot.mouseClick(contrast, Qt.MouseButton.LeftButton)
    assert contrast.text().startswith(MARK_OFF)
    assert not QAccessible.queryAccessibleInterface(contrast).state().checked


def test_a_toggle_is_drawn_unlike_an_action_beside_it(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"))
    qtbot.mouseClick(w.display_button, Qt.MouseButton.LeftButton)
    toggle, action = w.contents_button, w.display_menu.done_button
    qtbot.waitUntil(lambda: toggle.isVisible() and action.isVisible())
    # Its words start at its left edge, next to the box; an action's are centred.
    t_img, a_img = toggle.grab().toImage(), action.grab().toImage()

    def first_ink(image) -> float:  # type: ignore[no-untyped-def]
        background = image.pixelColor(image.width() // 2, 5)
        y = image.height() // 2
        for x in range(8, image.width()):
            if abs(image.pixelColor(x, y).lightness() - background.lightness()) > 60:
                return x / image.width()
        return 1.0

    assert first_ink(t_img) < 0.2 < first_ink(a_img)


def test_back_on_the_first_step_is_greyed_not_dashed_and_still_legible(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"))
    assert not w.back_button.isEnabled()  # nothing to go back to yet
    disabled = _word_colour(w.back_button)
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert w.back_button.isEnabled()
    enabled = _word_colour(w.back_button)
    assert disabled.lightness() > enabled.lightness() + 40  # visibly greyed
    assert "dashed" not in w.styleSheet().split("QPushButton:disabled", 1)[1].split("}", 1)[0]


def test_a_steps_title_shows_once(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"))
    for index, step in enumerate(w.guide.steps):
        if step.kind not in ("page", "summary"):
            continue
        w.go_to(index)
        page = w.current_widget()
        if getattr(page, "showing_note", False):
            page.reveal()
        assert w.step_title.text() == step.title
        first_line = page.view.toPlainText().strip().splitlines()[0]
        assert first_line.strip() != step.title, f"{step.id} repeats its title"
