"""The reader window: moving through steps, help on every step, start over, keyboard use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from decisionaid.core.policy import Mode
from tests.helpers import FIXTURE_CONTENT, make_window


def test_next_back_and_progress(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    # Sources and the word list are look-up pages, outside "Step N of M".
    assert w.counter_label.text() == "Step 1 of 3"
    assert not w.back_button.isEnabled()
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert w.counter_label.text() == "Step 2 of 3"
    assert w.step_title.text() == "Some facts"
    assert w.progress.value() == 2 and w.progress.maximum() == 3
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.counter_label.text() == "Step 1 of 3"


def test_next_is_disabled_on_the_last_step(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.go_to(4)
    assert not w.next_button.isEnabled()
    assert w.counter_label.text() == "Look-up page"
    assert not w.progress.isVisible()


def test_contents_list_jumps_to_any_step(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    item = w.contents.item(3)
    rect = w.contents.visualItemRect(item)
    qtbot.mouseClick(w.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.step_title.text() == "Sources"
    assert w.contents.currentRow() == 3


def test_internal_link_moves_to_that_step(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.current_widget().view.stepLinkActivated.emit("facts", "")
    assert w.step_title.text() == "Some facts"


def test_content_note_comes_first_and_can_be_skipped_or_shown(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.go_to(1)
    page = w.current_widget()
    assert page.showing_note
    assert "hard things" in page.text_for_reading()
    qtbot.mouseClick(page.note.skip_button, Qt.MouseButton.LeftButton)
    assert w.step_title.text() == "Numbers"
    w.go_to(1)
    qtbot.mouseClick(page.note.show_button, Qt.MouseButton.LeftButton)
    assert not page.showing_note
    assert "dummy treatment" in page.text_for_reading()


def test_help_button_is_in_the_same_place_on_every_step(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    places = set()
    for i in range(len(w.guide.steps)):
        w.go_to(i)
        assert w.help_button.isVisible() and w.help_button.isEnabled()
        places.add(w.help_button.mapTo(w, QPoint(0, 0)).toTuple())
    assert len(places) == 1


def test_help_panel_shows_crisis_lines_from_data(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.activateWindow()
    qtbot.mouseClick(w.help_button, Qt.MouseButton.LeftButton)
    assert w.help_panel.isVisible()
    text = w.help_panel.text_for_reading()
    assert "Call or text 988" in text and "Call 911" in text
    assert text.index("Call 911") < text.index("Call or text 988"), "emergency line comes first"
    qtbot.keyClick(w.help_panel.close_button, Qt.Key.Key_Escape)
    assert not w.help_panel.isVisible()
    assert w.isVisible()


def _tab_through(qtbot, key: Qt.Key, presses: int) -> list:  # type: ignore[no-untyped-def]
    """The widgets that hold the focus after each press of Tab (or Shift+Tab)."""
    reached = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, key)
        reached.append(QApplication.focusWidget())
    return reached


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.KIOSK, Mode.COUNSELLOR], ids=str)
def test_tab_stays_out_of_what_the_help_panel_covers(qtbot, mode: Mode) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT, mode)
    w.go_to(1)
    w.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(w.next_button, Qt.Key.Key_F1)
    assert w.help_panel.isVisible()
    assert QApplication.focusWidget() is w.help_panel.close_button
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        reached = _tab_through(qtbot, key, 30)
        outside = {
            x.objectName() or type(x).__name__
            for x in reached
            if not (w.header.isAncestorOf(x) or w.help_panel.isAncestorOf(x))
        }
        assert not outside, f"{key.name} reached controls behind the help panel: {outside}"
        assert w.help_panel.close_button in reached and w.help_button in reached
    # Escape closes the panel and the reader is back on the control they left.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not w.help_panel.isVisible()
    assert QApplication.focusWidget() is w.next_button
    reached = _tab_through(qtbot, Qt.Key.Key_Tab, 40)
    assert w.back_button in reached  # with the panel closed, Tab goes everywhere again


def test_closing_help_returns_focus_to_the_help_button_that_opened_it(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    qtbot.mouseClick(w.help_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is w.help_panel.close_button
    qtbot.keyClick(w.help_panel.close_button, Qt.Key.Key_Space)
    assert not w.help_panel.isVisible()
    assert QApplication.focusWidget() is w.help_button


def test_start_over_asks_then_clears_the_session(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.go_to(1)
    w.current_widget().reveal()
    w.set_text_scale(150)
    w.session.state.question_order.append("q1")
    qtbot.mouseClick(w.start_over_button, Qt.MouseButton.LeftButton)
    assert w.start_over_bar.isVisible()
    assert w.current_index == 1, "nothing is wiped before the reader confirms"
    with qtbot.waitSignal(w.sessionReset):
        qtbot.mouseClick(w.start_over_bar.confirm, Qt.MouseButton.LeftButton)
    assert w.current_index == 0
    assert w.session.is_empty()
    assert w.scale_label.text() == "Text 100%"
    w.go_to(1)
    assert w.current_widget().showing_note, "content notes show again for the next reader"


def test_text_size_goes_from_100_to_200(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    assert not w.smaller_button.isEnabled()
    for _ in range(10):
        qtbot.mouseClick(
            w.larger_button, Qt.MouseButton.LeftButton
        ) if w.larger_button.isEnabled() else None
    assert w.session.state.text_scale == 200
    assert w.scale_label.text() == "Text 200%"
    assert "font-size: 34px" in w.styleSheet()


def test_alt_arrows_move_back_and_next(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert w.current_index == 1
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.current_index == 0


def test_every_control_is_reachable_by_tab_and_named(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.activateWindow()
    w.contents_button.setFocus()
    reached = []
    for _ in range(40):
        focus = QApplication.focusWidget()
        if focus is not None and focus not in reached:
            reached.append(focus)
        qtbot.keyClick(focus or w, Qt.Key.Key_Tab)
    buttons = [b for b in w.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    for b in buttons:
        assert b in reached, f"{b.text()!r} cannot be reached with Tab"
        assert b.accessibleName(), f"{b.text()!r} has no accessible name"
    assert w.contents in reached


def test_space_and_enter_activate_buttons(qtbot) -> None:
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.activateWindow()
    w.next_button.setFocus()
    qtbot.keyClick(w.next_button, Qt.Key.Key_Space)
    assert w.current_index == 1
    w.next_button.setFocus()
    qtbot.keyClick(w.next_button, Qt.Key.Key_Return)
    assert w.current_index == 2


def test_broken_step_shows_a_calm_notice_and_others_work(qtbot, content_copy: Path) -> None:
    (content_copy / "pages" / "facts.md").write_bytes(b"\xff\xfe")
    w = make_window(qtbot, content_copy)
    w.go_to(1)
    assert "not available right now" in w.current_widget().text_for_reading()
    w.go_to(2)
    assert "67 out of 100" in w.current_widget().text_for_reading()


def test_empty_guide_still_opens_with_help(qtbot, content_copy: Path) -> None:
    (content_copy / "guide.toml").write_text("steps = 3\n", encoding="utf-8")
    w = make_window(qtbot, content_copy)
    assert w.step_title.text() == "This guide is not available right now"
    assert w.help_button.isEnabled()


def test_kiosk_policy_renders_external_links_inert(qtbot, content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("(step:facts)", "(https://example.org)"))
    w = make_window(qtbot, content_copy, Mode.KIOSK)
    html = w.pages.render(w.guide.steps[0]).html
    assert 'href="https://example.org"' not in html


@pytest.mark.parametrize(
    ("answer", "opened"), [("Stay in the guide", []), ("Open the page", ["https://example.org"])]
)
def test_personal_mode_asks_before_a_web_page_opens(
    qtbot, content_copy: Path, monkeypatch, answer: str, opened: list[str]
) -> None:
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    browser: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: browser.append(url.toString()))
    w = make_window(qtbot, content_copy)
    view = w.current_widget().view
    seen: list[str] = []

    def answer_the_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == answer)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer_the_question)
    view.anchorClicked.emit(QUrl("https://example.org"))
    assert seen and "https://example.org" in seen[0] and "outside this guide" in seen[0]
    assert browser == opened


VA_LINK = "Read more on [the VA page](https://www.ptsd.va.gov/)."


def _with_va_link(content: Path) -> Path:
    page = content / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("Go to [the facts](step:facts)", VA_LINK))
    return content


def test_without_links_a_web_address_is_shown_as_text_after_its_words(content_copy: Path) -> None:
    from decisionaid.core.content import load_guide
    from decisionaid.core.render import PageRenderer

    guide = load_guide(_with_va_link(content_copy))
    kiosk = PageRenderer(guide, external_links=False).render(guide.steps[0]).html
    assert "Read more on the VA page (www.ptsd.va.gov)." in kiosk
    assert "<a " not in kiosk and "href" not in kiosk
    personal = PageRenderer(guide, external_links=True).render(guide.steps[0]).html
    assert '<a href="https://www.ptsd.va.gov/">the VA page</a>' in personal
    assert "(www.ptsd.va.gov)" not in personal


def test_kiosk_reader_sees_the_address_and_nothing_to_tap(qtbot, content_copy: Path) -> None:
    from tests.helpers.kiosk import make_kiosk

    window, kiosk = make_kiosk(qtbot, content=_with_va_link(content_copy))
    kiosk.start_reading()
    view = window.current_widget().view
    assert "Read more on the VA page (www.ptsd.va.gov)." in view.toPlainText()
    anchors = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                anchors.append(fragment.text())
            it += 1
        block = block.next()
    assert anchors == [], "nothing on the page is a link"


def test_cached_pages_follow_the_link_setting(content_copy: Path, tmp_path: Path) -> None:
    from decisionaid.core.content import load_guide
    from decisionaid.core.page_cache import Pages, PageStore

    guide = load_guide(_with_va_link(content_copy))
    # Even one shared folder never hands the kiosk the personal page with its live link.
    store = PageStore(tmp_path / "pages", writable=True)
    personal = Pages(guide, external_links=True, stores=[store]).render(guide.steps[0]).html
    kiosk_pages = Pages(guide, external_links=False, stores=[store])
    kiosk = kiosk_pages.render(guide.steps[0]).html
    assert 'href="https://www.ptsd.va.gov/"' in personal
    assert "the VA page (www.ptsd.va.gov)" in kiosk and "href" not in kiosk
    assert kiosk_pages.key(guide.steps[0]) != Pages(guide, external_links=True).key(guide.steps[0])


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_contents_list_shows_the_current_step_clear_of_its_edges(qtbot, size) -> None:
    from decisionaid.paths import content_dir
    from decisionaid.ui.touch_scroll import cues

    w = make_window(qtbot, content_dir("en"), screen=size)
    w.resize(*size)
    qtbot.waitUntil(lambda: w.contents.isVisible() and w.contents.viewport().height() > 100)
    viewport = w.contents.viewport()
    qtbot.waitUntil(lambda: any(c.area is w.contents for c in cues(w)))
    cue = next(c for c in cues(w) if c.area is w.contents)
    for index in range(w.contents.count()):
        w.go_to(index)
        item = w.contents.item(index)

        def clear(item=item) -> bool:  # type: ignore[no-untyped-def]
            rect = w.contents.visualItemRect(item)
            bottom = viewport.mapTo(w.contents, rect.bottomLeft()).y()
            covered = cue.isVisible() and bottom > cue.geometry().top()
            return rect.top() >= 0 and rect.bottom() <= viewport.height() and not covered

        qtbot.waitUntil(clear, timeout=2000)
