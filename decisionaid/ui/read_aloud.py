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
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from decisionaid.ui.speech_engine_choice import (
    linux_engine_may_exist,
    may_use_speechd,
    wanted_engines,
)
from decisionaid.ui.speech_thread import stop_with_app

if TYPE_CHECKING:
    from PySide6.QtCore import QThread

    from decisionaid.ui.speech_daemon import PrivateSpeechDaemon
    from decisionaid.ui.speech_engine import SpeechEngine

log = logging.getLogger(__name__)

PROBE_DELAY_MS = 400

# QTextToSpeech rate runs from -1 (slowest) to 1 (fastest). People who read with difficulty
# often want it slower than a voice's default, so "normal" is slightly slowed.
RATES: tuple[tuple[str, float], ...] = (("slow", -0.45), ("normal", -0.15), ("fast", 0.2))
DEFAULT_RATE = 1

# How often, and for how long, to look for a private speech daemon's socket after starting it.
DAEMON_POLL_MS = 50
DAEMON_START_SECONDS = 20.0
# An engine that has not answered a command in this time is stuck. A working one answers in
# milliseconds (saying is queued, not waited for); making one took under a second here.
ANSWER_TIMEOUT_MS = 10_000
# Making the engine waits for speech-dispatcher to start its voice modules: seconds on a slow
# machine.
CREATE_TIMEOUT_MS = 30_000


