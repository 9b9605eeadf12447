"""Claims with a predicative adjective for a cue: "has been critical of the
deal", "is eager to run", "were hopeful that the talks would resume".

An adjective that states a stance or a state of mind reports it as plainly as
a verb: "Graham has been critical of Trump" attributes a criticism of Trump to
Graham. Which adjectives do so, and with which complement ("critical of",
"eager to", "convinced that"), comes from the lexicon learned from annotated
news, as for verbs: "able to" and "likely to" never do.
"""

from __future__ import annotations

from spacy.tokens import Token

from worker.extraction.cues import Lexicon, cue_extent


def adjective_kind(adj: Token) -> tuple[str, Token] | None:
    """How a predicative adjective is complemented, and by what: a clause
    ("clause"), an infinitive ("inf") or a preposition (the preposition).
    None for any other adjective."""
    if adj.pos_ != "ADJ" or adj.dep_ != "acomp":
        return None
    for child in adj.rights:
        if child.dep_ == "ccomp":
            return "clause", child
        if child.dep_ == "xcomp":
            return "inf", child
        if child.dep_ == "prep":
            return child.lower_, child
    return None


def adjective_claim(adj: Token, lexicon: Lexicon
                    ) -> tuple[tuple[int, int], list[int]] | None:
    """(cue token range, content tokens) of an adjective cue, or None."""
    found = adjective_kind(adj)
    if found is None or adj.head.pos_ not in {"VERB", "AUX"}:
        return None
    kind, complement = found
    if (adj.lemma_.lower(), kind) not in lexicon.adjectives:
        return None
    if kind == "inf" and lexicon.is_cue(complement):
        return None  # "was quick to deny ...": the claim is found from "deny"
    start = cue_extent(adj.head, lexicon)[0]
    if kind in {"clause", "inf"}:
        return (start, adj.i + 1), [t.i for t in complement.subtree]
    objects = [t.i for c in complement.children if c.dep_ in {"pobj", "pcomp"}
               for t in c.subtree]
    return ((start, complement.i + 1), objects) if objects else None
