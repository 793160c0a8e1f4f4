"""HTTP to the central server: one bearer token, TLS always verified, gzip both ways.

Every network failure becomes one of the `errors` kinds with a message naming what to do, so
the sender decides by kind and the status bar shows words, not tracebacks.
"""

from __future__ import annotations

import gzip
import logging
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from khidmat_desk import __version__
from khidmat_desk.sync import protocol
from khidmat_desk.sync.backoff import parse_retry_after
from khidmat_desk.sync.errors import (
    BadReply,
    BatchTooLarge,
    LinkDown,
    RequestRefused,
    ServerBusy,
    ServerFailed,
    SyncNotConfigured,
    TokenRefused,
)

log = logging.getLogger("khidmat.sync")


@dataclass(frozen=True)
class TransportConfig:
    server: str
    token: str
    ca_bundle: Path | None = None
    timeout_seconds: float = 20.0
    gzip_level: int = 5


class Transport:
    """The four exchanges of the protocol over one keep-alive HTTP client."""

    def __init__(self, config: TransportConfig) -> None:
        self.server = protocol.check_server_url(config.server)
        self._config = config
        #: The server's clock as its last answer gave it (its ``Date``), and when that answer
        #: came: how far this PC's clock is off (see app/clock_check.py).
        self.server_clock: ServerClock | None = None
        self._http = httpx.Client(
            base_url=self.server, verify=_tls_context(config.ca_bundle),
            timeout=httpx.Timeout(config.timeout_seconds), follow_redirects=False,
            trust_env=_may_use_proxy(self.server),
            headers={"Authorization": f"Bearer {config.token}",
                     "User-Agent": f"khidmat-desk/{__version__}",
                     "Accept-Encoding": "gzip"})

    def close(self) -> None:
        self._http.close()

    def health(self) -> None:
        self._json("GET", protocol.HEALTH_PATH)

    def push(self, body: bytes) -> bytes:
        compressed = gzip.compress(body, compresslevel=self._config.gzip_level)
        response = self._send("POST", protocol.PUSH_PATH, content=compressed, headers={
            "Content-Type": "application/json", "Content-Encoding": "gzip"})
        return response.content

    def changes(self, since: int, limit: int) -> dict[str, Any]:
        return self._json("GET", protocol.CHANGES_PATH, params={"since": since, "limit": limit})

    def reconcile(self, day: str) -> dict[str, Any]:
        return self._json("GET", protocol.RECONCILE_PATH, params={"date": day})

    def reconcile_keys(self, day: str, counter: int) -> dict[str, Any]:
        return self._json("GET", protocol.RECONCILE_KEYS_PATH,
                          params={"date": day, "counter": counter})

    def held(self, since: str, after: str, limit: int) -> dict[str, Any]:
        return self._json("GET", protocol.HELD_PATH,
                          params={"from": since, "after": after, "limit": limit})

    def numbers(self, since: str) -> dict[str, Any]:
        return self._json("GET", protocol.NUMBERS_PATH, params={"from": since})

    def token_facts(self) -> dict[str, Any]:
        return self._json("GET", protocol.TOKEN_PATH)

    def register_bundle_key(self, public_key_hex: str) -> None:
        self._json("PUT", protocol.BUNDLE_KEY_PATH, json={"public_key": public_key_hex})

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self._send(method, path, **kwargs)
        try:
            document = response.json()
        except (ValueError, UnicodeDecodeError) as exc:
            raise BadReply(f"the central server's reply to {path} could not be read") from exc
        if not isinstance(document, dict):
            raise BadReply(f"the central server's reply to {path} was not a JSON object")
        return document

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
            response.read()
        except httpx.TimeoutException as exc:
            raise LinkDown(f"the central server did not answer within "
                           f"{self._config.timeout_seconds:g} seconds") from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise LinkDown(f"cannot reach the central server at {self.server} "
                           f"({type(exc).__name__}: {exc}); check the network cable or "
                           "router") from exc
        self.server_clock = ServerClock.of(response) or self.server_clock
        _raise_for_status(response)
        return response


@dataclass(frozen=True)
class ServerClock:
    """The central server's clock, from one answer's ``Date`` header (to the second; an answer
    takes far less than the minutes that matter here), and when that answer came."""

    server: datetime
    received: float  # time.monotonic() then

    def ahead_seconds(self, now: datetime) -> float:
        """How far the clock that reads ``now`` (this PC's) is ahead of the server's
        (negative: behind)."""
        since_then = time.monotonic() - self.received
        return (now - self.server).total_seconds() - since_then

    @classmethod
    def of(cls, response: httpx.Response) -> ServerClock | None:
        stamp = response.headers.get("Date")
        if not stamp:
            return None
        try:
            server = parsedate_to_datetime(stamp)
        except (TypeError, ValueError, IndexError):
            log.warning("the central server's Date header %r does not read", stamp[:60])
            return None
        if server.tzinfo is None:
            return None
        return cls(server.astimezone(UTC), time.monotonic())


def _raise_for_status(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    detail = _detail(response)
    log.warning("central server answered %s to %s: %s", status, response.url.path, detail)
    if status in (401, 403):
        raise TokenRefused("the central server refused this counter's token; ask the "
                           "in-charge to set up sync again with a new token "
                           f"(server said: {detail})")
    if status in (429, 503):
        retry = parse_retry_after(response.headers.get("Retry-After"),
                                  response.headers.get("Date"))
        raise ServerBusy(f"the central server is busy and asked us to wait ({status})", retry)
    if status == 413:
        raise BatchTooLarge(f"the central server found the batch too large ({detail})")
    if status >= 500:
        raise ServerFailed(f"the central server had an error ({status}: {detail}); "
                           "sending again later")
    raise RequestRefused(f"the central server refused the request ({status}: {detail})")


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", ""))[:300]
    except (ValueError, AttributeError, UnicodeDecodeError):
        return response.text[:120].replace("\n", " ")


def _may_use_proxy(server: str) -> bool:
    """Whether the proxy settings of the environment (HTTP_PROXY and the like) may apply.

    Over HTTPS a proxy only relays the encrypted stream (CONNECT), so the token stays between
    the counter and the server. Over plain HTTP a proxy would read the token in clear: plain
    HTTP is only ever for a server on this machine, and it never goes through a proxy.
    """
    if urlsplit(server).scheme == "https":
        return True
    log.debug("plain HTTP to %s: proxy settings are ignored", server)
    return False


def _tls_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """Certificates are always verified; a private CA bundle replaces the system's roots."""
    if ca_bundle is None:
        return ssl.create_default_context()
    if not Path(ca_bundle).is_file():
        raise SyncNotConfigured(f"the CA bundle {ca_bundle} does not exist; fix the "
                                "'sync_ca_bundle' setting")
    return ssl.create_default_context(cafile=str(ca_bundle))
