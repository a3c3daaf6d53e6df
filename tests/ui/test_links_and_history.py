"""Citations and glossary words open beside the words tapped; Back undoes any jump; a part
skipped behind its content note is noted, and said so on the forward control."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.helpers import FIXTURE_CONTENT, make_window


def link_rect(view, href: str) -> QRect:  # type: ignore[no-untyped-def]
    """Where the first link to `href` is drawn, in the page view's viewport."""
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position())
                start = view.cursorRect(cursor)
                cursor.setPosition(fragment.position() + fragment.length())
                end = view.cursorRect(cursor)
                return QRect(start.topLeft(), end.bottomLeft()).normalized()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def facts_page(qtbot):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, FIXTURE_CONTENT)
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)  # Welcome -> Some facts
    page = w.current_widget()
    qtbot.mouseClick(page.note.show_button, Qt.MouseButton.LeftButton)
    return w, page.view


def tap(qtbot, view, href: str) -> QRect:  # type: ignore[no-untyped-def]
    rect = link_rect(view, href)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return rect


def test_a_tapped_citation_shows_its_source_beside_it_and_closes(qtbot) -> None:
    w, view = facts_page(qtbot)
    rect = tap(qtbot, view, "ref:alpha")
    pop = w.popover
    assert pop.isVisible()
    ref = w.guide.references["alpha"]
    assert pop.title.text() == f"Source {ref.number}"
    assert ref.citation in pop.text.text()
    assert w.step_title.text() == "Some facts", "the reader stays on the page"
    # Beside the number: just below (or above) it, not at the far end of the window.
    link_top = view.viewport().mapTo(w, rect.topLeft()).y()
    link_bottom = view.viewport().mapTo(w, rect.bottomLeft()).y()
    pop_rect = pop.geometry().translated(pop.parentWidget().mapTo(w, QPoint(0, 0)))
    gap = min(abs(pop_rect.top() - link_bottom), abs(link_top - pop_rect.bottom()))
    assert gap <= 20, (pop_rect, rect)
    assert pop.close_button.height() >= w.policy.touch_target_px
    assert pop.close_button.hasFocus()
    qtbot.mouseClick(pop.close_button, Qt.MouseButton.LeftButton)
    assert not pop.isVisible()
    assert view.hasFocus()


def test_a_tapped_word_shows_its_meaning_beside_it(qtbot) -> None:
    w, view = facts_page(qtbot)
    tap(qtbot, view, "glossary:placebo")
    assert w.popover.isVisible()
    assert w.popover.title.text() == "Placebo"
    assert "A dummy treatment" in w.popover.text.text()
    assert w.popover.accessibleDescription() == w.popover.text.text()


def test_keyboard_tab_to_a_link_enter_opens_escape_returns_to_it(qtbot) -> None:
    w, view = facts_page(qtbot)
    view.setFocus()
    for _ in range(10):  # Tab moves from link to link inside the page
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if view.textCursor().charFormat().anchorHref() == "ref:alpha":
            break
        if not view.hasFocus():
            view.setFocus()
    assert view.hasFocus() and view.textCursor().charFormat().anchorHref() == "ref:alpha"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert w.popover.isVisible() and w.popover.close_button.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not w.popover.isVisible()
    assert view.hasFocus()
    assert view.textCursor().charFormat().anchorHref() == "ref:alpha", "back on the same link"


def test_all_sources_then_back_returns_to_the_page_not_the_step_before(qtbot) -> None:
    w, view = facts_page(qtbot)
    tap(qtbot, view, "ref:beta")
    qtbot.mouseClick(w.popover.more_button, Qt.MouseButton.LeftButton)
    assert w.step_title.text() == "Sources"
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.step_title.text() == "Some facts"
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.step_title.text() == "Welcome"
    assert not w.back_button.isEnabled()


