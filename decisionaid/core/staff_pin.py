"""Staff PIN hashing: salted PBKDF2, so the configuration never holds the PIN itself."""

from __future__ import annotations

import base64
import os
import sys

# hashlib and hmac are imported by the functions that hash (the start-up list,
# tests/process/test_startup_imports.py).

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000
# A hash is checked on the screen's own thread while staff wait: a count far above what
# hash-pin writes would freeze the pad (10**13 would take days), so it is refused instead.
MIN_ITERATIONS = 100_000
MAX_ITERATIONS = 2_000_000
DIGEST_BYTES = 32  # SHA-256
MIN_SALT_BYTES = 8
MIN_PIN_LENGTH = 6


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    import hashlib

    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    b64 = base64.b64encode
    return f"{ALGORITHM}${iterations}${b64(salt).decode()}${b64(digest).decode()}"


def hash_problem(stored: str) -> str:
    """What is wrong with a stored hash, in words for staff; "" when it can be used."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        return "it is not in the form pbkdf2_sha256$iterations$salt$digest"
    if not (parts[1].isascii() and parts[1].isdigit()):
        return "its iteration count is not a whole number"
    if len(parts[1]) > 12 or not MIN_ITERATIONS <= int(parts[1]) <= MAX_ITERATIONS:
        return f"its iteration count must be {MIN_ITERATIONS:,} to {MAX_ITERATIONS:,}"
    try:
        salt = base64.b64decode(parts[2], validate=True)
        digest = base64.b64decode(parts[3], validate=True)
    except ValueError:
        return "its salt or digest is not base64"
    if len(salt) < MIN_SALT_BYTES:
        return f"its salt is shorter than {MIN_SALT_BYTES} bytes"
    if len(digest) != DIGEST_BYTES:
        return f"its digest is {len(digest)} bytes, not {DIGEST_BYTES}"
    return ""


def is_valid_hash(stored: str) -> bool:
    return not hash_problem(stored)


def is_pin(text: str) -> bool:
    """A PIN staff can type on the pad: the digits 0 to 9 only (not ¹²³ or ١٢٣)."""
    return text.isascii() and text.isdigit()


def verify_pin(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    if not is_valid_hash(stored):
        return False
    _, iterations, salt, digest = stored.split("$")
    candidate = hashlib.pbkdf2_hmac(
        "sha256", pin.encode("utf-8"), base64.b64decode(salt), int(iterations)
    )
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def hash_pin_command() -> int:
    import getpass

    if sys.stdin.isatty():
        pin = getpass.getpass("Staff PIN: ")
        again = getpass.getpass("Again: ")
        if pin != again:
            print("The two PINs differ.", file=sys.stderr)
            return 1
    else:
        pin = sys.stdin.readline().rstrip("\n")
    if len(pin) < MIN_PIN_LENGTH or not is_pin(pin):
        print(
            f"Use at least {MIN_PIN_LENGTH} digits, 0 to 9 only: the PIN is typed on the "
            "kiosk's number pad.",
            file=sys.stderr,
        )
        return 1
    print(f'staff_pin_hash = "{hash_pin(pin)}"')
    return 0
