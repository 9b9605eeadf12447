"""Canonical keys and display names, so variants of one name meet.

Keys are deterministic functions of the canonical name (a type prefix plus a
slug), so two articles that name the same thing produce the same key without
sharing any state: "org:islamic-state", "person:vladimir-putin",
"org:russian-defence-ministry". Places use their GeoNames id ("geo:163843")
once resolved. Within one article, a short form of a person's name ("Putin",
"President Putin") resolves to the longest form the article uses ("Vladimir
Putin"), which is how news style introduces and then shortens names.
"""

from __future__ import annotations

from worker.extraction.aliases import get_aliases
from worker.extraction.entities import Mention
from worker.extraction.text import fold, slug, word_set

# Titles and roles that precede a person's name; never part of the key.
TITLES = word_set("""
    president vice prime minister secretary defense defence foreign interior state
    mr mrs ms miss dr prof professor gen general col colonel lt maj major sgt adm admiral
    sen senator rep representative gov governor mayor king queen prince princess pope
    sheikh sheik chancellor premier chairman chairwoman chief judge justice ambassador
    spokesman spokeswoman leader former late sir lord lady dame rev reverend saint st
    us u s uk russian american british french german chinese syrian iranian israeli
    """)
_PARTICLES = ("al-", "el-", "al ", "el ")
PREFIX = {"PERSON": "person", "ORG": "org", "NORP": "norp", "EVENT": "event",
          "GPE": "gpe", "LOC": "loc", "FAC": "fac"}


def _strip_title(name: str) -> str:
    words = name.split()
    while len(words) > 1 and fold(words[0]) in TITLES:
        words = words[1:]
    return " ".join(words)


def _surname_form(word: str) -> str:
    folded = fold(word)
    for particle in _PARTICLES:
        if folded.startswith(particle.replace("-", " ")):
            return folded[len(particle):]
    return folded


def _singular_demonym(text: str) -> str:
    """ "Syrians" -> "Syrian", "Iraqis" -> "Iraqi": one key for the group and its members."""
    if text.endswith(("ans", "is")) and " " not in text:
        return text[:-1]
    return text


def key_slug(name: str) -> str:
    """The slug of ``name`` with regional spellings unified ("defense" -> "defence")."""
    spelling = get_aliases().spelling
    return "-".join(spelling.get(w, w) for w in slug(name).split("-") if w)


def _person_names(mentions: list[Mention]) -> dict[str, str]:
    """Map each stripped person name to the longest in-article form it abbreviates."""
    names = {_strip_title(m.text) for m in mentions if m.label == "PERSON"}
    tokens = {n: [_surname_form(w) for w in n.split()] for n in names}
    resolved: dict[str, str] = {}
    for name, words in tokens.items():
        longer = [
            other for other, owords in tokens.items()
            if len(owords) > len(words) and owords[-len(words):] == words
        ]
        # Two different long forms ending alike ("Hillary Clinton", "Bill
        # Clinton") leave the short form ambiguous: keep it as it is.
        targets = {max(longer, key=len)} if longer else set()
        if len({" ".join(tokens[o]) for o in longer}) > 1:
            targets = set()
        resolved[name] = targets.pop() if targets else name
    return resolved


def canonicalise(mentions: list[Mention]) -> None:
    """Fill in ``key`` and ``name`` of every mention (places are refined later)."""
    aliases = get_aliases()
    persons = _person_names(mentions)
    for m in mentions:
        if m.label == "PERSON":
            m.name = persons.get(_strip_title(m.text), _strip_title(m.text))
            m.key = f"person:{key_slug(m.name)}"
            continue
        entry = aliases.find(m.text)
        if entry is not None:
            m.name = entry.name
            m.key = entry.key or f"{PREFIX[m.label]}:{key_slug(entry.name)}"
            continue
        m.name = _singular_demonym(m.text) if m.label == "NORP" else m.text
        m.key = f"{PREFIX[m.label]}:{key_slug(m.name)}"
