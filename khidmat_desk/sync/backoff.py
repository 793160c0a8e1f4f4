"""When to try again: exponential backoff with jitter, and the server's ``Retry-After``.

Jitter keeps thirty counters that lost the link together from knocking on the server in the
same second when it returns.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


@dataclass
class Backoff:
    """Delay before attempt ``failures + 1``: base * 2^(failures-1), capped, half of it random."""

    base_seconds: float = 2.0
    cap_seconds: float = 300.0
    #: The longest Retry-After honoured as given (a longer one is read as this).
    max_retry_after_seconds: float = 3600.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        if failures <= 0:
            return 0.0
        ceiling = min(self.cap_seconds, self.base_seconds * 2.0 ** min(failures - 1, 30))
        jittered = ceiling / 2 + self.rng.uniform(0, ceiling / 2)
        if retry_after is not None:
            return max(jittered, min(retry_after, self.max_retry_after_seconds))
        return jittered


def parse_retry_after(value: str | None, server_date: str | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date.

    An HTTP date is measured against the server's own ``Date`` header when there is one, so a
    counter whose clock is hours off still waits the time the server meant.
    """
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        until = parsedate_to_datetime(text)
        base = parsedate_to_datetime(server_date) if server_date else datetime.now(UTC)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, (until - base).total_seconds())
