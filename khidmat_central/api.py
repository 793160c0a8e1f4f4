"""The HTTP API (FastAPI): push, pull, reconcile, held applications and numbers, bundle
keys, the daily report.

Database work runs in the thread pool, so a slow disk never stalls other counters' requests.
FastAPI serves the OpenAPI description at /openapi.json and a browsable one at /docs; every
status code a route can answer is declared there, and no input makes the server answer 500
(the fuzz test in tests/sync/test_central_fuzz.py holds it to both).
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, BeforeValidator, Field
from starlette.concurrency import run_in_threadpool

from khidmat_central import anchors, held, keys, public, reports, status, tokens
from khidmat_central.claims import Sender
from khidmat_central.ingest import ingest
from khidmat_central.limits import BodyRefusedError, RateLimit, TokenBuckets, read_limited
from khidmat_central.openapi import (
    AUTHED,
    PUSH_BODY,
    PUSH_ERRORS,
    SmallBodyLimit,
    error_responses,
)
from khidmat_central.tariffs import CentralTariff, load_central_tariff
from khidmat_desk import __version__
from khidmat_desk.store.audit import ChainHead
from khidmat_desk.store.db import Database
from khidmat_desk.sync import protocol
from khidmat_desk.sync.changes import RemoteChange

log = logging.getLogger("khidmat.central.api")


def _iso_day_only(value: Any) -> Any:
    """A ``YYYY-MM-DD`` text, as the schema says: pydantic would also read a number ("0") as a
    Unix time and answer for 1970-01-01."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


#: A ``date`` query parameter (``?date=2026-03-06``).
QueryDay = Annotated[date, Query(alias="date"), BeforeValidator(_iso_day_only)]

#: Largest cursor, counter number and the like a query may name (SQLite's INTEGER).
MAX_QUERY_INT = 2**63 - 1
MAX_COUNTER = 99


class Verdict(BaseModel):
    uuid: str | None
    version: int | None
    kind: str | None
    result: str = Field(description="accepted, duplicate or rejected")
    reason: str | None = Field(None, description="why a record was rejected")


class AuditVerdict(BaseModel):
    result: str = Field(description="anchored, backwards, fork or unconfirmed")
    sequence: int | None = Field(description="the newest anchored event: show its hash next "
                                             "time")
    reason: str | None = None


class PushReply(BaseModel):
    batch_id: str
    results: list[Verdict]
    server_time: str
    audit: AuditVerdict | None = None


class ChangesReply(BaseModel):
    changes: list[RemoteChange] = Field(description="the changes as the counter reads them "
                                        "(khidmat_desk.sync.changes)")
    next: int = Field(description="the cursor to ask with next time")
    more: bool


class BundleKeyIn(BaseModel):
    public_key: str = Field(pattern="^[0-9a-f]{64}$", description="Ed25519 public key, hex")


