"""Backups (online, pruned, never half-written), the health check at start, and restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from backup_helpers import PASSWORD, count_rows, fill_disk, make_centre, save_applications
from backup_helpers import small_disk as mounted_small_disk

from khidmat_desk.app import backup
from khidmat_desk.app.restore import RestoreResult, restore_backup
from khidmat_desk.app.running import CounterAlreadyRunningError, CounterLock
from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.auth.users import BadCredentials, PermissionDenied
from khidmat_desk.core import clock
from khidmat_desk.store.audit import verify_chain
from khidmat_desk.store.backup import BackupFileError, integrity_problems
from khidmat_desk.store.db import open_database
from khidmat_desk.store.errors import DiskFullError

Run = Callable[..., tuple[int, str, str]]
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def centre(tmp_path: Path) -> CounterSettings:
    settings = make_centre(tmp_path / "centre")
    db = open_database(settings.database_url, backup_dir=settings.backup_dir)
    try:
        save_applications(db, settings, 3)
    finally:
        db.dispose()
    return settings


def _applications(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM application").fetchone()[0])


def test_a_backup_is_a_sound_copy_taken_while_another_writer_holds_the_database(
        centre: CounterSettings) -> None:
    writer = sqlite3.connect(backup.database_file(centre), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another counter is in the middle of a save
    try:
        path = backup.take_backup(centre, reason="manual")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert path.parent == centre.backup_dir and "-manual-" in path.name
    assert integrity_problems(path) == []
    assert _applications(path) == 3
    assert not list(centre.backup_dir.glob("*.partial"))
    assert [b.path for b in backup.list_backups(centre)] == [path]


def test_a_backup_is_named_by_the_centres_clock(centre: CounterSettings) -> None:
    """The in-charge looking for the copy taken at the day's close finds it by the time the
    counter showed (here 14:00 in Lahore, 09:00 UTC); the name still names one moment."""
    made = backup.take_backup(centre, reason="day-close", now=T0)
    assert made.name.endswith("-day-close-20261123-140000-000000+0500.sqlite3")
    assert [(b.path, b.taken_at) for b in backup.list_backups(centre)
            if b.reason == "day-close"] == [(made, T0)]


def test_only_the_newest_automatic_backups_are_kept(centre: CounterSettings) -> None:
    centre.set("backups_keep", 3)
    before_upgrade = centre.backup_dir / "khidmat-rev0003_print_log-20200101-000000-000000.sqlite3"
    centre.backup_dir.mkdir(parents=True, exist_ok=True)
    before_upgrade.write_bytes(backup.database_file(centre).read_bytes())
    (centre.backup_dir / "khidmat-start-20200101-000000-000000.sqlite3.partial").write_bytes(b"x")
    made = [backup.take_backup(centre, reason="periodic", now=T0 + timedelta(hours=h))
            for h in range(5)]
    left = {b.path for b in backup.list_backups(centre)}
    assert left == {*made[-3:], before_upgrade}
    assert not list(centre.backup_dir.glob("*.partial"))


def test_restarts_do_not_push_out_the_day_close_backups(centre: CounterSettings) -> None:
    centre.set("backups_keep", 2)
    closes = [backup.take_backup(centre, reason="day-close", now=T0 + timedelta(days=d))
              for d in range(3)]
    starts = [backup.take_backup(centre, reason="start", now=T0 + timedelta(days=3, minutes=m))
              for m in range(6)]  # a morning of power cuts
    left = {b.path for b in backup.list_backups(centre)}
    assert left == {*closes[-2:], *starts[-2:]}
    later = backup.take_backup(centre, reason="periodic", now=T0 + timedelta(days=3, hours=4))
    left = {b.path for b in backup.list_backups(centre)}
    assert left == {*closes[-2:], starts[-1], later}  # the others share one count


def test_a_periodic_backup_is_taken_only_when_due(centre: CounterSettings) -> None:
    centre.set("backup_every_hours", 4)
    assert backup.periodic_backup(centre, now=T0) is not None
    assert backup.periodic_backup(centre, now=T0 + timedelta(hours=3)) is None
    assert backup.periodic_backup(centre, now=T0 + timedelta(hours=4)) is not None
    assert backup.backup_at_day_close(centre) is not None
    reasons = [b.reason for b in backup.list_backups(centre)]
    assert reasons == ["day-close", "periodic", "periodic"]


def test_a_copy_elsewhere_is_for_the_in_charge_only(centre: CounterSettings, tmp_path: Path,
                                                     officer_user: object) -> None:
    with pytest.raises(PermissionDenied):
        backup.take_backup(centre, out=tmp_path / "x.sqlite3")
    with pytest.raises(PermissionDenied):
        backup.take_backup(centre, out=tmp_path / "x.sqlite3", by=officer_user)  # type: ignore[arg-type]
    assert not (tmp_path / "x.sqlite3").exists()


@pytest.fixture
def officer_user(centre: CounterSettings) -> object:
    from khidmat_desk.auth.users import authenticate, create_user

    db = open_database(centre.database_url)
    try:
        admin = authenticate(db, "incharge", PASSWORD)
        with db.write() as session:
            create_user(session, "officer1", "Ali Raza", "officer", "officer-pass-1",
                        created_by=admin)
        return authenticate(db, "officer1", "officer-pass-1")
    finally:
        db.dispose()


# -- a full disk ------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_small_disk(tmp_path / "small-disk") as mount_point:
        yield mount_point


def test_a_backup_onto_a_full_disk_says_so_and_leaves_nothing(centre: CounterSettings,
                                                              small_disk: Path) -> None:
    fill_disk(small_disk, leave=64 * 1024)
    target = small_disk / "copy.sqlite3"
    source_size = backup.database_file(centre).stat().st_size
    assert source_size > 64 * 1024
    with pytest.raises(DiskFullError, match="disk is full"):
        backup.copy_database(backup.database_file(centre), target)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_saving_on_a_full_disk_says_so_and_writes_nothing(tmp_path: Path,
                                                          small_disk: Path) -> None:
    settings = make_centre(small_disk / "centre")
    db = open_database(settings.database_url)
    try:
        save_applications(db, settings, 1)
        fill_disk(small_disk)
        before = (count_rows(db, "application"), count_rows(db, "outbox_entry"),
                  count_rows(db, "audit_event"))
        with pytest.raises(DiskFullError, match="disk is full"):
            save_applications(db, settings, 30)  # the pages the first saves need run out
        (small_disk / "filler").unlink()
        after = (count_rows(db, "application"), count_rows(db, "outbox_entry"),
                 count_rows(db, "audit_event"))
        saved = after[0] - before[0]
        assert after == (before[0] + saved, before[1] + saved, after[2])  # whole saves only
        with db.read() as session:
            assert verify_chain(session).ok
    finally:
        db.dispose()
    assert integrity_problems(backup.database_file(settings)) == []


# -- health at start --------------------------------------------------------------------------


def _damage(path: Path) -> None:
    """Cut the file in the middle, as a disk that lost power mid-write might."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_a_damaged_database_is_caught_at_start_and_the_last_good_backup_offered(
        centre: CounterSettings) -> None:
    good = backup.take_backup(centre, reason="start", now=T0)
    newer = backup.take_backup(centre, reason="periodic", now=T0 + timedelta(hours=5))
    _damage(newer)  # the newest copy is bad too: the offer skips it
    assert backup.check_health(centre).ok
    _damage(backup.database_file(centre))
    health = backup.check_health(centre)
    assert not health.ok and health.last_backup is not None
    assert health.last_backup.path == good
    assert "damaged" in health.message and str(good) in health.message
    with pytest.raises(backup.DatabaseDamagedError, match="restore"):
        backup.require_healthy(centre)


