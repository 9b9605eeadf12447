"""Story assignment: which indexed stories, if any, a new article reports on.

Elasticsearch *finds* candidates (articles within the story window sharing the
heaviest of the article's story terms) and supplies the document frequencies
that weight the terms. Whether a candidate reports the same event is decided
here, on the tf-idf cosine of the two term bags (``indexer.story_features``)
against one threshold, because a BM25 score depends on the index's size and
content and cannot carry a fixed threshold.

Linking is single-link: an article joins every story holding an article it
matches, so an article that matches two stories is the evidence that they are
one, and the writer merges them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.articles import Article
from crosswire.settings import Settings
from worker.extraction.model import Extraction

from .copies import is_copy
from .documents import iso, story_date
from .story_features import cosine, story_terms, weights

CANDIDATES = 50
# Terms in the candidate query, heaviest first: bounds the clause count for a
# long article (the similarity itself uses every term).
MAX_QUERY_TERMS = 100
# Candidates this similar have their text compared for copying; a copy shares
# its whole lead, so it is far above any threshold worth using.
COPY_SCREEN = 0.5
_SOURCE = ["story_id", "outlet", "story_date", "copy_of"]


@dataclass(frozen=True)
class Scored:
    """One candidate article and how similar it is to the new one."""

    article_id: str
    story_id: str
    score: float
    same_outlet: bool


@dataclass
class StoryDecision:
    """Where an article goes: its story, the stories to merge into it, what it copies."""

    story_id: str
    merge: list[str] = field(default_factory=list)
    copy_of: str | None = None
    # Every candidate scored, for evaluation and tuning (not stored).
    scored: list[Scored] = field(default_factory=list)


def new_story_id(article: Article) -> str:
    """Deterministic, so re-processing an article that started a story recreates the same id."""
    return f"s-{article.id[:16]}"


def existing_assignment(
    es: Elasticsearch, settings: Settings, article_id: str
) -> tuple[str, str | None] | None:
    """(story_id, copy_of) of an already indexed article, else None."""
    resp = es.options(ignore_status=404).get(
        index=settings.index_name("articles"), id=article_id,
        source_includes=["story_id", "copy_of"],
    )
    source = resp.get("_source") or {}
    if not resp.get("found") or not source.get("story_id"):
        return None
    copy_of = source.get("copy_of")
    return str(source["story_id"]), str(copy_of) if copy_of else None


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
    settings: Settings, article: Article, heaviest: list[tuple[str, float]]
) -> dict[str, Any]:
    """Recall-oriented: anything in the window sharing one heavy term is a candidate."""
    ref = story_date(article)
    window = timedelta(days=settings.story_window_days)
    return {
        "bool": {
            "filter": [
                {"range": {"story_date": {"gte": iso(ref - window), "lte": iso(ref + window)}}},
                {"exists": {"field": "story_id"}},
            ],
            "must_not": [{"ids": {"values": [article.id]}}],
            "should": [{"term": {"story_terms": {"value": t, "boost": w}}} for t, w in heaviest],
            "minimum_should_match": 1,
        }
    }


def score_candidates(
    es: Elasticsearch, settings: Settings, article: Article, terms: list[str]
) -> tuple[list[Scored], dict[str, dict[str, Any]]]:
    """Candidates, best first, and their sources (story_id, outlet, story_date, copy_of)."""
    mine, docs = article_weights(es, settings, terms)
    if not mine:
        return [], {}
    heaviest = sorted(mine.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_QUERY_TERMS]
    hits = es.search(
        index=settings.index_name("articles"), query=candidate_query(settings, article, heaviest),
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
            same_outlet=source.get("outlet") == article.outlet,
        ))
    scored.sort(key=lambda s: (-s.score, s.article_id))
    return scored, sources


def find_copy(
    es: Elasticsearch, settings: Settings, article: Article, scored: list[Scored],
    sources: Mapping[str, Mapping[str, Any]],
) -> Scored | None:
    """The earliest indexed article this one is a near-duplicate of, if any."""
    close = [s for s in scored if s.score >= COPY_SCREEN]
    if not close or not article.text:
        return None
    texts = es.mget(index=settings.index_name("articles"), ids=[s.article_id for s in close],
                    source_includes=["text"])["docs"]
    text_of = {str(d["_id"]): str((d.get("_source") or {}).get("text") or "") for d in texts}
    copies = [s for s in close if is_copy(article.text, text_of.get(s.article_id, ""))]
    if not copies:
        return None
    return min(copies, key=lambda s: (str(sources[s.article_id].get("story_date")), s.article_id))


def decide(
    es: Elasticsearch, settings: Settings, article: Article, extraction: Extraction
) -> StoryDecision:
    """The story for a new article, the stories it proves to be the same, and its original.

    Candidates from the article's own outlet count only as copies: an outlet's
    pieces on a recurring topic share house vocabulary without sharing an event,
    and its several pieces on one event meet through other outlets' reports.
    """
    terms = story_terms(article, extraction)
    scored, sources = score_candidates(es, settings, article, terms)
    original = find_copy(es, settings, article, scored, sources)
    stories: dict[str, float] = {}
    for s in scored:
        if s.score >= settings.story_threshold and not s.same_outlet:
            stories[s.story_id] = max(stories.get(s.story_id, 0.0), s.score)
    if original is not None:
        stories[original.story_id] = max(stories.get(original.story_id, 0.0), original.score)
    copy_of = None
    if original is not None:
        root = sources[original.article_id].get("copy_of")
        copy_of = str(root) if root else original.article_id
    if not stories:
        return StoryDecision(new_story_id(article), copy_of=copy_of, scored=scored)
    survivor, *merge = sorted(stories, key=lambda s: (-_size(es, settings, s), s)) \
        if len(stories) > 1 else list(stories)
    return StoryDecision(survivor, merge=merge, copy_of=copy_of, scored=scored)


def _size(es: Elasticsearch, settings: Settings, story_id: str) -> int:
    return int(es.count(index=settings.index_name("articles"),
                        query={"term": {"story_id": story_id}})["count"])
