"""Places the recogniser missed or mislabelled, recovered with the article's context.

The small model tags many small towns as organisations or people ("Pewaukee",
"Alexandria"), buries places in longer names ("Ohio Department of Health",
"Anderson County Sheriff") and leaves datelines untagged ("BELGRADE, Minn. --").
A recovered mention must fit where the article is: its country or state, or a
place the recogniser itself found.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc

from worker.extraction.aliases import get_aliases
from worker.extraction.entities import LABELS, Mention
from worker.extraction.gazetteer import Gazetteer, Place, us_state_codes
from worker.extraction.geo_context import ANCHOR_POPULATION, FAMOUS, Context, own_country
from worker.extraction.given_names import is_given_name
from worker.extraction.place_lookup import (
    GENERIC,
    PLACE_LABELS,
    REGION_WORDS,
    called,
    candidates_for,
    embedded,
    locative_frame,
    lookup_key,
    place_word_frame,
)
from worker.extraction.text import fold, word_set
from worker.extraction.untagged_places import (
    PairRole,
    after_party,
    based_after,
    colon_dateline,
    is_dateline,
    propose,
    upper_pair_role,
    upper_town_end,
)

# How much of the other names' probable readings must lie in a region before an
# unlabelled mention there is taken as a place (about one name's worth).
PLAUSIBLE_REGION = 0.5
# A town this size is worth reading into a name the recogniser did not tag as a
# place on the strength of its country alone.
BIG_TOWN = 30_000
# Heads of company names: a town at their start names the company, not the town.
COMPANY_HEADS = word_set(
    """inc incorporated ltd limited corp corporation llc plc gmbh ag group holdings
    technologies hotel hotels resort airlines airways"""
)
# Words of a local body's name: the town at its start is where it is.
LOCAL_BODIES = word_set(
    """police sheriff department dept council school schools college university
    hospital fire library court courthouse commission board chamber city county
    township district authority airport station museum mayor zoo park"""
)
SPEECH = word_set("say tell add ask explain note")
STREETS = word_set(
    """street st road rd drive dr avenue ave boulevard blvd lane ln way highway hwy
    parkway pkwy court ct place pl circle trail pike"""
)


def plausible(place: Place, key: str, ctx: Context) -> bool:
    """The article already points at this place's country or, via another name, region."""
    return place.country_code in ctx.countries or in_region(place, key, ctx)


def in_region(place: Place, key: str, ctx: Context) -> bool:
    """The article's other names lie, about one name's worth, in this place's region."""
    return bool(place.admin1) and ctx.support(place, key)[1] >= PLAUSIBLE_REGION


def likely_town(place: Place, key: str, ctx: Context, text: str) -> bool:
    """A town or county reading worth taking for a name not tagged as a place.

    The article's country is not enough for a town: in any American article
    "Arab League" would hold Arab, Alabama, "Justice Department" Justice,
    Illinois, and "in Congress" Congress, Arizona. Such a reading needs the
    article's other places in its state, or a big town in a country the article
    names or comes from ("Palmyra" beside "Syrian"). Countries and states keep
    the looser test of ``plausible``. ``text`` is the name as written ("Clark
    County").
    """
    if place.feature not in {"PPL", "ADM2"}:
        return plausible(place, key, ctx)
    if in_region(place, key, ctx):
        return True
    # A county's name must be the whole name: "Chatham House" is not Chatham County.
    if place.feature == "ADM2" and fold(place.name) not in {key, fold(text)}:
        return False
    return place.population >= BIG_TOWN and (place.country_code in ctx.countries
                                             or place.country_code == ctx.outlet)


def in_country(place: Place, key: str, ctx: Context) -> bool:
    """The article names the place's country, comes from there, or has places there."""
    cc = place.country_code
    return (cc in ctx.countries or cc == ctx.outlet
            or ctx.support(place, key)[0] >= PLAUSIBLE_REGION)


