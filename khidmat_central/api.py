"""The HTTP API (FastAPI): push, pull, reconcile, bundle keys, the daily report.

Database work runs in the thread pool, so a slow disk never stalls other counters' requests.
FastAPI serves the OpenAPI description at /openapi.json and a browsable one at /docs.
"""

from __future__ import annotations

import json
import logging
import zlib
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from khidmat_central import keys, public, reports, status, tokens
from khidmat_central.ingest import Sender, ingest
from khidmat_desk import __version__
from khidmat_desk.store.db import Database
from khidmat_desk.sync import protocol

log = logging.getLogger("khidmat.central.api")


class Verdict(BaseModel):
    uuid: Any
    version: Any
    kind: Any
    result: str = Field(description="accepted, duplicate or rejected")
    reason: str | None = Field(None, description="why a record was rejected")


class PushReply(BaseModel):
    batch_id: str
    results: list[Verdict]
    server_time: str


class Change(BaseModel):
    cursor: int
    uuid: str
    tracking_number: str
    status: str
    reason: str | None
    set_by: str
    at: str


class ChangesReply(BaseModel):
    changes: list[Change]
    next: int = Field(description="the cursor to ask with next time")
    more: bool


class BundleKeyIn(BaseModel):
    public_key: str = Field(pattern="^[0-9a-f]{64}$", description="Ed25519 public key, hex")


_PUSH_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "type": "object", "required": ["batch_id", "entries"], "properties": {
        "protocol": {"type": "integer"}, "batch_id": {"type": "string"},
        "entries": {"type": "array", "items": {"type": "object", "required": [
            "uuid", "version", "kind", "payload", "created_at"]}}}}}}}}


def create_app(db: Database) -> FastAPI:
    app = FastAPI(title="Khidmat central server", version=__version__,
                  description="Receives Khidmat Desk records; see docs/sync-protocol.md.")
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.state.db = db

    @app.get(protocol.HEALTH_PATH)
    def health() -> dict[str, str]:
        return {"status": "ok", "time": datetime.now(UTC).isoformat()}

    @app.post(protocol.PUSH_PATH, response_model=PushReply, openapi_extra=_PUSH_BODY)
    async def push(request: Request, who: Caller) -> JSONResponse:
        counter = _counter_only(who)
        document = _push_document(await request.body(), request.headers)
        sender = Sender(str(counter.centre_code), int(counter.counter or 0), counter.label)
        results = await run_in_threadpool(ingest, db, document["entries"], sender)
        # Built by hand: the verdicts are already plain JSON, validating them again costs time.
        return JSONResponse({"batch_id": document["batch_id"], "results": results,
                             "server_time": datetime.now(UTC).isoformat()})

    @app.get(protocol.CHANGES_PATH, response_model=ChangesReply)
    def changes(who: Caller, since: Annotated[int, Query(ge=0)] = 0,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
        found, next_cursor, more = status.changes_since(
            db, str(_counter_only(who).centre_code), since, limit)
        return {"changes": found, "next": next_cursor, "more": more}

    @app.get(protocol.RECONCILE_PATH)
    def reconcile(who: Caller, day: Annotated[date, Query(alias="date")]) -> dict[str, Any]:
        return reports.reconcile(db, str(_counter_only(who).centre_code), day)

    @app.get(protocol.RECONCILE_KEYS_PATH)
    def reconcile_keys(who: Caller, day: Annotated[date, Query(alias="date")],
                       counter: Annotated[int, Query(ge=1)]) -> dict[str, Any]:
        return reports.reconcile_keys(db, str(_counter_only(who).centre_code), day, counter)

    @app.put(protocol.BUNDLE_KEY_PATH)
    def register_key(who: Caller, body: BundleKeyIn) -> dict[str, str]:
        counter = _counter_only(who)
        keys.register(db, str(counter.centre_code), int(counter.counter or 0), body.public_key)
        return {"status": "registered"}

    @app.get(protocol.REPORT_PATH)
    def daily(_who: Caller, day: Annotated[date, Query(alias="date")]) -> dict[str, Any]:
        return reports.daily_report(db, day)

    public.install(app, db)
    return app


def _caller(request: Request,
            authorization: Annotated[str | None, Header()] = None) -> tokens.Caller:
    scheme, _, token = (authorization or "").partition(" ")
    db: Database = request.app.state.db
    found = tokens.authenticate(db, token.strip()) if scheme.lower() == "bearer" else None
    if found is None:
        raise HTTPException(401, "a valid bearer token is needed",
                            headers={"WWW-Authenticate": "Bearer"})
    return found


Caller = Annotated[tokens.Caller, Depends(_caller)]


def _counter_only(who: tokens.Caller) -> tokens.Caller:
    if who.role != tokens.COUNTER or who.centre_code is None:
        raise HTTPException(403, "only a counter's token may do this")
    return who


def _push_document(raw: bytes, headers: Any) -> dict[str, Any]:
    if len(raw) > protocol.SERVER_MAX_BYTES:
        raise HTTPException(413, f"a push may carry at most {protocol.SERVER_MAX_BYTES} bytes")
    if headers.get("content-encoding", "").lower() == "gzip":
        raw = _gunzip(raw)
    try:
        document = json.loads(raw)
        batch_id, entries = document["batch_id"], document["entries"]
    except (ValueError, TypeError, KeyError) as exc:
        raise HTTPException(400, f"the body is not a push document ({exc})") from exc
    if not isinstance(batch_id, str) or not isinstance(entries, list):
        raise HTTPException(400, "batch_id must be text and entries a list")
    if len(entries) > protocol.SERVER_MAX_ENTRIES:
        raise HTTPException(413, f"a push may carry at most {protocol.SERVER_MAX_ENTRIES} "
                                 "entries")
    return {"batch_id": batch_id, "entries": entries}


def _gunzip(raw: bytes) -> bytes:
    """Decompress, refusing anything that grows past the size limit (a zip bomb)."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(raw, protocol.SERVER_MAX_BYTES + 1)
    except zlib.error as exc:
        raise HTTPException(400, f"the gzip body is damaged ({exc})") from exc
    if len(data) > protocol.SERVER_MAX_BYTES or inflater.unconsumed_tail:
        raise HTTPException(413, f"a push may carry at most {protocol.SERVER_MAX_BYTES} bytes")
    return data
