"""Composition root: builds configuration, content, session, policy and the window, once,
and installs each mode's add-ons side by side (the reader's display tools always; the
counsellor's tools and the kiosk's screens as the policy asks). Nothing below this module
builds any of them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from decisionaid.core.config import Config, default_config_path, is_locale_code, load_config
from decisionaid.core.guide import Guide
from decisionaid.core.guide_cache import GuideStore, load_guide_from
from decisionaid.core.policy import Mode, Policy, policy_for
from decisionaid.core.record import field, record
from decisionaid.core.session import Session
from decisionaid.paths import DEFAULT_LOCALE, content_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from decisionaid.core.decision_data import DecisionData
    from decisionaid.ui.counsellor.toolbar import CounsellorTools
    from decisionaid.ui.display_tools import DisplayTools
    from decisionaid.ui.kiosk.controller import KioskController
    from decisionaid.ui.main_window import MainWindow

APP_NAME = "decisionaid"
NO_FONTS_EXIT_CODE = 1  # --startup-probe: the app starts, but readers would see no text


@record(frozen=True)
class Options:
    """How the app was started: the command line's options, or a test's."""

    content: Path | None = None
    locale: str | None = None  # None: the configuration's locale, else English
    config: Path | None = None
    kiosk: bool = False
    counsellor: bool = False
    startup_probe: bool = False


@record
class AppParts:
    config: Config
    guide: Guide
    policy: Policy
    session: Session = field(default_factory=Session)
    # The cache folder the guide was read from; "" when its files were parsed.
    guide_source: str = ""


@record
class App:
    """The window and the add-ons installed on it."""

    window: MainWindow
    display: DisplayTools
    counsellor: CounsellorTools | None = None
    kiosk: KioskController | None = None


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
        printer_named=bool(config.printer),
        on_screen_keyboard=wants_on_screen_keyboard(mode, config),
        help_idle_timeout_seconds=config.help_idle_timeout_seconds,
    )
    guide, store = load_guide_from(root, locale, guide_stores(policy))
    source = str(store.folder) if store is not None else ""
    return AppParts(config=config, guide=guide, policy=policy, guide_source=source)


def wants_on_screen_keyboard(mode: Mode, config: Config) -> bool:
    """Whether a kiosk shows Qt's on-screen keyboard: the clinic switched it on, or left it on
    "auto" and no physical keyboard is attached. Only where Qt's keyboard is installed (it
    ships in PySide6-Addons); a clinic that asked for it without is told so, and readers get
    no text box to type in, as before."""
    if mode is not Mode.KIOSK or config.on_screen_keyboard == "off":
        return False
    from decisionaid.core.input_devices import keyboard_found_before_qt
    from decisionaid.ui.on_screen_keyboard import on_screen_keyboard_installed

    if config.on_screen_keyboard == "auto" and keyboard_found_before_qt():
        return False
    if on_screen_keyboard_installed():
        return True
    if config.on_screen_keyboard == "on":
        config.diagnostics.error(
            config.path or "configuration",
            config.on_screen_keyboard_line,
            "kiosk.on_screen_keyboard is on, but Qt's on-screen keyboard is not installed "
            "(it comes with PySide6-Addons); readers cannot type their own questions",
        )
    return False


def guide_stores(policy: Policy) -> list[GuideStore]:
    """Where the parsed guide may be found: the one made ahead of time for every shipped
    language (read-only), then the user's cache folder, unless the mode writes nothing to disk
    (kiosk)."""
    from decisionaid.paths import guide_cache_dir, user_cache_dir

    stores = [GuideStore(guide_cache_dir(), writable=False, shipped=True)]
    if policy.cache_pages:
        stores.append(GuideStore(user_cache_dir() / "guide", writable=True))
    return stores


def ensure_qapplication(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName("Ketamine for PTSD")
        app.setOrganizationName(APP_NAME)
    return app  # type: ignore[return-value]


def decision_data_loader(guide: Guide) -> Callable[[], DecisionData]:
    """The guide's decision data, read from its files the first time a step asks: start-up
    neither reads them nor loads the module that does."""
    loaded: list[DecisionData] = []

    def load() -> DecisionData:
        if not loaded:
            from decisionaid.core.decision_files import load_decision_data

            loaded.append(load_decision_data(guide.root, guide.locale, guide.references))
        return loaded[0]

    return load


def build_app(parts: AppParts, screen_size: tuple[int, int] | None = None) -> App:
    """The window, with the add-ons its policy asks for. `screen_size` (logical pixels) stands
    in for the primary screen's, for pictures of a screen the app is not running on."""
    from decisionaid.core.page_cache import app_pages
    from decisionaid.ui.accessible import install_accessibility
    from decisionaid.ui.display_tools import DisplayTools
    from decisionaid.ui.main_window import MainWindow, StylePart

    install_accessibility()
    policy = parts.policy
    size_text_for_screen(policy, screen_size)
    kiosk = policy.idle_reset or policy.staff_exit_gesture
    styles: list[StylePart] = []
    if kiosk:
        from decisionaid.ui.kiosk.screens import screen_stylesheet

        styles.append(screen_stylesheet)  # from the start, so nothing is styled twice
    window = MainWindow(
        parts.guide,
        parts.session,
        policy,
        parts.config,
        pages=app_pages(parts.guide, policy),
        decision_data=decision_data_loader(parts.guide),
        styles=styles,
    )
    app = App(window, DisplayTools(window))
    if policy.step_index or policy.presenter_view or policy.step_handouts:
        from decisionaid.ui.counsellor.toolbar import CounsellorTools

        app.counsellor = CounsellorTools(window)
    if kiosk:
        from decisionaid.ui.kiosk.controller import KioskController

        app.kiosk = KioskController(window)
    return app


