"""What the benchmarks share: an isolated namespace, a real worker, submit-and-wait.

Each benchmark works under its own index and Redis prefixes, so it never touches
the data of a running service, and it drives the real queue with real worker
processes, exactly as the API does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from crosswire import stack
from crosswire.articles import ArticleIn
from crosswire.jobs import JobStore
from crosswire.redis_client import make_redis
from crosswire.settings import Settings
from crosswire.submission import SubmitResult, Submitter
from indexer.client import make_client
from indexer.setup import ensure_indices
from worker.celery_app import make_celery
from worker.pipeline import enqueue


def fresh_namespace(settings: Settings) -> None:
    """Start the stack if needed; empty this namespace's queue, keys and indices."""
    stack.up(settings)
    r = make_redis(settings)
    for key in r.scan_iter(f"{settings.redis_prefix}*"):
        r.delete(key)
    es = make_client(settings)
    names = list(es.indices.get(index=f"{settings.index_prefix}*", expand_wildcards="all"))
    if names:
        es.indices.delete(index=",".join(names))
    ensure_indices(es, settings)


@contextmanager
def running_worker(
    settings: Settings, concurrency: int, env: dict[str, str] | None = None
) -> Iterator[None]:
    """One ``crosswire worker`` with ``concurrency`` processes, for the block's duration."""
    log = Path(settings.stack_dir) / f"bench-worker-{os.getpid()}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crosswire.cli.app",
            "worker",
            f"--concurrency={concurrency}",
            "--loglevel=warning",
            f"--hostname=bench{os.getpid()}-{time.monotonic_ns()}@localhost",
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )
    try:
        yield
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=120)


def submitter(settings: Settings) -> tuple[Submitter, JobStore]:
    jobs = JobStore(make_redis(settings), settings)
    celery = make_celery(settings)
    return Submitter(jobs, lambda a, j: enqueue(celery, a, j)), jobs


def submit_all(sub: Submitter, items: Iterable[ArticleIn]) -> list[SubmitResult]:
    return [sub.submit(i) for i in items]


def wait_done(jobs: JobStore, job_ids: Iterable[str], timeout: float) -> dict[str, datetime]:
    """Block until every job is done or failed; return when each finished (done ones)."""
    done: dict[str, datetime] = {}
    pending = set(job_ids)
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        for job_id, job in jobs.get_many(sorted(pending)).items():
            if job and job.status in ("done", "failed"):
                pending.discard(job_id)
                if job.status == "done":
                    done[job_id] = job.updated_at
                else:
                    print(f"job {job_id} failed: {job.error}", file=sys.stderr)
        if pending:
            time.sleep(1.0)
    if pending:
        print(f"warning: {len(pending)} jobs unfinished after {timeout:.0f}s", file=sys.stderr)
    return done
