"""Story search: matching articles grouped into stories, with their claims and facets.

Two requests per search: one on ``articles`` (collapsed on ``story_id``, so a
page holds stories, not articles), one on ``claims`` for the stories on the page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.settings import Settings
from worker.extraction.text import fold

from .documents import untag
from .models import (
    ArticleHit,
    ClaimHit,
    FacetBucket,
    SearchParams,
    SearchResult,
    StoryHit,
)

ARTICLES_PER_STORY = 5
CLAIMS_PER_STORY = 5
FACET_SIZE = 20
_TEXT_FIELDS = ["title^3", "text", "entity_names"]
_ARTICLE_SOURCE = ["id", "outlet", "title", "url", "published_at"]
_CLAIM_SOURCE = ["id", "article_id", "outlet", "speaker", "speaker_name", "cue", "content",
                 "direct"]


def _sqs(query: str, fields: list[str]) -> dict[str, Any]:
    # simple_query_string never fails on malformed syntax, so user input goes in as is.
    return {"simple_query_string": {"query": query, "fields": fields,
                                    "default_operator": "and", "lenient": True}}


def text_query(params: SearchParams) -> dict[str, Any] | None:
    """The full-text part: the words as written, or their lemmas, must all match."""
    if not params.q:
        return None
    return {"bool": {"should": [_sqs(params.q, _TEXT_FIELDS),
                                _sqs(params.q_lemmas or params.q, ["lemmas"])],
                     "minimum_should_match": 1}}


def _ci_term(field: str, value: str) -> dict[str, Any]:
    return {"term": {field: {"value": value, "case_insensitive": True}}}


def _any_of(*clauses: dict[str, Any]) -> dict[str, Any]:
    return {"bool": {"should": list(clauses), "minimum_should_match": 1}}


def _bound(value: date | datetime, *, end: bool) -> str:
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    else:
        moment = datetime.combine(value + timedelta(days=1) if end else value, time(), UTC)
    return moment.astimezone(UTC).isoformat()


def filters(params: SearchParams) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if params.outlet:
        out.append({"terms": {"outlet": params.outlet}})
    if params.entity:
        out.append(_any_of(_ci_term("entities", params.entity),
                           _ci_term("entity_names.keyword", params.entity),
                           {"term": {"entity_aliases": fold(params.entity)}}))
    if params.location:
        out.append(_any_of(_ci_term("locations.key", params.location),
                           _ci_term("locations.name", params.location),
                           {"term": {"place_names": fold(params.location)}}))
    if params.speaker:
        out.append(_ci_term("speakers", params.speaker))
    if params.since or params.until:
        rng: dict[str, str] = {}
        if params.since:
            rng["gte"] = _bound(params.since, end=False)
        if params.until:
            # A bare date includes its whole day; a datetime is taken literally.
            key = "lt" if not isinstance(params.until, datetime) else "lte"
            rng[key] = _bound(params.until, end=True)
        out.append({"range": {"published_at": rng}})
    return out


def search_body(params: SearchParams) -> dict[str, Any]:
    """The request body of the article search (exposed for inspection and tests)."""
    text = text_query(params)
    query: dict[str, Any] = {"bool": {"filter": filters(params)}}
    if text is not None:
        query["bool"]["must"] = [text]
    newest = {"published_at": {"order": "desc", "missing": "_last"}}
    # story_id last: equal scores or dates never reorder stories between pages.
    sort: list[Any] = (["_score", newest] if text else [newest]) + [{"story_id": "asc"}]
    highlight: dict[str, Any] = {
        "fields": {
            "title": {"number_of_fragments": 0},
            "text": {"fragment_size": 160, "number_of_fragments": 3, "no_match_size": 160},
        },
        # Lemma matches should light up the surface words too.
        "require_field_match": False,
    }
    if text is not None:
        # Only the words are highlighted, never keyword filter values.
        highlight["highlight_query"] = text
    return {
        "query": query,
        "sort": sort,
        "from": (params.page - 1) * params.size,
        "size": params.size,
        "_source": False,
        "collapse": {
            "field": "story_id",
            "inner_hits": {
                "name": "articles",
                "size": ARTICLES_PER_STORY,
                "sort": [*sort[:-1], {"id": "asc"}],
                "_source": _ARTICLE_SOURCE,
                "highlight": highlight,
            },
        },
        "aggs": {
            "stories": {"cardinality": {"field": "story_id", "precision_threshold": 40000}},
            "outlet": {"terms": {"field": "outlet", "size": FACET_SIZE}},
            "entity": {"terms": {"field": "entity_tags", "size": FACET_SIZE}},
            "location": {"terms": {"field": "location_tags", "size": FACET_SIZE}},
        },
        "track_total_hits": True,
    }


def search_stories(es: Elasticsearch, settings: Settings, params: SearchParams) -> SearchResult:
    """Stories matching ``params``, best (or, without ``q``, newest) first."""
    resp = es.search(index=settings.index_name("articles"), body=search_body(params))
    stories: list[StoryHit] = []
    for hit in resp["hits"]["hits"]:
        inner = hit["inner_hits"]["articles"]["hits"]
        stories.append(StoryHit(
            story_id=hit["fields"]["story_id"][0],
            article_count=inner["total"]["value"],
            articles=[_article_hit(h) for h in inner["hits"]],
            claims=[],
        ))
    claims = story_claims(es, settings, [s.story_id for s in stories], params)
    for story in stories:
        story.claims = claims.get(story.story_id, [])
    aggs = resp["aggregations"]
    return SearchResult(
        total=int(aggs["stories"]["value"]),
        stories=stories,
        facets={
            "outlet": [FacetBucket(key=b["key"], count=b["doc_count"])
                       for b in aggs["outlet"]["buckets"]],
            "entity": [_tag_bucket(b) for b in aggs["entity"]["buckets"]],
            "location": [_tag_bucket(b) for b in aggs["location"]["buckets"]],
        },
    )


def _article_hit(hit: dict[str, Any]) -> ArticleHit:
    marks = hit.get("highlight", {})
    return ArticleHit(**hit["_source"],
                      highlights=[*marks.get("title", []), *marks.get("text", [])])


def _tag_bucket(bucket: dict[str, Any]) -> FacetBucket:
    key, label, name = [*untag(bucket["key"]), "", ""][:3]
    return FacetBucket(key=key, count=bucket["doc_count"], name=name or None,
                       label=label or None)


def story_claims(
    es: Elasticsearch, settings: Settings, story_ids: list[str], params: SearchParams | None = None
) -> dict[str, list[ClaimHit]]:
    """Up to ``CLAIMS_PER_STORY`` claims of each story, in one request.

    Claims matching the query words or by the requested speaker come first, then
    direct quotes, then text order.
    """
    if not story_ids:
        return {}
    should: list[dict[str, Any]] = []
    if params is not None and params.q:
        should.append(_sqs(params.q, ["content", "speaker", "speaker_name"]))
    if params is not None and params.speaker:
        should += [_ci_term("speaker_key", params.speaker),
                   _ci_term("speaker_name.keyword", params.speaker)]
    resp = es.search(
        index=settings.index_name("claims"),
        query={"bool": {"filter": [{"terms": {"story_id": story_ids}}], "should": should}},
        size=len(story_ids),
        source=False,
        collapse={
            "field": "story_id",
            "inner_hits": {
                "name": "claims",
                "size": CLAIMS_PER_STORY,
                "_source": _CLAIM_SOURCE,
                "sort": ["_score", {"direct": "desc"},
                         {"published_at": {"order": "asc", "missing": "_last"}},
                         {"article_id": "asc"}, {"n": "asc"}],
            },
        },
    )
    return {
        hit["fields"]["story_id"][0]: [ClaimHit(**h["_source"])
                                       for h in hit["inner_hits"]["claims"]["hits"]["hits"]]
        for hit in resp["hits"]["hits"]
    }