def size_text_for_screen(policy: Policy, screen_size: tuple[int, int] | None = None) -> None:
    """Body text for the screen the app opens on (core/text_size.py), set once, before the
    window is styled."""
    from decisionaid.core.text_size import body_px
    from decisionaid.ui.theme import set_body_px

    short_mm = None
    if screen_size is None:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        size = screen.size() if screen is not None else None
        screen_size = (size.width(), size.height()) if size is not None else (0, 0)
        if screen is not None:
            mm = screen.physicalSize()
            short_mm = min(mm.width(), mm.height())
    short_px = min(screen_size)
    set_body_px(body_px(short_px, short_mm, scale_to_screen=policy.text_scales_with_screen))


def show_window(window: MainWindow, policy: Policy) -> None:
    if policy.frameless:
        from PySide6.QtCore import Qt  # only here (see the start-up list)

        flags = window.windowFlags() | Qt.WindowType.FramelessWindowHint
        if window.windowHandle() is None:
            # Not yet made on screen, so the flags reach the window system when it is: the same
            # as setWindowFlag without its re-parenting, which restyles every widget under the
            # window's style sheet (about 180 M instructions, an eighth of a kiosk's start).
            window.overrideWindowFlags(flags)
        else:
            window.setWindowFlags(flags)
    if policy.fullscreen:
        # On Wayland the compositor sizes a full-screen window only after its first frame, which
        # Qt would draw at its default two-thirds size; sized to the screen first, the kiosk's
        # first frame already fills it.
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
    else:
        show_sized_to_screen(window)


DEFAULT_SIZE = (1280, 800)


def show_sized_to_screen(window: MainWindow) -> None:
    """Personal and counsellor windows open at the default size where the screen has room for
    it, and fill the screen's available area (maximised) where it has not, so Back and Next
    are never below the bottom of a laptop's screen."""
    area = window.screen().availableGeometry()
    width, height = DEFAULT_SIZE
    if area.width() < width or area.height() < height:
        # The geometry first: with no window manager to maximise it, the window still fits.
        window.setGeometry(area)
        window.showMaximized()
        return
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())
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

    from decisionaid.logging_setup import (
        configure_logging,
        log_config_notices,
        log_first_paint,
        log_startup,
    )

    log_setup = configure_logging(parts.policy, parts.session)
    log_startup(parts.guide, parts.policy, log_setup, parts.guide_source)
    if parts.policy.on_screen_keyboard:
        from decisionaid.ui.on_screen_keyboard import use_on_screen_keyboard

        use_on_screen_keyboard()  # before the QApplication, which loads the input method
    app = ensure_qapplication()
    from decisionaid.ui.font_check import font_problem

    if problem := font_problem(app):
        import logging

        logging.getLogger("decisionaid").error("%s", problem)
        if not log_setup.shows_on_stderr(logging.ERROR):
            print(f"decisionaid: {problem}", file=sys.stderr)
        if options.startup_probe:
            return NO_FONTS_EXIT_CODE
    assembled = build_app(parts)
    window = assembled.window
    log_config_notices(parts.config.staff_notices)
    # Staff starting the app from a terminal see each notice once: from the log where it goes
    # to standard error (kiosk), else printed here (personal and counsellor log to a file).
    if not log_setup.shows_on_stderr(WARNING):
        for notice in parts.config.staff_notices:
            print(f"decisionaid: configuration: {notice}", file=sys.stderr)
    from decisionaid.ui.crash_guard import install_crash_guard

    kiosk = assembled.kiosk
    install_crash_guard(window, recover=kiosk.full_reset if kiosk is not None else None)
    window.firstPaint.connect(_after_start_up)
    window.firstPaint.connect(lambda: log_first_paint(window.pages))
    if options.startup_probe:
        # exit(), not quit(): in Qt 6 quit() first asks every window to close, and a kiosk
        # window may refuse, which would leave the probe running forever.
        window.firstPaint.connect(lambda: app.exit(0))
    show_window(window, parts.policy)
    return app.exec()
