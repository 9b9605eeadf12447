"""Which claims report the same statement: same speaker, same content in other words.

Pure functions over ``ClaimHit`` records, run where claims are read (a story's
claims, a page of claim hits) rather than stored as groups: story membership
changes when stories merge or are recomputed, and groups derived at read time
are then consistent with the stories by construction, with nothing to migrate
or repair. A story holds tens to a few hundred claims, and only claims of one
speaker are ever compared, so grouping costs milliseconds.

The decision, for two claims:

1. **Speaker**: the same canonical key (or name, mapped to the key another claim
   of the pool gives it); for government speakers, the same state ("Moscow",
   "Russia" and "the Russian Defence Ministry" speak for one government); for
   unnamed sources ("a US defense official", "a US official") the same head noun
   and no contradicting modifiers ("Russian" vs "US"). Anything else, including
   unresolved pronouns, never matches.
2. **Content**: weighted overlap of terms (stems after near-synonym mapping,
   numbers, entity and place keys). Weights are an IDF over the pool being
   grouped with a pseudo-count of background claims: in a story about Syria
   "Syria" is in every claim and decides nothing, while a small pool falls back
   to near-uniform weights instead of penalising the very terms two claims share.
   The score averages Dice (both claims say the same) and the overlap
   coefficient (one outlet carries a part of what the other does), and at least
   two terms must be shared. Unnamed speakers need a higher score.

Claims whose pairwise decisions agree are then merged greedily, best pair
first, by average link, so one loose pair cannot chain two statements together.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from worker.extraction.text import fold, word_set

from .claim_text import contains, content_terms, key_words, quote_words, words
from .models import ClaimHit, ClaimWording, MatchedClaim

# Scores at or above which two claims of one speaker are one statement;
# measured on paraphrase pairs written for the tests and on seed-article reports.
NAMED_THRESHOLD = 0.3
UNNAMED_THRESHOLD = 0.4
MIN_SHARED_TERMS = 2
# Background claims no term occurs in: how strongly a small pool's IDF is damped.
PSEUDO_CLAIMS = 10
# Numbers and names pin a statement down more than ordinary words do.
KIND_WEIGHTS = {"w": 1.0, "n": 1.5, "e": 1.5}
_NAMED_TYPES = frozenset({"organisation", "government", "person"})
_DETERMINERS = word_set("a an the this that these those his her its their our some several "
                        "many two three four five one other another")
_CUT = word_set("in of from at with on who which familiar living speaking close briefed based for")
_QUANTIFIED = ("one of", "some of", "many of", "several of", "two of", "most of", "all of")
_PRONOUNS = word_set("he she it they we i you him her them")
_EPOCH = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Speaker:
    """Who made a statement: ``block`` is equal for every claim that may match."""

    block: str
    named: bool
    modifiers: frozenset[str] = frozenset()

    def agrees(self, other: Speaker) -> bool:
        if self.block != other.block:
            return False
        if self.named:
            return True
        mine, theirs = self.modifiers, other.modifiers
        return not mine or not theirs or bool(mine & theirs)


def name_keys(claims: Iterable[ClaimHit]) -> dict[str, str]:
    """Folded speaker name -> key, from the claims that carry both."""
    out: dict[str, str] = {}
    for c in claims:
        if c.speaker_key and c.speaker_name:
            out.setdefault(fold(c.speaker_name), c.speaker_key)
    return out


def speaker_of(claim: ClaimHit, keys: Mapping[str, str] | None = None) -> Speaker | None:
    """The claim's speaker identity, or None when there is nobody to compare."""
    if claim.speaker_type == "government" and claim.speaker_country:
        return Speaker(f"gov:{claim.speaker_country}", True)
    if claim.speaker_key:
        return Speaker(claim.speaker_key, True)
    if claim.speaker_name:
        name = fold(claim.speaker_name)
        return Speaker((keys or {}).get(name, f"name:{name}"), True)
    if not claim.speaker:
        return None
    phrase = " ".join(words(claim.speaker))
    for prefix in _QUANTIFIED:
        if phrase.startswith(prefix + " "):
            phrase = phrase[len(prefix) + 1:]
    tokens = [t for t in phrase.split() if t not in _DETERMINERS and not t[0].isdigit()]
    if not tokens or tokens[0] in _PRONOUNS:
        return None
    if claim.speaker_type in _NAMED_TYPES:
        return Speaker("name:" + " ".join(tokens), True)
    head_at = next((i for i, t in enumerate(tokens) if t in _CUT and i > 0), len(tokens))
    described = tokens[:head_at]
    head = described[-1]
    head = head[:-1] if head.endswith("s") and len(head) > 3 else head
    return Speaker(f"anon:{head}", False, frozenset(described[:-1]))


def claim_terms(claim: ClaimHit) -> frozenset[str]:
    """What the content says, as terms: stems, numbers, entity and place keys."""
    keys = [*claim.entities, *claim.places]
    named = frozenset(w for k in keys for w in key_words(k))
    return frozenset([*content_terms(claim.content, named), *(f"e:{k}" for k in keys)])


