"""At 200% text in a 1280x800 window nothing is clipped and nothing overlaps, in any mode."""

from __future__ import annotations

import contextlib
import itertools

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar, QWidget
from pytestqt.exceptions import TimeoutError

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.settle import settle_layouts
from tests.helpers import counsellor_tools, display_tools, make_window

MODES = [Mode.PERSONAL, Mode.KIOSK, Mode.COUNSELLOR]


def _settle() -> None:
    """Let pending layout requests run, as they would before the next paint."""
    settle_layouts()


def _leaves(window: QWidget) -> list[QWidget]:
    """Controls and text a reader sees, in the window's own coordinates."""
    found = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, (QAbstractButton, QLabel, QProgressBar)):
            continue
        if isinstance(w, QLabel) and not w.text().strip():
            continue
        if w.isVisible() and not w.visibleRegion().isEmpty():
            found.append(w)
    return found


def _name(w: QWidget) -> str:
    text = w.text() if isinstance(w, (QAbstractButton, QLabel)) else ""
    return f"{type(w).__name__}({w.objectName() or text[:30]!r})"


def _window_rect(w: QWidget, window: QWidget) -> QRect:
    """The part of w a reader can see (scrolled content is cut by its viewport)."""
    seen = w.visibleRegion().boundingRect()
    return QRect(w.mapTo(window, seen.topLeft()), seen.size())


def _problems(
    window: QWidget, where: str, root: QWidget | None = None, covered: QWidget | None = None
) -> list[str]:
    """What is cut off or overlapping; what lies under `covered` (a panel laid over it, such
    as the step index over the page) is out of sight and left out."""
    problems = []
    leaves = [w for w in _leaves(root or window) if covered is None or not covered.isAncestorOf(w)]
    for w in leaves:
        hint = w.sizeHint()
        if isinstance(w, QLabel) and w.wordWrap():
            if w.hasHeightForWidth() and w.height() < w.heightForWidth(w.width()) - 1:
                problems.append(f"{where}: {_name(w)} cut off at the bottom")
        elif isinstance(w, (QAbstractButton, QLabel)) and (
            w.width() < hint.width() - 1 or w.height() < hint.height() - 1
        ):
            problems.append(
                f"{where}: {_name(w)} is {w.width()}x{w.height()}, needs {hint.width()}x{hint.height()}"
            )
    rects = {id(w): _window_rect(w, window) for w in leaves}
    for a, b in itertools.combinations(leaves, 2):
        if a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        overlap = rects[id(a)].intersected(rects[id(b)])
        if overlap.width() > 1 and overlap.height() > 1:
            problems.append(f"{where}: {_name(a)} overlaps {_name(b)}")
    return problems


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_nothing_is_clipped_or_overlapping_at_200_percent(qtbot, mode: Mode, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, content_dir("en"), mode)
    qtbot.waitUntil(lambda: display_tools(w).read_aloud._probed, timeout=5000)
    w.set_text_scale(200)
    qtbot.waitUntil(lambda: w.next_button.width() >= w.next_button.sizeHint().width())
    assert w.size().width() == 1280 and w.size().height() == 800
    problems = []
    for index, step in enumerate(w.guide.steps):
        w.go_to(index)
        widget = w.current_widget()
        if widget is not None and getattr(widget, "showing_note", False):
            problems += _settled_problems(qtbot, w, f"{step.id} (note)")
            widget.reveal()
        problems += _settled_problems(qtbot, w, step.id)
    w.toggle_help()
    # The help panel lies over the page on purpose; it must be whole in itself.
    problems += _settled_problems(qtbot, w, "help panel", w.help_panel)
    assert not problems, "\n".join(problems)


def _settled_problems(qtbot, window, where, root=None, covered=None):  # type: ignore[no-untyped-def]
    """Problems still there once the layouts have settled (they settle before painting)."""
    found: list[str] = []

    def settled() -> bool:
        _settle()
        found[:] = _problems(window, where, root, covered)
        return not found

    with contextlib.suppress(TimeoutError, AssertionError):
        qtbot.waitUntil(settled, timeout=1500)
    return found


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_at_200_percent_the_header_and_title_leave_the_page_most_of_the_screen(
    qtbot, size: tuple[int, int]
) -> None:
    w = make_window(qtbot, content_dir("en"), Mode.COUNSELLOR)
    w.resize(*size)
    w.set_text_scale(200)
    qtbot.waitUntil(lambda: w.next_button.width() >= w.next_button.sizeHint().width())
    settle_layouts()
    above_page = w.body.geometry().top()
    assert above_page <= size[1] * 0.3, f"header and title take {above_page}px of {size[1]}"
    # One row: the guide's title on one line, beside the tools and "Get help now".
    title = w.header.title_label
    assert title.heightForWidth(title.width()) < 2 * title.fontMetrics().lineSpacing()
    tops = {x.mapTo(w, x.rect().topLeft()).y() for x in (w.display_button, w.help_button)}
    assert len(tops) == 1
    # Text size, contrast and the contents are one Display menu, whole and touch-sized.
    qtbot.mouseClick(w.display_button, Qt.MouseButton.LeftButton)
    menu = w.display_menu
    assert menu.isVisible()
    assert menu.rect().contains(menu.childrenRect())
    for b in (w.larger_button, w.smaller_button, w.contents_button, menu.done_button):
        assert b.height() >= w.policy.touch_target_px
        assert b.width() >= b.sizeHint().width()
    assert w.rect().contains(menu.geometry().translated(w.centralWidget().pos()))


