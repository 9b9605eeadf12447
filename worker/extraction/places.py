"""Place mentions resolved to gazetteer entries, disambiguated by the article.

Most place names are ambiguous ("Damascus" is also a town in Maryland; "Homs"
is a city and the province around it). News articles anchor their places: they
name the country, use its demonym ("Syrian forces"), list several places of one
state, or qualify a town by its state ("Alexandria, Louisiana"). Candidates are
scored on that evidence (see ``geo_context``), with population only as a weak
prior; the wording picks the level ("Homs province" and "the region of Hama" are
the provinces, bare "Homs" the city).

Turning a mention into candidates is ``place_lookup``'s part; places the
recogniser missed or mislabelled ("Homs countryside" tagged as an organisation,
datelines, towns inside longer names) are recovered in ``place_repair``, and a
second look at them is taken once the first has shown where the article is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from worker.extraction.entities import Mention
from worker.extraction.gazetteer import Gazetteer, Place
from worker.extraction.geo_context import (
    ANCHOR_POPULATION,
    DWARFED,
    FAMOUS,
    METROPOLIS,
    NEAR_ENOUGH,
    OVERSHADOWED,
    Context,
    outlet_country,
    outlet_homes,
    own_country,
    score,
    sole_reading,
)
from worker.extraction.given_names import is_given_name
from worker.extraction.model import Location, PlaceKind
from worker.extraction.place_lookup import (
    PLACE_LABELS,
    candidates_for,
    demonym,
    locative_frame,
    lookup_key,
    named_after,
    people_of_region,
    people_word,
    place_word_frame,
    region_frame,
)
from worker.extraction.place_repair import (
    BIG_TOWN,
    PLAUSIBLE_REGION,
    plausible,
    promote,
    untagged,
)
from worker.extraction.text import fold
from worker.extraction.untagged_places import based_after, is_dateline

# Names' worth of the article's other places in one state that make it where the
# article mostly is, beyond naming the state once in a list.
STATE_OF_THE_ARTICLE = 2.0


@dataclass(frozen=True, slots=True)
class Resolved:
    mention: Mention
    place: Place
    kind: PlaceKind


def _explicit_countries(mentions: list[Mention], gaz: Gazetteer, outlet: str | None
                        ) -> Counter[str]:
    """Countries the article names or whose people it names, plus the outlet's."""
    weights: Counter[str] = Counter()
    for m in mentions:
        key = lookup_key(m)
        if m.label in PLACE_LABELS:
            found = gaz.lookup(key)
            people = people_word(key, found, gaz)
            if people is not None or not found:
                # A demonym given or tagged as a place ("Palestinian", "Kazakh").
                if people is not None:
                    weights[people] += 1
                continue
            countries = {p.country_code for p in found if p.kind == "country"}
            # "Georgia" is as often the state: a country named like another
            # country's state is left to the article's other places to settle.
            if any(p.feature == "ADM1" and p.country_code not in countries for p in found):
                continue
            for cc in countries:
                weights[cc] += 2
        elif m.label == "NORP":
            people = demonym(key, gaz)
            if people:
                weights[people] += 1
    home = outlet_country(outlet, gaz)
    if home:
        weights[home] += 2
    return weights


def _qualified(doc: Doc, m: Mention, candidates: list[Place], by_start: dict[int, Mention],
               gaz: Gazetteer) -> list[Place]:
    """Keep the candidates inside the state or country named right after a comma."""
    if m.end + 1 >= len(doc) or doc[m.end].text != ",":
        return candidates
    qualifier = by_start.get(m.end + 1)
    if qualifier is None:
        return candidates
    qualifier_places = gaz.lookup(lookup_key(qualifier))
    areas = [p for p in qualifier_places if p.feature in {"PCLI", "ADM1"}]
    if own_country(lookup_key(m), candidates, None) is not None and (
            own_country(lookup_key(qualifier), qualifier_places, None) is not None
            or all(a.feature == "PCLI" for a in areas)):
        # "between Canada, Mexico and ...", "Egypt, Russia, America, Pakistan": a
        # country after a country, whatever it is called there, is a list.
        return candidates
    # A place is not qualified by itself: "New York, N.Y." is the city.
    own = {a.geonames_id for a in areas}
    inside = [c for c in candidates if c.geonames_id not in own and any(
        c.country_code == a.country_code and (a.feature == "PCLI" or c.admin1 == a.admin1)
        for a in areas)]
    return inside or candidates


def context_countries(mentions: list[Mention], gaz: Gazetteer) -> Counter[str]:
    """How strongly the article is about each country: its names and demonyms."""
    return _explicit_countries(mentions, gaz, None)


