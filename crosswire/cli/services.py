"""The connections a CLI command needs, made from the settings on demand."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from crosswire.dead_letters import DeadLetters
from crosswire.jobs import JobStore
from crosswire.redis_client import make_redis
from crosswire.settings import Settings
from crosswire.submission import Submitter
from indexer.client import make_client
from indexer.setup import ensure_indices
from worker.celery_app import make_celery
from worker.pipeline import enqueue


def jobs(settings: Settings) -> JobStore:
    return JobStore(make_redis(settings), settings)


def dead_letters(settings: Settings) -> DeadLetters:
    return DeadLetters(make_redis(settings), settings)


def submitter(settings: Settings) -> Submitter:
    celery = make_celery(settings)
    return Submitter(jobs(settings), lambda article, job_id: enqueue(celery, article, job_id))


def es(settings: Settings) -> Elasticsearch:
    client = make_client(settings)
    ensure_indices(client, settings)
    return client
