"""Running the API under uvicorn: in the foreground (``serve``) or on a background thread.

The background form is what the tests and the benchmark use: a real server on a loopback
socket, stopped and started again like a real one.
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from khidmat_central.api import create_app
from khidmat_central.limits import RateLimit
from khidmat_central.tariffs import CentralTariff
from khidmat_desk.store.db import Database


def serve(db: Database, host: str, port: int, *, tls_cert: str | None = None,
          tls_key: str | None = None, tariff: CentralTariff | None = None,
          rate_limit: RateLimit | None = None) -> None:
    """Serve until stopped; with a certificate and key, over HTTPS (what counters require
    for any server not on their own machine)."""
    uvicorn.run(create_app(db, tariff=tariff, rate_limit=rate_limit), host=host, port=port,
                log_level="info", access_log=False, ssl_certfile=tls_cert,
                ssl_keyfile=tls_key)


class ServerThread:
    """A uvicorn server on ``host:port`` (port 0: any free one) in a daemon thread."""

    def __init__(self, db: Database, host: str = "127.0.0.1", port: int = 0, *,
                 tls_cert: str | None = None, tls_key: str | None = None,
                 tariff: CentralTariff | None = None,
                 rate_limit: RateLimit | None = None) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((host, port))
        self.host, self.port = self._socket.getsockname()[:2]
        app = create_app(db, tariff=tariff, rate_limit=rate_limit)
        config = uvicorn.Config(app, log_level="warning", access_log=False,
                                lifespan="off", ssl_certfile=tls_cert, ssl_keyfile=tls_key)
        self.scheme = "https" if tls_cert else "http"
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def start(self) -> ServerThread:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the central server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()
