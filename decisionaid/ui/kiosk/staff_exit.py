"""The staff way out: a hidden long press (long_press.py), then a touch PIN pad.

The pad is made after the first screen has painted (or when first needed, if sooner). The PIN
is checked by `StaffGate` against the salted hash in the configuration; too many wrong PINs lock
the gesture for a while. Configuration problems are
shown here too, because this is the one screen only staff reach.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.i18n import _, ngettext
from decisionaid.core.staff_gate import PinResult, StaffGate
from decisionaid.core.staff_pin import is_pin
from decisionaid.ui.announce import announce
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.kiosk.screens import KioskScreen

MAX_PIN_DIGITS = 12


class StaffPanel(KioskScreen):
    """PIN pad, then the staff choices. Emits `exitConfirmed` or `closed`."""

    exitConfirmed = Signal()
    closed = Signal()

    def __init__(self, gate: StaffGate, notices: list[str], parent: QWidget | None = None) -> None:
        super().__init__("staffPanel", keeps_header=False, parent=parent)
        self.gate = gate
        self.setAccessibleName(_("Staff only"))
        self._pin = ""
        heading = QLabel(_("Staff only"))
        heading.setObjectName("kioskHeading")
        self.card_layout.addWidget(heading)
        self.pad_page = self._build_pad()
        self.unavailable_page = self._build_unavailable()
        self.open_page = self._build_open()
        self._pages = (self.pad_page, self.unavailable_page, self.open_page)
        for page in self._pages:
            self.card_layout.addWidget(page)
        self.current_page: QWidget = self.pad_page
        self._show_page(self.pad_page)
        self.notices_box = self._build_notices(notices)
        self.card_layout.addWidget(self.notices_box)

    # -- construction ----------------------------------------------------------------------

    def _build_pad(self) -> QWidget:
        page = self.page()
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(make_label(_("Enter the staff PIN to leave the guide.")))
        self.pin_display = QLabel()
        self.pin_display.setObjectName("pinDisplay")
        self.pin_display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = make_label("", "kioskMessage")
        grid = QGridLayout()
        grid.setSpacing(12)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._digit_button(digit), index // 3, index % 3)
        self.delete_button = self._pad_button(_("Delete"), "pinDelete", _("delete the last digit"))
        self.delete_button.clicked.connect(self.delete_digit)
        self.ok_button = self._pad_button(_("OK"), "pinOk", _("check the PIN"), primary=True)
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self._digit_button("0"), 3, 1)
        grid.addWidget(self.ok_button, 3, 2)
        # Enter on a keyboard checks the PIN, whichever pad key has the focus: otherwise the
        # focused key would take it as a press and add its own digit.
        for key in [*self.digit_buttons.values(), self.delete_button]:
            key.installEventFilter(self)
        self.cancel_button = make_button(_("Cancel"), "pinCancel", tip=_("back to the guide"))
        self.cancel_button.clicked.connect(self.closed)
        layout.addWidget(self.pin_display)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _pad_button(self, text: str, name: str, tip: str, primary: bool = False) -> QPushButton:
        button = make_button(text, name, tip=tip, primary=primary)
        button.setProperty("kioskSize", "pad")
        return button

    def _digit_button(self, digit: str) -> QPushButton:
        button = self._pad_button(digit, f"pinDigit{digit}", "")
        button.setAccessibleName(_("Digit {digit}").format(digit=digit))
        button.clicked.connect(lambda: self.add_digit(digit))
        self.digit_buttons[digit] = button
        return button

    def _build_unavailable(self) -> QWidget:
        page = self.page()
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(
            make_label(
                _(
                    "Leaving from the screen is not set up: the configuration has no valid "
                    "staff PIN hash. Make one with 'decisionaid hash-pin' and add it as "
                    "kiosk.staff_pin_hash. Until then, stop the guide with the computer's own "
                    "controls (see docs/deploying-kiosk.md)."
                )
            )
        )
        back = make_button(_("Back to the guide"), "staffBackUnavailable")
        back.clicked.connect(self.closed)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _build_open(self) -> QWidget:
        page = self.page()
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(make_label(_("PIN accepted.")))
        row = QHBoxLayout()
        row.setSpacing(24)
        self.exit_button = make_button(_("Close the guide"), "staffExit", primary=True)
        self.exit_button.setProperty("kioskSize", "large")
        self.exit_button.clicked.connect(self.exitConfirmed)
        self.back_button = make_button(_("Back to the guide"), "staffBack")
        self.back_button.setProperty("kioskSize", "large")
        self.back_button.clicked.connect(self.closed)
        row.addWidget(self.exit_button)
        row.addWidget(self.back_button)
        layout.addLayout(row)
        return page

    def _build_notices(self, notices: list[str]) -> QWidget:
        # In the card from the start: shown while it had no parent, it would open as a window
        # of its own (and take the focus from the kiosk, now that the panel is made after the
        # kiosk is on screen).
        box = QFrame(self.card)
        box.setObjectName("notice")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 12, 16, 12)
        count = len(notices)
        title = make_label(
            ngettext(
                "Staff notice: the configuration has {n} problem. Defaults are used instead.",
                "Staff notice: the configuration has {n} problems. Defaults are used instead.",
                count,
            ).format(n=count),
            "staffNoticeTitle",
        )
        body = make_label("\n".join(notices), "staffNotices")
        body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setMaximumHeight(160)
        layout.addWidget(title)
        layout.addWidget(scroll)
        box.setAccessibleName(_("Staff notice"))
        box.setVisible(bool(notices))
        self.notices_label = body
        return box

    # -- behaviour -------------------------------------------------------------------------

    def open(self) -> None:
        """Prepare the panel for a fresh attempt; the caller shows it."""
        self._pin = ""
        self.message.setText("")
        self._show_pin()
        if not self.gate.available:
            self._show_page(self.unavailable_page)
            return
        self._show_page(self.pad_page)
        self._set_pad_enabled(True)
        self.digit_buttons["1"].setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self._pin = ""
        self._show_pin()
        self.message.setText("")
        self._show_page(self.pad_page)

    def add_digit(self, digit: str) -> None:
        if len(self._pin) < MAX_PIN_DIGITS:
            self._pin += digit
            self._show_pin()

    def delete_digit(self) -> None:
        self._pin = self._pin[:-1]
        self._show_pin()

    def submit(self) -> None:
        pin, self._pin = self._pin, ""
        self._show_pin()
        result = self.gate.try_pin(pin)
        if result is PinResult.ACCEPTED:
            self._show_page(self.open_page)
            self.exit_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if result is PinResult.WRONG:
            left = self.gate.tries_left
            text = ngettext(
                "That PIN is not right. {n} try left.",
                "That PIN is not right. {n} tries left.",
                left,
            ).format(n=left)
        elif result is PinResult.LOCKED:
            minutes = max(1, round(self.gate.seconds_locked() / 60))
            text = ngettext(
                "Too many wrong PINs. Staff exit is locked for {n} minute.",
                "Too many wrong PINs. Staff exit is locked for {n} minutes.",
                minutes,
            ).format(n=minutes)
            self._set_pad_enabled(False)
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._show_page(self.unavailable_page)
            return
        self.message.setText(text)
        announce(self, text)

    def _show_page(self, page: QWidget) -> None:
        self.current_page = page
        for each in self._pages:
            each.setVisible(each is page)

    def _set_pad_enabled(self, enabled: bool) -> None:
        for button in [*self.digit_buttons.values(), self.delete_button, self.ok_button]:
            button.setEnabled(enabled)

    def _show_pin(self) -> None:
        shown = "●" * len(self._pin) if self._pin else "–"
        self.pin_display.setText(shown)
        count = len(self._pin)
        self.pin_display.setAccessibleName(
            ngettext("{n} digit entered", "{n} digits entered", count).format(n=count)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.ok_button.isEnabled()
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Staff with a keyboard may type the PIN; the pad stays the touch way.
        if self.current_page is self.pad_page and self.ok_button.isEnabled():
            text = event.text()
            if len(text) == 1 and is_pin(text):
                self.add_digit(text)
                return
            if event.key() == Qt.Key.Key_Backspace:
                self.delete_digit()
                return
        super().keyPressEvent(event)
