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
from decisionaid.core.languages import offered_languages, use_language
from decisionaid.core.policy import Mode, Policy, policy_for
from decisionaid.core.record import field, record
from decisionaid.core.session import Change, Session
from decisionaid.paths import DEFAULT_LOCALE, content_dir
from decisionaid.ui.on_screen_keyboard_choice import wants_on_screen_keyboard
from decisionaid.ui.window_placement import show_window, size_text_for_screen, take_place_of

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
    # The languages a reader may switch to (the guide's first), and the one a reset returns to.
    languages: tuple[str, ...] = (DEFAULT_LOCALE,)
    default_locale: str = DEFAULT_LOCALE
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
    use_language(config, locale)
    guide, store = load_guide_from(root, locale, guide_stores(policy))
    source = str(store.folder) if store is not None else ""
    languages = offered_languages(config, locale, options.content is not None)
    return AppParts(
        config=config,
        guide=guide,
        policy=policy,
        guide_source=source,
        languages=languages,
        default_locale=locale,
    )


def parts_in_language(parts: AppParts, locale: str, guide: Guide | None = None) -> AppParts:
    """The same reader, configuration and mode, with the guide and the interface in `locale`."""
    use_language(parts.config, locale)
    source = ""
    if guide is None:
        guide, store = load_guide_from(content_dir(locale), locale, guide_stores(parts.policy))
        source = str(store.folder) if store is not None else ""
    return AppParts(
        config=parts.config,
        guide=guide,
        policy=parts.policy,
        session=parts.session,
        guide_source=source,
        languages=parts.languages,
        default_locale=parts.default_locale,
    )


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
    from PySide6.QtCore import QLocale

    from decisionaid.core.page_cache import app_pages
    from decisionaid.ui.accessible import install_accessibility
    from decisionaid.ui.display_tools import DisplayTools
    from decisionaid.ui.language_control import language_buttons
    from decisionaid.ui.main_window import MainWindow, StylePart
    from decisionaid.ui.qt_translations import install_qt_translations

    install_accessibility()
    install_qt_translations(parts.guide.locale)
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
        show_step=not kiosk,  # the welcome stands over it: the kiosk's controller builds it
    )
    # Every widget inherits the window's locale, which is what a screen reader is told the
    # language is (AT-SPI's GetLocale): its speech takes the guide's language's voice.
    window.setLocale(QLocale(parts.guide.locale))
    # And the default for what Qt makes itself (the on-screen keyboard's layout, say).
    QLocale.setDefault(QLocale(parts.guide.locale))
    app = App(window, DisplayTools(window))
    window.add_header_tools(
        *language_buttons(parts.session, parts.guide.locale, parts.languages, parent=window)
    )
    if policy.step_index or policy.presenter_view or policy.step_handouts:
        from decisionaid.ui.counsellor.toolbar import CounsellorTools

        app.counsellor = CounsellorTools(window)
        app.counsellor.presenter_extras = lambda presenter: language_buttons(
            parts.session, parts.guide.locale, parts.languages, "presenterLanguage", presenter
        )
    if kiosk:
        from decisionaid.ui.kiosk.controller import KioskController

        app.kiosk = KioskController(window)
        app.kiosk.welcome.add_language_buttons(
            language_buttons(
                parts.session, parts.guide.locale, parts.languages, "welcomeLanguage", window
            )
        )
    return app


