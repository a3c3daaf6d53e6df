"""The parts a reader skipped at their content note, each with a button that opens it: shown on
the summary, so nothing was passed over without the reader knowing where to find it again.

The summary refreshes at every answer, tick, text size and reset, so the buttons are kept and
refilled rather than made anew: remade buttons would leave their predecessors to deleteLater by
the hundred (a kiosk soak saw hundreds pile up between resets, several MiB of them).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from decisionaid.core.guide import Guide
from decisionaid.core.i18n import _
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.flow_layout import FlowLayout


class SkippedParts(QWidget):
    """A card, set in from the step's edges; hidden (taking no room) while nothing is skipped."""

    def __init__(
        self, guide: Guide, open_step: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.guide = guide
        self.open_step = open_step
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 4, 24, 4)
        self._outer = outer
        card = QFrame(self)
        card.setObjectName("card")
        outer.addWidget(card)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.heading = make_label(
            _("You skipped these parts. You can read them whenever you feel ready:"), "sectionTitle"
        )
        layout.addWidget(self.heading)
        # Under the heading, from its left edge, as the words they follow are read.
        self.buttons = FlowLayout(spacing=8, align=Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.buttons)
        self._shown: list[str] = []  # the step id each button (by position) opens
        self.setAccessibleName(_("Parts you skipped"))
        self.hide()

    def set_sides(self, left: int, right: int) -> None:
        """How far the card is set in from the step's edges."""
        margins = self._outer.contentsMargins()
        self._outer.setContentsMargins(left, margins.top(), right, margins.bottom())

    def show_parts(self, step_ids: list[str]) -> None:
        steps = [s for s in (self.guide.step(i) for i in step_ids) if s is not None]
        self._shown = [step.id for step in steps]
        buttons = self._buttons()
        while len(buttons) < len(steps):  # at most one per content note in the guide
            button = make_button("")
            position = len(buttons)
            button.clicked.connect(lambda _=False, at=position: self._open(at))
            self.buttons.addWidget(button)
            buttons.append(button)
        for button, step in zip(buttons, steps, strict=False):
            text = _("Read: {title}").format(title=step.short_title)
            tip = _("open the part called {title}").format(title=step.title)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(f"{text}: {tip}")  # as make_button names it
            button.show()
        for button in buttons[len(steps) :]:
            # Unused, and emptied: a kiosk's next reader must not find the last one's parts.
            button.hide()
            button.setText("")
            button.setToolTip("")
            button.setAccessibleName("")
        self.setVisible(bool(steps))

    def _open(self, position: int) -> None:
        if position < len(self._shown):
            self.open_step(self._shown[position])

    def _buttons(self) -> list[QPushButton]:
        items = (self.buttons.itemAt(i) for i in range(self.buttons.count()))
        return [w for w in (item.widget() for item in items if item) if isinstance(w, QPushButton)]

    def button_texts(self) -> list[str]:
        return [b.text() for b in self._buttons() if not b.isHidden()]
