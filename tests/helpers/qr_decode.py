"""Reads QR codes off a picture of the screen with zbar, the decoder many phone apps are built
on (Debian's libzbar0, through pyzbar). `make test` installs both."""

from __future__ import annotations

from PySide6.QtGui import QImage


def decode_qr(image: QImage) -> list[str]:
    """The text of every QR code zbar finds in `image`, top to bottom."""
    from pyzbar import pyzbar

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())
    rows = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    found = pyzbar.decode((rows, width, height), symbols=[pyzbar.ZBarSymbol.QRCODE])
    found.sort(key=lambda symbol: symbol.rect.top)
    return [symbol.data.decode("utf-8") for symbol in found]
