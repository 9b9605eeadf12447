"""Claims with a colon for a cue: "Gingrich: Trump must decide ...".

Headlines, transcripts and round-ups attribute with a name and a colon instead
of a verb: a line that opens with a short name or noun phrase ("NY Post",
"CLINTON", "Pew Research") and a colon says that this source said the rest of
the line. The opening phrase must be verbless and short, so a sentence that
merely introduces a list or a quotation ("He listed the qualities:") is not
taken for one; labels that are not speakers ("Note:", "Update:") are excluded.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.extraction.claim_content import token_fragments
from worker.extraction.claim_model import RawClaim
from worker.extraction.sentences import Line
from worker.extraction.text import word_set

# Longest name before the colon, in tokens.
MAX_NAME = 5
_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PUNCT", "CCONJ", "NUM"})
_LABELS = word_set("""note update updated editor correction source sources photo photos
    video watch related read see listen caption credit disclosure warning spoiler
    question answer q a transcript excerpt here time date location tags byline breaking
    bombshell boom look wow exclusive alert""")


def colon_claims(doc: Doc, text: str, lines: list[Line]) -> list[RawClaim]:
    """A claim for every body line of the form "Name: statement"."""
    out: list[RawClaim] = []
    for line in lines:
        span = doc.char_span(line.start, line.end, alignment_mode="expand")
        if span is None or line.heading:
            continue
        toks = [t for t in span if not t.is_space]
        colon = next((k for k, t in enumerate(toks[: MAX_NAME + 1]) if t.text == ":"), None)
        if not colon:
            continue
        name, rest = toks[:colon], toks[colon + 1 :]
        if not _is_name(name) or sum(1 for t in rest if t.is_alpha) < 2:
            continue
        frags = token_fragments(doc, [t.i for t in rest], text)
        if frags:
            cue = toks[colon].i
            out.append(RawClaim((cue, cue + 1), (name[0].i, name[-1].i + 1), frags,
                                direct=False))
    return out


def _is_name(tokens: list[Token]) -> bool:
    if not tokens or not tokens[0].text[:1].isupper():
        return False
    if len(tokens) == 1 and tokens[0].lower_ in _LABELS:
        return False
    if any(t.lower_ in _LABELS for t in tokens) and len(tokens) <= 2:
        return False
    return all(t.pos_ in _NAME_POS for t in tokens) and any(
        t.pos_ in {"PROPN", "NOUN"} for t in tokens)
