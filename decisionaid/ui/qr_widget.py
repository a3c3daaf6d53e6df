"""A QR code drawn module by module on whole pixels, so it stays sharp at any size.

segno is imported here, and this module is imported only when a reader asks for a code.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from decisionaid.core.qr_payload import QR_ERROR

QUIET_ZONE = 4  # modules of light margin a scanner needs
MIN_MODULE_PX = 6  # smaller modules are not read by a phone held at arm's length


def qr_matrix(text: str) -> list[list[bool]]:
    """Dark (True) and light modules of the code for `text`, without the quiet zone."""
    import segno

    code = segno.make(text, error=QR_ERROR, micro=False, boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix]


class QrCodeWidget(QWidget):
    """The code as large as the height it is given allows, up to `module_px` a module.

    It takes the full height of its row and asks for just the width its modules need at that
    height, so nothing is left blank beside it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.text = ""
        self.module_px = 8
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("QR code with your questions")

    def set_text(self, text: str, module_px: int = 8) -> None:
        self.text = text
        self.matrix = qr_matrix(text) if text else []
        self.module_px = max(MIN_MODULE_PX, module_px)
        self.updateGeometry()
        self.update()

    @property
    def modules(self) -> int:
        return len(self.matrix) + 2 * QUIET_ZONE if self.matrix else 0

    def _px_for_height(self) -> int:
        if not self.modules or not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return self.module_px
        return max(MIN_MODULE_PX, min(self.module_px, self.height() // self.modules))

    @property
    def px(self) -> int:
        """Whole pixels per module: the preferred size, or less where space is short."""
        if not self.modules:
            return self.module_px
        fits = min(self.width(), self.height()) // self.modules
        return max(MIN_MODULE_PX, min(self.module_px, fits))

    def sizeHint(self) -> QSize:
        side = self.modules * self._px_for_height()
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = self.modules * MIN_MODULE_PX
        return QSize(side, side)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.sizeHint().width() != self.width():
            self.updateGeometry()  # a new height, so a new width: the layout runs once more

    def module_rect(self, row: int, col: int) -> QRect:
        """Where one module (without the quiet zone) is drawn, in whole pixels."""
        px = self.px
        return QRect((col + QUIET_ZONE) * px, (row + QUIET_ZONE) * px, px, px)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = self.modules * self.px
        # Always dark on white, whatever the theme: scanners expect it.
        painter.fillRect(QRect(0, 0, side, side), QColor("#ffffff"))
        black = QColor("#000000")
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.fillRect(self.module_rect(r, c), black)
        painter.end()
