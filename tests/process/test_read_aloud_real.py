"""Read aloud with a real engine, heard as a reader would hear it.

speech-dispatcher speaks through espeak-ng into a PulseAudio null sink of the test's own; the
test records the sink's monitor. Listen must put speech there (sound, for about as long as the
words take to say), Stop must silence it, and a kiosk reset must too. The kiosk's speech
daemon is its own: it writes nothing under HOME and is gone once the kiosk is.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from decisionaid.ui.kiosk.environment import prepare_kiosk_environment
from tests.helpers import display_tools
from tests.helpers.kiosk import make_kiosk
from tests.helpers.speech import NullSink, levels, skip_without_speech_stack

# Speech at the app's "normal" rate says a word in about a third of a second; sound (pauses
# between sentences aside) fills at least a tenth of a second a word, and all of it is said
# within a second and a half a word. Far apart, so a loaded machine does not make them flaky.
MIN_SOUND_SECONDS_PER_WORD = 0.1
MAX_SECONDS_PER_WORD = 1.5
SPEECH_TIMEOUT_MS = 90_000
# After Stop or a reset, what is still in the sound server's buffers may play for a moment.
SETTLE_MS = 500
LISTEN_FOR_SILENCE_MS = 2_000


@pytest.fixture
def sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    skip_without_speech_stack()
    with NullSink(tmp_path / "sound").running() as server:
        for name, value in server.env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("DECISIONAID_SPEECH_ENGINE", raising=False)
        # What `decisionaid --kiosk` sets before Qt starts, as it would.
        kiosk_env = dict(os.environ)
        prepare_kiosk_environment(kiosk_env)
        for name, value in kiosk_env.items():
            if os.environ.get(name) != value:
                monkeypatch.setenv(name, value)
        yield server


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _listen_ready(qtbot, tools) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tools.read_aloud._probed, timeout=20_000)
    assert tools.read_aloud.available, "the real speech engine did not start"
    assert tools.read_aloud.engine_name == "speechd"
    qtbot.waitUntil(tools.listen_button.isVisible, timeout=5_000)


def test_listen_speaks_the_step_and_stop_and_reset_silence_it(
    qtbot, sink: NullSink, tmp_path: Path, private_home: Path
) -> None:  # type: ignore[no-untyped-def]
    home_before = _files(private_home)
    window, kiosk = make_kiosk(qtbot)
    kiosk.start_reading()
    tools = display_tools(window)
    _listen_ready(qtbot, tools)
    daemon = tools.read_aloud.daemon
    assert daemon is not None and daemon.ready  # the kiosk's own, not the shared one

    words = len(tools.text_to_read().split())
    whole = tmp_path / "whole-step.raw"
    with sink.recording(whole):
        with qtbot.waitSignal(tools.read_aloud.speakingChanged, timeout=10_000):
            qtbot.mouseClick(tools.listen_button, Qt.MouseButton.LeftButton)
        assert tools.listen_button.text() == "Stop reading"
        qtbot.waitUntil(lambda: not tools.read_aloud.speaking, timeout=SPEECH_TIMEOUT_MS)
        qtbot.wait(SETTLE_MS)
    seconds, sound, peak = levels(whole)
    print(f"step of {words} words: recorded {seconds:.1f} s, sound {sound:.1f} s, peak {peak:.0f}")
    assert peak > 1_000, "the recording is silent"
    assert sound >= words * MIN_SOUND_SECONDS_PER_WORD, (words, sound)
    assert sound <= words * MAX_SECONDS_PER_WORD, (words, sound)

    for stop in ("Stop reading", "reset"):
        with qtbot.waitSignal(tools.read_aloud.speakingChanged, timeout=10_000):
            qtbot.mouseClick(tools.listen_button, Qt.MouseButton.LeftButton)
        speaking = tmp_path / f"before-{stop}.raw"
        with sink.recording(speaking):
            qtbot.wait(1_500)
        assert levels(speaking)[1] > 0.3, f"no speech to stop before {stop}"
        if stop == "reset":
            kiosk.full_reset()
        else:
            qtbot.mouseClick(tools.listen_button, Qt.MouseButton.LeftButton)
        assert not tools.read_aloud.speaking
        assert tools.listen_button.text() == "Listen"
        qtbot.wait(SETTLE_MS)
        after = tmp_path / f"after-{stop}.raw"
        with sink.recording(after):
            qtbot.wait(LISTEN_FOR_SILENCE_MS)
        seconds, sound, peak = levels(after)
        print(f"after {stop}: recorded {seconds:.1f} s, sound {sound:.2f} s, peak {peak:.0f}")
        assert sound < 0.1, f"still speaking after {stop}"
        if stop == "reset":
            assert kiosk.welcome.isVisible()
        kiosk.start_reading()

    process = daemon.process
    assert process is not None
    tools.read_aloud.shutdown()
    assert process.poll() is not None, "the kiosk's speech daemon outlived it"
    assert _files(private_home) == home_before, "the kiosk's speech left files behind"


def test_without_a_speech_engine_that_can_run_listen_stays_hidden(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # speech-dispatcher cannot be found: the kiosk starts no daemon and, rather than let
    # libspeechd start the shared one, shows no Listen control.
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DECISIONAID_SPEECH_ENGINE", raising=False)
    window, kiosk = make_kiosk(qtbot)
    kiosk.start_reading()
    tools = display_tools(window)
    qtbot.waitUntil(lambda: tools.read_aloud._probed, timeout=20_000)
    assert not tools.read_aloud.available
    assert not tools.listen_button.isVisible()
    assert "SPEECHD_ADDRESS" not in os.environ or tools.read_aloud.daemon is None
