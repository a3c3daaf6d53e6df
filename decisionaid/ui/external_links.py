"""Leaving the guide for a web page: only where the policy allows it, and only once the reader
has agreed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def ask_to_open(parent: QWidget, url: str) -> None:
    """Ask, over `parent`, before opening `url` in the system's web browser."""
    from PySide6.QtWidgets import QMessageBox  # here: its enums are costly (ui/controls.py)

    answer = QMessageBox.question(
        parent,
        "Open a web page?",
        f"This opens {url} in your web browser, outside this guide. Open it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))
