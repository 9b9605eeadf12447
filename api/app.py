"""The HTTP API: validates and enqueues submissions, answers reads through ``indexer``.

No extraction happens here. Every response to something a client can send is a
2xx or a 4xx with the field at fault; a dependency that is down is a 503 with
``Retry-After``, so clients know to try again rather than that they erred.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import elasticsearch
import redis.exceptions
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.routes_articles import router as articles_router
from api.routes_claims import router as claims_router
from api.routes_search import router as search_router
from api.state import AppState
from crosswire.errors import field_errors
from crosswire.settings import Settings, get_settings
from crosswire.submission import QueueUnavailable

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = AppState(settings)
        app.state.crosswire = state
        state.try_ensure_indices()
        yield
        state.close()

    app = FastAPI(title="crosswire", version="0.1.0", lifespan=lifespan)
    app.include_router(articles_router)
    app.include_router(search_router)
    app.include_router(claims_router)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [e.model_dump() for e in field_errors(exc.errors())]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(QueueUnavailable)
    async def _queue_down(_: Request, exc: QueueUnavailable) -> JSONResponse:
        log.warning("queue unavailable: %s", exc)
        return _unavailable("the queue is unavailable; nothing was accepted, try again")

    @app.exception_handler(redis.exceptions.RedisError)
    async def _redis_down(_: Request, exc: redis.exceptions.RedisError) -> JSONResponse:
        log.warning("redis unavailable: %s", exc)
        return _unavailable("job store unavailable, try again")

    @app.exception_handler(elasticsearch.ConnectionError)
    async def _es_down(_: Request, exc: Exception) -> JSONResponse:
        log.warning("elasticsearch unavailable: %s", exc)
        return _unavailable("search index unavailable, try again")

    @app.exception_handler(elasticsearch.ApiError)
    async def _es_error(_: Request, exc: elasticsearch.ApiError) -> JSONResponse:
        log.warning("elasticsearch error: %s", exc)
        if exc.meta.status in (429,) or exc.meta.status >= 500:
            return _unavailable("search index unavailable, try again")
        return JSONResponse({"detail": "the index refused the request"}, status_code=502)

    @app.get("/health")
    def health(request: Request) -> dict[str, Any]:
        state: AppState = request.app.state.crosswire
        return state.health()

    return app


def _unavailable(message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=503, headers={"Retry-After": "5"})
