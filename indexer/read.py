"""Reads by id: one article as stored, one story with every article and claim.

The story comes with its comparison view (``story_view``): outlets as columns,
matched claims as rows, grouped from the story's claims as they are now.
"""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch

from crosswire.settings import Settings

from .claim_reads import CLAIM_SOURCE
from .models import ClaimHit, StoryArticle, StoryView
from .story_view import outlet_columns, story_statements

# A story is a handful to a few hundred reports; this only bounds a runaway one.
MAX_STORY_ARTICLES = 1000
MAX_STORY_CLAIMS = 10_000
_INTERNAL = ["fingerprint", "entity_tags", "location_tags", "story_date", "story_terms",
             "quote_terms", "entity_aliases", "place_names"]
_STORY_ARTICLE = ["id", "outlet", "title", "url", "published_at", "author", "entities",
                  "entity_tags", "location_tags"]


def get_article(es: Elasticsearch, settings: Settings, article_id: str) -> dict[str, Any] | None:
    """The stored article (text, extraction, story_id, ...), without matching internals."""
    resp = es.options(ignore_status=404).get(
        index=settings.index_name("articles"), id=article_id, source_excludes=_INTERNAL
    )
    if not resp.get("found"):
        return None
    source: dict[str, Any] = resp["_source"]
    return source


def get_story(es: Elasticsearch, settings: Settings, story_id: str) -> StoryView | None:
    """All articles of a story, oldest first, each with its claims in text order."""
    articles = es.search(
        index=settings.index_name("articles"),
        query={"term": {"story_id": story_id}},
        size=MAX_STORY_ARTICLES,
        sort=[{"story_date": "asc"}, {"id": "asc"}],
        source_includes=_STORY_ARTICLE,
    )["hits"]["hits"]
    if not articles:
        return None
    claims = es.search(
        index=settings.index_name("claims"),
        query={"term": {"story_id": story_id}},
        size=MAX_STORY_CLAIMS,
        sort=[{"article_id": "asc"}, {"n": "asc"}],
        source_includes=CLAIM_SOURCE,
    )["hits"]["hits"]
    by_article: dict[str, list[ClaimHit]] = {}
    for hit in claims:
        claim = ClaimHit(**hit["_source"])
        by_article.setdefault(claim.article_id, []).append(claim)
    sources = [h["_source"] for h in articles]
    views = [StoryArticle(**{k: v for k, v in src.items() if k in StoryArticle.model_fields},
                          claims=by_article.get(src["id"], [])) for src in sources]
    matched, single = story_statements([c for cs in by_article.values() for c in cs])
    return StoryView(
        story_id=story_id,
        outlets=list(dict.fromkeys(a.outlet for a in views)),
        articles=views,
        columns=outlet_columns(sources),
        matched_claims=matched,
        single_outlet_claims=single,
    )


def count_articles(es: Elasticsearch, settings: Settings, story_id: str | None = None) -> int:
    """Indexed articles, in all or in one story."""
    query = {"term": {"story_id": story_id}} if story_id else {"match_all": {}}
    return int(es.count(index=settings.index_name("articles"), query=query)["count"])
