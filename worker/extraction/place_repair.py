"""Places the recogniser missed or mislabelled, recovered with the article's context.

The small model tags many small towns as organisations or people ("Pewaukee",
"Alexandria"), buries places in longer names ("Ohio Department of Health",
"Anderson County Sheriff") and leaves datelines untagged ("BELGRADE, Minn. --").
A recovered mention must fit where the article is: its country or state, or a
place the recogniser itself found.
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.extraction.aliases import get_aliases
from worker.extraction.entities import Mention
from worker.extraction.gazetteer import Gazetteer, Place
from worker.extraction.geo_context import Context, own_country
from worker.extraction.place_lookup import (
    PLACE_LABELS,
    REGION_WORDS,
    candidates_for,
    embedded,
    locative_frame,
    lookup_key,
)
from worker.extraction.text import fold, word_set
from worker.extraction.untagged_places import propose

# How much of the other names' probable readings must lie in a region before an
# unlabelled mention there is taken as a place (about one name's worth).
PLAUSIBLE_REGION = 0.5
SPEECH = word_set("say tell add ask explain note")
STREETS = word_set(
    """street st road rd drive dr avenue ave boulevard blvd lane ln way highway hwy
    parkway pkwy court ct place pl circle trail pike"""
)


def plausible(place: Place, key: str, ctx: Context) -> bool:
    """The article already points at this place's country or, via another name, region."""
    if place.country_code in ctx.countries:
        return True
    return bool(place.admin1) and ctx.support(place, key)[1] >= PLAUSIBLE_REGION