def test_a_damaged_page_is_named_in_a_line_not_sqlites_whole_report(
        centre: CounterSettings) -> None:
    """SQLite reports a spoilt page and every page it orphans, in one text: the counter's
    message ran to 25 lines ("Page 356 is never used" ...)."""
    backup.take_backup(centre, reason="start", now=T0)
    db = open_database(centre.database_url)
    try:
        save_applications(db, centre, 200)  # an audit trail of several pages under its first
    finally:
        db.dispose()
    _damage_one_table(backup.database_file(centre), "audit_event")
    health = backup.check_health(centre)
    assert not health.ok and len(health.problems) > 1 and "\n" not in health.problems[0]
    assert not health.problems[0].startswith("***")
    assert "\n" not in health.message


def test_the_command_line_names_the_backup_in_one_line(centre: CounterSettings,
                                                       run: Run) -> None:
    good = backup.take_backup(centre, reason="start")
    _damage(backup.database_file(centre))
    code, out, err = run("find", "Imran", "--data-dir", str(centre.data_dir))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "damaged" in err and str(good) in err
    assert "Traceback" not in err


# -- restore ----------------------------------------------------------------------------------


def test_restore_checks_the_file_keeps_the_old_database_and_is_audited(
        centre: CounterSettings, run: Run) -> None:
    good = backup.take_backup(centre, reason="manual")
    _damage(backup.database_file(centre))
    code, out, err = run("restore", str(good), "--data-dir", str(centre.data_dir), "--user",
                         "incharge", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "restored from" in out and "kept at" in out
    assert "taken back" not in out  # nothing newer than the backup was saved
    assert backup.check_health(centre).ok
    kept = list(centre.backup_dir.glob("khidmat-replaced-*.sqlite3"))
    assert len(kept) == 1 and integrity_problems(kept[0]) != []  # the damaged one, untouched
    db = open_database(centre.database_url)
    try:
        assert count_rows(db, "application") == 3
        with db.read() as session:
            assert verify_chain(session).ok
            from sqlalchemy import text

            actions = session.execute(text(
                "SELECT actor, action, details FROM audit_event ORDER BY id DESC LIMIT 1")).one()
        assert actions.actor == "incharge" and actions.action == "database.restored"
        assert str(good) in str(actions.details)
    finally:
        db.dispose()


def _sequence(tracking_number: str) -> int:
    return int(tracking_number.split("-")[3])


def _restore(centre: CounterSettings, good: Path) -> RestoreResult:
    return restore_backup(centre, good, username="incharge", password=PASSWORD)


def test_numbers_handed_out_after_the_backup_are_not_handed_out_again(
        centre: CounterSettings) -> None:
    good = backup.take_backup(centre, reason="manual")  # after the centre's first 3
    db = open_database(centre.database_url)
    try:
        after = save_applications(db, centre, 2)  # on citizens' receipts, then the disk fails
    finally:
        db.dispose()
    assert [_sequence(t) for t in after] == [4, 5]
    result = _restore(centre, good)
    db = open_database(centre.database_url)
    try:
        [again] = save_applications(db, centre, 1)
        assert _sequence(again) == 6  # 4 and 5 are taken
    finally:
        db.dispose()
    assert list(result.numbers_carried_on.values()) == [5]
    assert result.numbers_go_on().startswith("counter 3, ") \
        and result.numbers_go_on().endswith(": 0006")


def test_applications_saved_after_the_backup_are_taken_back_from_the_replaced_database(
        centre: CounterSettings, run: Run) -> None:
    """The replaced database still reads: the two applications saved after the backup come
    back whole (with their audit events), and their versions not yet sent are queued again
    exactly as they were."""
    good = backup.take_backup(centre, reason="manual")
    db = open_database(centre.database_url)
    try:
        after = save_applications(db, centre, 2)
        with db.read() as session:
            from sqlalchemy import text

            queued = dict(session.execute(text(
                "SELECT e.uuid, e.payload FROM outbox_entry e JOIN application a "
                "ON a.uuid = e.uuid WHERE a.tracking_number IN (:a, :b)"),
                {"a": after[0], "b": after[1]}).all())
    finally:
        db.dispose()
    _damage_one_table(backup.database_file(centre), "audit_event")
    assert integrity_problems(backup.database_file(centre))  # damaged: the counter refuses it
    centre.set("sync_server", "https://sync.punjabpolice.gov.pk")
    centre.save()
    code, out, err = run("restore", str(good), "--data-dir", str(centre.data_dir), "--user",
                         "incharge", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert ("taken back from the replaced database: 2 application(s) saved or changed after "
            "the backup, 2 version(s) queued again for the central server") in out
    backup_day = clock.day_of(datetime.fromtimestamp(good.stat().st_mtime, UTC))
    assert ("can be taken back from it: khidmat-desk sync --take-back --from "
            f"{backup_day} --user incharge") in out
    db = open_database(centre.database_url)
    try:
        assert count_rows(db, "application") == 5
        with db.read() as session:
            from sqlalchemy import text

            numbers = set(session.scalars(text("SELECT tracking_number FROM application")))
            again = dict(session.execute(text(
                "SELECT uuid, payload FROM outbox_entry WHERE uuid IN (:a, :b)"),
                dict(zip("ab", queued, strict=True))).all())
            recovered = session.scalars(text(
                "SELECT entity_id FROM audit_event WHERE action = 'application-recovered'"))
            assert set(recovered) == set(queued)
            assert verify_chain(session).ok
        assert set(after) <= numbers
        assert again == queued  # the same text, byte for byte: the server sees no new version
        from khidmat_desk.app.audit import check_audit_trail

        assert check_audit_trail(db).ok  # every recovered record matches its audit event
    finally:
        db.dispose()


def test_a_sound_database_replaced_on_purpose_gives_nothing_back(
        centre: CounterSettings, run: Run) -> None:
    """The in-charge goes back to a backup on purpose: the database it replaces is sound and
    kept aside as it is, and nothing of it comes back (its numbers stay taken all the same)."""
    good = backup.take_backup(centre, reason="manual")
    db = open_database(centre.database_url)
    try:
        save_applications(db, centre, 1)
    finally:
        db.dispose()
    centre.set("sync_server", "https://sync.punjabpolice.gov.pk")
    centre.save()
    code, out, err = run("restore", str(good), "--data-dir", str(centre.data_dir), "--user",
                         "incharge", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "the replaced database passed its check, so nothing was taken back" in out
    assert "--take-back" not in out  # replaced on purpose: nothing was lost
    db = open_database(centre.database_url)
    try:
        assert count_rows(db, "application") == 3
        [again] = save_applications(db, centre, 1)
        assert _sequence(again) == 5
    finally:
        db.dispose()


def _damage_one_table(path: Path, table: str) -> None:
    """Spoil the first page of one table, as a torn write might: the file fails its check,
    the other tables still read."""
    with sqlite3.connect(path) as raw:
        size = raw.execute("PRAGMA page_size").fetchone()[0]
        root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                           (table,)).fetchone()[0]
    with path.open("r+b") as file:
        file.seek((root - 1) * size)  # its page header: no kind of page SQLite knows
        file.write(b"\xff" * 12)


def test_numbers_skip_ahead_when_the_replaced_database_cannot_be_read(
        centre: CounterSettings) -> None:
    good = backup.take_backup(centre, reason="manual")
    database = backup.database_file(centre)
    database.write_bytes(b"\xde\xad" * (database.stat().st_size // 2))  # nothing readable
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    assert _restore(centre, good).recovered is None  # nothing reads: nothing is taken back
    db = open_database(centre.database_url)
    try:
        [again] = save_applications(db, centre, 1)
        with db.read() as session:
            from sqlalchemy import text

            details = session.execute(text(
                "SELECT details FROM audit_event WHERE action = 'database.restored'")).scalar()
    finally:
        db.dispose()
    assert _sequence(again) == 3 + 1000 + 1  # numbers given since the backup are unknown
    assert "numbers_carried_on" in str(details) and "1003" in str(details)


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(
        centre: CounterSettings, tmp_path: Path) -> None:
    bad = backup.take_backup(centre, reason="manual")
    _damage(bad)
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    before = backup.database_file(centre).read_bytes()
    for offered in (bad, foreign):
        with pytest.raises(BackupFileError, match="nothing was restored"):
            restore_backup(centre, offered, username="incharge", password=PASSWORD)
    assert backup.database_file(centre).read_bytes() == before
    assert not list(centre.backup_dir.glob("*replaced*"))


def test_restore_refuses_while_the_counter_runs_and_with_a_wrong_password(
        centre: CounterSettings, officer_user: object) -> None:
    good = backup.take_backup(centre, reason="manual")
    before = backup.database_file(centre).read_bytes()
    with CounterLock(centre.data_dir):
        with pytest.raises(CounterAlreadyRunningError):
            CounterLock(centre.data_dir).acquire()  # a second counter on the same folder
        with pytest.raises(backup.CounterIsOpenError):
            restore_backup(centre, good, username="incharge", password=PASSWORD)
    with pytest.raises(BadCredentials):
        restore_backup(centre, good, username="incharge", password="wrong-password")
    with pytest.raises(PermissionDenied) as refused:  # an officer's own name and password
        restore_backup(centre, good, username="officer1", password="officer-pass-1")
    assert str(refused.value) == ("Only the in-charge can put a backup back; Ali Raza (officer) "
                                  "cannot. The in-charge types their own user name and "
                                  "password.")
    assert backup.database_file(centre).read_bytes() == before  # nothing was put back
    assert backup.database_file(centre).read_bytes() == before
    assert sorted(p.name for p in centre.data_dir.iterdir()
                  if p.name.startswith("khidmat.sqlite3")) == ["khidmat.sqlite3"]


def test_backup_command_writes_into_the_backups_folder(centre: CounterSettings,
                                                       run: Run, tmp_path: Path) -> None:
    code, out, err = run("backup", "--data-dir", str(centre.data_dir))
    assert code == 0, err
    assert out.startswith("backup written to " + str(centre.backup_dir))
    code, _, err = run("backup", "--data-dir", str(centre.data_dir), "--out",
                       str(tmp_path / "usb.sqlite3"))
    assert code == 2 and "--user" in err
    code, out, err = run("backup", "--data-dir", str(centre.data_dir), "--out",
                         str(tmp_path / "usb.sqlite3"), "--user", "incharge",
                         "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert _applications(tmp_path / "usb.sqlite3") == 3


def test_the_counter_restoring_at_its_own_start_holds_the_lock_itself(
        centre: CounterSettings, tmp_path: Path) -> None:
    good = backup.take_backup(centre, reason="manual")
    _damage(backup.database_file(centre))
    with (CounterLock(tmp_path / "another-counter") as elsewhere, CounterLock(centre.data_dir),
          pytest.raises(backup.CounterIsOpenError)):  # another folder's lock proves nothing
        restore_backup(centre, good, username="incharge", password=PASSWORD, held=elsewhere)
    with CounterLock(centre.data_dir) as own:
        result = restore_backup(centre, good, username="incharge", password=PASSWORD, held=own)
        assert result.replaced_kept_at is not None and backup.check_health(centre).ok
