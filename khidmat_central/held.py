"""What the server holds of a centre's applications, handed back to the counter that lost them.

A counter whose database was lost (a dead disk, a backup days old, a PC set up again) asks for
the applications it sent: every version of each, and which copies of its documents it issued
(document, copy number, when), so that it holds them again as it did before. Only the
centre's own records, and only the token's own counter's unless the token is the centre's
shared database's; every answer is logged with the token and how many applications it
carried, so a stolen token reading records is seen.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from khidmat_central.public import DOCUMENTS
from khidmat_central.schema import Record, table
from khidmat_desk.store.db import Database
from khidmat_desk.sync.protocol import APPLICATION, utc_iso

log = logging.getLogger("khidmat.central.held")

RECORD = table(Record)


def held_applications(db: Database, centre_code: str, counter: int | None, *, since: date,
                      after: str, limit: int, who: str) -> dict[str, Any]:
    """The applications of ``centre_code`` (of ``counter``, or every counter's when None) with a
    version made on ``since`` or later, in uuid order after ``after``: at most ``limit``."""
    wanted = (select(RECORD.c.uuid).distinct()
              .where(RECORD.c.centre_code == centre_code, RECORD.c.kind == APPLICATION,
                     RECORD.c.day >= since, RECORD.c.uuid > after)
              .order_by(RECORD.c.uuid).limit(limit + 1))
    if counter is not None:
        wanted = wanted.where(RECORD.c.counter == counter)
    with db.read() as session:
        uuids = list(session.scalars(wanted))
        more = len(uuids) > limit
        uuids = uuids[:limit]
        versions: dict[str, list[Any]] = defaultdict(list)
        for row in session.execute(
                select(RECORD.c.uuid, RECORD.c.payload_json)
                .where(RECORD.c.kind == APPLICATION, RECORD.c.uuid.in_(uuids))
                .order_by(RECORD.c.uuid, RECORD.c.version)):
            versions[row.uuid].append(json.loads(row.payload_json))
        copies: dict[str, list[Any]] = defaultdict(list)
        for copy in session.execute(
                select(DOCUMENTS.c.application_uuid, DOCUMENTS.c.document_key,
                       DOCUMENTS.c.copy_no, DOCUMENTS.c.printed_at)
                .where(DOCUMENTS.c.centre_code == centre_code,
                       DOCUMENTS.c.application_uuid.in_(uuids))
                .order_by(DOCUMENTS.c.id)):
            copies[copy.application_uuid].append({
                "document_key": copy.document_key, "copy_no": copy.copy_no,
                "printed_at": utc_iso(copy.printed_at)})
    log.info("%s was sent back %d applications it holds from %s on", who, len(uuids), since)
    return {"applications": [{"uuid": uuid, "versions": versions[uuid],
                              "documents": copies[uuid]} for uuid in uuids],
            "next": uuids[-1] if uuids else after, "more": more}


def numbers_held(db: Database, centre_code: str, counter: int | None, *,
                 since: date) -> dict[str, Any]:
    """The last daily number of each counter (the token's, or every counter's when None) on
    each day from ``since`` on, as the tracking numbers the server holds spell them: a
    counter whose database was lost goes on after them instead of handing them out again."""
    from khidmat_desk.core.tracking import TrackingNumberError, parse_tracking_number

    first = (select(RECORD.c.tracking_number)
             .where(RECORD.c.centre_code == centre_code, RECORD.c.kind == APPLICATION,
                    RECORD.c.version == 1,
                    # filed a day earlier in a far time zone; no day before the first one
                    RECORD.c.day >= max(since, date.min + timedelta(days=1)) - timedelta(days=1)))
    if counter is not None:
        first = first.where(RECORD.c.counter == counter)
    last: dict[tuple[int, date], int] = {}
    with db.read() as session:
        for text in session.scalars(first):
            try:
                number = parse_tracking_number(text)
            except TrackingNumberError:  # stored before the server checked numbers
                continue
            if number.day >= since:
                key = (number.counter, number.day)
                last[key] = max(last.get(key, 0), number.sequence)
    return {"centre_code": centre_code, "numbers": [
        {"counter": c, "day": d.isoformat(), "last": n} for (c, d), n in sorted(last.items())]}