def _context(mentions: list[Mention], found: dict[int, list[Place]], gaz: Gazetteer,
             outlet: str | None) -> Context:
    named: dict[str, list[Place]] = {}
    for i, candidates in found.items():
        named.setdefault(lookup_key(mentions[i]), candidates)
    home = next((key for key in outlet_homes(outlet, gaz) if key in named), None)
    # A local paper's "Jordan" is its town, no evidence for the country.
    counted = [m for m in mentions if home is None or lookup_key(m) != home]
    ctx = Context(countries=_explicit_countries(counted, gaz, outlet), home=home,
                  outlet=outlet_country(outlet, gaz), capitals=gaz.capitals)
    ctx.settle(named)
    return ctx


def choose(candidates: list[Place], key: str, ctx: Context, region_word: bool = False
           ) -> Place:
    """The best candidate; a bare name shared by a province and its city is the city.

    A country's own name is the country (see ``own_country``), and a state's
    the state (``own_state``), whatever towns elsewhere are called so.
    Only a city known by that very name counts: "New York" is the state as often
    as the city, whose own name is "New York City". A region reached only by
    another of its names loses to a city of the country called exactly that: bare
    "Moscow" is the city, not "Moskovskaya oblast'" (also "Moscow Oblast"); a
    village does not take the name from its province ("Hebei" is Hebei Sheng,
    not the hamlet called Hebei near Beijing). And a region named like its
    country's capital is left to the wording: bare "Washington" is the capital,
    "Washington state" the state. A capital whose country the article names, or
    the outlet's country is, wins outright (``named_capital``).
    """
    if not region_word:
        area = sole_reading(key, candidates, ctx)
        if area is not None:
            return area
        exact = [p for p in candidates if p.feature == "PPL" and fold(p.name) == key]
        towns = {(p.country_code, p.admin1) for p in exact}
        city_countries = {p.country_code for p in exact if p.population >= ANCHOR_POPULATION}
        capital_countries = {p.country_code for p in exact if p.geonames_id in ctx.capitals}
        city_size = max((p.population for p in exact if p.country_code in city_countries),
                        default=0)
        narrowed = [p for p in candidates if p.feature not in {"ADM1", "ADM2"}
                    or not ((p.country_code, p.admin1) in towns
                            or (p.feature == "ADM1" and p.country_code in city_countries
                                and fold(p.name) != key)
                            or p.country_code in capital_countries
                            or _lesser_province_abroad(p, key, city_size, ctx))]
        candidates = narrowed or candidates
    return max(candidates, key=lambda p: score(p, key, ctx, region_word))


def _lesser_province_abroad(place: Place, key: str, city_size: int, ctx: Context) -> bool:
    """Whether ``place`` is a province abroad called exactly like a big city
    (``city_size`` people) and no bigger than it, in a country the article does
    not point to: bare "Gaza" is the city of the Gaza Strip, not Mozambique's
    province of that name, which only its regional bonus would otherwise carry.
    Naming Mozambique, or a region word ("Gaza province"), still reaches it."""
    return (place.feature == "ADM1" and city_size >= ANCHOR_POPULATION
            and fold(place.name) == key and place.population <= city_size
            and not ctx.points_to(place.country_code, key))


def _place_for(doc: Doc, m: Mention, candidates: list[Place], ctx: Context,
               region_word: bool) -> Place:
    """The candidate a mention names. A dateline names where the story was filed
    from: a town, never the state or county of that name ("NEW YORK, March 3" is
    the city); a national capital if one is called so; otherwise which town is
    left to the article as for any name, since a local paper's "HAMILTON --" is
    the nearby one."""
    key = lookup_key(m)
    if is_dateline(doc, m.start, m.end):
        towns = [p for p in candidates if p.feature == "PPL"] or candidates
        # A big national capital's name in a dateline is the capital: wires
        # date from it, and a paper in a namesake writes "WASHINGTON, Ill." (a
        # qualified dateline has only the namesake left by now). Bermuda's
        # Hamilton is no such capital for a paper in Ohio.
        capital = next((p for p in towns if ctx.capital_called(p, key)
                        and p.population >= FAMOUS), None)
        return capital or choose(towns, key, ctx)
    if based_after(doc, m.end):
        candidates = _where_based(candidates, key, ctx)
    return choose(candidates, key, ctx, region_word)


