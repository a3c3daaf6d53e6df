""" "Are you still there?": the warning before an idle kiosk clears itself.

WCAG 2.2.1 asks for at least 20 seconds and a simple action to extend, as often as wanted; the
European Accessibility Act asks for the warning through more than one sense. So: a large button,
a visible countdown, a screen-reader announcement and a soft sound. A tap anywhere on the warning
counts as "I'm still here", because a reader coming back may not aim for the button.

The header stays above it, so "Get help now" is in its usual place here too. When the warning
comes over an open help panel (someone may have walked away to make a call) it keeps the crisis
lines on screen and says so, calmly.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from decisionaid.core.guide import CrisisInfo
from decisionaid.core.i18n import N_, _, ngettext
from decisionaid.ui.announce import announce
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.kiosk.screens import KioskScreen

BODY = N_(
    "Nobody has touched the screen for a while. To keep things private, we will clear "
    "this screen for the next person."
)
BODY_OVER_HELP = N_(
    "The help numbers are below. Nobody has touched the screen for a while, so to keep "
    "things private we will clear it for the next person. The numbers will still be under "
    "“Get help now” at the top."
)

# Seconds left at which the screen reader hears the countdown again; not every second.
ANNOUNCE_AT = (10,)


class IdleWarning(KioskScreen):
    extended = Signal()
    startOverRequested = Signal()
    expired = Signal()

    def __init__(
        self, crisis: tuple[CrisisInfo, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("idleWarning", keeps_header=True, parent=parent)
        self.setAccessibleName(_("Are you still there?"))
        self.heading = QLabel(_("Are you still there?"))
        self.heading.setObjectName("kioskHeading")
        self.heading.setWordWrap(True)
        self.body = make_label(_(BODY))
        self.countdown = QLabel()
        self.countdown.setObjectName("kioskCountdown")
        self.countdown.setWordWrap(True)
        self.still_here = make_button(_("I'm still here"), "stillHere", primary=True)
        self.still_here.setAccessibleName(_("I'm still here: keep going where you were"))
        self.still_here.setProperty("kioskSize", "large")
        self.start_over = make_button(_("Start over now"), "startOverNow")
        self.start_over.setAccessibleName(_("Start over now: clear everything"))
        self.start_over.setProperty("kioskSize", "large")
        self.still_here.clicked.connect(self.extend)
        self.start_over.clicked.connect(self._start_over)
        # One above the other: side by side they would not fit at 200% text.
        self.actions_layout.addWidget(self.still_here)
        self.actions_layout.addWidget(self.start_over)
        for w in (self.heading, self.body, self.countdown):
            self.card_layout.addWidget(w)
        self._crisis = crisis
        self.crisis_lines: QWidget | None = None  # made the first time help was open
        self.over_help = False
        self.remaining = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def start(self, seconds: int, *, over_help: bool = False) -> None:
        """Begin the countdown; the caller shows the screen. `over_help`: the help panel was
        open, so its crisis lines stay on screen here."""
        self.over_help = over_help and self._crisis is not None
        if self.over_help and self.crisis_lines is None and self._crisis is not None:
            from decisionaid.ui.help_panel import CrisisLines

            # Without the lines' own introduction: the words above already say what they are.
            self.crisis_lines = CrisisLines(*self._crisis, parent=self.card, intro=False)
            self.card_layout.addWidget(self.crisis_lines)
        if self.crisis_lines is not None:
            self.crisis_lines.setVisible(self.over_help)
        self.body.setText(_(BODY_OVER_HELP) if self.over_help else _(BODY))
        self.remaining = max(1, seconds)
        self._update_text()
        self._tick.start()
        self.still_here.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.beep()  # a soft system sound where the platform has one
        numbers = " " + _("The help numbers are still on the screen.") if self.over_help else ""
        said = ngettext(
            "Are you still there? The screen will clear in {n} second.",
            "Are you still there? The screen will clear in {n} seconds.",
            self.remaining,
        ).format(n=self.remaining)
        announce(
            self, f"{said}{numbers} " + _("Choose I'm still here to keep going."), assertive=True
        )

    def stop(self) -> None:
        self._tick.stop()

    def extend(self) -> None:
        if self.running:
            self.stop()
            self.extended.emit()

    def _start_over(self) -> None:
        self.stop()
        self.startOverRequested.emit()

    def _on_tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.stop()
            self.expired.emit()
            return
        self._update_text()
        if self.remaining in ANNOUNCE_AT:
            said = ngettext(
                "The screen will clear in {n} second.",
                "The screen will clear in {n} seconds.",
                self.remaining,
            ).format(n=self.remaining)
            announce(self, said, assertive=True)

    def _update_text(self) -> None:
        text = ngettext("Clearing in {n} second", "Clearing in {n} seconds", self.remaining).format(
            n=self.remaining
        )
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap on the background means "I'm still here"; buttons handle their own taps.
        self.extend()
        event.accept()
