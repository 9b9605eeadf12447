"""Person spans the recogniser misreads, repaired by their form.

The small English model tags as a person what has a person's shape: two or
three capitalised words. These slips matter for keys and speakers, because a
wrong person span also claims the bare names that follow it ("Trump" after
"Trump Tower" went to the tower's key):

* a span run across a break: a spaced dash, a full stop or a photo credit's
  slash between words ("Ann Boyle - Mary", "island.- Marttila", "Zou Hong /
  China Daily") or a lower-case word ("Luna - grew", "Erasmus of Rotterdam") is
  really the names on either side of it;
* a name headed by an institution's or a building's noun ("Anzhen Hospital",
  "Bertelsmann Stiftung", "Trump Tower") is an organisation or a facility;
  a head that is also a family name ("Hall", "Tower", "Park") counts only when
  the first word is not a given name ("John Tower" stays a person);
* a lone role word ("Commissioner", "President") names no one by itself;
* a lone all-capitals short word ("AQAP", "TASS", "MI6") is an acronym, and
  acronyms name organisations far more often than people; it stays a person
  when the article writes that person's name out ("MBS" after "Mohammed bin
  Salman") or names someone the same in ordinary case ("TRUMP" in a shouted
  headline over "Trump");
* a title-case headline's reporting verb is not part of the name before it
  ("Obama Says").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from worker.extraction.cues import CORE_VERBS
from worker.extraction.given_names import is_given_name
from worker.extraction.model import EntityLabel
from worker.extraction.orgs import initials
from worker.extraction.persons import PARTICLES
from worker.extraction.text import fold, word_set

# Lower-case words inside a person's name: family-name particles, the Arabic
# article, and "the" of "Peter the Great".
_NAME_PARTICLES = PARTICLES | word_set("bint al el y e und zu ter ten op the")
_DASHES = frozenset({"-", "–", "—"})
_WORDS = re.compile(r"[^\w'’]+")
# Punctuation that ends a name: sentence ends and a photo credit's slash.
_STOPS = frozenset({".", "?", "!", ":", ";", "/", "|"})
# Head nouns of organisations' names that are never family names.
_ORG_HEADS = word_set("""
    hospital university college institute institution foundation stiftung corporation
    corp inc ltd llc plc company group network ministry committee council commission
    association agency academy school federation airlines airways news daily
    police department office service army party
    """)
# Head nouns of buildings and places that are never family names.
_FACILITY_HEADS = word_set("center centre stadium arena airport")
# Heads that are family names too ("Tom Hall", "John Tower"): only after a word
# that is not a given name.
_ORG_HEADS_IF_NO_GIVEN = word_set("guide times post press bank church")
_FACILITY_HEADS_IF_NO_GIVEN = word_set("tower hall park street bridge square house")
# Role words that recognisers take for a name when capitalised alone.
_ROLES = word_set("""
    commissioner president chairman chairwoman chancellor senator governor mayor
    minister secretary spokesman spokeswoman spokesperson ambassador premier commander
    inspector superintendent detective sergeant officer professor director
    """)


def _breaks(doc: Doc, i: int) -> bool:
    """True when token ``i`` inside a person span separates two names."""
    token = doc[i]
    if token.text in _DASHES:
        # "Jae-in" is glued on both sides; "Boyle - Mary" is not.
        return token.whitespace_ != "" or doc[i - 1].whitespace_ != ""
    if token.text in _STOPS:
        # The full stop of an initial ("S.") is part of that token; brackets and
        # quotation marks stay, as they enclose a part of the name ("George
        # [W.] Bush", 'I. Lewis "Scooter" Libby').
        return True
    # A lower-case word glued to what precedes it is part of a name ("Jong-un").
    return (token.is_lower and token.is_alpha and token.lower_ not in _NAME_PARTICLES
            and doc[i - 1].whitespace_ != "")


def _third_person(verb: str) -> str:
    """ "says", "denies", "stresses": the form a headline reports in."""
    if verb.endswith("y") and verb[-2:-1] not in set("aeiou"):
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    return verb + "s"


# "Obama Says" in a title-case headline: a reporting verb in the headline's
# present tense is no one's family name.
_HEADLINE_VERBS = frozenset(_third_person(v) for v in CORE_VERBS)


def _capitalised(word: str) -> bool:
    """True for "Mary", "McCormick", "O'Sullivan" and, where punctuation glued
    words into one token, for 'elderly,"?Jackson'."""
    return any(part[:1].isupper() for part in _WORDS.split(word))


def person_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The names inside a person span, split where it runs across a break; a
    piece that is not capitalised ("grew") is no name and is left out."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for i in range(start + 1, end):
        if _breaks(doc, i):
            pieces.append((begin, i))
            begin = i + 1
    pieces.append((begin, end))
    out = []
    for s, e in pieces:
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if e - s > 1 and fold(doc[e - 1].text) in _HEADLINE_VERBS:
            e -= 1
        if any(_capitalised(t.text) for t in doc[s:e]):
            out.append((s, e))
    if len(out) > 1:
        # What a break leaves beside the names is often a title or a word ("Neo
        # Rauch - Comrade and Companion"): a piece is a name only if proper.
        out = [(s, e) for s, e in out
               if not doc[s].is_stop and any(t.pos_ == "PROPN" for t in doc[s:e])]
    return out


def person_label(doc: Doc, start: int, end: int) -> EntityLabel | None:
    """The label a person span really has: "PERSON", "ORG" or "FAC", or None
    for a lone role word."""
    words = [fold(t.text) for t in doc[start:end] if t.is_alpha]
    if not words:
        return "PERSON"
    if len(words) == 1:
        if words[0] in _ROLES:
            return None
        return "ORG" if _acronym(doc, start, end) else "PERSON"
    head = words[-1]
    if head in _ORG_HEADS:
        return "ORG"
    if head in _FACILITY_HEADS:
        return "FAC"
    if is_given_name(words[0]):
        return "PERSON"
    if head in _ORG_HEADS_IF_NO_GIVEN:
        return "ORG"
    if head in _FACILITY_HEADS_IF_NO_GIVEN:
        return "FAC"
    return "PERSON"


def _acronym(doc: Doc, start: int, end: int) -> bool:
    """True for a lone all-capitals word of two to five letters or digits that
    the article does not use as a person's name or initials (see module doc);
    a name's last initials spell it ("Crown Prince Mohammed bin Salman" ends in
    "MBS")."""
    word = doc[start:end].text
    if not (2 <= len(word) <= 5 and word.isalnum() and word.isupper()):
        return False
    if in_capitals(doc, start, end):
        return False
    folded = fold(word)
    if any(t.text != word and fold(t.text) == folded for t in doc):
        return False
    return not any(ent.label_ == "PERSON" and initials(ent.text).endswith(word)
                   for ent in doc.ents)


def in_capitals(doc: Doc, start: int, end: int) -> bool:
    """True when the words around the span are all upper case: a shouted
    headline, where a word's capitals say nothing of what it is."""
    window = [t for t in doc[max(0, start - 3) : min(len(doc), end + 3)] if t.is_alpha]
    outside = [t for t in window if t.i < start or t.i >= end]
    return len(outside) >= 2 and all(t.is_upper for t in outside)