def term_weights(pool: Sequence[frozenset[str]]) -> dict[str, float]:
    """Smoothed IDF of every term over ``pool``, times its kind's weight."""
    df = Counter(t for terms in pool for t in terms)
    n = len(pool) + PSEUDO_CLAIMS
    return {t: KIND_WEIGHTS[t[0]] * math.log((n + 1) / (d + 1)) for t, d in df.items()}


def content_similarity(a: frozenset[str], b: frozenset[str],
                       weights: Mapping[str, float]) -> float:
    """0..1: mean of weighted Dice and weighted overlap coefficient; 0 below two shared terms."""
    shared = a & b
    if len(shared) < MIN_SHARED_TERMS:
        return 0.0
    w_shared = sum(weights.get(t, 1.0) for t in shared)
    wa = sum(weights.get(t, 1.0) for t in a)
    wb = sum(weights.get(t, 1.0) for t in b)
    return (2 * w_shared / (wa + wb) + w_shared / min(wa, wb)) / 2


def same_statement(a: ClaimHit, b: ClaimHit) -> bool:
    """Whether two claims report one statement, judged on the pair alone."""
    pool = [claim_terms(a), claim_terms(b)]
    keys = name_keys([a, b])
    sa, sb = speaker_of(a, keys), speaker_of(b, keys)
    if sa is None or sb is None or not sa.agrees(sb):
        return False
    score = content_similarity(pool[0], pool[1], term_weights(pool))
    return score >= (NAMED_THRESHOLD if sa.named else UNNAMED_THRESHOLD)


def wording_differs(claims: Sequence[ClaimHit]) -> bool:
    """Whether direct quotes of one statement differ in words between outlets.

    A quote contained in another (one outlet quoted less of it) is not a difference.
    """
    quotes = {quote_words(c.content) for c in claims if c.direct}
    quotes.discard(())
    distinct = [q for q in quotes
                if not any(o != q and len(o) > len(q) and contains(o, q) for o in quotes)]
    outlets = {c.outlet for c in claims if c.direct}
    return len(distinct) > 1 and len(outlets) > 1


def group_claims(claims: Sequence[ClaimHit]) -> list[list[ClaimHit]]:
    """Claims grouped into statements, each group in report order, groups in order of
    their first report. Deterministic: the result depends only on the set of claims."""
    ordered = sorted(claims, key=report_order)
    terms = [claim_terms(c) for c in ordered]
    weights = term_weights(terms)
    keys = name_keys(ordered)
    speakers = [speaker_of(c, keys) for c in ordered]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(speakers):
        if s is not None:
            blocks[s.block].append(i)
    parent = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for block in blocks.values():
        _merge_block(block, speakers, terms, weights, parent, members)
    groups = [sorted(m) for root, m in members.items() if parent[root] == root]
    return [[ordered[i] for i in g] for g in sorted(groups)]


def _merge_block(block: list[int], speakers: Sequence[Speaker | None],
                 terms: Sequence[frozenset[str]], weights: Mapping[str, float],
                 parent: list[int], members: dict[int, list[int]]) -> None:
    score: dict[tuple[int, int], float] = {}
    for x, i in enumerate(block):
        for j in block[x + 1:]:
            si, sj = speakers[i], speakers[j]
            if si is not None and sj is not None and si.agrees(sj):
                score[(i, j)] = content_similarity(terms[i], terms[j], weights)
    named = all(s is not None and s.named for s in (speakers[i] for i in block))
    threshold = NAMED_THRESHOLD if named else UNNAMED_THRESHOLD
    for (i, j), s in sorted(score.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < threshold:
            break
        ri, rj = _root(parent, i), _root(parent, j)
        if ri == rj:
            continue
        cross = [score.get((min(a, b), max(a, b))) for a in members[ri] for b in members[rj]]
        if any(v is None for v in cross):
            continue  # a speaker disagreement across the two groups
        if sum(v for v in cross if v is not None) / len(cross) >= threshold:
            parent[rj] = ri
            members[ri] += members.pop(rj)


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def report_order(c: ClaimHit) -> tuple[datetime, str]:
    when = c.published_at or _EPOCH
    return (when if when.tzinfo else when.replace(tzinfo=UTC), c.id)


def matched_claim(group: Sequence[ClaimHit], score: float | None = None) -> MatchedClaim:
    """The record of one statement: every outlet's wording, the earliest quote as its text."""
    lead = next((c for c in group if c.direct), group[0])
    named = next((c for c in group if c.speaker_name), None)
    return MatchedClaim(
        id=min(c.id for c in group),
        speaker_name=named.speaker_name if named else lead.speaker,
        speaker_key=next((c.speaker_key for c in group if c.speaker_key), None),
        content=lead.content,
        outlets=list(dict.fromkeys(c.outlet for c in group)),
        direct=any(c.direct for c in group),
        wording_differs=wording_differs(group),
        score=score,
        wordings=[ClaimWording(claim_id=c.id, article_id=c.article_id, outlet=c.outlet,
                               story_id=c.story_id, published_at=c.published_at,
                               speaker=c.speaker, cue=c.cue, content=c.content,
                               direct=c.direct) for c in group],
    )
