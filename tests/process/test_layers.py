"""Layering and start-up discipline, checked in fresh interpreters."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys

import decisionaid.core


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_core_never_imports_qt() -> None:
    modules = [m.name for m in pkgutil.iter_modules(decisionaid.core.__path__, "decisionaid.core.")]
    assert "decisionaid.core.content" in modules
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + (
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(bad)\nsys.exit(1 if bad else 0)\n"
        )
    )
    result = _run(code)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_content_loads_neither_qt_nor_a_language_library() -> None:
    result = _run(
        "import sys\nfrom decisionaid.cli import main\nmain(['check-content', '--quiet'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'textstat', 'nltk')]\n"
        "assert not bad, bad\n"
    )
    assert result.returncode == 0, result.stderr
