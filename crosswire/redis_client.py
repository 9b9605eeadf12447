"""The one place Redis connections for our own keys (jobs, dead letters, locks) are made.

Celery keeps its own broker connection; this one decodes responses to ``str`` so
callers never juggle bytes.
"""

from __future__ import annotations

from redis import Redis

from crosswire.settings import Settings


def make_redis(settings: Settings) -> Redis:
    return Redis.from_url(
        settings.redis_url,
        decode_responses=True,
        socket_connect_timeout=5,
        socket_timeout=10,
        health_check_interval=30,
    )
