"""The body limit holds while the body is still arriving: a huge upload costs the server little.

The server runs as its own process (``khidmat-central serve``) so its memory can be read from
/proc; the uploads are streamed over a raw socket, chunk by chunk, the way a hostile client
would send them, and stop as soon as the server answers.
"""

from __future__ import annotations

import select
import socket
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sync_helpers import Central, CentralProcess, record_entry

from khidmat_desk.sync import protocol

MB = 1024 * 1024
#: How much the server's peak memory may grow while refusing an oversized body: the limit
#: itself (16 MB) plus room for the interpreter's own buffers.
ALLOWED_GROWTH = 48 * MB


@pytest.fixture
def server(central: Central, tmp_path: Path) -> Iterator[CentralProcess]:
    process = CentralProcess(central.db.url, central.tariff_file(tmp_path))
    try:
        yield process
    finally:
        process.stop()


def peak_rss(process: CentralProcess) -> int:
    """The process's peak resident memory so far (VmHWM), in bytes."""
    for line in Path(f"/proc/{process.process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM line")


def stream(port: int, token: str, chunks: Iterator[bytes], *,
           encoding: str | None = None) -> tuple[int | None, int]:
    """POST a chunked push until the server answers; (status, bytes sent before it did)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        head = (f"POST {protocol.PUSH_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n")
        if encoding:
            head += f"Content-Encoding: {encoding}\r\n"
        sock.sendall((head + "\r\n").encode())
        sent = 0
        for chunk in chunks:
            try:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
            if select.select([sock], [], [], 0)[0]:
                break
        else:
            sock.sendall(b"0\r\n\r\n")
        try:
            reply = sock.recv(4096)
        except ConnectionResetError:
            return None, sent
    status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.1 ") else None
    return status, sent


def warm_up(central: Central, server: CentralProcess, token: str) -> None:
    url = f"http://127.0.0.1:{server.port}"
    reply = httpx.post(url + protocol.PUSH_PATH, json={"batch_id": "w", "entries": [
        record_entry()]}, headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200 and reply.json()["results"][0]["result"] == "accepted"


def test_a_400_mb_streamed_push_is_refused_within_the_limit(
        central: Central, server: CentralProcess, capsys: pytest.CaptureFixture[str]) -> None:
    token = central.token()
    warm_up(central, server, token)
    before = peak_rss(server)
    chunk = b" " * MB
    status, sent = stream(server.port, token, (chunk for _ in range(400)))
    after = peak_rss(server)
    with capsys.disabled():
        print(f"\n400 MB push: refused with {status} after {sent // MB} MB sent; server peak "
              f"RSS {before / MB:.0f} MB -> {after / MB:.0f} MB")
    assert status == 413
    assert sent < 64 * MB
    assert after - before < ALLOWED_GROWTH


def test_a_gzip_bomb_is_refused_by_its_decompressed_size(
        central: Central, server: CentralProcess, capsys: pytest.CaptureFixture[str]) -> None:
    token = central.token()
    warm_up(central, server, token)
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(packer.compress(b" " * MB) for _ in range(300)) + packer.flush()
    assert len(bomb) < MB  # 300 MB of spaces in under 1 MB
    before = peak_rss(server)
    status, _ = stream(server.port, token, iter([bomb[i:i + 65536]
                                                 for i in range(0, len(bomb), 65536)]),
                       encoding="gzip")
    after = peak_rss(server)
    with capsys.disabled():
        print(f"\ngzip bomb ({len(bomb) // 1024} kB -> 300 MB): refused with {status}; server "
              f"peak RSS {before / MB:.0f} MB -> {after / MB:.0f} MB")
    assert status == 413
    assert after - before < ALLOWED_GROWTH


def test_a_declared_oversized_body_is_refused_before_it_is_sent(
        central: Central, server: CentralProcess) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall((f"POST {protocol.PUSH_PATH} HTTP/1.1\r\nHost: x\r\n"
                      f"Authorization: Bearer {central.token()}\r\n"
                      "Content-Length: 400000000\r\n\r\n").encode())
        assert sock.recv(4096).startswith(b"HTTP/1.1 413 ")


def test_other_routes_take_only_small_bodies(central: Central, server: CentralProcess) -> None:
    url = f"http://127.0.0.1:{server.port}"
    headers = {"Authorization": f"Bearer {central.token()}"}
    big = httpx.put(url + protocol.BUNDLE_KEY_PATH, content=b"{" + b" " * MB + b"}",
                    headers=headers)
    assert big.status_code == 413
    odd = httpx.post(url + protocol.PUSH_PATH, content=b"{}",
                     headers={**headers, "Content-Encoding": "br"})
    assert odd.status_code == 400 and "not supported" in odd.json()["detail"]
