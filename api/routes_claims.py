"""Searching claims themselves, grouped into matched claims across outlets and stories."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from api.routes_search import invalid_as_422
from api.state import AppState
from indexer.claim_reads import search_claims
from indexer.models import ClaimSearchParams

router = APIRouter()


@router.get("/claims/search")
def claims_search(
    request: Request,
    q: str = Query("", max_length=1000),
    speaker: str | None = Query(None, max_length=300),
    outlet: list[str] = Query(default_factory=list),
    story: str | None = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=1000),
    size: int = Query(10, ge=1, le=100),
) -> dict[str, Any]:
    """Statements matching, best first: each with the outlets, articles and wordings carrying it."""
    state: AppState = request.app.state.crosswire
    state.try_ensure_indices()
    with invalid_as_422():
        params = ClaimSearchParams(q=q, speaker=speaker, outlet=outlet, story_id=story,
                                   page=page, size=size)
    return search_claims(state.es, state.settings, params).model_dump(mode="json")
