"""Modules imported after PySide6 are not read from disk to choose their PySide features."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from decisionaid.ui import pyside_features

MODULE = """
from PySide6.QtCore import QObject, Signal


class Sender(QObject):
    said = Signal(str)

    def say(self, text):
        self.said.emit(text)
"""


@pytest.fixture
def feature_support():  # type: ignore[no-untyped-def]
    import PySide6.QtCore  # noqa: F401

    feature = sys.modules[pyside_features.FEATURE_MODULE]
    # PySide6's own scan for the test, whatever an app started earlier in this process left.
    pyside_features.restore_source_scan()
    yield feature
    pyside_features.restore_source_scan()


def _import_fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str):  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.py"
    path.write_text(MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    # An import statement: PySide6 watches `__import__`, not importlib.import_module.
    module = __import__(name)
    monkeypatch.delitem(sys.modules, name)
    return module, str(path)


def test_pyside6_reads_each_new_modules_source_unless_told_not_to(
    feature_support, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the app saves: without the change PySide6 reads the whole file of a new module.
    _, path = _import_fresh(tmp_path, monkeypatch, "decisionaid_probe_read")
    assert path in linecache.cache

    assert pyside_features.skip_source_scan()
    module, path = _import_fresh(tmp_path, monkeypatch, "decisionaid_probe_unread")
    assert path not in linecache.cache
    assert feature_support.pyside_feature_dict["decisionaid_probe_unread"] == 0

    # The module's PySide6 classes and signals work as before, with PySide's default names.
    heard: list[str] = []
    sender = module.Sender()
    sender.said.connect(heard.append)
    sender.say("hello")
    assert heard == ["hello"]
    assert sender.objectName() == ""
    assert not hasattr(sender, "object_name")


def test_a_pyside6_without_the_scan_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyside_features, "FEATURE_MODULE", "PySide6.no_such_module")
    assert not pyside_features.skip_source_scan()
