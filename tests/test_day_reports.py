"""The day summary against the hand-computed day of day_fixtures, and its exports as a reader
sees them: the XLSX opened with openpyxl, the CSV with csv, the PDF's text and pictures."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest
from day_fixtures import FRIDAY, Day, local, make_day

from khidmat_desk.app.day_close import close_period
from khidmat_desk.app.day_reports import ReportError, live_summary, write_report
from khidmat_desk.auth.users import PermissionDenied
from khidmat_desk.core.catalogue import Tariff
from khidmat_desk.reports.progress import ExportCancelled, Progress
from khidmat_desk.reports.spreadsheet import SHEETS
from khidmat_desk.store.db import Database

LATER = local("2026-03-12T10:00")  # open work is counted as of this moment


@pytest.fixture
def day(db: Database, tariff: Tariff) -> Day:
    return make_day(db, tariff)


def tracking(day: Day, *keys: str) -> list[str]:
    return [day.apps[k].tracking_number for k in keys]


def test_the_figures_of_the_day(day: Day) -> None:
    s = live_summary(day.db, day.nadia, day=FRIDAY, now=LATER)
    assert [line.tracking_number for line in s.applications] == tracking(
        day, "a1", "a2", "a3", "b1", "b2")
    assert s.by_hour[10] == 2 and s.by_hour[11] == 1 and s.by_hour[14] == 2
    assert sum(s.by_hour) == 5
    assert s.paid_by_method == {"card": 1000, "cash": 1500, "online": 500}
    assert s.refunded_by_method == {"cash": 500}
    assert (s.paid_total, s.refunded_total, s.cash_expected) == (3000, 500, 1000)
    assert [(t.label, t.applications, t.fees) for t in s.by_category] == [
        ("General police verification (GPV)", 4, 2000),
        ("Police character certificates (PCC)", 1, 1000)]
    assert [(t.key, t.applications) for t in s.by_service] == [
        ("police-verification", 4), ("character-certificate", 1)]
    # what the Urdu counter shows: the categories file's label_ur, the services' own Urdu titles
    assert [t.label_ur for t in s.by_category] == ["عمومی پولیس تصدیق (GPV)",
                                                    "پولیس کریکٹر سرٹیفکیٹ (PCC)"]
    assert [t.label_ur for t in s.by_service] == ["عمومی پولیس تصدیق", "پولیس کریکٹر سرٹیفکیٹ"]
    assert s.by_status == {"in-verification": 1, "ready": 1, "submitted": 2, "voided": 1}


def test_cash_by_officer_counts_refunds_against_the_drawer_that_took_the_fee(day: Day) -> None:
    s = live_summary(day.db, day.nadia, day=FRIDAY, now=LATER)
    rows = [(o.officer, o.applications, o.paid_by_method, o.cash_received, o.cash_refunded,
             o.cash_expected) for o in s.by_officer]
    assert rows == [("asif.khan", 3, {"card": 1000, "cash": 1000}, 1000, 500, 500),
                    ("bilal.ahmed", 2, {"cash": 500, "online": 500}, 500, 0, 500)]
    [void] = s.voids
    assert (void.tracking_number, void.by, void.reason, void.refund, void.method,
            void.paid_to) == (day.apps["a2"].tracking_number, "nadia.iqbal",
                              "Entered twice by mistake", 500, "cash", "asif.khan")
    [reprint] = s.reprints
    assert (reprint.tracking_number, reprint.document, reprint.copy_no, reprint.by,
            reprint.reason) == (day.apps["a1"].tracking_number, "receipt", 2, "asif.khan",
                                "Printer jammed")


def test_open_work_against_the_sla_as_of_now(day: Day) -> None:
    s = live_summary(day.db, day.nadia, day=FRIDAY, now=LATER)
    # due: Thursday's on the 9th; a1, b2 on the 10th; Saturday's on the 11th; a3 (PCC) the 12th
    assert [(p.police_station, p.pending, p.overdue) for p in s.pending_by_station] == [
        ("Gulberg (Lahore)", 5, 4)]
    assert [o.tracking_number for o in s.overdue] == tracking(
        day, "thursday", "a1", "b2", "saturday")
    assert [o.days_over(s.as_of) for o in s.overdue] == [3, 2, 2, 1]
    assert s.uncollected_total == 1
    assert [(u.tracking_number, u.since) for u in s.uncollected] == [
        (day.apps["b1"].tracking_number, local("2026-03-06T17:40"))]
    assert [(d.user, d.service) for d in s.drafts] == [
        ("bilal.ahmed", "General Police Verification")]
    assert (s.versions, s.late, s.close) == (10, (), None)


def test_the_dashboard_is_the_in_charges(day: Day) -> None:
    with pytest.raises(PermissionDenied, match="in-charge"):
        live_summary(day.db, day.asif, day=FRIDAY)
    with pytest.raises(PermissionDenied, match="in-charge"):
        write_report(day.db, day.bilal, day=FRIDAY, out=Path("x.csv"), fmt="csv")


def test_the_csv_lists_each_application_with_its_tracking_number(day: Day,
                                                                  tmp_path: Path) -> None:
    done = write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "day.csv", fmt="csv",
                        now=LATER)
    with (tmp_path / "day.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert done.applications == 5
    assert [r["Tracking number"] for r in rows] == tracking(day, "a1", "a2", "a3", "b1", "b2")
    assert rows[1]["Status"] == "voided" and rows[1]["Paid (Rs)"] == "500"
    assert rows[2]["Payment method"] == "card" and rows[2]["Taken at"] == "2026-03-06 11:15"


def test_the_xlsx_has_one_sheet_of_each(day: Day, tmp_path: Path) -> None:
    close_period(day.db, day.nadia, day=FRIDAY, cash_counted=1000,
                 now=local("2026-03-06T20:30"))
    day.submit(day.bilal, "2026-03-06T21:10")  # late
    write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "day.xlsx", fmt="xlsx",
                 now=LATER)
    book = openpyxl.load_workbook(tmp_path / "day.xlsx", read_only=True)
    assert tuple(book.sheetnames) == SHEETS

    def values(name: str) -> list[tuple[object, ...]]:
        return [tuple(row) for row in book[name].iter_rows(values_only=True)]

    applications = values("Applications")
    assert applications[0][0] == "Tracking number" and len(applications) == 1 + 6
    assert values("By service")[1:] == [
        ("General police verification (GPV)", "General Police Verification", 5, 2500),
        ("Police character certificates (PCC)", "Police Character Certificate", 1, 1000)]
    assert values("By officer")[1:] == [
        ("asif.khan", "Asif Khan", 3, 1000, 1000, 0, 500, 500),
        ("bilal.ahmed", "Bilal Ahmed", 3, 1000, 0, 500, 0, 1000)]
    assert values("Fees")[1:] == [("card", 1000, 0, 1000), ("cash", 2000, 500, 1500),
                                  ("online", 500, 0, 500), ("total", 3500, 500, 3000)]
    kinds = [row[0] for row in values("Reprints and voids")[1:]]
    assert kinds == ["reprint", "void"]
    assert len(values("Overdue")) == 1 + 5  # the late 21:10 one is overdue too
    [late] = values("Late records")[1:]
    assert late[1:4] == ("application", 1, "2026-03-06")
    book.close()


def test_the_pdf_reads_as_a_day_report(day: Day, tmp_path: Path) -> None:
    close_period(day.db, day.nadia, day=FRIDAY, cash_counted=900, deposit_ref="NBP-7781",
                 explanation="Rs 100 short", now=local("2026-03-06T20:30"))
    write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "day.pdf", fmt="pdf", now=LATER)
    pdf = pdfium.PdfDocument(str(tmp_path / "day.pdf"))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for expected in ("Day report", "Applications by hour", "General police verification",
                     "Cash expected", "Rs 1,000", "Rs 900", "Rs -100", "NBP-7781",
                     "Rs 100 short", "Entered twice by mistake", "Printer jammed", "Gulberg",
                     "Centre in-charge", "Signature", day.apps["a2"].tracking_number):
        assert expected in text, expected
    page = pdf[0].render(scale=1).to_pil().convert("L")
    assert page.getextrema()[0] < 100  # something dark is drawn (bars, text)
    pdf.close()


def test_an_explanation_typed_in_urdu_is_printed_in_urdu(day: Day, tmp_path: Path) -> None:
    # the in-charge types the reason for a difference as it was said: part English, part Urdu
    close_period(day.db, day.nadia, day=FRIDAY, cash_counted=900, deposit_ref="NBP-7781",
                 explanation="Rs 100 short, کل جمع کرائیں گے", now=local("2026-03-06T20:30"))
    write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "day.pdf", fmt="pdf", now=LATER)
    data = (tmp_path / "day.pdf").read_bytes()
    pdf = pdfium.PdfDocument(data)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Explanation: Rs 100 short," in text
    # the Urdu words are drawn (shaped Nastaliq glyphs, one per letter form, which a PDF
    # reader names by glyph, not by letter), not dropped by a font with no Urdu letters
    glyphs = [c for c in text if "\ue000" <= c <= "\uf8ff"]
    assert len(glyphs) >= 15 and b"Nastaliq" in data
    pdf.close()


def test_registers_are_pdfs_of_what_was_sent_and_what_waits(day: Day, tmp_path: Path) -> None:
    write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "fwd.pdf", fmt="pdf",
                 kind="forwarding", now=LATER)
    write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "unc.pdf", fmt="pdf",
                 kind="uncollected", now=LATER)
    forwarding = pdfium.PdfDocument(str(tmp_path / "fwd.pdf"))
    text = forwarding[0].get_textpage().get_text_range()
    assert "Gulberg (Lahore) — 2 application(s)" in text and "Received at Gulberg (Lahore)" in text
    assert all(t in text for t in tracking(day, "a1", "b1"))
    waiting = pdfium.PdfDocument(str(tmp_path / "unc.pdf"))
    text = waiting[0].get_textpage().get_text_range()
    assert day.apps["b1"].tracking_number in text and "1 application(s)" in text
    forwarding.close()
    waiting.close()
    with pytest.raises(ReportError) as refused:
        write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "x.csv", fmt="csv",
                     kind="forwarding")
    assert refused.value.argument == "--format"


def test_a_cancelled_export_writes_nothing(day: Day, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(report=lambda done, total: seen.append((done, total)),
                        cancelled=lambda: len(seen) >= 1, every=1)
    with pytest.raises(ExportCancelled):
        write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "out" / "day.xlsx",
                     fmt="xlsx", progress=progress)
    assert seen == [(1, 5)]
    assert not (tmp_path / "out").exists()


def test_a_cancel_at_the_last_step_is_still_a_clean_cancel(day: Day, tmp_path: Path) -> None:
    """Cancelled once the workbook is built, before its file is written: the same message,
    nothing written (its temporary sheets are gone already)."""
    finals: list[int] = []  # the steps that said "all rows done": the last row, then the save
    progress = Progress(report=lambda done, total: finals.extend([done] * (done == total)),
                        cancelled=lambda: len(finals) == 1, every=1)
    with pytest.raises(ExportCancelled, match="no file was written"):
        write_report(day.db, day.nadia, day=FRIDAY, out=tmp_path / "out" / "day.xlsx",
                     fmt="xlsx", progress=progress)
    assert not (tmp_path / "out").exists()


def test_an_empty_day_exports_cleanly(day: Day, tmp_path: Path) -> None:
    for fmt in ("pdf", "xlsx", "csv"):
        done = write_report(day.db, day.nadia, day=date(2026, 3, 1), out=tmp_path / f"e.{fmt}",
                            fmt=fmt, now=LATER)
        assert done.applications == 0 and (tmp_path / f"e.{fmt}").stat().st_size > 0


def test_a_shared_database_gives_the_whole_centre(day: Day) -> None:
    """Counters 7 and 8 save into one database (PostgreSQL at a centre whose counters share
    one): the summary is the centre's, every counter's applications and cash together."""
    s = live_summary(day.db, day.nadia, day=FRIDAY, now=LATER)
    assert sorted({line.counter for line in s.applications}) == [7, 8]
    assert sum(o.cash_expected for o in s.by_officer) == s.cash_expected == 1000
