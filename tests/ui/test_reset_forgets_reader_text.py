"""After a reset nothing of the last reader is left in any widget, shown or hidden.

A reader uses every input the guide has, with a canary word in everything they type (their own
questions, one added and one half typed, and the name of a PDF they save), ticks and removes
questions, answers every choice, looks a word up, opens help, shows the QR code and prints.
After the reset the whole app is searched: every widget's text, accessible name and
description, tool tip and What's This, every document with its undo and redo history, every line
edit's undo history, every item model, every action, the widgets' Python attributes and every
live Python string. No canary may be found, and no text may be left that a fresh window which
visited the same steps does not show, unless the app's own code wrote it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from decisionaid.core.policy import Mode
from tests.helpers import APP_CONTENT, make_window
from tests.helpers.reader_traces import (
    app_literals,
    canary,
    find_in_qt,
    live_python_strings,
    qt_texts,
)


def _visit_everything(window) -> None:  # type: ignore[no-untyped-def]
    for index in range(len(window.guide.steps)):
        window.go_to(index)
        QApplication.processEvents()
    window.toggle_help()
    QApplication.processEvents()  # laid out, as a reader sees it
    window.toggle_help()


def _use_every_input(qtbot, window, tmp_path: Path, mode: Mode) -> None:  # type: ignore[no-untyped-def]
    own, half, saved = (canary(n) for n in (1, 2, 3))
    window.navigate_to("questions")
    step = window.current_widget()
    for box in list(step.boxes.values())[:4]:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert step.own_edit is not None, "the reader can type their own question here"
    step.own_edit.setFocus()
    qtbot.keyClicks(step.own_edit, f"Will my sister {own} find out")
    qtbot.keyClick(step.own_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(step.own_edit, f"Can I {half}")  # typed, never added
    # The first question goes off the list again: its row is hidden, not gone.
    qtbot.mouseClick(step.list_rows[0].remove, Qt.MouseButton.LeftButton)
    for kind in ("values", "leaning", "quiz", "sure"):
        target = window.guide.first_of_kind(kind)
        assert target is not None
        window.navigate_to(target.id)
        groups: dict[int, list[QRadioButton]] = {}
        for radio in window.current_widget().findChildren(QRadioButton):
            groups.setdefault(id(radio.parent()), []).append(radio)
        for i, radios in enumerate(groups.values()):
            qtbot.mouseClick(radios[(i + 1) % len(radios)], Qt.MouseButton.LeftButton)
    # A word looked up: its meaning opens beside the word, as when a reader taps it.
    opener = window.current_widget()
    window.show_glossary(next(iter(window.guide.glossary)), opener, QRect(10, 10, 40, 20))
    assert window.popover.isVisible()
    window.toggle_help()
    window.toggle_help()
    window.navigate_to("summary")
    summary = window.current_widget()
    qtbot.mouseClick(summary.qr_button, Qt.MouseButton.LeftButton)
    assert summary.qr_widget is not None and summary.qr_widget.text
    qtbot.mouseClick(summary.hide_qr_button, Qt.MouseButton.LeftButton)
    if mode is Mode.KIOSK:
        summary.print_summary()  # no printer here: the reader is told so
    else:
        summary.save_pdf(tmp_path / f"{saved}.pdf")
    window.set_text_scale(150)
    planted = {own, half} | ({saved} if mode is Mode.PERSONAL else set())
    assert {found for _, found in find_in_qt()} == planted, "the canaries were planted"


@pytest.mark.parametrize("mode", [Mode.KIOSK, Mode.PERSONAL], ids=lambda m: m.value)
def test_a_reset_leaves_no_reader_text_anywhere(qtbot, monkeypatch, tmp_path, mode) -> None:  # type: ignore[no-untyped-def]
    import decisionaid.ui.keyboard as keyboard

    monkeypatch.setattr(keyboard, "physical_keyboard_present", lambda: True)
    fresh = make_window(qtbot, APP_CONTENT, mode)
    _visit_everything(fresh)
    fresh.start_over()
    QApplication.processEvents()
    shown_fresh = {text for _, text in qt_texts()}
    fresh.close()

    window = make_window(qtbot, APP_CONTENT, mode)
    _visit_everything(window)
    _use_every_input(qtbot, window, tmp_path, mode)
    with qtbot.waitSignal(window.sessionReset, timeout=2000):
        window.start_over()  # a kiosk's idle reset ends in the same call
    QApplication.processEvents()

    assert find_in_qt() == []
    assert live_python_strings() == []
    ours = app_literals()
    left = sorted(
        {(where, text[:120]) for where, text in qt_texts() if text not in shown_fresh | ours}
    )
    assert left == [], f"text a fresh window does not show, left after the reset: {left}"
