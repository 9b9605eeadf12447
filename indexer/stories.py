"""Story assignment: which already-indexed story, if any, a new article reports on.

Elasticsearch only *finds* candidates (articles from other outlets, within the
story window, sharing an entity, place, speaker or lead wording). Whether a
candidate is the same story is decided here, in Python, on a 0..1 similarity of
the two articles' extracted features, because a BM25 score depends on the size
and content of the index and cannot carry a fixed threshold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.articles import Article
from crosswire.settings import Settings
from worker.extraction.model import Extraction

from .documents import (
    article_speakers,
    entity_tags,
    fingerprint,
    iso,
    location_tags,
    story_date,
    untag,
)

# Rarer kinds of names say more about *which* event: two reports naming the same
# minister or the same village are likelier one story than two naming "Russia".
ENTITY_WEIGHTS: dict[str, float] = {
    "PERSON": 3.0, "EVENT": 3.0, "ORG": 2.0, "FAC": 2.0, "GPE": 1.0, "LOC": 1.0, "NORP": 0.5,
}
PLACE_WEIGHTS: dict[str, float] = {"place": 3.0, "city": 2.0, "region": 1.5, "country": 0.5}
# How the four signals combine. Only signals that both articles have take part
# (weights renormalised): a missing signal is as often a gap in extraction as a
# real difference, and should not count against a match.
SIGNAL_WEIGHTS: dict[str, float] = {"entities": 0.4, "places": 0.2, "speakers": 0.1, "text": 0.3}
CANDIDATES = 50
# Keys per field in the candidate query, heaviest first: bounds the clause count
# for a very long article (similarity itself still uses every key).
MAX_QUERY_KEYS = 100
_SOURCE = ["story_id", "outlet", "entity_tags", "location_tags", "speakers", "fingerprint"]


@dataclass(frozen=True)
class StoryFeatures:
    """What story matching compares: weighted entity and place keys, speakers, lead words."""

    entities: Mapping[str, float]
    places: Mapping[str, float]
    speakers: frozenset[str]
    words: frozenset[str]

    @classmethod
    def of(cls, article: Article, extraction: Extraction) -> StoryFeatures:
        return cls.from_fields(
            entity_tags(extraction),
            location_tags(extraction),
            article_speakers(extraction),
            fingerprint(article.title, extraction.lemmas),
        )

    @classmethod
    def from_source(cls, source: Mapping[str, Any]) -> StoryFeatures:
        """Features of an indexed article, from the fields in ``_SOURCE``."""
        return cls.from_fields(
            source.get("entity_tags") or [],
            source.get("location_tags") or [],
            source.get("speakers") or [],
            str(source.get("fingerprint") or "").split(),
        )

    @classmethod
    def from_fields(
        cls, e_tags: list[str], l_tags: list[str], speakers: list[str], words: list[str]
    ) -> StoryFeatures:
        return cls(
            entities=_weights(e_tags, ENTITY_WEIGHTS),
            places=_weights(l_tags, PLACE_WEIGHTS),
            speakers=frozenset(speakers),
            words=frozenset(words),
        )


def _weights(tags: list[str], table: Mapping[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for value in tags:
        parts = untag(value)
        out[parts[0]] = table.get(parts[1], 1.0) if len(parts) > 1 else 1.0
    return out


def weighted_dice(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """2·w(A∩B) / (w(A)+w(B)): 1 for identical sets, 0 for disjoint ones.

    Dice rather than Jaccard because independently written reports share only
    part of their vocabulary; Dice spreads that range more usefully below 0.5.
    """
    total = sum(a.values()) + sum(b.values())
    if total == 0:
        return 0.0
    shared = sum(min(w, b[k]) for k, w in a.items() if k in b)
    return 2 * shared / total


def _set_weights(s: frozenset[str]) -> dict[str, float]:
    return dict.fromkeys(s, 1.0)


def similarity(a: StoryFeatures, b: StoryFeatures) -> float:
    """How likely two articles report one event, 0..1."""
    pairs: dict[str, tuple[Mapping[str, float], Mapping[str, float]]] = {
        "entities": (a.entities, b.entities),
        "places": (a.places, b.places),
        "speakers": (_set_weights(a.speakers), _set_weights(b.speakers)),
        "text": (_set_weights(a.words), _set_weights(b.words)),
    }
    score = weight = 0.0
    for name, (x, y) in pairs.items():
        if x and y:
            score += SIGNAL_WEIGHTS[name] * weighted_dice(x, y)
            weight += SIGNAL_WEIGHTS[name]
    return score / weight if weight else 0.0


@dataclass(frozen=True)
class StoryMatch:
    story_id: str
    score: float
    article_id: str


def new_story_id(article: Article) -> str:
    """Deterministic, so re-processing an article that started a story recreates the same id."""
    return f"s-{article.id[:16]}"


def existing_story_id(es: Elasticsearch, settings: Settings, article_id: str) -> str | None:
    resp = es.options(ignore_status=404).get(
        index=settings.index_name("articles"), id=article_id, source_includes=["story_id"]
    )
    if not resp.get("found"):
        return None
    story = (resp.get("_source") or {}).get("story_id")
    return str(story) if story else None


def _terms_clause(field: str, weights: Mapping[str, float]) -> list[dict[str, Any]]:
    if not weights:
        return []
    heaviest = sorted(weights.items(), key=lambda kw: (-kw[1], kw[0]))[:MAX_QUERY_KEYS]
    return [{"bool": {"should": [{"term": {field: {"value": k, "boost": w}}}
                                 for k, w in heaviest]}}]


def candidate_query(
    settings: Settings, article: Article, features: StoryFeatures, *, same_outlet: bool = False
) -> dict[str, Any]:
    """Recall-oriented query: anything sharing one signal within the window is a candidate."""
    ref = story_date(article)
    window = timedelta(days=settings.story_window_days)
    # One term clause per key rather than one terms query: terms scores every hit
    # alike, while separate clauses rank candidates sharing more, and rarer (by
    # IDF and by kind), keys first, so the true match is among the top hits.
    should: list[dict[str, Any]] = [
        *_terms_clause("entities", features.entities),
        *_terms_clause("locations.key", features.places),
        *_terms_clause("speakers", dict.fromkeys(features.speakers, 0.5)),
    ]
    if features.words:
        should.append({
            "more_like_this": {
                "fields": ["fingerprint"],
                "like": " ".join(sorted(features.words)),
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "max_query_terms": 50,
                "minimum_should_match": "10%",
            }
        })
    must_not: list[dict[str, Any]] = [{"ids": {"values": [article.id]}}]
    if not same_outlet:
        must_not.append({"term": {"outlet": article.outlet}})
    return {
        "bool": {
            "filter": [{"range": {"story_date": {"gte": iso(ref - window),
                                                 "lte": iso(ref + window)}}}],
            "must_not": must_not,
            "should": should,
            "minimum_should_match": 1,
        }
    }


def best_match(
    es: Elasticsearch,
    settings: Settings,
    article: Article,
    extraction: Extraction,
    *,
    same_outlet: bool = False,
) -> StoryMatch | None:
    """The most similar candidate's story, whatever its score (None without candidates)."""
    features = StoryFeatures.of(article, extraction)
    if not (features.entities or features.places or features.speakers or features.words):
        return None
    resp = es.search(
        index=settings.index_name("articles"),
        query=candidate_query(settings, article, features, same_outlet=same_outlet),
        size=CANDIDATES,
        source_includes=_SOURCE,
    )
    best: StoryMatch | None = None
    for hit in resp["hits"]["hits"]:
        source = hit["_source"]
        story = source.get("story_id")
        if not story:
            continue
        match = StoryMatch(str(story), similarity(features, StoryFeatures.from_source(source)),
                           str(hit["_id"]))
        # Ties go to the smaller story id, so the outcome never depends on hit order.
        if best is None or (match.score, best.story_id) > (best.score, match.story_id):
            best = match
    return best


def assign_story(
    es: Elasticsearch,
    settings: Settings,
    article: Article,
    extraction: Extraction,
    *,
    same_outlet: bool = False,
) -> str:
    """The story id for ``article``: its existing one, the best match's, or a new one.

    Candidates come from *other* outlets by default: one outlet's several pieces on
    an event (live blog, analysis) still meet in one story through other outlets'
    reports, while one outlet's unrelated pieces on a recurring topic are not glued
    together by their shared house vocabulary. ``same_outlet=True`` lifts that.

    Callers that can race (several workers) must hold a lock across this call and
    the write that follows; see :func:`indexer.writer.index_article`.
    """
    existing = existing_story_id(es, settings, article.id)
    if existing:
        return existing
    match = best_match(es, settings, article, extraction, same_outlet=same_outlet)
    if match is not None and match.score >= settings.story_threshold:
        return match.story_id
    return new_story_id(article)