def nowhere(key: str, ctx: Context) -> bool:
    """The article points at no country at all: a local paper's "Minnesota Highway
    Safety Center" beside a town the recogniser missed."""
    return not ctx.countries and ctx.outlet is None and ctx.located(key) < PLAUSIBLE_REGION


def _speakers(doc: Doc, mentions: list[Mention]) -> tuple[set[str], set[str]]:
    """Names that say something, and names that are told it: people, not places.

    "Baker said", "Hughes told", "said Maria" are speakers, "told Xinhua" an
    addressee: one such use is enough to keep every mention of the name (tagged
    as a person or an organisation) from becoming a town. Only a speaker's name
    hides a town built into it: "told The Moscow Times" still names Moscow.
    """
    speakers: set[str] = set()
    told: set[str] = set()
    for m in mentions:
        if m.label not in {"ORG", "PERSON"}:
            continue
        key = lookup_key(m)
        if m.end < len(doc) and doc[m.end].lemma_ in SPEECH:
            speakers.add(key)
            continue
        # The subject or object of a verb before it; not "he said Ireland was
        # beating the US", where it is the subject of what was said.
        root = doc[m.start:m.end].root
        if root.head.i < m.start and root.head.lemma_ in SPEECH:
            if root.dep_ == "nsubj":
                speakers.add(key)
            elif root.dep_ in {"dobj", "dative"}:
                told.add(key)
    return speakers, told


def _own_town(m: Mention, candidates: list[Place], ctx: Context) -> list[Place]:
    """Towns and counties called exactly this in the state the article is about.

    The recogniser often takes a small town's bare name for an organisation or a
    person ("Pewaukee", "Grovetown", "Alexandria"); in an article whose other
    places lie in that town's state, the name is the town.
    """
    key = lookup_key(m)
    names = {key, fold(m.text)}
    return [p for p in candidates if p.feature in {"PPL", "ADM2"} and fold(p.name) in names
            and in_region(p, key, ctx)]


