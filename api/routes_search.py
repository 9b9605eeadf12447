"""Searching stories and reading one story (with its comparison view)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import ValidationError

from api.state import AppState
from crosswire.errors import field_errors
from indexer.models import SearchParams
from indexer.read import get_story
from indexer.search import search_stories

router = APIRouter()


@contextmanager
def invalid_as_422() -> Iterator[None]:
    """Parameters that pass FastAPI's checks but not the model's are the client's error
    too: a 422 naming the field, never a 500."""
    try:
        yield
    except ValidationError as exc:
        raise HTTPException(
            422, detail=[e.model_dump() for e in field_errors(exc.errors())]
        ) from exc


@router.get("/search")
def search(
    request: Request,
    q: str = Query("", max_length=1000),
    outlet: list[str] = Query(default_factory=list),
    entity: str | None = Query(None, max_length=300),
    location: str | None = Query(None, max_length=300),
    speaker: str | None = Query(None, max_length=300),
    since: datetime | None = None,
    until: datetime | None = None,
    near: str | None = Query(None, max_length=100, description="lat,lon"),
    radius_km: float | None = Query(None, description="with near; 50 when left out"),
    page: int = Query(1, ge=1, le=1000),
    size: int = Query(10, ge=1, le=100),
) -> dict[str, Any]:
    """Stories matching the query, best first, each with its outlets' reports and claims."""
    if since and until and since > until:
        raise HTTPException(
            422,
            detail=[{"field": "since", "message": "since is after until", "type": "value_error"}],
        )
    state: AppState = request.app.state.crosswire
    state.try_ensure_indices()
    with invalid_as_422():
        params = SearchParams.model_validate({
            "q": q, "outlet": outlet, "entity": entity, "location": location,
            "speaker": speaker, "since": since, "until": until, "near": near,
            "radius_km": radius_km, "page": page, "size": size,
        })
    return search_stories(state.es, state.settings, params).model_dump(mode="json")


@router.get("/stories/{story_id}")
def read_story(story_id: str, request: Request) -> dict[str, Any]:
    state: AppState = request.app.state.crosswire
    state.try_ensure_indices()
    story = get_story(state.es, state.settings, story_id)
    if story is None:
        raise HTTPException(404, detail=f"no story {story_id}")
    return story.model_dump(mode="json")
