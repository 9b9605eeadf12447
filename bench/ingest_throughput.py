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
from bench.harness import fresh_namespace, running_worker, submitter, wait_done  # noqa: E402
from crosswire.articles import ArticleIn  # noqa: E402
from crosswire.settings import get_settings  # noqa: E402
from worker.extraction.nlp import get_nlp  # noqa: E402
from worker.extraction.pipeline import extract  # noqa: E402


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
    fresh_namespace(settings)
    items = [ArticleIn.model_validate(d) for d in read_corpus(args.corpus, args.limit)]
    words = sum(len((i.text or "").split()) for i in items)
    sub, jobs = submitter(settings)
    with running_worker(settings, args.concurrency):
        # 1. bulk: everything at once
        t0 = time.monotonic()
        results = [sub.submit(i) for i in items]
        submit_s = time.monotonic() - t0
        fresh = [r.job_id for r in results if not r.duplicate]
        done = wait_done(jobs, fresh, timeout=3600)
        bulk_s = time.monotonic() - t0
        e2e_rate = len(done) / bulk_s

        # 2. extraction alone: the same code, one process, the same articles
        nlp = get_nlp(settings.spacy_model)
        sample = items[: args.sample]
        extract("warm up", nlp)
        t1 = time.monotonic()
        for i in sample:
            extract(i.text or "", nlp)
        extract_rate = len(sample) / (time.monotonic() - t1)

        # 3. latency at half the measured throughput (new text, so new articles)
        gap = 2.0 / e2e_rate
        sent: dict[str, datetime] = {}
        for i in items[: args.trickle]:
            # No URL and a changed text: a new article, not a duplicate of the bulk run's.
            fresh_item = i.model_copy(update={"url": None, "text": f"{i.text}\n\n(latency run)"})
            r = sub.submit(fresh_item)
            sent[r.job_id] = datetime.now(UTC)
            time.sleep(gap)
        finished = wait_done(jobs, list(sent), timeout=1800)
        lat = sorted((finished[j] - sent[j]).total_seconds() for j in finished)

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
