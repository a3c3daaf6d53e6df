"""The reader's display controls: high contrast (in the Display menu) and read-aloud.

Their state lives in the session (high contrast) or dies with it (speech stops on reset), so
"Start over" and the kiosk's idle reset put everything back without knowing about them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from decisionaid.core.i18n import N_, _
from decisionaid.core.session import Change
from decisionaid.ui.controls import make_button, make_toggle
from decisionaid.ui.read_aloud import DEFAULT_RATE, RATES, ReadAloud
from decisionaid.ui.theme import HIGH_CONTRAST, STANDARD

if TYPE_CHECKING:
    from decisionaid.ui.main_window import MainWindow

READING_ALOUD = "reading aloud"


# The reading speeds' names (ui/read_aloud.py), as the Speed button says them.
RATE_WORDS = {"slow": N_("slow"), "normal": N_("normal"), "fast": N_("fast")}


class DisplayTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.base_theme = window.theme if window.theme is not HIGH_CONTRAST else STANDARD

        self.contrast_button = make_toggle(
            _("High contrast"), "highContrast", tip=_("light text on a black background")
        )
        self.contrast_button.clicked.connect(self.session.set_high_contrast)

        self.read_aloud = ReadAloud(
            window.guide.locale, self, private_daemon=window.policy.private_speech
        )
        self.listen_button = make_button(
            _("Listen"), "listenButton", tip=_("read this step out loud")
        )
        self.listen_button.clicked.connect(self.toggle_listen)
        self.rate_button = make_button("", "speechRate")
        self.rate_button.clicked.connect(self.read_aloud.cycle_rate)
        window.add_display_toggles(self.contrast_button, self.rate_button)
        window.add_header_tools(self.listen_button)
        for b in (self.listen_button, self.rate_button):
            b.hide()  # shown once a speech engine answers
        self._show_rate(self.read_aloud.rate_index)
        self.read_aloud.availabilityChanged.connect(self._on_available)
        self.read_aloud.speakingChanged.connect(self._show_speaking)
        # Someone listening is not idle; a kiosk must not wipe the screen mid-sentence.
        self.read_aloud.speakingChanged.connect(lambda on: window.hold_idle(READING_ALOUD, on))
        self.read_aloud.rateChanged.connect(self._show_rate)
        window.stepChanged.connect(lambda _index: self.read_aloud.stop())
        window.firstPaint.connect(self.read_aloud.probe_later)
        window.signals.changed.connect(self._on_session_changed)

    # -- high contrast ---------------------------------------------------------------------

    def _on_session_changed(self, what: Change) -> None:
        if what is Change.RESET:
            self.read_aloud.stop()
            self.read_aloud.set_rate(DEFAULT_RATE)
        if what in (Change.RESET, Change.HIGH_CONTRAST):
            on = self.session.state.high_contrast
            self.contrast_button.setChecked(on)
            wanted = HIGH_CONTRAST if on else self.base_theme
            if self.window.theme is not wanted:
                self.window.set_theme(wanted)

    # -- read aloud ------------------------------------------------------------------------

    def _on_available(self, available: bool) -> None:
        self.listen_button.setVisible(available)
        self.rate_button.setVisible(available)

    def toggle_listen(self) -> None:
        if self.read_aloud.speaking:
            self.read_aloud.stop()
        else:
            self.read_aloud.speak(self.text_to_read())

    def text_to_read(self) -> str:
        w = self.window
        if w.help_panel.isVisible():
            return w.help_panel.text_for_reading()
        widget = w.current_widget()
        return widget.text_for_reading() if widget is not None else ""

    def _show_speaking(self, speaking: bool) -> None:
        b = self.listen_button
        b.setText(_("Stop reading") if speaking else _("Listen"))
        b.setAccessibleName(
            _("Stop reading out loud") if speaking else _("Listen: read this step out loud")
        )

    def _show_rate(self, index: int) -> None:
        word = _(RATE_WORDS.get(RATES[index][0], RATES[index][0]))
        self.rate_button.setText(_("Speed: {speed}").format(speed=word))
        self.rate_button.setAccessibleName(
            _("Reading speed: {speed}. Press to change it").format(speed=word)
        )
        self.rate_button.setToolTip(_("change how fast the step is read out loud"))
