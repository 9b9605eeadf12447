"""Job records in a real Redis: what a caller polling a job sees."""

from __future__ import annotations

import pytest

from crosswire.cli import services
from crosswire.redis_client import make_redis
from crosswire.settings import Settings

pytestmark = pytest.mark.services


def test_a_redelivered_task_does_not_reopen_a_done_job(clean: Settings) -> None:
    jobs = services.jobs(clean)
    jobs.create("j1", "a1")
    assert jobs.start("j1", "crosswire.extract")
    assert jobs.start("j1", "crosswire.index")
    got = jobs.get("j1")
    assert got is not None and (got.status, got.stage) == ("processing", "crosswire.index")

    jobs.update("j1", status="done", stage=None, story_id="s1")
    assert not jobs.start("j1", "crosswire.extract")
    assert not jobs.fail("j1", "Elasticsearch away")
    got = jobs.get("j1")
    assert got is not None and (got.status, got.stage, got.story_id) == ("done", None, "s1")
    assert got.error is None


def test_a_failed_job_is_processing_again_when_a_task_of_it_runs(clean: Settings) -> None:
    # Failure is not final for the record: a copy still in the queue may yet
    # succeed. A failed record expires like a done one; one in progress does not.
    jobs = services.jobs(clean)
    jobs.create("j2", "a2")
    assert jobs.fail("j2", "boom")
    got = jobs.get("j2")
    assert got is not None and (got.status, got.error) == ("failed", "boom")
    assert make_redis(clean).ttl(clean.redis_key("job", "j2")) > 0
    assert jobs.start("j2", "crosswire.index")
    got = jobs.get("j2")
    assert got is not None and got.status == "processing"
    assert make_redis(clean).ttl(clean.redis_key("job", "j2")) == -1


def test_an_unknown_job_is_not_created_by_a_task_starting(clean: Settings) -> None:
    jobs = services.jobs(clean)
    assert not jobs.start("expired", "crosswire.extract")
    assert jobs.get("expired") is None
