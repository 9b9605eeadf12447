"""People the recogniser tags as organisations, told by the words around them.

The small English model tags some full names as organisations in every frame it
meets them in: "US Ambassador to the UN Nikki Haley", "Nikki Haley, US
ambassador to the UN, who said ...". The name alone cannot settle it, since
firms carry people's names too ("Morgan Stanley", "Charles Schwab"), but the
sentence can: only a person holds a role ("Gov. Nikki Haley", "Nikki Haley,
the ambassador") or is followed by "who" ("Morgan Stanley, which advised ...").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.extraction.given_names import is_given_name
from worker.extraction.person_spans import person_label
from worker.extraction.text import fold, word_set

# Offices only a person holds, as a title in front ("Gov.", "Ambassador") or as
# the head of an apposition ("..., US ambassador to the UN,").
_ROLE_NOUNS = word_set("""
    president minister secretary senator sen representative rep governor gov mayor
    ambassador envoy chancellor premier chairman chairwoman spokesman spokeswoman
    spokesperson commissioner judge justice general gen admiral commander director
    founder ceo chief king queen prince princess sheikh emir sultan pope
    professor prof dr mr mrs ms actress actor singer rapper author writer
    lawmaker congressman congresswoman candidate nominee adviser advisor aide
""")
# Words that may stand between a title in front and the name: "Ambassador to
# the UN Nikki Haley", "Secretary of State Rex Tillerson".
_BETWEEN = word_set("to of for the")
_CLOSERS = frozenset({"]", ")"})
_LOOK_BACK = 6


def is_role(token: Token) -> bool:
    """Whether a word names an office only a person holds ("Gov.", "ambassador")."""
    return fold(token.text.rstrip(".")) in _ROLE_NOUNS


def _titled(doc: Doc, start: int) -> bool:
    """A capitalised role word before the name, across the words of its office;
    not right after "of" or "to", where the span is the office's own object
    ("Director of Press Freedom Programmes")."""
    i = start - 1
    while i >= 0 and doc[i].text in _CLOSERS:
        i -= 1
    if i >= 0 and fold(doc[i].text) in _BETWEEN:
        return False
    for j in range(i, max(-1, i - _LOOK_BACK), -1):
        token = doc[j]
        if token.text[:1].isupper() and is_role(token):
            return True
        if not (token.pos_ == "PROPN" or fold(token.text) in _BETWEEN):
            return False
    return False


def _person_dependents(root: Token) -> bool:
    """An apposition headed by a role, or a relative clause opened by "who"."""
    for child in root.children:
        if child.dep_ == "appos" and is_role(child):
            return True
        if child.dep_ == "relcl" and any(
            c.lower_ in {"who", "whom"} for c in child.children
            if c.dep_ in {"nsubj", "nsubjpass", "dobj"}
        ):
            return True
    return root.dep_ == "appos" and is_role(root.head)


def person_in_frame(doc: Doc, start: int, end: int) -> bool:
    """True when an organisation span is a person's full name in a person's frame:
    two or three capitalised words, the first a given name, no institution's
    noun at the end, with a role or "who" beside it."""
    words = doc[start:end]
    if not (2 <= len(words) <= 3 and all(t.is_alpha and t.is_title for t in words)):
        return False
    if not is_given_name(fold(words[0].text)) or person_label(doc, start, end) != "PERSON":
        return False
    return _titled(doc, start) or _person_dependents(words.root)
