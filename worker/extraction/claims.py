"""Attributed statements: a cue (a reporting verb or "according to"), its speaker
and its content, found from the dependency parse and the quotation marks.

How the content is found, first rule that applies:

1. a quotation right before or after the reporting clause (only spaces, commas
   or a colon between): '"Q," X said', 'X said: "Q"', 'said X', and split quotes
   '"Q1," X said, "Q2"' (two fragments);
2. verbs that characterise ("described such reports as ...", "termed ... as
   ..."): everything the verb governs to its right;
3. a clausal complement of the cue: 'X said (that) ...', 'X told Y (that) ...',
   'X reported hitting ...';
4. a cue inserted into or appended to the statement ('..., X said', 'The first
   wave, Carter said, appeared ...'): the governing clause without the cue's own
   clause, possibly in two fragments;
5. 'according to X, ...': the clause the phrase modifies, without the phrase.

Claims are not taken from headings or from cues inside quotations (nested
speech). When two cues attribute the same content ('X said: "Q," the official
said'), the first is kept. Speakers are resolved afterwards in ``speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from worker.extraction.quotes import Quote
from worker.extraction.sentences import Line
from worker.extraction.text import word_set

CUE_VERBS = word_set("""
    say tell add report claim deny warn describe term state insist announce explain
    note argue acknowledge admit confirm stress emphasise emphasize write suggest
    estimate predict reply respond allege assert declare maintain reiterate comment
    recall indicate disclose reveal tweet testify conclude promise vow threaten
    complain concede contend caution observe remark underline urge accuse dismiss
    characterise characterize label brand
    """)
# Cues whose content is a characterisation: "described X as Y".
AS_CUES = word_set("describe term characterise characterize label brand dismiss")
# Cues whose gerund or infinitive complement is the content: "reported hitting".
XCOMP_CUES = word_set("report claim deny admit acknowledge warn promise vow threaten")
# Complements that make a characterising cue's content.
_RIGHT_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "ccomp", "attr", "acomp", "advcl"})
# Words right of the cue that belong to the reporting clause ("told Reuters").
_CLAUSE_DEPS = frozenset({"dobj", "dative", "npadvmod", "advmod", "prep", "agent"})
_BEFORE_GAP = re.compile(r"^[\s,—–-]*$")
_AFTER_GAP = re.compile(r"^[\s,:—–-]*$")


@dataclass
class RawClaim:
    """A claim before speaker resolution; token indices into the doc."""

    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    fragments: list[tuple[int, int]]  # char offsets
    direct: bool
    # Cue whose speaker this one shares ("he told ..., stressing that ...").
    speaker_from_cue: int | None = None


def _in_any(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _subject(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ == "nsubj":
            if child.lower_ in {"who", "that", "which"} and cue.dep_ == "relcl":
                return cue.head
            return child
    if cue.dep_ == "conj" and cue.head.pos_ == "VERB":
        return _subject(cue.head)
    return None


def _speaker_span(subject: Token, cue: Token) -> tuple[int, int]:
    """The subject's phrase, cut at the first comma after its head word."""
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    doc = subject.doc
    for i in range(subject.i + 1, end):
        if doc[i].text in {",", "(", "—", "–"} or doc[i].i == cue.i:
            end = i
            break
    return start, end


