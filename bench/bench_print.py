"""Printing: milliseconds per receipt and per certificate, against a bare one-page PDF.

Budget (ARCHITECTURE.md): a receipt PDF with its barcode in at most 25 ms (median), a
certificate in at most 50 ms. The baseline is a bare reportlab page with one line of text,
measured in the same run, round-robin with the documents, so load on the machine moves
all figures together. Also times the QR encoders considered for the signed code, and the
certificate with its identity checks made ahead (the counter makes them while the application
is on screen; ``prepare_copy``), which is the print's own path.

    python bench/bench_print.py [--count 200]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import segno  # noqa: E402
from printing_helpers import signing_counter, submit_example, verify_application  # noqa: E402
from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from test_photos import camera_picture  # noqa: E402

from khidmat_desk.app import print_content, printing  # noqa: E402
from khidmat_desk.app.applications import get_application  # noqa: E402
from khidmat_desk.app.photos import attach_photo  # noqa: E402
from khidmat_desk.app.printing import shipped_templates  # noqa: E402
from khidmat_desk.core.catalogue import get_service, load_tariff  # noqa: E402
from khidmat_desk.printing.barcodes import qr_matrix  # noqa: E402
from khidmat_desk.printing.content import Issue  # noqa: E402
from khidmat_desk.printing.document import render_document  # noqa: E402
from khidmat_desk.printing.receipt import render_receipt  # noqa: E402

PCC = "character-certificate"
WARM_UP = 10


def bare_page() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Police Khidmat Markaz")
    canvas.showPage()
    canvas.save()


def cases(folder: Path) -> dict[str, Callable[[], object]]:
    db, signer, officer, head = signing_counter(folder / "bench.sqlite3")
    tracking = submit_example(db, officer, load_tariff(), PCC)
    verify_application(db, tracking, head)
    detail = get_application(db, tracking)
    layouts = shipped_templates()
    issue = Issue("LHR07", "Liberty Market", "Lahore", 3, "Asif Khan", detail.created_at)
    receipt = print_content.receipt_content(detail, load_tariff(), layouts)
    output = get_service(PCC).outputs[0]
    layout = layouts.document(output.key)
    photo = attach_photo(db, tracking, camera_picture(), user=officer)
    payload = print_content.document_content(detail, output, detail.created_at.date(),
                                              signer, layout).qr_payload or ""
    ahead: dict[str, print_content.IdChecks] = {}

    def checks_ahead() -> None:
        ahead["checks"] = print_content.prepare_checks(detail, layout)

    return {
        "bare one-line page (baseline)": bare_page,
        "receipt, thermal: render": lambda: render_receipt(receipt, issue, layouts,
                                                           layouts.formats["thermal"]),
        "receipt, A4 half: render": lambda: render_receipt(receipt, issue, layouts,
                                                           layouts.formats["a4"]),
        "receipt: print + record": lambda: printing.print_receipt(db, tracking, user=head),
        "certificate: sign + render": lambda: render_document(
            print_content.document_content(detail, output, detail.created_at.date(), signer,
                                           layout), issue, layouts),
        "certificate with photo: sign + render": lambda: render_document(
            print_content.document_content(detail, output, detail.created_at.date(), signer,
                                           layout, photo), issue, layouts),
        "certificate: print + record": lambda: printing.print_document(
            db, tracking, PCC, user=head, signer=signer),
        # The identity checks made ahead (as the counter does while the application is on
        # screen), then the print that uses them: the print's own path.
        "id checks ahead (off the path)": checks_ahead,
        "certificate, checks ready: sign + render": lambda: render_document(
            print_content.document_content(detail, output, detail.created_at.date(), signer,
                                           layout, checks=ahead.pop("checks")),
            issue, layouts),
        "copy prepared (off the path)": lambda: printing.prepare_copy(
            db, tracking, PCC, user=head),
        "certificate, prepared: print + record": lambda: printing.print_document(
            db, tracking, PCC, user=head, signer=signer),
        "QR encode: zxing-cpp (chosen)": lambda: qr_matrix(payload),
        "QR encode: segno": lambda: segno.make_qr(payload, error="m",
                                                  boost_error=False).matrix,
        "QR encode: segno, fixed mask": lambda: segno.make_qr(payload, error="m",
                                                              boost_error=False,
                                                              mask=0).matrix,
        "QR encode: reportlab widget": lambda: QrCodeWidget(payload, barLevel="M").qr.make(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        measured = cases(Path(folder))
        times: dict[str, list[float]] = {name: [] for name in measured}
        for i in range(WARM_UP + args.count):
            for name, run in measured.items():
                started = time.perf_counter()
                run()
                if i >= WARM_UP:
                    times[name].append((time.perf_counter() - started) * 1000)
    base = statistics.median(times["bare one-line page (baseline)"])
    budgets = {"receipt, thermal: render": 25.0, "receipt: print + record": 25.0,
               "certificate: sign + render": 50.0, "certificate: print + record": 50.0,
               "certificate, checks ready: sign + render": 50.0,
               "certificate, prepared: print + record": 50.0}
    print(f"{args.count} rounds, round-robin\n")
    print(f"{'what':42}{'median ms':>10}{'p90 ms':>9}{'x baseline':>12}  budget")
    for name, values in times.items():
        median = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1]
        budget = budgets.get(name)
        verdict = "" if budget is None else \
            f"<= {budget:.0f} ms median: {'ok' if median <= budget else 'OVER'}"
        print(f"{name:42}{median:10.2f}{p90:9.2f}{median / base:12.1f}  {verdict}")


if __name__ == "__main__":
    main()
