"""Recomputing the stories of a time range, after the threshold or the matching changes.

Stories are decided online, one article at a time, so a new threshold or new
story terms reach old articles only through this: the range's articles lose
their story, then are assigned again in story-date order exactly as if they
arrived anew (same code path as the worker), with their stored extraction.
Stories that lost members to the recompute get their summaries rebuilt, or are
deleted when empty. Re-extraction is a resubmission (``force=true``), not this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.articles import Article
from crosswire.settings import Settings
from worker.extraction.model import Extraction

from .documents import iso
from .story_docs import story_operations, story_sources
from .writer import bulk, index_article

PAGE = 200
_ARTICLE_FIELDS = ["id", "outlet", "url", "title", "text", "published_at", "language", "author",
                   "submitted_at"]
LockFactory = Callable[[], AbstractContextManager[object]]


@dataclass(frozen=True)
class RecomputeResult:
    articles: int
    stories_before: int
    stories_after: int


def _range_query(since: datetime | None, until: datetime | None) -> dict[str, Any]:
    bounds = {k: iso(v) for k, v in (("gte", since), ("lte", until)) if v is not None}
    return {"range": {"story_date": bounds}} if bounds else {"match_all": {}}


def _in_range(es: Elasticsearch, settings: Settings, query: dict[str, Any]
              ) -> Iterator[dict[str, Any]]:
    """Every article of the range, oldest first, in pages (search_after on date and id)."""
    after: list[Any] | None = None
    while True:
        hits = es.search(index=settings.index_name("articles"), query=query, size=PAGE,
                         sort=[{"story_date": "asc"}, {"id": "asc"}],
                         source_includes=[*_ARTICLE_FIELDS, "story_id", "extraction"],
                         search_after=after)["hits"]["hits"]
        yield from (h["_source"] for h in hits)
        if len(hits) < PAGE:
            return
        after = hits[-1]["sort"]


def recompute(
    es: Elasticsearch,
    settings: Settings,
    since: datetime | None = None,
    until: datetime | None = None,
    lock: LockFactory | None = None,
) -> RecomputeResult:
    """Reassign every article whose story date lies in [since, until]."""
    guard: LockFactory = lock or nullcontext
    query = _range_query(since, until)
    ids = [str(s["id"]) for s in _in_range(es, settings, query)]
    articles = settings.index_name("articles")
    old: set[str] = set()
    with guard():
        for s in _in_range(es, settings, query):
            old.add(str(s.get("story_id")))
        ops: list[dict[str, Any]] = []
        for article_id in ids:
            ops += [{"update": {"_index": articles, "_id": article_id}},
                    {"doc": {"story_id": None, "copy_of": None}}]
        bulk(es, "recompute", ops)
    new: set[str] = set()
    for source in _in_range(es, settings, query):
        article = Article.model_validate({k: source.get(k) for k in _ARTICLE_FIELDS})
        extraction = Extraction.model_validate(source["extraction"])
        new.add(index_article(es, settings, article, extraction, story_lock=guard()).story_id)
    with guard():
        left = {story: story_sources(es, settings, story) for story in old - new}
        bulk(es, "recompute", story_operations(settings, left))
    return RecomputeResult(articles=len(ids), stories_before=len(old), stories_after=len(new))
