"""Logging: a rotating file where the platform keeps logs, standard error only in a kiosk, and
never a word of what a reader chose or typed."""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

import pytest

from decisionaid.core.policy import COUNSELLOR, KIOSK, PERSONAL, Mode
from decisionaid.core.session import Session
from decisionaid.logging_setup import (
    LOG_FILE_NAME,
    REDACTED,
    ReaderDataFilter,
    RotatingLogFile,
    configure_logging,
    log_dir,
    qt_message_handler,
    reader_strings,
)
from tests.helpers import FIXTURE_CONTENT, run_decisionaid

OWN_QUESTION = "Can my cousin Zebediah Quokkafeather drive me home afterwards?"
DISTINCTIVE = ("Zebediah", "Quokkafeather", OWN_QUESTION)


@pytest.fixture
def logging_setup():  # type: ignore[no-untyped-def]
    """Undo every configure_logging call, so later tests see pytest's own handlers only."""
    made = []

    def make(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("qt_messages", False)
        setup = configure_logging(*args, **kwargs)
        made.append(setup)
        return setup

    yield make
    for setup in made:
        setup.close()


# -- where logs go ----------------------------------------------------------------------------


def test_log_folder_follows_each_platform(tmp_path: Path) -> None:
    home = tmp_path
    assert log_dir("linux", {"XDG_STATE_HOME": "/s"}, home) == Path("/s/decisionaid/log")
    assert log_dir("linux", {}, home) == home / ".local/state/decisionaid/log"
    assert log_dir("win32", {"LOCALAPPDATA": "C:/Users/a/AppData/Local"}, home) == Path(
        "C:/Users/a/AppData/Local/decisionaid/Logs"
    )
    assert log_dir("darwin", {}, home) == home / "Library/Logs/decisionaid"


@pytest.mark.parametrize("policy", [PERSONAL, COUNSELLOR], ids=["personal", "counsellor"])
def test_personal_and_counsellor_log_to_a_rotating_file(
    policy, private_home: Path, logging_setup
) -> None:  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    setup = logging_setup(policy, Session(), stream=stream)
    logging.getLogger("decisionaid.test").warning("a staff-facing problem")
    expected = Path(os.environ["XDG_STATE_HOME"]) / "decisionaid" / "log" / LOG_FILE_NAME
    assert setup.file == expected
    handler = setup.handlers[0]
    assert isinstance(handler, RotatingLogFile)
    assert handler.max_bytes > 0 and handler.backups > 0
    handler.flush()
    assert "a staff-facing problem" in expected.read_text(encoding="utf-8")
    assert stream.getvalue() == ""


def test_the_log_file_rotates_instead_of_growing(tmp_path: Path) -> None:
    path = tmp_path / LOG_FILE_NAME
    handler = RotatingLogFile(path, max_bytes=200, backups=2)
    log = logging.getLogger("decisionaid.test.rotation")
    log.addHandler(handler)
    log.propagate = False
    try:
        for i in range(40):
            log.warning("line %02d of a long staff-facing message", i)
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    assert all((tmp_path / name).stat().st_size <= 200 for name in files)
    assert "line 39" in path.read_text(encoding="utf-8")
    assert "line 38" in (tmp_path / f"{LOG_FILE_NAME}.1").read_text(
        encoding="utf-8"
    ) + path.read_text(encoding="utf-8")


def test_kiosk_logs_to_standard_error_and_writes_nothing(private_home: Path, logging_setup) -> None:  # type: ignore[no-untyped-def]
    before = sorted(p for p in private_home.rglob("*"))
    stream = io.StringIO()
    setup = logging_setup(KIOSK, Session(), stream=stream)
    logging.getLogger("decisionaid.test").warning("kiosk problem")
    assert setup.file is None
    assert "kiosk problem" in stream.getvalue()
    assert sorted(p for p in private_home.rglob("*")) == before


def test_unwritable_log_folder_falls_back_to_standard_error(tmp_path: Path, logging_setup) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    stream = io.StringIO()
    setup = logging_setup(PERSONAL, Session(), directory=blocker / "log", stream=stream)
    logging.getLogger("decisionaid.test").warning("still heard")
    assert setup.file is None
    out = stream.getvalue()
    assert "cannot write logs to" in out and "still heard" in out


# -- nothing a reader chose or typed ----------------------------------------------------------


def test_filter_removes_reader_text_from_messages_arguments_and_tracebacks() -> None:
    session = Session()
    session.add_own_question(OWN_QUESTION)
    session.set_leaning("leaning-toward-ketamine")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ReaderDataFilter(lambda: reader_strings(session.state)))
    logger = logging.getLogger("decisionaid.test.filter")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        logger.debug("reader typed %s", OWN_QUESTION)
        logger.info("a careless f-string: " + OWN_QUESTION)
        logger.info("one word of it: %s", "Quokkafeather")
        logger.info("chosen: %r", session.state.leaning)
        try:
            raise ValueError(f"bad question {OWN_QUESTION!r}")
        except ValueError:
            logger.exception("handling failed")
    finally:
        logger.removeHandler(handler)
    out = stream.getvalue()
    for secret in (*DISTINCTIVE, "leaning-toward-ketamine"):
        assert secret not in out
    assert out.count(REDACTED) >= 5
    assert "ValueError" in out and "handling failed" in out


