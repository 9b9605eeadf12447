"""``crosswire submit`` and ``crosswire job``."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from crosswire.articles import ArticleIn
from crosswire.cli import services
from crosswire.cli.inputs import InputError, read_items
from crosswire.errors import field_errors
from crosswire.jobs import JobStore
from crosswire.settings import get_settings
from crosswire.submission import QueueUnavailable, SubmitResult

err = Console(stderr=True)
out = Console(soft_wrap=True)


def submit(
    files: Annotated[
        list[Path],
        typer.Argument(exists=True, dir_okay=False, help="JSON, NDJSON, text or HTML files"),
    ],
    outlet: Annotated[str | None, typer.Option(help="outlet, for plain files")] = None,
    url: Annotated[str | None, typer.Option(help="url, for a single plain file")] = None,
    title: Annotated[str | None, typer.Option()] = None,
    published_at: Annotated[datetime | None, typer.Option("--published-at")] = None,
    force: Annotated[bool, typer.Option(help="reprocess articles already accepted")] = False,
    wait: Annotated[bool, typer.Option(help="block until every article is indexed")] = False,
    timeout: Annotated[float, typer.Option(help="seconds to wait with --wait")] = 600.0,
    as_json: Annotated[bool, typer.Option("--json", help="print results as JSON lines")] = False,
) -> None:
    """Validate articles and put them on the queue; print each article's and job's id."""
    settings = get_settings()
    overrides: dict[str, Any] = {
        k: v
        for k, v in {
            "outlet": outlet,
            "url": url,
            "title": title,
            "published_at": published_at.isoformat() if published_at else None,
        }.items()
        if v is not None
    }
    submitter = services.submitter(settings)
    accepted: list[SubmitResult] = []
    failures = 0
    for path in files:
        try:
            items = list(read_items(path, overrides))
        except InputError as exc:
            err.print(f"[red]rejected[/] {exc}")
            failures += 1
            continue
        for label, raw in items:
            try:
                result = submitter.submit(ArticleIn.model_validate(raw), force=force)
            except ValidationError as exc:
                failures += 1
                for fe in field_errors(exc.errors()):
                    err.print(f"[red]rejected[/] {label}: {fe.field}: {fe.message}")
                continue
            except QueueUnavailable as exc:
                err.print(f"[red]queue unavailable[/] ({exc}); nothing more submitted")
                raise typer.Exit(3) from exc
            accepted.append(result)
            if as_json:
                print(json.dumps({"file": label, **result.model_dump()}))
            else:
                dup = " [yellow](duplicate)[/]" if result.duplicate else ""
                out.print(f"{label}: article {result.article_id} job {result.job_id}{dup}")
    if wait and accepted:
        failures += _wait(services.jobs(settings), [r.job_id for r in accepted], timeout)
    if failures:
        raise typer.Exit(1)


def _wait(jobs: JobStore, job_ids: list[str], timeout: float) -> int:
    """Poll until every job is done or failed; returns how many failed or timed out."""
    pending = set(job_ids)
    failed = 0
    deadline = time.monotonic() + timeout
    with Progress(
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=len(job_ids) == 1,
    ) as progress:
        bar = progress.add_task("jobs", total=len(job_ids))
        while pending and time.monotonic() < deadline:
            for job_id, job in jobs.get_many(sorted(pending)).items():
                if job is None or job.status in ("done", "failed"):
                    pending.discard(job_id)
                    progress.advance(bar)
                    if job is not None and job.status == "failed":
                        failed += 1
                        err.print(f"[red]failed[/] job {job_id}: {job.error}")
            if pending:
                time.sleep(0.5)
    if pending:
        err.print(f"[red]timed out[/] with {len(pending)} job(s) not finished")
    return failed + len(pending)


def job(job_id: str) -> None:
    """Show a job's state."""
    found = services.jobs(get_settings()).get(job_id)
    if found is None:
        err.print(f"no job {job_id}")
        raise typer.Exit(1)
    print(found.model_dump_json(indent=2))