def test_counsellor_index_and_presenter_view_are_whole_at_200_percent(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"), Mode.COUNSELLOR)
    tools = counsellor_tools(w)
    tools.open_index()  # open first: the text grows under it, as with "Presentation"
    index = tools.index
    w.set_text_scale(200)
    qtbot.waitUntil(lambda: w.next_button.width() >= w.next_button.sizeHint().width())
    qtbot.waitUntil(lambda: index.geometry() == w.body.geometry())
    problems = []
    for tile in index.tiles:  # every tile in turn, as a counsellor scrolls to it
        index.scroll.ensureWidgetVisible(tile)
        problems += _settled_problems(qtbot, w, f"step index, {tile.text()!r}", index)
    # The index lies over the page area only: the header and footer stay whole around it.
    page = w.current_widget()
    problems += _settled_problems(qtbot, w, "window around the step index", covered=page)
    index.close_index()
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    presenter.resize(1280, 800)
    for i, step in enumerate(w.guide.steps):
        w.go_to(i)
        problems += _settled_problems(qtbot, presenter, f"presenter view, {step.id}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scale", [100, 125, 150])
def test_every_contents_title_shows_whole_at_each_text_size(qtbot, scale: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    window = make_window(qtbot, content_dir())
    window.resize(1280, 800)
    window.set_text_scale(scale)
    qtbot.waitUntil(lambda: window.contents.isVisible())
    _settle()
    contents = window.contents
    assert contents.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
    metrics = QFontMetrics(contents.font())
    width = contents.viewport().width()
    for row in range(contents.count()):
        item = contents.item(row)
        rect = contents.visualItemRect(item)
        needed = metrics.boundingRect(
            QRect(0, 0, width - 4, 10_000), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert rect.height() >= needed.height(), f"{item.text()!r} is cut short at {scale}%"
        assert rect.width() >= needed.width(), f"{item.text()!r} is cut short at {scale}%"


def test_long_answer_choices_wrap_instead_of_pushing_the_page_sideways(qtbot) -> None:
    from PySide6.QtWidgets import QRadioButton

    window = make_window(qtbot, content_dir())
    window.resize(900, 800)
    window.set_text_scale(200)
    window.go_to(window.guide.index_of("quiz"))
    step = window.current_widget()
    qtbot.waitUntil(lambda: step.isVisible())
    _settle()
    choices = [b for b in step.findChildren(QRadioButton) if b.objectName() == "choice"]
    wrapped = [b for b in choices if "\n" in b.text()]
    assert wrapped, "at 200% in a 900 px window some answers need a second line"
    for b in choices:
        assert "\n" not in b.accessibleName(), "a screen reader hears the answer as written"
        assert b.width() >= b.sizeHint().width() - 1, f"{b.accessibleName()!r} is squeezed"
    assert step.scroll.horizontalScrollBar().maximum() == 0, "the answers fit the page's width"


@pytest.mark.parametrize(
    ("mode", "screen", "body"),
    [
        (Mode.KIOSK, (1080, 1920), 22),  # a fiftieth of the shorter side
        (Mode.KIOSK, (1920, 1080), 22),
        (Mode.KIOSK, (1280, 800), 17),  # never smaller than on a desk
        (Mode.PERSONAL, (1920, 1080), 17),  # a desk's text does not grow with its screen
    ],
)
def test_kiosk_text_grows_with_the_screen_and_a_desk_s_does_not(
    qtbot, mode: Mode, screen: tuple[int, int], body: int
) -> None:
    from PySide6.QtGui import QFontInfo

    window = make_window(qtbot, content_dir(), mode, screen=screen)
    window.go_to(window.guide.index_of("what-is-ketamine"))
    page = window.current_widget()
    qtbot.waitUntil(lambda: page.isVisible())
    assert QFontInfo(page.view.font()).pixelSize() == body
    assert QFontInfo(window.next_button.font()).pixelSize() == body, "controls grow with it"
    window.set_text_scale(200)
    _settle()
    assert QFontInfo(page.view.font()).pixelSize() == 2 * body


@pytest.mark.parametrize(
    ("mode", "screen", "scale", "locale"),
    [
        (Mode.KIOSK, (1080, 1920), 200, "en"),
        (Mode.KIOSK, (1080, 1920), 200, "es"),
        (Mode.KIOSK, (1080, 1920), 150, "es"),
        (Mode.KIOSK, (1920, 1080), 200, "es"),
        (Mode.PERSONAL, (1280, 720), 200, "es"),
        (Mode.COUNSELLOR, (1366, 768), 200, "es"),
        (Mode.PERSONAL, (1366, 768), 100, "en"),
    ],
)
def test_get_help_now_stays_whole_at_the_top_right_at_every_size(
    qtbot, mode: Mode, screen: tuple[int, int], scale: int, locale: str
) -> None:
    window = make_window(qtbot, content_dir(locale), mode, screen=screen)
    window.setFixedSize(*screen)
    window.set_text_scale(scale)
    window.go_to(window.guide.index_of("what-is-ketamine"))
    header, help_button = window.header, window.header.help_button
    # Its icon comes after the first paint and makes it wider; the header makes room.
    qtbot.waitUntil(lambda: not help_button.icon().isNull())
    qtbot.waitUntil(lambda: help_button.width() >= help_button.sizeHint().width())
    _settle()
    where = help_button.mapTo(window, help_button.rect().topRight())
    assert (
        where.x() <= window.width()
        and help_button.mapTo(window, help_button.rect().topLeft()).x() >= 0
    )
    assert where.y() <= header.mapTo(window, header.rect().topLeft()).y() + 16, "on the top row"
    assert window.width() - where.x() <= 24, "at the right"
    title = header.title_label
    assert title.width() >= max(
        title.fontMetrics().horizontalAdvance(w) for w in title.text().split()
    )
    for tool in header.tools.findChildren(QAbstractButton):
        if tool.isVisible():
            assert tool.width() >= tool.sizeHint().width(), f"{tool.text()!r} is cut short"