def promote(doc: Doc, mentions: list[Mention], found: dict[int, list[Place]],
             ctx: Context, gaz: Gazetteer, skip: set[int], named: set[str]
             ) -> list[tuple[int, Mention, list[Place]]]:
    """Places the recogniser labelled as organisations or people, or buried in names.

    A whole ORG/PERSON mention that neither speaks nor is spoken to is a place
    when the article names the same place elsewhere, when a word calls it one
    ("Gambella region", "the city of al-Bab"), when it opens a dateline or comes
    before "-based" ("a Sanaa-based rights worker"), when it
    sits in a locative frame and is a likely town (``likely_town``), or when it
    is exactly the name of a town in the article's state and no word of a longer
    personal name ("Henry" after "Chiquita Raquel Henry"); it is relabelled GPE
    in place. Otherwise a place a longer name is built on ("Ohio Department of
    Health", "the Henderson County Jail", "Anderson County Sheriff") yields that
    place as a new mention when it is a country, a state where the article is, a
    likely town, or named elsewhere; it comes back with the index of the mention
    it was found in. ``named`` holds the keys of the mentions tagged, or called
    by a word, places.
    """
    speakers, told = _speakers(doc, mentions)
    # Words of longer personal names: "Henry" after "Chiquita Raquel Henry".
    people = {w for m in mentions if m.label == "PERSON" and m.end - m.start > 1
              for w in fold(m.text).split()}
    extra: list[tuple[int, Mention, list[Place]]] = []
    for i, m in enumerate(mentions):
        if i in found or i in skip or get_aliases().find(m.text):
            continue
        if m.label not in PLACE_LABELS and (grown := _grown_town(doc, m, gaz)) is not None:
            # "TIZI" tagged an organisation, "OUZOU" untagged, before ", ALGERIA".
            whole, found[i] = grown
            m.end, m.end_char, m.text, m.label = whole.end, whole.end_char, whole.text, "GPE"
            continue
        if (m.label not in PLACE_LABELS and (role := _upper_role(doc, m)) is not None
                and (paired := _upper_pair_places(doc, m, role, candidates_for(doc, m, gaz),
                                                  gaz))):
            # "KARACHI, PAKISTAN" in a list in capitals, tagged as an organisation.
            found[i] = paired
            m.label = "GPE"
            continue
        speaks = False
        if m.label in {"ORG", "PERSON"}:
            key = lookup_key(m)
            speaks = key in speakers
            if not speaks and key not in told:
                # A person's or body's name is a country only where the article
                # names that country as a place too ("Ireland" said, beside
                # "in Ireland"): then it is the place named there.
                candidates = [p for p in candidates_for(doc, m, gaz)
                              if p.kind != "country" or key in named]
                local = [p for p in candidates if plausible(p, key, ctx)]
                likely = [p for p in local if likely_town(p, key, ctx, m.text)]
                # "the city of al-Bab", "Gambella region" say it is a place, in a
                # country the article is about; "in Congress" needs a town worth
                # the name.
                worded = [p for p in candidates
                          if plausible(p, key, ctx) or in_country(p, key, ctx)
                          ] if place_word_frame(doc, m) else []
                based = based_after(doc, m.end) and bool(_based_places(key, candidates, ctx))
                framed = (bool(worded) or (bool(likely) and locative_frame(doc, m))
                          or is_dateline(doc, m.start, m.end) or based)
                own = _own_town(m, candidates, ctx) if key not in people else []
                if candidates and (key in named or framed or own):
                    # Named as a place elsewhere: the place named there ("a win
                    # over Freiburg" beside "in Freiburg"). Otherwise Palmyra in
                    # Syria, not one of the small American Palmyras.
                    found[i] = candidates if key in named else (
                        likely or local or worded or candidates)
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
        # A state abroad counts after "of" ("the University of British Columbia"
        # in a Chinese paper) or where the article is in its country: "Coast" in
        # "the Coast Guard" is no Tanzanian region in an American article.
        after_of = any(doc[k].lower_ == "of" for k in range(m.start, sub.start))
        areas = [p for p in places if p.feature in {"PCLI", "ADM1"} and fold(p.name) == key
                 and (p.feature == "PCLI" or after_of or key in named
                      or in_country(p, key, ctx) or nowhere(key, ctx))]
        if speaks and not (areas or county):
            # A speaking body is built on a town only in name ("the Justice
            # Department said"); a country, state or county in it is still a place
            # ("the Ministry of Foreign Affairs of Ukraine said", "the Anderson
            # County Sheriff's Office said").
            continue
        if key in named:
            # Named as a place elsewhere: read as there ("Boston University"
            # beside "New York and Boston"), the article's context choosing among
            # all the name's places as it does for the other mention (not
            # Egypt's governorate for "The Alexandria Blizzard" beside
            # Minnesota's "Alexandria area").
            extra.append((i, sub, places))
            continue
        kind = None if areas or county else _name_kind(doc, m, sub)
        if kind == "company":
            continue
        # A town reached by another of its names needs the size to be worth it:
        # "Human" (Rights) is one of Uman's names, "Duke" one of Erwin's. A given
        # name that more of a person's name follows needs a big town too: "the
        # Henry J. Kaiser Family Foundation" is no Henry County, "the Miami
        # Herald" still Miami's.
        likely = [p for p in places if likely_town(p, key, ctx, sub.text)]
        local = [p for p in likely if called(p, key) or p.population >= ANCHOR_POPULATION]
        if kind == "person" and any(p.population < ANCHOR_POPULATION for p in likely):
            # A small town of the name where the article is: the person's name
            # is as likely, and its famous namesake abroad is not meant.
            local = []
        if areas or local:
            extra.append((i, sub, areas or local))
    return extra


