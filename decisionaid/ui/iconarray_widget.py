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
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.escape import escape
from decisionaid.core.guide import Reference
from decisionaid.core.i18n import _
from decisionaid.core.iconarray import IconArray, IconGroup, certainty_words
from decisionaid.core.trial_groups import TrialGroup, TrialGroups
from decisionaid.ui.accessible import provide_accessible
from decisionaid.ui.controls import make_label, plain_tooltip
from decisionaid.ui.iconarray_image import GRID, paint_icon_grid, people_image
from decisionaid.ui.theme import Theme

GROUP_SPACING = 24  # between the groups of one picture
MIN_SIDE = 120  # ten figures of 12 pixels: narrower, and a figure is too small to read


def _accessible_factory(key: str, obj: QObject) -> QAccessibleWidget | None:
    if isinstance(obj, PictureWidget):
        return QAccessibleWidget(obj, QAccessible.Role.Graphic, obj.accessibleName())
    return None


class PictureWidget(QWidget):
    """One group of a picture, `side` pixels wide, that a screen reader meets as a graphic
    with a name and a sentence."""

    def __init__(
        self, name: str, sentence: str, theme: Theme, parent: QWidget | None = None
    ) -> None:
        provide_accessible(_accessible_factory)
        super().__init__(parent)
        self.theme = theme
        self.setAccessibleName(name)
        self.setAccessibleDescription(sentence)
        self.setToolTip(plain_tooltip(sentence))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.side = 200

    def set_side(self, side: int) -> None:
        self.side = side
        self.updateGeometry()
        self.update()

    def rows(self) -> int:
        """How many rows of ten figures tall the picture is."""
        return GRID

    def sizeHint(self) -> QSize:
        return QSize(self.side, round(self.side / GRID * self.rows()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class IconArrayWidget(PictureWidget):
    """One group of an icon array, painted: filled people for those affected, rings for the rest."""

    def __init__(
        self, array: IconArray, group: IconGroup, theme: Theme, parent: QWidget | None = None
    ) -> None:
        name = _("{group}: {n} out of {d}").format(
            group=group.name, n=group.numerator, d=array.denominator
        )
        super().__init__(name, array.describe_group(group), theme, parent)
        self.array = array
        self.group = group

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


class PicturePanel(QFrame):
    """A picture's card: its title, its groups side by side (each drawn above its name), what a
    figure means, the result in words where the picture has one, and who, when, how sure and
    from where."""

    def __init__(
        self,
        picture: IconArray | TrialGroups,
        title: str,
        groups: list[tuple[PictureWidget, str]],
        reference: Reference | None,
        side: int,
        *,
        name: str = "",
        result: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.array = picture
        self.setAccessibleName(name or title)
        self.setAccessibleDescription(picture.describe())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(8)
        lay.addWidget(make_label(title, "sectionTitle"))
        row = QHBoxLayout()
        row.setSpacing(GROUP_SPACING)
        self.grids: list[PictureWidget] = []
        self.names: list[QLabel] = []
        for grid, words in groups:
            col = QVBoxLayout()
            grid.set_side(side)
            label = make_label(words, rich=True)
            label.setMaximumWidth(max(side, 160))
            col.addWidget(grid, 0, Qt.AlignmentFlag.AlignLeft)
            col.addWidget(label)
            col.addStretch(1)
            row.addLayout(col)
            self.grids.append(grid)
            self.names.append(label)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(make_label(picture.legend))
        if result:
            lay.addWidget(make_label(f"<b>{escape(result)}</b>", rich=True))
        lay.addWidget(make_label(picture_caption(picture, reference), "muted"))


class IconArrayPanel(PicturePanel):
    """All groups of one icon-array block, side by side, with what the figures mean."""

    def __init__(
        self,
        array: IconArray,
        theme: Theme,
        reference: Reference | None,
        side: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        d = array.denominator
        groups: list[tuple[PictureWidget, str]] = [
            (
                IconArrayWidget(array, group, theme),
                f"<b>{escape(group.name)}</b><br/>"
                + escape(_("{n} out of {d}").format(n=group.numerator, d=d)),
            )
            for group in array.groups
        ]
        super().__init__(
            array,
            _("Out of {d} people, how many {label}").format(d=d, label=array.label),
            groups,
            reference,
            side,
            name=_("Picture: out of {d} people, how many {label}").format(d=d, label=array.label),
            parent=parent,
        )


class TrialGroupWidget(PictureWidget):
    """One group of a trial, one outline figure per person, to scale with the other groups."""

    def __init__(
        self, picture: TrialGroups, group: TrialGroup, theme: Theme, parent: QWidget | None = None
    ) -> None:
        name = picture.describe_group(group)
        super().__init__(name, f"{picture.legend} {name}", theme, parent)
        self.picture = picture
        self.group = group

    def rows(self) -> int:
        return self.picture.rows

    def paintEvent(self, event: QPaintEvent) -> None:
        image = people_image(
            self.group.people,
            self.picture.rows,
            self.side / GRID,
            self.theme.figure_on,
            self.theme.window,
            self.devicePixelRatioF(),
        )
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.window))
        painter.drawImage(0, 0, image)
        painter.end()


class TrialGroupsPanel(PicturePanel):
    """A trial's groups side by side, each its real size, with the result in words: as
    prominent as an icon array beside it, and as plain to a screen reader."""

    def __init__(
        self,
        picture: TrialGroups,
        theme: Theme,
        reference: Reference | None,
        side: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        groups: list[tuple[PictureWidget, str]] = [
            (
                TrialGroupWidget(picture, group, theme),
                f"<b>{escape(group.name)}</b><br/>{group.people}",
            )
            for group in picture.groups
        ]
        super().__init__(
            picture, picture.title, groups, reference, side, result=picture.result, parent=parent
        )


def picture_caption(picture: IconArray | TrialGroups, reference: Reference | None) -> str:
    """Who the people are and over what time, how sure we are, and the source."""
    cite = (
        " "
        + _("Source: [{number}] {authors} ({year}).").format(
            number=reference.number, authors=reference.authors, year=reference.year
        )
        if reference
        else ""
    )
    return f"{picture.caption} {certainty_words(picture.certainty)}{cite}"


def fit_groups(panel: PicturePanel, width: int, side: int) -> None:
    """Draw the panel's groups `side` pixels wide, or narrower where they would not fit side by
    side in `width` (the panel's own width), so a picture never pushes the page sideways."""
    n = max(1, len(panel.grids))
    margins = panel.layout().contentsMargins()
    border = 4  # the card's frame, both sides, with a pixel to spare
    room = width - margins.left() - margins.right() - border - GROUP_SPACING * (n - 1)
    fitted = max(MIN_SIDE, min(side, room // n))
    for grid, name in zip(panel.grids, panel.names, strict=True):
        grid.set_side(fitted)
        name.setMaximumWidth(fitted)


def picture_panel(
    picture: IconArray | TrialGroups, theme: Theme, reference: Reference | None, side: int
) -> PicturePanel:
    if isinstance(picture, TrialGroups):
        return TrialGroupsPanel(picture, theme, reference, side)
    return IconArrayPanel(picture, theme, reference, side)
