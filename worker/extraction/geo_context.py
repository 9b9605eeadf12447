"""What an article says about where it is, and how a candidate place fits that.

A place name alone rarely settles the place ("Alexandria" is a city in Egypt,
Virginia, Louisiana and Minnesota). The article does: local news names several
places of one state ("Alexandria", "Rapides Parish", "Pineville"), national news
names the country or its people ("Syrian forces"), and the outlet's own country
code (".co.uk", ".ie") says where its readers are. So a candidate is scored by

* how much of the article's other place names probably lies in its country, in its
  first-level region and within a degree or so of it (the reading that puts the
  article's places together wins; a city of a million is named for its own sake
  and says nothing of the villages around it);
* explicit country mentions and demonyms, and the outlet's country; a local
  outlet's home town ("theparisnews.com") when the article names it;
* population, as a weak prior, and the kind of feature the wording asks for
  ("Homs province" is the region, "Alexandria, La." the one in Louisiana);
* being a national capital: a capital is named in news for its country's sake far
  beyond what its size says, so an article about Washington and Moscow does not
  put Moscow in Idaho, nor Washington in Illinois.

The handful of weights below were chosen on a local-news corpus as a whole (LGL),
not for any one article or outlet.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from worker.extraction.gazetteer import Gazetteer, Place
from worker.extraction.text import fold, word_set

# Country-code domains that are sold as generic names, not for their country.
_GENERIC_TLDS = word_set("tv co io me fm ly ai cc ws to am gg la nu tk ml ga cf gq im")


def outlet_country(outlet: str | None, gaz: Gazetteer) -> str | None:
    """The country an outlet's host name is registered under ("x.co.uk" -> GB)."""
    if not outlet:
        return None
    host = outlet.lower().strip().rstrip(".").split(":")[0]
    tld = host.rsplit(".", 1)[-1]
    if tld == "uk":
        return "GB"
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return None
    return tld.upper() if tld.upper() in gaz.countries else None


def outlet_homes(outlet: str | None, gaz: Gazetteer) -> list[str]:
    """Names of towns a local outlet may be named after: "theparisnews.com" -> "paris".

    Local papers put their town first in their host name ("columbustelegram",
    "richmondregister", "chronicle.augusta"), so every leading part of a label
    that names a town of some size is a candidate, longest first; the one the
    article itself names is taken (see ``places``). Which of the town's namesakes
    it is stays open: the article's other places decide that.
    """
    if not outlet:
        return []
    labels = outlet.lower().strip().rstrip(".").split(":")[0].split(".")[:-1]
    country = outlet_country(outlet, gaz)
    found: list[str] = []
    for label in labels:
        for part in label.split("-"):
            part = part.removeprefix("the")
            for end in range(len(part), HOME_MIN_CHARS - 1, -1):
                places = gaz.lookup(part[:end])
                if any(p.feature == "PCLI" and p.country_code == country for p in places):
                    # "chinadaily.com.cn": named after its own country, a national outlet.
                    continue
                if any(p.feature == "PPL" and p.population >= HOME_MIN_POPULATION
                       for p in places):
                    found.append(part[:end])
    return found


def own_country(key: str, candidates: list[Place], home: str | None) -> Place | None:
    """The country a name is exactly the name of, when the name can only mean it.

    "Egypt", "Turkey" and "China" are also towns in the United States, and an
    article that names many American places would otherwise pull them there. A
    country's own name means the country, unless it is also the name of another
    country's state ("Georgia", left to the article) or of the outlet's home
    town ("Jordan" in jordannews.com). The wording can still ask for a town: a
    dateline, or a state after a comma ("Lebanon, Pa."), narrows the candidates
    before this is asked.
    """
    if key == home:
        return None
    exact = [p for p in candidates if p.feature == "PCLI" and fold(p.name) == key]
    if len(exact) != 1:
        return None
    country = exact[0]
    if any(p.feature == "ADM1" and p.country_code != country.country_code for p in candidates):
        return None
    return country


