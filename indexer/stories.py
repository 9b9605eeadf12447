"""Story assignment: which indexed stories, if any, a new article reports on.

Candidates and their similarities come from ``indexer.story_candidates``.
Whether a candidate reports the same event is decided here, on the tf-idf
cosine of the two term bags (``indexer.story_features``) against one threshold,
because a BM25 score depends on the index's size and content and cannot carry a
fixed threshold.

Linking is single-link: an article joins every story holding an article it
matches, so an article that matches two stories is the evidence that they are
one, and the writer merges them. Reports that quote the same words link
below the threshold too (``indexer.story_quotes``), as fully as above it. Dated
reports may also link below the threshold when they are each other's clear best
match across two outlets (``indexer.story_pairs``), but only an article nothing
else placed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.articles import Article
from crosswire.settings import Settings
from worker.extraction.model import Extraction

from .copies import is_copy
from .documents import story_date
from .story_candidates import Scored, score_near
from .story_features import quote_terms, story_terms
from .story_pairs import actors, paired
from .story_quotes import quoted

# Candidates this similar have their text compared for copying; a copy shares
# its whole lead, so it is far above any threshold worth using.
COPY_SCREEN = 0.5


@dataclass
class StoryDecision:
    """Where an article goes: its story, the stories to merge into it, what it copies."""

    story_id: str
    merge: list[str] = field(default_factory=list)
    copy_of: str | None = None
    # Every candidate scored, for evaluation and tuning (not stored).
    scored: list[Scored] = field(default_factory=list)
    # Candidates linked below the threshold as a mutual best match (indexer.story_pairs).
    paired: list[Scored] = field(default_factory=list)
    # Candidates linked below the threshold by a shared quotation (indexer.story_quotes).
    quoted: list[Scored] = field(default_factory=list)


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


def score_candidates(
    es: Elasticsearch, settings: Settings, article: Article, terms: list[str]
) -> tuple[list[Scored], dict[str, dict[str, Any]]]:
    """Candidates, best first, and their sources (story_id, outlet, dates, copy_of)."""
    return score_near(es, settings, terms, story_date(article), article.id, article.outlet)


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
    links = [s for s in scored if s.score >= settings.story_threshold and not s.same_outlet]
    links += [original] if original is not None else []
    quotes = quoted(es, settings, quote_terms(extraction), scored)
    links += quotes
    # Pairing places an article that no other link placed; it never
    # adds a second story to one that was: evidence this weak must not merge what
    # stronger evidence has already decided.
    pairs = [] if links else paired(es, settings, article, scored, sources,
                                    actors(e.key for e in extraction.entities))
    stories: dict[str, float] = {}
    for s in links + pairs:
        stories[s.story_id] = max(stories.get(s.story_id, 0.0), s.score)
    copy_of = None
    if original is not None:
        root = sources[original.article_id].get("copy_of")
        copy_of = str(root) if root else original.article_id
    if not stories:
        return StoryDecision(new_story_id(article), copy_of=copy_of, scored=scored)
    survivor, *merge = sorted(stories, key=lambda s: (-_size(es, settings, s), s)) \
        if len(stories) > 1 else list(stories)
    return StoryDecision(survivor, merge=merge, copy_of=copy_of, scored=scored, paired=pairs,
                         quoted=quotes)


def _size(es: Elasticsearch, settings: Settings, story_id: str) -> int:
    return int(es.count(index=settings.index_name("articles"),
                        query={"term": {"story_id": story_id}})["count"])
