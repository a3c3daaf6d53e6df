"""Draws one group of an icon array: 100 figures in a 10 x 10 grid.

Affected people are filled figures with a head and body; the others are hollow rings, so the
difference shows by shape and fill, not only by colour (and survives greyscale printing).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

GRID = 10


def paint_icon_grid(
    painter: QPainter,
    rect: QRectF,
    affected: int,
    total: int,
    on_colour: QColor,
    off_colour: QColor,
) -> None:
    cell = min(rect.width(), rect.height()) / GRID
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for i in range(total):
        row, col = divmod(i, GRID)
        cx = rect.left() + (col + 0.5) * cell
        cy = rect.top() + (row + 0.5) * cell
        if i < affected:
            _person(painter, QPointF(cx, cy), cell, on_colour)
        else:
            _ring(painter, QPointF(cx, cy), cell, off_colour)
    painter.restore()


def _person(painter: QPainter, centre: QPointF, cell: float, colour: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    head = cell * 0.16
    painter.drawEllipse(QPointF(centre.x(), centre.y() - cell * 0.2), head, head)
    body = QPainterPath()
    w, h = cell * 0.5, cell * 0.42
    body.addRoundedRect(
        QRectF(centre.x() - w / 2, centre.y() - cell * 0.02, w, h), w * 0.35, w * 0.35
    )
    painter.drawPath(body)


def _ring(painter: QPainter, centre: QPointF, cell: float, colour: QColor) -> None:
    pen = QPen(colour)
    pen.setWidthF(max(1.0, cell * 0.07))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    r = cell * 0.2
    painter.drawEllipse(centre, r, r)


def icon_grid_image(
    affected: int,
    total: int,
    side_px: int,
    on_colour: str,
    off_colour: str,
    background: str,
    device_pixel_ratio: float = 1.0,
) -> QImage:
    """A square image of the grid, drawn at the screen's pixel density so it stays sharp."""
    px = max(1, round(side_px * device_pixel_ratio))
    image = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(device_pixel_ratio)
    image.fill(QColor(background))
    painter = QPainter(image)
    paint_icon_grid(
        painter,
        QRectF(0, 0, side_px, side_px),
        affected,
        total,
        QColor(on_colour),
        QColor(off_colour),
    )
    painter.end()
    return image
