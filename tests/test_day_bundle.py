"""Counters with their own SQLite: each exports its signed day bundle, the in-charge's PC imports
them all; importing twice changes nothing; a record reaching a closed day is flagged late."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from day_fixtures import FRIDAY, PASSWORD, local
from intake_helpers import counter_context, intake

from khidmat_desk.app.applications import change_status, submit_application
from khidmat_desk.app.day_bundle import DayBundleError, export_day_bundle, import_day_bundle
from khidmat_desk.app.day_close import close_period
from khidmat_desk.app.day_reports import live_summary
from khidmat_desk.app.printing import print_receipt
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import PermissionDenied, UserInfo, create_user
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.store.db import Database, open_database, sqlite_url
from khidmat_desk.store.models import Centre

GPV = "police-verification"


@dataclass
class Pc:
    settings: CounterSettings
    db: Database
    users: dict[str, UserInfo]

    def submit(self, who: str, when: str, tariff: Tariff) -> str:
        context = counter_context(self.db, self.users[who], tariff,
                                  counter=int(self.settings.get("counter")))
        return submit_application(context, intake(GPV), now=local(when)).tracking_number


@pytest.fixture
def pcs(tmp_path: Path) -> dict[str, Pc]:
    made = {}
    for name, number, staff in (("a", 7, ("asif.khan",)), ("b", 8, ("bilal.ahmed",)),
                                ("office", 1, ())):
        folder = tmp_path / name
        settings = CounterSettings.load(folder)
        for key, value in (("centre_code", "LHR01"), ("counter", number),
                           ("secret_store", "file")):
            settings.set(key, value)
        settings.save()
        db = open_database(sqlite_url(folder / "khidmat.sqlite3"))
        users = {}
        with db.write() as session:
            session.add(Centre(code="LHR01", name="Liberty", district="Lahore"))
            session.flush()
            for username in staff:
                users[username] = create_user(session, username, username.title(), "officer",
                                              PASSWORD)
            users["nadia.iqbal"] = create_user(session, "nadia.iqbal", "Nadia Iqbal",
                                               "in-charge", PASSWORD)
        made[name] = Pc(settings, db, users)
    yield made
    for pc in made.values():
        pc.db.dispose()


def export(pc: Pc, out: Path) -> str:
    return export_day_bundle(pc.db, pc.settings, pc.users["nadia.iqbal"], day=FRIDAY, out=out,
                             now=local("2026-03-06T20:00")).public_key


def snapshot(pc: Pc) -> dict[str, list[Any]]:
    path = pc.settings.data_dir / "khidmat.sqlite3"
    with sqlite3.connect(path) as con:
        tables = ("application", "status_change", "payment", "document_received",
                  "print_record", "application_key", "late_record", "app_user")
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_the_office_sees_every_counter_once(pcs: dict[str, Pc], tariff: Tariff,
                                           tmp_path: Path) -> None:
    a, b, office = pcs["a"], pcs["b"], pcs["office"]
    first = a.submit("asif.khan", "2026-03-06T10:00", tariff)
    a.submit("asif.khan", "2026-03-06T11:00", tariff)
    for at in ("10:01", "10:30"):
        print_receipt(a.db, first, user=a.users["asif.khan"], reason="Jammed",
                      now=local(f"2026-03-06T{at}"))
    voided = b.submit("bilal.ahmed", "2026-03-06T12:00", tariff)
    change_status(b.db, voided, "voided", user=b.users["nadia.iqbal"], reason="Twice",
                  now=local("2026-03-06T13:00"))
    key_a, key_b = export(a, tmp_path / "a.bundle"), export(b, tmp_path / "b.bundle")
    nadia = office.users["nadia.iqbal"]
    done = import_day_bundle(office.db, nadia, tmp_path / "a.bundle", trusted_key=key_a)
    assert (done.counter, done.applications_added, done.versions_added,
            done.prints_added) == (7, 2, 2, 2)
    import_day_bundle(office.db, nadia, tmp_path / "b.bundle", trusted_key=key_b)
    summary = live_summary(office.db, nadia, day=FRIDAY, now=local("2026-03-06T21:00"))
    assert sorted({line.counter for line in summary.applications}) == [7, 8]
    assert summary.total_applications == 3
    assert [v.tracking_number for v in summary.voids] == [voided]
    assert [r.tracking_number for r in summary.reprints] == [first]
    assert summary.cash_expected == 2 * tariff.fees[GPV]["pkr"]
    before = snapshot(office)
    again = import_day_bundle(office.db, nadia, tmp_path / "a.bundle", trusted_key=key_a)
    assert (again.applications_added, again.versions_added, again.prints_added) == (0, 0, 0)
    import_day_bundle(office.db, nadia, tmp_path / "b.bundle", trusted_key=key_b)
    after = snapshot(office)
    assert after == before


def test_a_bundle_reaching_a_closed_day_is_flagged_late(pcs: dict[str, Pc], tariff: Tariff,
                                                        tmp_path: Path) -> None:
    b, office = pcs["b"], pcs["office"]
    made = b.submit("bilal.ahmed", "2026-03-06T12:00", tariff)
    key = export(b, tmp_path / "b.bundle")
    nadia = office.users["nadia.iqbal"]
    close_period(office.db, nadia, day=FRIDAY, cash_counted=0, now=local("2026-03-06T20:30"))
    done = import_day_bundle(office.db, nadia, tmp_path / "b.bundle", trusted_key=key,
                             now=local("2026-03-07T09:00"))
    assert done.late == 1
    summary = live_summary(office.db, nadia, day=FRIDAY, now=local("2026-03-07T09:05"))
    assert [line.tracking_number for line in summary.late] == [made]
    assert made in {line.tracking_number for line in summary.applications}


def test_an_untrusted_or_changed_bundle_is_refused(pcs: dict[str, Pc], tariff: Tariff,
                                                   tmp_path: Path) -> None:
    a, b, office = pcs["a"], pcs["b"], pcs["office"]
    a.submit("asif.khan", "2026-03-06T10:00", tariff)
    key_a = export(a, tmp_path / "a.bundle")
    key_b = export(b, tmp_path / "b.bundle")
    nadia = office.users["nadia.iqbal"]
    with pytest.raises(DayBundleError, match=r"The key given is not the one a\.bundle") as wrong:
        import_day_bundle(office.db, nadia, tmp_path / "a.bundle", trusted_key=key_b)
    assert key_a not in str(wrong.value)  # the file's own key is not handed over to be typed
    import gzip

    raw = gzip.decompress((tmp_path / "a.bundle").read_bytes())
    (tmp_path / "bad.bundle").write_bytes(gzip.compress(raw.replace(b"Muhammad", b"Mohamad")))
    with pytest.raises(DayBundleError, match="bad signature"):
        import_day_bundle(office.db, nadia, tmp_path / "bad.bundle", trusted_key=key_a)
    with pytest.raises(PermissionDenied):
        export_day_bundle(a.db, a.settings, a.users["asif.khan"], day=FRIDAY,
                          out=tmp_path / "x.bundle")
    assert snapshot(office)["application"] == []


def test_imported_records_carry_their_finding_and_pass_the_audit(
        pcs: dict[str, Pc], tariff: Tariff, tmp_path: Path) -> None:
    from datetime import date

    from khidmat_desk.app.applications import get_application
    from khidmat_desk.app.findings import record_finding
    from khidmat_desk.store.audit import verify_chain
    from khidmat_desk.store.audit_state import verify_records

    a, office = pcs["a"], pcs["office"]
    with a.db.write() as session:
        verifier = create_user(session, "zara.shah", "Zara Shah", "verifier", PASSWORD)
    decided = a.submit("asif.khan", "2026-03-06T10:00", tariff)
    record_finding(a.db, decided, user=verifier, outcome="verified",
                   record_status="case-pending", reference="CRO 1123/2026",
                   reference_date=date(2026, 3, 5), remark="Under trial",
                   now=local("2026-03-06T15:00"))
    key = export(a, tmp_path / "a.bundle")
    nadia = office.users["nadia.iqbal"]
    import_day_bundle(office.db, nadia, tmp_path / "a.bundle", trusted_key=key)
    found = get_application(office.db, decided).finding
    assert found is not None
    assert (found.record_status, found.reference, found.recorded_by) == (
        "case-pending", "CRO 1123/2026", "zara.shah")
    # whom it is about, as the counter had it: the office's next version of it says so too
    holder = get_application(a.db, decided).applicant
    assert holder is not None and get_application(office.db, decided).applicant == holder
    with office.db.read() as session:
        assert verify_chain(session).ok
        report = verify_records(session)
    assert report.ok, report.problems  # imported applications and colleagues are vouched for
    import_day_bundle(office.db, nadia, tmp_path / "a.bundle", trusted_key=key)  # again
    with office.db.read() as session:
        assert verify_records(session).ok


def test_a_counters_key_is_typed_once_and_a_changed_one_is_refused_until_given(
        pcs: dict[str, Pc], tariff: Tariff, tmp_path: Path) -> None:
    from sqlalchemy import select

    from khidmat_desk.app.day_bundle import KEY_TRUSTED, CounterKeyError
    from khidmat_desk.app.sync import bundle_key, secret_store
    from khidmat_desk.store.audit import verify_chain
    from khidmat_desk.store.models import AuditEvent
    from khidmat_desk.sync.bundle import BUNDLE_KEY_SECRET, public_key_hex

    a, office = pcs["a"], pcs["office"]
    nadia = office.users["nadia.iqbal"]
    a.submit("asif.khan", "2026-03-06T10:00", tariff)
    key = export(a, tmp_path / "a.bundle")
    with pytest.raises(CounterKeyError, match="does not know counter 7's key") as unknown:
        import_day_bundle(office.db, nadia, tmp_path / "a.bundle")
    assert unknown.value.counter == 7
    with pytest.raises(CounterKeyError, match="64 letters and digits"):  # asked again
        import_day_bundle(office.db, nadia, tmp_path / "a.bundle", trusted_key="12ab")
    # typed as the export shows it, in groups and capitals
    spaced = " ".join(key[i:i + 4] for i in range(0, 64, 4)).upper()
    assert import_day_bundle(office.db, nadia, tmp_path / "a.bundle",
                             trusted_key=spaced).applications_added == 1
    a.submit("asif.khan", "2026-03-06T11:00", tariff)
    export(a, tmp_path / "a2.bundle")
    assert import_day_bundle(office.db, nadia, tmp_path / "a2.bundle").applications_added == 1

    # counter 7 set up again: a new key signs its bundles
    secret_store(a.settings).delete(BUNDLE_KEY_SECRET)
    new_key = bundle_key(a.settings)
    a.submit("asif.khan", "2026-03-06T12:00", tariff)
    assert export(a, tmp_path / "a3.bundle") != key
    with pytest.raises(CounterKeyError, match="signed by another key"):
        import_day_bundle(office.db, nadia, tmp_path / "a3.bundle")
    done = import_day_bundle(office.db, nadia, tmp_path / "a3.bundle",
                             trusted_key=public_key_hex(new_key))
    assert done.applications_added == 1
    with office.db.read() as session:
        trusted = session.scalars(select(AuditEvent).where(AuditEvent.action == KEY_TRUSTED)
                                  .order_by(AuditEvent.id)).all()
        assert verify_chain(session).ok
    assert [(e.entity_id, e.details["public_key"], e.details["replaces"], e.actor)
            for e in trusted] == [("7", key, None, "nadia.iqbal"),
                                  ("7", public_key_hex(new_key), key, "nadia.iqbal")]


def test_a_file_that_is_not_a_bundle_is_refused_with_its_name(
        pcs: dict[str, Pc], tariff: Tariff, tmp_path: Path) -> None:
    import gzip

    a, office = pcs["a"], pcs["office"]
    a.submit("asif.khan", "2026-03-06T10:00", tariff)
    export(a, tmp_path / "a.bundle")
    whole = (tmp_path / "a.bundle").read_bytes()
    nadia = office.users["nadia.iqbal"]
    for name, content in (("photo.khday", b"\xff\xd8\xff\xe0 not a bundle"),
                          ("cut.khday", whole[: len(whole) // 2]),
                          ("empty.khday", b""),
                          ("other.khday", gzip.compress(b'{"format": "something else"}\n{}'))):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(DayBundleError, match=f"{name} is not a") as refused:
            import_day_bundle(office.db, nadia, tmp_path / name, trusted_key="ab" * 32)
        assert "Traceback" not in str(refused.value)
    assert snapshot(office)["application"] == []


def test_two_pcs_set_up_as_one_counter_are_told_and_nothing_is_imported(
        pcs: dict[str, Pc], tariff: Tariff, tmp_path: Path) -> None:
    from khidmat_desk.app.day_bundle import trusted_counter_key

    a, b = pcs["a"], pcs["b"]
    b.settings.set("counter", 7)  # a's number too: both give LHR01-260306-07-0001-…
    made = a.submit("asif.khan", "2026-03-06T10:00", tariff)
    assert b.submit("bilal.ahmed", "2026-03-06T11:00", tariff) == made
    key = export(a, tmp_path / "a.bundle")
    before = snapshot(b)
    with pytest.raises(DayBundleError, match=f"{made} in this bundle is another application "
                                             "here.*both work as counter 7.*Nothing was"):
        import_day_bundle(b.db, b.users["nadia.iqbal"], tmp_path / "a.bundle", trusted_key=key)
    assert snapshot(b) == before
    with b.db.read() as session:
        assert trusted_counter_key(session, 7) is None  # the key was not remembered either
