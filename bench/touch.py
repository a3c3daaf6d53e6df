"""What a reader at a touchscreen waits for, timed in the app and in bare PySide6 doing the same
work: a tap on Next until the new step has painted, each frame of a kinetic scroll (a flick)
of the longest page, and a tap on a citation until its popover has painted.

Run by bench/run.py in a fresh interpreter on the offscreen platform; prints one JSON object.
The window is a portrait kiosk, 1080x1920, where touch matters most.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1080, 1920)
FLICK_MOVES = 10  # a quick swipe: ten moves, one a frame
FRAME_S = 0.016


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


class PaintWatch:
    """Notes when a widget (or any widget under it) paints."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def __init__(self, watch: PaintWatch) -> None:
                super().__init__()
                self.watch = watch

            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
                if event.type() == QEvent.Type.Paint and obj in self.watch.targets:
                    self.watch.painted = True
                return False

        self.targets: set[object] = set()
        self.painted = False
        self.filter = Filter(self)

    def watch(self, *widgets) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QApplication

        self.targets = set(widgets)
        self.painted = False
        QApplication.instance().installEventFilter(self.filter)

    def until_painted(self, limit_s: float = 5.0) -> None:
        from PySide6.QtWidgets import QApplication

        deadline = time.perf_counter() + limit_s
        while not self.painted and time.perf_counter() < deadline:
            QApplication.processEvents()
        QApplication.instance().removeEventFilter(self.filter)


def tap(widget, pos=None) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def flick_frames(viewport) -> list[float]:  # type: ignore[no-untyped-def]
    """Flick `viewport` upward with a finger's timing, then time every frame of the scroll,
    the glide after the finger lifts included: the work between one scroll step and its paint."""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication, QScroller

    scroller = QScroller.scroller(viewport)
    watch = PaintWatch()
    frames: list[float] = []
    x = viewport.width() / 2
    top, bottom = viewport.height() * 0.2, viewport.height() * 0.8
    start = time.perf_counter()

    def stamp() -> int:
        return int((time.perf_counter() - start) * 1000)

    scroller.handleInput(QScroller.Input.InputPress, QPointF(x, bottom), stamp())
    for i in range(1, FLICK_MOVES + 1):
        due = time.perf_counter() + FRAME_S
        while time.perf_counter() < due:  # the finger's pace; the app's work meanwhile counts
            watch.watch(viewport)
            t0 = time.perf_counter()
            QApplication.processEvents()
            if watch.painted:
                frames.append(time.perf_counter() - t0)
        y = bottom - (bottom - top) * i / FLICK_MOVES
        scroller.handleInput(QScroller.Input.InputMove, QPointF(x, y), stamp())
    scroller.handleInput(QScroller.Input.InputRelease, QPointF(x, top), stamp())
    deadline = time.perf_counter() + 10
    while scroller.state() != QScroller.State.Inactive and time.perf_counter() < deadline:
        watch.watch(viewport)
        t0 = time.perf_counter()
        QApplication.processEvents()
        if watch.painted:
            frames.append(time.perf_counter() - t0)
    QApplication.instance().removeEventFilter(watch.filter)
    return frames


