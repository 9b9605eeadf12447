"""A cheap, offline language guess from stop-word ratios.

Function words are the most frequent words of any language and differ between
languages, so the share of a text's words found in each language's stop-word list
separates languages well on a few hundred words, with no model to load. spaCy
ships the lists; only scripts without word spacing (Chinese, Japanese, Korean,
Thai) are recognised by their characters instead.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

# Languages whose stop-word lists are compared; English is all the pipeline
# analyses, the others only keep non-English text from being parsed as English.
CANDIDATES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "tr", "pl", "sv")
SAMPLE_CHARS = 4000
MIN_WORDS = 5
MIN_RATIO = 0.15
# Below this many words (a headline, a caption) the stop-word share is noisy, so
# the best-scoring language is taken if it scores at all.
SHORT_TEXT_WORDS = 30
# Stop words by which another language must beat English to be taken instead.
TIE_WORDS = 1

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)


@cache
def _stop_words(code: str) -> frozenset[str]:
    module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    return frozenset(w.lower() for w in module.STOP_WORDS)


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code, or None when the sample is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) > len(sample) / 10:
            return code
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    hits = {code: sum(1 for w in words if w in _stop_words(code)) for code in CANDIDATES}
    best = max(CANDIDATES, key=lambda code: hits[code])
    if best != "en" and hits["en"] >= hits[best] - TIE_WORDS:
        # Short English text full of names can lose by a word to a list that has
        # "in", "met" and "des" ("Iowa Sen. Joni Ernst met ... in Des Moines"):
        # the language the pipeline reads takes a near tie.
        best = "en"
    best_ratio = hits[best] / len(words)
    if best_ratio >= MIN_RATIO or (len(words) < SHORT_TEXT_WORDS and best_ratio > 0):
        return best
    return None
