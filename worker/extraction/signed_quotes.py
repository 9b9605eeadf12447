"""Quotations signed with a dash: “We can build a wall around him.” ― Jo Smith.

Round-ups of reactions, epigraphs and social-media pieces print a quotation
and then its speaker after a dash, with no reporting verb at all, so the verb
and colon finders never see them. The dash is the cue, the quotation the
content and the name after it the speaker. The signature must be short and
start with a capitalised name (a person, a body or a handle, optionally with a
title after a comma), and nothing but the dash may stand between the closing
mark and the name; a dash that carries on the sentence ("...” — and then he
left") is not a signature.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from worker.extraction.claim_model import RawClaim
from worker.extraction.quotes import Quote

# Longest signature, in tokens ("Ariana Huichapa, a student in Austin").
MAX_SIGNATURE = 10
# Closing mark, optional full stop, a dash, the signature to the line's end.
_SIGNATURE = re.compile(r"[.,]?[ \t]*\n?[ \t]*(―|—|–|--?)[ \t]*([^\n]+?)[ \t.]*$", re.MULTILINE)
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "ADP", "PUNCT", "CCONJ", "NUM", "PART"})


def signed_quotes(doc: Doc, text: str, quotes: list[Quote]) -> list[RawClaim]:
    """A claim for every quotation followed by a dash and its speaker's name."""
    out: list[RawClaim] = []
    for quote in quotes:
        match = _SIGNATURE.match(text, quote.outer_end)
        if match is None or not quote.fragments:
            continue
        dash = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        name = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        if dash is None or name is None or not _is_signature(name):
            continue
        out.append(RawClaim((dash.start, dash.end), (name.start, name.end),
                            list(quote.fragments), direct=True, complete=True))
    return out


def _is_signature(name: Span) -> bool:
    tokens = [t for t in name if not t.is_space]
    if not tokens or len(tokens) > MAX_SIGNATURE or not tokens[0].text[:1].isupper():
        return False
    if tokens[0].pos_ != "PROPN" and not tokens[0].is_upper:
        return False
    # Up to a comma the signature is a name; after it, a title may follow.
    head = tokens[: next((k for k, t in enumerate(tokens) if t.text == ","), len(tokens))]
    return all(t.pos_ in _NAME_POS for t in head) and not any(t.pos_ == "VERB" for t in head)