def _token_fragments(doc: Doc, tokens: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of tokens as char ranges, trimmed of edge punctuation."""
    runs: list[list[int]] = []
    for i in sorted(set(tokens)):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[tuple[int, int]] = []
    for run in runs:
        while run and (doc[run[0]].is_punct or doc[run[0]].is_space
                       or (doc[run[0]].dep_ == "mark" and doc[run[0]].lower_ == "that")):
            run = run[1:]
        while run and (doc[run[-1]].is_punct or doc[run[-1]].is_space):
            run = run[:-1]
        if not run:
            continue
        start = doc[run[0]].idx
        end = doc[run[-1]].idx + len(doc[run[-1]].text)
        text = doc.text
        # Keep a quotation's closing mark when its opening mark is inside.
        unclosed = text.count("“", start, end) > text.count("”", start, end)
        mark = "”" if unclosed else '"'
        if unclosed or text.count('"', start, end) % 2:
            close = text.find(mark, end)
            if close != -1 and close - end <= 2:
                end = close + 1
        out.append((start, end))
    return out


def _adjacent_quotes(
    text: str, quotes: list[Quote], clause: tuple[int, int]
) -> tuple[Quote | None, Quote | None]:
    before = after = None
    for q in quotes:
        if q.outer_end <= clause[0] and _BEFORE_GAP.match(text[q.outer_end : clause[0]]):
            before = q
        if q.outer_start >= clause[1] and _AFTER_GAP.match(text[clause[1] : q.outer_start]):
            after = q
            break
    return before, after


def _clause_extent(doc: Doc, cue: tuple[int, int], speaker: tuple[int, int] | None,
                   head: Token) -> tuple[int, int]:
    """Char extent of the reporting clause: speaker, cue and its non-content words."""
    toks = list(range(*cue)) + (list(range(*speaker)) if speaker else [])
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS and child.i > head.i:
            toks.extend(t.i for t in child.subtree)
    start = min(doc[i].idx for i in toks)
    end = max(doc[i].idx + len(doc[i].text) for i in toks)
    return start, end


def _quote_content(doc: Doc, quotes: list[Quote], cue: tuple[int, int],
                   speaker: tuple[int, int] | None, head: Token) -> list[tuple[int, int]]:
    clause = _clause_extent(doc, cue, speaker, head)
    # Only the part of the clause the quotes touch matters; limit to the sentence.
    before, after = _adjacent_quotes(doc.text, quotes, clause)
    if before is not None:
        frags = list(before.fragments)
        if after is not None and "," in doc.text[clause[1] : after.outer_start]:
            frags += after.fragments
        return frags
    if after is not None:
        return list(after.fragments)
    return []


def _as_content(cue: Token) -> list[int]:
    right = [c for c in cue.children if c.i > cue.i and c.dep_ in _RIGHT_DEPS]
    if not any(t.lower_ == "as" for c in right for t in c.subtree):
        return []
    end = max(c.right_edge.i for c in right)
    return list(range(cue.i + 1, end + 1))


def _complement(cue: Token) -> list[int]:
    for child in cue.children:
        if child.dep_ == "ccomp":
            return [t.i for t in child.subtree]
    if cue.lemma_ in XCOMP_CUES:
        for child in cue.children:
            if child.dep_ == "xcomp":
                return [t.i for t in child.subtree]
    return []


def _host_clause(cue: Token) -> list[int]:
    """'X, he said' parsed with the cue hanging off the statement's verb."""
    if cue.dep_ not in {"parataxis", "ccomp", "advcl"} or cue.head.pos_ not in {"VERB", "AUX"}:
        return []
    if cue.head.lemma_ in CUE_VERBS:
        return []
    own = {t.i for t in cue.subtree}
    return [t.i for t in cue.head.subtree if t.i not in own]


def _according_to(doc: Doc, tok: Token) -> RawClaim | None:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    objects = [c for c in nxt.children if c.dep_ == "pobj"]
    if not objects:
        return None
    speaker = (objects[0].left_edge.i, objects[0].right_edge.i + 1)
    own = {t.i for t in tok.subtree} | {t.i for t in nxt.subtree}
    host = tok.head if tok.head.i != tok.i else tok
    body = [t.i for t in host.subtree if t.i not in own] if host is not tok else []
    if not body:
        body = [t.i for t in tok.sent if t.i not in own]
    frags = _token_fragments(doc, body)
    if not frags:
        return None
    return RawClaim((tok.i, tok.i + 2), speaker, frags, direct=False)


def _overlaps_quote(frags: list[tuple[int, int]], quotes: list[Quote]) -> bool:
    return any(s < q.end and q.start < e for s, e in frags for q in quotes)


def find_claims(doc: Doc, quotes: list[Quote], lines: list[Line]) -> list[RawClaim]:
    headings = [(ln.start, ln.end) for ln in lines if ln.heading]
    inside_quotes = [(q.start, q.end) for q in quotes]
    found: list[RawClaim] = []
    for tok in doc:
        if _in_any(tok.idx, headings) or _in_any(tok.idx, inside_quotes):
            continue
        if tok.lower_ == "according":
            claim = _according_to(doc, tok)
            if claim is not None:
                found.append(claim)
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in CUE_VERBS:
            continue
        cue = (tok.i, tok.i + 1)
        subject = _subject(tok)
        speaker = _speaker_span(subject, tok) if subject is not None else None
        inherit = None
        if speaker is None and tok.tag_ == "VBG" and tok.head.lemma_ in CUE_VERBS:
            inherit = tok.head.i  # "..., he told X, stressing that ..."
        if speaker is None and inherit is None:
            continue
        if speaker is not None and _in_any(doc[speaker[0]].idx, inside_quotes):
            continue
        frags = _quote_content(doc, quotes, cue, speaker, tok)
        if not frags:
            tokens = (_as_content(tok) if tok.lemma_ in AS_CUES else []) or _complement(tok)
            tokens = tokens or _host_clause(tok)
            frags = _token_fragments(doc, tokens)
        frags = [f for f in frags if len(doc.text[f[0] : f[1]].split()) >= 1]
        if not frags or sum(len(doc.text[s:e].split()) for s, e in frags) < 2:
            continue
        found.append(RawClaim(cue, speaker, frags, _overlaps_quote(frags, quotes), inherit))
    return _dedupe(found)


def _dedupe(claims: list[RawClaim]) -> list[RawClaim]:
    kept: list[RawClaim] = []
    for claim in claims:
        s, e = claim.fragments[0][0], claim.fragments[-1][1]
        clash = False
        for other in kept:
            os_, oe = other.fragments[0][0], other.fragments[-1][1]
            overlap = min(e, oe) - max(s, os_)
            if overlap > 0.5 * min(e - s, oe - os_):
                clash = True
                break
        if not clash:
            kept.append(claim)
    return kept
