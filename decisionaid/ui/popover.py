"""A short text shown beside what the reader tapped: a source's full reference, or what a word
means. The reader stays on the page; "Close" (or Esc) puts the keyboard back on the link.

It is a child of the window, not a window of its own, so it shows the same way on every
platform, a kiosk's bare X session and its compositor included.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from decisionaid.core.i18n import _
from decisionaid.ui.announce import announce
from decisionaid.ui.controls import make_button, make_label

MARGIN_PX = 12  # between the popover and the window's edges, and the tapped words
READABLE_EMS = 30  # the popover's widest, in lines of text about 60 characters long


class Popover(QFrame):
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("popover")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.title = make_label("", "popoverTitle", parent=self)
        self.text = make_label("", "popoverText", parent=self)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.more_button = make_button("", "popoverMore", parent=self)
        self.more_button.clicked.connect(self._follow_more)
        self.close_button = make_button(_("Close"), "popoverClose", parent=self)
        self.close_button.clicked.connect(lambda: self.close_popover())
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for w in (self.title, self.text):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self._opener: QWidget | None = None
        self._more: Callable[[], None] | None = None
        self.hide()

    def show_beside(
        self,
        title: str,
        text: str,
        opener: QWidget,
        around: QRect,
        more: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """Show `title` and `text` next to `around` (a rectangle in `opener`'s coordinates),
        below it if there is room, else above. `more` is a button that goes further (to the
        full list of sources, say)."""
        self._opener = opener
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.close_button.setAccessibleName(_("Close: {title}").format(title=title))
        self._more = more[1] if more else None
        self.more_button.setVisible(more is not None)
        if more is not None:
            self.more_button.setText(more[0])
            self.more_button.setAccessibleName(more[0])
        self._place(opener, around)
        self.show()
        self.raise_()
        self.close_button.setFocus()
        announce(self, f"{title}. {text}")

    def _place(self, opener: QWidget, around: QRect) -> None:
        area = self.parentWidget().rect()
        em = self.fontMetrics().averageCharWidth() * 2
        width = min(area.width() - 2 * MARGIN_PX, max(320, READABLE_EMS * em))
        self.setFixedWidth(width)
        self.layout().activate()
        height = min(self.heightForWidth(width), area.height() - 2 * MARGIN_PX)
        if height <= 0:
            height = self.sizeHint().height()
        self.setFixedHeight(height)
        top_left = opener.mapTo(self.parentWidget(), around.topLeft())
        bottom_left = opener.mapTo(self.parentWidget(), around.bottomLeft())
        x = min(max(MARGIN_PX, top_left.x() - em), area.width() - width - MARGIN_PX)
        below = bottom_left.y() + MARGIN_PX
        above = top_left.y() - MARGIN_PX - height
        y = below if below + height <= area.height() - MARGIN_PX or above < MARGIN_PX else above
        y = max(MARGIN_PX, min(y, area.height() - height - MARGIN_PX))
        self.move(x, y)

    def _follow_more(self) -> None:
        go, self._more = self._more, None
        self.close_popover(refocus=False)
        if go is not None:
            go()

    def close_popover(self, refocus: bool = True) -> None:
        if not self.isVisible():
            return
        self.hide()
        opener, self._opener = self._opener, None
        if refocus and opener is not None and shiboken6.isValid(opener) and opener.isVisible():
            opener.setFocus()  # back on the link: a page view keeps the link it activated
        self.closed.emit()

    def wipe(self) -> None:
        """Hide, and forget the words shown (a kiosk's next reader must not find them)."""
        self.hide()
        self._opener = None
        self._more = None
        for label in (self.title, self.text):
            label.setText("")
        self.setAccessibleName("")
        self.close_button.setAccessibleName(_("Close"))
        self.setAccessibleDescription("")
