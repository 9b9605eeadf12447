"""The lemma string indexed for recall ("strikes" finds "struck").

The search cluster has no stemmer, so the words are normalised here: lemma, lower
case, ASCII-folded, content words only (stop words, punctuation, numbers and
whitespace say nothing about what an article is about).
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.extraction.text import ascii_fold


def content_lemmas(doc: Doc) -> str:
    out: list[str] = []
    for token in doc:
        if token.is_stop or token.is_punct or token.is_space or token.like_num:
            continue
        lemma = ascii_fold(token.lemma_ or token.text).lower().strip()
        if lemma and any(ch.isalnum() for ch in lemma):
            out.append(lemma)
    return " ".join(out)
