"""Full screens that stand in for the guide for a moment: welcome, idle warning, staff PIN.

They join the window's own layout and the parts they cover are hidden, not painted over: hidden
widgets leave the Tab order and the screen reader's tree, so nobody can wander behind a screen.
The window itself is never rebuilt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from decisionaid.ui.theme import Theme, focus_ring_css, font_px

if TYPE_CHECKING:
    from decisionaid.ui.main_window import MainWindow

CARD_MAX_WIDTH = 960


class KioskScreen(QFrame):
    """A centred card that scrolls when large text makes it taller than the screen.

    Subclasses fill `self.card_layout`.
    """

    def __init__(self, name: str, *, keeps_header: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.keeps_header = keeps_header
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("kioskScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        inner = QWidget()
        inner.setObjectName("kioskInner")
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 24, 24, 24)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame(inner)
        self.card.setObjectName("kioskCard")
        self.card.setMaximumWidth(CARD_MAX_WIDTH)
        self.card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(40, 32, 40, 32)
        self.card_layout.setSpacing(20)
        row.addWidget(self.card, 8)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        scroll.setWidget(inner)
        self.scroll = scroll
        # The main buttons stay on screen below the scrolling text, even at 200% text.
        bar = QWidget(self)
        bar.setObjectName("kioskActions")
        bar_row = QHBoxLayout(bar)
        bar_row.setContentsMargins(24, 8, 24, 24)
        bar_row.addStretch(1)
        holder = QWidget(bar)
        holder.setObjectName("kioskPage")
        holder.setMaximumWidth(CARD_MAX_WIDTH)
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.actions_layout = QVBoxLayout(holder)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.actions_layout.setSpacing(16)
        bar_row.addWidget(holder, 8)
        bar_row.addStretch(1)
        outer.addWidget(bar)
        self.actions_bar = bar
        self.hide()

    def page(self) -> QWidget:
        """A transparent part of the card, for screens that swap what the card shows."""
        widget = QWidget(self.card)
        widget.setObjectName("kioskPage")
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        return widget


class ScreenStack(QObject):
    """Shows the topmost requested screen in place of the window's content."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._screens: list[KioskScreen] = []
        self._shown: list[KioskScreen] = []
        self._saved: dict[QWidget, bool] = {}

    def add(self, screen: KioskScreen) -> None:
        self._window.add_screen(screen)
        self._screens.append(screen)

    def show(self, screen: KioskScreen) -> None:
        if screen in self._shown:
            self._shown.remove(screen)
        self._shown.append(screen)
        self._refresh()

    def hide(self, screen: KioskScreen) -> None:
        if screen in self._shown:
            self._shown.remove(screen)
            self._refresh()

    def top(self) -> KioskScreen | None:
        return self._shown[-1] if self._shown else None

    def is_showing(self, screen: KioskScreen) -> bool:
        return self.top() is screen

    def _refresh(self) -> None:
        top = self.top()
        parts = self._window.window_parts()
        if top is None:
            for widget, visible in self._saved.items():
                widget.setVisible(visible)
            self._saved.clear()
        else:
            if not self._saved:
                self._saved = {w: not w.isHidden() for w in parts}
            for widget in parts:
                keep = top.keeps_header and widget is self._window.header
                widget.setVisible(keep and self._saved.get(widget, True))
        for screen in self._screens:
            screen.setVisible(screen is top)


def screen_stylesheet(theme: Theme, scale_percent: int) -> str:
    """Extra rules for kiosk screens, on top of the window's stylesheet."""
    f = font_px(scale_percent)
    t = theme
    return f"""
QWidget#kioskInner, QWidget#kioskActions {{ background: {t.window}; }}
QWidget#kioskPage, QFrame#crisisLine {{ background: transparent; }}
QFrame#kioskCard {{ background: {t.surface}; border: 2px solid {t.border}; border-radius: 16px; }}
QFrame#kioskCard QLabel {{ background: transparent; color: {t.text}; }}
QLabel#kioskHeading {{ font-size: {round(f * 1.6)}px; font-weight: 600; }}
QLabel#kioskCountdown {{ font-size: {round(f * 2.2)}px; font-weight: 700; }}
QLabel#crisisAction {{ font-size: {round(f * 1.6)}px; color: {t.text}; }}
QLabel#kioskMessage {{ font-weight: 600; }}
QLabel#pinDisplay {{ font-size: {round(f * 1.8)}px; letter-spacing: 8px; }}
QPushButton[kioskSize="large"] {{ min-height: 80px; font-size: {round(f * 1.3)}px;
    padding: 8px 40px; font-weight: 600; }}
QPushButton[kioskSize="pad"] {{ min-height: 64px; min-width: 96px; font-size: {round(f * 1.3)}px; }}
{focus_ring_css(t)}
"""
