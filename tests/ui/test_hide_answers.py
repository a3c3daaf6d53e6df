"""Counsellor mode's "Hide answers": the reader's choices stay off a shared screen, on every
step that shows them, while the reader can still answer. Their questions stay on show, as on
the summary: they are what the reader and the counsellor go through together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from decisionaid.core.policy import Mode
from decisionaid.ui.steps.decision_base import ANSWER_SAVED, HIDDEN_ANSWER, ChoiceGroup
from tests.helpers import counsellor_tools, make_window

DECISION_CONTENT = Path(__file__).parents[1] / "fixtures" / "decision" / "en"


def _counsellor(qtbot):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, DECISION_CONTENT, Mode.COUNSELLOR)
    return w, counsellor_tools(w).hide_button


def _tap(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shows_a_choice(group: ChoiceGroup) -> bool:
    """Whether any choice looks chosen, or is reported as chosen to a screen reader."""
    for button in group.buttons:
        state = QAccessible.queryAccessibleInterface(button).state()
        if button.isChecked() or state.checked:
            return True
    return False


def visible_words(step) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(label.text() for label in step.findChildren(QLabel) if label.isVisibleTo(step))


def test_values_are_hidden_but_can_still_be_given(qtbot) -> None:
    w, hide = _counsellor(qtbot)
    w.navigate_to("values")
    step = w.current_widget()
    relief, cost = step.groups["quick-relief"], step.groups["cost"]
    _tap(qtbot, relief.buttons[4])
    assert shows_a_choice(relief)
    _tap(qtbot, hide)
    assert not shows_a_choice(relief)
    assert relief.hidden_note.isVisible() and relief.hidden_note.text() == HIDDEN_ANSWER
    assert not cost.hidden_note.isVisible(), "an unanswered sentence says nothing"
    # The reader answers and changes answers as before; nothing shows which.
    _tap(qtbot, cost.buttons[0])
    _tap(qtbot, relief.buttons[4])  # the same answer again: no change, still hidden
    _tap(qtbot, relief.buttons[1])
    assert w.session.state.values == {"quick-relief": 1, "cost": 0}
    assert not shows_a_choice(relief) and not shows_a_choice(cost)
    assert cost.hidden_note.isVisible()
    _tap(qtbot, hide)
    assert relief.buttons[1].isChecked() and cost.buttons[0].isChecked()
    assert not relief.hidden_note.isVisible()


def test_leaning_hides_what_matters_and_the_leaning(qtbot) -> None:
    w, hide = _counsellor(qtbot)
    w.session.set_value("quick-relief", 4)
    w.navigate_to("leaning")
    step = w.current_widget()
    _tap(qtbot, step.choices.buttons[1])
    _tap(qtbot, hide)
    said = step.text_for_reading()
    assert "feeling better quickly" not in said
    assert "hidden on this screen" in said
    assert not shows_a_choice(step.choices)
    _tap(qtbot, step.choices.buttons[0])
    assert w.session.state.leaning is not None and not shows_a_choice(step.choices)


def test_quiz_explains_without_saying_whether_the_reader_was_right(qtbot) -> None:
    w, hide = _counsellor(qtbot)
    w.navigate_to("quiz")
    step = w.current_widget()
    _tap(qtbot, hide)
    _tap(qtbot, step.groups["approved"].buttons[0])  # a wrong answer
    _tap(qtbot, step.groups["how-long"].buttons[0])  # a right one
    for item in ("approved", "how-long"):
        text = step.feedback[item].text()
        assert step.feedback[item].isVisible()
        assert text.startswith("The right answer is:"), text
        assert not shows_a_choice(step.groups[item])
    words = visible_words(step)
    assert "Not quite" not in words and "That's right" not in words
    _tap(qtbot, hide)
    assert step.feedback["approved"].text().startswith("Not quite")


def test_sure_hides_the_score_and_the_next_steps_that_would_give_it_away(qtbot) -> None:
    w, hide = _counsellor(qtbot)
    w.navigate_to("sure")
    step = w.current_widget()
    _tap(qtbot, hide)
    for letter, group in step.groups.items():
        _tap(qtbot, group.buttons[1 if letter == "U" else 0])
    assert step.result.isVisible()
    words = visible_words(step)
    assert "yes to 3" not in words and "hidden on this screen" in words
    assert step.suggestion_buttons() == []
    assert not any(shows_a_choice(g) for g in step.groups.values())
    _tap(qtbot, hide)
    assert "You answered yes to 3 of 4" in step.result_text.text()


def test_questions_stay_on_show_and_start_over_ends_hiding(qtbot) -> None:
    w, hide = _counsellor(qtbot)
    w.session.set_value("cost", 0)
    w.navigate_to("questions")
    step = w.current_widget()
    _tap(qtbot, hide)
    _tap(qtbot, step.boxes["q-options"])
    assert step.boxes["q-options"].isChecked()
    assert "1. What are my options?" in step.text_for_reading()
    with qtbot.waitSignal(w.sessionReset):
        w.start_over()
    w.navigate_to("values")
    values = w.current_widget()
    assert not any(g.hidden_note.isVisibleTo(values) for g in values.groups.values())


def test_each_tap_while_hidden_is_confirmed_without_saying_which_answer(qtbot) -> None:
    w, hide = _counsellor(qtbot)
    w.navigate_to("values")
    step = w.current_widget()
    relief = step.groups["quick-relief"]
    _tap(qtbot, hide)
    _tap(qtbot, relief.buttons[2])
    note = relief.hidden_note
    said = note.text()
    assert note.isVisible() and said.startswith(ANSWER_SAVED)
    assert note.accessibleName() == said
    for label in (b.accessibleName() for b in relief.buttons):
        assert label.lower() not in said.lower(), "the confirmation names no answer"
    # Another tap, another answer: the same words, so nothing on screen tells them apart.
    _tap(qtbot, relief.buttons[0])
    assert note.text() == said
    assert w.session.state.values["quick-relief"] == 0
    # Hiding turned off and on again: nothing saved yet in this round.
    _tap(qtbot, hide)
    _tap(qtbot, hide)
    assert note.text() == HIDDEN_ANSWER


def test_a_screen_readers_toggle_action_turns_hiding_and_presentation_on_and_off(qtbot) -> None:
    """Orca's "Toggle" on a toggle button flips it without a click: the session must follow,
    or the button would say "hidden" while the answers show."""
    w, hide = _counsellor(qtbot)
    presentation = counsellor_tools(w).presentation_button
    for button in (hide, presentation):
        QAccessible.queryAccessibleInterface(button).actionInterface().doAction("Toggle")
    assert w.session.state.hide_answers and hide.isChecked()
    assert w.session.state.high_contrast and w.session.state.text_scale == 150
    assert presentation.isChecked()
    for button in (hide, presentation):
        QAccessible.queryAccessibleInterface(button).actionInterface().doAction("Toggle")
    assert not w.session.state.hide_answers and not hide.isChecked()
    assert not w.session.state.high_contrast and not presentation.isChecked()
