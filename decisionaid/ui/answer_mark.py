"""The tick beside the knowledge check's right answer, drawn in the colour of the text beside it.

The icon is an SVG from an open icon set (resources/icons/README.md), tinted here: its single
fill colour is replaced by the text's, so the tick has the text's contrast in every theme,
on a chosen tile as on a plain one. It is read by Qt's SVG image plug-in (the one that draws
the check boxes' ticks and a clinic's SVG logo), at the pixel size it is shown at.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImageReader, QPixmap

from decisionaid.paths import icon_path

ICON_FILE = "right-answer.svg"
SOURCE_FILL = b"#2e3436"  # the one colour of the icon as published


@cache
def _svg() -> bytes:
    return icon_path(ICON_FILE).read_bytes()


def right_answer_icon(colour: str, side: int = 24, device_pixel_ratio: float = 1.0) -> QIcon:
    data = QByteArray(_svg().replace(SOURCE_FILL, colour.encode()))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    px = max(1, round(side * device_pixel_ratio))
    reader.setScaledSize(QSize(px, px))
    image = reader.read()
    buffer.close()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return QIcon(pixmap)
