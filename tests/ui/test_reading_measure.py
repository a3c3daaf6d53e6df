"""Lines of about 70 characters, in a centred column, at every window and text size; a table of
options may run wider, so its words are never broken in the middle."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics, QTextCursor, QTextTable
from PySide6.QtWidgets import QTextBrowser, QWidget

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.reading_measure import READING_CHARS, viewport_of
from decisionaid.ui.settle import settle_layouts
from tests.helpers import make_window

SIZES = [(1920, 1080, Mode.PERSONAL), (1366, 768, Mode.PERSONAL), (1080, 1920, Mode.KIOSK)]


def _show(qtbot, mode: Mode, size: tuple[int, int], scale: int, step_id: str):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, content_dir("en"), mode)
    w.resize(*size)  # a real resize event, as a window manager sends
    w.set_text_scale(scale)
    w.go_to(w.guide.index_of(step_id))
    page = w.current_widget()
    if page.showing_note:
        page.reveal()
    qtbot.waitUntil(lambda: w.next_button.width() >= w.next_button.sizeHint().width())
    settle_layouts()
    return page.view  # the window lives as long as the test (qtbot holds it)


def _prose_lines(view):  # type: ignore[no-untyped-def]
    """(left, right) of every laid-out line of the page's own paragraphs, in the viewport."""
    doc = view.document()
    layout = doc.documentLayout()
    lines = []
    block = doc.begin()
    while block.isValid():
        if block.text().strip() and QTextCursor(block).currentTable() is None:
            left = layout.blockBoundingRect(block).left()  # lines sit at their indent from here
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                lines.append((left + line.x(), left + line.x() + line.naturalTextWidth()))
        block = block.next()
    return lines


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize(("width", "height", "mode"), SIZES)
def test_a_page_reads_in_a_centred_column_of_about_70_characters(
    qtbot, width: int, height: int, mode: Mode, scale: int
) -> None:
    view = _show(qtbot, mode, (width, height), scale, "what-is-ptsd")
    char = QFontMetrics(view.font()).averageCharWidth()
    lines = _prose_lines(view)
    assert len(lines) > 10
    longest = max(right - left for left, right in lines)
    assert longest <= (READING_CHARS + 3) * char, f"a line of {longest / char:.0f} characters"
    port = view.viewport().width()
    # Where the window is wide enough for the measure, the column is the measure, centred.
    if port > (READING_CHARS + 10) * char:
        assert longest >= (READING_CHARS - 15) * char, "the column is narrower than it need be"
        column_left = min(left for left, _ in lines)
        right_gap = port - max(right for _, right in lines)
        assert abs(column_left - right_gap) <= longest * 0.2, (column_left, right_gap)


@pytest.mark.parametrize(("width", "height", "mode"), SIZES)
def test_a_table_of_options_is_not_squeezed_into_the_prose_column(
    qtbot, width: int, height: int, mode: Mode
) -> None:
    view = _show(qtbot, mode, (width, height), 100, "at-a-glance")
    doc = view.document()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert tables
    table_width = doc.documentLayout().frameBoundingRect(tables[0]).width()
    prose_width = max(right - left for left, right in _prose_lines(view))
    port = view.viewport().width()
    assert table_width > prose_width or table_width >= port * 0.9
    # No word in the table is broken across lines: every line of a cell ends at a space,
    # a hyphen or the end of its text.
    for frame in tables:
        for row in range(frame.rows()):
            for col in range(frame.columns()):
                cell = frame.cellAt(row, col)
                block = cell.firstCursorPosition().block()
                while block.isValid() and block.position() <= cell.lastPosition():
                    text, text_layout = block.text(), block.layout()
                    for i in range(text_layout.lineCount() - 1):
                        line = text_layout.lineAt(i)
                        end = line.textStart() + line.textLength()
                        assert text[end - 1] in " -\u2011" or not text[end].isalnum(), (
                            f"{text!r} broken at {text[:end]!r}"
                        )
                    block = block.next()


def test_the_viewport_found_by_name_is_the_one_qt_draws_in(qtbot) -> None:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    inner = QTextBrowser(browser)  # a scroll area inside: its viewport is not the one
    assert viewport_of(browser) is browser.viewport()
    assert viewport_of(inner) is inner.viewport()
    own = QWidget()
    browser.setViewport(own)  # set by hand, under no particular name
    assert viewport_of(browser) is own


@pytest.mark.parametrize(
    ("width", "height", "mode", "scale"),
    [*((w, h, m, 100) for w, h, m in SIZES), (1280, 720, Mode.PERSONAL, 200)],
)
def test_the_summary_buttons_and_skipped_parts_start_where_its_words_do(
    qtbot, width: int, height: int, mode: Mode, scale: int
) -> None:
    w = make_window(qtbot, content_dir("en"), mode, screen=(width, height))
    w.resize(width, height)
    w.set_text_scale(scale)
    w.session.skip_part("benefits")
    w.go_to(w.guide.index_of("summary"))
    step = w.current_widget()
    qtbot.waitUntil(lambda: step.skipped.isVisible())
    settle_layouts()
    view = step.view
    words = viewport_of(view).mapTo(w, view.cursorRect(QTextCursor(view.document())).topLeft())
    first = next(b for b in (step.print_button, step.qr_button) if b.isVisible())
    card = step.skipped.findChild(QWidget, "card")
    assert abs(first.mapTo(w, first.rect().topLeft()).x() - words.x()) <= 2
    assert abs(card.mapTo(w, card.rect().topLeft()).x() - words.x()) <= 2
    assert step.action_bar.width() >= step.action_bar.sizeHint().width(), "every button fits"


@pytest.mark.parametrize("locale", ["en", "es"])
def test_a_table_of_options_too_wide_for_the_screen_reads_row_by_row(qtbot, locale: str) -> None:
    w = make_window(qtbot, content_dir(locale), Mode.KIOSK, screen=(1080, 1920))
    w.setFixedSize(1080, 1920)
    w.go_to(w.guide.index_of("at-a-glance"))
    view = w.current_widget().view
    qtbot.waitUntil(lambda: view.isVisible())
    settle_layouts()

    def tables() -> int:
        frames = view.document().rootFrame().childFrames()
        return sum(1 for f in frames if isinstance(f, QTextTable) and f.columns() >= 3)

    assert tables() == 1, "at normal text the options stand side by side"
    as_table = " ".join(view.toPlainText().split())
    w.set_text_scale(200)  # a word per column no longer fits: row by row, nothing lost
    qtbot.waitUntil(lambda: tables() == 0)
    as_rows = " ".join(view.toPlainText().split())
    for name in ("Ketamine or esketamine", "Ketamina o esketamina"):
        if name in as_table:
            assert as_rows.count(f"{name}:") == 6, "named in each of the six rows"
    words = {word.rstrip(":") for word in as_table.split()}
    assert words <= {word.rstrip(":") for word in as_rows.split()}
    assert view.horizontalScrollBar().maximum() == 0
    w.set_text_scale(100)
    qtbot.waitUntil(lambda: tables() == 1)
