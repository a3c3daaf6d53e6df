"""Test set-up: offscreen Qt, a private HOME so no test touches the real user's files, each
folder's marker, and no test may leave a timer running."""

from __future__ import annotations

import os
import shutil
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6

# Offscreen always; a run may give the offscreen platform options (two screens, say).
if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "1")

from tests.helpers import FIXTURE_CONTENT, XDG_VARS


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in XDG_VARS:
        path = home / var.lower()
        path.mkdir()
        monkeypatch.setenv(var, str(path))
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    # No speech daemon per test: a test that reads aloud asks for the mock engine itself.
    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    return home


@pytest.fixture(autouse=True)
def _interface_in_english() -> Iterator[None]:
    """Each test starts, and leaves the next one, with the interface's words in English (and
    Qt's default locale too, where a test built a window in another language)."""
    import sys

    from decisionaid.core.i18n import set_language

    set_language("en")
    yield
    set_language("en")
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale("en"))


@pytest.fixture
def spanish_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The interface's Spanish catalogue compiled from its .po for this test (no `make`
    needed), as the app's own."""
    from decisionaid.core import i18n
    from tests.helpers.i18n import compile_catalogue

    root = compile_catalogue("es", tmp_path / "locale")
    monkeypatch.setattr(i18n, "locale_dir", lambda: root)
    i18n._others.clear()
    yield root
    i18n._others.clear()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the small test guide, to damage as a test needs."""
    target = tmp_path / "content" / "en"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


_FOLDER_MARKERS = ("core", "ui", "process")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.parent.name
        if folder in _FOLDER_MARKERS:
            item.add_marker(folder)


@pytest.fixture(autouse=True)
def _dangling_qtimers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a QTimer running: its timeout would fire in a later test, or
    in the teardown of this one. Timers of objects already deleted do not count; a single-shot
    timer about to fire is given a moment to finish."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    started: weakref.WeakSet[QTimer] = weakref.WeakSet()
    start = QTimer.start

    def start_and_note(self: QTimer, *args: object) -> None:
        started.add(self)
        start(self, *args)  # type: ignore[arg-type]

    QTimer.start = start_and_note  # type: ignore[method-assign]
    try:
        yield
    finally:
        QTimer.start = start  # type: ignore[method-assign]

    def running() -> list[QTimer]:
        return [t for t in list(started) if shiboken6.isValid(t) and t.isActive()]

    soon = [t for t in running() if t.isSingleShot() and t.remainingTime() <= 1000]
    deadline = time.monotonic() + 2
    while soon and time.monotonic() < deadline:
        QTest.qWait(10)  # runs the event loop, so the timers can fire
        soon = [t for t in soon if t in running()]
    left = running()
    if left:
        described = ", ".join(
            f"{type(t.parent()).__name__ if t.parent() else 'no parent'}"
            f"/{t.objectName() or 'timer'} every {t.interval()} ms"
            for t in left
        )
        pytest.fail(f"the test left {len(left)} timer(s) running: {described}", pytrace=False)
