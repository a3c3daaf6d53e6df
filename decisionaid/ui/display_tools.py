"""The reader's display controls beside the text size: high contrast and read-aloud.

Their state lives in the session (high contrast) or dies with it (speech stops on reset), so
"Start over" and the kiosk's idle reset put everything back without knowing about them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from decisionaid.ui.controls import make_button
from decisionaid.ui.read_aloud import DEFAULT_RATE, RATES, ReadAloud
from decisionaid.ui.theme import HIGH_CONTRAST, STANDARD

if TYPE_CHECKING:
    from decisionaid.ui.flow_layout import FlowLayout
    from decisionaid.ui.main_window import MainWindow


CHECK_MARK = "✓ "
READING_ALOUD = "reading aloud"


def show_checked_in_text(button: QPushButton) -> None:
    """A pressed toggle shows a tick as well as its colour, so its state never rests on colour."""
    base = button.text().removeprefix(CHECK_MARK)

    def update(on: bool) -> None:
        button.setText(CHECK_MARK + base if on else base)

    button.toggled.connect(update)
    update(button.isChecked())


class DisplayTools(QObject):
    def __init__(self, window: MainWindow, row: FlowLayout) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.base_theme = window.theme if window.theme is not HIGH_CONTRAST else STANDARD

        self.contrast_button = make_button(
            "High contrast", "highContrast", tip="light text on a black background"
        )
        self.contrast_button.setCheckable(True)
        show_checked_in_text(self.contrast_button)
        show_checked_in_text(window.contents_button)
        self.contrast_button.clicked.connect(self.session.set_high_contrast)
        row.addWidget(self.contrast_button)

        self.read_aloud = ReadAloud(
            window.guide.locale, self, private_daemon=window.policy.private_speech
        )
        self.listen_button = make_button("Listen", "listenButton", tip="read this step out loud")
        self.listen_button.clicked.connect(self.toggle_listen)
        self.rate_button = make_button("", "speechRate")
        self.rate_button.clicked.connect(self.read_aloud.cycle_rate)
        for b in (self.listen_button, self.rate_button):
            b.hide()  # shown once a speech engine answers
            row.addWidget(b)
        self._show_rate(self.read_aloud.rate_index)
        # Added after the window was built: put them in reading order, before "Get help now".
        previous = window.larger_button
        for b in (self.contrast_button, self.listen_button, self.rate_button):
            QWidget.setTabOrder(previous, b)
            previous = b
        self.read_aloud.availabilityChanged.connect(self._on_available)
        self.read_aloud.speakingChanged.connect(self._show_speaking)
        self.read_aloud.speakingChanged.connect(self._hold_idle_timer)
        self.read_aloud.rateChanged.connect(self._show_rate)
        window.stepChanged.connect(lambda _index: self.read_aloud.stop())
        window.firstPaint.connect(self.read_aloud.probe_later)
        window.signals.changed.connect(self._on_session_changed)
        self.counsellor = None
        policy = window.policy
        if policy.step_index or policy.presenter_view or policy.step_handouts:
            from decisionaid.ui.counsellor.toolbar import CounsellorTools

            self.counsellor = CounsellorTools(window)

    # -- high contrast ---------------------------------------------------------------------

    def _on_session_changed(self, what: str) -> None:
        if what == "reset":
            self.read_aloud.stop()
            self.read_aloud.set_rate(DEFAULT_RATE)
        if what in ("reset", "high_contrast"):
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
        b.setText("Stop reading" if speaking else "Listen")
        b.setAccessibleName(
            "Stop reading out loud" if speaking else "Listen: read this step out loud"
        )

    def _hold_idle_timer(self, speaking: bool) -> None:
        # Someone listening is not idle; the kiosk must not wipe the screen mid-sentence.
        controller = self.window.findChild(QObject, "kioskController")
        watcher = getattr(controller, "watcher", None)
        if watcher is not None:
            (watcher.pause if speaking else watcher.resume)(READING_ALOUD)

    def _show_rate(self, index: int) -> None:
        word = RATES[index][0]
        self.rate_button.setText(f"Speed: {word}")
        self.rate_button.setAccessibleName(f"Reading speed: {word}. Press to change it")
        self.rate_button.setToolTip("change how fast the step is read out loud")