def _speakers(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Names that say or tell something somewhere in the article: people, not places.

    "Baker said", "Hughes told": one such use is enough to keep every mention of
    the name (tagged as a person or an organisation) from becoming a town.
    """
    out: set[str] = set()
    for m in mentions:
        if m.label in {"ORG", "PERSON"} and m.end < len(doc) and doc[m.end].lemma_ in SPEECH:
            out.add(lookup_key(m))
    return out


def _own_town(m: Mention, candidates: list[Place], ctx: Context) -> list[Place]:
    """Towns and counties called exactly this in the state the article is about.

    The recogniser often takes a small town's bare name for an organisation or a
    person ("Pewaukee", "Grovetown", "Alexandria"); in an article whose other
    places lie in that town's state, the name is the town.
    """
    key = lookup_key(m)
    names = {key, fold(m.text)}
    return [p for p in candidates if p.feature in {"PPL", "ADM2"} and fold(p.name) in names
            and p.admin1 and ctx.support(p, key)[1] >= PLAUSIBLE_REGION]


def promote(doc: Doc, mentions: list[Mention], found: dict[int, list[Place]],
             ctx: Context, gaz: Gazetteer, skip: set[int], named: set[str]
             ) -> list[tuple[int, Mention, list[Place]]]:
    """Places the recogniser labelled as organisations or people, or buried in names.

    A whole ORG/PERSON mention is a place when the article names the same place
    elsewhere, or when it sits in a locative frame and the article points at its
    country or region, or when it is exactly the name of a town in the article's
    state and no word of a longer personal name ("Henry" after "Chiquita Raquel
    Henry"); it is relabelled GPE in place. Otherwise a place a
    longer name is built on ("Ohio Department of Health", "the Henderson County
    Jail", "Anderson County Sheriff") yields that place as a new mention when it is
    a country or state, is named elsewhere, or lies where the article is; it comes
    back with the index of the mention it was found in. ``named`` holds the keys of
    the mentions the recogniser itself tagged as places.
    """
    speakers = _speakers(doc, mentions)
    # Words of longer personal names: "Henry" after "Chiquita Raquel Henry".
    people = {w for m in mentions if m.label == "PERSON" and m.end - m.start > 1
              for w in fold(m.text).split()}
    extra: list[tuple[int, Mention, list[Place]]] = []
    for i, m in enumerate(mentions):
        if i in found or i in skip or get_aliases().find(m.text):
            continue
        speaks = False
        if m.label in {"ORG", "PERSON"}:
            key = lookup_key(m)
            speaks = key in speakers
            if not speaks:
                # A person's or body's name is a country only where the article
                # names that country as a place too ("Ireland" said, beside
                # "in Ireland"): then it is the place named there.
                candidates = [p for p in candidates_for(doc, m, gaz)
                              if p.kind != "country" or key in named]
                local = [p for p in candidates if plausible(p, key, ctx)]
                framed = local and locative_frame(doc, m)
                own = _own_town(m, candidates, ctx) if key not in people else []
                if candidates and (key in named or framed or own):
                    found[i] = local or candidates
                    m.label = "GPE"
                    continue
        elif m.label not in PLACE_LABELS:
            continue
        inner = embedded(doc, m, gaz)
        if inner is None:
            continue
        sub, places = inner
        key = lookup_key(sub)
        county = fold(sub.text).split()[-1] in REGION_WORDS
        if not county and (m.label == "PERSON" or m.named_after_person
                           or fold(m.text).split()[-1] in STREETS):
            # "Marshall" in "R-Marshall" is a person, and so is "Lee" in "Lee
            # Academy" (see ``person_spans``); "Washington Drive" is a street;
            # "Anderson County Sheriff" and "Otter Tail County Road" name counties.
            continue
        areas = [p for p in places if p.feature in {"PCLI", "ADM1"} and fold(p.name) == key]
        if speaks and not (areas or county):
            # A speaking body is built on a town only in name ("the Justice
            # Department said"); a country, state or county in it is still a place
            # ("the Ministry of Foreign Affairs of Ukraine said", "the Anderson
            # County Sheriff's Office said").
            continue
        local = [p for p in places if plausible(p, key, ctx)]
        if key in named or areas or local:
            extra.append((i, sub, areas or local or places))
    return extra


def untagged(doc: Doc, mentions: list[Mention], extra: list[tuple[int, Mention, list[Place]]],
              ctx: Context, gaz: Gazetteer) -> list[tuple[int, Mention, list[Place]]]:
    """Datelines, party-and-home-town and "from <Town>" places the recogniser missed.

    A dateline is a place whatever the gazetteer offers for it; in the other
    frames only a country's own name ("between Canada, Mexico and ..."), or a
    town, county or state called exactly that and lying where the article is
    ("in Penacook" in a New Hampshire paper) or in the state named right after it
    ("Elbow Lake, Minn."), counts.
    """
    taken = {k for e in doc.ents for k in range(e.start, e.end)}
    taken |= {k for m in mentions for k in range(m.start, m.end)}
    taken |= {k for _, m, _ in extra for k in range(m.start, m.end)}
    out: list[tuple[int, Mention, list[Place]]] = []
    for proposal in propose(doc, taken):
        m = proposal.mention
        candidates = candidates_for(doc, m, gaz)
        if not proposal.dateline:
            key = lookup_key(m)
            states = _states_at(doc, proposal.state, gaz)
            country = own_country(key, candidates, ctx.home)
            candidates = [country] if country is not None else [
                p for p in candidates if fold(p.name) == key
                and p.feature in {"PPL", "ADM1", "ADM2"}
                and (plausible(p, key, ctx) or (p.country_code, p.admin1) in states)]
        if candidates:
            out.append((-1, m, candidates))
    return out


def _states_at(doc: Doc, index: int | None, gaz: Gazetteer) -> set[tuple[str, str]]:
    """(country, admin1) of the states or provinces the text at ``index`` names."""
    if index is None:
        return set()
    end = index + 1
    while end < len(doc) and end - index < 3 and (doc[end].text == "." or doc[end].is_title):
        end += 1
    out: set[tuple[str, str]] = set()
    for stop in range(end, index, -1):
        key = fold(doc[index:stop].text)
        out |= {(p.country_code, p.admin1) for p in gaz.lookup(key) if p.feature == "ADM1"}
        if out:
            break
    return out
