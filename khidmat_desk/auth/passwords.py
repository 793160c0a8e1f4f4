"""Password hashing with scrypt, a memory-hard KDF from the standard library.

Memory-hard means a stolen database cannot be attacked cheaply with GPUs: every guess costs
32 MiB of memory. The parameters are stored with each hash, so they can be raised later:
`needs_rehash` tells the login code to re-hash with today's figures after a good password.
Encoded form: ``scrypt$<n>$<r>$<p>$<salt base64>$<hash base64>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from functools import cache

from khidmat_desk.core.issues import Said

log = logging.getLogger("khidmat.auth")

SCHEME = "scrypt"
N = 2**15
R = 8
P = 1
SALT_BYTES = 16
HASH_BYTES = 32
#: Longest password accepted, so a megabyte "password" cannot tie up the counter.
MAX_PASSWORD_LENGTH = 256
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class _Encoded:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def check_password_strength(password: str) -> Said | None:
    """What is wrong with a new password, in plain words, or None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return Said.of("The password must have at least {least} characters.",
                       {"least": MIN_PASSWORD_LENGTH})
    if len(password) > MAX_PASSWORD_LENGTH:
        return Said.of("The password must have at most {most} characters.",
                       {"most": MAX_PASSWORD_LENGTH})
    if not password.strip():
        return Said("The password cannot be only spaces.")
    return None


def _maxmem(n: int, r: int, p: int) -> int:
    # scrypt needs 128 * n * r * p bytes (plus a little); allow twice that.
    return 2 * 128 * n * r * p + 1024 * 1024


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=_maxmem(n, r, p), dklen=length)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    digest = _derive(password, salt, N, R, P, HASH_BYTES)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def _decode(encoded: str) -> _Encoded | None:
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if n < 2 or n & (n - 1) or not 0 < r <= 64 or not 0 < p <= 16 or not digest:
        return None
    return _Encoded(n, r, p, salt, digest)


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` produces ``encoded``; compares in constant time."""
    parsed = _decode(encoded)
    if parsed is None:
        log.error("a stored password hash is not in the expected format")
        return False
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    candidate = _derive(password, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.digest))
    return hmac.compare_digest(candidate, parsed.digest)


def needs_rehash(encoded: str) -> bool:
    """The hash was made with other (older, weaker) parameters than today's."""
    parsed = _decode(encoded)
    return parsed is None or (parsed.n, parsed.r, parsed.p, len(parsed.digest)) != (
        N, R, P, HASH_BYTES)


@cache
def dummy_hash() -> str:
    """A hash of a random secret, verified when the user name is unknown, so that a wrong
    name takes as long to refuse as a wrong password."""
    return hash_password(base64.b64encode(os.urandom(18)).decode("ascii"))
