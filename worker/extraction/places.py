"""Place mentions resolved to gazetteer entries, disambiguated by the article.

Most place names are ambiguous ("Damascus" is also a town in Maryland; "Homs"
is a city and the province around it). News articles anchor their places: they
name the country, use its demonym ("Syrian forces"), list several places of one
state, or qualify a town by its state ("Alexandria, Louisiana"). Candidates are
scored on that evidence (see ``geo_context``), with population only as a weak
prior; the wording picks the level ("Homs province" and "the region of Hama" are
the provinces, bare "Homs" the city).

The recogniser sometimes tags a small place as an organisation ("Homs
countryside" -> ORG); such a mention is taken as a place when it names a place in
one of the article's countries and sits in a locative frame (after "in", "near",
...; before "province", "countryside", ...).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from worker.extraction.aliases import get_aliases
from worker.extraction.entities import Mention
from worker.extraction.gazetteer import Gazetteer, Place
from worker.extraction.geo_context import Context, outlet_country, outlet_homes, score
from worker.extraction.model import Location, PlaceKind
from worker.extraction.text import fold, word_set
from worker.extraction.untagged_places import propose

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words naming an area around a place: "Homs province", "the region of Hama".
REGION_WORDS = word_set(
    """province provinces governorate region regions countryside district county
    oblast prefecture state territory area outskirts"""
)
# How much of the other names' probable readings must lie in a region before an
# unlabelled mention there is taken as a place (about one name's worth).
PLAUSIBLE_REGION = 0.5
# A place this size is worth naming by any of its names.
ANCHOR_POPULATION = 100_000
DIRECTIONS = word_set(
    """north south east west northern southern eastern western central northeast
    northwest southeast southwest northeastern northwestern southeastern southwestern"""
)
_LEADING = word_set("the a an")
SPEECH = word_set("say tell add ask explain note")
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


def _explicit_countries(mentions: list[Mention], gaz: Gazetteer, outlet: str | None
                        ) -> Counter[str]:
    """Countries the article names or whose people it names, plus the outlet's."""
    weights: Counter[str] = Counter()
    for m in mentions:
        key = _lookup_key(m)
        if m.label in PLACE_LABELS:
            found = gaz.lookup(key)
            if not found:
                # A demonym given or tagged as a place ("Palestinian").
                people = _demonym(key, gaz)
                if people:
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
            people = _demonym(key, gaz)
            if people:
                weights[people] += 1
    home = outlet_country(outlet, gaz)
    if home:
        weights[home] += 2
    return weights


def _demonym(key: str, gaz: Gazetteer) -> str | None:
    return gaz.demonyms.get(key) or gaz.demonyms.get(key.removesuffix("s"))


def _people_of_region(key: str, gaz: Gazetteer) -> Place | None:
    """The state or province whose people a word names: "Ohioans", "Texan", "Ontarians"."""
    word = key.removesuffix("s")
    if not word.endswith("n"):
        return None
    for stem in (word[:-1], word[:-2], word[:-1] + "s", word[:-3] + "io"):
        regions = [p for p in gaz.lookup(stem) if p.feature == "ADM1" and fold(p.name) == stem]
        if regions:
            return max(regions, key=lambda p: p.population)
    return None


def _candidates(doc: Doc, m: Mention, gaz: Gazetteer) -> list[Place]:
    """Entries the mention may name; "Douglas County" asks for the county."""
    entry = get_aliases().find(m.text)
    words = fold(entry.name if entry is not None else m.text).split()
    if all(w in DIRECTIONS for w in words):
        # "the North", "Central": a direction, not the village called so.
        return []
    if len(words) > 1 and words[-1] == "co":
        # "Platte Co.": the abbreviation is always the county, never the company.
        words[-1] = "county"
    if len(words) > 1 and words[-1] in REGION_WORDS:
        regions = [p for p in gaz.lookup(" ".join(words)) if p.feature.startswith("ADM")]
        if regions:
            return regions
        regions = [p for p in gaz.lookup(" ".join(words[:-1])) if p.feature.startswith("ADM")]
        if regions:
            return regions
    return gaz.lookup(_lookup_key(m))


