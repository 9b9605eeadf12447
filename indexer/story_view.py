"""The comparison view of one story, from its articles and claims. Pure; no requests.

Outlets are the columns; statements (matched claims) are the rows. Per outlet,
the entities and places that only it mentions show what each report adds or
leaves out, which is what a reader comparing outlets looks for first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .claim_matching import group_claims, matched_claim
from .documents import untag
from .models import ClaimHit, MatchedClaim, OutletColumn, Tagged


def _tagged(values: Sequence[str]) -> dict[str, Tagged]:
    out: dict[str, Tagged] = {}
    for value in values:
        key, label, name = [*untag(value), "", ""][:3]
        out.setdefault(key, Tagged(key=key, name=name or None, label=label or None))
    return out


def outlet_columns(articles: Sequence[Mapping[str, Any]]) -> list[OutletColumn]:
    """One column per outlet, in order of its first article, with what only it mentions.

    With a single outlet nothing is "only" its own: there is nothing to compare with.
    """
    outlets: dict[str, list[Mapping[str, Any]]] = {}
    for a in articles:
        outlets.setdefault(str(a["outlet"]), []).append(a)
    entities = {o: _tagged([t for a in arts for t in a.get("entity_tags") or []])
                for o, arts in outlets.items()}
    places = {o: _tagged([t for a in arts for t in a.get("location_tags") or []])
              for o, arts in outlets.items()}
    columns = []
    for outlet, arts in outlets.items():
        others = [o for o in outlets if o != outlet]
        only_e = [t for k, t in entities[outlet].items()
                  if others and not any(k in entities[o] for o in others)]
        only_p = [t for k, t in places[outlet].items()
                  if others and not any(k in places[o] for o in others)]
        columns.append(OutletColumn(outlet=outlet, article_ids=[str(a["id"]) for a in arts],
                                    only_entities=only_e, only_places=only_p))
    return columns


def story_statements(claims: Sequence[ClaimHit]) -> tuple[list[MatchedClaim],
                                                            list[MatchedClaim]]:
    """(statements two or more outlets carry, most outlets first; statements of one outlet),
    each list otherwise in order of first report."""
    groups = [matched_claim(g) for g in group_claims(claims)]
    shared = sorted((g for g in groups if len(g.outlets) > 1), key=lambda g: -len(g.outlets))
    return shared, [g for g in groups if len(g.outlets) == 1]
