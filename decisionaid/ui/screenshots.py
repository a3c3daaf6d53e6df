"""`decisionaid screenshots`: every step rendered offscreen to a numbered PNG."""

from __future__ import annotations

import os
from pathlib import Path

from decisionaid.cli import Options


def take_screenshots(
    options: Options, out_dir: Path, size: tuple[int, int], scale: int = 100
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from decisionaid.app import build_parts, build_window, ensure_qapplication

    app = ensure_qapplication()
    parts = build_parts(options)
    window = build_window(parts)
    window.resize(*size)
    window.show()
    if scale != 100:
        window.set_text_scale(scale)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    width = len(str(len(parts.guide.steps)))
    for index, step in enumerate(parts.guide.steps):
        window.go_to(index)
        widget = window.current_widget()
        name = f"{index + 1:0{width}d}-{step.id}"
        if widget is not None and getattr(widget, "showing_note", False):
            written.append(_grab(app, window, out_dir / f"{name}-note.png"))
            widget.reveal()  # type: ignore[attr-defined]
        written.append(_grab(app, window, out_dir / f"{name}.png"))
    window.close()
    return written


def _grab(app, window, path: Path) -> Path:  # type: ignore[no-untyped-def]
    app.processEvents()
    window.grab().save(str(path))
    return path