def own_state(key: str, candidates: list[Place], ctx: Context) -> Place | None:
    """The first-level region a name is exactly the name of, when nothing else of
    weight bears it.

    "Virginia", "Nevada" and "Texas" are towns elsewhere too, and an article
    about Minnesota would otherwise pull "Virginia" to Virginia, Minnesota. In
    LGL's local US news, every one of the 530 bare state names other than
    "Washington" and "Georgia" means the state. So the state's own name means the
    state, unless a country or a national capital bears it too ("Georgia",
    "Washington"), a town of that very region does ("Idlib", "Homs": left to
    the wording and the article), a region of another country the article
    points to does ("Punjab" beside India and Pakistan), or it is the outlet's
    home town. And only in a country the article or its outlet names,
    or that the article's other places mostly lie in: "Hanover" and
    "Manchester" are Jamaican parishes, "Delta" a Nigerian state, and a New
    Hampshire paper means none of them; nor, beside "New York", does
    "Florida" mean the department of Uruguay, which leaves the American state
    the only one in question. A state after a comma ("Virginia, Minn.")
    narrows the candidates before this is asked.
    """
    if key == ctx.home:
        return None
    exact = [p for p in candidates if fold(p.name) == key]
    states = [p for p in exact if p.feature == "ADM1" and ctx.points_to(p.country_code, key)]
    if len(states) != 1:
        # None in a country the article points to, or one in each of two of them.
        return None
    state = states[0]
    if any(p.feature == "PCLI" or p.geonames_id in ctx.capitals
           or (p.country_code, p.admin1) == (state.country_code, state.admin1)
           for p in exact if p is not state):
        return None
    return state


def named_capital(key: str, candidates: list[Place], ctx: Context) -> Place | None:
    """The national capital called exactly this, when the article names its country
    or the outlet comes from there: "Washington" beside "Chicago" and "the US",
    "Dublin" in an Irish paper that also speaks of Georgia's towns."""
    if key == ctx.home:
        return None
    return next((p for p in candidates if p.feature == "PPL" and ctx.capital_called(p, key)
                 and p.country_code in ctx.countries), None)


def own_continent(key: str, candidates: list[Place]) -> Place | None:
    """The continent a name is exactly the name of: "Asia" is the continent, not
    the village in the Philippines, however Philippine the article."""
    return next((p for p in candidates if p.feature == "CONT" and fold(p.name) == key), None)


def sole_reading(key: str, candidates: list[Place], ctx: Context) -> Place | None:
    """The one place a name can only mean: a continent's, a country's, a state's or
    a named country's capital's own name (see the tests above). ``places.choose``
    answers with it, and the article's context counts the name only for it."""
    return (own_continent(key, candidates) or own_country(key, candidates, ctx.home)
            or own_state(key, candidates, ctx) or named_capital(key, candidates, ctx))


@dataclass
class _Mass:
    """Where one place name probably lies: its probability mass by country, region, cell."""

    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    regions: defaultdict[tuple[str, str], float] = field(
        default_factory=lambda: defaultdict(float))
    cells: defaultdict[tuple[int, int], float] = field(default_factory=lambda: defaultdict(float))

    def add(self, other: _Mass) -> None:
        for cc, share in other.countries.items():
            self.countries[cc] += share
        for region, share in other.regions.items():
            self.regions[region] += share
        for cell, share in other.cells.items():
            self.cells[cell] += share


_EMPTY = _Mass()


def _cell(place: Place) -> tuple[int, int] | None:
    """A one-degree grid cell for a point-like place; countries and states have none.

    A state's or country's point says nothing about which towns are near it, so
    only towns and counties take part in the nearness evidence.
    """
    if place.feature in {"PCLI", "ADM1", "CONT"}:
        return None
    return math.floor(place.lat), math.floor(place.lon)


