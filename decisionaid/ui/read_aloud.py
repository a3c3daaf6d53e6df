"""Read the current step out loud, where the computer has a speech engine.

QtTextToSpeech ships in PySide6-Addons (the optional `speech` extra). It is imported only after
the first window has painted; without the module or an engine the Listen control stays hidden
and nothing is reported to the reader.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

log = logging.getLogger(__name__)

ENGINE_ENV = "DECISIONAID_SPEECH_ENGINE"  # "none" switches read-aloud off; a name forces it
PROBE_DELAY_MS = 400

# QTextToSpeech rate runs from -1 (slowest) to 1 (fastest). People who read with difficulty
# often want it slower than a voice's default, so "normal" is slightly slowed.
RATES: tuple[tuple[str, float], ...] = (("slow", -0.45), ("normal", -0.15), ("fast", 0.2))
DEFAULT_RATE = 1

# On Linux an engine plug-in is only worth loading when its library is installed; loading a
# plug-in whose library is missing prints an error on every start.
_LINUX_ENGINE_LIBS = {"speechd": "speechd", "flite": "flite"}


def _wanted_engines(available: list[str]) -> list[str]:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return [] if forced == "none" else [forced]
    engines = [e for e in available if e != "mock"]  # the mock engine is for tests only
    if sys.platform.startswith("linux"):
        import ctypes.util  # here, after the first paint (see the start-up list)

        engines = [e for e in engines if ctypes.util.find_library(_LINUX_ENGINE_LIBS.get(e, e))]
    return engines


def _linux_engine_may_exist() -> bool:
    forced = os.environ.get(ENGINE_ENV, "").strip()
    if forced:
        return forced != "none"
    if not sys.platform.startswith("linux"):
        return True
    import ctypes.util

    return any(ctypes.util.find_library(lib) for lib in _LINUX_ENGINE_LIBS.values())


class ReadAloud(QObject):
    """Speaks text with the first working engine; one utterance at a time."""

    speakingChanged = Signal(bool)
    availabilityChanged = Signal(bool)
    rateChanged = Signal(int)

    def __init__(self, locale: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locale = locale
        self._tts: Any = None
        self._probed = False
        self._speaking = False
        self.rate_index = DEFAULT_RATE

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
        """Find a working engine once. Never raises: no engine simply means no Listen control."""
        if self._probed:
            return self.available
        self._probed = True
        if not _linux_engine_may_exist():
            return False
        try:
            self._tts = self._create_engine()
        except Exception:  # a broken speech install must not disturb the reader
            log.info("read-aloud unavailable", exc_info=True)
            self._tts = None
        if self._tts is not None:
            self.availabilityChanged.emit(True)
        return self.available

    def _create_engine(self) -> Any:
        from PySide6.QtCore import QLoggingCategory

        # Qt Multimedia reports, as warnings, every audio back-end it does not find; speech
        # works without them.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return None
        for name in _wanted_engines(list(QTextToSpeech.availableEngines())):
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
