"""The decision steps as a reader uses them: by mouse and by keyboard, and after a reset."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel

from decisionaid.core.policy import Mode
from tests.helpers import make_window

DECISION_CONTENT = Path(__file__).parents[1] / "fixtures" / "decision" / "en"


def _open(qtbot, step_id: str, mode: Mode = Mode.PERSONAL):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, DECISION_CONTENT, mode)
    w.navigate_to(step_id)
    return w, w.current_widget()


def _click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _key(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_values_by_mouse_and_by_keyboard(qtbot) -> None:
    w, step = _open(qtbot, "values")
    group = step.groups["quick-relief"]
    assert [b.text() for b in group.buttons][-1] == "Not sure"
    _click(qtbot, group.buttons[3])
    assert w.session.state.values == {"quick-relief": 3}
    _click(qtbot, group.buttons[5])
    assert w.session.state.values == {"quick-relief": None}, "Not sure is kept as None"
    # Keyboard: focus a choice, arrows move along the scale, Space chooses.
    cost = step.groups["cost"]
    cost.buttons[0].setFocus()
    _key(qtbot, Qt.Key.Key_Right)
    _key(qtbot, Qt.Key.Key_Space)
    assert w.session.state.values["cost"] == 1
    assert cost.buttons[1].isChecked()


def test_values_choices_are_large_named_targets(qtbot) -> None:
    w, step = _open(qtbot, "values", Mode.KIOSK)
    for group in step.groups.values():
        # Qt's radio-group model: Tab enters the group at one choice, arrows move within it.
        assert any(b.focusPolicy().value & Qt.FocusPolicy.TabFocus.value for b in group.buttons)
        for b in group.buttons:
            # A long label wraps between words inside its tile; its name is the label as written.
            assert b.accessibleName() == b.text().replace("\n", " ")
            assert b.height() >= w.policy.touch_target_px or not b.isVisible()


def test_leaning_reflects_answers_and_never_recommends(qtbot) -> None:
    w, step = _open(qtbot, "leaning")
    assert "have not answered" in step.reflect_text.text()
    w.session.set_value("quick-relief", 4)
    w.session.set_value("cost", 0)
    text = step.reflect_text.text()
    assert "feeling better quickly" in text and "keeping costs low" in text
    words = step.text_for_reading().lower()
    for banned in ("recommend", "candidate", "best option", "you should"):
        assert banned not in words
    # The comparison's column order, never ketamine first, and "not sure yet" always last.
    assert [b.accessibleName() for b in step.choices.buttons] == [
        "Toward a talk therapy",
        "Toward ketamine or esketamine",
        "Toward keeping my current care",
        "I am not sure yet",
    ]
    _click(qtbot, step.choices.buttons[1])
    assert w.session.state.leaning == "ketamine"
    step.choices.buttons[1].setFocus()
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Space)
    assert w.session.state.leaning == "current"
    _click(qtbot, step.values_button)
    assert w.current_step().id == "values"


def test_quiz_explains_at_once_and_can_be_skipped(qtbot) -> None:
    w, step = _open(qtbot, "quiz")
    label = step.feedback["approved"]
    assert not label.isVisible()
    _click(qtbot, step.groups["approved"].buttons[0])
    assert label.isVisible()
    # The right choice is named once, plainly, then the reason: never "No. No."
    assert label.text() == (
        "Not quite, and that is fine. The right answer is: No. Ketamine is not approved for "
        "any mental health problem. Source: [1] Alpha A, Beta B (2021)."
    )
    step.groups["how-long"].buttons[0].setFocus()
    _key(qtbot, Qt.Key.Key_Space)
    assert step.feedback["how-long"].text().startswith("That's right: About a month. Most")
    said = step.text_for_reading().lower()
    assert "you got" not in said and "your score" not in said and "out of 2" not in said
    step.skip_button.setFocus()
    _key(qtbot, Qt.Key.Key_Return)
    assert w.current_step().id == "values", "the check comes before what matters and the leaning"


def test_questions_tick_reorder_and_count(qtbot) -> None:
    w, step = _open(qtbot, "questions")
    assert step.count_label.text() == "You have not chosen any questions yet."
    _click(qtbot, step.boxes["q-options"])
    step.boxes["q-monitor"].setFocus()
    _key(qtbot, Qt.Key.Key_Space)
    assert step.count_label.text() == "You have chosen 2 questions."
    assert w.session.state.question_order == ["q-options", "q-monitor"]
    up = step.row_buttons[("q-monitor", "up")]
    _click(qtbot, up)
    assert w.session.state.question_order == ["q-monitor", "q-options"]
    # The focus stays with the moved question, so Enter moves it again.
    down = step.row_buttons[("q-monitor", "down")]
    assert QApplication.focusWidget() is down
    _key(qtbot, Qt.Key.Key_Return)
    assert w.session.state.question_order == ["q-options", "q-monitor"]
    # The count sits outside the scrolling areas, so it is always visible.
    assert step.count_label.parent() is step
    assert step.count_label.isVisible()


def test_question_list_rows_are_refilled_not_remade(qtbot) -> None:
    """Visits, resets and new lists reuse the list's rows: remade ones would pile up waiting
    for deleteLater wherever no event loop runs, which is what the long soak caught."""
    from PySide6.QtWidgets import QFrame, QLabel

    w, step = _open(qtbot, "questions")
    _click(qtbot, step.boxes["q-options"])
    _click(qtbot, step.boxes["q-monitor"])
    frames = {id(f) for f in step.rows_holder.findChildren(QFrame, "card")}
    assert len(frames) == 2
    for _ in range(3):
        w.go_to(0)
        w.navigate_to("questions")
    w.start_over()
    w.navigate_to("questions")
    assert not any(f.isVisible() for f in step.rows_holder.findChildren(QFrame, "card"))
    note = step.rows_holder.findChild(QLabel, "muted")
    assert note is not None and note.isVisible()
    _click(qtbot, step.boxes["q-monitor"])
    assert {id(f) for f in step.rows_holder.findChildren(QFrame, "card")} == frames
    question = step.bank.get("q-monitor")
    assert question is not None
    shown = [row.label.text() for row in step.list_rows if row.frame.isVisible()]
    assert shown == [f"1. {question.text}"]
    assert not note.isVisible()
    assert not step.row_buttons[("q-monitor", "up")].isEnabled()
    assert not step.row_buttons[("q-monitor", "down")].isEnabled()


def test_own_question_by_keyboard(qtbot) -> None:
    w, step = _open(qtbot, "questions")
    assert step.own_edit is not None
    step.own_edit.setFocus()
    qtbot.keyClicks(step.own_edit, "Can my partner come with me?")
    _key(qtbot, Qt.Key.Key_Return)
    assert w.session.state.own_questions == ["Can my partner come with me?"]
    assert step.own_edit.text() == ""
    assert "1. Can my partner come with me?" in step.text_for_reading()


def test_kiosk_offers_no_text_box_without_a_keyboard(qtbot, monkeypatch, tmp_path: Path) -> None:
    import decisionaid.ui.keyboard as keyboard

    monkeypatch.setattr(keyboard, "physical_keyboard_present", lambda: False)
    config = tmp_path / "config.toml"
    config.write_text('[kiosk]\non_screen_keyboard = "off"\n', encoding="utf-8")
    w = make_window(qtbot, DECISION_CONTENT, Mode.KIOSK, config)
    w.navigate_to("questions")
    assert w.current_widget().own_edit is None


def test_kiosk_offers_a_text_box_with_the_on_screen_keyboard(qtbot, monkeypatch) -> None:
    import decisionaid.core.input_devices as input_devices
    import decisionaid.ui.keyboard as keyboard
    import decisionaid.ui.on_screen_keyboard as on_screen_keyboard

    monkeypatch.setattr(keyboard, "physical_keyboard_present", lambda: False)
    monkeypatch.setattr(input_devices, "keyboard_found_before_qt", lambda: False)
    monkeypatch.setattr(on_screen_keyboard, "on_screen_keyboard_installed", lambda: True)
    w, step = _open(qtbot, "questions", Mode.KIOSK)
    assert w.policy.on_screen_keyboard
    assert step.own_edit is not None


def test_kiosk_offers_a_text_box_when_a_keyboard_is_attached(qtbot, monkeypatch) -> None:
    import decisionaid.ui.keyboard as keyboard

    monkeypatch.setattr(keyboard, "physical_keyboard_present", lambda: True)
    _, step = _open(qtbot, "questions", Mode.KIOSK)
    assert step.own_edit is not None
    assert step.own_edit.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_keyboard_detection_is_conservative(tmp_path: Path) -> None:
    from decisionaid.core.input_devices import keyboard_found_before_qt, linux_keyboards

    devices = tmp_path / "devices"
    devices.write_text(
        'I: Bus=0019\nN: Name="Power Button"\nH: Handlers=kbd event0\nB: EV=3\n\n'
        'I: Bus=0011\nN: Name="AT Translated Set 2 keyboard"\nH: Handlers=sysrq kbd event1 leds\n'
        "B: EV=120013\n\n"
        'I: Bus=0003\nN: Name="Virtual core XTEST keyboard"\nH: Handlers=kbd event2\nB: EV=120013\n',
        encoding="utf-8",
    )
    assert linux_keyboards(devices) == ["AT Translated Set 2 keyboard"]
    assert linux_keyboards(tmp_path / "missing") == []
    if sys.platform.startswith("linux"):
        assert keyboard_found_before_qt(devices)
        assert not keyboard_found_before_qt(tmp_path / "missing")


def test_sure_shows_next_steps_for_each_no(qtbot) -> None:
    w, step = _open(qtbot, "sure")
    assert not step.result.isVisible()
    for letter, answer in zip("SURE", (0, 1, 0, 1), strict=True):
        _click(qtbot, step.groups[letter].buttons[answer])
    assert step.result.isVisible()
    assert "yes to 2 of 4" in step.result_text.text()
    shown = step.text_for_reading()
    assert "Find out more" in shown and "Talk it over" in shown
    assert "Take more time" not in shown and "Think again" not in shown
    assert "O'Connor & Légaré, 2008" in shown, "the required citation is shown"
    _click(qtbot, step.suggestion_buttons()[0])
    assert w.current_step().id == "questions", "'Find out more' leads to the questions"
    w.navigate_to("sure")
    # Keyboard: change U to yes, and the suggestion for it goes.
    step.groups["U"].buttons[1].setFocus()
    _key(qtbot, Qt.Key.Key_Left)
    _key(qtbot, Qt.Key.Key_Space)
    assert w.session.state.sure_answers["U"] is True
    assert "Find out more" not in step.text_for_reading()


def test_sure_wording_is_shown_unaltered(qtbot) -> None:
    from decisionaid.core.decision_files import SURE_OFFICIAL_EN

    _, step = _open(qtbot, "sure")
    text = step.text_for_reading()
    for item in SURE_OFFICIAL_EN.values():
        assert item in text


def test_reset_clears_every_decision_step(qtbot) -> None:
    w = make_window(qtbot, DECISION_CONTENT)
    steps = {}
    for step_id in ("values", "leaning", "quiz", "questions", "sure", "summary"):
        w.navigate_to(step_id)
        steps[step_id] = w.current_widget()
    _click(qtbot, steps["values"].groups["cost"].buttons[2])
    _click(qtbot, steps["leaning"].choices.buttons[0])
    _click(qtbot, steps["quiz"].groups["approved"].buttons[1])
    _click(qtbot, steps["questions"].boxes["q-harms"])
    steps["questions"].own_edit.setText("half-typed")
    for letter in "SURE":
        _click(qtbot, steps["sure"].groups[letter].buttons[1])
    w.session.reset()
    assert w.session.is_empty()
    assert steps["values"].groups["cost"].checked() is None
    assert steps["leaning"].choices.checked() is None
    assert steps["quiz"].groups["approved"].checked() is None
    assert not steps["quiz"].feedback["approved"].isVisibleTo(steps["quiz"])
    assert not steps["questions"].boxes["q-harms"].isChecked()
    assert steps["questions"].own_edit.text() == ""
    assert not steps["sure"].result.isVisibleTo(steps["sure"])
    assert "q-harms" not in steps["summary"].view.toPlainText()
    assert "You have not chosen any questions yet." in steps["summary"].view.toPlainText()


def test_missing_data_shows_the_calm_notice(qtbot, tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "en"
    shutil.copytree(DECISION_CONTENT, content)
    (content / "quiz.toml").unlink()
    w = make_window(qtbot, content)
    w.navigate_to("quiz")
    assert "not available" in w.current_widget().text_for_reading()
    w.navigate_to("questions")
    assert "not available" not in w.current_widget().text_for_reading()


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.KIOSK])
def test_icon_arrays_side_by_side_in_the_comparison(qtbot, mode: Mode) -> None:
    _, step = _open(qtbot, "compare", mode)
    _click(qtbot, step.toggle)
    # Every option, under its column's heading, in the table's order; the compare page's own
    # pictures among them.
    assert [h.text() for h in step.option_headings] == [
        "Talk therapy",
        "Ketamine",
        "Keep your current care",
    ]
    assert [p.array.id for p in step.panels] == [
        "therapy-recovered",
        "response",
        "no-treatment",
    ]
    tops = [w.geometry().top() for w in (*step.option_headings, *step.panels)]
    assert tops[0] < tops[3] < tops[1] < tops[4] < tops[2] < tops[5], "each under its heading"
    grids = step.panels[1].grids
    assert [g.group.name for g in grids] == ["Ketamine", "Midazolam (a comparison drug)"]
    assert grids[0].geometry().top() == grids[1].geometry().top(), "side by side"
    iface = QAccessible.queryAccessibleInterface(grids[0])
    assert iface.role() == QAccessible.Role.Graphic
    assert iface.text(QAccessible.Text.Name) == "Ketamine: 67 out of 100"
    assert iface.text(QAccessible.Text.Description) == (
        "About 67 out of 100 people like those studied (adults with long-lasting PTSD in one "
        "small trial (30 people)) who had ketamine had their PTSD symptoms drop by 30 percent "
        "or more, over 2 weeks."
    )
    _click(qtbot, step.toggle)
    assert step.stack.currentWidget() is step.page


def test_icon_array_draws_affected_people_differently(qtbot) -> None:
    from decisionaid.core.iconarray import IconArray, IconGroup
    from decisionaid.ui.iconarray_widget import IconArrayWidget
    from decisionaid.ui.theme import STANDARD

    array = IconArray("x", "improved", "adults", "2 weeks", "low", "alpha", (IconGroup("A", 1),))
    widget = IconArrayWidget(array, array.groups[0], STANDARD)
    qtbot.addWidget(widget)
    widget.set_side(200)
    widget.resize(200, 200)
    image = widget.grab().toImage()

    def dark_pixels(col: int, row: int) -> int:
        cell = 20
        return sum(
            image.pixelColor(col * cell + x, row * cell + y).lightness() < 160
            for x in range(cell)
            for y in range(cell)
        )

    filled, ring = dark_pixels(0, 0), dark_pixels(1, 0)
    # The affected person is a solid figure; the others are thin rings: a difference of
    # shape and fill that survives greyscale printing and colour blindness.
    assert filled > 2 * ring > 0


def test_the_ptsd_picture_in_the_comparison_reads_naturally_to_a_screen_reader(qtbot) -> None:
    from decisionaid.core.iconarray import CERTAINTY_WORDS

    real = Path(__file__).parents[2] / "resources" / "content" / "en"
    from decisionaid.ui.iconarray_widget import IconArrayPanel
    from decisionaid.ui.theme import STANDARD

    w = make_window(qtbot, real)
    w.navigate_to("compare")
    step = w.current_widget()
    _click(qtbot, step.toggle)
    panels = {p.array.id: p for p in step.panels}
    # How common PTSD is belongs to no option, so it stays on its own page, not among the
    # options' pictures.
    assert "ptsd-lifetime" not in panels
    pages = w.pages.render(w.guide.step("what-is-ptsd"))
    array = next(a for a in pages.icon_arrays if a is not None and a.id == "ptsd-lifetime")
    ptsd = IconArrayPanel(array, STANDARD, w.guide.references.get(array.source))
    qtbot.addWidget(ptsd)
    sentence = "About 6 out of 100 people in the United States will have PTSD at some point in their lives."
    iface = QAccessible.queryAccessibleInterface(ptsd.grids[0])
    assert iface.text(QAccessible.Text.Name) == "People in the US: 6 out of 100"
    assert iface.text(QAccessible.Text.Description) == sentence
    assert ptsd.accessibleDescription() == f"{sentence} {CERTAINTY_WORDS['moderate']}"
    legends = [lb.text() for lb in ptsd.findChildren(QLabel) if lb.text().startswith("A filled")]
    assert legends == [
        "A filled figure is a person who will have PTSD at some point in their lives. "
        "A ring is a person who will not."
    ]
    feder = panels["feder-response"]
    descriptions = [
        QAccessible.queryAccessibleInterface(g).text(QAccessible.Text.Description)
        for g in feder.grids
    ]
    who = "people like those studied (adults with long-lasting PTSD in one small trial (30 people))"
    assert descriptions == [
        f"About 67 out of 100 {who} who had ketamine had their PTSD symptoms drop by 30 percent "
        "or more, over 2 weeks.",
        f"About 20 out of 100 {who} who had midazolam (a comparison drug) had their PTSD "
        "symptoms drop by 30 percent or more, over 2 weeks.",
    ]


def test_a_decision_step_module_that_fails_to_load_is_an_error_not_missing_data(
    qtbot, monkeypatch
) -> None:
    """A typo in the app's own code must fail loudly, never pass for "not available"."""
    import sys

    from decisionaid.ui import steps

    w = make_window(qtbot, DECISION_CONTENT)
    monkeypatch.setitem(sys.modules, "decisionaid.ui.steps.decision", None)  # import fails
    values = w.guide.first_of_kind("values")
    assert values is not None
    with pytest.raises(ImportError):
        steps.create_step_widget(w.ctx, values)
