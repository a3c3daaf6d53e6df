"""Icons from an open set (Lucide, ISC licence), drawn in the colour of their button's words in
each theme, so they keep the words' contrast; and greyed with them when the button is off."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon

from decisionaid.paths import icon_path
from decisionaid.ui.icons import ICON_PROPERTY, ICONS, render
from decisionaid.ui.theme import THEMES
from tests.helpers import FIXTURE_CONTENT, make_window


def test_every_icon_shown_is_copied_with_its_licence_and_version() -> None:
    folder = icon_path("lucide")
    assert "ISC License" in (folder / "LICENSE").read_text()
    note = (folder / "README.md").read_text()
    assert "1.62.0" in note
    for name in set(ICONS.values()):
        svg = (folder / f"{name}.svg").read_text()
        assert "lucide-static v1.62.0 - ISC" in svg
        assert f"`{name}.svg`" in note


def _ink(pixmap) -> set[str]:  # type: ignore[no-untyped-def]
    """The colours of the icon's opaque pixels."""
    image = pixmap.toImage()
    found = set()
    for x in range(image.width()):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                found.add(colour.name())
    return found


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_icons_take_the_colour_of_their_buttons_words(qtbot, theme) -> None:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, FIXTURE_CONTENT)
    w.session.set_high_contrast(theme.name == "high-contrast")
    qtbot.waitUntil(lambda: w.next_button.property(ICON_PROPERTY) == "arrow-right")
    w.go_to(1)
    for button, words in (
        (w.next_button, theme.on_primary),
        (w.back_button, theme.on_secondary),
        (w.help_button, theme.on_help),
        (w.display_button, theme.on_secondary),
    ):
        assert button.property(ICON_PROPERTY), button.objectName()
        pixmap = button.icon().pixmap(button.iconSize())
        assert _ink(pixmap) == {words}, button.objectName()
    w.go_to(0)  # Back is off: its icon greys with its words
    off = w.back_button.icon().pixmap(w.back_button.iconSize(), QIcon.Mode.Disabled)
    assert _ink(off) == {theme.disabled}


def test_an_icon_is_sharp_at_any_pixel_ratio() -> None:
    pixmap = render("printer", "#000000", 20, 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.height() == 40
