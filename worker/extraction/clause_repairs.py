"""Contents the parser hung somewhere other than on their cue.

The small English model often parses a reporting clause dropped into the
middle or the end of a sentence as the sentence's main clause, and what was
reported as its adjuncts:

* "People like Scott, he said.": the reported words become a second subject
  of "said".
* "These employees, Stumpf explained at the hearing, were well-paid.": the
  words before the comma become an adverbial noun of "explained", and "were
  well-paid" a verb coordinated with it (or, in "Hawaii, as one adviser
  pointed out, normally does not get ...", an adjunct of it).
* "Claiming the criticism is designed to pressure moderators, Trump told Fox
  ...": the leading participle becomes the subject of the verb inside it.
* "Multiple outlets reported on Wednesday the Service had ...", "He implied
  immigrants were ...": the cue becomes a modifier inside the subject of the
  clause it reports.

A reporting clause may also close its line with a colon and leave what was
said to the paragraph after it, a block quotation without quotation marks.

These functions take the cue and return the token indices of what it reports
(and, for the leading participle, its speaker), or nothing when the sentence
is not of that shape.
"""

from __future__ import annotations

from spacy.tokens import Token

from worker.extraction.claim_content import SUBJECT_DEPS, comma_after, comma_before
from worker.extraction.cues import TIME_ENTITIES

_FRONTED_DEPS = frozenset({"nsubj", "npadvmod", "dep", "nsubjpass"})


def fronted_content(cue: Token, speaker_start: int) -> list[int]:
    """The words before a reporting clause set off by a comma, with the rest of
    the reported clause after it when the parser coordinated that with the cue
    (a verb with no subject of its own)."""
    sent_start = cue.sent.start
    fronted = next((c for c in cue.lefts if c.dep_ in _FRONTED_DEPS
                    and c.left_edge.i == sent_start and c.right_edge.i < speaker_start
                    and comma_after(c) and c.ent_type_ not in TIME_ENTITIES), None)
    if fronted is None:
        return []
    tokens = [t.i for t in fronted.subtree]
    rest = next((c for c in cue.rights if _rest_of_clause(c)), None)
    if rest is not None:
        tokens += [t.i for t in rest.subtree]
    return tokens


def _rest_of_clause(tok: Token) -> bool:
    """A verb after the reporting clause's comma with no subject or conjunction
    of its own ("..., were well-paid", "..., normally does not get ..."), which
    the parser coordinated with the cue or hung on it as an adjunct. Not a
    participle ("..., saying ..."): that is the speaker's own aside."""
    return (tok.dep_ in {"conj", "advcl"} and tok.pos_ in {"VERB", "AUX"}
            and tok.tag_ not in {"VBG", "VBN"} and comma_before(tok)
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in tok.children))


def leading_participle(cue: Token) -> tuple[Token, list[int]] | None:
    """(speaker, content) of a participle opening the sentence that the parser
    did not hang on the main clause: the content runs to the participle's
    comma, and the speaker is the subject of the main verb after it."""
    sent = cue.sent
    if cue.i != sent.start or cue.tag_ != "VBG" or cue.dep_ == "advcl":
        return None
    root = sent.root
    comma = next((t for t in cue.doc[cue.i + 1 : root.i] if t.text == ","), None)
    if comma is None or comma.i == cue.i + 1:
        return None
    subject = next((c for c in root.lefts if c.dep_ == "nsubj" and c.i > comma.i), None)
    if subject is None or subject.left_edge.i != comma.i + 1:
        return None
    return subject, list(range(cue.i + 1, comma.i))


def introduced_paragraph(cue: Token, cue_end: int) -> list[int]:
    """'Limbaugh added:' closing its line: what was said is the paragraph after
    it (a block quotation set without quotation marks)."""
    doc = cue.doc
    if cue_end + 1 >= len(doc) or doc[cue_end].text != ":" or "\n" not in doc[cue_end + 1].text:
        return []
    tokens: list[int] = []
    for tok in doc[cue_end + 2 :]:
        if tok.is_space and "\n" in tok.text:
            break
        tokens.append(tok.i)
    return tokens


def cue_in_subject(cue: Token) -> tuple[tuple[int, int], list[int]] | None:
    """(speaker, content) of a reporting verb the parser put inside the subject
    of the clause it reports: "Multiple outlets reported on Wednesday the
    Secret Service had ..." (a reduced relative of "outlets") or "He implied
    immigrants were ..." (an adjective of "immigrants")."""
    if cue.tag_ not in {"VBD", "VBN"} or cue.dep_ not in {"acl", "amod"}:
        return None
    noun = cue.head
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.i < cue.i or verb.pos_ not in {"VERB", "AUX"}:
        return None
    others = [c for c in verb.children if c.dep_ == "nsubj" and c.i != noun.i]
    if cue.dep_ == "acl":
        # The content has a subject of its own right after the cue's phrase.
        if noun.i > cue.i or not any(o.left_edge.i == cue.right_edge.i + 1 < verb.i
                                     for o in others):
            return None
        speaker = (noun.left_edge.i, cue.i)
        start = cue.right_edge.i + 1
    else:
        # The speaker is right before the cue: its own subject or the verb's other.
        own = [c for c in cue.lefts if c.dep_ == "nsubj"]
        speaker_tok = next((o for o in own + others if o.right_edge.i == cue.i - 1), None)
        if speaker_tok is None or noun.left_edge.i < speaker_tok.left_edge.i:
            return None
        speaker = (speaker_tok.left_edge.i, speaker_tok.right_edge.i + 1)
        start = cue.i + 1
    end = verb.right_edge.i
    while end > start and cue.doc[end].is_punct:
        end -= 1
    return speaker, list(range(start, end + 1))
