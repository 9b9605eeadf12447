"""Grammatical gender of people in one article, for "he" and "she" to agree with.

"He told CNN" after a sentence naming "Huma Abedin, a longtime aide to Hillary
Rodham Clinton" does not mean either woman. A person's gender is read only from
what the article itself writes about them: an honorific ("Mr. Weiner", "Ms.
Cordova"), a gendered title or role next to the name ("spokeswoman Lis Smith",
"his wife, Huma Abedin", "Congressman Weiner") and, through ``given_names``, a
given name that is overwhelmingly one gender. Evidence that disagrees leaves the
person without a gender, so agreement never rules out the right antecedent on
a guess.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from worker.extraction.given_names import Gender, agreed
from worker.extraction.mention import Mention
from worker.extraction.persons import HONORIFICS, name_gender, parse_name
from worker.extraction.text import fold, word_set

__all__ = ["Gender", "person_genders", "word_gender"]

_FEMALE = word_set("""madam madame she her hers woman women lady spokeswoman
    congresswoman chairwoman businesswoman councilwoman assemblywoman alderwoman
    sportswoman actress wife mother daughter sister grandmother granddaughter aunt niece
    queen princess duchess countess girl girlfriend widow stepmother""")
_MALE = word_set("""he him his man men sir spokesman congressman businessman councilman
    assemblyman alderman sportsman actor husband father son brother grandfather grandson
    uncle nephew king prince duke count boy boyfriend widower stepfather""")
def word_gender(word: str) -> Gender | None:
    """The gender a word marks: a pronoun, an honorific or a gendered noun."""
    w = fold(word)
    if w in HONORIFICS:
        return HONORIFICS[w]
    return "f" if w in _FEMALE else "m" if w in _MALE else None


def _marks(doc: Doc, m: Mention) -> list[Gender | None]:
    """Honorifics and gendered titles in and around one mention: the word just
    before it, titles inside it, nouns in apposition or governing it ("his wife,
    Huma Abedin")."""
    span = doc[m.start : m.end]
    # Inside the name a gendered title counts ("Spokeswoman Lis Smith", "Queen
    # Elizabeth"), but never the family name: "Carole King" is not a king.
    words: list[Token] = list(span[:-1])
    if m.start > 0 and doc[m.start - 1].pos_ != "PRON":  # "told him Sarah ..."
        words.append(doc[m.start - 1])
    root = span.root
    words += [t for t in root.children if t.dep_ in {"appos", "compound"} and t.i < m.start]
    words += [t for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.append(root.head)
    return [word_gender(t.text) for t in words]


def person_genders(doc: Doc, mentions: Iterable[Mention]) -> dict[str, Gender]:
    """Each named person's gender, by key, where the article's evidence agrees."""
    votes: dict[str, list[Gender | None]] = {}
    for m in mentions:
        if m.label == "PERSON":
            votes.setdefault(m.key, []).extend([*_marks(doc, m), name_gender(parse_name(m.text))])
    out = {}
    for key, marks in votes.items():
        gender = agreed(marks)
        if gender is not None:
            out[key] = gender
    return out
