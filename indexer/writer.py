"""Writing one article and its claims, with its story, as one idempotent unit."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.articles import Article
from crosswire.settings import Settings
from worker.extraction.model import Extraction

from .documents import article_document, claim_documents
from .stories import StoryDecision, decide, existing_assignment
from .story_docs import MAX_STORY_ARTICLES, story_operations, story_sources
from .story_features import quote_terms, story_terms

# Far above any real article's claim count; only bounds the stale-claims lookup.
_MAX_CLAIMS = 10_000


class IndexingError(RuntimeError):
    """Elasticsearch refused part of a bulk write; the task should fail and be retried."""

    def __init__(self, article_id: str, errors: list[dict[str, Any]]) -> None:
        self.article_id = article_id
        self.errors = errors
        first = errors[0] if errors else {}
        super().__init__(
            f"{len(errors)} bulk item(s) failed for article {article_id}; first: {first}"
        )


@dataclass(frozen=True)
class IndexResult:
    story_id: str
    claims_indexed: int
    # True when the article document did not exist before (not a re-run).
    created: bool
    copy_of: str | None = None
    # Stories merged into ``story_id`` by this article.
    merged: tuple[str, ...] = ()
    # The story decision, with every candidate's score (None on a re-run).
    decision: StoryDecision | None = None


def index_article(
    es: Elasticsearch,
    settings: Settings,
    article: Article,
    extraction: Extraction,
    story_lock: AbstractContextManager[object] | None = None,
) -> IndexResult:
    """Assign the article's story, merge the stories it bridges, write it with its claims.

    ``story_lock`` must be held by every process indexing articles (the worker
    passes a Redis lock): story search, merge and write then happen one article
    at a time, and every write refreshes the index, so two reports of one event
    arriving together still land in one story.

    Re-running with the same article is harmless: ids derive from the article id,
    an indexed article keeps its story and its original, and claims beyond the
    new count are deleted in the same bulk request that writes the rest.
    """
    with story_lock if story_lock is not None else nullcontext():
        existing = existing_assignment(es, settings, article.id)
        decision = (StoryDecision(existing[0], copy_of=existing[1]) if existing
                    else decide(es, settings, article, extraction))
        story_id = decision.story_id
        claims = claim_documents(article, extraction, story_id)
        stale = _stale_claim_ids(es, settings, article.id, len(claims))
        doc = article_document(article, extraction, story_id, datetime.now(UTC),
                               story_terms=story_terms(article, extraction),
                               quote_terms=quote_terms(extraction),
                               copy_of=decision.copy_of)
        # One request: the article, its claims, the merge's rewrites and the
        # stories' summaries (computed from the members as they will be).
        members = [s for story in [story_id, *decision.merge]
                   for s in story_sources(es, settings, story) if s.get("id") != article.id]
        operations = [*_operations(settings, doc, claims, stale),
                      *merge_operations(es, settings, decision.merge, story_id),
                      *story_operations(settings, {story_id: [*members, doc]}, decision.merge)]
        items = bulk(es, article.id, operations)
    created = items[0]["index"].get("result") == "created"
    return IndexResult(story_id=story_id, claims_indexed=len(claims), created=created,
                       copy_of=decision.copy_of, merged=tuple(decision.merge),
                       decision=None if existing else decision)


def bulk(es: Elasticsearch, article_id: str, operations: list[dict[str, Any]]
         ) -> list[dict[str, Any]]:
    """One bulk request, refreshed at once (the next story search must see it)."""
    if not operations:
        return []
    resp = es.bulk(operations=operations, refresh=True, require_alias=True)
    items: list[dict[str, Any]] = resp["items"]
    errors = [
        body for item in items for action, body in item.items()
        if body.get("error") and not (action == "delete" and body.get("status") == 404)
    ]
    if errors:
        raise IndexingError(article_id, errors)
    return items


def merge_operations(
    es: Elasticsearch, settings: Settings, merged: list[str], survivor: str
) -> list[dict[str, Any]]:
    """Bulk lines moving every article and claim of ``merged`` stories to ``survivor``.

    Search plus bulk updates rather than update-by-query, which needs scripting
    the minimal distribution lacks. Runs under the story lock, and every write
    refreshes, so the search sees every member.
    """
    if not merged:
        return []
    ops: list[dict[str, Any]] = []
    for base, limit in (("articles", MAX_STORY_ARTICLES), ("claims", _MAX_CLAIMS)):
        index = settings.index_name(base)
        hits = es.search(index=index, query={"terms": {"story_id": merged}}, size=limit,
                         source=False)["hits"]["hits"]
        for hit in hits:
            ops += [{"update": {"_index": index, "_id": hit["_id"]}},
                    {"doc": {"story_id": survivor}}]
    return ops


def _stale_claim_ids(
    es: Elasticsearch, settings: Settings, article_id: str, keep: int
) -> list[str]:
    """Ids of this article's claims numbered ``keep`` or above, left by an earlier run.

    Looked up and deleted explicitly (delete-by-query is not in every distribution);
    every earlier write waited for a refresh, so the search sees them all.
    """
    resp = es.search(
        index=settings.index_name("claims"),
        query={"bool": {"filter": [{"term": {"article_id": article_id}},
                                   {"range": {"n": {"gte": keep}}}]}},
        size=_MAX_CLAIMS,
        source=False,
    )
    return [str(hit["_id"]) for hit in resp["hits"]["hits"]]


def _operations(
    settings: Settings,
    article_doc: dict[str, Any],
    claims: list[dict[str, Any]],
    stale: list[str],
) -> list[dict[str, Any]]:
    """Bulk lines: the article first (its result says whether it was new), then claims."""
    articles = settings.index_name("articles")
    claims_index = settings.index_name("claims")
    ops: list[dict[str, Any]] = [{"index": {"_index": articles, "_id": article_doc["id"]}},
                                 article_doc]
    for doc in claims:
        ops += [{"index": {"_index": claims_index, "_id": doc["id"]}}, doc]
    ops += [{"delete": {"_index": claims_index, "_id": claim}} for claim in stale]
    return ops
