"""Which gazetteer entries a mention may name, and the wording around it.

The recogniser's span is not always the place's name: "Douglas County" asks for
the county, "Platte Co." too, "the University of Georgia" and "the Henderson
County Jail" are built on a place, "Homs province" and "the region of Hama" name
the province. These helpers turn a mention into lookup keys and candidates and
read the frame it sits in; choosing among the candidates is ``places``' job.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from worker.extraction.aliases import get_aliases
from worker.extraction.entities import Mention
from worker.extraction.gazetteer import Gazetteer, Place
from worker.extraction.geo_context import FAMOUS
from worker.extraction.text import fold, word_set

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words naming an area around a place: "Homs province", "the region of Hama".
REGION_WORDS = word_set(
    """province provinces governorate region regions countryside district county
    oblast prefecture state territory area outskirts"""
)
# Planets and oceans: places, but not on the gazetteer's map of countries,
# regions and towns, whose only entries by these names are small towns ("Earth,
# Texas", "Pacific, Missouri") that a report about space or the sea never means.
OFF_THE_MAP = word_set("earth moon mars pacific atlantic")
# World regions: on the map, but at no level the gazetteer holds (continents,
# countries, two levels of regions, towns), while small towns carry their names
# ("Middle East, Maryland", "Levant, Kansas", "New England, North Dakota"). No
# point is better than the hamlet's, whose state would also pull the article's
# other names its way ("Geneva" to Illinois beside "the Middle East").
WORLD_REGIONS = frozenset(fold(name) for name in (
    "middle east", "mideast", "near east", "far east", "levant", "maghreb", "caucasus",
    "balkans", "baltic", "baltics", "scandinavia", "siberia", "patagonia", "new england",
    "appalachia", "midwest", "caribbean", "latin america", "central america",
    "horn of africa", "sub-saharan africa", "southeast asia", "central asia", "east asia",
    "south asia", "eurasia", "asia-pacific", "indo-pacific", "mediterranean", "arctic",
    "gulf", "persian gulf", "arabian gulf", "sahel",
    # A city's quarter, named by what it is: "Mosul's Old City" is no Pennsylvania town.
    "old city"))
# Words that name what an institution is, and are also the names of small towns
# (University, Florida; Union, New Jersey; Energy, Illinois): inside a longer name
# ("Southeast University", "State of the Union", "the Energy and Commerce
# Committee") they are that word, not the town. Alone they may be the town
# ("stabbed in Independence").
GENERIC = word_set(
    """university college institute center centre union energy commerce industry
    justice congress bank herald press mission liberty independence republic
    enterprise security unity progress homeland capital bureau empire""")
# Titles that "of" and a see, a realm or a town follow ("the Bishop of Galway",
# "Duke of York"), or a name ("Bishop Eamon Casey"): the title is no town
# (Bishop, California).
TITLES_OF = word_set(
    """bishop archbishop cardinal duke duchess earl count countess king queen prince
    princess emir sultan mayor governor lord baron""")
DIRECTIONS = word_set(
    """north south east west northern southern eastern western central northeast
    northwest southeast southwest northeastern northwestern southeastern southwestern"""
)
TOWN_WORDS = word_set("city town village")
_LEADING = word_set("the a an")
LOCATIVE = word_set("in near from outside around across at into inside toward towards")
# Words of the names of rivers, lakes, parks and townships, which the gazetteer
# (towns and administrative areas only) lacks: "Kanawha River", "Lake Hartwell".
WATER = word_set("gulf bay sea strait straits isle cape coast mouth lake sound")
# Words ending the names of seas and oceans, far bigger than any namesake.
OPEN_WATER = word_set("sea ocean")
FEATURE_WORDS = word_set("river creek lake lakes bay valley park township port reservoir")
# Heads whose "of" names a portfolio, not a place ("Department of Justice",
# "Ministry of Defence"): only a country, state or county there is a place
# ("Ministry of Foreign Affairs of Ukraine", "Office of Anderson County").
PORTFOLIO_HEADS = word_set("department ministry minister secretary bureau office commissioner")
_AREAS = frozenset({"PCLI", "ADM1", "ADM2"})
# A city known by a name (as one of its other names) this many times bigger than its
# country's towns called exactly so, and at least FAMOUS, is still a candidate.
OUTGROWN = 10
# ... when the name is a real name, not an abbreviation ("Kan." is none of
# Ganzhou's names that count).
MIN_OUTGROWN_KEY = 5


def lookup_key(mention: Mention) -> str:
    entry = get_aliases().find(mention.text)
    name = entry.name if entry is not None else mention.text
    words = fold(name).split()
    while len(words) > 1 and words[-1] in REGION_WORDS:
        words = words[:-1]
    return " ".join(words)


def region_frame(doc: Doc, mention: Mention) -> bool:
    """True for "Homs province", "Idlib region", "the region of Hama"."""
    words = fold(mention.text).split()
    if words and words[-1] in REGION_WORDS:
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


def place_word_frame(doc: Doc, mention: Mention) -> bool:
    """True where a word says the name is a place: "Homs province", "the city of al-Bab"."""
    if region_frame(doc, mention):
        return True
    before = doc[mention.start - 2 : mention.start] if mention.start >= 2 else None
    return before is not None and before[1].lower_ == "of" and before[0].lower_ in TOWN_WORDS


def locative_frame(doc: Doc, mention: Mention) -> bool:
    if region_frame(doc, mention):
        return True
    i = mention.start - 1
    while i >= 0 and (doc[i].lower_ in {"the", "northern", "southern", "eastern", "western",
                                         "central", "and", ","} or doc[i].ent_type_):
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE


def demonym(key: str, gaz: Gazetteer) -> str | None:
    """The country whose people ``key`` names: the gazetteer's one demonym per
    country ("Kazakhstani"), else the curated nationality adjectives ("Kazakh")."""
    found = gaz.demonyms.get(key) or gaz.demonyms.get(key.removesuffix("s"))
    if found is None and (country := _nationalities().get(key.removesuffix("s"))):
        found = next((p.country_code for p in gaz.lookup(country) if p.kind == "country"), None)
    return found


@cache
def _nationalities() -> dict[str, str]:
    """Folded nationality adjective -> folded country name, from the alias table."""
    return {fold(adjective): country
            for country, adjective in get_aliases().nationality.items()}


def people_word(key: str, found: list[Place], gaz: Gazetteer) -> str | None:
    """The country of a demonym that is no place's own name: "Kazakh" (also one of
    Petropavl's many names) tagged as a place is the people, not the town.
    ``found`` is what the gazetteer holds under ``key``."""
    if any(fold(p.name) == key for p in found):
        return None
    return demonym(key, gaz)


def people_of_region(key: str, gaz: Gazetteer) -> Place | None:
    """The state or province whose people a word names: "Ohioans", "Texan", "Ontarians"."""
    word = key.removesuffix("s")
    if not word.endswith("n"):
        return None
    for stem in (word[:-1], word[:-2], word[:-1] + "s", word[:-3] + "io"):
        regions = [p for p in gaz.lookup(stem) if p.feature == "ADM1" and fold(p.name) == stem]
        if regions:
            return max(regions, key=lambda p: p.population)
    return None


def candidates_for(doc: Doc, m: Mention, gaz: Gazetteer) -> list[Place]:
    """Entries the mention may name; "Douglas County" asks for the county."""
    entry = get_aliases().find(m.text)
    words = fold(entry.name if entry is not None else m.text).split()
    name = " ".join(words)
    if all(w in DIRECTIONS for w in words) or name in OFF_THE_MAP or name in WORLD_REGIONS:
        # "the North", "Central": a direction, not the village called so; "Earth",
        # "the Pacific": off the map; "the Middle East": above the map's levels.
        return []
    if len(words) > 1 and words[-1] in OPEN_WATER and not region_frame(doc, m):
        # "the Red Sea", "the North Sea": water, which the gazetteer lacks; its
        # namesakes are a Sudanese state and a hamlet in New York ("Red Sea
        # state" still asks for the state).
        return []
    if len(words) > 1 and words[-1] == "co":
        # "Platte Co.": the abbreviation is always the county, never the company.
        words[-1] = "county"
    if len(words) > 1 and words[-1] in REGION_WORDS:
        # "St. Charles County" is "Saint Charles County" in GeoNames.
        for name in (" ".join(words), " ".join(words[:-1])):
            for spelling in dict.fromkeys((name, spelled_out(name))):
                regions = [p for p in gaz.lookup(spelling) if p.feature.startswith("ADM")]
                if regions:
                    return regions
    if (len(words) == 1 and words[0] in TITLES_OF and m.end < len(doc)
            and (doc[m.end].lower_ == "of" or doc[m.end].ent_type_ == "PERSON")):
        return []
    key = lookup_key(m)
    places = gaz.lookup(key)
    if people_word(key, places, gaz) is not None:
        return []
    full = spelled_out(key)
    if full != key:
        # GeoNames lists "Mt Vernon" only among the other names of the one in
        # Illinois: the towns called "Mount Vernon" are candidates too, and the
        # country called "Saint Lucia". Not a province or a county: abbreviated,
        # "St. Louis" is not the Senegalese region, nor "St. Joseph" a county.
        known = {p.geonames_id for p in places}
        places += [p for p in gaz.lookup(full) if p.geonames_id not in known
                   and p.feature in {"PPL", "PCLI"} and spelled_out(fold(p.name)) == full]
    return namesakes_first(places, key)


# The abbreviations a place name opens with ("St. Cloud", "MT. VERNON"), spelled
# out as GeoNames mostly writes them.
_SPELLED_OUT = {"st": "saint", "mt": "mount", "ft": "fort"}


def spelled_out(key: str) -> str:
    """A folded name with its opening abbreviation spelled out: "st cloud" ->
    "saint cloud", so "ST. CLOUD" is called what GeoNames calls "Saint Cloud"."""
    first, _, rest = key.partition(" ")
    word = _SPELLED_OUT.get(first)
    return f"{word} {rest}" if word and rest else key


def namesakes_first(places: list[Place], key: str) -> list[Place]:
    """Without the towns reached by another name in a country with a place of this name.

    GeoNames lists "Rockwell" among the other names of Juneau, Alaska, and
    "Washington" among those of Watervliet, New York; in America these names mean
    the places called so. "Palmyra" still reaches Tadmur, as Syria has no town
    called Palmyra, and a province keeps its short name ("Henan" for Henan Sheng).
    """
    own: dict[str, int] = {}
    for p in places:
        if called(p, key):
            own[p.country_code] = max(own.get(p.country_code, 0), p.population)
    return [p for p in places if p.feature not in {"PPL", "ADM2"} or called(p, key)
            or p.country_code not in own
            or (len(key) >= MIN_OUTGROWN_KEY and _outgrows(p, own[p.country_code]))]


def _outgrows(place: Place, namesake: int) -> bool:
    """Whether a town known by another name is a city far bigger than its country's
    towns called so, none of them a city itself: "Newcastle" is Newcastle upon
    Tyne before the Newcastle of County Down; "New Delhi" is not Delhi."""
    return (namesake < FAMOUS <= place.population
            and place.population >= OUTGROWN * namesake)


# GeoNames' Chinese provinces and municipalities carry the kind in pinyin
# ("Henan Sheng", "Beijing Shi", "Xizang Zizhiqu").
_PINYIN_KINDS = word_set("sheng shi zizhiqu")


def called(place: Place, key: str) -> bool:
    """The place's own name is this, give or take a region or town word ("Clay
    County", "New York City", "Henan Sheng")."""
    words = fold(place.name).split()
    if len(words) > 1 and words[-1] in REGION_WORDS | TOWN_WORDS | _PINYIN_KINDS:
        words = words[:-1]
    key = spelled_out(key)
    return spelled_out(" ".join(words)) == key or spelled_out(fold(place.name)) == key


