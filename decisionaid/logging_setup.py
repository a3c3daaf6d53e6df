"""Where the app's log goes, and the rule that no log line holds what a reader chose or typed.

Personal and counsellor use log to a small rotating file in the platform's log folder, so staff
can find problems after the fact. A kiosk writes nothing to disk: it logs to standard error, where
the service manager (systemd journal, Windows event log) keeps it.

Every handler carries a filter that removes any text found in the reader's session, so a careless
`log.debug("added %s", question)` anywhere in the app, or a Qt message, can never record it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from decisionaid.core.record import field, is_record, record, record_fields

if TYPE_CHECKING:
    from decisionaid.core.guide import Guide
    from decisionaid.core.page_cache import Pages
    from decisionaid.core.policy import Policy
    from decisionaid.core.session import Session

APP_NAME = "decisionaid"
LOG_FILE_NAME = "decisionaid.log"
MAX_LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3
LEVEL_ENV = "DECISIONAID_LOG_LEVEL"  # e.g. DECISIONAID_LOG_LEVEL=debug
REDACTED = "[reader text removed]"
# Shorter strings (a SURE letter, "no") would blank out ordinary words all over the log.
MIN_REDACTED_CHARS = 3
MAX_DIAGNOSTICS_LOGGED = 50
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("decisionaid")


def log_dir(
    platform: str = sys.platform,
    env: dict[str, str] | os._Environ[str] = os.environ,
    home: Path | None = None,
) -> Path:
    """The platform's usual folder for this app's logs."""
    home = home or Path.home()
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_NAME / "Logs"
    if platform == "darwin":
        return home / "Library" / "Logs" / APP_NAME
    state = env.get("XDG_STATE_HOME") or str(home / ".local" / "state")
    return Path(state) / APP_NAME / "log"


def reader_strings(state: Any) -> set[str]:
    """Every piece of text in the reader's session: ids of what they chose and what they typed.

    Walks the session's fields generically, so a field added later is covered without a change.
    """
    return {s for s in _strings(state) if len(s.strip()) >= MIN_REDACTED_CHARS}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield from (part for part in value.split() if len(part) >= 8)
    elif is_record(value) and not isinstance(value, type):
        for name in record_fields(value):
            yield from _strings(getattr(value, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)


class RotatingLogFile(logging.FileHandler):
    """A log file that never grows past `max_bytes`: when full it becomes .1 (.1 becomes .2...).

    The same as logging.handlers.RotatingFileHandler, without importing logging.handlers
    (the start-up list, tests/process/test_startup_imports.py).
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups
        self.failed = False  # a write has failed (a full disk, say) and staff were told once

    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (a full disk, a removed folder) says so once, in one
        line on standard error, and then fails quietly: never a traceback per log line, and
        never an error the reader sees. Writing is tried again with each line."""
        if self.failed:
            return
        self.failed = True
        problem = sys.exc_info()[1]
        reason = getattr(problem, "strerror", None) or problem or "unknown error"
        with contextlib.suppress(Exception):
            print(
                f"decisionaid: cannot write the log file {self.baseFilename} ({reason}); "
                "log lines are dropped until it can be written again",
                file=sys.stderr,
                flush=True,
            )
        if self.stream is not None:
            # Whatever is stuck in the buffer would fail again at every flush.
            with contextlib.suppress(Exception):
                self.stream.close()
            self.stream = None  # type: ignore[assignment]

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() > 0:
                size = self.stream.tell() + len(self.format(record)) + len(self.terminator)
                if size > self.max_bytes:
                    self.rotate()
        except Exception:  # a log that cannot rotate must not stop the app
            self.handleError(record)
            return
        super().emit(record)

    def rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = Path(self.baseFilename)
        for n in range(self.backups - 1, 0, -1):
            older = base.with_name(f"{base.name}.{n}")
            if older.exists():
                older.replace(base.with_name(f"{base.name}.{n + 1}"))
        if base.exists():
            base.replace(base.with_name(f"{base.name}.1"))
        self.stream = self._open()


class ReaderDataFilter(logging.Filter):
    """Replaces any reader text in a record (message, arguments, traceback) before it is written."""

    def __init__(self, secrets: Callable[[], Iterable[str]]) -> None:
        super().__init__()
        self._secrets = secrets
        self._formatter = logging.Formatter()

    def redact(self, text: str) -> str:
        for secret in sorted(set(self._secrets()), key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record, or leak its args
            message = f"{record.msg!s} (unformattable arguments)"
        record.msg, record.args = self.redact(message), None
        if record.exc_info:
            record.exc_text = self.redact(self._formatter.formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


@record
class LoggingSetup:
    """What configure_logging changed, so tests (and a second run in one process) can undo it."""

    handlers: list[logging.Handler] = field(default_factory=list)
    file: Path | None = None
    previous_level: int = logging.WARNING
    previous_qt_handler: object = None
    qt_installed: bool = False

    def shows_on_stderr(self, level: int) -> bool:
        """Whether a record at `level` already reaches standard error through this log."""
        if logging.getLogger().getEffectiveLevel() > level:
            return False
        return any(
            isinstance(h, logging.StreamHandler)
            and not isinstance(h, logging.FileHandler)
            and getattr(h, "stream", None) in (sys.stderr, sys.__stderr__)
            and h.level <= level
            for h in self.handlers
        )

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self.previous_level)
        logging.captureWarnings(False)
        if self.qt_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self.previous_qt_handler)  # type: ignore[arg-type]
        self.handlers.clear()


def _level(explicit: int | str | None) -> int:
    wanted = explicit if explicit is not None else os.environ.get(LEVEL_ENV, "INFO")
    if isinstance(wanted, int):
        return wanted
    level = logging.getLevelName(wanted.strip().upper())
    return level if isinstance(level, int) else logging.INFO


def configure_logging(
    policy: Policy,
    session: Session,
    *,
    level: int | str | None = None,
    directory: Path | None = None,
    stream: TextIO | None = None,
    qt_messages: bool = True,
) -> LoggingSetup:
    """Send the app's log (and Qt's messages) where the policy allows, with reader text removed."""
    from decisionaid.core.session import SessionState

    def secrets() -> set[str]:
        state = getattr(session, "state", None)
        return reader_strings(state) if isinstance(state, SessionState) else set()

    root = logging.getLogger()
    setup = LoggingSetup(previous_level=root.level)
    problem = ""
    handler: logging.Handler | None = None
    if policy.log_to_file:
        folder = directory or log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = RotatingLogFile(folder / LOG_FILE_NAME, MAX_LOG_BYTES, LOG_BACKUPS)
            setup.file = folder / LOG_FILE_NAME
        except OSError as exc:
            problem = f"cannot write logs to {folder} ({exc.strerror or exc}); using standard error"
    if handler is None:
        handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(ReaderDataFilter(secrets))
    root.addHandler(handler)
    setup.handlers.append(handler)
    root.setLevel(_level(level))
    logging.captureWarnings(True)
    if problem:
        log.warning("%s", problem)
    if qt_messages:
        from PySide6.QtCore import qInstallMessageHandler

        setup.previous_qt_handler = qInstallMessageHandler(qt_message_handler)
        setup.qt_installed = True
    return setup


# Qt's last word on its display connection ("could not connect to display :99"), kept to say
# why, should the platform then fail to start.
_last_platform_warning = ""
DISPLAY_EXIT_CODE = 2  # as for no display at all (app.run)


def qt_message_handler(kind: Any, context: Any, message: str) -> None:
    """Qt's own warnings (fonts, plugins, rich text) go to the same log as everything else."""
    global _last_platform_warning
    from PySide6.QtCore import QtMsgType

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    category = getattr(context, "category", None) or "default"
    if kind == QtMsgType.QtFatalMsg and "failed to start because no Qt platform" in message:
        # No display could be opened (a wrong DISPLAY, an X server that refuses us): say that
        # plainly and exit as for a missing display, not with Qt's abort (exit 134) and its
        # advice to reinstall.
        display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "(none)"
        why = f" ({_last_platform_warning})" if _last_platform_warning else ""
        text = (
            f"cannot open the display {display}{why}; check DISPLAY or WAYLAND_DISPLAY, "
            "or set QT_QPA_PLATFORM=offscreen"
        )
        log.critical("%s", text)
        print(f"decisionaid: {text}", file=sys.stderr, flush=True)
        logging.shutdown()
        os._exit(DISPLAY_EXIT_CODE)
    logging.getLogger(f"qt.{category}").log(levels.get(kind, logging.WARNING), "%s", message)
    if category.startswith("qt.qpa") and "display" in message.lower():
        _last_platform_warning = message
    if kind == QtMsgType.QtFatalMsg:
        # Qt aborts the process as soon as this returns: say why where the service manager
        # (or a terminal) sees it, not only in a log file nobody may be reading.
        print(f"decisionaid: Qt fatal error ({category}): {message}", file=sys.stderr, flush=True)


