"""Identity-number checks that let a clerk test a card without letting anyone compute it.

A CNIC has 13 digits, but the first five name the district and the last is odd for men and
even for women, so once a district is guessed about 10^8 numbers remain. The first document
format stored ``sha256(tracking|CNIC)`` beside the printed tracking number: plain Python tried
a district's numbers in seconds. Here the check is scrypt (memory-hard: 32 MiB and ~0.1 s per
guess on a counter PC) over the number, salted with 12 random bytes chosen for each document,
the tracking number and the field it belongs to. Checking the one card in front of a clerk
costs a tenth of a second; trying a district's 10^8 numbers costs about four months of one
CPU core for that one document, and nothing learnt carries over to the next document
(``bench/bench_idcheck.py`` measures the figure). The central server can answer the same
question behind its rate limit, so nobody needs to do this offline at all.
"""

from __future__ import annotations

import base64
import hashlib
import os

#: scrypt cost parameters of document format 2 (a later format may raise them).
N = 2**15
R = 8
P = 1
#: 9 bytes = 12 base64 characters: a wrong card matches by chance once in 4.7 * 10^21.
CHECK_BYTES = 9
SALT_BYTES = 12
_MAXMEM = 64 * 1024 * 1024


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def normalise_id(id_number: str) -> str:
    """'35202-1234567-1' and '3520212345671' are one number; case and spaces do not count."""
    return "".join(id_number.split()).replace("-", "").upper()


def id_check(salt: bytes, tracking_number: str, field_key: str, id_number: str) -> str:
    """The 12-character check stored in place of an identity number."""
    digest = hashlib.scrypt(normalise_id(id_number).encode("utf-8"),
                            salt=salt + f"|{tracking_number}|{field_key}".encode(),
                            n=N, r=R, p=P, maxmem=_MAXMEM, dklen=CHECK_BYTES)
    return base64.urlsafe_b64encode(digest).decode("ascii")
