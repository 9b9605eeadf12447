"""The ``stories`` document: a story's summary, rebuilt from its articles on every change.

Rebuilt whole rather than patched: a merge or a recompute changes membership
arbitrarily, and recomputing a summary from a few hundred small sources at
most is cheaper than keeping incremental counts right under every change.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.settings import Settings

from .documents import claim_id, iso, untag

MAX_STORY_ARTICLES = 1000
TOP_KEYS = 10
SOURCE = ["id", "title", "outlet", "published_at", "story_date", "entity_tags",
          "location_tags", "speakers", "claim_count", "story_terms", "copy_of"]


def central(sources: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The article sharing most with the rest: cosine of its terms to the story's term counts.

    Originals are preferred over copies (a copy's title is often a reworded
    headline of the same text); ties go to the earliest, then the smallest id.
    """
    counts: Counter[str] = Counter()
    for s in sources:
        counts.update(set(s.get("story_terms") or []))
    norm = math.sqrt(sum(n * n for n in counts.values())) or 1.0

    def key(s: Mapping[str, Any]) -> tuple[bool, float, str, str]:
        terms = set(s.get("story_terms") or [])
        score = sum(counts[t] - 1 for t in terms) / (math.sqrt(len(terms) or 1) * norm)
        return (bool(s.get("copy_of")), -score, str(s.get("story_date")), str(s.get("id")))

    return min(sources, key=key)


def _top(values: Iterable[list[str]]) -> list[str]:
    counts: Counter[str] = Counter(v for vs in values for v in dict.fromkeys(vs))
    return [v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_KEYS]]


def _bounds(values: Iterable[Any]) -> tuple[str | None, str | None]:
    present = sorted(str(v) for v in values if v)
    return (present[0], present[-1]) if present else (None, None)


def story_document(story_id: str, sources: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The summary of a story from its articles' sources (fields in ``SOURCE``)."""
    top = central(sources)
    ordered = sorted(sources, key=lambda s: (str(s.get("story_date")), str(s.get("id"))))
    entity_tags = _top(s.get("entity_tags") or [] for s in sources)
    location_tags = _top(s.get("location_tags") or [] for s in sources)
    first_pub, last_pub = _bounds(s.get("published_at") for s in sources)
    first, last = _bounds(s.get("story_date") for s in sources)
    claims = [claim_id(str(s["id"]), n) for s in ordered for n in range(int(s.get("claim_count")
                                                                              or 0))]
    return {
        "id": story_id,
        "title": top.get("title"),
        "central_article_id": top.get("id"),
        "first_published_at": first_pub,
        "last_published_at": last_pub,
        "first_date": first,
        "last_date": last,
        "outlets": list(dict.fromkeys(str(s.get("outlet")) for s in ordered)),
        "article_ids": [str(s["id"]) for s in ordered],
        "article_count": len(sources),
        "copy_count": sum(1 for s in sources if s.get("copy_of")),
        "entities": [untag(t)[0] for t in entity_tags],
        "entity_tags": entity_tags,
        "places": [untag(t)[0] for t in location_tags],
        "location_tags": location_tags,
        "speakers": _top(s.get("speakers") or [] for s in sources),
        "claim_ids": claims,
        "claim_count": len(claims),
        "updated_at": iso(datetime.now(UTC)),
    }


def story_sources(es: Elasticsearch, settings: Settings, story_id: str) -> list[dict[str, Any]]:
    hits = es.search(
        index=settings.index_name("articles"), query={"term": {"story_id": story_id}},
        size=MAX_STORY_ARTICLES, source_includes=SOURCE,
    )["hits"]["hits"]
    return [h["_source"] for h in hits]


def story_operations(
    settings: Settings, members: Mapping[str, Sequence[Mapping[str, Any]]],
    gone: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Bulk lines writing each story's summary from its members, deleting ``gone`` stories.

    A story without members is deleted too (recompute can empty one).
    """
    index = settings.index_name("stories")
    ops: list[dict[str, Any]] = []
    for story, sources in members.items():
        if sources:
            ops += [{"index": {"_index": index, "_id": story}}, story_document(story, sources)]
        else:
            ops.append({"delete": {"_index": index, "_id": story}})
    ops += [{"delete": {"_index": index, "_id": story}} for story in gone if story not in members]
    return ops
