"""What a kiosk reset wipes: everything the last reader did, without rebuilding the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMessageBox

from tests.helpers.kiosk import make_kiosk


def test_reset_wipes_session_widgets_scroll_text_size_clipboard_and_dialogs(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot)
    first_widgets = dict(window._step_widgets)
    kiosk.start_reading()
    window.go_to(2)
    page = window.current_widget()
    assert page is not None
    window.set_text_scale(200)
    bar = page.view.verticalScrollBar()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.show_glossary(next(iter(window.guide.glossary)), page.view, QRect(40, 40, 8, 20))
    window.toggle_help()
    QApplication.clipboard().setText("what the last reader copied")
    stray = QMessageBox(window)
    stray.setText("left open")
    stray.open()
    qtbot.waitExposed(stray)

    with qtbot.waitSignal(window.sessionReset, timeout=2000):
        kiosk.full_reset()

    assert window.session.is_empty()
    assert window.current_index == 0
    assert window.session.state.text_scale == 100
    assert window.scale_label.text() == "Text 100%"
    assert all(
        area.verticalScrollBar().value() == 0 for area in window.findChildren(QAbstractScrollArea)
    )
    assert QApplication.clipboard().text() == ""
    assert not stray.isVisible()
    assert not window.help_panel.isVisible()
    assert not window.popover.isVisible() and window.popover.text.text() == ""
    assert window.session.back_target() is None, "Back has nothing of the last reader's path"
    assert kiosk.welcome.isVisible()
    assert kiosk.welcome.start_button.hasFocus()
    # Same window, same step widgets: state objects were reset, nothing rebuilt.
    assert window.isVisible()
    for index, widget in first_widgets.items():
        assert window._step_widgets[index] is widget


def test_the_readers_own_start_over_also_returns_to_welcome(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot)
    kiosk.start_reading()
    window.go_to(1)
    window.ask_start_over()
    with qtbot.waitSignal(window.sessionReset, timeout=2000):
        qtbot.mouseClick(window.start_over_bar.confirm, Qt.MouseButton.LeftButton)
    assert kiosk.welcome.isVisible()
    assert not window.start_over_bar.isVisible()


def test_start_shows_the_first_step_and_hides_nothing_else(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot)
    assert kiosk.welcome.isVisible()
    assert not window.body.isVisible()  # hidden, so not reachable by Tab or a screen reader
    assert window.help_button.isVisible()  # help stays in its usual place
    qtbot.mouseClick(kiosk.welcome.start_button, Qt.MouseButton.LeftButton)
    assert not kiosk.welcome.isVisible()
    assert window.body.isVisible()
    assert window.next_button.isVisible()
    assert window.current_index == 0


def test_welcome_says_what_it_is_how_long_and_that_nothing_is_kept(qtbot) -> None:
    _, kiosk = make_kiosk(qtbot)
    welcome = kiosk.welcome
    text = welcome.text_for_reading()
    # The decision in one line, first; then the measured time, not a guess of 15 minutes.
    assert (
        welcome.paragraphs[0]
        .text()
        .startswith("The choice this guide helps with: whether to try ketamine or esketamine")
    )
    assert "from about 45 minutes to close to two hours" in text
    assert "15 minutes" not in text
    assert "Nothing you do here is kept" in text
    assert "does not tell you what to choose" in text
    assert "candidate" not in text.lower()


def test_welcome_words_come_from_the_guide_in_its_language(qtbot) -> None:
    from decisionaid.paths import content_dir

    _, kiosk = make_kiosk(qtbot, content=content_dir("es"))
    welcome = kiosk.welcome
    assert welcome.paragraphs[0].text().startswith("La decisión que esta guía le ayuda a tomar")
    assert welcome.start_button.text() == "Empezar"
    assert welcome.short_path_button is not None
    assert welcome.short_path_button.text().startswith("De un vistazo")


def test_welcome_offers_the_short_path_straight_away(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot, content=None)  # the real guide, with At a glance
    button = kiosk.welcome.short_path_button
    assert button is not None and button.isVisible()
    assert button.text() == "At a glance: about 5 minutes"
    assert button.height() >= window.policy.touch_target_px
    # In the card, under the words: the fixed bar keeps only Start, at any text size.
    assert kiosk.welcome.card.isAncestorOf(button)
    assert button.width() >= button.sizeHint().width(), "its words are whole"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not kiosk.screens.is_showing(kiosk.welcome)
    assert window.current_step().id == "at-a-glance"


def test_typed_question_cannot_be_brought_back_by_undo_after_a_reset(qtbot, monkeypatch) -> None:
    import decisionaid.ui.keyboard as keyboard
    from tests.helpers import DECISION_CONTENT

    monkeypatch.setattr(keyboard, "physical_keyboard_present", lambda: True)
    window, kiosk = make_kiosk(qtbot, content=DECISION_CONTENT)
    kiosk.start_reading()
    window.navigate_to("questions")
    step = window.current_widget()
    edit = step.own_edit
    assert edit is not None
    edit.setFocus()
    # One question added (the box empties itself), then a second one half typed.
    qtbot.keyClicks(edit, "Will my partner know")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Can I drive home")
    assert edit.isUndoAvailable()

    with qtbot.waitSignal(window.sessionReset, timeout=2000):
        kiosk.full_reset()

    assert edit.text() == ""
    assert not edit.isUndoAvailable()
    assert not edit.isRedoAvailable()
    assert not edit.isModified()
    # The next reader presses Ctrl+Z in the same box: nothing of the last reader comes back.
    kiosk.start_reading()
    window.navigate_to("questions")
    edit.setFocus()
    for _ in range(3):
        qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert edit.text() == ""
    assert window.session.state.own_questions == []


@pytest.mark.parametrize("kind", ["QTextEdit", "QPlainTextEdit"])
def test_wiping_a_text_box_leaves_nothing_to_undo(qtbot, kind: str) -> None:
    import PySide6.QtWidgets as widgets

    from decisionaid.ui.controls import wipe_text

    edit = getattr(widgets, kind)()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "what the last reader wrote")
    assert edit.document().isUndoAvailable()
    wipe_text(edit)
    assert edit.toPlainText() == ""
    assert not edit.document().isUndoAvailable()
    assert not edit.document().isRedoAvailable()
    edit.undo()
    assert edit.toPlainText() == ""
    assert edit.document().isUndoRedoEnabled()
