"""The kiosk's welcome screen: what this is, how long it takes, that nothing is kept, and Start.

Shown at launch and after every reset, so the next person always meets the same calm first
screen. The header stays visible above it, so "Get help now" and the text size controls are in
their usual place before anyone starts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.kiosk.screens import KioskScreen

ABOUT_MINUTES = 15


class KioskWelcome(KioskScreen):
    startRequested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__("kioskWelcome", keeps_header=True, parent=parent)
        self.setAccessibleName("Welcome")
        self.heading = heading = QLabel(title)
        heading.setObjectName("kioskHeading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        paragraphs = [
            "This guide explains ketamine treatment for PTSD and the other choices you have. "
            "It helps you think about what matters to you and what to ask your care team. "
            "It does not tell you what to choose.",
            f"It takes about {ABOUT_MINUTES} minutes. You can stop at any time.",
            "Nothing you do here is kept. When you finish, or if the screen is left alone, "
            "everything is cleared for the next person.",
            "If you need help right now, tap “Get help now” at the top of the screen.",
        ]
        self.card_layout.addWidget(heading)
        self.paragraphs: list[QLabel] = []
        for text in paragraphs:
            label = make_label(text)
            self.paragraphs.append(label)
            self.card_layout.addWidget(label)
        self.start_button = make_button("Start", "kioskStart", primary=True)
        self.start_button.setAccessibleName("Start the guide")
        self.start_button.setProperty("kioskSize", "large")
        self.start_button.clicked.connect(self.startRequested)
        self.actions_layout.addWidget(self.start_button)
        self.setAccessibleDescription(" ".join([title, *paragraphs]))

    def text_for_reading(self) -> str:
        return "\n".join([self.heading.text()] + [p.text() for p in self.paragraphs])
