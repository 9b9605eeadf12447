"""``crosswire serve`` (the HTTP API) and ``crosswire worker`` (the Celery worker)."""

from __future__ import annotations

from typing import Annotated

import typer

from crosswire.settings import get_settings


def serve(
    host: Annotated[str | None, typer.Option(help="default: CROSSWIRE_API_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="default: CROSSWIRE_API_PORT")] = None,
    workers: Annotated[int, typer.Option(help="API processes")] = 1,
) -> None:
    """Run the HTTP API."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "api.main:app",
        host=host or settings.api_host,
        port=port or settings.api_port,
        workers=workers,
        log_level="info",
    )


def worker(
    concurrency: Annotated[
        int, typer.Option(help="worker processes (extraction is CPU-bound)")
    ] = 2,
    loglevel: Annotated[str, typer.Option()] = "info",
    hostname: Annotated[str | None, typer.Option(help="Celery node name")] = None,
) -> None:
    """Run a Celery worker on the ingest queue."""
    from worker.celery_app import app

    argv = [
        "worker",
        f"--concurrency={concurrency}",
        f"--loglevel={loglevel}",
        "--pool=prefork",
        "--without-gossip",
        "--without-mingle",
    ]
    if hostname:
        argv.append(f"--hostname={hostname}")
    app.worker_main(argv=argv)
