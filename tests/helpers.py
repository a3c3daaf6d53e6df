"""Shared builders for window tests."""

from __future__ import annotations

from pathlib import Path

from decisionaid.cli import Options
from decisionaid.core.policy import Mode


def make_window(qtbot, content: Path, mode: Mode = Mode.PERSONAL, config: Path | None = None):  # type: ignore[no-untyped-def]
    from decisionaid.app import build_parts, build_window

    options = Options(
        content=content,
        config=config,
        kiosk=mode is Mode.KIOSK,
        counsellor=mode is Mode.COUNSELLOR,
    )
    parts = build_parts(options)
    window = build_window(parts)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window
