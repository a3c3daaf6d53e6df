"""Staff PIN hashing: salted PBKDF2, so the configuration never holds the PIN itself."""

from __future__ import annotations

import base64
import os
import sys

# hashlib and hmac are imported by the functions that hash (the start-up list,
# tests/process/test_startup_imports.py).

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000
MIN_PIN_LENGTH = 4


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    import hashlib

    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    b64 = base64.b64encode
    return f"{ALGORITHM}${iterations}${b64(salt).decode()}${b64(digest).decode()}"


def is_valid_hash(stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM or not parts[1].isdigit():
        return False
    try:
        base64.b64decode(parts[2], validate=True)
        base64.b64decode(parts[3], validate=True)
    except ValueError:
        return False
    return int(parts[1]) >= 100_000


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
    if len(pin) < MIN_PIN_LENGTH or not pin.isdigit():
        print(f"Use at least {MIN_PIN_LENGTH} digits.", file=sys.stderr)
        return 1
    print(f'staff_pin_hash = "{hash_pin(pin)}"')
    return 0
