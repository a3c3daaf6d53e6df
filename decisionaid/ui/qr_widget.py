"""A QR code drawn module by module on whole pixels, so it stays sharp at any size, and what the
screen it is on says about how small a module may be.

segno is imported here, and this module is imported only when a reader asks for a code.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QSizePolicy, QWidget

from decisionaid.core.i18n import _
from decisionaid.core.qr_payload import QR_ERROR, QUIET_ZONE

MM_PER_INCH = 25.4
# What a screen that reports no believable size is taken to have: a dense laptop panel, so a
# module comes out too big rather than too small.
FALLBACK_DPI = 160.0
BELIEVABLE_DPI = (40.0, 700.0)


def qr_matrix(text: str) -> list[list[bool]]:
    """Dark (True) and light modules of the code for `text`, without the quiet zone.

    The text goes in as UTF-8. Text beyond ASCII also says so (an ECI designator): without it
    decoders guess the encoding, and zbar reads Spanish questions as Chinese."""
    import segno

    code = segno.make(
        text,
        error=QR_ERROR,
        micro=False,
        boost_error=False,
        encoding="utf-8",
        eci=not text.isascii(),
    )
    return [[bool(v) for v in row] for row in code.matrix]


def screen_px_per_mm(screen: QScreen | None) -> float:
    """The screen's logical pixels per millimetre, from the size it reports (Qt 6 measures
    physicalDotsPerInch in the same logical pixels widgets are laid out in)."""
    dpi = screen.physicalDotsPerInch() if screen is not None else 0.0
    if not BELIEVABLE_DPI[0] <= dpi <= BELIEVABLE_DPI[1]:
        dpi = FALLBACK_DPI
    return dpi / MM_PER_INCH


class QrCodeWidget(QWidget):
    """Exactly the code, at `module_px` logical pixels a module, quiet zone included."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.text = ""
        self.px = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("QR code with your questions"))

    def set_text(self, text: str, module_px: int = 0) -> None:
        self.text = text
        self.matrix = qr_matrix(text) if text else []
        self.set_module_px(module_px)

    def set_module_px(self, module_px: int) -> None:
        self.px = module_px if self.matrix else 0
        side = self.modules * self.px
        self.setFixedSize(side, side)
        self.update()

    @property
    def modules(self) -> int:
        """Modules along one side, quiet zone included."""
        return len(self.matrix) + 2 * QUIET_ZONE if self.matrix else 0

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