@dataclass
class Context:
    """Country and region evidence gathered from one article.

    Each distinct place name in the article contributes its *probable* readings,
    not all of them: every name has a namesake in some US state, so counting every
    candidate once would make every article American. A name's candidates are
    weighted by a softmax of their scores, and the weights are refined over a
    couple of rounds, so that the reading that puts the article's places together
    (one country, one state, a few tens of kilometres apart) emerges.
    """

    # Explicit: country names, demonyms, the outlet.
    countries: Counter[str] = field(default_factory=Counter)
    # The outlet's home town's name, when the article names it too, and the
    # outlet's country, when its host name tells.
    home: str | None = None
    outlet: str | None = None
    # GeoNames ids of national capitals.
    capitals: frozenset[int] = frozenset()
    # Per name, the population of the biggest town called exactly that.
    famous: dict[str, int] = field(default_factory=dict)
    # Per name, the population and country of the biggest national capital or
    # metropolis called exactly that, or country called so by any of its names.
    eminent: dict[str, tuple[int, str]] = field(default_factory=dict)
    # Names that are exactly a national capital's.
    capital_names: set[str] = field(default_factory=set)
    # States and provinces the article names by their own names.
    states: set[tuple[str, str]] = field(default_factory=set)
    # Countries a probable reading of some name lies in that is the country
    # itself, one of its states or provinces, or a city of ANCHOR_POPULATION.
    anchored: set[str] = field(default_factory=set)
    _own: dict[str, _Mass] = field(default_factory=dict)
    _total: _Mass = field(default_factory=_Mass)

    def settle(self, named: dict[str, list[Place]], rounds: int = 2) -> None:
        """Weigh each name's candidates by the others' current readings."""
        # A country counts by any of its names: "Macedonia" and "Palestine" are
        # countries before they are towns in Ohio and Texas.
        self.famous = {key: max((p.population for p in found
                                 if (p.feature == "PPL" and fold(p.name) == key)
                                 or p.feature == "PCLI"), default=0)
                       for key, found in named.items()}
        self.capital_names = {key for key, found in named.items()
                              if any(self.capital_called(p, key) for p in found)}
        # A name that can only mean one place counts only for that place, as
        # ``places.choose`` will take it: "Dublin" in an Irish paper does not
        # carry its Georgian namesake's state to "Shannon".
        readings = {key: [area] if (area := sole_reading(key, found, self)) else found
                    for key, found in named.items()}
        # "New York" names the city as often as the state: it says nothing of
        # which of the state's villages the article means (Boston or
        # Philadelphia, New York), as a metropolis says nothing of its suburbs.
        metropolitan = {key for key, found in named.items()
                        if any(p.feature == "PPL" and p.population >= METROPOLIS
                               for p in found)}
        self.states = {(p.country_code, p.admin1) for key, found in readings.items()
                       for p in found if len(found) == 1 and p.feature == "ADM1"
                       and key not in metropolitan}
        self.eminent = {key: max(((p.population, p.country_code) for p in found
                                  if p.feature == "PCLI" or (
                                      p.feature == "PPL" and fold(p.name) == key
                                      and (p.geonames_id in self.capitals
                                           or p.population >= METROPOLIS))),
                                 default=(0, ""))
                        for key, found in named.items()}
        probable: list[Place] = []
        for _ in range(rounds):
            own: dict[str, _Mass] = {}
            total = _Mass()
            probable = []
            for key, candidates in readings.items():
                scores = [score(p, key, self, False) for p in candidates]
                top = max(scores)
                weights = [math.exp((s - top) / TEMPERATURE) for s in scores]
                norm = sum(weights)
                mass = _Mass()
                for place, w in zip(candidates, weights, strict=True):
                    share = w / norm
                    if share >= 0.5:
                        probable.append(place)
                    if share < 0.005:
                        continue
                    if place.country_code:
                        mass.countries[place.country_code] += share
                    if place.admin1 and place.feature != "PCLI" and not (
                            place.feature == "ADM1" and key in metropolitan):
                        mass.regions[(place.country_code, place.admin1)] += share
                    cell = _cell(place)
                    if cell is not None and place.population < METROPOLIS:
                        # "Berlin" does not make "Frankfurt" the one on the Oder,
                        # nor "Beijing" make "Hebei" a hamlet in its suburbs.
                        mass.cells[cell] += share
                own[key] = mass
                total.add(mass)
            self._own, self._total = own, total
        self.anchored = {p.country_code for p in probable if p.country_code
                         and (p.feature in {"PCLI", "ADM1"} or p.population >= ANCHOR_POPULATION)}

    def points_to(self, cc: str, key: str) -> bool:
        """Whether the article names the country, its outlet comes from there, or
        the article's other names mostly lie there."""
        return cc in self.countries or cc == self.outlet or cc == self.main_country(key)

    def capital_called(self, place: Place, key: str) -> bool:
        """Whether the place is a national capital and this is its very name."""
        return place.geonames_id in self.capitals and fold(place.name) == key

    def main_country(self, key: str) -> str | None:
        """The country most of the article's other names lie in, if they clearly do."""
        own = self._own.get(key) or _EMPTY
        mass = {cc: share - own.countries.get(cc, 0.0)
                for cc, share in self._total.countries.items()}
        best = max(mass, key=lambda cc: mass[cc], default=None)
        return best if best is not None and mass[best] >= MAIN_COUNTRY else None

    def located(self, key: str) -> float:
        """How many names' worth of readings the article's other names have, anywhere."""
        own = self._own.get(key) or _EMPTY
        return sum(self._total.countries.values()) - sum(own.countries.values())

    def support(self, place: Place, key: str) -> tuple[float, float, float]:
        """How much the article's other names lie in this place's country, region, area."""
        own = self._own.get(key) or _EMPTY
        total = self._total
        cc = place.country_code
        country = total.countries.get(cc, 0.0) - own.countries.get(cc, 0.0)
        region = 0.0
        if place.admin1 and place.feature != "PCLI":
            r = (cc, place.admin1)
            region = total.regions.get(r, 0.0) - own.regions.get(r, 0.0)
        near = 0.0
        cell = _cell(place)
        if cell is not None:
            lat, lon = cell
            for dlat in (-1, 0, 1):
                for dlon in (-1, 0, 1):
                    c = (lat + dlat, lon + dlon)
                    near += total.cells.get(c, 0.0) - own.cells.get(c, 0.0)
        return country, region, near


