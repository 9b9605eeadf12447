"""Which state a government speaker speaks for.

Outlets name one government's voice in many ways: "Moscow says", "Russia said",
"the Kremlin said", "the Russian Defence Ministry said". Matching claims across
outlets compares statements of one speaker, so these have to meet somewhere
without merging the speakers themselves (a search for the ministry's statements
should still find the ministry). Each government speaker therefore gets the ISO
code of the state it speaks for, from:

- a country named as speaker ("Russia said");
- a capital standing for its government ("Moscow said", "Washington warned"),
  which the recogniser often tags as an organisation;
- a government body qualified by its country ("the Russian Defence Ministry",
  "Iran's foreign ministry", "the US military").

Capitals come from the gazetteer package's country table, so the list is
GeoNames' own and covers every state.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from worker.extraction.gazetteer import Gazetteer, capital_names
from worker.extraction.model import Claim, Location
from worker.extraction.speakers import GOVERNMENT_WORDS
from worker.extraction.text import fold

# Seats of government that stand for one state's government in news text.
SEATS = {"kremlin": "RU", "white house": "US", "pentagon": "US", "state department": "US",
         "downing street": "GB", "elysee": "FR", "elysee palace": "FR"}
# Names that are also capitals but rarely speak for a state in news text.
_NOT_METONYMS = frozenset({"victoria", "kingston", "georgetown", "hamilton", "san jose"})


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Folded capital name -> ISO code of its country."""
    out: dict[str, str] = {}
    for code, name in capital_names().items():
        if name not in _NOT_METONYMS:
            out.setdefault(name, code)
    return out


def _country_of_place(claim: Claim, locations: Sequence[Location]) -> str | None:
    """A country, capital or seat of government named as the speaker."""
    place = next((p for p in locations if p.key == claim.speaker_key), None)
    if place is not None and place.kind == "country":
        return place.country_code
    # The words as written: a resolved place's name may differ ("Moscow" -> the city's
    # GeoNames name).
    for raw in (claim.speaker.text if claim.speaker else "", claim.speaker_name or ""):
        name = fold(raw)
        name = name[4:] if name.startswith("the ") else name
        if name in SEATS:
            return SEATS[name]
        code = capitals().get(name)
        if code is not None and (place is None or place.country_code == code):
            return code
    return None


def _country_in_name(name: str, gaz: Gazetteer) -> str | None:
    """The country qualifying a government body: "Russian", "Iran's", "US"."""
    for word in fold(name.replace("'s", " ")).split():
        if word in GOVERNMENT_WORDS:
            continue
        code = gaz.demonyms.get(word)
        if code is None:
            countries = [p for p in gaz.lookup(word) if p.kind == "country"]
            code = countries[0].country_code if len(countries) == 1 else None
        if code is not None:
            return code
    return None


def attach_states(claims: list[Claim], locations: Sequence[Location],
                  gaz: Gazetteer) -> list[Claim]:
    """Fill ``speaker_country`` of government speakers; returns ``claims``.

    A capital named as speaker becomes a government speaker even when the
    recogniser took it for an organisation.
    """
    for claim in claims:
        name = claim.speaker_name or (claim.speaker.text if claim.speaker else "")
        if claim.speaker_type not in ("government", "organisation") or not name:
            continue
        code = _country_of_place(claim, locations)
        if code is not None:
            claim.speaker_type = "government"
        elif claim.speaker_type == "government":
            code = _country_in_name(name, gaz)
        claim.speaker_country = code
    return claims
