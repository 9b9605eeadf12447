"""Story candidates: indexed articles near an article's date, scored by story-term cosine.

Elasticsearch *finds* candidates (articles within the story window sharing the
heaviest of the article's story terms) and supplies the document frequencies
that weight the terms; the similarity itself is computed here on the term bags
(``indexer.story_features``), so a fixed threshold means the same in a small
index and a large one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.settings import Settings

from .documents import iso
from .story_features import cosine, weights

CANDIDATES = 50
# Terms in the candidate query, heaviest first: bounds the clause count for a
# long article (the similarity itself uses every term).
MAX_QUERY_TERMS = 100
_SOURCE = ["story_id", "outlet", "story_date", "published_at", "copy_of", "entities"]


@dataclass(frozen=True)
class Scored:
    """One candidate article and how similar it is to the new one."""

    article_id: str
    story_id: str
    score: float
    same_outlet: bool
    # The candidate's story terms, once per occurrence, as read for scoring: the
    # pairing check scores the candidate in turn without fetching them again.
    terms: tuple[str, ...] = field(default=(), compare=False, repr=False)


def _stats(resp: Mapping[str, Any]) -> tuple[dict[str, int], dict[str, int], int]:
    """(term frequencies, document frequencies, document count) of one term-vectors answer."""
    tv = (resp.get("term_vectors") or {}).get("story_terms") or {}
    terms = tv.get("terms") or {}
    docs = int((tv.get("field_statistics") or {}).get("doc_count", 0))
    tf = {t: int(v.get("term_freq", 1)) for t, v in terms.items()}
    df = {t: int(v.get("doc_freq", 0)) for t, v in terms.items()}
    return tf, df, docs


def _weights_of(tf: Mapping[str, int], df: Mapping[str, int], docs: int) -> dict[str, float]:
    return weights((t for t, n in tf.items() for _ in range(n)), df, docs)


def article_weights(
    es: Elasticsearch, settings: Settings, terms: list[str]
) -> tuple[dict[str, float], int]:
    """The new article's term weights, with document frequencies from the index."""
    if not terms:
        return {}, 0
    resp = es.termvectors(
        index=settings.index_name("articles"), doc={"story_terms": terms},
        fields=["story_terms"], term_statistics=True, field_statistics=True,
        positions=False, offsets=False,
    )
    tf, df, docs = _stats(resp.body)
    # The new article is not in the index yet: count it, as it will be.
    df = {t: df.get(t, 0) + 1 for t in tf}
    return _weights_of(tf, df, docs + 1), docs + 1


def candidate_query(
    settings: Settings, ref: datetime, exclude: str, heaviest: list[tuple[str, float]],
    outlet: str | None = None,
) -> dict[str, Any]:
    """Recall-oriented: anything in the window sharing one heavy term is a candidate.

    ``outlet`` restricts candidates to one outlet's articles (the pairing check).
    """
    window = timedelta(days=settings.story_window_days)
    filters: list[dict[str, Any]] = [
        {"range": {"story_date": {"gte": iso(ref - window), "lte": iso(ref + window)}}},
        {"exists": {"field": "story_id"}},
    ]
    if outlet is not None:
        filters.append({"term": {"outlet": outlet}})
    return {
        "bool": {
            "filter": filters,
            "must_not": [{"ids": {"values": [exclude]}}],
            "should": [{"term": {"story_terms": {"value": t, "boost": w}}} for t, w in heaviest],
            "minimum_should_match": 1,
        }
    }


def score_near(
    es: Elasticsearch, settings: Settings, terms: list[str], ref: datetime, exclude: str,
    own_outlet: str, outlet: str | None = None,
) -> tuple[list[Scored], dict[str, dict[str, Any]]]:
    """Indexed articles within the window around ``ref`` scored against ``terms``, best first.

    ``exclude`` is the id of the article the terms belong to; ``outlet``, if
    given, restricts candidates to that outlet.
    """
    mine, docs = article_weights(es, settings, terms)
    if not mine:
        return [], {}
    heaviest = sorted(mine.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_QUERY_TERMS]
    hits = es.search(
        index=settings.index_name("articles"),
        query=candidate_query(settings, ref, exclude, heaviest, outlet),
        size=CANDIDATES, source_includes=_SOURCE,
    )["hits"]["hits"]
    if not hits:
        return [], {}
    sources = {str(h["_id"]): h["_source"] for h in hits}
    vectors = es.mtermvectors(
        index=settings.index_name("articles"), ids=list(sources), fields=["story_terms"],
        term_statistics=True, field_statistics=False, positions=False, offsets=False,
    )["docs"]
    scored = []
    for doc in vectors:
        tf, df, _ = _stats(doc)
        source = sources[str(doc["_id"])]
        scored.append(Scored(
            article_id=str(doc["_id"]), story_id=str(source["story_id"]),
            score=cosine(mine, _weights_of(tf, df, docs)),
            same_outlet=source.get("outlet") == own_outlet,
            terms=tuple(t for t, n in sorted(tf.items()) for _ in range(n)),
        ))
    scored.sort(key=lambda s: (-s.score, s.article_id))
    return scored, sources
