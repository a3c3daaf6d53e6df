"""Waiting for something to become true, looking again every `poll` seconds: never a fixed sleep.

Standard library only: the scripts that run under the system Python (the AT-SPI walker) use it
too.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(predicate: Callable[[], object], timeout: float, poll: float = 0.1) -> bool:
    """True as soon as `predicate()` is; False if it still is not after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(poll)
    return bool(predicate())
