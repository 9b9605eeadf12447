"""Which tasks an article goes through, and putting it on the queue.

The only module that knows the order of the stages. An article that arrives with
only a URL is fetched first; every article is then extracted and indexed. The
chain's first task gets the job id as its task id, so every later task sees it as
its root id (see ``worker.signals``).
"""

from __future__ import annotations

from celery import Celery, chain

from crosswire.articles import Article
from worker.celery_app import TASK_EXTRACT, TASK_FETCH, TASK_INDEX


def stages_for(article: Article) -> list[str]:
    needs_fetch = not (article.text or article.html)
    return [TASK_FETCH] * needs_fetch + [TASK_EXTRACT, TASK_INDEX]


def enqueue(app: Celery, article: Article, job_id: str) -> None:
    """Publish the article's chain; returns once the broker holds the message."""
    first, *rest = stages_for(article)
    signatures = [app.signature(first, args=(article.model_dump(mode="json"),)).set(task_id=job_id)]
    signatures += [app.signature(name) for name in rest]
    chain(*signatures).apply_async()
