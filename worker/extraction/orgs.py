"""Organisation names normalised, so one body gets one key across articles and outlets.

Outlets name the same government body in several shapes: "the Russian Defense
Ministry", "Russia's Defence Ministry", "the Ministry of Defence", or "the Defense
Ministry" once the country is clear. Keys are made from one canonical shape:

* "Ministry of Defence" -> "Defence Ministry" (and "Foreign Affairs Ministry" ->
  "Foreign Ministry"), the word order headlines use;
* a country's possessive becomes its adjective ("Russia's" -> "Russian"), from the
  curated ``nationality`` table, and so does a country after a body's name
  ("Ministry of Foreign Affairs of Ukraine" -> "Ukrainian Foreign Ministry");
* a generic institution ("Defence Ministry", "Army") takes the nationality written
  just before it but outside the recognised span ("Russian" + "Defense Ministry");
* within one article, the bare form goes to the one nationality-qualified form the
  article uses;
* an acronym goes to the article's organisation whose initials it spells, or
  which it follows in parentheses (see ``acronyms``).

Regional spelling is unified when the slug is made (``canonical.key_slug``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from worker.extraction.aliases import get_aliases
from worker.extraction.text import fold, word_set

# Head nouns of bodies that only name something together with a country.
INSTITUTIONS = word_set("""
    ministry department office army navy forces force parliament court government
    embassy police council agency service services committee guard military cabinet
    """)
_OF_FORM = re.compile(r"^(Ministry|Department|Office)\s+(?:of|for)\s+(?:the\s+)?(.+)$", re.I)
_POSSESSIVE_COUNTRY = re.compile(r"^(.+?)\s*['’]s\s+(.+)$")
_OF_COUNTRY = re.compile(r"^(.+?)\s+of\s+(?:the\s+)?(\S+)$")
SMALL_WORDS = word_set("of for the and on in de du des la le to at without")


def nationality(word: str) -> str | None:
    """The adjective for a country or demonym ("Russia", "Russian" -> "Russian")."""
    table = get_aliases().nationality
    folded = fold(word)
    if folded in table:
        return table[folded]
    adjectives = _adjectives()
    return adjectives.get(folded) or adjectives.get(folded[:-1])


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Folded nationality adjective -> its spelling, built once: every entity
    name asks."""
    return {fold(a): a for a in get_aliases().nationality.values()}


def is_institution(name: str) -> bool:
    words = fold(name).split()
    return bool(words) and words[-1] in INSTITUTIONS


def has_nationality(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and nationality(words[0]) is not None


def org_name(text: str, qualifier: str = "") -> str:
    """The canonical shape of an organisation's name (see the module docstring)."""
    name = text
    possessive = _POSSESSIVE_COUNTRY.match(name)
    if possessive and (adjective := nationality(possessive[1])):
        name = f"{adjective} {possessive[2]}"
    of_country = _OF_COUNTRY.match(name)
    if of_country and is_institution(_OF_FORM.sub(r"\1", of_country[1])) and (
            adjective := nationality(of_country[2])):
        # "Ministry of Foreign Affairs of Ukraine" -> "Ukrainian Ministry of Foreign Affairs"
        name = f"{adjective} {of_country[1]}"
    words = name.split()
    lead = f"{words[0]} " if has_nationality(name) else ""
    body = name[len(lead):]
    of_form = _OF_FORM.match(body)
    if of_form:
        body = f"{of_form[2]} {of_form[1]}"
    body = re.sub(r"\s+Affairs\s+(Ministry|Department)$", r" \1", body, flags=re.I)
    if not lead and qualifier and is_institution(body) and (adj := nationality(qualifier)):
        lead = f"{adj} "
    return lead + body


def initials(name: str) -> str:
    """ "Syrian Observatory for Human Rights" -> "SOHR": capitals of the main words."""
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w[0].isalpha() and w.lower() not in SMALL_WORDS).upper()


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
