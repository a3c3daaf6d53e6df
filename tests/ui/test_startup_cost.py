"""The stand-ins start-up uses instead of costlier standard parts behave exactly as those do
(what start-up may not load is tests/process/test_startup_imports.py)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt

from decisionaid.core.escape import escape
from decisionaid.ui.controls import ACCESSIBLE_TEXT_ROLE


def test_accessible_text_role_is_qts() -> None:
    assert Qt.ItemDataRole.AccessibleTextRole.value == ACCESSIBLE_TEXT_ROLE


def test_escape_is_html_escape() -> None:
    samples = ["", "plain", "<b>&amp;</b>", "\"quoted\" and 'single'", "a < b > c & d", "é ✓ \x00"]
    for text in samples:
        for quote in (True, False):
            assert escape(text, quote) == html.escape(text, quote)
