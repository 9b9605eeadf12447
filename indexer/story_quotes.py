"""Quote links: two reports that quote the same words link below the threshold.

Outlets covering one event from different angles (the hearing, and the
scrutiny of one witness at it; the debate, and one candidate's performance in
it) share few title and lead words, and their similarity falls below
``story_threshold``, among the scores of same-subject pieces about other events.
What they do share is the event's quotations: they quote the same sentence.
A candidate of another outlet therefore links from ``story_quote_threshold``
up when the two articles' direct quotations share a run of
``story_features.QUOTE_WORDS`` words that at most ``QUOTE_MAX_DOCS`` indexed
articles carry. The rarity test keeps out the lines that are quoted again and
again (a slogan, a famous phrase, a tweet every outlet cites for weeks): those
say which subject a piece is on, not which event it reports. The similarity
floor keeps out a quotation recycled into an unrelated piece.

Unlike pairing (``indexer.story_pairs``), this does not need publication dates:
the shared quotation is the evidence, wherever the window lies. A quote link
counts as a link in full, so an article quoting what two stories quote merges
them, as one above the threshold does.
"""

from __future__ import annotations

from collections.abc import Sequence

from elasticsearch import Elasticsearch

from crosswire.settings import Settings

from .story_candidates import Scored

# Indexed articles (the new one included) that may carry a quoted word run for
# it to still identify an event: an event's own reports, not a line quoted for weeks.
QUOTE_MAX_DOCS = 5


def quoted(
    es: Elasticsearch, settings: Settings, quote_terms: Sequence[str], scored: Sequence[Scored],
) -> list[Scored]:
    """Candidates below the threshold, of other outlets, sharing a rare quotation with the article.

    ``quote_terms`` are the new article's (``story_features.quote_terms``);
    ``scored`` its candidates.
    """
    low, high = settings.story_quote_threshold, settings.story_threshold
    near = [s for s in scored if not s.same_outlet and low <= s.score < high]
    if not near or not quote_terms:
        return []
    docs = es.mget(index=settings.index_name("articles"), ids=[s.article_id for s in near],
                   source_includes=["quote_terms"])["docs"]
    theirs: dict[str, set[str]] = {
        str(d["_id"]): set((d.get("_source") or {}).get("quote_terms") or ()) for d in docs}
    # Most articles share no quotation with any near candidate: rarity is then
    # never asked, and the check costs one read.
    carried: set[str] = set().union(*theirs.values())
    shared = set(quote_terms) & carried
    if not shared:
        return []
    rare = _rare(es, settings, sorted(shared))
    return [s for s in near if rare & theirs.get(s.article_id, set())]


def _rare(es: Elasticsearch, settings: Settings, terms: Sequence[str]) -> set[str]:
    """Those of ``terms`` that few indexed articles carry (the new one not yet among them)."""
    resp = es.termvectors(
        index=settings.index_name("articles"), doc={"quote_terms": list(terms)},
        fields=["quote_terms"], term_statistics=True, field_statistics=False,
        positions=False, offsets=False,
    ).body
    found = ((resp.get("term_vectors") or {}).get("quote_terms") or {}).get("terms") or {}
    return {t for t, v in found.items() if int(v.get("doc_freq", 0)) + 1 <= QUOTE_MAX_DOCS}
