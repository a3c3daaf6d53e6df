"""Draws one group of an icon array: 100 figures in a 10 x 10 grid; or one group of a trial,
one figure per person, in rows of ten, to scale with the trial's other groups.

In an icon array, affected people are filled figures with a head and body; the others are
hollow rings, so the difference shows by shape and fill, not only by colour (and survives
greyscale printing). A trial group's figures are all alike, drawn in outline: neither filled
("had the result") nor a ring ("did not"), since such a trial did not count who improved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

if TYPE_CHECKING:
    from decisionaid.core.iconarray import Picture

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


def _outline_person(painter: QPainter, centre: QPointF, cell: float, colour: QColor) -> None:
    """A person in outline: a head above a pair of shoulders, with a clear gap between them,
    so the figure reads as a person and not as a filled ("had the result") or a ring."""
    pen = QPen(colour)
    pen.setWidthF(max(1.0, cell * 0.08))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    head = cell * 0.13
    painter.drawEllipse(QPointF(centre.x(), centre.y() - cell * 0.22), head, head)
    w, h = cell * 0.56, cell * 0.34
    top = centre.y() + cell * 0.0
    shoulders = QPainterPath()
    shoulders.moveTo(centre.x() - w / 2, top + h)
    shoulders.lineTo(centre.x() - w / 2, top + h * 0.5)
    shoulders.arcTo(QRectF(centre.x() - w / 2, top, w, h), 180, -180)
    shoulders.lineTo(centre.x() + w / 2, top + h)
    shoulders.closeSubpath()
    painter.drawPath(shoulders)


def people_image(
    people: int,
    rows: int,
    cell_px: float,
    colour: str,
    background: str,
    device_pixel_ratio: float = 1.0,
) -> QImage:
    """`people` figures in rows of ten, on an image `rows` rows tall, so that groups of a trial
    drawn with the same `rows` and `cell_px` are to scale with each other."""
    width, height = cell_px * GRID, cell_px * rows
    image = QImage(
        max(1, round(width * device_pixel_ratio)),
        max(1, round(height * device_pixel_ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(device_pixel_ratio)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for i in range(people):
        row, col = divmod(i, GRID)
        centre = QPointF((col + 0.5) * cell_px, (row + 0.5) * cell_px)
        _outline_person(painter, centre, cell_px, QColor(colour))
    painter.end()
    return image


def picture_image(
    picture: Picture,
    group: int,
    side_px: int,
    colours: tuple[str, str, str],
    device_pixel_ratio: float = 1.0,
) -> QImage | None:
    """One group of a page's picture, `side_px` wide; `colours` are (figure, ring, background).
    None for a group the picture does not have."""
    from decisionaid.core.trial_groups import TrialGroups

    if not 0 <= group < len(picture.groups):
        return None
    on, off, background = colours
    if isinstance(picture, TrialGroups):
        people = picture.groups[group].people
        return people_image(
            people, picture.rows, side_px / GRID, on, background, device_pixel_ratio
        )
    chosen = picture.groups[group]
    return icon_grid_image(
        chosen.numerator,
        picture.denominator,
        side_px,
        on,
        off,
        background,
        device_pixel_ratio,
    )