def _where_based(candidates: list[Place], key: str, ctx: Context) -> list[Place]:
    """Where a company or group is "X-based": the famous town called X.

    Organisations are based in cities, and in the big one of a name: "a
    Toronto-based bank" in a report whose list of states names Ohio is not in
    Toronto, Ohio, nor "a Dallas-based firm" in Dallas County, Missouri, and "a
    New York-based group" is in the city, not the state. A namesake with the
    article's other places around it, or the local paper's own town, keeps its
    chance; countries ("Georgia-based") are left to the usual reading.
    """
    if key == ctx.home or any(p.feature == "PCLI" for p in candidates):
        return candidates
    towns = [p for p in candidates if p.feature == "PPL"
             and (fold(p.name) == key or p.population >= METROPOLIS)]
    big = max(towns, key=lambda p: p.population, default=None)
    if big is None or big.population < FAMOUS:
        return candidates
    return [p for p in candidates if p is big or _based_here(p, key, big, ctx)]


def _based_here(place: Place, key: str, big: Place, ctx: Context) -> bool:
    """Whether a namesake of the famous town may still be where something is based:
    a town of a fifth its size or more, one with the article's places around it,
    or one in the state where the article mostly is ("a Portland-based firm with
    offices in Bangor and Augusta, Maine"), unless a hundred times smaller."""
    _, region, near = ctx.support(place, key)
    return ((place.feature == "PPL" and OVERSHADOWED * place.population >= big.population)
            or near >= NEAR_ENOUGH
            or (region >= STATE_OF_THE_ARTICLE
                and DWARFED * place.population >= big.population))


def _kind(place: Place, region_word: bool) -> PlaceKind:
    if place.kind in {"city", "place"} and region_word:
        return "region"
    return place.kind


def resolve(doc: Doc, mentions: list[Mention], gaz: Gazetteer, outlet: str | None = None
            ) -> list[Resolved]:
    """Resolve place mentions, including places the recogniser mislabelled.

    Promoted mentions have their label changed to GPE in place; places found
    inside organisation names come back as new mentions (not in ``mentions``).
    """
    found: dict[int, list[Place]] = {}
    persons = {lookup_key(m) for m in mentions if m.label == "PERSON"}
    for i, m in enumerate(mentions):
        if m.label in PLACE_LABELS:
            candidates = candidates_for(doc, m, gaz)
            if candidates and not _character(doc, m, candidates, persons):
                found[i] = candidates
    ctx = _context(mentions, found, gaz, outlet)
    labelled = len(found)
    found |= _named_after(mentions, found, ctx, gaz)
    named = {lookup_key(mentions[i]) for i in found}
    extra = promote(doc, mentions, found, ctx, gaz, set(), named)
    extra += untagged(doc, mentions, extra, ctx, gaz)
    if extra or len(found) > labelled:
        # What the first look found is context for a second: "Parkers Prairie"
        # (tagged as an organisation) beside "Minnesota Highway Safety Center".
        every = mentions + [sub for _, sub, _ in extra]
        with_extra = found | {len(mentions) + j: p for j, (_, _, p) in enumerate(extra)}
        ctx = _context(every, with_extra, gaz, outlet)
        # A name that a word around it called a place ("Gambella region") is one
        # in its other mentions too ("from Gambella").
        named |= {lookup_key(mentions[i]) for i in found if place_word_frame(doc, mentions[i])}
        extra += promote(doc, mentions, found, ctx, gaz, {i for i, _, _ in extra}, named)
    by_start = {m.start: m for m in mentions if m.label in PLACE_LABELS}
    # A state or country the recogniser missed still qualifies the town before
    # it ("MELBOURNE, AUSTRALIA").
    by_start |= {sub.start: sub for _, sub, _ in extra if sub.start not in by_start}
    pairs = [(mentions[i], found[i]) for i in sorted(found)]
    pairs += [(sub, places) for _, sub, places in extra]
    out: list[Resolved] = []
    for m, candidates in sorted(pairs, key=lambda pair: pair[0].start):
        region_word = region_frame(doc, m)
        candidates = _qualified(doc, m, candidates, by_start, gaz)
        place = _place_for(doc, m, candidates, ctx, region_word)
        if _anchored(place, lookup_key(m), ctx):
            out.append(Resolved(m, place, _kind(place, region_word)))
    return out


