"""The list of every step's title beside the page; choosing one goes there. Made the first
time the window asks for it (window_parts.Body), so a start that hides it builds none of
PySide6's list classes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from decisionaid.core.guide import Guide
from decisionaid.core.i18n import _
from decisionaid.ui.controls import ACCESSIBLE_TEXT_ROLE, set_enum


class ContentsList(QListWidget):
    """Every step's title; choosing one goes there."""

    def __init__(self, guide: Guide, go_to: Callable[[int], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("contents")
        self.setAccessibleName(_("Contents: all steps of the guide"))
        self.setWordWrap(True)
        # Long titles wrap onto a second line at large text sizes instead of being cut short
        # behind a sideways scroll bar. Qt measures a wrapped item without its style-sheet
        # padding, so the items have none at the sides and the list pads instead (theme.py).
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        # The list is longer than the window at every text size; a bar that came and went would
        # change the width the titles were measured at.
        set_enum(self, "verticalScrollBarPolicy", "ScrollBarAlwaysOn")
        set_enum(self, "resizeMode", "Adjust")
        self.setMaximumWidth(320)
        self.setMinimumWidth(220)
        for i, step in enumerate(guide.steps):
            number = guide.step_number(i)
            if number is None:  # a look-up page: no number, as it is no step of the path
                item = QListWidgetItem(step.short_title)
                item.setData(
                    ACCESSIBLE_TEXT_ROLE, _("Look-up page: {title}").format(title=step.title)
                )
            else:
                item = QListWidgetItem(f"{number[0]}. {step.short_title}")
                item.setData(
                    ACCESSIBLE_TEXT_ROLE,
                    _("Step {n}: {title}").format(n=number[0], title=step.title),
                )
            self.addItem(item)
        self.itemActivated.connect(lambda item: go_to(self.row(item)))
        self.itemClicked.connect(lambda item: go_to(self.row(item)))

    def mark(self, index: int) -> None:
        """Show where the reader is, without going there again: the step is kept in the
        middle of the list where it can be, not at an edge where the "More below" cue covers
        it."""
        from PySide6.QtWidgets import QAbstractItemView

        self.blockSignals(True)
        self.setCurrentRow(index)
        self.blockSignals(False)
        item = self.item(index)
        if item is not None:
            self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
