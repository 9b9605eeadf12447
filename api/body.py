"""Reading request bodies within the size limit, and parsing JSON or NDJSON.

The limit is enforced while reading, not only from Content-Length, so a chunked
upload cannot exceed it either. Parse failures become 422s naming the body (or the
NDJSON line), never 500s.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import HTTPException, Request


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, detail=f"body larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise HTTPException(413, detail=f"body larger than {limit} bytes")
    return bytes(body)


def _invalid(field: str, message: str) -> HTTPException:
    return HTTPException(422, detail=[{"field": field, "message": message, "type": "json_invalid"}])


def parse_json(body: bytes) -> Any:
    if not body.strip():
        raise _invalid("body", "empty body; expected a JSON object")
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise _invalid("body", f"invalid JSON: {exc}") from exc


def parse_batch(body: bytes, content_type: str) -> list[Any]:
    """A JSON list, or NDJSON (one JSON object per line; blank lines ignored).

    A line that is not JSON is kept as an error for that item, so one bad line
    does not sink the batch.
    """
    stripped = body.strip()
    if not stripped:
        raise _invalid("body", "empty body; expected a JSON list or NDJSON")
    if "ndjson" not in content_type and stripped[:1] == b"[":
        items = parse_json(stripped)
        if not isinstance(items, list):
            raise _invalid("body", "expected a JSON list")
        return items
    out: list[Any] = []
    for n, line in enumerate(stripped.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(orjson.loads(line))
        except orjson.JSONDecodeError as exc:
            out.append(BadLine(line=n, message=f"invalid JSON on line {n}: {exc}"))
    return out


class BadLine:
    """An NDJSON line that did not parse; reported as that item's error."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
