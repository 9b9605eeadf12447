"""Reporting cues: which words introduce an attribution, and how far the cue runs.

News attributes far more than speech: "said" and "told", but also "argued",
"warned", "called for", "endorsed", "vowed to". Which verbs are reliable cues
is an empirical question, so the lexicon (``data/cues.json``) holds, for each
verb lemma, how often it was annotated as a cue in a corpus of attributed news
against how often it occurred as a verb there outside attributed content (a
verb inside someone's statement is never a cue, and extraction skips those too,
so counting them would understate "think" or "want"); a lemma counts as a cue
when that share reaches ``THRESHOLD``. The file also lists verb + particle pairs
whose particle belongs to the cue ("referred to", "called for", "pointed out"),
and the same share for a verb with the particle right after it, which makes
"spoke about" a cue although "spoke" alone ("spoke at a rally") is not.

A short list of core reporting verbs is always in, whatever the counts say:
they are cues in any news text, even where the annotated corpus was too small
to show it ("termed", "testified"); a few of them only with a clause ("maintains
that ...", not "maintained its lead"), and those the corpus rarely marks with
only an object report there only a quotation ("he added, “...”", not "added
292,000 jobs").

The cue phrase is the verb with its auxiliaries, negation and adverbs to its
left ("has also said", "did not deny") and such a particle to its right,
because the reporting act is the whole verb group, not the bare verb.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from worker.extraction.text import word_set

CUES_PATH = Path(__file__).parent / "data" / "cues.json"
# Minimum share of a lemma's verb occurrences that are cues.
THRESHOLD = 0.3
# The share above which a verb is a cue even with only an object ("endorsed
# Clinton"); below it, the verb must govern a clause or a quotation, which
# keeps "launched an attack" out while "launched a bid to ..." stays in.
STRONG = 0.4
# Minimum number of cue occurrences behind a lemma.
MIN_COUNT = 3
# Share of an adjective's or a noun's uses with one complement kind annotated
# as a cue before it counts as one: higher than for verbs, as these are weaker
# reports ("sure that", "willing to"); nouns most ("the idea that", "plans to").
ADJECTIVE_THRESHOLD = 0.5
NOUN_THRESHOLD = 0.6
CORE_VERBS = word_set("""
    say tell add report claim deny warn describe term state insist announce explain
    note argue acknowledge admit confirm stress emphasise emphasize write suggest
    estimate predict reply respond allege assert declare reiterate comment
    recall indicate disclose reveal tweet testify conclude promise vow threaten
    complain concede contend caution observe remark underline urge accuse dismiss
    characterise characterize label brand
    """)
# Core verbs that report only with a clause: "maintains that he is innocent",
# not "maintained its lead".
CLAUSE_VERBS = word_set("maintain")
_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Prepositions that name what a report is about: "complained about X", "argued
# against X", "spoke of X". Right after a cue with no object or clause of its
# own they belong to the cue, as a particle does, and their object is the content.
TOPIC_PREPOSITIONS = word_set("about against of for over")
# Entity labels of a time phrase ("last week", "on Monday"): the report's
# setting, never a speaker or what was said.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
_WH = frozenset({"when", "where", "why", "how", "as", "so", "here"})
# A day named right after the verb belongs to the reporting act ("said Tuesday").
DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday", "today", "yesterday"})


# Complement kinds of a verb (see ``complement_kind``).
KINDS = ("clause", "inf", "bare")
# Occurrences of a verb in one complement kind needed before that kind's own
# share decides, rather than the verb's share over all its uses.
KIND_MIN_TOTAL = 8


def complement_kind(verb: Token) -> str:
    """How ``verb`` is complemented: a reported clause or quotation ("said that
    ...", "“...,” he said"), an infinitive ("continues to grow", "vowed to
    fight") or neither ("found a job", "endorsed Clinton").

    A verb's reporting sense goes with its complement: "found that ..." reports
    a finding, "found a job" does not; "pledged to ..." reports, "pledged $5
    million" does not. The lexicon keeps a cue share per kind for that reason."""
    if any(c.dep_ == "ccomp" for c in verb.children) or verb.dep_ == "parataxis":
        return "clause"
    if any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return "inf"
    doc = verb.doc
    after = doc[verb.i + 1].text if verb.i + 1 < len(doc) else ""
    before = doc[verb.i - 1] if verb.i > 0 else None
    if after in {":", ","} or (before is not None and (before.tag_ == "''" or before.text == ",")):
        return "clause"
    return "bare"


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    # Cues even when they govern only an object.
    strong: frozenset[str]
    # "refer to", "call for": the particle is part of the cue.
    particles: frozenset[tuple[str, str]] = frozenset()
    # Verbs that are cues only with their particle right after them: "spoke about X"
    # reports, "spoke at a rally" does not.
    phrasal: frozenset[tuple[str, str]] = frozenset()
    # Verb lemmas that are not cues in one complement kind, although they are
    # overall ("find" and "pledge" with only an object).
    not_in_kind: frozenset[tuple[str, str]] = frozenset()
    # Core verbs that report in one complement kind only with a quotation: "he
    # added, “...”", not "added 292,000 jobs" or "added to the drama".
    quoted_only: frozenset[tuple[str, str]] = frozenset()
    # Predicative adjectives that report a stance, with their complement kind:
    # ("critical", "of"), ("eager", "inf"), ("convinced", "clause").
    adjectives: frozenset[tuple[str, str]] = frozenset()
    # Nouns that report with a complement clause or infinitive, with no
    # possessive source: ("suggestion", "clause"), ("promise", "inf").
    nouns: frozenset[tuple[str, str]] = frozenset()

    def is_cue(self, token: Token) -> bool:
        if token.pos_ != "VERB":
            return False
        lemma = token.lemma_.lower()
        if lemma in self.verbs:
            return not self.not_in_kind or (lemma, complement_kind(token)) not in self.not_in_kind
        particle = adjacent_particle(token)
        return particle is not None and (lemma, particle.lower_) in self.phrasal

    def reports_clause(self, token: Token) -> bool:
        """Whether ``token``'s lemma is a cue when it governs a clause, whatever
        the parser hung on it."""
        lemma = token.lemma_.lower()
        return lemma in self.verbs and (lemma, "clause") not in self.not_in_kind


def adjacent_particle(verb: Token) -> Token | None:
    """The word right after ``verb`` when it is the verb's particle or preposition."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    nxt = doc[verb.i + 1]
    return nxt if nxt.head.i == verb.i and nxt.dep_ in {"prep", "prt"} else None


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The cue lexicon from ``data/cues.json``, loaded once."""
    raw = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    counts = {k: v for k, v in raw["verbs"].items() if v[0] >= MIN_COUNT}
    verbs = CORE_VERBS | CLAUSE_VERBS | {
        k for k, (cue, total) in counts.items() if cue >= THRESHOLD * total}
    strong = CORE_VERBS | {k for k, (cue, total) in counts.items() if cue >= STRONG * total}
    phrasal = frozenset(
        (verb, particle) for verb, particle in
        (k.split() for k, (cue, total) in raw.get("verb_particles", {}).items()
         if cue >= MIN_COUNT and cue >= THRESHOLD * total)
        if verb not in verbs
    )
    particles = frozenset(
        (verb, particle) for verb, particle in (p.split() for p in raw["particles"])
    ) | phrasal
    kinds = raw.get("verb_kinds", {})
    rare = frozenset(
        (verb, kind) for verb, by_kind in kinds.items()
        for kind, (cue, total) in by_kind.items()
        if total >= KIND_MIN_TOTAL and cue < THRESHOLD * total)
    not_in_kind = frozenset(k for k in rare if k[0] not in CORE_VERBS)
    return Lexicon(frozenset(verbs), frozenset(strong), particles, phrasal, not_in_kind,
                   rare - not_in_kind,
                   _with_kind(raw.get("adjectives", {}), ADJECTIVE_THRESHOLD),
                   _with_kind(raw.get("nouns", {}), NOUN_THRESHOLD))


def _with_kind(counts: dict[str, list[int]], threshold: float) -> frozenset[tuple[str, str]]:
    """(lemma, complement kind) pairs that are cues often enough."""
    kept: set[tuple[str, str]] = set()
    for key, (cue, total) in counts.items():
        lemma, _, kind = key.partition(" ")
        if cue >= MIN_COUNT and cue >= threshold * total:
            kept.add((lemma, kind))
    return frozenset(kept)


def _topic(verb: Token, prep: Token) -> bool:
    """``prep`` opens what ``verb`` reports about: a topic preposition with an
    object that is not a time ("said for the first time that ..."), and the verb
    has no object, clause or quotation of its own ("“...,” he said of the plan"
    reports the quotation, and "of" stays out of the cue)."""
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    return (prep.lower_ in TOPIC_PREPOSITIONS and bool(objects)
            and not any(o.lemma_.lower() == "time" or o.ent_type_ in TIME_ENTITIES
                        for o in objects)
            and verb.dep_ != "parataxis"
            and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "parataxis"} for c in verb.children)
            and not _after_quotation(verb))


