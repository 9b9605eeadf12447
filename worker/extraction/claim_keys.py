"""The entities and places a claim's content names.

A claim is searched for by what it is about ("what did officials say about
Aleppo?"), so each claim carries the keys of the entity and place mentions that
lie inside its content fragments. It works on the finished records, so it does
not depend on how entities and places were found.
"""

from __future__ import annotations

from collections.abc import Sequence

from worker.extraction.model import Claim, Entity, Location


def _inside(start: int, end: int, fragments: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in fragments)


def attach_keys(claims: list[Claim], entities: Sequence[Entity],
                locations: Sequence[Location]) -> list[Claim]:
    """Fill ``entity_keys`` and ``place_keys`` of each claim; returns ``claims``."""
    for claim in claims:
        frags = claim.content.fragments or [(claim.content.start, claim.content.end)]
        claim.entity_keys = list(dict.fromkeys(
            e.key for e in entities if e.key and _inside(e.start, e.end, frags)))
        claim.place_keys = list(dict.fromkeys(
            p.key for p in locations if p.key and _inside(p.start, p.end, frags)))
    return claims
