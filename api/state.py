"""What the API process holds on to: settings, Redis, the Elasticsearch client."""

from __future__ import annotations

import logging
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.jobs import JobStore
from crosswire.redis_client import make_redis
from crosswire.settings import Settings
from crosswire.submission import Submitter
from indexer.client import make_client
from indexer.setup import ensure_indices
from worker.celery_app import make_celery
from worker.pipeline import enqueue

log = logging.getLogger(__name__)


class AppState:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.redis = make_redis(settings)
        self.jobs = JobStore(self.redis, settings)
        self.celery = make_celery(settings)
        self.submitter = Submitter(
            self.jobs, lambda article, job_id: enqueue(self.celery, article, job_id)
        )
        self.es: Elasticsearch = make_client(settings)
        self._indices_ready = False

    def try_ensure_indices(self) -> bool:
        """Create the indices if missing; an index that is down now is retried on use."""
        if not self._indices_ready:
            try:
                ensure_indices(self.es, self.settings)
                self._indices_ready = True
            except Exception as exc:
                log.warning("indices not ready yet: %s", exc)
        return self._indices_ready

    def health(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        try:
            out["redis"] = bool(self.redis.ping())
        except Exception as exc:
            out["redis"] = f"down: {type(exc).__name__}"
        try:
            out["elasticsearch"] = self.es.cluster.health()["status"]
        except Exception as exc:
            out["elasticsearch"] = f"down: {type(exc).__name__}"
        out["ok"] = out["redis"] is True and out["elasticsearch"] in ("green", "yellow")
        return out

    def close(self) -> None:
        self.redis.close()
        self.es.close()
