"""Submitting articles and following their jobs."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from api.body import BadLine, parse_batch, parse_json, read_body
from api.state import AppState
from crosswire.articles import ArticleIn
from crosswire.errors import field_errors
from crosswire.jobs import Job
from crosswire.submission import QueueUnavailable, SubmitResult
from indexer.read import get_article

router = APIRouter()


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.crosswire
    return state


def _validate(raw: Any) -> ArticleIn:
    if not isinstance(raw, dict):
        raise HTTPException(
            422,
            detail=[{"field": "body", "message": "expected a JSON object", "type": "object_type"}],
        )
    try:
        return ArticleIn.model_validate(raw)
    except ValidationError as exc:
        raise HTTPException(
            422, detail=[e.model_dump() for e in field_errors(exc.errors())]
        ) from exc


@router.post("/articles", status_code=202, response_model=SubmitResult)
async def submit_article(request: Request, force: bool = Query(False)) -> SubmitResult:
    """Validate one article and queue it; answers at once with its ids."""
    state = _state(request)
    item = _validate(parse_json(await read_body(request, state.settings.max_body_bytes)))
    return state.submitter.submit(item, force=force)


@router.post("/articles/batch", status_code=202)
async def submit_batch(request: Request, force: bool = Query(False)) -> JSONResponse:
    """A JSON list or NDJSON of articles; each item is accepted or refused on its own."""
    state = _state(request)
    body = await read_body(request, state.settings.max_body_bytes)
    items = parse_batch(body, request.headers.get("content-type", ""))
    if len(items) > state.settings.max_batch_items:
        raise HTTPException(413, detail=f"more than {state.settings.max_batch_items} items")
    results: list[dict[str, Any]] = []
    for n, raw in enumerate(items):
        if isinstance(raw, BadLine):
            results.append(
                {
                    "index": n,
                    "ok": False,
                    "errors": [{"field": "body", "message": raw.message, "type": "json_invalid"}],
                }
            )
            continue
        try:
            item = _validate(raw)
        except HTTPException as exc:
            results.append({"index": n, "ok": False, "errors": exc.detail})
            continue
        try:
            res = state.submitter.submit(item, force=force)
        except QueueUnavailable as exc:
            results.append(
                {
                    "index": n,
                    "ok": False,
                    "retryable": True,
                    "errors": [
                        {
                            "field": "body",
                            "message": f"queue unavailable: {exc}",
                            "type": "unavailable",
                        }
                    ],
                }
            )
            continue
        results.append({"index": n, "ok": True, **res.model_dump()})
    accepted = sum(r["ok"] for r in results)
    if not accepted and any(r.get("retryable") for r in results):
        return JSONResponse(
            {
                "detail": "the queue is unavailable; nothing was accepted, try again",
                "items": results,
            },
            status_code=503,
            headers={"Retry-After": "5"},
        )
    return JSONResponse(
        {"accepted": accepted, "rejected": len(results) - accepted, "items": results},
        status_code=202 if accepted else 422,
    )


@router.get("/jobs/{job_id}", response_model=Job)
def job_status(job_id: str, request: Request) -> Job:
    job = _state(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, detail=f"no job {job_id}")
    return job


@router.get("/articles/{article_id}")
def read_article(article_id: str, request: Request) -> dict[str, Any]:
    state = _state(request)
    state.try_ensure_indices()
    doc = get_article(state.es, state.settings, article_id)
    if doc is None:
        raise HTTPException(404, detail=f"no article {article_id}")
    return doc