def test_a_whole_session_leaves_no_reader_text_in_any_log(
    qtbot, private_home: Path, logging_setup, capfd
) -> None:  # type: ignore[no-untyped-def]
    """Tick questions, type an own question, answer values and the quiz, at DEBUG level."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QLineEdit

    from tests.helpers import make_window

    window = make_window(qtbot, Path(__file__).parents[2] / "resources" / "content" / "en")
    session = window.session
    setup = logging_setup(window.policy, session, level="DEBUG", qt_messages=True)
    chosen: list[str] = []
    for index, step in enumerate(window.guide.steps):
        window.go_to(index)
        widget = window.current_widget()
        if getattr(widget, "showing_note", False):
            widget.reveal()
        if step.kind == "questions":
            boxes = [b for b in widget.findChildren(QCheckBox) if b.isVisible()]
            for box in boxes[:3]:
                qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
            edits = [e for e in widget.findChildren(QLineEdit) if e.isVisible()]
            if edits:
                edits[0].setFocus()
                qtbot.keyClicks(edits[0], OWN_QUESTION)
                qtbot.keyClick(edits[0], Qt.Key.Key_Return)
                assert OWN_QUESTION in session.state.own_questions
            bank = [q for q in session.state.question_order if not q.startswith("own:")]
            assert len(bank) == min(3, len(boxes))
    if OWN_QUESTION not in session.state.own_questions:
        session.add_own_question(OWN_QUESTION)  # the questions step may not exist yet
    chosen.extend(q for q in session.state.question_order if not q.startswith("own:"))
    for statement in ("zebediah-statement", "quokkafeather-matters"):
        session.set_value(statement, 3)
    session.answer_quiz("quokkafeather-quiz", 1)
    # Code that logs what it should not: the filter must still keep it out.
    noisy = logging.getLogger("decisionaid.ui.careless")
    noisy.debug("own questions now %s", session.state.own_questions)
    noisy.info("values %s, chosen %s", session.state.values, session.state.question_order)
    from PySide6.QtCore import QMessageLogContext

    qt_message_handler(0, QMessageLogContext(), f"qt says {OWN_QUESTION}")
    for handler in setup.handlers:
        handler.flush()
    written = setup.file.read_text(encoding="utf-8") if setup.file else ""
    assert "own questions now" in written, "the test must really log at DEBUG"
    printed = capfd.readouterr()
    for text in (written, printed.out, printed.err):
        for secret in (*DISTINCTIVE, "quokkafeather-matters", *chosen):
            assert secret not in text


# -- Qt's own messages ------------------------------------------------------------------------


def test_qt_messages_go_to_the_log(caplog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    with caplog.at_level(logging.DEBUG, logger="qt"):
        qt_message_handler(QtMsgType.QtWarningMsg, QMessageLogContext(), "font not found")
        qt_message_handler(QtMsgType.QtCriticalMsg, QMessageLogContext(), "cannot paint")
    got = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert ("qt.default", logging.WARNING, "font not found") in got
    assert ("qt.default", logging.ERROR, "cannot paint") in got


def test_installed_qt_handler_receives_qt_warnings(private_home: Path, logging_setup) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import qWarning

    stream = io.StringIO()
    setup = logging_setup(KIOSK, Session(), stream=stream, qt_messages=True)
    try:
        qWarning("a warning raised inside Qt")
    finally:
        setup.close()
    assert "WARNING qt.default: a warning raised inside Qt" in stream.getvalue()


# -- the real program -------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.KIOSK])
def test_the_app_logs_its_start_where_the_mode_says(mode: Mode, tmp_path: Path) -> None:
    state = tmp_path / "state"
    env = dict(os.environ, HOME=str(tmp_path), XDG_STATE_HOME=str(state))
    args = ["--content", str(FIXTURE_CONTENT), "--startup-probe"]
    if mode is Mode.KIOSK:
        args.insert(0, "--kiosk")
    result = run_decisionaid(args, env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    log_file = state / "decisionaid" / "log" / LOG_FILE_NAME
    if mode is Mode.KIOSK:
        assert not log_file.exists()
        assert "starting: mode kiosk" in result.stderr
    else:
        text = log_file.read_text(encoding="utf-8")
        assert "starting: mode personal" in text and "5 steps" in text
        assert "starting" not in result.stderr


def test_the_log_knows_whether_a_warning_already_shows_on_stderr(logging_setup, tmp_path) -> None:
    kiosk = logging_setup(KIOSK, Session())
    assert kiosk.shows_on_stderr(logging.WARNING)
    kiosk.close()
    # A log level above warnings: the app must print configuration notices itself.
    quiet = logging_setup(KIOSK, Session(), level="error")
    assert not quiet.shows_on_stderr(logging.WARNING)
    quiet.close()
    to_file = logging_setup(PERSONAL, Session(), directory=tmp_path)
    assert not to_file.shows_on_stderr(logging.WARNING)
    to_file.close()
    elsewhere = logging_setup(KIOSK, Session(), stream=io.StringIO())
    assert not elsewhere.shows_on_stderr(logging.WARNING)


def test_a_qt_fatal_error_is_also_said_on_standard_error(capsys) -> None:
    """Qt aborts straight after a fatal message: staff must see why without the log file."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from decisionaid.logging_setup import qt_message_handler

    qt_message_handler(QtMsgType.QtFatalMsg, QMessageLogContext(), "no platform plugin")
    qt_message_handler(QtMsgType.QtWarningMsg, QMessageLogContext(), "just a warning")
    err = capsys.readouterr().err
    assert "decisionaid: Qt fatal error (default): no platform plugin" in err
    assert "just a warning" not in err
