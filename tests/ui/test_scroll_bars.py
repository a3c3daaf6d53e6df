"""Scroll bars a reader can see and drag: a filled handle on a visible track, touch-sized."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.theme import THEMES, scroll_bar_px
from tests.helpers import make_window
from tests.ui.test_contrast import LARGE_OR_UI, contrast


def _page_bar(window) -> QScrollBar:  # type: ignore[no-untyped-def]
    """The vertical scroll bar of the long "Side effects and risks" page."""
    window.go_to(window.guide.index_of("risks"))
    widget = window.current_widget()
    if getattr(widget, "showing_note", False):
        widget.reveal()
    bars = [
        b
        for b in widget.findChildren(QScrollBar)
        if b.orientation() == Qt.Orientation.Vertical and b.isVisible() and b.maximum() > 0
    ]
    assert bars, "the risks page should be long enough to scroll"
    return bars[0]


def _slider_rect(bar: QScrollBar):  # type: ignore[no-untyped-def]
    opt = QStyleOptionSlider()
    bar.initStyleOption(opt)
    return bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, opt, QStyle.SubControl.SC_ScrollBarSlider, bar
    )


def _hex(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb).lower()


@pytest.mark.parametrize("theme_name", list(THEMES), ids=str)
def test_scroll_bar_shows_a_filled_handle_that_stands_out_from_its_track(
    qtbot, theme_name: str
) -> None:
    w = make_window(qtbot, content_dir("en"))
    w.session.set_high_contrast(theme_name == "high-contrast")
    theme = THEMES[theme_name]
    assert w.theme is theme
    bar = _page_bar(w)
    qtbot.waitUntil(lambda: bar.width() == scroll_bar_px(w.policy.touch_target_px))
    handle = _slider_rect(bar)
    image = bar.grab().toImage()
    inside = _hex(image.pixelColor(handle.center()))
    below = QPoint(bar.width() // 2, (handle.bottom() + bar.height()) // 2)
    track = _hex(image.pixelColor(below))
    assert inside == theme.scroll_handle  # filled, not a bare outline
    assert track == theme.scroll_track
    assert contrast(inside, track) >= LARGE_OR_UI
    assert contrast(inside, theme.window) >= LARGE_OR_UI


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.KIOSK], ids=lambda m: m.value)
def test_scroll_bar_is_big_enough_to_drag_by_finger(qtbot, mode: Mode) -> None:
    w = make_window(qtbot, content_dir("en"), mode)
    if mode is Mode.KIOSK:
        w.findChild(type(w.next_button), "kioskStart").click()
    target = w.policy.touch_target_px
    bar = _page_bar(w)
    qtbot.waitUntil(lambda: bar.width() >= 24)
    assert bar.width() >= max(24, target // 2)
    handle = _slider_rect(bar)
    assert handle.height() >= target
    assert handle.width() >= bar.width() - 6  # the handle fills the bar's width
    # No arrow buttons take room at the ends: the track runs the bar's whole length.
    opt = QStyleOptionSlider()
    bar.initStyleOption(opt)
    groove = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, opt, QStyle.SubControl.SC_ScrollBarGroove, bar
    )
    assert groove.height() >= bar.height() - 4


def test_dragging_the_handle_scrolls_the_page(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"))
    bar = _page_bar(w)
    qtbot.waitUntil(lambda: bar.width() >= 24)
    handle = _slider_rect(bar)
    start = handle.center()
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(bar, QPoint(start.x(), start.y() + 120))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(start.x(), start.y() + 120))
    assert bar.value() > 0


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.COUNSELLOR], ids=lambda m: m.value)
def test_no_step_scrolls_sideways_at_100_percent(qtbot, mode: Mode) -> None:
    """The thicker vertical bars leave the page a little narrower; nothing a reader sees at
    100% needs a sideways scroll bar for it (a table a pixel too wide, list items' padding)."""
    from decisionaid.ui.settle import settle_layouts

    w = make_window(qtbot, content_dir("en"), mode)
    sideways = []
    for index, step in enumerate(w.guide.steps):
        w.go_to(index)
        widget = w.current_widget()
        if getattr(widget, "showing_note", False):
            widget.reveal()
        settle_layouts()
        for bar in w.findChildren(QScrollBar):
            horizontal = bar.orientation() == Qt.Orientation.Horizontal
            if horizontal and bar.isVisible() and bar.maximum() > 0:
                sideways.append(f"{step.id}: {type(bar.parent().parent()).__name__}")
    assert not sideways, sideways
