"""Read the current step out loud, where the computer has a speech engine.

QtTextToSpeech ships in PySide6-Addons (the optional `speech` extra). It is imported only after
the first window has painted; without the module or an engine the Listen control stays hidden
and nothing is reported to the reader. Where the policy asks for it (a kiosk), the speech
engine's daemon is the app's own (speech_daemon.py), so speaking writes nothing to disk and
leaves nothing running.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

if TYPE_CHECKING:
    from decisionaid.ui.speech_daemon import PrivateSpeechDaemon

log = logging.getLogger(__name__)

ENGINE_ENV = "DECISIONAID_SPEECH_ENGINE"  # "none" switches read-aloud off; a name forces it
PROBE_DELAY_MS = 400

# QTextToSpeech rate runs from -1 (slowest) to 1 (fastest). People who read with difficulty
# often want it slower than a voice's default, so "normal" is slightly slowed.
RATES: tuple[tuple[str, float], ...] = (("slow", -0.45), ("normal", -0.15), ("fast", 0.2))
DEFAULT_RATE = 1

# On Linux an engine plug-in is only worth loading when its library is installed; loading a
# plug-in whose library is missing prints an error on every start.
_LINUX_ENGINE_LIBS = {"speechd": ("libspeechd.so.2",), "flite": ("libflite.so.1",)}
# How often, and for how long, to look for a private speech daemon's socket after starting it.
DAEMON_POLL_MS = 50
DAEMON_START_SECONDS = 20.0


def _library_loads(names: tuple[str, ...]) -> bool:
    """Whether the dynamic loader finds one of these libraries. Loading one is the lookup the
    engine plug-in makes itself, and starts no program: ctypes.util.find_library runs
    ldconfig, and gcc and ld when that finds nothing, which write temporary files."""
    import ctypes  # here, not at the top: it costs start-up time and runs after paint

    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


def _wanted_engines(available: list[str], *, speechd: bool = True) -> list[str]:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return [] if forced == "none" else [forced]
    engines = [e for e in available if e != "mock"]  # the mock engine is for tests only
    if not speechd:
        engines = [e for e in engines if e != "speechd"]
    if sys.platform.startswith("linux"):
        engines = [
            e
            for e in engines
            if e not in _LINUX_ENGINE_LIBS or _library_loads(_LINUX_ENGINE_LIBS[e])
        ]
    return engines


def _linux_engine_may_exist() -> bool:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return forced != "none"
    if not sys.platform.startswith("linux"):
        return True
    return any(_library_loads(libs) for libs in _LINUX_ENGINE_LIBS.values())


def _may_use_speechd() -> bool:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return forced == "speechd"
    return sys.platform.startswith("linux") and _library_loads(_LINUX_ENGINE_LIBS["speechd"])


class ReadAloud(QObject):
    """Speaks text with the first working engine; one utterance at a time."""

    speakingChanged = Signal(bool)
    availabilityChanged = Signal(bool)
    rateChanged = Signal(int)

    def __init__(
        self, locale: str = "en", parent: QObject | None = None, *, private_daemon: bool = False
    ) -> None:
        super().__init__(parent)
        self.locale = locale
        self._tts: Any = None
        self._probed = False
        self._speaking = False
        self.rate_index = DEFAULT_RATE
        self.private_daemon = private_daemon
        self.daemon: PrivateSpeechDaemon | None = None
        self._daemon_deadline = 0.0

    # -- engine ----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self._tts is not None

    @property
    def engine_name(self) -> str:
        return str(self._tts.engine()) if self._tts is not None else ""

    def probe_later(self) -> None:
        QTimer.singleShot(PROBE_DELAY_MS, self.probe)

    def probe(self) -> bool:
        """Find a working engine once. Never raises: no engine simply means no Listen control.

        With a private daemon to start, the engine is made once the daemon listens (polled,
        so the screen never waits on it); `_probed` is set when the probe is over either way.
        """
        if self._probed or self.daemon is not None:
            return self.available
        if not _linux_engine_may_exist():
            self._finish(None)
            return False
        if self.private_daemon and _may_use_speechd():
            from decisionaid.ui.speech_daemon import PrivateSpeechDaemon

            daemon = PrivateSpeechDaemon()
            if daemon.start():
                self.daemon = daemon
                _stop_with_app(daemon, self)
                self._daemon_deadline = time.monotonic() + DAEMON_START_SECONDS
                QTimer.singleShot(DAEMON_POLL_MS, self._wait_for_daemon)
                return False
        self._finish(self._try_engine())
        return self.available

    def _wait_for_daemon(self) -> None:
        daemon = self.daemon
        assert daemon is not None
        if not (daemon.ready or daemon.failed or time.monotonic() > self._daemon_deadline):
            QTimer.singleShot(DAEMON_POLL_MS, self._wait_for_daemon)
            return
        if not daemon.ready:
            log.info("read-aloud: the private speech-dispatcher did not start")
            daemon.stop()
        self._finish(self._try_engine())

    def _try_engine(self) -> Any:
        try:
            return self._create_engine()
        except Exception:  # a broken speech install must not disturb the reader
            log.info("read-aloud unavailable", exc_info=True)
            return None

    def _finish(self, tts: Any) -> None:
        self._tts = tts
        self._probed = True
        if tts is not None:
            self.availabilityChanged.emit(True)

    def _create_engine(self) -> Any:
        from PySide6.QtCore import QLoggingCategory

        # Qt Multimedia reports, as warnings, every audio back-end it does not find; speech
        # works without them.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return None
        # Without its private daemon running, a kiosk must not let libspeechd start the
        # shared one, which writes logs and stays behind.
        speechd = not self.private_daemon or (self.daemon is not None and self.daemon.ready)
        for name in _wanted_engines(list(QTextToSpeech.availableEngines()), speechd=speechd):
            tts = QTextToSpeech(name, self)
            if tts.state() == QTextToSpeech.State.Error:
                tts.deleteLater()
                continue
            self._choose_voice(tts)
            tts.setRate(RATES[self.rate_index][1])
            tts.stateChanged.connect(self._on_state)
            return tts
        return None

    def _choose_voice(self, tts: Any) -> None:
        wanted = QLocale(self.locale)
        for loc in tts.availableLocales():
            if loc.language() == wanted.language():
                tts.setLocale(loc)
                return

    # -- speaking --------------------------------------------------------------------------

    @property
    def speaking(self) -> bool:
        return self._speaking

    def speak(self, text: str) -> None:
        if self._tts is None or not text.strip():
            return
        self._tts.stop()
        self._tts.say(text)
        # Some engines report "speaking" late; the reader pressed Listen, so say so now.
        self._set_speaking(True)

    def stop(self) -> None:
        if self._tts is not None and self._speaking:
            self._tts.stop()
        self._set_speaking(False)

    def set_rate(self, index: int) -> None:
        index = max(0, min(len(RATES) - 1, index))
        if index != self.rate_index:
            self.rate_index = index
            if self._tts is not None:
                self._tts.setRate(RATES[index][1])
            self.rateChanged.emit(index)

    def cycle_rate(self) -> None:
        self.set_rate((self.rate_index + 1) % len(RATES))

    def _on_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        busy = state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        self._set_speaking(busy)

    def _set_speaking(self, on: bool) -> None:
        if on != self._speaking:
            self._speaking = on
            self.speakingChanged.emit(on)

    def shutdown(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.stop()
        if self.daemon is not None:
            self.daemon.stop()


def _stop_with_app(daemon: PrivateSpeechDaemon, owner: QObject) -> None:
    """Stop the daemon when the app quits or the read-aloud object goes, whichever is first
    (the connections hold the daemon, not the QObject, which may be gone by then)."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(daemon.stop)
    owner.destroyed.connect(daemon.stop)
