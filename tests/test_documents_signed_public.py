"""The public verification page and API, over HTTP against a real central server process.

A counter (driven through its command line) prints a certificate and a receipt with the public
address in their QR codes and syncs; a reader who has only the paper opens the QR address and
sees what the certificate certifies and whether it stands, and nothing more. Read with an HTML
parser always, and in headless Chromium through Playwright where both are installed.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from cli_helpers import cli_init
from printing_helpers import decode

from khidmat_desk.core.catalogue import get_service
from khidmat_desk.printing.qrread import QR_FORMATS
from khidmat_desk.printing.signing import payload_of_qr

Run = Callable[..., tuple[int, str, str]]
PASSWORD = "incharge-pass-1\n"
CERTIFICATE = "character-certificate"
QR = QR_FORMATS  # as verification reads them
CHROMIUM = "/usr/bin/chromium"


class PageText(HTMLParser):
    """The visible text of a page, and the text of each element with an id."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.by_id: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.forms: list[dict[str, str]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.forms.append({k: v or "" for k, v in found.items()})
        if found.get("id"):
            self._open.append(str(found["id"]))
            self.by_id.setdefault(str(found["id"]), [])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "table", "form") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        for key in self._open:
            self.by_id[key].append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())

    def of(self, element_id: str) -> str:
        return " ".join(" ".join(self.by_id.get(element_id, [])).split())


