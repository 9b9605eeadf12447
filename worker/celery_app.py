"""The Celery application: broker, reliability settings, task routing.

Importing this module is cheap (no spaCy, no Elasticsearch): the API imports it to
enqueue work by task name, and only worker processes import the tasks.

Reliability choices, each for "an accepted article is never lost":
- ``task_acks_late`` + ``task_reject_on_worker_lost``: a message is acknowledged
  only after its task finished, so a worker killed mid-task leaves it on the queue.
- ``worker_prefetch_multiplier=1``: a dying worker holds at most one message per process.
- ``visibility_timeout``: the Redis transport hands an unacknowledged message to
  another worker after this long (covers a whole worker host dying).
- ``unacked_restore_*``: how often a worker looks for such messages. The
  transport's own default scans only every tenth 10-second sweep, which would add
  up to 100 s to every takeover; we scan on every sweep, at most every 10 s and
  at least twice per visibility timeout (one ``ZRANGE`` in Redis each time).
"""

from __future__ import annotations

from celery import Celery
from kombu.entity import Exchange, Queue

from crosswire.settings import Settings, get_settings

TASK_FETCH = "crosswire.fetch"
TASK_EXTRACT = "crosswire.extract"
TASK_INDEX = "crosswire.index"


def _queue(name: str) -> Queue:
    exchange = Exchange(name, type="direct")  # type: ignore[no-untyped-call]
    return Queue(name, exchange, routing_key=name)  # type: ignore[no-untyped-call]


def transport_options(visibility_timeout_s: int) -> dict[str, int]:
    """Redis transport options: redelivery after the timeout, noticed soon after it."""
    return {
        "visibility_timeout": visibility_timeout_s,
        "unacked_restore_interval": max(1, min(10, visibility_timeout_s // 2)),
        "unacked_restore_throttle": 1,
    }


def make_celery(settings: Settings) -> Celery:
    app = Celery("crosswire", broker=settings.redis_url, include=["worker.tasks", "worker.signals"])
    queue = f"{settings.redis_prefix}.ingest"
    app.conf.update(
        task_default_queue=queue,
        # Each stage has its own queue, which a worker polls in turn: under a
        # backlog, an extracted article is indexed (made searchable) without
        # waiting behind every article still to be extracted, and a slow site
        # being fetched never holds up extraction.
        task_queues=[_queue(queue), _queue(f"{queue}.index"), _queue(f"{queue}.fetch")],
        task_routes={
            TASK_INDEX: {"queue": f"{queue}.index"},
            TASK_FETCH: {"queue": f"{queue}.fetch"},
        },
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True,
        worker_prefetch_multiplier=1,
        worker_max_tasks_per_child=2000,
        broker_connection_retry_on_startup=True,
        # A submitter must learn quickly that the broker is away (it answers 503),
        # rather than hang; the article is then not accepted, so nothing is lost.
        broker_connection_timeout=4,
        task_publish_retry_policy={
            "max_retries": 2,
            "interval_start": 0.2,
            "interval_step": 0.5,
            "interval_max": 1,
        },
        broker_transport_options=transport_options(settings.visibility_timeout_s),
        worker_send_task_events=True,
        task_send_sent_event=True,
    )
    return app


app = make_celery(get_settings())
