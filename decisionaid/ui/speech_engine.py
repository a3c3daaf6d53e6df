"""The speech engine's side of read aloud, run on a thread of its own.

Every call into QtTextToSpeech happens on this thread, never on the screen's: the speechd
engine waits for speech-dispatcher's answer to each command, and speech-dispatcher can stop
answering for good (with no working sound output, stopping a sentence it has just started
deadlocks it). Here that holds up only this thread; ReadAloud notices the missing answer and
switches read aloud off, and the screen never freezes.

Commands reach the engine's own C++ slots (say, stop, setRate) through queued connections, so
no Python runs on this thread while a command may block: Python holding its interpreter lock
here would freeze the screen's thread just the same. Only `create` and `ack` are Python, and
`ack` runs after a command has returned.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal, Slot

log = logging.getLogger("decisionaid.ui.read_aloud")


class SpeechEngine(QObject):
    """Lives on the speech thread; ReadAloud talks to it only through queued signals."""

    created = Signal(str)  # the engine's name, "" when there is none
    answered = Signal(int)  # the command with this number is done

    def __init__(self, locale: str, rate: float, engines: list[str]) -> None:
        super().__init__()
        self.locale = locale
        self.rate = rate
        self.engines = engines
        self.tts: Any = None

    @Slot()
    def create(self) -> None:
        name = ""
        try:
            self.tts = self._first_working_engine()
            name = str(self.tts.engine()) if self.tts is not None else ""
        except Exception:  # a broken speech install must not disturb the reader
            log.info("read-aloud unavailable", exc_info=True)
            self.tts = None
        self.created.emit(name)

    def _first_working_engine(self) -> Any:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return None
        for name in self.engines:
            tts = QTextToSpeech(name, self)
            if tts.state() == QTextToSpeech.State.Error:
                tts.deleteLater()
                continue
            self._choose_voice(tts)
            tts.setRate(self.rate)
            return tts
        return None

    def _choose_voice(self, tts: Any) -> None:
        wanted = QLocale(self.locale)
        for loc in tts.availableLocales():
            if loc.language() == wanted.language():
                tts.setLocale(loc)
                return

    @Slot(int)
    def ack(self, serial: int) -> None:
        """Queued after each command: it runs once the engine has taken the command."""
        self.answered.emit(serial)
