"""Builders for kiosk tests: a kiosk window, optionally with tiny timeouts set on the policy."""

from __future__ import annotations

from pathlib import Path

from decisionaid.app import Options
from decisionaid.core.policy import Mode, policy_for
from tests.helpers import FIXTURE_CONTENT


def make_kiosk(  # type: ignore[no-untyped-def]
    qtbot,
    content: Path | None = FIXTURE_CONTENT,
    config: Path | None = None,
    argv: list[str] | None = None,
    **policy,
):
    """A shown kiosk window and its controller. Policy overrides (e.g. idle_timeout_seconds=1)
    go straight to the policy, bypassing the clinic-facing limits the configuration enforces.
    With `argv`, the options come from the command line exactly as `decisionaid` parses it."""
    from PySide6.QtWidgets import QApplication

    from decisionaid.app import build_app, build_parts

    if argv is not None:
        from decisionaid.cli import _options, _parser

        options = _options(_parser().parse_args(argv))
        assert options.kiosk, "make_kiosk builds kiosks only"
    else:
        options = Options(content=content, config=config, kiosk=True)
    parts = build_parts(options)
    if policy:
        parts.policy = policy_for(Mode.KIOSK, **policy)
    app = build_app(parts)
    window, controller = app.window, app.kiosk
    assert controller is not None

    qtbot.addWidget(window, before_close_func=lambda _window: controller.stand_down())
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, controller
