"""Read aloud: the Listen control, its speed, and speech stopping when the reader moves on."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from tests.helpers import FIXTURE_CONTENT, display_tools, make_window


def _has_speech_module() -> bool:
    try:
        import PySide6.QtTextToSpeech  # noqa: F401
    except ImportError:
        return False
    return True


needs_speech = pytest.mark.skipif(
    not _has_speech_module(),
    reason="QtTextToSpeech is not installed (pip install -e '.[speech]')",
)


def _probed(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: display_tools(window).read_aloud._probed, timeout=5000)


def test_listen_is_hidden_without_a_speech_engine(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    w = make_window(qtbot, FIXTURE_CONTENT)
    _probed(qtbot, w)
    assert not display_tools(w).listen_button.isVisible()
    assert not display_tools(w).rate_button.isVisibleTo(w.display_menu)


def test_listen_is_hidden_when_the_speech_module_is_missing(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import now fails
    w = make_window(qtbot, FIXTURE_CONTENT)
    _probed(qtbot, w)
    assert not display_tools(w).read_aloud.available
    assert not display_tools(w).listen_button.isVisible()


@needs_speech
def test_listen_reads_the_step_and_stops_when_the_reader_moves_on(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, FIXTURE_CONTENT)
    tools = display_tools(w)
    qtbot.waitUntil(tools.listen_button.isVisible, timeout=5000)
    assert tools.read_aloud.engine_name == "mock"
    assert "Welcome" in tools.text_to_read()
    with qtbot.waitSignal(tools.read_aloud.speakingChanged) as started:
        qtbot.mouseClick(tools.listen_button, Qt.MouseButton.LeftButton)
    assert started.args == [True]
    assert tools.listen_button.text() == "Stop reading"
    with qtbot.waitSignal(tools.read_aloud.speakingChanged) as stopped:
        qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert stopped.args == [False]
    assert tools.listen_button.text() == "Listen"


@needs_speech
def test_stop_reading_button_and_start_over_both_stop_speech(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, FIXTURE_CONTENT)
    tools = display_tools(w)
    qtbot.waitUntil(tools.listen_button.isVisible, timeout=5000)
    qtbot.mouseClick(tools.listen_button, Qt.MouseButton.LeftButton)
    assert tools.read_aloud.speaking
    qtbot.mouseClick(tools.listen_button, Qt.MouseButton.LeftButton)
    assert not tools.read_aloud.speaking
    qtbot.mouseClick(tools.listen_button, Qt.MouseButton.LeftButton)
    assert tools.read_aloud.speaking
    with qtbot.waitSignal(w.sessionReset):
        w.start_over()
    assert not tools.read_aloud.speaking
    assert tools.listen_button.text() == "Listen"


@needs_speech
def test_speed_control_changes_the_voice_rate(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, FIXTURE_CONTENT)
    tools = display_tools(w)
    qtbot.waitUntil(tools.listen_button.isVisible, timeout=5000)
    # The reading speed is in the Display menu, with the other ways to change the display.
    qtbot.mouseClick(w.display_button, Qt.MouseButton.LeftButton)
    assert tools.rate_button.isVisible()
    assert tools.rate_button.text() == "Speed: normal"
    rate_before = tools.read_aloud._tts.rate()
    qtbot.mouseClick(tools.rate_button, Qt.MouseButton.LeftButton)
    assert tools.rate_button.text() == "Speed: fast"
    qtbot.waitUntil(lambda: tools.read_aloud._tts.rate() > rate_before)  # the speech thread
    qtbot.mouseClick(tools.rate_button, Qt.MouseButton.LeftButton)
    assert tools.rate_button.text() == "Speed: slow"
    qtbot.waitUntil(lambda: tools.read_aloud._tts.rate() < rate_before)
    assert "slow" in tools.rate_button.accessibleName()


@needs_speech
def test_help_panel_is_read_when_it_is_open(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.toggle_help()
    text = display_tools(w).text_to_read()
    assert "988" in text and "<b>" not in text


@needs_speech
def test_speaking_holds_off_the_kiosk_idle_timer(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, content_dir("en"), Mode.KIOSK)
    from decisionaid.ui.kiosk.controller import KioskController

    controller = w.findChild(KioskController)
    tools = display_tools(w)
    qtbot.waitUntil(tools.listen_button.isVisible, timeout=5000)
    tools.read_aloud.speak("Testing one two three.")
    assert controller.watcher.held  # the longer quiet time of a busy reader, not for ever
    tools.read_aloud.stop()
    assert not controller.watcher.held
    # The speech thread answers the stop (the watchdog waits for that answer) before the end.
    qtbot.waitUntil(lambda: not tools.read_aloud.awaiting_engine, timeout=10000)
