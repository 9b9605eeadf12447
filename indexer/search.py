"""Story search: matching articles grouped into stories, with their claims and facets.

With a query, stories are ranked on *all* their matching articles, not on the
best one alone (which is what collapsing on ``story_id`` gives): a story that
several outlets report in the words of the query is a better answer than one
article that happens to repeat a word. A first request scores the best
``RANK_WINDOW`` articles (doc values only, no text) and carries the facets; the
stories it covers are ranked in Python, and the page's stories are then fetched
with their articles and highlights. Pages past the window continue in
Elasticsearch's own collapsed order, which lists exactly the stories the window
did not cover, so paging stays complete and without repeats. Every order ends
in a unique key, so asking for the same page twice gives the same page.

Without a query, stories come newest first, in one collapsed request.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.settings import Settings

from .claim_reads import story_claim_pools
from .documents import untag
from .models import ArticleHit, FacetBucket, SearchParams, SearchResult, StoryHit
from .search_query import facet_aggs, query

ARTICLES_PER_STORY = 5
# Articles whose scores rank stories; a story's best article beyond it ranks it
# in Elasticsearch's collapsed order instead.
RANK_WINDOW = 1000
# Outlets whose best scores add up to a story's score, with weights 1, 1/2, 1/3...
OUTLETS_COUNTED = 5
_ARTICLE_SOURCE = ["id", "outlet", "title", "url", "published_at"]
_NEWEST = {"published_at": {"order": "desc", "missing": "_last"}}


def _sort(params: SearchParams) -> list[Any]:
    # story_id last: equal scores or dates never reorder stories between pages.
    return (["_score", _NEWEST] if params.q else [_NEWEST]) + [{"story_id": "asc"}]


def search_body(params: SearchParams, *, story_ids: list[str] | None = None,
                offset: int | None = None, size: int | None = None) -> dict[str, Any]:
    """A collapsed request: one hit per story with its best articles and highlights."""
    sort = _sort(params)
    highlight: dict[str, Any] = {
        "fields": {
            "title": {"number_of_fragments": 0},
            "text": {"fragment_size": 160, "number_of_fragments": 3, "no_match_size": 160},
        },
        # Lemma matches should light up the surface words too.
        "require_field_match": False,
    }
    full = query(params)
    if params.q:
        # Only the words are highlighted, never keyword filter values.
        highlight["highlight_query"] = {"bool": {"must": full["bool"]["must"],
                                                 "should": full["bool"]["should"]}}
    return {
        "query": query(params, story_ids),
        "sort": sort,
        "from": (params.page - 1) * params.size if offset is None else offset,
        "size": params.size if size is None else size,
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
    }


def ranking_body(params: SearchParams) -> dict[str, Any]:
    """The scores of the best articles, their stories and outlets, and the facets."""
    return {
        "query": query(params),
        "sort": [*_sort(params), {"id": "asc"}],
        "size": RANK_WINDOW,
        "_source": False,
        "docvalue_fields": ["story_id", "outlet"],
        "aggs": facet_aggs(params),
        "track_total_hits": True,
    }


def story_scores(hits: Sequence[dict[str, Any]]) -> list[tuple[str, float]]:
    """Stories ranked on their articles: best score per outlet, the outlets' scores
    summed with weights 1, 1/2, 1/3, ... (more outlets help, with diminishing returns).
    Ties keep the order of the stories' best articles."""
    best: dict[str, dict[str, float]] = defaultdict(dict)
    first: dict[str, int] = {}
    for pos, hit in enumerate(hits):
        story, outlet = hit["fields"]["story_id"][0], hit["fields"]["outlet"][0]
        score = float(hit["sort"][0])
        first.setdefault(story, pos)
        best[story][outlet] = max(score, best[story].get(outlet, 0.0))
    ranked = []
    for story, by_outlet in best.items():
        scores = sorted(by_outlet.values(), reverse=True)[:OUTLETS_COUNTED]
        ranked.append((story, sum(s / r for r, s in enumerate(scores, start=1))))
    ranked.sort(key=lambda sc: (-sc[1], first[sc[0]]))
    return ranked


def search_stories(es: Elasticsearch, settings: Settings, params: SearchParams) -> SearchResult:
    """Stories matching ``params``, best (or, without ``q``, newest) first."""
    index = settings.index_name("articles")
    if not params.q:
        resp = es.search(index=index, body={**search_body(params), "aggs": facet_aggs(params),
                                            "track_total_hits": True})
        stories = [_story_hit(h, None) for h in resp["hits"]["hits"]]
    else:
        resp = es.search(index=index, body=ranking_body(params))
        stories = _ranked_page(es, index, params, resp.body)
    pools = story_claim_pools(es, settings, [s.story_id for s in stories], params)
    for story in stories:
        story.claims, story.matched_claims = pools.get(story.story_id, ([], []))
    return SearchResult(total=int(resp["aggregations"]["stories"]["value"]), stories=stories,
                        facets=_facets(resp["aggregations"]))


def _ranked_page(es: Elasticsearch, index: str, params: SearchParams,
                 ranking: dict[str, Any]) -> list[StoryHit]:
    hits = ranking["hits"]["hits"]
    ranked = story_scores(hits)
    offset = (params.page - 1) * params.size
    page = ranked[offset: offset + params.size]
    out: list[StoryHit] = []
    if page:
        ids = [story for story, _ in page]
        resp = es.search(index=index, body=search_body(params, story_ids=ids, offset=0,
                                                       size=len(ids)))
        found = {h["fields"]["story_id"][0]: h for h in resp["hits"]["hits"]}
        out = [_story_hit(found[story], score) for story, score in page if story in found]
    truncated = ranking["hits"]["total"]["value"] > len(hits)
    if len(page) < params.size and truncated:
        start = max(offset, len(ranked))
        resp = es.search(index=index, body=search_body(
            params, offset=start, size=offset + params.size - start))
        out += [_story_hit(h, float(h["sort"][0])) for h in resp["hits"]["hits"]]
    return out


def _story_hit(hit: dict[str, Any], score: float | None) -> StoryHit:
    inner = hit["inner_hits"]["articles"]["hits"]
    return StoryHit(story_id=hit["fields"]["story_id"][0], article_count=inner["total"]["value"],
                    articles=[_article_hit(h) for h in inner["hits"]], claims=[],
                    score=round(score, 4) if score is not None else None)


def _article_hit(hit: dict[str, Any]) -> ArticleHit:
    marks = hit.get("highlight", {})
    return ArticleHit(**hit["_source"],
                      highlights=[*marks.get("title", []), *marks.get("text", [])])


def _facets(aggs: dict[str, Any]) -> dict[str, list[FacetBucket]]:
    return {
        "outlet": [FacetBucket(key=b["key"], count=b["doc_count"])
                   for b in aggs["outlet"]["buckets"]],
        "entity": [_tag_bucket(b) for b in aggs["entity"]["buckets"]],
        "location": [_tag_bucket(b) for b in aggs["location"]["buckets"]],
        "speaker": [FacetBucket(key=b["key"], count=b["doc_count"])
                    for b in aggs["speaker"]["buckets"]],
        "published": [FacetBucket(key=b["key_as_string"], count=b["doc_count"])
                      for b in aggs["published"]["buckets"] if b["doc_count"]],
    }


def _tag_bucket(bucket: dict[str, Any]) -> FacetBucket:
    key, label, name = [*untag(bucket["key"]), "", ""][:3]
    return FacetBucket(key=key, count=bucket["doc_count"], name=name or None,
                       label=label or None)
