"""Which failures are worth retrying.

A transient failure (a service down, a timeout, a 5xx or 429) is retried with
exponential backoff; anything else is a property of the article itself and goes to
the dead-letter list at once, because retrying it would fail the same way.
"""

from __future__ import annotations

import httpx
import redis.exceptions
from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, TransportError


class PermanentError(Exception):
    """The article cannot be processed as it is (bad URL, not a page, no text)."""


class TransientError(Exception):
    """Try again later: the cause is outside the article."""


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, PermanentError):
        return False
    if isinstance(exc, TransientError | ConnectionError | ConnectionTimeout):
        return True
    if isinstance(exc, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError):
        return True
    if isinstance(exc, redis.exceptions.LockError):
        return True
    if isinstance(exc, ApiError):
        return exc.meta.status in (408, 429) or exc.meta.status >= 500
    if isinstance(exc, TransportError):
        return True
    return isinstance(exc, httpx.TransportError)


def backoff_seconds(retries: int, cap: int) -> int:
    """1, 2, 4, ... seconds, capped: quick recovery from blips, patience for outages."""
    return int(min(cap, 2**retries))
