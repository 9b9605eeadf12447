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


def is_reachable(es: Elasticsearch) -> bool:
    """Whether the cluster answers.

    Uses cluster health rather than ``ping()``: ``ping`` is ``HEAD /``, which
    distributions without the root endpoint answer with 405.
    """
    try:
        es.options(request_timeout=5, max_retries=0).cluster.health()
    except Exception:
        return False
    return True