class LanguageSwitch:
    """Shows the guide in the language the reader chooses, at once, keeping all they did.

    Every word on screen is built in the interface's language, so a switch builds the window
    again, in the new language, on the same session: answers, chosen and own questions, the
    step and the text size carry over because they live in the session, not in widgets. A
    reset (Start over, a kiosk's idle reset) clears the reader's choice, so the next reader
    meets the clinic's default language.
    """

    def __init__(self, parts: AppParts, app: App) -> None:
        self.parts = parts
        self.app = app
        self._pending = False
        self._guides = {parts.guide.locale: parts.guide}  # each language's, read once
        self.switched: list[Callable[[App], None]] = []  # called with each new App
        parts.session.subscribe(self._on_session)

    def wanted(self) -> str:
        return self.parts.session.state.locale or self.parts.default_locale

    def _on_session(self, change: Change) -> None:
        if change not in (Change.LOCALE, Change.RESET) or self._pending:
            return
        if self.wanted() != self.parts.guide.locale:
            from PySide6.QtCore import QTimer

            # After the click (or reset) that asked for it has finished with the old window.
            self._pending = True
            QTimer.singleShot(0, self.apply)

    def apply(self) -> App:
        """Build the window in the wanted language, in the old one's place."""
        self._pending = False
        locale = self.wanted()
        old = self.app
        if locale == self.parts.guide.locale:
            return old
        on_welcome = old.kiosk is not None and old.kiosk.screens.is_showing(old.kiosk.welcome)
        presenter = old.counsellor.presenter if old.counsellor is not None else None
        presenting = presenter is not None and presenter.isVisible()
        self.parts = parts_in_language(self.parts, locale, self._guides.get(locale))
        self._guides[locale] = self.parts.guide
        old.window.signals.detach()
        new = build_app(self.parts)
        if new.kiosk is not None and not on_welcome:
            new.kiosk.start_reading()
        take_place_of(new.window, old.window, self.parts.policy)
        if old.kiosk is not None:
            old.kiosk.stand_down()
        if presenter is not None:  # a window of its own, made by the old window's tools
            presenter.close()
            presenter.deleteLater()
        old.window.close()
        old.window.deleteLater()
        self.app = new
        if presenting and new.counsellor is not None:
            new.counsellor.open_presenter()
        from PySide6.QtWidgets import QPushButton

        control = "welcomeLanguage" if on_welcome else "languageButton"
        focus = new.window.findChild(QPushButton, f"{control}-{old.window.guide.locale}")
        if focus is not None:
            focus.setFocus()  # the keyboard stays on the language control
        for listener in self.switched:
            listener(new)
        return new


def _after_start_up() -> None:
    """Once the first screen has painted: what start-up made (modules, classes, the window and its
    widgets, about 32,000 objects, a few hundred of them garbage) lives as long as the app, so it is
    frozen out of the cycle collector's way before the collector is turned back on (cli.main keeps
    it off during start-up): else every later full collection, the one at exit too, walks it all."""
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
    import logging

    from decisionaid import logging_setup
    from decisionaid.ui.pyside_features import skip_source_scan

    skip_source_scan()  # PySide6 first, so that no module loaded after it is read as source
    log_setup = logging_setup.configure_logging(parts.policy, parts.session)
    logging_setup.log_startup(parts.guide, parts.policy, log_setup, parts.guide_source)
    if parts.policy.on_screen_keyboard:
        from decisionaid.ui.on_screen_keyboard import use_on_screen_keyboard

        use_on_screen_keyboard()  # before the QApplication, which loads the input method
    app = ensure_qapplication()
    from decisionaid.ui.font_check import font_problem

    if problem := font_problem(app):
        logging.getLogger("decisionaid").error("%s", problem)
        if not log_setup.shows_on_stderr(logging.ERROR):
            print(f"decisionaid: {problem}", file=sys.stderr)
        if options.startup_probe:
            return NO_FONTS_EXIT_CODE
    assembled = build_app(parts)
    window = assembled.window
    logging_setup.log_config_notices(parts.config.staff_notices)
    # Staff starting the app from a terminal see each notice once: from the log where it goes
    # to standard error (kiosk), else printed here (personal and counsellor log to a file).
    if not log_setup.shows_on_stderr(logging.WARNING):
        for notice in parts.config.staff_notices:
            print(f"decisionaid: configuration: {notice}", file=sys.stderr)
    from decisionaid.ui.crash_guard import install_crash_guard

    switch = LanguageSwitch(parts, assembled)

    def recover() -> None:
        kiosk = switch.app.kiosk
        if kiosk is not None:
            kiosk.full_reset()

    kiosk_recovery = recover if assembled.kiosk is not None else None
    guards = [install_crash_guard(window, recover=kiosk_recovery)]

    def guard_new_window(new: App) -> None:
        guards.pop().uninstall()
        guards.append(install_crash_guard(new.window, recover=kiosk_recovery))

    switch.switched.append(guard_new_window)
    window.firstPaint.connect(_after_start_up)
    window.firstPaint.connect(lambda: logging_setup.log_first_paint(window.pages))
    if options.startup_probe:
        # exit(), not quit(): in Qt 6 quit() first asks every window to close, and a kiosk
        # window may refuse, which would leave the probe running forever.
        window.firstPaint.connect(lambda: app.exit(0))
    show_window(window, parts.policy)
    return app.exec()
