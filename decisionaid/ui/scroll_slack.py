"""No horizontal scroll bar for an overflow that lies wholly in a margin or padding.

Qt lays some rich-text tables out a pixel wider than the page: a pixel "too wide", all of it
blank margin.
A scroll bar for that takes room and attention from the words and scrolls nothing a reader
needs; real overflow (a word or a picture wider than the view) still gets its scroll bar.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QAbstractScrollArea


def ignore_horizontal_slack(area: QAbstractScrollArea, slack_px: int) -> None:
    """Hide the horizontal scroll bar whenever the overflow is at most slack_px, which must be
    no wider than the blank margin or padding at the right of what the area shows."""
    bar = area.horizontalScrollBar()

    def check(_low: int, high: int) -> None:
        # A view being taken down may still announce a new range from a bar already gone.
        if not shiboken6.isValid(bar):
            return
        if 0 < high <= slack_px:
            bar.setRange(0, 0)

    bar.rangeChanged.connect(check)
    check(bar.minimum(), bar.maximum())
