"""String normalisation shared by the gazetteer builder, the alias table and the keys.

One folding function everywhere is what makes variants meet: "U.S." and "US",
"Ḥamāh" and "Hamah", "Defense" and "Defence" must produce the same lookup key in
the index that was built offline and in the text that is read at run time.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[.\u2019'`´]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def ascii_fold(text: str) -> str:
    """Strip accents and non-ASCII letters ("Ḥamāh" -> "Hamah"), keeping case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def fold(text: str) -> str:
    """A lookup key: ASCII, lower case, no dots or apostrophes, single spaces.

    Dots are dropped rather than turned into spaces so "U.S." and "US" meet.
    """
    folded = _DROP.sub("", ascii_fold(text).lower())
    return _NON_ALNUM.sub(" ", folded).strip()


def slug(text: str) -> str:
    """A key fragment: the folded text with hyphens ("Islamic State" -> "islamic-state")."""
    return fold(text).replace(" ", "-")


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (for word lists)."""
    return frozenset(text.split())
