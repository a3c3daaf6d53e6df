"""The "Your questions" step on every common screen: two columns where there is room, the reader's list
below the bank on a portrait kiosk, and one scrolling column where the step is short (large
text on a laptop). "Add your own question" is in view without scrolling past the bank, and a
reader adds one with real taps and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget

from decisionaid.core.policy import Mode
from decisionaid.ui.settle import settle_window
from decisionaid.ui.steps.questions_layout import LIST_BELOW, ONE_SCROLL, TWO_COLUMNS
from tests.helpers import APP_CONTENT, make_window


def _questions(qtbot, size: tuple[int, int], scale: int = 100, mode: Mode = Mode.PERSONAL):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, APP_CONTENT, mode)
    window.resize(*size)
    if scale != 100:
        window.set_text_scale(scale)
    window.navigate_to("questions")
    settle_window(window)
    return window, window.current_widget()


def _on_screen(window: QWidget, widget: QWidget) -> bool:
    """Whether all of `widget` shows in the window, not scrolled out of its viewport."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    shown = widget.visibleRegion().boundingRect()
    rect = QRect(widget.mapTo(window, shown.topLeft()), shown.size())
    return shown.size() == widget.size() and window.rect().contains(rect)


def _tap(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _tick_all_by_touch(qtbot, step) -> None:  # type: ignore[no-untyped-def]
    """Tick every question in the bank, as a finger would: scroll it into view, then tap."""
    for box in step.boxes.values():
        step.scroll.ensureWidgetVisible(box)
        _tap(qtbot, box)


def _right(step: QWidget, widget: QWidget) -> int:
    return widget.mapTo(step, QPoint(widget.width(), 0)).x()


def _card_of(box: QWidget) -> QWidget:
    """The topic's card a question's check box sits in."""
    card = box.parentWidget()
    while card.objectName() != "card":
        card = card.parentWidget()
    return card


def _left(step: QWidget, widget: QWidget) -> int:
    return widget.mapTo(step, QPoint(0, 0)).x()


def _right_edges(step) -> set[int]:  # type: ignore[no-untyped-def]
    """Where the own-question card and the list's cards end on the right."""
    own = _card_of(step.own_edit)
    return {_right(step, own), *(_right(step, row.frame) for row in step.list_rows if row.qid)}


def _left_edges(step) -> set[int]:  # type: ignore[no-untyped-def]
    """Where the own-question card and the list's cards start on the left."""
    own = _card_of(step.own_edit)
    return {_left(step, own), *(_left(step, row.frame) for row in step.list_rows if row.qid)}


def test_a_portrait_kiosk_shows_one_column_with_the_list_in_a_panel_below(qtbot) -> None:
    window, step = _questions(qtbot, (1080, 1920), mode=Mode.KIOSK)
    assert step.arrangement == LIST_BELOW
    assert "below" in step.intro_label.text()
    # The bank takes the full width, with its scroll bar at the screen's edge, not mid-screen.
    bank, panel = step.scroll, step.list_panel
    assert bank.width() >= step.width() - 2
    assert panel.width() >= step.width() - 2
    bar = bank.verticalScrollBar()
    assert bar.mapTo(step, QPoint(0, 0)).x() + bar.width() >= step.width() - 2
    assert panel.mapTo(step, QPoint(0, 0)).y() >= bank.mapTo(step, QPoint(0, 0)).y() + bank.height()
    empty_height = panel.height()
    boxes = list(step.boxes.values())
    _tap(qtbot, boxes[0])
    settle_window(window)
    assert not step.list_scroll.verticalScrollBar().isVisible()
    assert _right_edges(step) == {_right(step, _card_of(boxes[0]))}, "one straight right edge"
    # The bank reads in a centred column; the list below starts where its cards do too.
    assert _left_edges(step) == {_left(step, _card_of(boxes[0]))}, "one straight left edge"
    for box in boxes[1:]:
        step.scroll.ensureWidgetVisible(box)
        _tap(qtbot, box)
    settle_window(window)
    assert step.list_scroll.verticalScrollBar().isVisible()
    assert _right_edges(step) == {_right(step, _card_of(boxes[0]))}, "the list scrolls: the same"
    assert _left_edges(step) == {_left(step, _card_of(boxes[0]))}, "and on the left"
    assert len(window.session.state.question_order) == len(step.boxes) >= 35
    # The panel grew with the list, up to its share of the step; the bank keeps the rest.
    assert empty_height < panel.height() <= step.height() * 0.46
    assert bank.height() >= step.height() * 0.45
    assert _on_screen(window, step.list_title)


def test_own_question_is_in_view_and_added_by_taps_and_keys_without_scrolling(qtbot) -> None:
    window, step = _questions(qtbot, (1080, 1920))
    assert step.arrangement == LIST_BELOW
    _tick_all_by_touch(qtbot, step)
    settle_window(window)
    # After ticking all 36 questions, the field and its button are still on screen.
    assert _on_screen(window, step.own_edit) and _on_screen(window, step.add_button)
    _tap(qtbot, step.own_edit)
    assert step.own_edit.hasFocus()
    qtbot.keyClicks(step.own_edit, "Can my partner come with me?")
    _tap(qtbot, step.add_button)
    assert step.own_edit.text() == ""
    texts = [row.label.text() for row in step.list_rows if row.qid]
    assert texts[-1].endswith(". Can my partner come with me?")


def test_a_laptop_keeps_two_columns_with_the_own_question_at_the_top_of_the_list(qtbot) -> None:
    window, step = _questions(qtbot, (1366, 768))
    assert step.arrangement == TWO_COLUMNS
    assert "on the right" in step.intro_label.text()
    assert step.list_panel.mapTo(step, QPoint(0, 0)).x() > step.width() // 3
    assert _on_screen(window, step.own_edit)


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_large_text_on_a_laptop_scrolls_as_one_column_with_the_own_question_first(
    qtbot, size: tuple[int, int]
) -> None:
    window, step = _questions(qtbot, size, scale=200)
    assert step.arrangement == ONE_SCROLL
    assert step.scroll.verticalScrollBar().value() == 0
    assert _on_screen(window, step.own_edit), "in view before any scrolling"
    # The list comes after the last question, in the same scrolling column.
    last_box = list(step.boxes.values())[-1]
    assert (
        step.list_panel.mapTo(step.body, QPoint(0, 0)).y()
        > last_box.mapTo(step.body, QPoint(0, 0)).y()
    )
    _tap(qtbot, step.boxes[next(iter(step.boxes))])
    qtbot.keyClicks(step.own_edit, "Who do I call at night?")
    qtbot.keyClick(step.own_edit, Qt.Key.Key_Return)
    settle_window(window)
    step.scroll.ensureWidgetVisible(step.list_rows[1].label)
    assert _on_screen(window, step.list_rows[1].label)
    assert step.list_rows[1].label.text() == "2. Who do I call at night?"
    # Back to a normal size, the list goes beside the bank again, with the field on top.
    window.set_text_scale(100)
    settle_window(window)
    assert step.arrangement == TWO_COLUMNS
    assert step.own_holder.parent() is step.list_panel
