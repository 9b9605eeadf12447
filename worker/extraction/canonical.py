"""Canonical keys and display names, so variants of one name meet.

Keys are deterministic functions of one article (a type prefix plus a slug), so
two articles that name the same thing produce the same key without sharing any
state and without a knowledge base:

* people by family name (``person:putin`` for "Vladimir Putin", "Putin",
  "President Putin's"), see ``persons``;
* organisations by their canonical shape (``org:russian-defence-ministry`` for
  "the Russian Defense Ministry" and "Russia's Defence Ministry"), see ``orgs``;
  curated ones (``org:islamic-state`` for "IS", "ISIL", "Daesh") from the alias
  table;
* places by their GeoNames id ("geo:163843") once ``places`` resolves them.

The display ``name`` is the longest form the article uses ("Vladimir Putin").
Before keys are made, a mention the recogniser gave another label but which is
the name of a person the article names ("Trump" tagged ORG) becomes a person.
"""

from __future__ import annotations

from worker.extraction.aliases import AliasEntry, get_aliases
from worker.extraction.mention import Mention
from worker.extraction.orgs import (
    has_nationality,
    initials,
    is_acronym,
    is_institution,
    org_name,
)
from worker.extraction.persons import parse_name, resolve_people, strip_title
from worker.extraction.text import fold, slug

PREFIX = {"PERSON": "person", "ORG": "org", "NORP": "norp", "EVENT": "event",
          "GPE": "gpe", "LOC": "loc", "FAC": "fac"}
_RELABEL = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def _singular_demonym(text: str) -> str:
    """ "Syrians" -> "Syrian", "Iraqis" -> "Iraqi": one key for the group and its members."""
    if text.endswith(("ans", "is")) and " " not in text:
        return text[:-1]
    return text


def key_slug(name: str) -> str:
    """The slug of ``name`` with regional spellings unified ("defense" -> "defence")."""
    spelling = get_aliases().spelling
    return "-".join(spelling.get(w, w) for w in slug(name).split("-") if w)


def _relabel_people(mentions: list[Mention]) -> None:
    """ "Trump" tagged ORG in an article naming "Donald Trump" is the person.

    A full name is evidence enough for any label; a bare name the recogniser also
    tags as a person elsewhere in the article only for organisation and group
    labels (a bare "Jordan" tagged once as a person does not make the country one).
    """
    aliases = get_aliases()
    full: set[str] = set()
    bare: set[str] = set()
    for m in mentions:
        if m.label == "PERSON":
            parsed = parse_name(m.text)
            if parsed.given:
                full.update({parsed.family, fold(parsed.display)})
            else:
                bare.add(parsed.family)
    for m in mentions:
        if m.label not in _RELABEL or aliases.find(m.text) is not None:
            continue
        name = fold(strip_title(m.text))
        if name in full or (name in bare and m.label in {"ORG", "NORP"}):
            m.label = "PERSON"


def _curated(m: Mention) -> AliasEntry | None:
    """The alias-table entry for the mention, or for the name its acronym expands."""
    aliases = get_aliases()
    found = aliases.find(m.text)
    if found is None and m.expansion:
        found = aliases.find(m.expansion)
    return found


def _org_names(mentions: list[Mention]) -> dict[int, str]:
    """Canonical names of the organisation mentions, by position in ``mentions``."""
    aliases = get_aliases()
    names: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if m.label == "ORG" and aliases.find(m.text) is None and not m.expansion:
            names[i] = org_name(m.text, m.qualifier)
    bodies: dict[str, set[str]] = {}
    for n in names.values():
        if has_nationality(n):
            bodies.setdefault(key_slug(n.split(" ", 1)[1]), set()).add(n)
    # A bare "Defence Ministry" goes to the one country's ministry the article names.
    qualified = {b: min(ns) for b, ns in bodies.items() if len({key_slug(n) for n in ns}) == 1}
    by_initials = {initials(n): n for n in names.values() if len(n.split()) > 1}
    for i, name in names.items():
        body = key_slug(name)
        if is_institution(name) and body in qualified:
            names[i] = qualified[body]
        elif is_acronym(name) and name.replace(".", "") in by_initials:
            names[i] = by_initials[name.replace(".", "")]
    for i, m in enumerate(mentions):
        if m.expansion and _curated(m) is None:
            names[i] = org_name(m.expansion)
    return names


def canonicalise(mentions: list[Mention]) -> None:
    """Fill in ``key`` and ``name`` of every mention (places are refined later)."""
    curated = [_curated(m) for m in mentions]
    for m, entry in zip(mentions, curated, strict=True):
        # A curated organisation is one, whatever the model took it for: "Xinhua
        # reported" is no town, "Photo by Xinhua" no person.
        if entry is not None and entry.label == "ORG":
            m.label = "ORG"
    _relabel_people(mentions)
    people = [m for m in mentions if m.label == "PERSON"]
    resolved = resolve_people([m.text for m in people], [m.honorific for m in people])
    for m, (key, name) in zip(people, resolved, strict=True):
        m.key, m.name = key, name
    orgs = _org_names(mentions)
    for i, m in enumerate(mentions):
        if m.label == "PERSON":
            continue
        entry = curated[i] if i not in orgs else None
        if entry is not None:
            m.name = entry.name
            m.key = entry.key or f"{PREFIX[m.label]}:{key_slug(entry.name)}"
            continue
        if i in orgs:
            m.name = orgs[i]
            m.label = "ORG"
        else:
            m.name = _singular_demonym(m.text) if m.label == "NORP" else m.text
        m.key = f"{PREFIX[m.label]}:{key_slug(m.name)}"
