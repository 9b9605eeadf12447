"""A worker killed mid-task: the article is still indexed, exactly once."""

from __future__ import annotations

import os
import signal
import time

import pytest
from support import SEED, WorkerProcess

from crosswire.articles import Article, ArticleIn
from crosswire.cli import services
from crosswire.settings import Settings
from indexer.client import make_client

pytestmark = [pytest.mark.services, pytest.mark.slow]


def long_article(tag: str) -> ArticleIn:
    # Long enough that extraction takes a few seconds: there is a "mid-task" to kill in.
    text = "\n\n".join(f"{SEED.read_text()}\n\nUpdate {n} ({tag})." for n in range(12))
    return ArticleIn(outlet="rt.com", published_at="2015-10-01T12:00:00Z", text=text)  # type: ignore[arg-type]


def wait_status(settings: Settings, job_id: str, wanted: set[str], timeout: float) -> str:
    jobs = services.jobs(settings)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = jobs.get(job_id)
        if job is not None and (job.status in wanted or f"{job.status}:{job.stage}" in wanted):
            return f"{job.status}:{job.stage}"
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} never reached {wanted}: {jobs.get(job_id)}")


def assert_indexed_once(settings: Settings, article_id: str) -> None:
    es = make_client(settings)
    es.indices.refresh(index=settings.index_name("articles"))
    es.indices.refresh(index=settings.index_name("claims"))
    hits = es.search(index=settings.index_name("articles"), query={"ids": {"values": [article_id]}})
    assert hits["hits"]["total"]["value"] == 1
    doc = hits["hits"]["hits"][0]["_source"]
    n_claims = len(doc["extraction"]["claims"])
    claims = es.count(
        index=settings.index_name("claims"), query={"term": {"article_id": article_id}}
    )
    assert n_claims > 0 and claims["count"] == n_claims
    es.close()


def test_pool_process_killed_mid_task(worker: WorkerProcess, clean: Settings) -> None:
    result = services.submitter(clean).submit(long_article("pool"))
    wait_status(clean, result.job_id, {"processing:crosswire.extract"}, timeout=60)
    children = worker.children()
    assert children, "the worker has no pool process"
    for pid in children:
        os.kill(pid, signal.SIGKILL)
    assert wait_status(clean, result.job_id, {"done", "failed"}, timeout=120) == "done:None"
    assert_indexed_once(clean, result.article_id)
    assert "WorkerLostError" in worker.log.read_text(errors="replace")


def test_whole_worker_killed_and_another_takes_over(clean: Settings) -> None:
    # The second worker starts before the message is 10 s old, so only a later
    # sweep for unacknowledged messages can hand it over. The wait below is well
    # over that timeout plus an extraction, and well under the 100 s by which the
    # Redis transport's default sweep would have come round.
    env = {"CROSSWIRE_VISIBILITY_TIMEOUT_S": "10"}
    first = WorkerProcess(extra_env=env).start()
    try:
        result = services.submitter(clean).submit(long_article("host"))
        wait_status(clean, result.job_id, {"processing:crosswire.extract"}, timeout=60)
        first.stop(signal.SIGKILL)
        assert services.jobs(clean).get(result.job_id).status == "processing"  # type: ignore[union-attr]
    finally:
        first.stop(signal.SIGKILL)
    second = WorkerProcess(extra_env=env).start()
    try:
        assert wait_status(clean, result.job_id, {"done", "failed"}, timeout=80) == "done:None"
    finally:
        second.stop()
    assert_indexed_once(clean, result.article_id)


def test_elasticsearch_outage_delays_but_does_not_lose(
    worker: WorkerProcess, clean: Settings
) -> None:
    """Indexing against a dead index retries with backoff, then dead-letters; replay indexes it."""
    dead = {"CROSSWIRE_ES_URL": "http://127.0.0.1:1", "CROSSWIRE_TASK_MAX_RETRIES": "2"}
    worker.stop()
    broken = WorkerProcess(extra_env=dead).start()
    try:
        result = services.submitter(clean).submit(
            ArticleIn(outlet="x.example", text="The mayor said the bridge would reopen on Monday.")
        )
        assert (
            wait_status(clean, result.job_id, {"done", "failed"}, timeout=90)
            == "failed:crosswire.index"
        )
    finally:
        broken.stop()
    job = services.jobs(clean).get(result.job_id)
    assert job is not None and job.retries == 2
    letters = services.dead_letters(clean).list()
    assert [d.article_id for d in letters] == [result.article_id]

    healthy = WorkerProcess().start()
    try:
        again = services.submitter(clean).resubmit(Article.model_validate(letters[0].article))
        assert wait_status(clean, again.job_id, {"done", "failed"}, timeout=60) == "done:None"
    finally:
        healthy.stop()