def link_point(view, scheme: str):  # type: ignore[no-untyped-def]
    """The middle of the first link of `scheme` drawn in the view's viewport, or None."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QTextCursor

    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref().startswith(scheme):
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position())
                a = view.cursorRect(cursor)
                cursor.setPosition(fragment.position() + fragment.length())
                b = view.cursorRect(cursor)
                rect = QRect(a.topLeft(), b.bottomLeft()).normalized()
                if view.viewport().rect().contains(rect.center()):
                    return rect.center()
            it += 1
        block = block.next()
    return None


# -- the app ---------------------------------------------------------------------------------


def app_window():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from decisionaid.app import Options, build_app, build_parts, ensure_qapplication

    ensure_qapplication()
    parts = build_parts(Options(kiosk=True))
    app = build_app(parts, screen_size=SIZE)
    window = app.window
    window.resize(*SIZE)
    window.show()
    if app.kiosk is not None:
        app.kiosk.start_reading()
    for _ in range(5):
        QApplication.processEvents()
    window.finish_start()  # kinetic scrolling and icons, as after the first paint
    return app


def app_next_taps(window, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Tap Next (or "Skip this part") through the guide and Back to the start, `rounds` times."""
    watch = PaintWatch()
    samples = []
    total = len(window.guide.steps)
    for _ in range(rounds):
        for button, steps in ((window.next_button, total - 1), (window.back_button, total - 1)):
            for _ in range(steps):
                if not button.isEnabled():
                    break
                index = window.current_index
                t0 = time.perf_counter()
                tap(button)
                widget = window.current_widget()
                if window.current_index == index or widget is None:
                    continue
                watch.watch(widget, *widget.findChildren(type(widget).__mro__[-3]))
                watch.until_painted()
                samples.append(time.perf_counter() - t0)
    return samples