# Bonuses by feature, without and with a region word next to the name.
FEATURE_BONUS = {"PCLI": (3.0, 3.0), "ADM1": (2.0, 3.0), "ADM2": (-1.5, 3.0), "PPL": (0.0, -1.0)}
COUNTRY_VOTE = 4.0
REGION_VOTE = 8.0
NEAR_VOTE = 2.0
# The outlet's home town: a town (not the country or state of that name), whichever
# of its namesakes the article's other places surround, whatever its size.
HOME_TOWN = 2.0
# Size still counts for the home town, but much less.
HOME_POPULATION = 0.25
HOME_MIN_CHARS = 5
HOME_MIN_POPULATION = 1000
# Weight of log10 population.
POPULATION = 0.8
# A place this size is worth naming by any of its names, and points to its country.
ANCHOR_POPULATION = 100_000
# A town (or a country, by any of its names) this big, and this many times bigger
# than a namesake, overshadows it.
FAMOUS = 100_000
OVERSHADOWED = 5
# ... and this many times bigger still, it leaves the namesake only what lies near it
# (about one other name's worth of readings in the same or a next one-degree cell).
DWARFED = 100
NEAR_ENOUGH = 1.0
# ... and this many times bigger, it leaves the namesake only that even where the
# article names the namesake's state.
VANISHING = 1000
# A national capital, metropolis or country abroad this many times bigger than a
# namesake leaves it no country vote unless something in its state is named.
ECLIPSED = 50
# Less than this of other names' readings in a state is nothing named there.
NAMED_THERE = 0.1
# A place this big (a city, or a county around one) is named for its own sake:
# it says nothing of which of the villages around it the article means.
METROPOLIS = 1_000_000
# A national capital's standing beyond its size.
CAPITAL = 1.0
# Names' worth of probable readings that make a country the article's own.
MAIN_COUNTRY = 2.0
# Softmax temperature of the candidate weights, in score units.
TEMPERATURE = 0.5


def prior(place: Place, key: str, region_word: bool, home: bool = False) -> float:
    """What the name and the place say on their own: size, kind, exact name.

    For the outlet's home town size says little: a local paper's "Paris" is
    its own small town as often as the capital.
    """
    value = POPULATION * math.log10(place.population + 10)
    if fold(place.name) == key:
        # Named by its own name, not one of its many alternative spellings.
        value += 1
    if home:
        return value * HOME_POPULATION + (HOME_TOWN if place.feature == "PPL" else 0.0)
    bonus = FEATURE_BONUS.get(place.feature)
    if bonus is not None:
        value += bonus[region_word]
    return value


