"""Counsellor mode: the step index, presenter view, presentation preset and hide answers
(handouts: test_handouts.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.controls import MARK_OFF, MARK_ON
from tests.helpers import counsellor_tools, counsellor_window, make_window


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.KIOSK], ids=lambda m: m.value)
def test_other_modes_have_no_counsellor_tools(qtbot, mode: Mode) -> None:
    w = make_window(qtbot, content_dir("en"), mode)
    assert counsellor_tools(w) is None
    assert w.findChild(type(w.next_button), "indexButton") is None


def test_index_shows_every_step_as_a_tile_and_jumps_there(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    w.go_to(2)
    qtbot.mouseClick(tools.index_button, Qt.MouseButton.LeftButton)
    index = tools.index
    assert index.isVisible()
    assert len(index.tiles) == len(w.guide.steps)
    here = index.tiles[2]
    assert "(you are here)" in here.text()  # in words, not only by colour
    assert here.hasFocus()
    assert min(t.height() for t in index.tiles) >= w.policy.touch_target_px
    target = len(w.guide.steps) - 2
    qtbot.mouseClick(index.tiles[target], Qt.MouseButton.LeftButton)
    assert w.current_index == target
    assert not index.isVisible()


@pytest.mark.parametrize("width", [1280, 700])
def test_index_tiles_show_every_title_whole_from_100_to_200_percent(qtbot, width: int) -> None:
    from PySide6.QtWidgets import QApplication

    from decisionaid.core.session import TEXT_SCALES

    w, tools = counsellor_window(qtbot)
    w.resize(width, 800)
    qtbot.waitUntil(lambda: w.width() == width)
    for scale in TEXT_SCALES:
        w.set_text_scale(scale)
        tools.open_index()
        QApplication.processEvents()
        index = tools.index
        for tile, step in zip(index.tiles, w.guide.steps, strict=True):
            hint = tile.sizeHint()
            where = f"{scale}% at {width}px, {step.short_title!r}"
            assert tile.width() >= hint.width() and tile.height() >= hint.height(), where
            assert " ".join(tile.text().split()).endswith(" ".join(step.short_title.split()))
            assert tile.geometry().right() <= index.scroll.viewport().width(), where
            assert tile.height() >= w.policy.touch_target_px
        assert len({t.width() for t in index.tiles}) == 1  # one even grid
        index.close_index()


def test_a_title_too_long_for_one_line_wraps_inside_its_tile(qtbot, content_copy: Path) -> None:
    long_title = (
        "A short title that is far too long to fit on one line of any tile at all, "
        "not even on the widest tile there is room for at the largest text size"
    )
    manifest = content_copy / "guide.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'short_title = "Words"', f'short_title = "{long_title}"'
        ),
        encoding="utf-8",
    )
    w = make_window(qtbot, content_copy, Mode.COUNSELLOR)
    tools = counsellor_tools(w)
    w.set_text_scale(200)
    tools.open_index()
    tile = tools.index.tiles[w.guide.index_of("glossary")]
    # The word list is a look-up page: no number, as in the reader's contents; the title on
    # two lines or more.
    assert tile.text().count("\n") >= 1
    assert " ".join(tile.text().split()) == long_title
    assert (
        tile.accessibleName()
        == f"Look-up page: {w.guide.steps[w.guide.index_of('glossary')].title}"
    )
    assert tile.geometry().right() <= tools.index.scroll.viewport().width()
    for t in tools.index.tiles:
        assert t.width() >= t.sizeHint().width() and t.height() >= t.sizeHint().height()


def test_escape_closes_the_index_and_returns_to_its_button(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    tools.open_index()
    QTest.keyClick(tools.index.tiles[0], Qt.Key.Key_Escape)
    assert not tools.index.isVisible()
    assert tools.index_button.hasFocus()
    assert w.current_index == 0


def test_presenter_view_shows_notes_and_full_sources_and_follows_the_reader(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    benefits = w.guide.index_of("benefits")
    assert benefits >= 0
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    assert presenter.isVisible()
    w.go_to(benefits)
    text = presenter.view.toPlainText()
    assert "Talking points" in text and "Sources on this step" in text
    notes = w.pages.render(w.guide.steps[benefits]).notes_html
    assert notes, "the benefits page should carry counsellor notes"
    cited = [
        r
        for r in w.guide.references.values()
        if f"ref:{r.key}" in notes + w.pages.render(w.guide.steps[benefits]).html
    ]
    assert cited and cited[0].citation[:40] in " ".join(text.split())
    # The same step number as the reader's window: look-up pages are outside the count.
    n, total = w.guide.step_number(benefits) or (0, 0)
    assert presenter.counter.text() == w.counter_label.text() == f"Step {n} of {total}"
    assert total < len(w.guide.steps), "the look-up pages are outside the count"
    qtbot.mouseClick(presenter.next_button, Qt.MouseButton.LeftButton)
    assert w.current_index == benefits + 1
    assert presenter.title.text() == w.guide.steps[benefits + 1].title


def _after(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].strip() if heading in text else ""


def test_presenter_shows_what_the_reader_sees_and_notes_on_every_step(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    for index, step in enumerate(w.guide.steps):
        w.go_to(index)
        text = presenter.view.toPlainText()
        seen = _after(text, "What the reader sees")
        assert len(seen.split()) >= 5, f"{step.id}: the reader's step is missing: {seen!r}"
        notes = _after(text, "Counsellor notes").split("Sources on this step")[0]
        if step.kind in ("values", "leaning", "quiz", "questions", "sure", "summary"):
            assert "No counsellor notes" not in notes and len(notes.split()) > 30, step.id
    # What the reader sees is what the reader's own step says, word for word.
    w.navigate_to("sure")
    reading = w.current_widget().text_for_reading().split("\n")
    assert " ".join(reading[0].split()) in " ".join(presenter.view.toPlainText().split())


def test_sure_notes_say_how_to_respond_to_a_low_score(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    w.navigate_to("sure")
    notes = _after(presenter.view.toPlainText(), "Counsellor notes").lower()
    assert "3 or lower" in notes
    for need in ("information", "what matters", "support", "time"):
        assert need in notes, need
    for step_id in ("values", "leaning", "quiz", "questions", "sure", "summary"):
        step = w.guide.step(step_id)
        assert step is not None
        assert "recommend ketamine" not in step.counsellor_notes.lower()


def test_presenter_on_the_readers_screen_hides_answers_as_the_reader_screen_does(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    assert not presenter.on_own_screen()  # one screen: both windows are seen by everyone
    w.navigate_to("values")
    step = w.current_widget()
    qtbot.mouseClick(step.groups["quick-relief"].buttons[4], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Extremely important" in presenter.view.toPlainText())
    qtbot.mouseClick(tools.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Extremely important" not in presenter.view.toPlainText())
    assert "Hidden, as on the reader's screen" in presenter.view.toPlainText()
    assert not step.groups["quick-relief"].buttons[4].isChecked()
    assert "hidden on this screen" in _after(presenter.view.toPlainText(), "What the reader sees")


def test_talking_points_show_as_a_list_not_one_paragraph(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    for index, step in enumerate(w.guide.steps):
        if step.page is None or "\n- " not in step.page.counsellor_notes:
            continue
        w.go_to(index)
        doc = presenter.view.document()
        items = [
            doc.findBlockByNumber(n).text()
            for n in range(doc.blockCount())
            if doc.findBlockByNumber(n).textList() is not None
        ]
        first = step.page.counsellor_notes.split("\n- ", 1)[1].split()[:4]
        assert any(item.split()[:4] == first for item in items), (step.id, items[:3])
        assert not any(
            "Talking points" in doc.findBlockByNumber(n).text()
            and len(doc.findBlockByNumber(n).text()) > len("Talking points") + 2
            for n in range(doc.blockCount())
        ), f"{step.id}: talking points run on as one paragraph"


def test_on_one_screen_the_tools_stay_in_the_readers_window(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    qtbot.waitExposed(presenter)
    assert not tools.tools_with_counsellor()
    for b in (tools.index_button, tools.presentation_button, tools.hide_button, tools.print_button):
        assert b.isVisible(), b.text()
    for b in (presenter.presentation_button, presenter.hide_button, presenter.print_button):
        assert not b.isVisible(), b.text()
    # The presenter's "All steps" opens its own index, in the window the counsellor is using.
    from PySide6.QtWidgets import QApplication

    presenter.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presenter)
    qtbot.mouseClick(presenter.index_button, Qt.MouseButton.LeftButton)
    assert presenter.index.isVisible() and not tools.index.isVisible()
    QTest.keyClick(presenter.index.tiles[0], Qt.Key.Key_Escape)
    assert not presenter.index.isVisible() and presenter.index_button.hasFocus()
    qtbot.mouseClick(presenter.index_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(presenter.index.tiles[3], Qt.MouseButton.LeftButton)
    assert w.current_index == 3 and presenter.counter.text().startswith("Step 4 ")
    # Start over, for the next person, closes the counsellor's index too.
    w.go_to(0)
    qtbot.mouseClick(presenter.index_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.sessionReset):
        w.start_over()
    assert not presenter.index.isVisible()


def test_presentation_on_one_shared_screen_hides_the_counsellors_tools(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    w.resize(1366, 768)
    others = [tools.index_button, tools.presenter_button, tools.hide_button, tools.print_button]
    assert all(b.isVisible() for b in others)
    qtbot.mouseClick(tools.index_button, Qt.MouseButton.LeftButton)
    assert tools.index.isVisible()
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    # The client sees the step, Start over, Back and Next, and the one way back out.
    assert [b.text() for b in others if b.isVisible()] == []
    assert not tools.index.isVisible()
    assert tools.presentation_button.isVisible() and tools.presentation_button.isChecked()
    # It shows that it is on in its words (a ticked box), not by colour alone.
    assert tools.presentation_button.text().startswith(MARK_ON)
    assert w.next_button.isVisible() and w.help_button.isVisible()
    # The counsellor reaches it from the keyboard too, and turns it off with Space.
    tools.presentation_button.setFocus()
    QTest.keyClick(tools.presentation_button, Qt.Key.Key_Space)
    assert tools.presentation_button.text().startswith(MARK_OFF)
    assert not w.session.state.high_contrast and w.session.state.text_scale == 100
    assert all(b.isVisible() for b in others)
    # Start over, for the next client, ends the presentation and brings the tools back.
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.sessionReset):
        w.start_over()
    assert all(b.isVisible() for b in others)


def _two_screens(tmp_path: Path) -> dict[str, str]:
    """The environment for a run with a second screen on the offscreen platform."""
    config = tmp_path / "screens.json"
    screen = {"logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1, "width": 1280, "height": 800}
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "reader", "x": 0, "y": 0, **screen},
                    {"name": "counsellor", "x": 1280, "y": 0, **screen},
                ]
            }
        )
    )
    return dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        DECISIONAID_SPEECH_ENGINE="none",
    )


def test_presenter_view_opens_on_the_second_screen_by_itself(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from PySide6.QtCore import QTimer\n"
        "from decisionaid.app import Options\n"
        "from decisionaid.app import build_app, build_parts, ensure_qapplication\n"
        "app = ensure_qapplication()\n"
        "if len(QGuiApplication.screens()) < 2: sys.exit(3)\n"
        "assembled = build_app(build_parts(Options(counsellor=True)))\n"
        "w = assembled.window\n"
        "w.resize(1280, 800); w.show()\n"
        "def check():\n"
        "    p = assembled.counsellor.presenter\n"
        "    ok = p is not None and p.isVisible() and p.screen() is not w.screen()\n"
        "    print(p is not None, p and p.screen().name(), w.screen().name())\n"
        "    app.exit(0 if ok else 1)\n"
        "w.firstPaint.connect(lambda: QTimer.singleShot(0, check))\n"
        "QTimer.singleShot(20000, lambda: app.exit(2))\n"
        "sys.exit(app.exec())\n"
    )
    env = _two_screens(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    if result.returncode == 3:
        pytest.skip("this Qt's offscreen platform cannot simulate a second screen")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_two_screen_consultation_runs_from_the_counsellors_screen(tmp_path: Path) -> None:
    """tests/helpers/two_screen_cases.py, in a run of its own with a second screen attached: the
    counsellor's window holds the tools, the index and Back/Next; the reader's shows none."""
    cases = Path(__file__).parents[1] / "helpers" / "two_screen_cases.py"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", str(cases)],
        capture_output=True,
        text=True,
        env=_two_screens(tmp_path),
        cwd=Path(__file__).parents[2],
        timeout=300,
    )
    if "needs the offscreen platform's two-screen set-up" in result.stdout:
        pytest.skip("this Qt's offscreen platform cannot simulate a second screen")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout


def test_presentation_preset_is_large_and_high_contrast(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 150
    assert w.theme.name == "high-contrast"
    assert tools.presentation_button.text().startswith("☑")
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 100
    assert w.theme.name == "standard"


def test_presentation_off_gives_back_the_readers_own_text_size_and_contrast(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    qtbot.mouseClick(w.larger_button, Qt.MouseButton.LeftButton)  # the reader chose 125%
    assert w.session.state.text_scale == 125
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 150 and w.theme.name == "high-contrast"
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 125
    assert w.scale_label.text() == "Text 125%"
    assert w.theme.name == "standard"
    # A reader who had chosen high contrast keeps it.
    w.session.set_high_contrast(True)
    w.set_text_scale(100)
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 150
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 100 and w.theme.name == "high-contrast"
    # Text at 175% is never made smaller by the preset.
    w.session.set_high_contrast(False)
    w.set_text_scale(175)
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 175 and w.theme.name == "high-contrast"
    qtbot.mouseClick(tools.presentation_button, Qt.MouseButton.LeftButton)
    assert w.session.state.text_scale == 175 and w.theme.name == "standard"


def test_hide_answers_is_a_session_choice_that_start_over_clears(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    qtbot.mouseClick(tools.hide_button, Qt.MouseButton.LeftButton)
    assert w.session.state.hide_answers
    assert tools.hide_button.text().startswith("☑")
    with qtbot.waitSignal(w.sessionReset):
        w.start_over()
    assert not w.session.state.hide_answers
    assert not tools.hide_button.isChecked()


def test_the_counsellor_numbers_steps_as_the_reader_s_window_does(qtbot) -> None:
    w, tools = counsellor_window(qtbot)
    presenter = tools.open_presenter()
    qtbot.addWidget(presenter)
    tools.open_index()
    for index, step in enumerate(w.guide.steps):
        w.go_to(index)
        assert presenter.counter.text() == w.counter_label.text(), step.id
        number = w.guide.step_number(index)
        tile = tools.index.tiles[index]
        if number is None:  # Sources, Word list, About
            assert presenter.counter.text() == "Look-up page"
            assert tile.accessibleName() == f"Look-up page: {step.title}"
            assert not tile.text()[0].isdigit()
        else:
            assert tile.accessibleName() == f"Step {number[0]}: {step.title}"
            assert tile.text().startswith(f"{number[0]}")