def _title_run(span: Span) -> bool:
    return all(t.is_title or t.is_upper for t in span if t.is_alpha)


def embedded(doc: Doc, m: Mention, gaz: Gazetteer) -> tuple[Mention, list[Place]] | None:
    """The place a longer name is built on: "Ohio" in "Ohio Department of Health".

    What follows "of" is tried first ("the University of Georgia", "Friends of the
    Mansfield Public Library"), then the name's head ("the Alexandria City Public
    Schools", "North Texas"): in each, after any article or compass word, the
    longest leading run of capitalised words the gazetteer knows. A run ending in
    "State" is not a place ("Lansing State Journal"), nor a portfolio other than a
    country, state or county ("Department of Justice").
    """
    of = [k for k in range(m.start + 1, m.end - 1) if doc[k].lower_ == "of"]
    if of and doc[of[-1] - 1].lower_ in WATER:
        # "the Gulf of Mexico", "the Bay of Bengal" are waters, named after no place.
        return None
    # Each segment with the features it may name (None: any).
    segments: list[tuple[int, int, frozenset[str] | None]] = []
    if of:
        portfolio = doc[of[-1] - 1].lower_ in PORTFOLIO_HEADS
        segments.append((of[-1] + 1, m.end, _AREAS if portfolio else None))
    segments.append((m.start, of[0] if of else m.end, None))
    for seg_start, seg_end, features in segments:
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
            if found is None:
                continue
            sub, places = found
            places = [p for p in places if features is None or p.feature in features]
            if places:
                return sub, places
            break
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
        if all(t.lower_ in DIRECTIONS for t in span) or (end - start == 1
                                                           and span[0].lower_ in GENERIC):
            continue
        sub = Mention(start, end, span.start_char, span.end_char, span.text, "GPE")
        candidates = candidates_for(doc, sub, gaz)
        if candidates:
            return sub, candidates
    return None


def named_after(m: Mention, gaz: Gazetteer) -> list[Place]:
    """Towns and counties a river, lake, park or township may be named after.

    The gazetteer has no rivers or lakes; the town or county of the same name
    in the article's area ("Kanawha River" -> Kanawha County, "Hamilton
    Township" -> Hamilton) is the nearest thing it has, and callers keep only
    those where the article is.
    """
    words = fold(m.text).split()
    base = [w for w in words if w not in FEATURE_WORDS | {"of", "the"}]
    if not base or len(base) == len(words):
        return []
    key = " ".join(base)
    # By its own name: Charleston's old name "Kanawha" is not the river's town.
    names = {key, f"{key} county", f"{key} parish"}
    return [p for p in gaz.lookup(key) if p.feature in {"PPL", "ADM2"} and fold(p.name) in names]