def log_startup(guide: Guide, policy: Policy, setup: LoggingSetup, guide_source: str = "") -> None:
    """What staff need to read a log: version, mode, content folder and its problems, and
    whether the guide came from a cache (`guide_source`, its folder) or was parsed now."""
    from decisionaid import __version__

    log.info(
        "decisionaid %s starting: mode %s, Python %s, %s",
        __version__,
        policy.mode.value,
        sys.version.split()[0],
        sys.platform,
    )
    if setup.file is not None:
        log.info("log file: %s", setup.file)
    diagnostics = guide.diagnostics.items
    log.info(
        "content %s: %d steps, %d problems; %s",
        guide.root,
        len(guide.steps),
        len(diagnostics),
        f"parsed guide read from {guide_source}" if guide_source else "guide parsed from its files",
    )
    for diag in diagnostics[:MAX_DIAGNOSTICS_LOGGED]:
        log.warning("content: %s", diag)
    if len(diagnostics) > MAX_DIAGNOSTICS_LOGGED:
        log.warning("content: %d more problems; run check-content", len(diagnostics) - 50)


def log_config_notices(notices: list[str]) -> None:
    """Configuration notices, logged once the window is built: drawing the clinic's logo is
    what finds out that its file is not an image."""
    for notice in notices:
        log.warning("configuration: %s", notice)


def log_first_paint(pages: Pages) -> None:
    """How the first screen's pages were made: a start that had to render one with Markdown
    (a page edited since the caches were made, or none made) is a slow start."""
    log.info(
        "first screen painted; pages from caches: %d, rendered now: %d; Markdown %s",
        pages.from_cache,
        pages.rendered,
        "loaded" if "markdown" in sys.modules else "not loaded",
    )
