"""End-to-end ingestion throughput and latency, through the real queue.

    python -m bench.ingest_throughput ../shared/corpora/news-articles-9-outlets.zip

Starts the local stack if needed (``crosswire stack up``), empties this benchmark's
own indices and queue (prefix ``bench-``), starts one worker with 2 processes, then:

1. submits every corpus article at once through the same code the API uses and
   waits until all are searchable: articles/second end to end;
2. runs the worker's extraction in this process on a sample of the same articles:
   the extraction-only rate of one process, and the ratio of the two;
3. submits a paced trickle (at half the measured throughput) and reports p50/p95
   of the time from submission to searchable (the job turns ``done`` only after
   the index refreshed with the article in it), so the figure is latency, not
   queue backlog.

Figures are printed as ratios too, because the machine (2 shared cores) is noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH_ENV = {
    "CROSSWIRE_INDEX_PREFIX": "bench-",
    "CROSSWIRE_REDIS_PREFIX": "cwbench",
}
for _k, _v in BENCH_ENV.items():
    os.environ.setdefault(_k, _v)

from bench.corpus import read_corpus  # noqa: E402
from crosswire import stack  # noqa: E402
from crosswire.articles import ArticleIn  # noqa: E402
from crosswire.jobs import JobStore  # noqa: E402
from crosswire.redis_client import make_redis  # noqa: E402
from crosswire.settings import get_settings  # noqa: E402
from crosswire.submission import Submitter  # noqa: E402
from indexer.client import make_client  # noqa: E402
from indexer.setup import ensure_indices  # noqa: E402
from worker.celery_app import make_celery  # noqa: E402
from worker.pipeline import enqueue  # noqa: E402


def _reset(settings) -> None:  # type: ignore[no-untyped-def]
    r = make_redis(settings)
    for key in r.scan_iter(f"{settings.redis_prefix}*"):
        r.delete(key)
    es = make_client(settings)
    names = list(es.indices.get(index=f"{settings.index_prefix}*", expand_wildcards="all"))
    if names:
        es.indices.delete(index=",".join(names))
    ensure_indices(es, settings)


def _wait_done(jobs: JobStore, job_ids: list[str], timeout: float) -> dict[str, datetime]:
    done: dict[str, datetime] = {}
    pending = set(job_ids)
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        for job_id in list(pending):
            job = jobs.get(job_id)
            if job and job.status in ("done", "failed"):
                pending.discard(job_id)
                if job.status == "done":
                    done[job_id] = job.updated_at
        if pending:
            time.sleep(0.5)
    if pending:
        print(f"warning: {len(pending)} jobs unfinished after {timeout:.0f}s", file=sys.stderr)
    return done


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="articles to ingest (default: all)")
    ap.add_argument("--sample", type=int, default=300, help="articles for the extraction-only rate")
    ap.add_argument("--trickle", type=int, default=120, help="articles for the latency run")
    ap.add_argument("--concurrency", type=int, default=2)
    args = ap.parse_args()

    settings = get_settings()
    stack.up(settings)
    _reset(settings)
    items = [ArticleIn.model_validate(d) for d in read_corpus(args.corpus, args.limit)]
    words = sum(len((i.text or "").split()) for i in items)
    jobs = JobStore(make_redis(settings), settings)
    celery = make_celery(settings)
    submitter = Submitter(jobs, lambda a, j: enqueue(celery, a, j))

    log = Path(settings.stack_dir) / "bench-worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crosswire.cli.app",
            "worker",
            f"--concurrency={args.concurrency}",
            "--loglevel=warning",
            f"--hostname=bench{os.getpid()}@localhost",
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        # 1. bulk: everything at once
        t0 = time.monotonic()
        results = [submitter.submit(i) for i in items]
        submit_s = time.monotonic() - t0
        fresh = [r.job_id for r in results if not r.duplicate]
        done = _wait_done(jobs, fresh, timeout=3600)
        bulk_s = time.monotonic() - t0
        e2e_rate = len(done) / bulk_s

        # 2. extraction alone, same code, one process, same articles
        from worker.extraction.pipeline import extract

        from worker.extraction.nlp import get_nlp

        nlp = get_nlp(settings.spacy_model)
        sample = items[: args.sample]
        extract("warm up", nlp)
        t1 = time.monotonic()
        for i in sample:
            extract(i.text or "", nlp)
        extract_s = time.monotonic() - t1
        extract_rate = len(sample) / extract_s

        # 3. latency at half the measured throughput
        gap = 2.0 / e2e_rate
        trickle = [
            i.model_copy(update={"text": (i.text or "") + "\n\n(latency run)"})
            for i in items[: args.trickle]
        ]
        sent: dict[str, datetime] = {}
        for i in trickle:
            r = submitter.submit(i)
            sent[r.job_id] = datetime.now(UTC)
            time.sleep(gap)
        finished = _wait_done(jobs, list(sent), timeout=1800)
        lat = sorted((finished[j] - sent[j]).total_seconds() for j in finished)
    finally:
        os.killpg(worker.pid, 15)
        worker.wait(timeout=60)

    p50 = statistics.median(lat)
    p95 = lat[max(0, round(0.95 * len(lat)) - 1)]
    print(
        f"articles: {len(items)} ({words} words), {len(fresh)} new, {len(done)} indexed, "
        f"{len(fresh) - len(done)} not indexed"
    )
    print(f"submission: {len(items) / submit_s:.0f} articles/s accepted")
    print(
        f"end to end ({args.concurrency} worker processes): {e2e_rate:.2f} articles/s "
        f"({len(done)} in {bulk_s:.1f}s, {words / bulk_s:.0f} words/s)"
    )
    print(f"extraction only (1 process, {len(sample)} articles): {extract_rate:.2f} articles/s")
    print(
        f"ratio end-to-end / extraction-only: {e2e_rate / extract_rate:.2f} "
        f"(ideal with {args.concurrency} processes on 2 cores: about 2)"
    )
    print(
        f"submission to searchable at {1 / gap:.1f} articles/s offered ({len(lat)} articles): "
        f"p50 {p50:.2f}s, p95 {p95:.2f}s"
    )


if __name__ == "__main__":
    main()