def _name_kind(doc: Doc, m: Mention, sub: Mention) -> Literal["company", "person"] | None:
    """Whether a longer name that opens with a town's name looks like a company's
    or a person's rather than a local body's.

    A company ("Mobile Technologies Inc", "the Hilton Hotel") is named after a
    town as often as not where it is; a given name followed by more of a name
    ("the Henry J. Kaiser Family Foundation", "Jack Dillon Young") may be a
    person's. A local body keeps its town ("Austin Police Department", "Tyler
    Junior College"), and so does any of these where the article names the town
    as a place elsewhere (the caller's test).
    """
    words = [t.lower_.rstrip(".") for t in doc[sub.end:m.end]]
    if any(w in LOCAL_BODIES for w in words):
        return None
    if any(w in COMPANY_HEADS for w in words):
        return "company"
    if (sub.end - sub.start == 1 and is_given_name(sub.text) and sub.end < m.end
            and doc[sub.end].is_title):
        return "person"
    return None


def _upper_role(doc: Doc, m: Mention) -> PairRole | None:
    """Which name of an upper-case "TOWN, COUNTRY" the mention is, if it is one."""
    return upper_pair_role(doc, m.start, m.end) if m.text.isupper() else None


def _grown_town(doc: Doc, m: Mention, gaz: Gazetteer) -> tuple[Mention, list[Place]] | None:
    """The whole upper-case town a mention is the start of, with its places."""
    end = upper_town_end(doc, m.start, m.end) if m.text.isupper() else None
    if end is None:
        return None
    span = doc[m.start:end]
    whole = Mention(m.start, end, m.start_char, span.end_char, span.text, m.label)
    places = _upper_pair_places(doc, whole, "town", candidates_for(doc, whole, gaz), gaz)
    return (whole, places) if places else None


def _upper_pair_places(doc: Doc, m: Mention, role: PairRole,
                       candidates: list[Place], gaz: Gazetteer) -> list[Place]:
    """In capitals, "SOUSSE, TUNISIA": for the town, those of its candidates called
    exactly that in the country or state after the comma (towns, counties or
    states); for the area, the country or state called exactly that."""
    key = lookup_key(m)
    exact = [p for p in candidates if called(p, key)]
    if role == "area":
        return [p for p in exact if p.feature in {"PCLI", "ADM1"}]
    states = _states_at(doc, m.end + 1, gaz)
    inside = [p for p in exact if p.feature in {"PPL", "ADM1", "ADM2"}
              and ((p.country_code, p.admin1) in states or (p.country_code, None) in states)]
    # "NEW YORK, NY" is the city, not the state it names.
    return [p for p in inside if p.feature == "PPL"] or inside


