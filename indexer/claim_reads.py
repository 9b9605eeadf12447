"""Claims as read for search: each story's claims on a page, and search over claims.

Matched claims are grouped here, on the claims just read (see ``claim_matching``
for why groups are not stored).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.settings import Settings

from .claim_matching import group_claims, matched_claim, report_order
from .models import (
    ClaimHit,
    ClaimSearchParams,
    ClaimSearchResult,
    MatchedClaim,
    SearchParams,
)
from .search_query import ci_term, sqs

CLAIMS_PER_STORY = 5
MATCHED_PER_STORY = 5
# Claims of one story read to group it on a search page: the best by the query,
# then direct quotes; a story with more keeps its best-matching ones.
STORY_CLAIM_POOL = 300
# Claim hits grouped by a claim search, best first; pages are cut from these
# groups, so every page of one search is cut from the same grouping.
CLAIM_POOL = 500
# Claims of the stories on a claim-search page read to complete its statements.
MAX_COMPLETION = 5000
CLAIM_SOURCE = list(ClaimHit.model_fields)
_CLAIM_SORT: list[Any] = ["_score", {"direct": "desc"},
                          {"published_at": {"order": "asc", "missing": "_last"}},
                          {"article_id": "asc"}, {"n": "asc"}]


def _scoring(q: str | None, speaker: str | None) -> list[dict[str, Any]]:
    should: list[dict[str, Any]] = []
    if q:
        should.append(sqs(q, ["content", "speaker", "speaker_name"]))
    if speaker:
        should += [ci_term("speaker_key", speaker), ci_term("speaker_name.keyword", speaker)]
    return should


def story_claim_pools(
    es: Elasticsearch, settings: Settings, story_ids: list[str], params: SearchParams | None
) -> dict[str, tuple[list[ClaimHit], list[MatchedClaim]]]:
    """Per story: its first claims (query or speaker matches first, then direct quotes,
    then text order) and its matched claims, in one round trip."""
    if not story_ids:
        return {}
    should = _scoring(params.q, params.speaker) if params else []
    searches: list[dict[str, Any]] = []
    for story in story_ids:
        searches += [{"index": settings.index_name("claims")},
                     {"query": {"bool": {"filter": [{"term": {"story_id": story}}],
                                         "should": should}},
                      "size": STORY_CLAIM_POOL, "sort": _CLAIM_SORT, "track_scores": True,
                      "_source": CLAIM_SOURCE}]
    out: dict[str, tuple[list[ClaimHit], list[MatchedClaim]]] = {}
    for story, resp in zip(story_ids, es.msearch(searches=searches)["responses"], strict=True):
        if "error" in resp:
            raise RuntimeError(f"claims of story {story}: {resp['error']}")
        scored = [(ClaimHit(**h["_source"]), float(h["_score"] or 0.0))
                  for h in resp["hits"]["hits"]]
        out[story] = ([c for c, _ in scored[:CLAIMS_PER_STORY]],
                      ranked_groups(scored)[:MATCHED_PER_STORY])
    return out


def ranked_groups(scored: Sequence[tuple[ClaimHit, float]]) -> list[MatchedClaim]:
    """Matched claims, best first: best member's score, then outlets carrying it,
    then direct quotes, then earliest report."""
    by_id = {c.id: s for c, s in scored}
    groups = [matched_claim(g, max(by_id[c.id] for c in g))
              for g in group_claims([c for c, _ in scored])]
    order = {m.id: n for n, m in enumerate(groups)}
    return sorted(groups, key=lambda m: (-(m.score or 0.0), -len(m.outlets), not m.direct,
                                         order[m.id]))


def claim_query(params: ClaimSearchParams) -> dict[str, Any]:
    must: list[dict[str, Any]] = []
    filters: list[dict[str, Any]] = []
    if params.q:
        must.append(sqs(params.q, ["content^2", "speaker", "speaker_name"]))
    if params.speaker:
        filters.append({"bool": {"should": [
            ci_term("speaker_key", params.speaker), ci_term("speaker_name.keyword", params.speaker),
            ci_term("speaker.keyword", params.speaker)], "minimum_should_match": 1}})
    if params.outlet:
        filters.append({"terms": {"outlet": params.outlet}})
    if params.story_id:
        filters.append({"term": {"story_id": params.story_id}})
    return {"bool": {"must": must, "filter": filters}}


def search_claims(es: Elasticsearch, settings: Settings,
                  params: ClaimSearchParams) -> ClaimSearchResult:
    """Claims matching, grouped into matched claims (across stories), best group first,
    each wording with its article's title and link."""
    resp = es.search(index=settings.index_name("claims"), query=claim_query(params),
                     size=CLAIM_POOL, sort=[*_CLAIM_SORT, {"id": "asc"}], track_scores=True,
                     source_includes=CLAIM_SOURCE, track_total_hits=True)
    scored = [(ClaimHit(**h["_source"]), float(h["_score"] or 0.0))
              for h in resp["hits"]["hits"]]
    groups = ranked_groups(scored)
    offset = (params.page - 1) * params.size
    page = _complete(es, settings, params, groups[offset: offset + params.size])
    _add_articles(es, settings, page)
    return ClaimSearchResult(total_claims=int(resp["hits"]["total"]["value"]),
                             total=len(groups), claims=page)


def _complete(es: Elasticsearch, settings: Settings, params: ClaimSearchParams,
              page: list[MatchedClaim]) -> list[MatchedClaim]:
    """The page's statements with every wording of them in their stories, also those
    that do not share the query's words (another outlet's paraphrase): the query
    finds a statement, the statement then shows every outlet's version of it."""
    stories = sorted({w.story_id for m in page for w in m.wordings if w.story_id})
    if not stories:
        return page
    filters: list[dict[str, Any]] = [{"terms": {"story_id": stories}}]
    if params.outlet:
        filters.append({"terms": {"outlet": params.outlet}})
    resp = es.search(index=settings.index_name("claims"), query={"bool": {"filter": filters}},
                     size=MAX_COMPLETION, sort=[{"id": "asc"}], source_includes=CLAIM_SOURCE)
    hits = {h["_source"]["id"]: ClaimHit(**h["_source"]) for h in resp["hits"]["hits"]}
    by_story: dict[str, list[ClaimHit]] = {}
    for c in hits.values():
        by_story.setdefault(c.story_id or "", []).append(c)
    grouped = {story: group_claims(claims) for story, claims in by_story.items()}
    out: list[MatchedClaim] = []
    taken: set[str] = set()
    for m in page:
        ids = {w.claim_id for w in m.wordings}
        lead = m.wordings[0]
        regrouped = next((g for g in grouped.get(lead.story_id or "", [])
                          if any(c.id == lead.claim_id for c in g)), [])
        ids |= {c.id for c in regrouped}
        ids -= taken
        if not ids:
            continue  # the statement is already on the page, under another group
        taken |= ids
        members = [hits[i] for i in ids if i in hits]
        out.append(matched_claim(sorted(members, key=report_order), m.score)
                   if len(members) == len(ids) else m)
    return out


def _add_articles(es: Elasticsearch, settings: Settings, groups: list[MatchedClaim]) -> None:
    ids = list(dict.fromkeys(w.article_id for g in groups for w in g.wordings))
    if not ids:
        return
    docs = es.mget(index=settings.index_name("articles"), ids=ids,
                   source_includes=["title", "url"])["docs"]
    found = {d["_id"]: d["_source"] for d in docs if d.get("found")}
    for g in groups:
        for w in g.wordings:
            source = found.get(w.article_id, {})
            w.title, w.url = source.get("title"), source.get("url")
