"""The speech engine's side of read aloud, run on a thread of its own.

Every call into QtTextToSpeech happens on this thread, never on the screen's: the speechd
engine waits for speech-dispatcher's answer to each command, and speech-dispatcher can stop
answering for good (with no working sound output, stopping a sentence it has just started
deadlocks it). Here that holds up only this thread; ReadAloud notices the missing answer and
switches read aloud off, and the screen never freezes.

Commands (setEngine, say, stop, setRate) reach the engine's own C++ methods through queued
calls, so no Python runs on this thread while one may block: Python holding its interpreter
lock here would freeze the screen's thread just the same (starting speech-dispatcher's voices
took 4 s of frozen screen that way). Only `make` (with an engine that starts at once),
`configure` (once the engine is up) and `ack` (after a command has returned) are Python.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal, Slot

log = logging.getLogger("decisionaid.ui.read_aloud")


class SpeechEngine(QObject):
    """Lives on the speech thread; ReadAloud talks to it only through queued calls."""

    made = Signal()
    answered = Signal(int)  # the command with this number is done

    def __init__(self, locale: str) -> None:
        super().__init__()
        self.locale = locale
        self.tts: Any = None

    @Slot(str)
    def make(self, first: str) -> None:
        """A QTextToSpeech with the mock engine, which starts at once and says nothing, where
        there is one (PySide6-Addons ships it, and the bundle keeps it); ReadAloud then sets the
        real engine through the queued, C++-only setEngine. Without it the object is made with
        the `first` wanted engine, in Python: that start may hold the screen for the seconds
        speech-dispatcher takes."""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            placeholder = "mock" if "mock" in QTextToSpeech.availableEngines() else first
            self.tts = QTextToSpeech(placeholder, self)
        except Exception:  # a broken speech install must not disturb the reader
            log.info("read-aloud unavailable", exc_info=True)
            self.tts = None
        self.made.emit()

    @Slot(float)
    def configure(self, rate: float) -> None:
        """The reader's language and speed, once the real engine is up."""
        if self.tts is None:
            return
        wanted = QLocale(self.locale)
        for loc in self.tts.availableLocales():
            if loc.language() == wanted.language():
                self.tts.setLocale(loc)
                break
        self.tts.setRate(rate)

    @Slot(int)
    def ack(self, serial: int) -> None:
        """Queued after each command: it runs once the engine has taken the command."""
        self.answered.emit(serial)
