"""All steps as large tiles, so a counsellor can jump to any part in one tap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from decisionaid.ui.controls import button_text, make_button
from decisionaid.ui.flow_layout import FlowLayout

if TYPE_CHECKING:
    from decisionaid.ui.main_window import MainWindow

TILE_WIDTH_EM = 13


class StepIndex(QFrame):
    """Covers the page area until a tile is chosen or it is closed."""

    stepChosen = Signal(int)
    closed = Signal()

    def __init__(self, window: MainWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.setObjectName("stepIndex")
        self.setAccessibleName("All steps")
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        top = QHBoxLayout()
        heading = QLabel("All steps")
        heading.setObjectName("stepTitle")
        self.close_button = make_button("Back to the step", "closeIndex", primary=True)
        self.close_button.clicked.connect(self.close_index)
        top.addWidget(heading, 1)
        top.addWidget(self.close_button)
        outer.addLayout(top)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("indexBody")
        self.grid = FlowLayout(body, spacing=12, align=Qt.AlignmentFlag.AlignLeft)
        self.tiles: list[QPushButton] = []
        for i, step in enumerate(window.guide.steps):
            tile = make_button(f"{i + 1}\n{step.short_title}", "stepTile")
            tile.setAccessibleName(f"Step {i + 1}: {step.title}")
            tile.clicked.connect(lambda _=False, i=i: self.choose(i))
            self.grid.addWidget(tile)
            self.tiles.append(tile)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.hide()

    def size_tiles(self, font_px: int) -> None:
        width = TILE_WIDTH_EM * font_px
        for tile in self.tiles:
            tile.setFixedWidth(width)
            tile.setMinimumHeight(round(font_px * 4.2))

    def open_index(self) -> None:
        current = self.window.current_index
        for i, tile in enumerate(self.tiles):
            step = self.window.guide.steps[i]
            # Where the reader is shows as words too, not only as a colour.
            here = "  (you are here)" if i == current else ""
            tile.setText(f"{i + 1}{here}\n{button_text(step.short_title)}")
            tile.setProperty("current", i == current)
            tile.setAccessibleDescription("You are here" if i == current else "")
        self.show()
        self.raise_()
        if 0 <= current < len(self.tiles):
            self.tiles[current].setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, index: int) -> None:
        self.hide()
        self.stepChosen.emit(index)

    def close_index(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def event(self, event: QEvent) -> bool:
        # Escape closes the index before the window's own Escape shortcut sees it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_index()
            return
        super().keyPressEvent(event)


class IndexPlacer(QObject):
    """Keeps the index over the page area when the window is resized."""

    def __init__(self, index: StepIndex, window: MainWindow) -> None:
        super().__init__(index)
        self.index = index
        self.window = window
        window.centralWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        body = self.window.body.geometry()
        self.index.setGeometry(body)