def create_app(db: Database, *, tariff: CentralTariff | None = None,
               rate_limit: RateLimit | None = None) -> FastAPI:
    app = FastAPI(title="Khidmat central server", version=__version__,
                  description="Receives Khidmat Desk records; see docs/sync-protocol.md.",
                  dependencies=[Depends(_known_query_only)])
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(SmallBodyLimit, exempt=(protocol.PUSH_PATH,))
    app.state.db = db
    app.state.buckets = TokenBuckets(rate_limit or RateLimit())
    rules = tariff or load_central_tariff()

    @app.get(protocol.HEALTH_PATH, responses=error_responses(422))
    def health() -> dict[str, str]:
        return {"status": "ok", "time": datetime.now(UTC).isoformat()}

    @app.post(protocol.PUSH_PATH, response_model=PushReply, openapi_extra=PUSH_BODY,
              responses=error_responses(*PUSH_ERRORS, 422))
    async def push(request: Request, who: Caller) -> JSONResponse:
        counter = _counter_only(who)
        try:
            raw = await read_limited(
                request.stream(), limit=protocol.SERVER_MAX_BYTES,
                encoding=request.headers.get("content-encoding", ""),
                declared_length=request.headers.get("content-length"))
        except BodyRefusedError as exc:
            raise HTTPException(exc.status, str(exc)) from exc
        document = _push_document(raw)
        sender = Sender(str(counter.centre_code), int(counter.counter or 0), counter.label,
                        any_counter=counter.sends_any_counter)
        audit = await run_in_threadpool(_anchor, db, sender, document["audit"])
        results = await run_in_threadpool(ingest, db, document["entries"], sender, rules)
        # Built by hand: the verdicts are already plain JSON, validating them again costs time.
        reply: dict[str, Any] = {"batch_id": document["batch_id"], "results": results,
                                 "server_time": datetime.now(UTC).isoformat()}
        if audit is not None:
            reply["audit"] = audit.as_reply()
        return JSONResponse(reply)

    @app.get(protocol.CHANGES_PATH, response_model=ChangesReply,
             responses=error_responses(*AUTHED, 422))
    def changes(who: Caller, since: Annotated[int, Query(ge=0, le=MAX_QUERY_INT)] = 0,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
        found, next_cursor, more = status.changes_since(
            db, str(_counter_only(who).centre_code), since, limit)
        return {"changes": found, "next": next_cursor, "more": more}

    @app.get(protocol.RECONCILE_PATH, responses=error_responses(*AUTHED, 422))
    def reconcile(who: Caller, day: QueryDay) -> dict[str, Any]:
        return reports.reconcile(db, str(_counter_only(who).centre_code), day)

    @app.get(protocol.RECONCILE_KEYS_PATH, responses=error_responses(*AUTHED, 422))
    def reconcile_keys(who: Caller, day: QueryDay,
                       counter: Annotated[int, Query(ge=1, le=MAX_COUNTER)]) -> dict[str, Any]:
        return reports.reconcile_keys(db, str(_counter_only(who).centre_code), day, counter)

    @app.get(protocol.HELD_PATH, responses=error_responses(*AUTHED, 422))
    def held_applications(
            who: Caller,
            since: Annotated[date, Query(alias="from"), BeforeValidator(_iso_day_only)],
            after: Annotated[str, Query(max_length=36)] = "",
            limit: Annotated[int, Query(ge=1, le=200)] = 100) -> dict[str, Any]:
        counter = _counter_only(who)
        return held.held_applications(
            db, str(counter.centre_code), None if counter.sends_any_counter else counter.counter,
            since=since, after=after, limit=limit, who=counter.label)

    @app.get(protocol.NUMBERS_PATH, responses=error_responses(*AUTHED, 422))
    def numbers_held(
            who: Caller,
            since: Annotated[date, Query(alias="from"), BeforeValidator(_iso_day_only)]
    ) -> dict[str, Any]:
        counter = _counter_only(who)
        return held.numbers_held(
            db, str(counter.centre_code), None if counter.sends_any_counter else counter.counter,
            since=since)

    @app.get(protocol.TOKEN_PATH, responses=error_responses(*AUTHED, 422))
    def token_facts(who: Caller) -> dict[str, Any]:
        """Whose token this is: a counter checks it when it is set up, before it sends."""
        counter = _counter_only(who)
        return {"centre_code": counter.centre_code,
                "counter": None if counter.sends_any_counter else counter.counter,
                "shared_database": counter.sends_any_counter}

    @app.put(protocol.BUNDLE_KEY_PATH, responses=error_responses(*AUTHED, 400, 413, 422))
    def register_key(who: Caller, body: BundleKeyIn) -> dict[str, str]:
        counter = _counter_only(who)
        keys.register(db, str(counter.centre_code), int(counter.counter or 0), body.public_key)
        return {"status": "registered"}

    @app.get(protocol.REPORT_PATH, responses=error_responses(401, 429, 422))
    def daily(_who: Caller, day: QueryDay) -> dict[str, Any]:
        return reports.daily_report(db, day)

    public.install(app, db)
    return app


def _known_query_only(request: Request) -> None:
    """Refuse query parameters the route does not take (``?sinse=5`` is a mistake, not 0)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    declared: set[str] = set()
    dependants = [route.dependant]
    while dependants:
        dependant = dependants.pop()
        declared.update(field.alias for field in dependant.query_params)
        dependants.extend(dependant.dependencies)
    unknown = sorted(set(request.query_params) - declared)
    if unknown:
        shown = ", ".join(repr(name[:40]) for name in unknown[:5])
        raise HTTPException(422, f"this route takes no query parameter {shown}")


def _caller(request: Request,
            authorization: Annotated[str | None, Header()] = None) -> tokens.Caller:
    scheme, _, token = (authorization or "").partition(" ")
    db: Database = request.app.state.db
    found = tokens.authenticate(db, token.strip()) if scheme.lower() == "bearer" else None
    if found is None:
        raise HTTPException(401, "a valid bearer token is needed",
                            headers={"WWW-Authenticate": "Bearer"})
    wait = request.app.state.buckets.take(found.token_id)
    if wait:
        log.warning("%s is sending too many requests; asked to wait %d s", found.label, wait)
        raise HTTPException(429, "too many requests from this token; wait and send again",
                            headers={"Retry-After": str(wait)})
    return found


Caller = Annotated[tokens.Caller, Depends(_caller)]


def _counter_only(who: tokens.Caller) -> tokens.Caller:
    if who.role not in tokens.COUNTER_ROLES or who.centre_code is None:
        raise HTTPException(403, "only a counter's token may do this")
    return who


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _push_document(raw: bytes) -> dict[str, Any]:
    """The push document's outer shape; each entry is judged later, on its own."""
    try:
        document = json.loads(raw, parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        reason = "it is nested too deeply" if isinstance(exc, RecursionError) else \
            "it is not JSON in UTF-8, or holds NaN or Infinity"
        raise HTTPException(400, f"the body is not a push document ({reason})") from exc
    if not isinstance(document, dict):
        raise HTTPException(400, "the body is not a push document (not a JSON object)")
    batch_id, entries = document.get("batch_id"), document.get("entries")
    if not (isinstance(batch_id, str) and 1 <= len(batch_id) <= 100 and batch_id.isascii()
            and batch_id.isprintable()):
        raise HTTPException(400, "batch_id must be printable ASCII text of 1 to 100 characters")
    if not isinstance(entries, list):
        raise HTTPException(400, "entries must be a list")
    if document.get("protocol", protocol.PROTOCOL_VERSION) != protocol.PROTOCOL_VERSION \
            or isinstance(document.get("protocol"), bool):
        raise HTTPException(400, f"this server speaks protocol {protocol.PROTOCOL_VERSION}")
    if len(entries) > protocol.SERVER_MAX_ENTRIES:
        raise HTTPException(413, f"a push may carry at most {protocol.SERVER_MAX_ENTRIES} "
                                 "entries")
    return {"batch_id": batch_id, "entries": entries, "audit": _audit(document.get("audit"))}


def _audit(value: Any) -> tuple[ChainHead, ChainHead | None] | None:
    if value is None:
        return None
    try:
        head = anchors.parse_head(value)
        shown = value.get("anchor")
        return head, None if shown is None else anchors.parse_head(shown, "audit.anchor")
    except anchors.HeadMalformedError as exc:
        raise HTTPException(400, str(exc)) from exc


def _anchor(db: Database, sender: Sender, audit: tuple[ChainHead, ChainHead | None] | None
            ) -> anchors.HeadVerdict | None:
    if audit is None:
        return None
    return anchors.record_head(db, sender.centre_code, sender.counter, audit[0], audit[1])
