"""Per-process resources of a worker: made on first use, then reused by every task.

Loading spaCy takes about a second and an Elasticsearch client keeps a connection
pool, so neither may be made per task. Each worker process (Celery prefork child)
gets its own, because neither survives a fork well.
"""

from __future__ import annotations

from functools import lru_cache

from elasticsearch import Elasticsearch
from redis import Redis
from spacy.language import Language

from crosswire.dead_letters import DeadLetters
from crosswire.jobs import JobStore
from crosswire.redis_client import make_redis
from crosswire.settings import get_settings
from indexer.client import make_client
from indexer.setup import ensure_indices
from worker.extraction.nlp import get_nlp


@lru_cache(maxsize=1)
def redis() -> Redis:
    return make_redis(get_settings())


@lru_cache(maxsize=1)
def jobs() -> JobStore:
    return JobStore(redis(), get_settings())


@lru_cache(maxsize=1)
def dead_letters() -> DeadLetters:
    return DeadLetters(redis(), get_settings())


@lru_cache(maxsize=1)
def es() -> Elasticsearch:
    """The client, with indices ensured once per process (cheap when they exist)."""
    settings = get_settings()
    client = make_client(settings)
    ensure_indices(client, settings)
    return client


def nlp() -> Language:
    return get_nlp(get_settings().spacy_model)


def reset() -> None:
    """Forget everything made so far; called in a fresh child after a fork."""
    for f in (redis, jobs, dead_letters, es):
        f.cache_clear()
