"""The Qt binding keeps Python's reference counts: why PySide6 stays below 6.12 (pyproject.toml).

PySide6 6.12.0 returns None from every method that returns nothing without taking a reference
to it. On Python 3.11, the Python Debian 12 ships and the bundle is built with, each such call
then lowers None's count by one, until a long session (a kiosk left running, the test suite)
aborts with "Fatal Python error: none_dealloc: deallocating None". From Python 3.12 None is
immortal (PEP 683) and its count never changes, so there is nothing to check.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QPointF


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_methods_that_return_nothing_keep_nones_reference_count() -> None:
    point, obj = QPointF(1.0, 2.0), QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        point.setX(3.0)
        obj.setObjectName("x")
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"None lost {lost} references over 2,000 calls into Qt"