def score(place: Place, key: str, ctx: Context, region_word: bool) -> float:
    """Higher is likelier; only differences between one name's candidates matter."""
    if key != ctx.home:
        value = prior(place, key, region_word)
        if ctx.capital_called(place, key):
            value += CAPITAL
    elif ctx.outlet is None:
        value = prior(place, key, region_word, home=True)
    else:
        # The outlet's country is known: its town of that name, whatever else
        # carries the name abroad ("moscowtimes.ru").
        local = place.country_code == ctx.outlet and place.feature == "PPL"
        value = prior(place, key, region_word) + (HOME_TOWN if local else 0.0)
    # The name's own readings are left out, so a lone name gets no support.
    country, region, near = ctx.support(place, key)
    overshadowed = _overshadowed(place, key, ctx)
    # A village a thousand times smaller than its namesake needs neighbours named,
    # not only its state: "Boston" beside "Pennsylvania" is not Boston, PA (545).
    distant = near < NEAR_ENOUGH and _dwarfed(place, key, ctx) and (
        (place.country_code, place.admin1) not in ctx.states
        or _outsized(place, key, ctx, VANISHING))
    if not distant:
        value += REGION_VOTE * _saturate(region)
    value += NEAR_VOTE * _saturate(near)
    eclipsed = region < NAMED_THERE and _eclipsed(place, key, ctx)
    if overshadowed or (distant and key in ctx.capital_names) or eclipsed:
        # Nor its country, beside a national capital of its name: "VIENNA" in a
        # report that names the US and Russia is still Austria's, and "Paris" in
        # one that names only American places still France's.
        return value
    total = sum(ctx.countries.values())
    if total and place.country_code in ctx.countries:
        value += 2 + 4 * ctx.countries[place.country_code] / total
    return value + COUNTRY_VOTE * _saturate(country)


def _dwarfed(place: Place, key: str, ctx: Context) -> bool:
    """Whether a city a hundred times this town's size has its name, so that the
    article's other places in the town's state are not enough: they must be near.

    "Washington, D.C., Austin, Boston, Philadelphia and other cities" are not the
    villages of Austin and Boston, Pennsylvania, whatever Philadelphia's state,
    and "Shenzhen" beside "Shanghai" is not a village in Zhejiang. A local paper's
    Boston or Alexandria has neighbours in the article. For an outlet whose
    country is known, a town abroad needs them beside a namesake five times its
    size: an Irish paper's "Paris-based" company is not in Paris, Texas, however
    often the article names the United States.
    """
    abroad = ctx.outlet is not None and place.country_code != ctx.outlet
    return _outsized(place, key, ctx, OVERSHADOWED if abroad else DWARFED)


def _eclipsed(place: Place, key: str, ctx: Context) -> bool:
    """Whether a national capital, a metropolis or a country abroad has this name
    and ECLIPSED times this town's size, and the article does not name the town's
    state: then, unless ``score`` finds other places of the state named, the
    town's country is no evidence for it.

    An American report that says "withdraw from Paris" means the capital, however
    American the rest of it is. The town's state, named, or other places in it
    still are evidence ("Paris, a town in Texas"; Alexandria beside Pineville
    and Rapides Parish).
    """
    population, country = ctx.eminent.get(key, (0, ""))
    return (key != ctx.home and place.feature in {"PPL", "ADM2"}
            and country != place.country_code
            and (place.country_code, place.admin1) not in ctx.states
            and population >= ECLIPSED * max(place.population, 1))


def _overshadowed(place: Place, key: str, ctx: Context) -> bool:
    """Whether a far bigger town has this name, and the countries the article names
    are mostly others, so that naming this town's country says little for it.

    An Arab League report that names the United States once among many countries
    does not mean Geneva, Illinois, or Moscow, Idaho, when it speaks of "Geneva"
    or "Moscow". The town's state or its neighbours would still (see
    ``REGION_VOTE`` and ``NEAR_VOTE``). A local paper names few countries, most
    often only its own, and keeps its Moscow.
    """
    named = sum(ctx.countries.values())
    return (_outsized(place, key, ctx, OVERSHADOWED)
            and named > 0 and 2 * ctx.countries[place.country_code] <= named)


def _outsized(place: Place, key: str, ctx: Context, times: int) -> bool:
    """Whether a town of at least FAMOUS people, ``times`` this town's or county's
    size, is called by this name (not the outlet's home town's name)."""
    return (key != ctx.home and place.feature in {"PPL", "ADM2"}
            and ctx.famous.get(key, 0) >= max(FAMOUS, times * max(place.population, 1)))


def _saturate(support: float) -> float:
    """0 for no support, about 0.6 for one other name's worth, 1 for many.

    Evidence saturates: once a country or state is clearly the article's, more
    names there add little, so a famous place named in passing in a long local
    article still beats its village namesake in the article's state.
    """
    return 1 - math.exp(-support)
