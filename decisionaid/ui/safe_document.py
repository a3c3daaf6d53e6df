"""A QTextDocument that never reads a file, a data: address or the network.

QTextDocument's own loadResource quietly falls back to reading local files (and decoding data:
addresses) whenever the widget's loadResource returns nothing, so overriding the widget alone is
not enough. Every document the app shows or prints is one of these; it answers only for pictures
the app draws itself, and gives an empty stand-in for everything else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

# Schemes whose pictures the app draws itself; a loader for them is passed in.
DRAWN_SCHEMES = frozenset({"iconarray"})

ImageLoader = Callable[["QUrl"], "QImage | None"]


def blocked_resource(kind: int) -> object:
    """An empty stand-in for a resource that must not be loaded, of the type Qt expects."""
    if kind == QTextDocument.ResourceType.ImageResource:
        # Here: the first page asks for no resource (see the start-up list).
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        return image
    return ""


def resource_for(kind: int, url: QUrl, images: ImageLoader | None) -> object:
    """The app-drawn picture for an allowed address, or the blocked stand-in."""
    if (
        images is not None
        and kind == QTextDocument.ResourceType.ImageResource
        and url.scheme() in DRAWN_SCHEMES
    ):
        image = images(url)
        if image is not None and not image.isNull():
            return image
    return blocked_resource(kind)


class SafeTextDocument(QTextDocument):
    """Use this for every rich-text document the app builds, on screen or for printing."""

    def __init__(self, parent: QObject | None = None, images: ImageLoader | None = None) -> None:
        super().__init__(parent)
        self._images = images

    def loadResource(self, kind: int, url: QUrl) -> object:
        value = resource_for(kind, url, self._images)
        # The base class would cache the answer; without it the image is redrawn on every paint.
        self.addResource(kind, url, value)
        return value
