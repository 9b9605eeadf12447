"""Accepting an article: give it its id, record its job, put it on the queue.

Shared by the HTTP API and the CLI so both behave the same: a validated article is
acknowledged only once the broker holds it, and an article already accepted is
not queued again (its earlier job is returned and marked as a duplicate) unless it
failed, or the caller forces a reprocess.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from pydantic import BaseModel

from crosswire.articles import Article, ArticleIn
from crosswire.jobs import JobStore


class QueueUnavailable(Exception):
    """The broker could not take the article; nothing was accepted."""


class SubmitResult(BaseModel):
    article_id: str
    job_id: str
    duplicate: bool
    status: str


Enqueue = Callable[[Article, str], None]


class Submitter:
    def __init__(self, jobs: JobStore, enqueue: Enqueue) -> None:
        self._jobs = jobs
        self._enqueue = enqueue

    def submit(self, item: ArticleIn, *, force: bool = False) -> SubmitResult:
        article = item.to_article()
        try:
            return self._submit(article, force)
        except QueueUnavailable:
            raise
        except Exception as exc:  # the broker or Redis is away: the caller may retry
            raise QueueUnavailable(f"{type(exc).__name__}: {exc}") from exc

    def resubmit(self, article: Article) -> SubmitResult:
        """Queue an already-normalised article again (dead-letter replay)."""
        return self._submit(article, force=True)

    def _submit(self, article: Article, force: bool) -> SubmitResult:
        job_id = uuid.uuid4().hex
        self._jobs.create(job_id, article.id)
        existing = self._jobs.claim_article(article.id, job_id)
        if existing is not None:
            earlier = self._jobs.get(existing)
            if not force and (earlier is None or earlier.status != "failed"):
                self._jobs.forget(job_id)
                status = earlier.status if earlier is not None else "done"
                return SubmitResult(
                    article_id=article.id, job_id=existing, duplicate=True, status=status
                )
            self._jobs.reassign_article(article.id, job_id)
        try:
            self._enqueue(article, job_id)
        except Exception:
            self._jobs.release_article(article.id, job_id)
            self._jobs.forget(job_id)
            raise
        return SubmitResult(
            article_id=article.id, job_id=job_id, duplicate=existing is not None, status="queued"
        )
