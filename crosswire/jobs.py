"""Job state in Redis: what a caller polls after submitting an article.

The queue, not a database, is the source of truth for work in flight; this record
only tells a caller where its article is. It is one Redis hash per job, written by
the submitter (``queued``) and by the worker's task signals (``processing``,
``done``, ``failed``), so no task needs to know it is being tracked.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel
from redis import Redis

from crosswire.settings import Settings

JobStatus = Literal["queued", "processing", "done", "failed"]

# Finished jobs are kept for a month: long enough to poll, short enough not to grow forever.
_FINISHED_TTL_S = 30 * 24 * 3600

# Set fields on a job unless it is unknown (expired) or already done; ARGV[1] is
# the key's time to live (0: none, see ``_ttl``), the rest field/value pairs. Atomic, so a copy
# of a task that the broker redelivered after the job finished (a worker lost, a
# visibility timeout passed mid-task) cannot make a caller who saw "done" see
# "processing" or "failed" afterwards: the article is indexed, and the copy is
# harmless, as indexing is idempotent.
_UNLESS_DONE = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'done' then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
if tonumber(ARGV[1]) > 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
else
  redis.call('PERSIST', KEYS[1])
end
return 1
"""


def _ttl(status: object) -> int:
    """Seconds a job record is kept after this status; 0 while it is not finished."""
    return _FINISHED_TTL_S if status in ("done", "failed") else 0


class Job(BaseModel):
    id: str
    status: JobStatus
    article_id: str
    stage: str | None = None
    error: str | None = None
    retries: int = 0
    story_id: str | None = None
    created_at: datetime
    updated_at: datetime


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _now() -> str:
    return datetime.now(UTC).isoformat()


class JobStore:
    """Job records; ``redis`` must decode responses (see ``crosswire.redis_client``)."""

    def __init__(self, redis: Redis, settings: Settings) -> None:
        self._r = redis
        self._s = settings

    def _key(self, job_id: str) -> str:
        return self._s.redis_key("job", job_id)

    def _article_key(self, article_id: str) -> str:
        return self._s.redis_key("article", article_id)

    def claim_article(self, article_id: str, job_id: str) -> str | None:
        """Record ``job_id`` as the job of ``article_id`` unless one is recorded already.

        Returns the existing job id when the article was submitted before (a
        duplicate), else None. Atomic, so two concurrent submissions of one
        article cannot both enqueue it.
        """
        key = self._article_key(article_id)
        if self._r.set(key, job_id, nx=True):
            return None
        return _str(self._r.get(key))

    def reassign_article(self, article_id: str, job_id: str) -> None:
        self._r.set(self._article_key(article_id), job_id)

    def release_article(self, article_id: str, job_id: str) -> None:
        """Forget the article's job if it is still ``job_id`` (enqueueing it failed)."""
        key = self._article_key(article_id)
        if self._r.get(key) == job_id:
            self._r.delete(key)


    def create(self, job_id: str, article_id: str) -> None:
        now = _now()
        self._r.hset(
            self._key(job_id),
            mapping={
                "status": "queued",
                "article_id": article_id,
                "created_at": now,
                "updated_at": now,
                "retries": 0,
            },
        )

    def forget(self, job_id: str) -> None:
        self._r.delete(self._key(job_id))

    def start(self, job_id: str, stage: str) -> bool:
        """Mark the job processing at ``stage``; False if it is unknown or already done."""
        return self._unless_done(job_id, status="processing", stage=stage)

    def fail(self, job_id: str, error: str) -> bool:
        """Mark the job failed; False if it is unknown or already done."""
        return self._unless_done(job_id, status="failed", error=error)

    def _unless_done(self, job_id: str, **fields: str) -> bool:
        pairs = [x for item in {**fields, "updated_at": _now()}.items() for x in item]
        ttl = _ttl(fields["status"])
        return bool(self._r.eval(_UNLESS_DONE, 1, self._key(job_id), ttl, *pairs))

    def update(self, job_id: str, **fields: Any) -> None:
        """Set fields on an existing job; a job unknown here (expired) is left alone."""
        key = self._key(job_id)
        if not self._r.exists(key):
            return
        mapping: dict[str | bytes | bytearray | memoryview | int | float, str | int | float] = {
            k: ("" if v is None else v) for k, v in fields.items()
        }
        mapping["updated_at"] = _now()
        pipe = self._r.pipeline()
        pipe.hset(key, mapping=mapping)
        if ttl := _ttl(fields.get("status")):
            pipe.expire(key, ttl)
        else:
            pipe.persist(key)
        pipe.execute()

    def add_retry(self, job_id: str, error: str) -> None:
        key = self._key(job_id)
        if self._r.exists(key):
            self._r.hincrby(key, "retries", 1)
            self._r.hset(key, mapping={"error": error, "updated_at": _now()})

    def get(self, job_id: str) -> Job | None:
        return self._parse(job_id, self._r.hgetall(self._key(job_id)))

    def get_many(self, job_ids: list[str]) -> dict[str, Job | None]:
        """Several jobs in one round trip (for callers waiting on a batch)."""
        pipe = self._r.pipeline(transaction=False)
        for job_id in job_ids:
            pipe.hgetall(self._key(job_id))
        return {j: self._parse(j, raw) for j, raw in zip(job_ids, pipe.execute(), strict=True)}

    @staticmethod
    def _parse(job_id: str, raw: Any) -> Job | None:
        d = {str(k): str(v) for k, v in raw.items()}
        if not d:
            return None
        return Job(
            id=job_id,
            status=d["status"],  # type: ignore[arg-type]
            article_id=d["article_id"],
            stage=d.get("stage") or None,
            error=d.get("error") or None,
            retries=int(d.get("retries") or 0),
            story_id=d.get("story_id") or None,
            created_at=datetime.fromisoformat(d["created_at"]),
            updated_at=datetime.fromisoformat(d["updated_at"]),
        )
