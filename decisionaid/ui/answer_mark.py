"""The tick beside the knowledge check's right answer, drawn in the colour of the text beside it.

The icon is an SVG from an open icon set (resources/icons/README.md), tinted here: its single
fill colour is replaced by the text's, so the tick has the text's contrast in every theme,
on a chosen tile as on a plain one.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from decisionaid.paths import icon_path

ICON_FILE = "right-answer.svg"
SOURCE_FILL = b"#2e3436"  # the one colour of the icon as published
ICON_PX = 24


@cache
def _svg() -> bytes:
    return icon_path(ICON_FILE).read_bytes()


def right_answer_icon(colour: str, device_pixel_ratio: float = 1.0) -> QIcon:
    svg = _svg().replace(SOURCE_FILL, colour.encode())
    renderer = QSvgRenderer(QByteArray(svg))
    side = max(1, round(ICON_PX * device_pixel_ratio))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return QIcon(pixmap)
