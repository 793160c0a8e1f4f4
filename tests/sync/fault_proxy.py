"""A fault-injecting HTTP proxy between a counter and the central server, on loopback.

Each request to a watched path takes the next fault from a script; everything else passes.
Faults are real network events: connections cut before or after the server has the batch,
replies held past the client's timeout, 500s, 429 with Retry-After, garbage bodies, a stale
reply of an earlier batch, the same batch delivered twice, the server killed mid-request.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

PASS = "pass"
FAULTS = ("pass", "drop_before", "drop_after", "delay", "http500", "http500_after", "http429",
          "garbage", "truncated", "stale", "replay", "kill_mid")


@dataclass
class Seen:
    path: str
    fault: str
    at: float


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    watched: tuple[str, ...] = ("/v1/push",)
    delay_seconds: float = 1.0
    retry_after: str = "1"
    on_kill: Callable[[], None] | None = None
    seen: list[Seen] = field(default_factory=list)
    #: While True every connection is cut at once, health checks included: the link is down.
    link_down: bool = False

    def __post_init__(self) -> None:
        self._script: deque[str] = deque()
        self._lock = threading.Lock()
        self._last_reply: bytes | None = None
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stopping = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def script(self, faults: Iterable[str]) -> None:
        with self._lock:
            for fault in faults:
                assert fault in FAULTS, fault
                self._script.append(fault)

    @property
    def faults_left(self) -> int:
        return len(self._script)

    def close(self) -> None:
        self._stopping = True
        self._listener.close()

    # -- plumbing ----------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopping:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            if self.link_down:
                return
            request = _read_request(client)
            if request is None:
                return
            path = request.split(b" ", 2)[1].split(b"?")[0].decode()
            fault = self._next_fault(path)
            self.seen.append(Seen(path, fault, time.monotonic()))
            # The client may have given up (timeout): exactly what some faults cause.
            with contextlib.suppress(OSError):
                self._apply(fault, client, request)

    def _next_fault(self, path: str) -> str:
        with self._lock:
            if path in self.watched and self._script:
                return self._script.popleft()
        return PASS

    def _apply(self, fault: str, client: socket.socket, request: bytes) -> None:
        if fault == "drop_before":
            return
        if fault == "http500":
            client.sendall(_reply(500, b'{"detail":"injected failure"}'))
            return
        if fault == "http429":
            client.sendall(_reply(429, b'{"detail":"slow down"}',
                                  extra=f"Retry-After: {self.retry_after}\r\n"))
            return
        if fault == "stale" and self._last_reply is not None:
            client.sendall(self._last_reply)
            return
        if fault == "kill_mid":
            self._kill_mid(request)
            return
        reply = self._forward(request)
        if fault == "replay":
            reply = self._forward(request)
        if fault in ("pass", "replay", "stale") and b" 200 " in reply.split(b"\r\n", 1)[0]:
            self._last_reply = reply
        self._deliver(fault, client, reply)

    def _deliver(self, fault: str, client: socket.socket, reply: bytes) -> None:
        if fault == "drop_after":
            return
        if fault == "delay":
            time.sleep(self.delay_seconds)
        if fault == "http500_after":
            reply = _reply(500, b'{"detail":"injected failure after commit"}')
        elif fault == "garbage":
            reply = _reply(200, b"\x00\xffnot json at all{{{")
        elif fault == "truncated":
            reply = reply[: len(reply) // 2]
        client.sendall(reply)

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=30) as upstream:
            upstream.sendall(_close_after(request))
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)

    def _kill_mid(self, request: bytes) -> None:
        """Hand the server the batch and kill it at once: it may or may not have committed."""
        with socket.create_connection(self.upstream, timeout=30) as upstream:
            upstream.sendall(_close_after(request))
            time.sleep(0.005)
            assert self.on_kill is not None, "kill_mid needs on_kill"
            self.on_kill()


def _read_request(client: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


def _close_after(request: bytes) -> bytes:
    head, _, body = request.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n")
             if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def _reply(status: int, body: bytes, extra: str = "") -> bytes:
    reason = {200: "OK", 429: "Too Many Requests", 500: "Internal Server Error"}[status]
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n{extra}\r\n").encode() + body
