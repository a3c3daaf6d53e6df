"""Instructions executed from spawn to exit, counted by valgrind: a measure of start-up that,
unlike wall-clock time, does not move with whatever else the machine is doing.

cachegrind without its cache simulation counts the same instructions (Ir) as callgrind, at a
fraction of the cost; `valgrind --tool=callgrind` on the same command shows where they go.
The frozen app's launcher starts its Python in a second process image (exec), whose count is
the one reported; children are followed and summed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

_REFS = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)", re.MULTILINE)


def available() -> bool:
    return shutil.which("valgrind") is not None


def count(cmd: list[str], env: dict[str, str]) -> int:
    """How many instructions `cmd` executes (valgrind's Ir), in all its processes."""
    with tempfile.TemporaryDirectory(prefix="decisionaid-cg-") as out:
        run = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--trace-children=yes",
                f"--cachegrind-out-file={Path(out) / 'cg.%p'}",
                *cmd,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
        )
    if run.returncode != 0:
        raise SystemExit(
            f"valgrind {' '.join(cmd)} failed ({run.returncode}):\n{run.stderr[-2000:]}"
        )
    found = _REFS.findall(run.stderr)
    if not found:
        raise SystemExit(f"valgrind printed no instruction count for {' '.join(cmd)}")
    return sum(int(n.replace(",", "")) for n in found)
