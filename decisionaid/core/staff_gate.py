"""The staff way out of a kiosk: a PIN checked against a salted hash, with a lock-out.

It outlives every reader's session on purpose: walking away and letting the kiosk reset must not
give someone guessing the PIN a fresh set of tries. Each lock-out is twice as long as the one
before (up to MAX_LOCKOUT_SECONDS) until the right PIN is entered. Every wrong PIN, lock-out and
accepted PIN is logged for staff, never the digits themselves.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import Enum

from decisionaid.core.staff_pin import is_valid_hash, verify_pin

MAX_WRONG_PINS = 5
LOCKOUT_SECONDS = 300
MAX_LOCKOUT_SECONDS = 4 * 3600

log = logging.getLogger("decisionaid.staff")


class PinResult(Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"  # no usable PIN hash in the configuration


class StaffGate:
    def __init__(
        self,
        pin_hash: str,
        *,
        max_wrong: int = MAX_WRONG_PINS,
        lockout_seconds: float = LOCKOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._hash = pin_hash if is_valid_hash(pin_hash) else ""
        self.max_wrong = max_wrong
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0
        self.lockouts = 0  # since the right PIN was last entered

    @property
    def available(self) -> bool:
        return bool(self._hash)

    @property
    def locked(self) -> bool:
        return self.seconds_locked() > 0

    def seconds_locked(self) -> int:
        left = self._locked_until - self._clock()
        return max(0, int(left + 0.999))

    @property
    def tries_left(self) -> int:
        return self.max_wrong - self._wrong

    def lockout_length(self) -> float:
        """How long the next lock-out lasts: doubling with each one since the right PIN."""
        doubled = self.lockout_seconds * (1 << min(self.lockouts, 16))
        return float(min(doubled, MAX_LOCKOUT_SECONDS))

    def try_pin(self, pin: str) -> PinResult:
        if not self.available:
            return PinResult.UNAVAILABLE
        if self.locked:
            log.warning("staff PIN tried while locked (%d s left)", self.seconds_locked())
            return PinResult.LOCKED
        if verify_pin(pin, self._hash):
            self._wrong = 0
            self.lockouts = 0
            log.warning("staff PIN accepted")
            return PinResult.ACCEPTED
        self._wrong += 1
        if self._wrong >= self.max_wrong:
            length = self.lockout_length()
            self._wrong = 0
            self.lockouts += 1
            self._locked_until = self._clock() + length
            log.warning(
                "staff PIN wrong %d times: staff exit locked for %d s (lock-out %d in a row)",
                self.max_wrong,
                length,
                self.lockouts,
            )
            return PinResult.LOCKED
        log.warning("staff PIN wrong (%d of %d tries)", self._wrong, self.max_wrong)
        return PinResult.WRONG
