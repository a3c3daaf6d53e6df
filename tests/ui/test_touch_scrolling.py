"""A finger scrolls every page: a drag moves it and it glides on (kinetic scrolling), a drag on a
kiosk never selects text, and "More below" shows while more of the page lies under the fold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QScroller

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.touch_scroll import INSTALLED, MORE_BELOW, MoreBelowCue
from tests.helpers import make_window

DRAG_STEPS = 12
STEP_MS = 16  # a finger's pace: one move a frame


def long_page(qtbot, mode: Mode, size=(1080, 1920)):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, content_dir("en"), mode)
    w.resize(*size)
    qtbot.waitUntil(lambda: w._touch_ready)
    w.go_to(w.guide.index_of("benefits"))
    page = w.current_widget()
    if page.showing_note:
        qtbot.mouseClick(page.note.show_button, Qt.MouseButton.LeftButton)
    view = page.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    return w, view


def mouse_drag(qtbot, widget, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Press, move a frame at a time, and let go: a quick upward swipe with the left button."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, DRAG_STEPS + 1):
        point = start + (end - start) * (i / DRAG_STEPS)
        QTest.mouseMove(widget, point, STEP_MS)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end, delay=STEP_MS)


def on_screen(port, top: int, bottom: int) -> tuple[QPoint, QPoint]:  # type: ignore[no-untyped-def]
    """A swipe up the viewport, from `bottom` to `top` (screen rows), kept where the screen is.

    Qt finds a gesture's widget by where it is on the screen, and the offscreen platform's
    screen is smaller than these windows: outside it a swipe would find no widget at all."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen().geometry()
    port_top = port.mapToGlobal(QPoint(0, 0)).y()
    x = min(port.width() // 2, screen.width() - port.mapToGlobal(QPoint(0, 0)).x() - 20)
    low = min(bottom, screen.bottom() - 10, port_top + port.height() - 10)
    high = max(top, port_top + 10)
    return port.mapFromGlobal(QPoint(0, low)) + QPoint(x, 0), port.mapFromGlobal(
        QPoint(0, high)
    ) + QPoint(x, 0)


def touch_swipe(port, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A finger on a touchscreen: down, a move a frame, up."""
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    QTest.touchEvent(port, device).press(0, start, port).commit()
    for i in range(1, DRAG_STEPS + 1):
        QTest.qWait(STEP_MS)
        QTest.touchEvent(port, device).move(
            0, start + (end - start) * (i / DRAG_STEPS), port
        ).commit()
    QTest.qWait(STEP_MS)
    QTest.touchEvent(port, device).release(0, end, port).commit()


def settle(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    scroller = QScroller.scroller(view.viewport())
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)


def test_every_scrolling_area_scrolls_by_touch_after_the_first_paint(qtbot) -> None:
    w, _view = long_page(qtbot, Mode.KIOSK)
    for i in range(len(w.guide.steps)):
        w.go_to(i)
    areas = [a for a in w.findChildren(QAbstractScrollArea)]
    assert areas
    missing = [type(a).__name__ for a in areas if not a.property(INSTALLED)]
    assert not missing, f"no touch scrolling on {missing}"
    assert all(QScroller.hasScroller(a.viewport()) for a in areas)


def test_a_kiosk_swipe_scrolls_glides_on_and_selects_nothing(qtbot) -> None:
    # The real mouse drag is made on a real X server: tests/process/test_touch_on_x.py.
    _w, view = long_page(qtbot, Mode.KIOSK)
    bar = view.verticalScrollBar()
    port = view.viewport()
    start, end = on_screen(port, 0, 10_000)
    touch_swipe(port, start, end)
    at_release = bar.value()
    assert at_release > (start - end).y() // 2, "the page followed the finger"
    settle(qtbot, view)
    assert bar.value() > at_release, "a flick glides on after the finger lifts"
    assert not view.textCursor().hasSelection(), "dragging never selects text on a kiosk"


def test_a_kiosk_tap_on_a_link_still_opens_it(qtbot) -> None:
    from tests.ui.test_links_and_history import link_rect

    w, view = long_page(qtbot, Mode.KIOSK)
    rect = link_rect(view, "glossary:placebo")
    view.verticalScrollBar().setValue(max(0, rect.top() - 200))
    rect = link_rect(view, "glossary:placebo")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.popover.isVisible() and w.popover.title.text().lower() == "placebo"


def test_a_touch_swipe_scrolls_in_personal_mode_and_a_mouse_drag_selects(qtbot) -> None:
    _w, view = long_page(qtbot, Mode.PERSONAL, (1366, 768))
    bar = view.verticalScrollBar()
    port = view.viewport()
    start, end = on_screen(port, 0, 10_000)
    touch_swipe(port, start, end)
    settle(qtbot, view)
    assert bar.value() > (start - end).y() // 2, "the page followed the finger"
    # A mouse, on a desk, still selects words to copy.
    value = bar.value()
    mouse_drag(qtbot, port, QPoint(40, 100), QPoint(400, 160))
    assert view.textCursor().hasSelection()
    assert abs(bar.value() - value) < 60


@pytest.mark.parametrize("mode", [Mode.KIOSK, Mode.PERSONAL], ids=str)
def test_more_below_shows_until_the_end_in_words_not_colour_alone(qtbot, mode: Mode) -> None:
    w, view = long_page(qtbot, mode, (1366, 768))
    cue = view.findChild(MoreBelowCue)
    assert cue is not None and cue.isVisible()
    assert cue.geometry().bottom() == view.viewport().geometry().bottom()
    image = cue.grab().toImage()
    assert image.width() > 0 and MORE_BELOW == "More below"
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not cue.isVisible(), "gone at the end of the page"
    bar.setValue(0)
    assert cue.isVisible()
    # A short page has nothing below: no cue.
    w.go_to(0)
    w.resize(1366, 1900)
    short = w.current_widget().view
    qtbot.waitUntil(lambda: short.verticalScrollBar().maximum() == 0)
    short_cue = short.findChild(MoreBelowCue)
    assert short_cue is None or not short_cue.isVisible()


def test_the_cue_does_not_stop_a_tap_reaching_the_words_under_it(qtbot) -> None:
    _w, view = long_page(qtbot, Mode.KIOSK, (1366, 768))
    cue = view.findChild(MoreBelowCue)
    assert cue.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