def test_back_undoes_a_jump_from_the_contents(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.go_to(2)
    item = w.contents.item(4)  # the word list
    qtbot.mouseClick(
        w.contents.viewport(),
        Qt.MouseButton.LeftButton,
        pos=w.contents.visualItemRect(item).center(),
    )
    assert w.step_title.text() == "Word list"
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.current_index == 2


def test_start_over_wipes_the_history(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.go_to(2)
    w.go_to(4)
    w.start_over()
    assert w.session.state.history == []
    assert not w.back_button.isEnabled()


def test_next_on_a_content_note_says_it_skips_and_the_skip_is_kept(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert w.current_widget().showing_note
    assert w.next_button.text() == "Skip this part"
    assert w.next_button.accessibleName().startswith("Skip this part")
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert w.step_title.text() == "Numbers"
    assert w.next_button.text() == "Next"
    assert w.session.state.skipped_parts == ["facts"]
    # Coming back and reading it takes it off the list.
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.current_widget().note.show_button, Qt.MouseButton.LeftButton)
    assert w.next_button.text() == "Next"
    assert w.session.state.skipped_parts == []


def test_the_notes_own_skip_button_is_kept_too_and_reset_wipes_it(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.go_to(1)
    qtbot.mouseClick(w.current_widget().note.skip_button, Qt.MouseButton.LeftButton)
    assert w.session.state.skipped_parts == ["facts"]
    w.start_over()
    assert w.session.state.skipped_parts == []


def test_the_summary_lists_a_skipped_part_with_a_way_back_to_it(qtbot) -> None:
    from tests.helpers import APP_CONTENT

    w = make_window(qtbot, APP_CONTENT)
    w.go_to(w.guide.index_of("risks"))
    assert w.next_button.text() == "Skip this part"
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    w.go_to(w.guide.index_of("summary"))
    skipped = w.current_widget().skipped
    qtbot.waitUntil(skipped.isVisible)
    title = w.guide.step("risks").short_title
    assert skipped.button_texts() == [f"Read: {title}"]
    button = skipped.buttons.itemAt(0).widget()
    assert button.accessibleName().startswith(f"Read: {title}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.current_step().id == "risks"
    qtbot.mouseClick(w.current_widget().note.show_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.current_step().id == "summary", "Back returns to the summary it came from"
    assert not skipped.isVisible(), "a part read is no longer listed as skipped"


def test_the_start_over_question_never_makes_wiping_the_inviting_choice(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    qtbot.mouseClick(w.start_over_button, Qt.MouseButton.LeftButton)
    bar = w.start_over_bar
    assert bar.confirm.property("role") != "primary"
    assert bar.cancel.property("role") == "primary"
    assert bar.cancel.hasFocus(), "Enter keeps the reader's answers"
    qtbot.keyClick(bar.cancel, Qt.Key.Key_Return)
    assert not bar.isVisible()


def test_the_skipped_parts_keep_their_buttons_across_visits_and_resets(qtbot) -> None:
    """The summary refreshes at every answer, text size and reset. Its "Read: ..." buttons were
    made anew each time, leaving the old ones to deleteLater: a kiosk piled up hundreds between
    resets (several MiB). Now the same buttons are refilled, and a reset empties them."""
    from PySide6.QtWidgets import QPushButton

    from tests.helpers import APP_CONTENT

    w = make_window(qtbot, APP_CONTENT)
    noted = [s.id for s in w.guide.steps if s.content_note][:2]
    assert noted, "the guide has parts behind a content note"
    summary = w.guide.index_of("summary")

    def visit() -> None:
        for step_id in noted:
            w.session.skip_part(step_id)
        w.go_to(summary)
        w.step_text_scale(+1)  # restyles, so the summary refreshes
        w.session.set_hide_answers(True)
        w.session.set_hide_answers(False)
        w.go_to(0)
        w.go_to(summary)

    visit()
    w.start_over()
    buttons = len(w.findChildren(QPushButton))
    for _ in range(5):
        visit()
        skipped = w.step_widget(summary).skipped
        assert len(skipped.button_texts()) == len(noted)
        w.start_over()
        assert len(w.findChildren(QPushButton)) == buttons, "buttons made per visit, never freed"
        assert skipped.button_texts() == []
        assert all(b.text() == "" for b in skipped.findChildren(QPushButton)), (
            "a reset leaves a skipped part's name for the next reader"
        )
