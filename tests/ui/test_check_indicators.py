"""Check boxes and radio buttons show in every theme, wherever they are: an unchosen one has an
outline a reader can see (3:1 against the page), and a chosen one a tick or a dot, so the
state never shows by colour alone."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from decisionaid.ui.theme import THEMES, Theme, check_mark_path, stylesheet
from tests.ui.test_contrast import LARGE_OR_UI, contrast


def _indicator(qtbot, theme: Theme, kind: type[QAbstractButton], checked: bool) -> QImage:  # type: ignore[no-untyped-def]
    """The indicator of one button on a bare panel styled by the app's sheet alone."""
    panel = QWidget()
    panel.setStyleSheet(stylesheet(theme, 100, 48))
    button = kind("A choice", panel)
    button.setChecked(checked)
    QVBoxLayout(panel).addWidget(button)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind is QCheckBox
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    assert rect.width() >= 20, "the indicator is large enough to see and tap"
    return button.grab(rect).toImage()


def _colours(image: QImage) -> list[str]:
    return [
        QColor(image.pixel(x, y)).name()
        for y in range(image.height())
        for x in range(image.width())
    ]


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton], ids=["check box", "radio button"])
def test_an_unchosen_indicator_has_a_visible_outline(qtbot, theme: Theme, kind) -> None:  # type: ignore[no-untyped-def]
    pixels = _colours(_indicator(qtbot, theme, kind, checked=False))
    outline = [c for c in pixels if contrast(c, theme.window) >= LARGE_OR_UI]
    assert len(outline) >= 40, f"{len(outline)} pixels stand out from {theme.window}"


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_a_chosen_check_box_shows_a_tick(qtbot, theme: Theme) -> None:
    pixels = _colours(_indicator(qtbot, theme, QCheckBox, checked=True))
    tick = [c for c in pixels if contrast(c, theme.selection) >= LARGE_OR_UI]
    fill = [c for c in pixels if c == theme.selection]
    assert len(fill) > 100 and len(tick) >= 20, (len(fill), len(tick))
    svg = check_mark_path(theme).read_text(encoding="utf-8")
    assert re.findall(r'stroke="(#[0-9a-f]{6})"', svg) == [theme.on_selection]


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_a_chosen_radio_button_shows_a_dot_inside_its_ring(qtbot, theme: Theme) -> None:
    image = _indicator(qtbot, theme, QRadioButton, checked=True)
    middle = image.height() // 2
    row = [QColor(image.pixel(x, middle)).name() for x in range(image.width())]
    centre = row[len(row) // 2]
    assert contrast(centre, theme.window) >= LARGE_OR_UI, "a filled dot in the middle"
    # Out from the dot: a gap in the page's colour, then the ring.
    assert theme.window in row[len(row) // 2 :]
