"""Make build/cache and the app's bytecode for running from a source checkout (`make run`).

A kiosk writes nothing, bytecode included, so started from the source tree it would compile the
modules only it uses, parse the guide and render its first page with Markdown at every start.
This does ahead of time what a bundle does when it is built (build.spec) and what installing a
Python package does (bytecode), so `make run ARGS=--kiosk` starts like the installed kiosk.
Entries are keyed to the content and to the app's source files: after an edit the app loads and
renders as if they were not there, until `make` makes them again.
"""

from __future__ import annotations

import compileall
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from decisionaid.core.prebuilt import build_prebuilt  # noqa: E402
from decisionaid.paths import prebuilt_cache_dir, resources_dir  # noqa: E402


def main() -> int:
    if not compileall.compile_dir(ROOT / "decisionaid", quiet=1):
        return 1
    target = prebuilt_cache_dir()
    problems = build_prebuilt(resources_dir() / "content", target, with_sources=True)
    for problem in problems:
        print(f"prebuilt cache: {problem}", file=sys.stderr)
    print(f"prebuilt cache: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
