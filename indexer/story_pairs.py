"""Pairing: two dated reports that pick each other out of the other outlet's output.

Reports of one event by two outlets are sometimes worded so differently that
their similarity falls below ``story_threshold``, while still far above what
either shares with anything else its counterpart's outlet published in those
days. Lowering the threshold itself would link such pairs, but it also links
the same-topic pieces of one busy week and chains them into one story; a pair
is therefore linked below the threshold (down to ``story_pair_threshold``) only
when each article is the other's clear best match in the other's outlet: the
best by ``PAIR_MARGIN`` times the runner-up, both ways. When the outlet has no
runner-up in the window (nothing else of its output there shares a heavy term)
the lead is unbounded: in a sparse window a report's only counterpart is as
clear a choice as there can be. A busy outlet always has runners-up, so this
adds nothing to dense windows; on BASIL, whose triplets sit in otherwise empty
weeks, it links the off-angle reports that the threshold alone leaves apart.

A pair must also name a common actor (a person or organisation key): wording
this far below the threshold is shared by same-topic pieces of one week ("gay
marriage" in a family quarrel and in a tax ruling), while reports of one event
name who acted in it.

Only when both articles carry a publication date: the window then holds the
days the event was reported, where "the best match in that outlet" is the
outlet's report of it. Without dates the window is measured on submission
times, which may span anything, and an outlet that never covered the event
still has a best match.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.articles import Article
from crosswire.settings import Settings

from .story_candidates import Scored, score_near

# How far the best match must lead the runner-up in the same outlet, both ways.
PAIR_MARGIN = 2.0
# Entity kinds that name who acted in an event, for the common-actor test.
ACTOR_KINDS = ("person:", "org:")


def actors(keys: Iterable[str]) -> set[str]:
    """The person and organisation keys among entity ``keys``."""
    return {k for k in keys if k.startswith(ACTOR_KINDS)}


def paired(
    es: Elasticsearch, settings: Settings, article: Article, scored: list[Scored],
    sources: Mapping[str, Mapping[str, Any]], own_actors: set[str],
) -> list[Scored]:
    """Candidates below the threshold that are a mutual clear best match with ``article``.

    ``scored`` is best first; ``own_actors`` are the article's person and
    organisation keys. At most one per other outlet.
    """
    low, high = settings.story_pair_threshold, settings.story_threshold
    if article.published_at is None or low >= high:
        return []
    by_outlet: dict[str, list[Scored]] = {}
    for s in scored:
        if not s.same_outlet and sources[s.article_id].get("published_at"):
            by_outlet.setdefault(str(sources[s.article_id].get("outlet")), []).append(s)
    pairs = []
    for group in by_outlet.values():
        best = group[0]
        runner_up = group[1].score if len(group) > 1 else 0.0
        if not low <= best.score < high or best.score < PAIR_MARGIN * runner_up \
                or not own_actors & actors(sources[best.article_id].get("entities") or ()):
            continue
        if best.score >= PAIR_MARGIN * _rival(es, settings, best, sources[best.article_id],
                                              article.outlet):
            pairs.append(best)
    return pairs


def _rival(
    es: Elasticsearch, settings: Settings, candidate: Scored, source: Mapping[str, Any],
    outlet: str,
) -> float:
    """The candidate's best similarity to an indexed article of ``outlet`` (the new one's).

    0.0 when that outlet has no dated article near the candidate's date to compare.
    """
    terms = list(candidate.terms)
    ref = datetime.fromisoformat(str(source["story_date"]))
    rivals, rival_sources = score_near(es, settings, terms, ref, candidate.article_id,
                                       str(source.get("outlet")), outlet=outlet)
    dated = [r.score for r in rivals if rival_sources[r.article_id].get("published_at")]
    return max(dated, default=0.0)
