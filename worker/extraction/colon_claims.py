"""Claims with a colon for a cue: "Gingrich: Trump must decide ...".

Headlines, transcripts and round-ups attribute with a name and a colon instead
of a verb: a line that opens with a short name or noun phrase ("NY Post",
"CLINTON", "Pew Research") and a colon says that this source said the rest of
the line. The opening phrase must be verbless and short, so a sentence that
merely introduces a list or a quotation ("He listed the qualities:") is not
taken for one; labels that are not speakers ("Note:", "Update:") are excluded. Round-ups also
put a topic before the source ("POLLS WERE EARLY - Carl Bialik: “...”") or lead
in with "More from Jones:"; there the claim starts after the dash or the lead-in.
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
        toks = _after_dash([t for t in span if not t.is_space])
        # A transcript quoted whole ('"WALLACE: Let's start ...') is one block
        # quotation; each line is its speaker's alone.
        quoted = bool(toks) and toks[0].is_quote
        while toks and toks[0].is_quote:
            toks = toks[1:]
        colon = next((k for k, t in enumerate(toks[: MAX_NAME + 1]) if t.text == ":"), None)
        if not colon:
            continue
        name, rest = toks[:colon], toks[colon + 1 :]
        if name and name[0].lower_ == "more" and len(name) > 2 and name[1].lower_ == "from":
            name = name[2:]  # "More from Jones: “...”"
        if not _is_name(name) or sum(1 for t in rest if t.is_alpha) < 2:
            continue
        frags = token_fragments(doc, [t.i for t in rest], text)
        if frags:
            cue = toks[colon].i
            out.append(RawClaim((cue, cue + 1), (name[0].i, name[-1].i + 1), frags,
                                direct=quoted, complete=quoted))
    return out


def _after_dash(tokens: list[Token]) -> list[Token]:
    """Round-ups put a topic line before the source: "POLLS WERE EARLY - Carl
    Bialik: “...”". The claim starts after the dash when a quotation follows the
    colon right after a short name."""
    for k, tok in enumerate(tokens):
        if tok.text in {"-", "–", "—"} and k > 0:
            rest = tokens[k + 1 :]
            colon = next((j for j, t in enumerate(rest[: MAX_NAME + 1]) if t.text == ":"), None)
            if colon and colon + 1 < len(rest) and rest[colon + 1].is_quote:
                return rest
    return tokens


def _is_name(tokens: list[Token]) -> bool:
    if not tokens or not tokens[0].text[:1].isupper():
        return False
    if len(tokens) == 1 and tokens[0].lower_ in _LABELS:
        return False
    if any(t.lower_ in _LABELS for t in tokens) and len(tokens) <= 2:
        return False
    return all(t.pos_ in _NAME_POS for t in tokens) and any(
        t.pos_ in {"PROPN", "NOUN"} for t in tokens)
