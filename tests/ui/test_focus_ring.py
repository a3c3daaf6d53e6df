"""The focus ring shows on every kind of button, in both themes, as a reader sees it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton

from decisionaid.paths import content_dir
from decisionaid.ui.theme import FOCUS_RING_PX, THEMES
from tests.helpers import make_window
from tests.ui.test_contrast import LARGE_OR_UI, contrast

# Button, the colour of its fill, the colour behind it (header and footer are panels).
BUTTONS = [
    ("nextButton", "primary", "surface"),
    ("helpButton", "help", "surface"),
    ("backButton", "secondary", "surface"),
]


def _colour(image, x: int, y: int) -> str:  # type: ignore[no-untyped-def]
    return image.pixelColor(x, y).name(QColor.NameFormat.HexRgb).lower()


def _seen(window, button):  # type: ignore[no-untyped-def]
    """The button as the window shows it, with what lies behind it (a grab of the button
    alone would fill its see-through parts with its own colour)."""
    top_left = button.mapTo(window, QPoint(0, 0))
    return window.grab(QRect(top_left, button.size())).toImage()


@pytest.mark.parametrize("theme_name", list(THEMES), ids=str)
def test_focused_buttons_show_a_ring_and_a_gap_round_their_fill(qtbot, theme_name: str) -> None:
    w = make_window(qtbot, content_dir("en"))
    w.session.set_high_contrast(theme_name == "high-contrast")
    theme = THEMES[theme_name]
    w.go_to(1)  # Back and Next both enabled
    for name, fill_name, behind_name in BUTTONS:
        button = w.findChild(QPushButton, name)
        # Its icon comes after the first paint; the row lays out again for it.
        qtbot.waitUntil(lambda b=button: b.width() >= b.sizeHint().width())
        fill, behind = getattr(theme, fill_name), getattr(theme, behind_name)
        y = button.height() // 2
        plain = _seen(w, button)
        assert _colour(plain, FOCUS_RING_PX // 2, y) == fill, name
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda b=button: QApplication.focusWidget() is b)
        image = _seen(w, button)
        band = FOCUS_RING_PX // 3  # ring, gap, ring
        ring = _colour(image, band // 2, y)
        gap = _colour(image, band + band // 2, y)
        inner = _colour(image, 2 * band + band // 2, y)
        after = _colour(image, FOCUS_RING_PX, y)
        inside = _colour(image, FOCUS_RING_PX + 6, y)
        assert ring == theme.focus, (name, ring)
        assert gap == behind, (name, gap)
        assert inner == theme.focus, (name, inner)
        assert after == behind, (name, after)  # Qt leaves a gap inside the inner ring too
        assert inside == fill, (name, inside)
        # The ring stands out from what lies round it, the gap from the button's fill.
        assert contrast(ring, behind) >= LARGE_OR_UI, name
        assert max(contrast(ring, fill), contrast(gap, fill)) >= LARGE_OR_UI, name


def test_focus_never_makes_a_button_measure_smaller(qtbot) -> None:
    """Qt measures a button again when the text size changes, with the focus where it is;
    the focused measure must fit the words once the focus has moved on."""
    w = make_window(qtbot, content_dir("en"))
    w.go_to(1)
    for button in (w.contents_button, w.next_button, w.help_button, w.back_button):
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda b=button: QApplication.focusWidget() is b)
        button.style().unpolish(button)
        button.style().polish(button)
        focused = button.sizeHint()
        w.findChild(QPushButton, "startOver").setFocus(Qt.FocusReason.TabFocusReason)
        button.style().unpolish(button)
        button.style().polish(button)
        plain = button.sizeHint()
        assert focused.width() >= plain.width(), button.objectName()
        assert focused.height() >= plain.height(), button.objectName()
