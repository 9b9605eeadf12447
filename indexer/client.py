"""The one place an Elasticsearch client is built, so every caller gets the same resilience."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from crosswire.settings import Settings

# Long enough for a bulk write that waits for a refresh on a busy node; short
# enough that a dead node fails a task (which Celery retries) instead of hanging it.
REQUEST_TIMEOUT_S = 30.0
MAX_RETRIES = 3


def make_client(settings: Settings) -> Elasticsearch:
    """A client for ``settings.es_url`` that retries timeouts and dropped connections.

    Every write the indexer makes is idempotent (documents have deterministic ids),
    so retrying a request that may have reached the node is safe.
    """
    return Elasticsearch(
        settings.es_url,
        request_timeout=REQUEST_TIMEOUT_S,
        retry_on_timeout=True,
        max_retries=MAX_RETRIES,
    )