@dataclass
class World:
    folder: Path
    url: str
    tracking: str
    certificate: Path
    receipt: Path
    run: Run
    tmp: Path

    def qr(self, pdf: Path) -> str:
        [text] = decode(pdf.read_bytes(), QR)
        return text

    def cli(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        return self.run(*argv, "--data-dir", str(self.folder), stdin=stdin)

    def sync(self) -> None:
        code, out, err = self.cli("sync", "--once")
        assert code == 0, out + err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """``khidmat-central serve`` in its own process; (base URL, database URL)."""
    base = tmp_path_factory.mktemp("central")
    db_url = f"sqlite:///{base / 'central.sqlite3'}"
    port = _free_port()
    env = {**os.environ, "KHIDMAT_CENTRAL_DB": db_url}
    log = (base / "server.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "khidmat_central.cli", "serve",
                                "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                               stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError((base / "server.log").read_text())
            time.sleep(0.1)
        yield url, db_url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def world(server: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> World:
    from khidmat_desk.cli.main import main

    url, db_url = server
    tmp = tmp_path_factory.mktemp("counter")

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        import contextlib
        import io

        out, err = io.StringIO(), io.StringIO()
        old_stdin = sys.stdin
        sys.stdin = io.StringIO(stdin)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(argv))
        finally:
            sys.stdin = old_stdin
        return code, out.getvalue(), err.getvalue()

    token = subprocess.run([sys.executable, "-m", "khidmat_central.cli", "token", "add",
                            "--db", db_url, "--centre", "LHR07", "--counter", "3"],
                           capture_output=True, text=True, check=True).stdout.strip()
    folder = tmp / "centre"
    cli_init(run, folder, PASSWORD.strip(), centre="LHR07", counter=3, name="Liberty Market")
    world = World(folder, url, "", tmp / "pcc.pdf", tmp / "receipt.pdf", run, tmp)
    code, out, err = world.cli("sync", "--setup", "--server", url, "--public-url", url,
                               "--token-stdin", stdin=token + "\n")
    assert code == 0, err
    answers = tmp / "answers.json"
    answers.write_text(json.dumps(get_service(CERTIFICATE).example))
    code, out, err = world.cli("apply", CERTIFICATE, "--answers", str(answers), "--user",
                               "incharge", "--password-stdin", stdin=PASSWORD)
    assert code == 0, err
    world.tracking = out.strip()
    signed_in = ("--user", "incharge", "--password-stdin")
    assert world.cli("status", world.tracking, "--set", "in-verification", *signed_in,
                     stdin=PASSWORD)[0] == 0
    assert world.cli("finding", world.tracking, "--outcome", "verified", "--record-status",
                     "not-involved", "--reference", "CRO 1/2026", "--override-reason",
                     "one-person test centre", *signed_in, stdin=PASSWORD)[0] == 0
    assert world.cli("status", world.tracking, "--set", "ready", *signed_in,
                     stdin=PASSWORD)[0] == 0
    assert world.cli("print", "document", world.tracking, "--out", str(world.certificate),
                     "--user", "incharge", "--password-stdin", stdin=PASSWORD)[0] == 0
    assert world.cli("print", "receipt", world.tracking, "--out", str(world.receipt))[0] == 0
    world.sync()
    return world


def _get(url: str, **params: str) -> httpx.Response:
    return httpx.get(url, params=params, timeout=10)


def test_the_qr_address_opens_what_the_certificate_certifies(world: World) -> None:
    qr = world.qr(world.certificate)
    assert qr.startswith(world.url + "/v?")
    reply = httpx.get(qr.split("#", 1)[0], timeout=10)
    assert reply.status_code == 200
    assert reply.headers["referrer-policy"] == "no-referrer"
    assert "no-store" in reply.headers["cache-control"]
    page = PageText(reply.text)
    assert page.of("standing").startswith("Valid")
    shown = page.of("document")
    example = get_service(CERTIFICATE).example
    for fact in ("Muhammad Imran", "Abdul Rasheed", example["passport_no"], "12-04-1988",
                 "Saudi Arabia", "Sargodha", "12-04-2006", "31-01-2025", world.tracking):
        assert fact in shown
    # the police finding is one of the facts it certifies
    assert "Not involved" in shown and "CRO 1/2026" in shown
    # a value in Urdu is laid out right to left in the English page
    assert f'<td dir="auto">{example["name_ur"]}</td>' in reply.text
    assert "Recorded by" not in page.text
    # nothing more: no identity number, no officer, no fee
    assert "35202-1234567-1" not in page.text and "3520212345671" not in page.text
    assert "incharge" not in page.text and "Rs" not in page.text


def test_the_api_answers_the_same_and_a_miss_is_uniform(world: World) -> None:
    qr = world.qr(world.certificate)
    code = dict(httpx.URL(qr.split("#", 1)[0]).params)["c"]
    found = _get(world.url + "/api/v1/verify", t=world.tracking, c=code)
    assert found.status_code == 200 and found.json()["status"] == "valid"
    assert found.json()["document"] == "Police Character Certificate" or found.json()["document"]
    scanned = _get(world.url + "/api/v1/verify", qr=payload_of_qr(qr))
    assert scanned.json() == found.json()
    wrong_code = _get(world.url + "/api/v1/verify", t=world.tracking, c="AAAAAAAA")
    unknown = _get(world.url + "/api/v1/verify", t="LHR07-261123-03-0999-4", c=code)
    nonsense = _get(world.url + "/api/v1/verify", t="x", c="")
    assert wrong_code.status_code == unknown.status_code == nonsense.status_code == 404
    assert wrong_code.json() == unknown.json() == nonsense.json()


def test_a_card_is_checked_against_the_holder(world: World) -> None:
    qr = world.qr(world.certificate)
    code = dict(httpx.URL(qr.split("#", 1)[0]).params)["c"]
    ask = world.url + "/api/v1/verify/identity"
    right = httpx.post(ask, json={"t": world.tracking, "c": code, "cnic": "35202-1234567-1"})
    wrong = httpx.post(ask, json={"t": world.tracking, "c": code, "cnic": "35202-1234568-1"})
    assert right.json() == {"matches": True} and wrong.json() == {"matches": False}
    page = httpx.post(world.url + "/v/identity", content=f"t={world.tracking}&c={code}"
                      "&cnic=35202-1234568-1", headers={
                          "content-type": "application/x-www-form-urlencoded"})
    assert PageText(page.text).of("notice").startswith("NOT THIS PERSON")


def test_the_receipt_opens_the_status_and_nothing_personal(world: World) -> None:
    qr = world.qr(world.receipt)
    assert qr.startswith(world.url + "/s?")
    page = PageText(httpx.get(qr, timeout=10).text)
    assert page.of("status").replace(" :", ":") == (
        f"Application {world.tracking}: ready for collection")
    assert "Muhammad Imran" not in page.text and "Character" not in page.text
    wrong = httpx.get(world.url + "/s", params={"t": world.tracking, "c": "AAAAAAAA"})
    assert wrong.status_code == 404


def test_a_later_copy_replaces_and_a_void_revokes(world: World) -> None:
    first_qr = world.qr(world.certificate).split("#", 1)[0]
    second = world.tmp / "pcc-2.pdf"
    assert world.cli("print", "document", world.tracking, "--out", str(second), "--reason",
                     "lost in the post", "--user", "incharge", "--password-stdin",
                     stdin=PASSWORD)[0] == 0
    world.sync()
    second_qr = world.qr(second).split("#", 1)[0]
    assert PageText(httpx.get(first_qr).text).of("standing").startswith("Replaced by copy 2")
    assert PageText(httpx.get(second_qr).text).of("standing").startswith("Valid")
    assert world.cli("status", world.tracking, "--set", "voided", "--reason", "issued in "
                     "error", "--user", "incharge", "--password-stdin", stdin=PASSWORD)[0] == 0
    world.sync()
    assert PageText(httpx.get(second_qr).text).of("standing").startswith("Revoked")


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed")
def test_the_page_in_a_real_browser(world: World) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    qr = world.qr(world.certificate).split("#", 1)[0]
    code = dict(httpx.URL(qr).params)["c"]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page()
            page.goto(world.url + "/v")
            page.fill("#lookup input[name=t]", world.tracking)
            page.fill("#lookup input[name=c]", code[:4] + "-" + code[4:].lower())
            page.click("#lookup button")
            standing = page.text_content("#standing") or ""
            assert standing.startswith(("Valid", "Replaced", "Revoked"))
            assert "Muhammad Imran" in (page.text_content("#document") or "")
            page.screenshot(path=str(world.tmp / "public-page.png"), full_page=True)
            page.fill("#identity input[name=cnic]", "35202-1234568-1")
            page.click("#identity button")
            assert (page.text_content("#notice") or "").startswith("NOT THIS PERSON")
        finally:
            browser.close()


def test_misses_are_rate_limited(world: World) -> None:
    """Last in this module: it uses up this address's allowance of misses."""
    answers = [_get(world.url + "/api/v1/verify", t=world.tracking, c=f"ZZZZZZ{i:02d}")
               for i in range(12)]
    codes = [a.status_code for a in answers]
    assert 429 in codes and set(codes) <= {404, 429}
    limited = answers[codes.index(429)]
    assert int(limited.headers["retry-after"]) > 0
