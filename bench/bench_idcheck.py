"""What it costs to recover a CNIC from a document's QR code, per guess and per district.

The first payload format stored ``sha256(tracking|CNIC)`` (cut to 12 bytes) beside the printed
tracking number; format 2 stores a scrypt check (N=2^15, r=8: 32 MiB per guess) salted with
12 random bytes per document. Both are timed here on the same guesses, round-robin, and the
ratio to the old digest is printed, with what trying every number of one district costs: a
CNIC is 5 district digits, 7 digits and a check digit whose parity is the gender, so once the
district and gender are guessed 5 * 10^7 numbers remain (10^8 without the gender).

    python bench/bench_idcheck.py [--guesses 20]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khidmat_desk.printing import idcheck  # noqa: E402
from khidmat_desk.printing.signing import cnic_digest  # noqa: E402

TRACKING = "LHR07-261123-03-0042-6"
DISTRICT = 10**8  # numbers left once the 5 district digits are guessed
DISTRICT_AND_GENDER = DISTRICT // 2
DAY = 86_400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guesses", type=int, default=20)
    args = parser.parse_args()
    salt = os.urandom(idcheck.SALT_BYTES)
    old: list[float] = []
    new: list[float] = []
    for guess in range(args.guesses):
        number = f"35202{guess:07d}1"
        started = time.perf_counter()
        for _ in range(1000):  # the old digest is too quick to time one at a time
            cnic_digest(TRACKING, number)
        old.append((time.perf_counter() - started) / 1000)
        started = time.perf_counter()
        idcheck.id_check(salt, TRACKING, "cnic", number)
        new.append(time.perf_counter() - started)
    bare = []
    for guess in range(args.guesses):  # a bare sha256 of the same bytes, the floor
        data = f"{TRACKING}|35202{guess:07d}1".encode()
        started = time.perf_counter()
        for _ in range(1000):
            hashlib.sha256(data).digest()
        bare.append((time.perf_counter() - started) / 1000)
    base, before, after = (statistics.median(v) for v in (bare, old, new))
    print(f"{args.guesses} guesses each, one core, scrypt N=2^15 r=8 p=1 "
          f"({128 * idcheck.R * idcheck.N // 2**20} MiB per guess)\n")
    print(f"{'what':40}{'per guess':>14}{'x bare sha256':>16}")
    print(f"{'bare sha256 (baseline)':40}{base * 1e6:11.2f} us{1.0:16.1f}")
    print(f"{'format 1: sha256(tracking|CNIC)':40}{before * 1e6:11.2f} us{before / base:16.1f}")
    print(f"{'format 2: salted scrypt check':40}{after * 1e3:11.1f} ms{after / base:16.0f}")
    print()
    for label, space in (("district and gender known", DISTRICT_AND_GENDER),
                         ("district known", DISTRICT)):
        print(f"every CNIC of one {label} ({space:.0e} numbers), one core:")
        print(f"    format 1: {space * before:10.0f} s  ({space * before / 60:.1f} min)")
        print(f"    format 2: {space * after / DAY:10.0f} core-days for this one document "
              "(the salt makes nothing carry over to the next)")
    print(f"\na clerk checking the card in front of them waits {after * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
