"""What keeps one client from taking the server down: a body limit applied while reading, and
a request rate per token.

The body is read chunk by chunk and refused the moment it passes the limit — compressed or
(for gzip) decompressed — so a 400 MB upload costs the server no more than the limit.
"""

from __future__ import annotations

import math
import threading
import time
import zlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass


class BodyRefusedError(Exception):
    """The body cannot be read as asked; ``status`` is 400 (damaged) or 413 (too large)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def read_limited(chunks: AsyncIterator[bytes], *, limit: int, encoding: str,
                       declared_length: str | None) -> bytes:
    """The whole body, at most ``limit`` bytes on the wire and after decompression."""
    too_large = BodyRefusedError(413, f"a push may carry at most {limit} bytes")
    if declared_length is not None and declared_length.strip().isdigit() \
            and int(declared_length) > limit:
        raise too_large
    encoding = encoding.strip().lower()
    if encoding not in ("", "identity", "gzip"):
        raise BodyRefusedError(400, f"Content-Encoding '{encoding[:20]}' is not supported; "
                                    "send gzip or nothing")
    inflater = zlib.decompressobj(wbits=31) if encoding == "gzip" else None
    received, body = 0, bytearray()
    async for chunk in chunks:
        received += len(chunk)
        if received > limit:
            raise too_large
        if inflater is None:
            body += chunk
            continue
        try:
            body += inflater.decompress(chunk, limit + 1 - len(body))
        except zlib.error as exc:
            raise BodyRefusedError(400, f"the gzip body is damaged ({exc})") from exc
        if len(body) > limit or inflater.unconsumed_tail:
            raise too_large
    if inflater is not None and (not inflater.eof or inflater.unused_data):
        raise BodyRefusedError(400, "the gzip body is damaged (incomplete or trailing data)")
    return bytes(body)


@dataclass(frozen=True)
class RateLimit:
    """``per_second`` requests on average per token, with bursts of up to ``burst``."""

    per_second: float = 10.0
    burst: int = 120


class TokenBuckets:
    """One token bucket per caller; `take` says how many seconds to wait, or 0 to go on."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = limit
        self._clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}  # caller -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, caller: int) -> int:
        """0 when the request may go on; otherwise whole seconds until it may."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(caller, (float(self._limit.burst), now))
            tokens = min(float(self._limit.burst), tokens + (now - at) * self._limit.per_second)
            if tokens >= 1.0:
                self._buckets[caller] = (tokens - 1.0, now)
                return 0
            self._buckets[caller] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) / self._limit.per_second))
