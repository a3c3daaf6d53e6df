"""The architecture the tools enforce: import-linter's contracts (.importlinter) and no import
cycles anywhere, as grimp (the graph import-linter is built on) sees them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]


def import_cycles(package: str = "decisionaid") -> list[list[str]]:
    """Every import cycle between the package's modules, each once, shortest first."""
    graph = grimp.build_graph(package)
    cycles: dict[frozenset[str], list[str]] = {}
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycle = [importer, *back]
                cycles.setdefault(frozenset(cycle), cycle)
    return sorted(cycles.values(), key=len)


def test_no_import_cycles() -> None:
    cycles = import_cycles()
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


if __name__ == "__main__":  # `python tests/process/test_architecture.py` lists the cycles, if any
    for cycle in import_cycles():
        print(" -> ".join(cycle))
