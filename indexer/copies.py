"""Near-duplicates: the same wire text republished, perhaps trimmed or retitled.

Syndicated copy (one AP or Reuters text in several outlets) is cut to length and
gets its own headline, so identity of the whole text is too strict; what stays
is long runs of identical words. Two texts are copies when most word 5-grams of
the shorter also occur in the longer (containment, not Jaccard, so a trimmed
copy still counts).
"""

from __future__ import annotations

import re

SHINGLE = 5
# Share of the shorter text's 5-grams found in the longer one. Independent
# reports of one event share names and quotes, rarely a fifth of their 5-grams;
# copies share nearly all of them.
MIN_CONTAINMENT = 0.8
# Texts shorter than this many words say too little to call one a copy.
MIN_WORDS = 40
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def containment(a: str, b: str) -> float:
    """The share of the shorter text's 5-grams that the other also has."""
    sa, sb = shingles(a), shingles(b)
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if not small:
        return 0.0
    return len(small & large) / len(small)


def is_copy(a: str, b: str) -> bool:
    if min(len(a.split()), len(b.split())) < MIN_WORDS:
        return False
    return containment(a, b) >= MIN_CONTAINMENT
