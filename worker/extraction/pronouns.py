"""Which earlier person a "he" or "she" stands for.

Taking the most recent person named gets news wrong in its commonest shape:
"Perry stepped up his attacks on Obama. In a statement, he decried ..." means
Perry, the subject, not Obama, the last name before the pronoun. So this follows
Hobbs's classic search, reduced to what a dependency parse gives:

* the sentence of the pronoun is searched first, then each sentence before it;
  the first that holds a candidate decides;
* within it, the candidate highest in the sentence's tree wins (a main-clause
  subject over an object or a name inside a phrase), the leftmost on a tie;
* a name fronted as the topic of what the pronoun says ("Of Obama, he said"),
  or the subject above an object pronoun ("Smith dared him"), is never its
  antecedent;
* a plural ("a few people", "they") is never the antecedent, and the genders
  must not disagree ("he told CNN" after "... an aide to Hillary
  Rodham Clinton").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Token

from worker.extraction.gender import Gender

R = TypeVar("R")

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Prepositions that front what a speaker talks about ("Of Obama, he said").
_TOPICAL = frozenset({"of", "about", "on"})
_OBJECT_FORMS = frozenset({"him", "her", "them"})
_PLURAL = frozenset({"NNS", "NNPS"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})


@dataclass(frozen=True)
class Candidate(Generic[R]):
    """A phrase that may be a pronoun's antecedent: its head word, the referent
    it stands for (the caller's), and that referent's gender if known."""

    token: Token
    referent: R
    gender: Gender | None = None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _local_verb(pronoun: Token) -> Token:
    """The verb whose subject an object pronoun cannot be: its own verb, or, up a
    chain of verbs without a subject of their own, the first that has one ("Jordan
    pressed on, daring him to testify": not Jordan; "Trump said the FBI should
    investigate him": not the FBI, but Trump may be)."""
    verb = pronoun.head
    while verb.head.i != verb.i and not any(
        c.dep_ in _SUBJECTS and c.i != pronoun.i for c in verb.children
    ):
        verb = verb.head
    return verb


def _understood_subject(pronoun: Token, token: Token) -> bool:
    """Whether ``token`` lies in a clause without a subject of its own that hangs
    on the pronoun's verb, so has the pronoun as its understood subject
    ("Campaigning against Mitt Romney, he barely mentioned ...": he campaigned
    against Romney, so he is not Romney)."""
    for verb in token.ancestors:
        if verb == pronoun.head:
            return False
        if (verb.dep_ in {"advcl", "xcomp"} and verb.head == pronoun.head
                and not any(c.dep_ in _SUBJECTS for c in verb.children)):
            return True
    return False


def _commanded(pronoun: Token, token: Token) -> bool:
    """Whether ``pronoun`` outranks ``token`` in its own clause, so cannot refer
    to it. An object is outranked by the subject of its own clause ("Smith dared
    him"), whatever the parser makes of the object. A subject outranks what it is
    said of, fronted before it ("Of Obama, he said": the parser often hangs such a
    phrase elsewhere, so position decides), and what a clause without a subject
    of its own says of it ("Campaigning against Romney, he ..."); other fronted
    phrases may well name it ("After Jammeh lost, he refused")."""
    if pronoun.dep_ not in _SUBJECTS or pronoun.lower_ in _OBJECT_FORMS:
        return token.dep_ in _SUBJECTS and token.head == _local_verb(pronoun)
    if _understood_subject(pronoun, token):
        return True
    if pronoun.head.dep_ not in {"ROOT", "parataxis"}:
        return False
    opening = next((t for t in pronoun.sent if not t.is_punct and not t.is_space), None)
    return any(a.dep_ == "prep" and a == opening and a.lower_ in _TOPICAL
               and a.right_edge.i < pronoun.i for a in token.ancestors)


def antecedent(
    pronoun: Token, gender: Gender | None, candidates: Sequence[Candidate[R]]
) -> Candidate[R] | None:
    """The candidate ``pronoun`` refers to, or None when none can."""
    viable = [
        c for c in candidates
        if c.token.i < pronoun.i
        and c.token.tag_ not in _PLURAL and c.token.lower_ not in _PLURAL_PRONOUNS
        and not (gender and c.gender and gender != c.gender)
        and not _commanded(pronoun, c.token)
    ]
    if not viable:
        return None
    nearest = max(c.token.sent.start for c in viable)
    return min((c for c in viable if c.token.sent.start == nearest),
               key=lambda c: (_depth(c.token), c.token.i))
