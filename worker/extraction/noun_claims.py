"""Claims with a noun for a cue: "his claim that ...", "Trump's support for X".

A reporting or attitude noun with a possessive names its source as plainly as
a verb with a subject: "Clinton's criticism of the deal" attributes a
criticism of the deal to Clinton. Only nouns that denote saying, proposing or
holding a view count, and only with a possessive source and a complement
(a "that" clause, an infinitive, or a "for/of/on/about/to/against" phrase);
a bare "the plan" attributes nothing.

Without a possessive, a noun with a complement clause or infinitive reports
it when the lexicon learned from annotated news says that noun does so with
that complement ("amid growing concerns that ...", "a promise to ..."; not
"the fact that ...", "plans to ..."). Its source is then unnamed, unless a
light verb's subject made it ("the company made a promise to ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from worker.extraction.claim_content import token_fragments
from worker.extraction.claim_model import RawClaim
from worker.extraction.cues import TIME_ENTITIES
from worker.extraction.text import word_set

NOUN_CUES = word_set("""
    claim claims statement statements remark remarks comment comments assertion
    allegation allegations accusation accusations argument suggestion proposal
    promise promises pledge vow call calls demand demands request
    refusal criticism criticisms attack attacks complaint complaints
    opposition endorsement view views belief beliefs hope hopes fear fears
    concern concerns warning warnings threat threats insistence denial question
    questions
    """)
_PREPS = word_set("for of on about to against over")
# Nouns whose "to" phrase names who was addressed ("his statements to the FBI",
# "a complaint to the court"), not what was said.
_ADDRESSED = word_set("statement remark comment complaint claim threat warning letter")


def noun_claim(tok: Token) -> tuple[tuple[int, int], tuple[int, int], list[int]] | None:
    """(cue, source, content tokens) of a reporting noun, or None."""
    owners = [c for c in tok.lefts if c.dep_ == "poss"]
    if not owners:
        return None
    source = (owners[0].left_edge.i, owners[0].right_edge.i + 1)
    for child in tok.rights:
        if child.dep_ in {"acl", "ccomp"} or (child.dep_ == "relcl" and any(
                c.lower_ == "that" and c.dep_ == "mark" for c in child.children)):
            return (tok.i, tok.i + 1), source, [t.i for t in child.subtree]
        if child.dep_ == "prep" and child.lower_ in _PREPS and not (
                child.lower_ == "to" and tok.lemma_.lower() in _ADDRESSED):
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}
                       and c.ent_type_ not in TIME_ENTITIES]
            if objects:
                return ((tok.i, child.i + 1), source,
                        [t.i for o in objects for t in o.subtree])
    return None


def noun_complement(noun: Token) -> tuple[str, Token] | None:
    """A noun's complement clause ("the suggestion that he lied": "clause") or
    infinitive ("a promise to cut taxes": "inf"), not a relative clause."""
    if noun.pos_ != "NOUN":
        return None
    for child in noun.rights:
        if child.dep_ not in {"acl", "ccomp"}:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" and c.i == child.left_edge.i
               for c in child.children):
            return "clause", child
        if any(c.dep_ == "aux" and c.lower_ == "to" and c.i == child.left_edge.i
               for c in child.children):
            return "inf", child
    return None


def learned_noun_claim(tok: Token, text: str, nouns: frozenset[tuple[str, str]]
                       ) -> RawClaim | None:
    """A noun the lexicon learned to report with its complement, with no
    possessive source ("amid growing concerns that ...", "the suggestion that
    ..."): a claim whose source the sentence does not name."""
    found = noun_complement(tok)
    if found is None or (tok.lemma_.lower(), found[0]) not in nouns:
        return None
    frags = token_fragments(tok.doc, [t.i for t in found[1].subtree], text)
    # The cue is the whole noun phrase before the complement ("a tacit
    # acknowledgment that ...", "growing concerns that ..."), as annotated.
    start = min([tok.i, *(c.left_edge.i for c in tok.lefts
                         if c.dep_ in {"det", "amod", "compound", "nummod"})])
    return RawClaim((start, tok.i + 1), None, frags, direct=False) if frags else None


def noun_raw_claim(tok: Token, text: str) -> RawClaim | None:
    """The claim of a reporting noun, if it has a source and a complement."""
    found = noun_claim(tok)
    if found is None:
        return None
    cue, source, content = found
    frags = token_fragments(tok.doc, content, text)
    return RawClaim(cue, source, frags, direct=False) if frags else None
