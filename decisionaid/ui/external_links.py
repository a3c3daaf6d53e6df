"""Leaving the guide for a web page: only where the policy allows it, and only once the reader
has agreed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from decisionaid.core.i18n import _


def ask_to_open(parent: QWidget, url: str) -> None:
    """Ask, over `parent`, before opening `url` in the system's web browser."""
    from PySide6.QtWidgets import QMessageBox  # here: its enums are costly (ui/controls.py)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Open a web page?"))
    box.setText(
        _("This opens {address} in your web browser, outside this guide. Open it?").format(
            address=url
        )
    )
    # Buttons with the guide's own words: Qt's standard Yes and No would be in English.
    open_it = box.addButton(_("Open the page"), QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(_("Stay in the guide"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.exec()
    if box.clickedButton() is open_it:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))
