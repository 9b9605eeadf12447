"""What an article says about where it is, and how a candidate place fits that.

A place name alone rarely settles the place ("Alexandria" is a city in Egypt,
Virginia, Louisiana and Minnesota). The article does: local news names several
places of one state ("Alexandria", "Rapides Parish", "Pineville"), national news
names the country or its people ("Syrian forces"), and the outlet's own country
code (".co.uk", ".ie") says where its readers are. So a candidate is scored by

* how many of the article's other place names could lie in its country and in its
  first-level region (the reading that puts the article's places together wins);
* explicit country mentions and demonyms, and the outlet's country;
* population, as a weak prior, and the kind of feature the wording asks for
  ("Homs province" is the region, "Alexandria, La." the one in Louisiana).

Weights were set on held-out local news, not on any one article.
"""

from __future__ import annotations

import math
from collections import Counter
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


@dataclass
class Context:
    """Country and region evidence gathered from one article."""

    # Explicit: country names, demonyms, the outlet.
    countries: Counter[str] = field(default_factory=Counter)
    # Soft votes: for each distinct place name, every country / (country, admin1)
    # one of its candidates lies in.
    country_votes: Counter[str] = field(default_factory=Counter)
    region_votes: Counter[tuple[str, str]] = field(default_factory=Counter)
    names: int = 0
    # States and provinces the article names outright ("Minnesota").
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add_candidates(self, candidates: list[Place]) -> None:
        """Count one place name's possible countries and regions once each."""
        countries = {p.country_code for p in candidates if p.country_code}
        regions = {(p.country_code, p.admin1) for p in candidates
                   if p.admin1 and p.feature != "PCLI"}
        self.country_votes.update(countries)
        self.region_votes.update(regions)
        self.names += 1
        for p in candidates:
            if p.feature == "ADM1":
                self.regions[(p.country_code, p.admin1)] += 1


# Bonuses by feature, without and with a region word next to the name.
FEATURE_BONUS = {"PCLI": (3.0, 3.0), "ADM1": (2.0, 3.0), "ADM2": (-1.5, 3.0), "PPL": (0.0, -1.0)}
COUNTRY_VOTE = 4.0
REGION_VOTE = 8.0
NAMED_REGION = 2.0



def score(place: Place, key: str, ctx: Context, region_word: bool) -> float:
    """Higher is likelier; only differences between one name's candidates matter."""
    value = math.log10(place.population + 10) / 2
    if fold(place.name) == key:
        # Named by its own name, not one of its many alternative spellings.
        value += 1
    bonus = FEATURE_BONUS.get(place.feature)
    if bonus is not None:
        value += bonus[region_word]
    total = sum(ctx.countries.values())
    if total and place.country_code in ctx.countries:
        value += 2 + 4 * ctx.countries[place.country_code] / total
    if ctx.names > 1:
        others = ctx.names - 1
        value += COUNTRY_VOTE * (ctx.country_votes[place.country_code] - 1) / others
        if place.admin1:
            votes = ctx.region_votes[(place.country_code, place.admin1)]
            value += REGION_VOTE * max(0, votes - 1) / others
        if place.admin1:
            named = ctx.regions[(place.country_code, place.admin1)]
            if named and place.feature != "ADM1":
                value += NAMED_REGION
    return value