class ReadAloud(QObject):
    """Speaks text with the first working engine; one utterance at a time.

    The engine runs on a thread of its own (speech_engine.py). Every command it is sent must be
    answered within ANSWER_TIMEOUT_MS; an engine that does not answer is stuck, so read aloud
    is switched off (the Listen control hides) and a private daemon is stopped, which frees
    the engine's thread.
    """

    speakingChanged = Signal(bool)
    availabilityChanged = Signal(bool)
    rateChanged = Signal(int)

    # Queued to the speech thread: the engine's own slots, then an acknowledgement.
    _make = Signal(str)
    _configure = Signal(float)
    _say = Signal(str)
    _stop = Signal()
    _rate = Signal(float)
    _ack = Signal(int)

    def __init__(
        self, locale: str = "en", parent: QObject | None = None, *, private_daemon: bool = False
    ) -> None:
        super().__init__(parent)
        self.locale = locale
        self._engine: SpeechEngine | None = None
        self._thread: QThread | None = None
        self._engine_name = ""
        self._probed = False
        self._speaking = False
        self._stuck = False
        self.rate_index = DEFAULT_RATE
        self.private_daemon = private_daemon
        self.daemon: PrivateSpeechDaemon | None = None
        self._daemon_deadline = 0.0
        self._serial = 0
        self._awaited = 0  # the last command sent, until the engine answers it
        self._next_step: Callable[[], None] | None = None  # while making the engine
        self._candidates: list[str] = []
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._engine_stuck)

    # -- engine ----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return bool(self._engine_name) and not self._stuck

    @property
    def awaiting_engine(self) -> bool:
        """Whether a command sent to the speech thread has not been answered yet."""
        return self._watchdog.isActive()

    @property
    def engine_name(self) -> str:
        return self._engine_name if self.available else ""

    @property
    def _tts(self) -> Any:
        """The engine's QTextToSpeech (it lives on the speech thread), for tests."""
        return self._engine.tts if self._engine is not None else None

    def probe_later(self) -> None:
        QTimer.singleShot(PROBE_DELAY_MS, self.probe)

    def probe(self) -> bool:
        """Find a working engine once. Never raises: no engine simply means no Listen control.

        Nothing here waits: a private daemon is polled until it listens, and the engine is
        made on its own thread; `_probed` is set when the probe is over either way.
        """
        if self._probed or self.daemon is not None or self._engine is not None:
            return self.available
        if not linux_engine_may_exist():
            self._finish("")
            return False
        if self.private_daemon and may_use_speechd():
            from decisionaid.ui.speech_daemon import PrivateSpeechDaemon

            daemon = PrivateSpeechDaemon()
            if daemon.start():
                self.daemon = daemon
                self._daemon_deadline = time.monotonic() + DAEMON_START_SECONDS
                QTimer.singleShot(DAEMON_POLL_MS, self._wait_for_daemon)
                return False
        self._start_engine()
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
        self._start_engine()

    def _start_engine(self) -> None:
        try:
            engines = self._engines()
        except Exception:  # a broken speech install must not disturb the reader
            log.info("read-aloud unavailable", exc_info=True)
            engines = []
        if not engines:
            self._finish("")
            return
        from PySide6.QtCore import QThread

        from decisionaid.ui.speech_engine import SpeechEngine

        thread = QThread()
        thread.setObjectName("speech")
        engine = SpeechEngine(self.locale)
        engine.moveToThread(thread)
        thread.finished.connect(engine.deleteLater)
        engine.made.connect(self._try_next_engine)
        engine.answered.connect(self._on_answered)
        self._make.connect(engine.make)
        self._configure.connect(engine.configure)
        self._ack.connect(engine.ack)
        self._engine = engine
        self._thread = thread
        self._candidates = engines
        stop_with_app(thread, self.daemon, self)  # the engine goes with thread.finished
        thread.start()
        self._watchdog.start(CREATE_TIMEOUT_MS)  # making the engine must be answered too
        self._make.emit(engines[0])

    def _try_next_engine(self) -> None:
        """Set the next wanted engine on the speech thread, in C++ (see speech_engine.py)."""
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt

        tts = self._tts
        if self._stuck:
            return
        if tts is None or not self._candidates:
            self._watchdog.stop()
            self._finish("")
            return
        name = self._candidates.pop(0)
        QMetaObject.invokeMethod(
            tts, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, name)
        )
        self._then(lambda: self._on_engine_set(name))

    def _on_engine_set(self, name: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        if tts is None or tts.engine() != name or tts.state() == QTextToSpeech.State.Error:
            self._try_next_engine()
            return
        self._configure.emit(RATES[self.rate_index][1])
        self._then(lambda: self._on_configured(name))

    def _on_configured(self, name: str) -> None:
        tts = self._tts
        self._watchdog.stop()
        self._say.connect(tts.say)
        self._stop.connect(tts.stop)
        self._rate.connect(tts.setRate)
        tts.stateChanged.connect(self._on_tts_state)
        self._finish(name)

    def _then(self, step: Callable[[], None]) -> None:
        """Ask the speech thread to answer once it has done what was queued, then go on."""
        self._serial += 1
        self._awaited = self._serial
        self._next_step = step
        self._ack.emit(self._serial)

    def _engines(self) -> list[str]:
        from PySide6.QtCore import QLoggingCategory

        # Qt Multimedia reports, as warnings, every audio back-end it does not find; speech
        # works without them.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return []
        # Without its private daemon running, a kiosk must not let libspeechd start the
        # shared one, which writes logs and stays behind.
        speechd = not self.private_daemon or (self.daemon is not None and self.daemon.ready)
        return wanted_engines(list(QTextToSpeech.availableEngines()), speechd=speechd)

    def _finish(self, name: str) -> None:
        self._engine_name = name
        self._probed = True
        if name:
            self.availabilityChanged.emit(True)

    def _send(self, *commands: tuple[Any, tuple[object, ...]]) -> None:
        """Queue commands to the engine, then an acknowledgement that must come back."""
        if not self.available:  # not made yet (it takes the speed when it is) or stuck
            return
        for signal, args in commands:
            signal.emit(*args)
        self._serial += 1
        self._awaited = self._serial
        if not self._watchdog.isActive():
            self._watchdog.start(ANSWER_TIMEOUT_MS)
        self._ack.emit(self._serial)

    def _on_answered(self, serial: int) -> None:
        if serial != self._awaited or self._stuck:
            return
        step, self._next_step = self._next_step, None
        if step is not None:
            step()  # making the engine goes on; its own watchdog still runs
        else:
            self._watchdog.stop()

    def _engine_stuck(self) -> None:
        """The engine did not answer in time: it is stuck. Read aloud goes off until the app
        starts again. The engine, its thread and its daemon are left as they are: freeing the
        thread by killing the daemon would let the stuck call go on into a dead connection,
        which crashes libspeechd. The daemon dies with the app (see speech_daemon.py)."""
        log.warning(
            "read-aloud: the speech engine stopped answering; read aloud is off until the app "
            "is restarted"
        )
        self._stuck = True
        was_available = bool(self._engine_name)
        self._probed = True
        self._set_speaking(False)
        self._abandon_engine()
        if self.daemon is not None:
            self.daemon.stop(stuck=True)
        if was_available:
            self.availabilityChanged.emit(False)

    def _abandon_engine(self) -> None:
        """Never touch a stuck engine again: once its daemon is gone, each call into it
        (a command still queued, even deleting it) would crash inside libspeechd. Commands
        not yet taken are dropped, and the engine is left to the process's end."""
        from PySide6.QtCore import QCoreApplication

        for signal in (self._say, self._stop, self._rate, self._ack, self._configure):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()
        tts = self._tts
        if tts is not None:
            QCoreApplication.removePostedEvents(tts)
        if self._engine is not None and self._thread is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._thread.finished.disconnect(self._engine.deleteLater)
            _abandoned.append(self._engine)

    # -- speaking --------------------------------------------------------------------------

    @property
    def speaking(self) -> bool:
        return self._speaking

    def speak(self, text: str) -> None:
        if not self.available or not text.strip():
            return
        self._send((self._stop, ()), (self._say, (text,)))
        # Some engines report "speaking" late; the reader pressed Listen, so say so now.
        self._set_speaking(True)

    def stop(self) -> None:
        if self.available and self._speaking:
            self._send((self._stop, ()))
        self._set_speaking(False)

    def set_rate(self, index: int) -> None:
        index = max(0, min(len(RATES) - 1, index))
        if index != self.rate_index:
            self.rate_index = index
            self._send((self._rate, (RATES[index][1],)))
            self.rateChanged.emit(index)

    def cycle_rate(self) -> None:
        self.set_rate((self.rate_index + 1) % len(RATES))

    def _on_tts_state(self, _state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        if self._stuck or tts is None:
            return
        # The engine's state now, not the one reported: a late "ready" from the stop before
        # a new sentence must not end that sentence.
        busy = tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
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


# Engines that stopped answering: kept, never deleted, as deleting one would call into it.
_abandoned: list[QObject] = []
