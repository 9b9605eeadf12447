"""Test session: a real Redis and Elasticsearch, started by the project itself.

The services run on their own ports and stack folder (``.stack/test``), with their
own index prefix, so a test run never touches a development stack. A service the
session started is stopped at its end; one that was already running is left alone
(rerunning tests is then fast).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch
from support import ROOT, WorkerProcess

_TEST_ENV = {
    "CROSSWIRE_STACK_DIR": str(ROOT / ".stack" / "test"),
    "CROSSWIRE_REDIS_PORT": "6391",
    "CROSSWIRE_ES_PORT": "9211",
    "CROSSWIRE_REDIS_URL": "redis://127.0.0.1:6391/0",
    "CROSSWIRE_ES_URL": "http://127.0.0.1:9211",
    "CROSSWIRE_INDEX_PREFIX": "test-",
    "CROSSWIRE_REDIS_PREFIX": "cwtest",
    "CROSSWIRE_FETCH_ALLOW_PRIVATE": "true",
    "CROSSWIRE_TASK_MAX_RETRIES": "2",
    "CROSSWIRE_RETRY_BACKOFF_MAX_S": "1",
}
for _k, _v in _TEST_ENV.items():
    os.environ.setdefault(_k, _v)

from indexer_reports import fresh_indices  # noqa: E402

from crosswire import stack  # noqa: E402  (after the environment is set)
from crosswire.settings import Settings, get_settings  # noqa: E402
from indexer.client import make_client  # noqa: E402


@pytest.fixture(scope="session")
def services() -> Iterator[Settings]:
    """Start Redis and Elasticsearch for the session unless they are already up."""
    get_settings.cache_clear()
    settings = get_settings()
    before = stack.status(settings)
    stack.up(settings)
    yield settings
    if not before.healthy:
        stack.down(settings)


@pytest.fixture()
def clean(services: Settings) -> Iterator[Settings]:
    """Empty test Redis keys and test indices before a test, so tests do not see each other."""
    from crosswire.redis_client import make_redis

    r = make_redis(services)
    r.flushdb()
    es = make_client(services)
    existing = list(es.indices.get(index=f"{services.index_prefix}*", expand_wildcards="all"))
    if existing:
        es.indices.delete(index=",".join(existing))
    yield services
    r.close()
    es.close()


@pytest.fixture()
def worker(clean: Settings) -> Iterator[WorkerProcess]:
    w = WorkerProcess().start()
    yield w
    w.stop()


@pytest.fixture(scope="session")
def es(services: Settings) -> Iterator[Elasticsearch]:
    client = make_client(services)
    yield client
    client.close()


@pytest.fixture()
def idx(es: Elasticsearch) -> Iterator[Settings]:
    """Settings with a fresh random index prefix, removed after the test."""
    with fresh_indices(es) as settings:
        yield settings
