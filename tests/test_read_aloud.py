"""Read aloud: the Listen control, its speed, and speech stopping when the reader moves on."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QObject, Qt

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from tests.conftest import FIXTURE_CONTENT
from tests.helpers import make_window


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
    qtbot.waitUntil(lambda: window.display_tools.read_aloud._probed, timeout=5000)


def test_listen_is_hidden_without_a_speech_engine(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    w = make_window(qtbot, FIXTURE_CONTENT)
    _probed(qtbot, w)
    assert not w.display_tools.listen_button.isVisible()
    assert not w.display_tools.rate_button.isVisible()


def test_listen_is_hidden_when_the_speech_module_is_missing(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import now fails
    w = make_window(qtbot, FIXTURE_CONTENT)
    _probed(qtbot, w)
    assert not w.display_tools.read_aloud.available
    assert not w.display_tools.listen_button.isVisible()


@needs_speech
def test_listen_reads_the_step_and_stops_when_the_reader_moves_on(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, FIXTURE_CONTENT)
    tools = w.display_tools
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
    tools = w.display_tools
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
    tools = w.display_tools
    qtbot.waitUntil(tools.rate_button.isVisible, timeout=5000)
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
    text = w.display_tools.text_to_read()
    assert "988" in text and "<b>" not in text


@needs_speech
def test_speaking_pauses_the_kiosk_idle_timer(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "mock")
    w = make_window(qtbot, content_dir("en"), Mode.KIOSK)
    controller = w.findChild(QObject, "kioskController")
    if controller is None or not hasattr(controller, "watcher"):
        pytest.skip("the kiosk controller is not installed in this build")
    tools = w.display_tools
    qtbot.waitUntil(tools.listen_button.isVisible, timeout=5000)
    tools.read_aloud.speak("Testing one two three.")
    assert controller.watcher.paused
    tools.read_aloud.stop()
    assert not controller.watcher.paused


def test_speech_module_is_not_loaded_before_the_first_window() -> None:
    code = (
        "import sys\n"
        "from decisionaid.cli import Options\n"
        "from decisionaid.app import build_parts, build_window, ensure_qapplication\n"
        "app = ensure_qapplication()\n"
        "w = build_window(build_parts(Options()))\n"
        "w.show(); app.processEvents()\n"
        "sys.exit(1 if 'PySide6.QtTextToSpeech' in sys.modules else 0)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DECISIONAID_SPEECH_ENGINE="mock")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
