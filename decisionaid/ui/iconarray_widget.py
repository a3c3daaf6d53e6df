"""Icon arrays as real widgets: 100 figures, a caption, and the same facts for screen readers.

Each group is one `IconArrayWidget`, exposed to assistive technology as a graphic whose
description reads the sentence the picture shows. `IconArrayPanel` sets the groups of one
icon-array block side by side, with the shared caption, certainty and source.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.escape import escape
from decisionaid.core.guide import Reference
from decisionaid.core.iconarray import CERTAINTY_WORDS, IconArray, IconGroup
from decisionaid.ui.accessible import provide_accessible
from decisionaid.ui.controls import make_label, plain_tooltip
from decisionaid.ui.iconarray_image import paint_icon_grid
from decisionaid.ui.theme import Theme


def _accessible_factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    if isinstance(obj, IconArrayWidget):
        return QAccessibleWidget(obj, QAccessible.Role.Graphic, obj.accessibleName())
    return None


class IconArrayWidget(QWidget):
    """One group of an icon array, painted: filled people for those affected, rings for the rest."""

    def __init__(
        self, array: IconArray, group: IconGroup, theme: Theme, parent: QWidget | None = None
    ) -> None:
        provide_accessible(_accessible_factory)
        super().__init__(parent)
        self.array = array
        self.group = group
        self.theme = theme
        self.setAccessibleName(f"{group.name}: {group.numerator} out of {array.denominator}")
        self.setAccessibleDescription(array.describe_group(group))
        self.setToolTip(plain_tooltip(array.describe_group(group)))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.side = 200

    def set_side(self, side: int) -> None:
        self.side = side
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.side, self.side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.window))
        side = min(self.width(), self.height())
        paint_icon_grid(
            painter,
            QRectF(0, 0, side, side),
            self.group.numerator,
            self.array.denominator,
            QColor(self.theme.figure_on),
            QColor(self.theme.figure_off),
        )
        painter.end()


class IconArrayPanel(QFrame):
    """All groups of one icon-array block, side by side, with what the figures mean."""

    def __init__(
        self,
        array: IconArray,
        theme: Theme,
        reference: Reference | None,
        side: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.array = array
        self.setAccessibleName(
            f"Picture: out of {array.denominator} people, how many {array.label}"
        )
        self.setAccessibleDescription(array.describe())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(8)
        title = make_label(
            f"Out of {array.denominator} people, how many {array.label}", "sectionTitle"
        )
        lay.addWidget(title)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.grids: list[IconArrayWidget] = []
        for group in array.groups:
            col = QVBoxLayout()
            grid = IconArrayWidget(array, group, theme, self)
            grid.set_side(side)
            name = make_label(
                f"<b>{escape(group.name)}</b><br/>{group.numerator} out of {array.denominator}",
                rich=True,
            )
            name.setMaximumWidth(max(side, 160))
            col.addWidget(grid, 0, Qt.AlignmentFlag.AlignLeft)
            col.addWidget(name)
            col.addStretch(1)
            row.addLayout(col)
            self.grids.append(grid)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(make_label(array.legend))
        cite = (
            f" Source: [{reference.number}] {reference.authors} ({reference.year})."
            if reference
            else ""
        )
        caption = make_label(
            f"{array.caption} {CERTAINTY_WORDS.get(array.certainty, '')}{cite}", "muted"
        )
        lay.addWidget(caption)