def _character(doc: Doc, m: Mention, candidates: list[Place], persons: set[str]) -> bool:
    """Whether a given name the recogniser tagged as a place here, and as a person
    elsewhere in the article, is the person: "Laurel" and "Gaston" in a review of a
    series or a film are characters, not Laurel, Maryland, or Gaston, South
    Carolina. A big town, a state or a country keeps its name ("Jordan",
    "Victoria"), and so does a name in a place's frame ("in Laurel", "Laurel,
    Md.", a dateline)."""
    key = lookup_key(m)
    if key not in persons or " " in key or not is_given_name(m.text):
        return False
    qualified = (m.end + 1 < len(doc) and doc[m.end].text == ","
                 and doc[m.end + 1].ent_type_ in PLACE_LABELS)
    small = all(p.feature == "ADM2" or (p.feature == "PPL" and p.population < BIG_TOWN)
                for p in candidates)
    return (small and not qualified
            and not (locative_frame(doc, m) or place_word_frame(doc, m)
                     or is_dateline(doc, m.start, m.end)))


def _named_after(mentions: list[Mention], found: dict[int, list[Place]], ctx: Context,
                 gaz: Gazetteer) -> dict[int, list[Place]]:
    """Rivers, lakes, parks and townships placed at the town or county they are named
    after, when that lies where the article is (see ``place_lookup.named_after``)."""
    out: dict[int, list[Place]] = {}
    for i, m in enumerate(mentions):
        if i in found or m.label not in PLACE_LABELS:
            continue
        key = lookup_key(m)
        local = [p for p in named_after(m, gaz) if plausible(p, key, ctx)]
        if local:
            out[i] = local
    return out


def _anchored(place: Place, key: str, ctx: Context) -> bool:
    """False for a small place abroad that nothing in the article points to.

    "Kristina" is a woman, not Ristiina in Finland (reached through another of its
    names), and "Titan", in an article whose other places are all Texan, a company,
    not Tītān in Afghanistan.
    """
    if place.population >= ANCHOR_POPULATION or place.country_code in ctx.countries:
        return True
    if (ctx.outlet is not None and not ctx.points_to(place.country_code, key)
            and place.country_code not in ctx.anchored):
        # A small town abroad, for an outlet whose country is known, needs its
        # country named, or a solid place there, or most of the article's places:
        # first names tagged as places ("Tara", "Duran", "Isabella") are not
        # Philippine towns that prop each other up in a British article. (A local
        # paper's host name rarely tells its country, and its towns need no more.)
        return False
    support = ctx.support(place, key)
    if fold(place.name) != key:
        return max(support) >= PLAUSIBLE_REGION
    home = ctx.main_country(key)
    return home is None or home == place.country_code or support[0] >= PLAUSIBLE_REGION


def to_location(resolved: Resolved) -> Location:
    m, p = resolved.mention, resolved.place
    return Location(
        text=m.text, start=m.start_char, end=m.end_char, name=p.name, kind=resolved.kind,
        lat=p.lat, lon=p.lon, country_code=p.country_code, geonames_id=p.geonames_id,
        region=p.region, key=f"geo:{p.geonames_id}", feature=p.feature,
    )


def _given_candidates(doc: Doc, m: Mention, gaz: Gazetteer) -> list[Place]:
    """A given span's candidates; a demonym's country is one ("Canadian", "German")."""
    candidates = candidates_for(doc, m, gaz)
    cc = demonym(lookup_key(m), gaz)
    if cc and cc in gaz.countries:
        candidates = [*candidates, gaz.countries[cc]]
    return candidates


def resolve_spans(doc: Doc, spans: list[tuple[int, int]], gaz: Gazetteer,
                  outlet: str | None = None) -> list[Place | None]:
    """The place each character span names, the spans being the article's places.

    For measuring resolution apart from recognition: the spans replace the
    recogniser's place mentions as context; a demonym span gets its country.
    """
    from worker.extraction.entities import mentions as find_mentions

    others = [m for m in find_mentions(doc) if m.label not in PLACE_LABELS]
    given: list[Mention] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            given.append(Mention(span.start, span.end, start, end, doc.text[start:end], "GPE"))
    found = {i: c for i, m in enumerate(given) if (c := _given_candidates(doc, m, gaz))}
    ctx = _context(given, found, gaz, outlet)
    ctx.countries.update(_explicit_countries(others, gaz, None))
    found |= _named_after(given, found, ctx, gaz)
    by_start = {m.start: m for m in given}
    answers: dict[tuple[int, int], Place | None] = {}
    for i, m in enumerate(given):
        place: Place | None = None
        if i in found:
            region_word = region_frame(doc, m)
            candidates = _qualified(doc, m, found[i], by_start, gaz)
            place = _place_for(doc, m, candidates, ctx, region_word)
        else:
            key = lookup_key(m)
            cc = demonym(key, gaz)
            place = gaz.countries.get(cc) if cc else people_of_region(key, gaz)
        answers[(m.start_char, m.end_char)] = place
    return [answers.get(span) for span in spans]