def shown_steps(window, kinds: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """Each step of `kinds` in turn: shown, read on past any content note, laid out."""
    from PySide6.QtWidgets import QApplication

    for i, step in enumerate(window.guide.steps):
        if step.kind not in kinds:
            continue
        window.go_to(i)
        widget = window.current_widget()
        if getattr(widget, "showing_note", False):
            widget.reveal()
        QApplication.processEvents()
        yield i, step, widget


def longest_page(window):  # type: ignore[no-untyped-def]
    """The page view that scrolls furthest, shown and read on (past any content note)."""
    from PySide6.QtWidgets import QApplication

    best, best_range = None, -1
    for i, step, widget in shown_steps(window, ("page", "compare")):
        view = getattr(widget, "view", None) or getattr(getattr(widget, "page", None), "view", None)
        if view is None:
            continue
        span = view.verticalScrollBar().maximum()
        if span > best_range:
            best, best_range = (i, step.id), span
    assert best is not None
    window.go_to(best[0])
    widget = window.current_widget()
    QApplication.processEvents()
    view = getattr(widget, "view", None) or widget.page.view
    return best[1], view


def app_popovers(window, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    samples = []
    for _, _, widget in shown_steps(window, ("page",)):
        point = link_point(widget.view, "ref:")
        if point is None:
            continue
        watch = PaintWatch()
        for _ in range(count):
            watch.watch(window.popover, *window.popover.findChildren(object))
            t0 = time.perf_counter()
            tap(widget.view.viewport(), point)
            watch.until_painted()
            samples.append(time.perf_counter() - t0)
            window.close_popover()
            QApplication.processEvents()
        break
    return samples


# -- bare PySide6, the same work -------------------------------------------------------------


def bare_pages(htmls: list[str]):  # type: ignore[no-untyped-def]
    """A window with a stack of text browsers (the app's own pages) and Back/Next buttons."""
    from PySide6.QtWidgets import (
        QApplication,
        QHBoxLayout,
        QPushButton,
        QStackedWidget,
        QTextBrowser,
        QVBoxLayout,
        QWidget,
    )

    window = QWidget()
    column = QVBoxLayout(window)
    stack = QStackedWidget()
    for html in htmls:
        browser = QTextBrowser()
        browser.setHtml(html)
        stack.addWidget(browser)
    back, forward = QPushButton(), QPushButton()
    back.setText("Back")
    forward.setText("Next")
    forward.clicked.connect(
        lambda: stack.setCurrentIndex(min(stack.count() - 1, stack.currentIndex() + 1))
    )
    back.clicked.connect(lambda: stack.setCurrentIndex(max(0, stack.currentIndex() - 1)))
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(back)
    row.addWidget(forward)
    column.addWidget(stack, 1)
    column.addLayout(row)
    window.resize(*SIZE)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    return window, stack, back, forward


def bare_next_taps(stack, back, forward, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    watch = PaintWatch()
    samples = []
    for _ in range(rounds):
        for button in (forward, back):
            for _ in range(stack.count() - 1):
                t0 = time.perf_counter()
                tap(button)
                widget = stack.currentWidget()
                watch.watch(widget, widget.viewport())
                watch.until_painted()
                samples.append(time.perf_counter() - t0)
    return samples


def bare_popovers(browser, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    """A plain frame with a title, the reference and a Close button, shown over the text
    where a link is tapped."""
    from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QVBoxLayout

    frame = QFrame(browser)
    lay = QVBoxLayout(frame)
    title, text, close = QLabel(), QLabel(), QPushButton()
    text.setWordWrap(True)
    close.setText("Close")
    for w in (title, text, close):
        lay.addWidget(w)
    frame.hide()
    browser.setOpenLinks(False)

    def show(url) -> None:  # type: ignore[no-untyped-def]
        title.setText("Source")
        text.setText(url.toString() * 8)
        frame.setFixedWidth(500)
        frame.adjustSize()
        frame.move(20, 20)
        frame.show()
        frame.raise_()
        close.setFocus()

    browser.anchorClicked.connect(show)
    point = link_point(browser, "ref:")
    watch = PaintWatch()
    samples = []
    for _ in range(count if point is not None else 0):
        watch.watch(frame, title, text, close)
        t0 = time.perf_counter()
        tap(browser.viewport(), point)
        watch.until_painted()
        samples.append(time.perf_counter() - t0)
        frame.hide()
        QApplication.processEvents()
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="walks through the guide and back")
    parser.add_argument("--flicks", type=int, default=5)
    parser.add_argument("--popovers", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QScroller

    app = app_window()
    window = app.window
    result: dict[str, object] = {"size": list(SIZE)}
    result["app_next_ms"] = [_ms(t) for t in app_next_taps(window, args.rounds)]
    page_id, view = longest_page(window)
    result["longest_page"] = page_id
    result["app_scroll_px"] = view.verticalScrollBar().maximum()
    frames: list[float] = []
    for _ in range(args.flicks):
        view.verticalScrollBar().setValue(0)
        QApplication.processEvents()
        frames += flick_frames(view.viewport())
    result["app_flick_frame_ms"] = [_ms(t) for t in frames]
    result["app_popover_ms"] = [_ms(t) for t in app_popovers(window, args.popovers)]
    htmls = [
        window.pages.render(step).html
        for step in window.guide.steps
        if step.kind == "page" and not step.broken
    ]
    longest_html = window.pages.render(window.guide.step(page_id)).html
    document_css = view.document().defaultStyleSheet()
    # The bare browser scrolls with the app's own scroller settings, so the frames compare.
    scroller_props = QScroller.scroller(view.viewport()).scrollerProperties()
    # ... and lays the page out as the app does: its font, and its column of about 70 characters.
    page_font = view.font()
    page_frame = view.document().rootFrame().frameFormat()
    app.kiosk.stand_down() if app.kiosk is not None else None
    window.close()

    bare, stack, back, forward = bare_pages(htmls)
    result["bare_next_ms"] = [_ms(t) for t in bare_next_taps(stack, back, forward, args.rounds)]
    # The same longest page, in a bare text browser at the same size, flicked the same way.
    stack.setCurrentIndex(0)
    browser = stack.currentWidget()
    browser.document().setDefaultStyleSheet(document_css)
    browser.setFont(page_font)
    browser.setHtml(longest_html)
    browser.document().rootFrame().setFrameFormat(page_frame)
    QScroller.grabGesture(browser.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    QScroller.scroller(browser.viewport()).setScrollerProperties(scroller_props)
    QApplication.processEvents()
    result["bare_scroll_px"] = browser.verticalScrollBar().maximum()
    frames = []
    for _ in range(args.flicks):
        browser.verticalScrollBar().setValue(0)
        QApplication.processEvents()
        frames += flick_frames(browser.viewport())
    result["bare_flick_frame_ms"] = [_ms(t) for t in frames]
    browser.verticalScrollBar().setValue(0)  # the app's popovers open from a page's top, too
    QApplication.processEvents()
    result["bare_popover_ms"] = [_ms(t) for t in bare_popovers(browser, args.popovers)]
    bare.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
