"""Place mentions resolved to gazetteer entries, disambiguated by the article.

Most place names are ambiguous ("Damascus" is also a town in Maryland; "Homs"
folds to a Libyan city's alternative name too). News articles anchor their places:
they name the country, use its demonym ("Syrian forces"), or list several places
of one country. So each candidate is scored by how strongly the article
mentions the candidate's country, with population only as the tie-breaker and
an exact country name winning outright.

The recogniser sometimes tags a small place as an organisation ("Homs
countryside" -> ORG); such a mention is taken as a place when it names a place in
one of the article's countries and sits in a locative frame (after "in", "near",
...; before "province", "countryside", ...).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from worker.extraction.aliases import get_aliases
from worker.extraction.entities import Mention
from worker.extraction.gazetteer import Gazetteer, Place
from worker.extraction.model import Location, PlaceKind
from worker.extraction.text import fold, word_set

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words naming an area around a place: "Homs province", "the region of Hama".
REGION_WORDS = word_set(
    """province provinces governorate region regions countryside district county
    oblast prefecture state territory area outskirts"""
)
LOCATIVE = word_set("in near from outside around across at into inside toward towards")


@dataclass(frozen=True, slots=True)
class Resolved:
    mention: Mention
    place: Place
    kind: PlaceKind


def _lookup_key(mention: Mention) -> str:
    entry = get_aliases().find(mention.text)
    name = entry.name if entry is not None else mention.text
    words = fold(name).split()
    while len(words) > 1 and words[-1] in REGION_WORDS:
        words = words[:-1]
    return " ".join(words)


def _region_frame(doc: Doc, mention: Mention) -> bool:
    """True for "Homs province", "Idlib region", "the region of Hama"."""
    if fold(mention.text).split()[-1:] and fold(mention.text).split()[-1] in REGION_WORDS:
        return True
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and after.lower_ in REGION_WORDS:
        return True
    # "Idlib and Hama countryside": a region word after a coordinated place.
    if after is not None and after.lower_ in {"and", "or", ","} and mention.end + 2 < len(doc):
        nxt = doc[mention.end + 2]
        if nxt.lower_ in REGION_WORDS:
            return True
    before = doc[mention.start - 2 : mention.start] if mention.start >= 2 else None
    return before is not None and before[1].lower_ == "of" and before[0].lower_ in REGION_WORDS


def _locative_frame(doc: Doc, mention: Mention) -> bool:
    if _region_frame(doc, mention):
        return True
    i = mention.start - 1
    while i >= 0 and (doc[i].lower_ in {"the", "northern", "southern", "eastern", "western",
                                         "central", "and", ","} or doc[i].ent_type_):
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE


def context_countries(mentions: list[Mention], gaz: Gazetteer) -> Counter[str]:
    """How strongly the article is about each country: its names and demonyms."""
    weights: Counter[str] = Counter()
    for m in mentions:
        key = _lookup_key(m)
        if m.label in PLACE_LABELS:
            for place in gaz.lookup(key):
                if place.kind == "country":
                    weights[place.country_code] += 2
        elif m.label == "NORP":
            cc = gaz.demonyms.get(key) or gaz.demonyms.get(key.removesuffix("s"))
            if cc:
                weights[cc] += 1
    return weights


def _score(place: Place, key: str, context: Counter[str], total: int) -> float:
    score = math.log10(place.population + 10) / 2
    if place.kind == "country":
        score += 6
    if context and place.country_code in context:
        score += 2 + 4 * context[place.country_code] / total
    if fold(place.name) == key:
        score += 0.5
    return score


def choose(candidates: list[Place], key: str, context: Counter[str]) -> Place:
    total = sum(context.values()) or 1
    return max(candidates, key=lambda p: _score(p, key, context, total))


def resolve(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Resolved]:
    """Resolve place mentions; promote ORG/PERSON mentions that are local places.

    Promoted mentions have their label changed to GPE in place.
    """
    context = context_countries(mentions, gaz)
    out: list[Resolved] = []
    for m in mentions:
        key = _lookup_key(m)
        candidates = gaz.lookup(key)
        if not candidates:
            continue
        if m.label not in PLACE_LABELS:
            if m.label not in {"ORG", "PERSON"} or get_aliases().find(m.text):
                continue
            local = [p for p in candidates if p.country_code in context and p.kind != "country"]
            if not local or not _locative_frame(doc, m):
                continue
            candidates = local
            m.label = "GPE"
        place = choose(candidates, key, context)
        kind: PlaceKind = place.kind
        if kind in {"city", "place"} and _region_frame(doc, m):
            kind = "region"
        out.append(Resolved(m, place, kind))
    return out


def to_location(resolved: Resolved) -> Location:
    m, p = resolved.mention, resolved.place
    return Location(
        text=m.text, start=m.start_char, end=m.end_char, name=p.name, kind=resolved.kind,
        lat=p.lat, lon=p.lon, country_code=p.country_code, geonames_id=p.geonames_id,
        region=p.region, key=f"geo:{p.geonames_id}",
    )
