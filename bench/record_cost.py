"""What defining a class costs with `@dataclass` and with `@record` (core/record.py).

    valgrind --tool=cachegrind --cache-sim=no python bench/record_cost.py dataclass 1 50

Run it with a count of 0 and of 50 and divide the difference by 50: instructions per class.
Arguments: `dataclass` or `record`, frozen (1) or not (0), how many classes to define.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from decisionaid.core.record import field, record

SOURCE = """
class C{n}:
    a: int
    b: str = ""
    c: int = 0
    d: float = 0.0
    e: bool = False
    f: list = FIELD(default_factory=list)
    g: str = "x"
    h: int = 1
"""


def main(kind: str, frozen: bool, count: int) -> None:
    make, make_field = (
        (dataclasses.dataclass, dataclasses.field) if kind == "dataclass" else (record, field)
    )
    for n in range(count):
        namespace = {"FIELD": make_field}
        exec(compile(SOURCE.format(n=n), "<class>", "exec"), namespace)
        make(frozen=frozen)(namespace[f"C{n}"])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] == "1", int(sys.argv[3]))
