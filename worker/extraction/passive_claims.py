"""Claims whose source is a "by" phrase or unstated: passive and raising cues.

* "Trump is expected to win", "Cruz is seen as a spoiler": an attribution with
  no stated source; its content is what is expected or seen, the passive
  subject together with the complement ("Trump | to win"). A charge counts
  as a complement: "X was accused of using ..." (cue "was accused of").
* "Cruz was endorsed by Fiorina": the agent is the source, the passive subject
  the content.
* "Asked whether ..., he said": the question is attributed, to the asker if
  named ("asked by a reporter").
* "Trump seemed to enjoy it", "the plan appears doomed": an impression with no
  stated source (the subject is what is described, not who speaks); the
  content is the subject with the complement.

Without a complement or an agent ("he was told") there is nothing to attribute.
"""

from __future__ import annotations

from spacy.tokens import Token

from worker.extraction.claim_content import apposed_speaker, comma_before, side_participle

_COMPLEMENT_DEPS = frozenset({"xcomp", "oprd", "ccomp"})
RAISING_CUES = frozenset({"seem", "appear"})
_RAISED_DEPS = frozenset({"xcomp", "acomp", "attr", "oprd"})
# "was accused of using ...", "have been blamed for introducing ...": the charge
# is attributed even with no accuser named.
_CHARGE_PREPS = {"accuse": "of", "suspect": "of", "blame": "for", "criticize": "for",
                 "fault": "for", "condemn": "for", "praise": "for", "credit": "with",
                 "charge": "with"}


def _agent(cue: Token) -> tuple[int, int] | None:
    for child in cue.rights:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].left_edge.i, objects[0].right_edge.i + 1
    return None


def _complement(cue: Token, cue_end: int) -> list[int]:
    for child in cue.rights:
        if child.dep_ in _COMPLEMENT_DEPS:
            return [t.i for t in child.subtree]
        if child.dep_ == "prep" and child.lower_ == "as":
            return [t.i for t in child.subtree if t.i >= cue_end]
        if (child.dep_ == "prep" and child.lower_ == _CHARGE_PREPS.get(cue.lemma_.lower())
                and any(c.dep_ == "pcomp" for c in child.children)):
            return [t.i for t in child.subtree if t.i >= cue_end]
    return []


def charge_end(cue: Token, cue_end: int) -> int:
    """The cue's end with its charge preposition ("was accused of"), which is
    part of the cue, not of what is charged."""
    doc = cue.doc
    if (cue_end < len(doc) and doc[cue_end].head.i == cue.i
            and doc[cue_end].lower_ == _CHARGE_PREPS.get(cue.lemma_.lower())):
        return cue_end + 1
    return cue_end


def passive_claim(cue: Token, cue_end: int) -> tuple[tuple[int, int] | None, list[int]] | None:
    """(source or None, content tokens) of a passive cue, or None."""
    if cue.lemma_.lower() in RAISING_CUES:
        return _raising(cue)
    agent = _agent(cue)
    if cue.lemma_.lower() == "ask" and cue.dep_ == "advcl" and _participle(cue):
        asked = [t.i for c in cue.rights if c.lower_ != "by" and (
                     c.dep_ in {"ccomp", "prep", "xcomp"} or (c.dep_ == "advcl" and _question(c)))
                 for t in c.subtree]
        # "Asked about X, Rubio said": the parser may hang the speaker on X.
        speaker = apposed_speaker(cue.head) if cue.head.i > cue.i + 1 else None
        if speaker is not None:
            asked = [i for i in asked if i < speaker.left_edge.i]
        return (agent, asked) if asked else None
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    if not subjects:
        return None
    subject = [t.i for t in subjects[0].subtree]
    if agent is not None:
        return agent, subject
    complement = _complement(cue, cue_end)
    return (None, _unless_it(subjects[0], complement) + complement) if complement else None


def _unless_it(subject: Token, complement: list[int]) -> list[int]:
    """The subject's tokens, none when it is a bare "it" that holds the place of
    a clause: in "it was revealed that ...", "it seems likely that ..." the
    clause is what is reported. A referring "it" stays: "it is considered a
    threat", "it appeared to undercut her argument that ..."."""
    doc = subject.doc
    cue = subject.head
    if subject.lower_ == "it" and subject.left_edge.i == subject.right_edge.i and any(
            doc[i].dep_ == "ccomp" and cue in (doc[i].head, doc[i].head.head)
            for i in complement):
        return []
    return [t.i for t in subject.subtree]


def _participle(cue: Token) -> bool:
    """"Asked whether ...": tagged VBN, or VBD when it opens the sentence or
    follows "when" (the tagger's usual slip there)."""
    if cue.tag_ == "VBN":
        return True
    before = cue.doc[cue.i - 1] if cue.i > cue.sent.start else None
    return cue.tag_ == "VBD" and (before is None or before.lower_ == "when")


def _question(clause: Token) -> bool:
    """An indirect question: "if ...", "whether ...", "what ...", "how ..."."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in {"if", "whether"} or first.tag_ in {"WP", "WRB", "WDT"}


def _raising(cue: Token) -> tuple[tuple[int, int] | None, list[int]] | None:
    subjects = [c for c in cue.lefts if c.dep_ == "nsubj"]
    complements = [c for c in cue.rights if c.dep_ in _RAISED_DEPS
                   or (c.dep_ == "prep" and c.lower_ == "like")]
    if not subjects or not complements:
        return None
    # Not a participle on the side ("..., telling reporters ..."), nor a clause set
    # off by a comma that the parser hung on the cue: a claim of its own.
    side = {t.i for c in cue.rights if side_participle(c) or (
                c.dep_ == "advcl" and c.i > complements[0].i and comma_before(c))
            for t in c.subtree}
    complement = [i for i in range(complements[0].left_edge.i, cue.right_edge.i + 1)
                  if i not in side]
    return None, _unless_it(subjects[0], complement) + complement
