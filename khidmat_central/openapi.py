"""What the API declares about itself beyond FastAPI's defaults, and the small-body limit.

The push body is read by hand (streamed, size-limited, gzip), so its schema is declared here:
the outer document strictly (a request outside it is refused with 400 or 413), each entry
loosely, because entries are judged one by one and a bad one is *rejected* in a 200 reply
rather than failing its batch. Every error answer is declared with the status codes it uses.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.responses import JSONResponse

from khidmat_desk.sync import protocol

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Bodies other than a push are tiny (a bundle key): anything past this is refused unread.
SMALL_BODY_LIMIT = 64 * 1024

_REASONS = {
    400: "the body is damaged or not what this route takes",
    401: "no token, or one the server does not know",
    403: "this token may not do this",
    413: "the body or the batch is too large",
    422: "a query parameter or body field is missing or out of range",
    429: "too many requests from this token: wait Retry-After seconds",
}
AUTHED = (401, 403, 429)
PUSH_ERRORS = (*AUTHED, 400, 413)

_HEAD: dict[str, Any] = {"type": "object", "required": ["sequence", "hash"], "properties": {
    "sequence": {"type": "integer", "minimum": 0, "maximum": 2**31 - 1},
    "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}}

PUSH_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {
        "type": "object", "required": ["batch_id", "entries"], "properties": {
            "protocol": {"type": "integer", "enum": [protocol.PROTOCOL_VERSION]},
            "batch_id": {"type": "string", "minLength": 1, "maxLength": 100,
                         "pattern": "^[ -~]+$"},
            "entries": {"type": "array", "maxItems": protocol.SERVER_MAX_ENTRIES,
                        "description": "outbox entries {uuid, version, kind, payload, "
                                       "created_at}; each is judged on its own and a bad "
                                       "one is rejected in the reply",
                        "items": {}},
            "audit": {**_HEAD, "description": "the counter's audit chain head",
                      "properties": {**_HEAD["properties"], "anchor": {
                          "anyOf": [_HEAD, {"type": "null"}],
                          "description": "the counter's copy of the event anchored last"}}},
        }}}}}}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"description": _REASONS[code], "content": {"application/json": {
        "schema": {"type": "object", "properties": {"detail": {}}}}}} for code in codes}


class SmallBodyLimit:
    """Read every body but the push's in full before the route sees it, up to a small limit.

    The push reads its own body as a stream with its own limit; every other route takes at
    most a bundle key, so a larger body is refused with 413 before it fills memory.
    """

    def __init__(self, app: ASGIApp, *, exempt: tuple[str, ...],
                 limit: int = SMALL_BODY_LIMIT) -> None:
        self.app = app
        self.exempt = exempt
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in self.exempt:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            size += len(message.get("body", b""))
            if size > self.limit:
                refusal = JSONResponse({"detail": f"a request body here may carry at most "
                                                  f"{self.limit} bytes"}, status_code=413)
                await refusal(scope, receive, send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
