"""The sync token never goes through a proxy in clear.

Plain HTTP (a server on this machine) ignores HTTP_PROXY and the like; over HTTPS a proxy only
tunnels the encrypted stream and never sees the token. Both against a real proxy on loopback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from forward_proxy import ForwardProxy
from sync_helpers import Central, Counter, drain
from test_sync_tls import make_private_ca

from khidmat_central.server import ServerThread
from khidmat_desk.app.sync import setup_sync


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ForwardProxy]:
    running = ForwardProxy()
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY",
                 "all_proxy"):
        monkeypatch.setenv(name, running.url)
    try:
        yield running
    finally:
        running.stop()


def test_plain_http_never_goes_through_the_proxy(
        central: Central, counters: Callable[..., Counter], proxy: ForwardProxy) -> None:
    token = central.token()
    counter = counters(central.url, token)
    counter.submit(2)
    reports = drain(counter.syncer)
    assert sum(report.pushed for report in reports) == 2
    assert proxy.seen == []  # nothing at all: above all no "Authorization: Bearer ..."


def test_https_through_the_proxy_is_a_tunnel_that_hides_the_token(
        central: Central, counters: Callable[..., Counter], proxy: ForwardProxy,
        tmp_path: Path) -> None:
    ca, cert, key = make_private_ca(tmp_path)
    server = ServerThread(central.db, tls_cert=str(cert), tls_key=str(key),
                          tariff=central.tariff).start()
    try:
        token = central.token()
        counter = counters(server.url, token)
        setup_sync(counter.settings, server=server.url, token=token, ca_bundle=str(ca))
        counter.submit(2)
        # The tests' short client timeout may run out during a TLS handshake through the
        # proxy on a busy machine: the sync simply tries again, as it would at a centre.
        reports = drain(counter.syncer)
        assert sum(report.pushed for report in reports) == 2
    finally:
        server.stop()
    assert proxy.seen, "the HTTPS request did not use the proxy at all"
    assert {seen.method for seen in proxy.seen} == {"CONNECT"}
    assert all("authorization" not in seen.headers and token not in str(seen)
               for seen in proxy.seen)
