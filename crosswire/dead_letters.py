"""The dead-letter list: articles whose processing failed for good, with the reason.

A failure after the last retry must not lose the article, so the worker parks it
here (a Redis list, persisted like the queue) and ``crosswire dlq replay`` puts it
back on the queue once the cause is fixed. Entries carry the article record as the
failed task received it, so a replay does not depend on anything else surviving.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from redis import Redis

from crosswire.settings import Settings


class DeadLetter(BaseModel):
    job_id: str
    article_id: str
    task: str
    error: str
    failed_at: datetime
    article: dict[str, Any]


class DeadLetters:
    def __init__(self, redis: Redis, settings: Settings) -> None:
        self._r = redis
        self._key = settings.redis_key("dlq")

    def push(self, letter: DeadLetter) -> None:
        self._r.rpush(self._key, letter.model_dump_json())

    def list(self) -> list[DeadLetter]:
        return [DeadLetter.model_validate_json(item) for item in self._r.lrange(self._key, 0, -1)]

    def remove(self, letter: DeadLetter) -> bool:
        """Drop one entry; called only after it is safely back on the queue."""
        removed: int = self._r.lrem(self._key, 1, letter.model_dump_json())
        return removed > 0

    def __len__(self) -> int:
        n: int = self._r.llen(self._key)
        return n


def make_letter(
    job_id: str, task: str, error: BaseException | str, article: dict[str, Any]
) -> DeadLetter:
    reason = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return DeadLetter(
        job_id=job_id,
        article_id=str(article.get("id", "")),
        task=task,
        error=reason[:2000],
        failed_at=datetime.now(UTC),
        article=json.loads(json.dumps(article, default=str)),
    )
