"""The clinic's logo for the header, from the configuration; a bad file means no logo."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from decisionaid.core.config import Config
from decisionaid.core.i18n import _

MAX_LOGO_WIDTH = 240


def clinic_logo_label(
    config: Config, height_px: int, parent: QWidget | None = None
) -> QLabel | None:
    """A label showing the logo at header height, or None (with a staff notice) if unusable."""
    path = config.clinic_logo
    if path is None:
        return None
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        config.diagnostics.error(
            config.path or path,
            config.clinic_logo_line,
            f"clinic.logo '{path}' could not be read as an image; no logo shown",
        )
        return None
    from PySide6.QtCore import Qt  # only with a logo: the window imports this module early

    scaled = pixmap.scaledToHeight(height_px, Qt.TransformationMode.SmoothTransformation)
    if scaled.width() > MAX_LOGO_WIDTH:
        scaled = pixmap.scaledToWidth(MAX_LOGO_WIDTH, Qt.TransformationMode.SmoothTransformation)
    label = QLabel(parent)
    label.setObjectName("clinicLogo")
    label.setPixmap(scaled)
    label.setAccessibleName(
        _("{clinic} logo").format(clinic=config.clinic_name)
        if config.clinic_name
        else _("Clinic logo")
    )
    return label