def _qualified(doc: Doc, m: Mention, candidates: list[Place], by_start: dict[int, Mention],
               gaz: Gazetteer) -> list[Place]:
    """Keep the candidates inside the state or country named right after a comma."""
    if m.end + 1 >= len(doc) or doc[m.end].text != ",":
        return candidates
    qualifier = by_start.get(m.end + 1)
    if qualifier is None:
        return candidates
    areas = [p for p in gaz.lookup(_lookup_key(qualifier)) if p.feature in {"PCLI", "ADM1"}]
    inside = [c for c in candidates if any(
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
        named.setdefault(_lookup_key(mentions[i]), candidates)
    home = next((key for key in outlet_homes(outlet, gaz) if key in named), None)
    # A local paper's "Jordan" is its town, no evidence for the country.
    counted = [m for m in mentions if home is None or _lookup_key(m) != home]
    ctx = Context(countries=_explicit_countries(counted, gaz, outlet), home=home,
                  outlet=outlet_country(outlet, gaz))
    ctx.settle(named)
    return ctx


def choose(candidates: list[Place], key: str, ctx: Context, region_word: bool = False
           ) -> Place:
    """The best candidate; a bare name shared by a province and its city is the city.

    Only a city known by that very name counts: "New York" is the state as often
    as the city, whose own name is "New York City".
    """
    if not region_word:
        towns = {(p.country_code, p.admin1) for p in candidates
                 if p.feature == "PPL" and fold(p.name) == key}
        narrowed = [p for p in candidates if p.feature not in {"ADM1", "ADM2"}
                    or (p.country_code, p.admin1) not in towns]
        candidates = narrowed or candidates
    return max(candidates, key=lambda p: score(p, key, ctx, region_word))


def _kind(place: Place, region_word: bool) -> PlaceKind:
    if place.kind in {"city", "place"} and region_word:
        return "region"
    return place.kind


def _plausible(place: Place, key: str, ctx: Context) -> bool:
    """The article already points at this place's country or, via another name, region."""
    if place.country_code in ctx.countries:
        return True
    return bool(place.admin1) and ctx.support(place, key)[1] >= PLAUSIBLE_REGION


def _title_run(span: Span) -> bool:
    return all(t.is_title or t.is_upper for t in span if t.is_alpha)


def _embedded(doc: Doc, m: Mention, gaz: Gazetteer) -> tuple[Mention, list[Place]] | None:
    """The place a longer name is built on: "Ohio" in "Ohio Department of Health".

    What follows "of" is tried first ("the University of Georgia", "Friends of the
    Mansfield Public Library"), then the name's head ("the Alexandria City Public
    Schools", "North Texas"): in each, after any article or compass word, the
    longest leading run of capitalised words the gazetteer knows. A run ending in
    "State" is not a place ("Lansing State Journal").
    """
    segments: list[tuple[int, int]] = []
    of = [k for k in range(m.start + 1, m.end - 1) if doc[k].lower_ == "of"]
    if of:
        segments.append((of[-1] + 1, m.end))
    segments.append((m.start, of[0] if of else m.end))
    for seg_start, seg_end in segments:
        start = seg_start
        while start < seg_end - 1 and doc[start].lower_ in _LEADING:
            start += 1
        starts = [start]
        while start < seg_end - 1 and doc[start].lower_ in DIRECTIONS:
            start += 1
        # "West Virginia Democratic Party" before "North Texas".
        starts += [start] if start != starts[0] else []
        for first in starts:
            found = _leading_place(doc, m, first, seg_end, gaz)
            if found is not None:
                return found
    return None


def _leading_place(doc: Doc, m: Mention, start: int, stop: int, gaz: Gazetteer
                   ) -> tuple[Mention, list[Place]] | None:
    """The longest capitalised run from ``start`` that the gazetteer knows."""
    # The whole mention was looked up already.
    last = stop - 1 if (start, stop) == (m.start, m.end) else stop
    for end in range(last, start, -1):
        span = doc[start:end]
        if not _title_run(span) or (end - start > 1 and doc[end - 1].lower_ == "state"):
            continue
        if all(t.lower_ in DIRECTIONS for t in span):
            continue
        sub = Mention(start, end, span.start_char, span.end_char, span.text, "GPE")
        candidates = _candidates(doc, sub, gaz)
        if candidates:
            return sub, candidates
    return None


def _speakers(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Names that say or tell something somewhere in the article: people, not places.

    "Baker said", "Hughes told": one such use is enough to keep every mention of
    the name (tagged as a person or an organisation) from becoming a town.
    """
    out: set[str] = set()
    for m in mentions:
        if m.label in {"ORG", "PERSON"} and m.end < len(doc) and doc[m.end].lemma_ in SPEECH:
            out.add(_lookup_key(m))
    return out


def _own_town(m: Mention, candidates: list[Place], ctx: Context) -> list[Place]:
    """Towns and counties called exactly this in the state the article is about.

    The recogniser often takes a small town's bare name for an organisation or a
    person ("Pewaukee", "Grovetown", "Alexandria"); in an article whose other
    places lie in that town's state, the name is the town.
    """
    key = _lookup_key(m)
    names = {key, fold(m.text)}
    return [p for p in candidates if p.feature in {"PPL", "ADM2"} and fold(p.name) in names
            and p.admin1 and ctx.support(p, key)[1] >= PLAUSIBLE_REGION]


def _promote(doc: Doc, mentions: list[Mention], found: dict[int, list[Place]],
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
        if m.label in {"ORG", "PERSON"} and _lookup_key(m) in speakers:
            continue
        if m.label in {"ORG", "PERSON"}:
            candidates = [p for p in _candidates(doc, m, gaz) if p.kind != "country"]
            key = _lookup_key(m)
            local = [p for p in candidates if _plausible(p, key, ctx)]
            framed = local and _locative_frame(doc, m)
            own = _own_town(m, candidates, ctx) if _lookup_key(m) not in people else []
            if candidates and (key in named or framed or own):
                found[i] = local or candidates
                m.label = "GPE"
                continue
        elif m.label not in PLACE_LABELS:
            continue
        inner = _embedded(doc, m, gaz)
        if inner is None:
            continue
        sub, places = inner
        key = _lookup_key(sub)
        if m.label == "PERSON" and fold(sub.text).split()[-1] not in REGION_WORDS:
            # "Marshall" in "R-Marshall" is a person; "Anderson County Sheriff" a county.
            continue
        areas = [p for p in places if p.feature in {"PCLI", "ADM1"} and fold(p.name) == key]
        local = [p for p in places if _plausible(p, key, ctx)]
        if key in named or areas or local:
            extra.append((i, sub, areas or local or places))
    return extra


def _untagged(doc: Doc, mentions: list[Mention], extra: list[tuple[int, Mention, list[Place]]],
              ctx: Context, gaz: Gazetteer) -> list[tuple[int, Mention, list[Place]]]:
    """Datelines, party-and-home-town and "from <Town>" places the recogniser missed.

    A dateline is a place whatever the gazetteer offers for it; in the other
    frames only a town, county or state called exactly that and lying where the
    article is counts ("in Penacook" in a New Hampshire paper).
    """
    taken = {k for e in doc.ents for k in range(e.start, e.end)}
    taken |= {k for m in mentions for k in range(m.start, m.end)}
    taken |= {k for _, m, _ in extra for k in range(m.start, m.end)}
    out: list[tuple[int, Mention, list[Place]]] = []
    for proposal in propose(doc, taken):
        m = proposal.mention
        candidates = _candidates(doc, m, gaz)
        if not proposal.dateline:
            key = _lookup_key(m)
            candidates = [p for p in candidates if fold(p.name) == key
                          and p.feature in {"PPL", "ADM1", "ADM2"} and _plausible(p, key, ctx)]
        if candidates:
            out.append((-1, m, candidates))
    return out


def resolve(doc: Doc, mentions: list[Mention], gaz: Gazetteer, outlet: str | None = None
            ) -> list[Resolved]:
    """Resolve place mentions, including places the recogniser mislabelled.

    Promoted mentions have their label changed to GPE in place; places found
    inside organisation names come back as new mentions (not in ``mentions``).
    """
    found: dict[int, list[Place]] = {}
    for i, m in enumerate(mentions):
        if m.label in PLACE_LABELS:
            candidates = _candidates(doc, m, gaz)
            if candidates:
                found[i] = candidates
    ctx = _context(mentions, found, gaz, outlet)
    labelled = len(found)
    named = {_lookup_key(mentions[i]) for i in found}
    extra = _promote(doc, mentions, found, ctx, gaz, set(), named)
    extra += _untagged(doc, mentions, extra, ctx, gaz)
    if extra or len(found) > labelled:
        # What the first look found is context for a second: "Parkers Prairie"
        # (tagged as an organisation) beside "Minnesota Highway Safety Center".
        every = mentions + [sub for _, sub, _ in extra]
        with_extra = found | {len(mentions) + j: p for j, (_, _, p) in enumerate(extra)}
        ctx = _context(every, with_extra, gaz, outlet)
        extra += _promote(doc, mentions, found, ctx, gaz, {i for i, _, _ in extra}, named)
    by_start = {m.start: m for m in mentions if m.label in PLACE_LABELS}
    pairs = [(mentions[i], found[i]) for i in sorted(found)]
    pairs += [(sub, places) for _, sub, places in extra]
    out: list[Resolved] = []
    for m, candidates in sorted(pairs, key=lambda pair: pair[0].start):
        region_word = _region_frame(doc, m)
        candidates = _qualified(doc, m, candidates, by_start, gaz)
        key = _lookup_key(m)
        place = choose(candidates, key, ctx, region_word)
        if _anchored(place, key, ctx):
            out.append(Resolved(m, place, _kind(place, region_word)))
    return out


def _anchored(place: Place, key: str, ctx: Context) -> bool:
    """False for a small place reached only through one of its other names, far
    from everything else in the article: "Kristina" is a woman, not Ristiina in
    Finland, and "Titan" a company, not Tītān in Afghanistan."""
    if fold(place.name) == key or place.population >= ANCHOR_POPULATION:
        return True
    if place.country_code in ctx.countries:
        return True
    return max(ctx.support(place, key)) >= PLAUSIBLE_REGION


def to_location(resolved: Resolved) -> Location:
    m, p = resolved.mention, resolved.place
    return Location(
        text=m.text, start=m.start_char, end=m.end_char, name=p.name, kind=resolved.kind,
        lat=p.lat, lon=p.lon, country_code=p.country_code, geonames_id=p.geonames_id,
        region=p.region, key=f"geo:{p.geonames_id}", feature=p.feature,
    )


def _given_candidates(doc: Doc, m: Mention, gaz: Gazetteer) -> list[Place]:
    """A given span's candidates; a demonym's country is one ("Canadian", "German")."""
    candidates = _candidates(doc, m, gaz)
    cc = _demonym(_lookup_key(m), gaz)
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
    by_start = {m.start: m for m in given}
    answers: dict[tuple[int, int], Place | None] = {}
    for i, m in enumerate(given):
        place: Place | None = None
        if i in found:
            region_word = _region_frame(doc, m)
            candidates = _qualified(doc, m, found[i], by_start, gaz)
            place = choose(candidates, _lookup_key(m), ctx, region_word)
        else:
            key = _lookup_key(m)
            cc = _demonym(key, gaz)
            place = gaz.countries.get(cc) if cc else _people_of_region(key, gaz)
        answers[(m.start_char, m.end_char)] = place
    return [answers.get(span) for span in spans]