def untagged(doc: Doc, mentions: list[Mention], extra: list[tuple[int, Mention, list[Place]]],
              ctx: Context, gaz: Gazetteer) -> list[tuple[int, Mention, list[Place]]]:
    """Datelines, party-and-home-town and "from <Town>" places the recogniser missed.

    A dateline is a place whatever the gazetteer offers for it; in the other
    frames only a country's own name ("between Canada, Mexico and ..."), or a
    town, county or state called exactly that and lying where the article is
    ("in Penacook" in a New Hampshire paper) or in the state named right after it
    ("Elbow Lake, Minn."), counts; in capitals, "SOUSSE, TUNISIA" is the town in
    the country named and that country.
    """
    # In capitals the recogniser's labels are unreliable: a name it took for a
    # kind extraction does not keep ("ST. CLOUD" as a product) may be proposed.
    # So are they before "-based" ("Manchester" as a product).
    taken = {k for e in doc.ents
             if e.label_ in LABELS or not (e.text.isupper() or based_after(doc, e.end))
             for k in range(e.start, e.end)}
    taken |= {k for m in mentions for k in range(m.start, m.end)}
    taken |= {k for _, m, _ in extra for k in range(m.start, m.end)}
    out: list[tuple[int, Mention, list[Place]]] = []
    for proposal in propose(doc, taken):
        m = proposal.mention
        if not proposal.dateline and fold(m.text) in GENERIC:
            # "the Department of Justice", "Minister of Commerce" untagged.
            continue
        candidates = candidates_for(doc, m, gaz)
        role = _upper_role(doc, m) if proposal.pair else None
        paired = _upper_pair_places(doc, m, role, candidates, gaz) if role else []
        if paired:
            candidates = paired
        elif proposal.based:
            candidates = _based_places(lookup_key(m), candidates, ctx)
        elif proposal.dateline and colon_dateline(doc, m.end):
            candidates = _rubric_or_place(lookup_key(m), candidates)
        elif after_party(doc, m.start) and (state := _own_state_name(lookup_key(m), candidates)):
            # "Rep. Maxine Waters, D-California": a lawmaker's state, where no
            # other name of the article lies (not California, Maryland).
            candidates = state
        elif not proposal.dateline:
            key = lookup_key(m)
            states = _states_at(doc, proposal.state, gaz)
            country = own_country(key, candidates, ctx.home)
            # A province by its short name too: "Henan" in a list is Henan Sheng.
            candidates = [country] if country is not None else [
                p for p in candidates
                if (fold(p.name) == key or (p.feature == "ADM1" and called(p, key)))
                and p.feature in {"PPL", "ADM1", "ADM2"}
                and (plausible(p, key, ctx) or (p.country_code, p.admin1) in states)]
        if candidates:
            out.append((-1, m, candidates))
    return out


def _own_state_name(key: str, candidates: list[Place]) -> list[Place]:
    """The US state called exactly ``key``, if there is one."""
    return [p for p in candidates if p.feature == "ADM1" and p.country_code == "US"
            and fold(p.name) == key]


def _rubric_or_place(key: str, candidates: list[Place]) -> list[Place]:
    """What "NAME:" opening a paragraph may name: a country, state or town of some
    size called exactly so ("BEIRUT:", "NEW DELHI:"), not a rubric that one of a
    town's other names happens to spell ("MORE:" is no Mora)."""
    return [p for p in candidates if fold(p.name) == key
            and (p.feature in {"PCLI", "ADM1"} or p.population >= BIG_TOWN)]


def _based_places(key: str, candidates: list[Place], ctx: Context) -> list[Place]:
    """What "X-based" may name: a country, a town or state called exactly X where the
    article is, or a famous town ("Wolfsburg-based" in any paper; a "Sahel-based"
    group is not in Burkina Faso's Sahel province)."""
    country = own_country(key, candidates, ctx.home)
    if country is not None:
        return [country]
    return [p for p in candidates if fold(p.name) == key and p.feature in {"PPL", "ADM1", "ADM2"}
            and (plausible(p, key, ctx) or (p.feature == "PPL" and p.population >= FAMOUS))]


def _states_at(doc: Doc, index: int | None, gaz: Gazetteer) -> set[tuple[str, str | None]]:
    """(country, admin1) of the states or provinces the text at ``index`` names,
    and (country, None) for a country named in capitals ("SAUDI ARABIA")."""
    if index is None:
        return set()
    if doc[index].text in us_state_codes():
        # "St. Cloud, MN": GeoNames knows few states by their postal code.
        return {("US", doc[index].text)}
    upper = doc[index].is_upper
    end = index + 1
    while end < len(doc) and end - index < 3 and (
            doc[end].text == "." or doc[end].is_title or (upper and doc[end].is_upper)):
        end += 1
    out: set[tuple[str, str | None]] = set()
    for stop in range(end, index, -1):
        key = fold(doc[index:stop].text)
        found = gaz.lookup(key)
        out |= {(p.country_code, p.admin1) for p in found if p.feature == "ADM1"}
        if upper and (country := own_country(key, found, None)) is not None:
            out.add((country.country_code, None))
        if out:
            break
    return out
