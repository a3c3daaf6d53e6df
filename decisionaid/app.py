"""Composition root: builds configuration, content, session, policy and the window, once."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.cli import Options
from decisionaid.core.config import Config, default_config_path, is_locale_code, load_config
from decisionaid.core.content import Guide
from decisionaid.core.guide_cache import GuideStore, load_guide_cached
from decisionaid.core.policy import Mode, Policy, policy_for
from decisionaid.core.record import field, record
from decisionaid.core.session import Session
from decisionaid.paths import DEFAULT_LOCALE, content_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from decisionaid.ui.main_window import MainWindow

APP_NAME = "decisionaid"
NO_FONTS_EXIT_CODE = 1  # --startup-probe: the app starts, but readers would see no text


@record
class AppParts:
    config: Config
    guide: Guide
    policy: Policy
    session: Session = field(default_factory=Session)


def choose_mode(options: Options, config: Config) -> Mode:
    if options.kiosk:
        return Mode.KIOSK
    if options.counsellor:
        return Mode.COUNSELLOR
    return Mode(config.mode)


def choose_content(options: Options, config: Config) -> tuple[Path, str]:
    """The content folder and its language: --locale wins over the configuration's locale.

    A language the app has no content for falls back to English with a staff notice, so a typo
    in a clinic's file or on a shortcut still opens the guide readers can use.
    """
    locale = options.locale or config.locale
    if options.content is not None:
        return Path(options.content), locale
    root = content_dir(locale) if is_locale_code(locale) else None
    if root is not None and (root / "guide.toml").is_file():
        return root, locale
    source = "command line (--locale)" if options.locale else (config.path or "configuration")
    config.diagnostics.error(
        source, 1, f"no content in the language '{locale}'; using {DEFAULT_LOCALE}"
    )
    return content_dir(DEFAULT_LOCALE), DEFAULT_LOCALE


def build_parts(options: Options) -> AppParts:
    """Everything but Qt: safe to call from tests and subcommands."""
    explicit = options.config is not None
    config = load_config(options.config if explicit else default_config_path(), explicit=explicit)
    mode = choose_mode(options, config)
    root, locale = choose_content(options, config)
    policy = policy_for(
        mode,
        idle_timeout_seconds=config.idle_timeout_seconds,
        idle_warning_seconds=config.idle_warning_seconds,
    )
    guide = load_guide_cached(root, locale, guide_store(policy))
    return AppParts(config=config, guide=guide, policy=policy)


def guide_store(policy: Policy) -> GuideStore | None:
    """Where the parsed guide is kept between starts: the user's cache folder, unless the mode
    writes nothing to disk (kiosk)."""
    if not policy.cache_pages:
        return None
    from decisionaid.paths import user_cache_dir

    return GuideStore(user_cache_dir() / "guide", writable=True)


def ensure_qapplication(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName("Ketamine for PTSD")
        app.setOrganizationName(APP_NAME)
    return app  # type: ignore[return-value]


def build_window(parts: AppParts) -> MainWindow:
    from decisionaid.ui.accessible import install_accessibility
    from decisionaid.ui.main_window import MainWindow

    install_accessibility()
    if not (parts.policy.idle_reset or parts.policy.staff_exit_gesture):
        return MainWindow(parts.guide, parts.session, parts.policy, parts.config)
    from decisionaid.ui.kiosk.controller import install_kiosk
    from decisionaid.ui.kiosk.screens import screen_stylesheet

    # Styled for its kiosk screens from the start, so nothing is styled twice.
    window = MainWindow(
        parts.guide, parts.session, parts.policy, parts.config, styles=[screen_stylesheet]
    )
    install_kiosk(window)
    return window


def show_window(window: MainWindow, policy: Policy) -> None:
    if policy.frameless:
        from PySide6.QtCore import Qt  # only here: `Qt` costs start-up time (ui/controls.py)

        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    if policy.fullscreen:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()


def _after_start_up() -> None:
    """Once the first screen has painted: what start-up made (modules, classes, the window and
    its widgets, about 32,000 objects, of which a few hundred are garbage) lives as long as the
    app, so it is moved out of the cycle collector's way (gc.freeze) before the collector is
    turned back on (cli.main keeps it off during start-up). Otherwise every later full
    collection, and the one at exit, walks all of it again."""
    import gc

    gc.freeze()
    gc.enable()


def run(options: Options) -> int:
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        print(
            "decisionaid: no display found (set DISPLAY, or QT_QPA_PLATFORM=offscreen)",
            file=sys.stderr,
        )
        return 2
    parts = build_parts(options)
    if parts.policy.mode is Mode.KIOSK:
        from decisionaid.ui.kiosk.environment import prepare_kiosk_environment

        prepare_kiosk_environment()  # before Qt starts, so no library caches anything on disk
    from logging import WARNING

    from decisionaid.logging_setup import configure_logging, log_config_notices, log_startup

    log_setup = configure_logging(parts.policy, parts.session)
    log_startup(parts, log_setup)
    app = ensure_qapplication()
    from decisionaid.ui.font_check import font_problem

    if problem := font_problem(app):
        import logging

        logging.getLogger("decisionaid").error("%s", problem)
        if not log_setup.shows_on_stderr(logging.ERROR):
            print(f"decisionaid: {problem}", file=sys.stderr)
        if options.startup_probe:
            return NO_FONTS_EXIT_CODE
    window = build_window(parts)
    log_config_notices(parts.config.staff_notices)
    # Staff starting the app from a terminal see each notice once: from the log where it goes
    # to standard error (kiosk), else printed here (personal and counsellor log to a file).
    if not log_setup.shows_on_stderr(WARNING):
        for notice in parts.config.staff_notices:
            print(f"decisionaid: configuration: {notice}", file=sys.stderr)
    from decisionaid.ui.crash_guard import install_crash_guard

    install_crash_guard(window, kiosk=parts.policy.mode is Mode.KIOSK)
    window.firstPaint.connect(_after_start_up)
    if options.startup_probe:
        # exit(), not quit(): in Qt 6 quit() first asks every window to close, and a kiosk
        # window may refuse, which would leave the probe running forever.
        window.firstPaint.connect(lambda: app.exit(0))
    show_window(window, parts.policy)
    return app.exec()
