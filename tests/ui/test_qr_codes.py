"""The summary's QR code, read off the screen by a real decoder (zbar), at the sizes readers meet.

A typical list (10 questions) is one code wherever the screen can show it with modules big
enough to read; only a list too long for one code at this screen's density becomes a series,
and every code of a series reads back exactly its questions, in the reader's order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from decisionaid.core.policy import Mode
from decisionaid.core.qr_payload import MIN_MODULE_MM
from decisionaid.core.summary import chosen_question_texts
from decisionaid.ui.settle import settle_window
from tests.helpers import APP_CONTENT, make_window
from tests.helpers.qr_decode import decode_qr

SPANISH = APP_CONTENT.parent / "es"


def _summary_with(qtbot, size, scale, mode, count, content: Path = APP_CONTENT):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, content, mode)
    window.resize(*size)
    if scale != 100:
        window.set_text_scale(scale)
    window.navigate_to("questions")
    step = window.current_widget()
    for box in list(step.boxes.values())[:count]:
        step.scroll.ensureWidgetVisible(box)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert len(window.session.state.question_order) == count
    window.navigate_to("summary")
    summary = window.current_widget()
    settle_window(window)
    qtbot.mouseClick(summary.qr_button, Qt.MouseButton.LeftButton)
    settle_window(window)
    return window, summary


def _screen_codes(window) -> list[str]:  # type: ignore[no-untyped-def]
    """What zbar reads off the whole window, as a reader's phone would see the screen."""
    return decode_qr(window.grab().toImage())


EDITION_LINES = ("Guide 2026.12, evidence 2026-12", "Guía 2026.12, pruebas 2026-12")


def _questions_in(text: str) -> list[str]:
    _heading, *lines, edition = text.splitlines()
    assert edition in EDITION_LINES, "every code says its guide's edition"
    return [line.split(". ", 1)[1] for line in lines]


def _scan_every_code(qtbot, window, summary) -> list[str]:  # type: ignore[no-untyped-def]
    """Scan the code on screen, tap "Next code", and so on to the last: the questions read."""
    read: list[str] = []
    while True:
        settle_window(window)
        texts = _screen_codes(window)
        assert texts == [summary.qr_widget.text], "one code on screen, read whole"
        read += _questions_in(texts[0])
        if not summary.next_code_button.isVisible() or not summary.next_code_button.isEnabled():
            return read
        qtbot.mouseClick(summary.next_code_button, Qt.MouseButton.LeftButton)


SCREENS = [
    pytest.param((1080, 1920), 100, Mode.KIOSK, id="portrait-kiosk"),
    pytest.param((1920, 1080), 150, Mode.KIOSK, id="landscape-kiosk-150"),
    pytest.param((1366, 768), 100, Mode.PERSONAL, id="laptop-100"),
    pytest.param((1366, 768), 200, Mode.PERSONAL, id="laptop-200"),
    pytest.param((1366, 768), 100, Mode.COUNSELLOR, id="counsellor"),
]


@pytest.mark.parametrize(("size", "scale", "mode"), SCREENS)
def test_a_typical_list_is_one_code_a_phone_reads_off_the_screen(
    qtbot, size: tuple[int, int], scale: int, mode: Mode
) -> None:
    from decisionaid.ui.qr_widget import screen_px_per_mm

    window, summary = _summary_with(qtbot, size, scale, mode, 10)
    widget = summary.qr_widget
    assert not summary.code_row.isVisible(), "one code, no series"
    texts = _screen_codes(window)
    assert texts == [widget.text]
    assert _questions_in(texts[0]) == chosen_question_texts(window.session, summary.data)
    # Big enough to read: every module at least MIN_MODULE_MM on this screen, on whole pixels.
    assert widget.px / screen_px_per_mm(widget.screen()) >= MIN_MODULE_MM
    assert widget.px >= summary.qr_plan().min_module_px
    # All of it on screen, above Start over / Back / Next.
    top_left = widget.mapTo(window, QPoint(0, 0))
    assert window.rect().contains(QRect(top_left, widget.size()))
    assert top_left.y() + widget.height() <= window.next_button.mapTo(window, QPoint(0, 0)).y()
    assert summary.hide_qr_button.isVisible() and summary.qr_note.isVisible()


def test_the_whole_bank_on_a_portrait_kiosk_is_a_series_that_reads_back_in_order(qtbot) -> None:
    window, summary = _summary_with(qtbot, (1080, 1920), 100, Mode.KIOSK, 36)
    assert summary.code_row.isVisible()
    assert summary.qr_missing.text().startswith("Code 1 of ")
    read = _scan_every_code(qtbot, window, summary)
    assert read == chosen_question_texts(window.session, summary.data)
    # At the last code the keyboard is on "Previous code", not on a button that went dark.
    assert summary.previous_code_button.hasFocus()


def test_a_denser_screen_needs_bigger_pixels_and_so_more_codes(qtbot, monkeypatch) -> None:
    """A 15-inch 1366x768 panel has about 4 pixels a millimetre; a small, sharp screen with 8
    (a 200-dpi panel) needs 5 pixels for the same 0.6 mm module, so the same room holds a
    smaller code and the same 10 questions take more than one."""
    import decisionaid.ui.qr_widget as qr_widget

    monkeypatch.setattr(qr_widget, "screen_px_per_mm", lambda _screen: 8.0)
    window, summary = _summary_with(qtbot, (1366, 768), 100, Mode.PERSONAL, 10)
    assert summary.qr_plan().min_module_px == 5
    assert summary.code_row.isVisible()
    read = _scan_every_code(qtbot, window, summary)
    assert read == chosen_question_texts(window.session, summary.data)
    assert summary.qr_widget.px >= 5


def test_accented_questions_read_back_exactly(qtbot) -> None:
    window, summary = _summary_with(qtbot, (1366, 768), 100, Mode.PERSONAL, 10, SPANISH)
    texts = _screen_codes(window)
    chosen = chosen_question_texts(window.session, summary.data)
    assert any(ch in "".join(chosen) for ch in "áéíóúñ¿"), "the test needs accented words"
    assert texts == [summary.qr_widget.text]
    assert _questions_in(texts[0]) == chosen
