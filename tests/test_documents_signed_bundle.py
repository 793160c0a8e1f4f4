"""Offline bundles carry a survivor's report sealed to the central server, not only signed."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

from cli_helpers import cli_init
from sqlalchemy import select

from khidmat_central import cli as central_cli
from khidmat_central.public import IssuedDocument
from khidmat_central.schema import Record
from khidmat_central.store import open_central
from khidmat_desk.core.catalogue import get_service

Run = Callable[..., tuple[int, str, str]]
PASSWORD = "incharge-pass-1\n"
VAW = "women-violence-report"
SURVIVOR = get_service(VAW).example


def _apply(run: Run, folder: Path, tmp_path: Path, service: str) -> str:
    answers = tmp_path / f"{service}.json"
    answers.write_text(json.dumps(get_service(service).example))
    code, out, err = run("apply", service, "--data-dir", str(folder), "--answers",
                         str(answers), "--user", "incharge", "--password-stdin", stdin=PASSWORD)
    assert code == 0, err
    return out.strip()


def test_a_confidential_report_leaves_on_a_stick_only_sealed(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "centre"
    cli_init(run, folder, PASSWORD.strip(), name="Liberty Market")
    report = _apply(run, folder, tmp_path, VAW)
    other = _apply(run, folder, tmp_path, "police-verification")
    assert run("print", "document", report, "--out", str(tmp_path / "slip.pdf"), "--user",
               "incharge", "--password-stdin", "--data-dir", str(folder), stdin=PASSWORD)[0] == 0
    stick = tmp_path / "usb" / "day.bundle"
    export = ("export", "--format", "bundle", "--out", str(stick), "--user", "incharge",
              "--password-stdin", "--data-dir", str(folder))
    code, _, err = run(*export, stdin=PASSWORD)
    assert code == 1 and "--seal-key" in err and not stick.exists()

    central_db = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    key_file = tmp_path / "central-seal.key"
    code, public, err = run("seal-key", "create", "--out", str(key_file), "--db", central_db,
                            program=central_cli.main)
    assert code == 0, err
    assert key_file.stat().st_mode & 0o077 == 0
    assert run("seal-key", "create", "--out", str(key_file), "--db", central_db,
               program=central_cli.main)[0] == 2  # an existing key is never overwritten
    assert run("sync", "--setup", "--server", "https://central.example.pk", "--seal-key",
               public.strip(), "--token-stdin", "--data-dir", str(folder),
               stdin="kd1_token\n")[0] == 0
    code, out, err = run(*export, stdin=PASSWORD)
    assert code == 0, err

    raw = gzip.decompress(stick.read_bytes()).decode("utf-8")
    assert SURVIVOR["survivor_name"] not in raw and "34101" not in raw
    assert SURVIVOR["survivor_mobile"].replace("-", "") not in raw.replace("-", "")
    assert get_service("police-verification").example["name"] in raw  # others: signed only
    bundle_key = out.rsplit("signed by key ", 1)[1].strip()
    central = ["--db", central_db]
    assert run("key", "add", "--centre", "LHR01", "--counter", "7", bundle_key, *central,
               program=central_cli.main)[0] == 0
    code, _, err = run("import", str(stick), *central, program=central_cli.main)
    assert code == 2 and "--seal-key" in err
    stolen = tmp_path / "other.key"
    assert run("seal-key", "create", "--out", str(stolen), *central,
               program=central_cli.main)[0] == 0
    code, _, err = run("import", str(stick), "--seal-key", str(stolen), *central,
                       program=central_cli.main)
    assert code == 2 and "cannot be opened" in err
    code, out, err = run("import", str(stick), "--seal-key", str(key_file), *central,
                         program=central_cli.main)
    assert code == 0, err
    assert "3 accepted" in out and "0 rejected" in out  # 2 applications and the slip
    db = open_central(central_db)
    try:
        with db.read() as session:
            stored = {r.tracking_number: json.loads(r.payload_json)
                      for r in session.scalars(select(Record))}
            slips = session.scalars(select(IssuedDocument.tracking_number)).all()
    finally:
        db.dispose()
    assert stored[report]["answers"]["survivor_name"] == SURVIVOR["survivor_name"]
    assert other in stored and slips == [report]