def _after_quotation(verb: Token) -> bool:
    """The verb comes after a closing quotation mark of its own clause, or right
    after one the parser left out of the clause (“...?” he said of ...)."""
    doc = verb.doc
    before = doc[max(verb.left_edge.i - 2, 0):verb.left_edge.i]
    return any(t.tag_ == "''" for t in [*before, *verb.lefts])


def cue_extent(token: Token, lexicon: Lexicon) -> tuple[int, int]:
    """Token range of the cue phrase headed by ``token``."""
    start = token.i
    left = sorted((c for c in token.children if c.i < token.i and c.dep_ in _LEFT_DEPS),
                  key=lambda c: -c.i)
    for child in left:
        if child.i != start - 1 or child.lower_ in _WH or child.tag_ in {"WRB"}:
            break
        start = child.i
    end = token.i + 1
    for child in sorted((c for c in token.children if c.i > token.i), key=lambda c: c.i):
        if child.i != end:
            break
        particle = child.dep_ == "prt" or (
            child.dep_ == "prep" and ((token.lemma_.lower(), child.lower_) in lexicon.particles
                                      or _topic(token, child))
        )
        if particle or (child.dep_ == "npadvmod" and child.lower_ in DAYS):
            end = child.i + 1
        else:
            break
    if end == token.i + 1 and end < len(token.doc):
        # "calling for the US to act": "for" opens the clause (a mark) but is the
        # cue's particle all the same.
        nxt = token.doc[end]
        if (nxt.dep_ == "mark" and nxt.head.dep_ == "advcl" and nxt.head.head.i == token.i
                and (token.lemma_.lower(), nxt.lower_) in lexicon.particles):
            end += 1
    return start, end
