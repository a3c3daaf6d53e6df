"""Small modules: none of the app's is over about 400 lines. A module that long does more than
one job; split it by job, into modules whose names say what each does."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "decisionaid"
MAX_LINES = 400


def module_lines() -> dict[str, int]:
    """Each module of the app (its path under decisionaid/) with its number of lines."""
    return {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_no_module_is_over_the_limit() -> None:
    too_long = [
        f"decisionaid/{name}: {n} lines" for name, n in module_lines().items() if n > MAX_LINES
    ]
    assert not too_long, f"over {MAX_LINES} lines; split by job:\n" + "\n".join(too_long)
