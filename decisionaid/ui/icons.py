"""Icons on the buttons a reader looks for (help, Back, Next, Display, contents, print, QR),
from the Lucide set (resources/icons/lucide: ISC licence, version in its README).

Each is drawn in the colour of its button's words in the current theme, so it has the same
contrast as they do, in both themes; a disabled button's icon greys with its words. The icons
are made after the first paint (they are not needed to show the first screen) and again when
the theme or the text size changes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QIcon, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QPushButton, QWidget

from decisionaid.paths import icon_path
from decisionaid.ui.theme import Theme

# Buttons by object name, and the icon each shows.
ICONS = {
    "helpButton": "life-buoy",
    "backButton": "arrow-left",
    "nextButton": "arrow-right",
    "displayButton": "a-large-small",
    "contentsButton": "list-ordered",
    "printSummary": "printer",
    "printStep": "printer",
    "showQr": "qr-code",
}
ICON_PROPERTY = "iconName"  # set on each button that has been given its icon


@cache
def _svg(name: str) -> bytes:
    return icon_path(f"lucide/{name}.svg").read_bytes()


def render(name: str, colour: str, side_px: int, ratio: float) -> QPixmap:
    """Icon `name` drawn in `colour`, `side_px` logical pixels square, sharp at `ratio`, with a
    gap after it (a button puts its words right against its icon)."""
    data = QByteArray(_svg(name).replace(b"currentColor", colour.encode()))
    buffer = QBuffer(data)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    device = round(side_px * ratio)
    reader.setScaledSize(QSize(device, device))
    glyph = reader.read()
    gap = round(gap_px(side_px) * ratio)
    image = QImage(device + gap, device, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.drawImage(0, 0, glyph)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def gap_px(side_px: int) -> int:
    return max(6, side_px // 3)


def colour_for(button: QPushButton, theme: Theme) -> str:
    """The colour of the button's words (theme.py): on the primary, help or plain fill."""
    if button.objectName() == "helpButton":
        return theme.on_help
    if button.property("role") == "primary":
        return theme.on_primary
    return theme.on_secondary


def icon_side(font_px: int) -> int:
    return max(16, round(font_px * 1.15))


def apply_icons(root: QWidget, theme: Theme, font_px: int) -> list[QPushButton]:
    """Give every button in `root` that has an icon (ICONS) its icon, for `theme` and text size
    `font_px`; returns the buttons given one."""
    side = icon_side(font_px)
    done = []
    for button in root.findChildren(QPushButton):
        name = ICONS.get(button.objectName())
        if name is None:
            continue
        ratio = button.devicePixelRatioF()
        icon = QIcon()
        icon.addPixmap(render(name, colour_for(button, theme), side, ratio))
        icon.addPixmap(render(name, theme.disabled, side, ratio), QIcon.Mode.Disabled)
        if button.isCheckable():
            on = render(name, theme.on_selection, side, ratio)
            icon.addPixmap(on, QIcon.Mode.Normal, QIcon.State.On)
        button.setIcon(icon)
        button.setIconSize(QSize(side + gap_px(side), side))
        button.setProperty(ICON_PROPERTY, name)
        done.append(button)
    return done
