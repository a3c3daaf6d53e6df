"""The parts a reader skipped at their content note, each with a button that opens it: shown on
the summary, so nothing was passed over without the reader knowing where to find it again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from decisionaid.core.guide import Guide
from decisionaid.ui.controls import clear_layout, make_button, make_label
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
        card = QFrame(self)
        card.setObjectName("card")
        outer.addWidget(card)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.heading = make_label(
            "You skipped these parts. You can read them whenever you feel ready:", "sectionTitle"
        )
        layout.addWidget(self.heading)
        self.buttons = FlowLayout(spacing=8)
        layout.addLayout(self.buttons)
        self.setAccessibleName("Parts you skipped")
        self.hide()

    def show_parts(self, step_ids: list[str]) -> None:
        clear_layout(self.buttons)
        steps = [s for s in (self.guide.step(i) for i in step_ids) if s is not None]
        for step in steps:
            button = make_button(
                f"Read: {step.short_title}", tip=f"open the part called {step.title}"
            )
            button.clicked.connect(lambda _=False, sid=step.id: self.open_step(sid))
            self.buttons.addWidget(button)
        self.setVisible(bool(steps))

    def button_texts(self) -> list[str]:
        items = (self.buttons.itemAt(i) for i in range(self.buttons.count()))
        return [w.text() for w in (item.widget() for item in items if item) if w is not None]
