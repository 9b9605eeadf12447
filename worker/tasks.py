"""The worker's tasks: each takes a JSON record in and gives one out.

Tasks are thin: they rebuild records from JSON, call one layer (fetching,
extraction, indexer), and turn failures into retries or a final failure. None of
them knows which task comes before or after it; ``worker.pipeline`` composes them,
and ``worker.signals`` keeps the job record and the dead-letter list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from celery import Task

from crosswire.articles import Article
from crosswire.settings import get_settings
from indexer.writer import index_article
from worker import resources
from worker.celery_app import TASK_EXTRACT, TASK_FETCH, TASK_INDEX, app
from worker.errors import PermanentError, backoff_seconds, is_transient
from worker.extraction.html import html_to_article
from worker.extraction.model import Extraction
from worker.extraction.pipeline import extract as run_extraction
from worker.fetching import fetch_page

T = TypeVar("T")


class PipelineTask(Task):  # type: ignore[misc]
    """Retries transient failures with exponential backoff; anything else fails at once."""

    acks_late = True
    reject_on_worker_lost = True
    max_retries = get_settings().task_max_retries

    def guarded(self, fn: Callable[[], T]) -> T:
        try:
            return fn()
        except Exception as exc:
            if is_transient(exc) and self.request.retries < self.max_retries:
                countdown = backoff_seconds(
                    self.request.retries, get_settings().retry_backoff_max_s
                )
                raise self.retry(exc=exc, countdown=countdown) from exc
            raise


@app.task(name=TASK_FETCH, base=PipelineTask, bind=True)
def fetch(self: PipelineTask, record: dict[str, Any]) -> dict[str, Any]:
    """Article with only a URL -> the same article with the page's HTML."""
    article = Article.model_validate(record)
    if not article.url:
        raise PermanentError("nothing to fetch: the article has no url")
    page = self.guarded(lambda: fetch_page(article.url or "", get_settings()))
    return article.model_copy(update={"html": page.html}).model_dump(mode="json")


@app.task(name=TASK_EXTRACT, base=PipelineTask, bind=True)
def extract(self: PipelineTask, record: dict[str, Any]) -> dict[str, Any]:
    """Article -> {article (with plain text), extraction}."""
    article = _with_text(Article.model_validate(record))
    extraction = run_extraction(article.text or "", resources.nlp(), outlet=article.outlet)
    return {
        "article": article.model_dump(mode="json"),
        "extraction": extraction.model_dump(mode="json"),
    }


@app.task(name=TASK_INDEX, base=PipelineTask, bind=True)
def index(self: PipelineTask, record: dict[str, Any]) -> dict[str, Any]:
    """{article, extraction} -> {article_id, story_id, claims}: written to the index."""
    article = Article.model_validate(record["article"])
    extraction = Extraction.model_validate(record["extraction"])
    settings = get_settings()

    def write() -> dict[str, Any]:
        lock = resources.redis().lock(
            settings.redis_key("lock", "stories"), timeout=60, blocking_timeout=120
        )
        result = index_article(resources.es(), settings, article, extraction, story_lock=lock)
        return {
            "article_id": article.id,
            "story_id": result.story_id,
            "claims": result.claims_indexed,
        }

    return self.guarded(write)


def _with_text(article: Article) -> Article:
    """Plain text for extraction: the submitted text, else the main text of the HTML."""
    if article.text:
        return article.model_copy(update={"html": None})
    if not article.html:
        raise PermanentError("the article has neither text nor html")
    page = html_to_article(article.html, article.url)
    if not page.text or not page.text.strip():
        raise PermanentError("no article text found in the page")
    return article.model_copy(
        update={
            "text": page.text,
            "html": None,
            "title": article.title or page.title,
            "author": article.author or page.author,
            "published_at": article.published_at or page.published_at,
            "language": article.language or page.language,
        }
    )
