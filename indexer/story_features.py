"""What story matching compares: one bag of prefixed terms per article, and its similarity.

Every signal that survives different wording and framing becomes a term in one
bag, so one weighting rule covers them all:

- ``k:`` canonical entity and place keys (``k:person:obama``, ``k:geo:169389``),
  once per mention, so the event's protagonists outweigh a passing mention;
- ``s:`` speakers of claims, keyed, because who is quoted says which event it is;
- ``q:`` word triples of direct quotes, because outlets quote the same sentence;
- ``n:`` numbers in the title and lead (death tolls, amounts, votes);
- ``w:`` title words and lead lemmas, cut to a common prefix so a title's
  "criticized" meets a lead's lemma "criticize" without a stemmer.

Weights are tf-idf with document frequencies read from the index at match time
(``indexer.stories``): how rare a name or a word is decides how much sharing it
means, instead of hand weights per kind. The similarity is the cosine of those
vectors, 0..1, which a single threshold can be tuned on.

Direct quotations are also compared apart from the bag, verbatim
(``quote_terms``, used by ``indexer.story_quotes``): sharing a quoted sentence
is evidence of its own, which diluted into the bag it would not be.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

from crosswire.articles import Article
from worker.extraction.model import Extraction

from .documents import speaker_values, tokens

# Where reports of one event overlap most: the first lemmas of the text.
LEAD_LEMMAS = 150
# Numbers are looked for in the title and this many words of the text.
LEAD_WORDS = 150
# Truncation stemming: enough characters to keep words apart, few enough that
# inflections meet ("criticized", "criticism", "criticize" -> "critic").
STEM = 6
# Word triples kept per direct quote: a long quote should not drown the rest.
QUOTE_SHINGLES = 12
# Words in a row that two quotations must share to count as the same quotation
# (``quote_terms``): five words rarely recur by chance ("same-sex couples" is three),
# while outlets quoting one sentence share runs far longer.
QUOTE_WORDS = 5
# The kinds of terms matching uses. Measured on BASIL triplets among 9-outlet
# distractors without dates (bench.story_replay): entity keys, speakers and quote
# triples each lowered pairwise F1 (background names and long quotes dilute the
# lead), so only words and numbers take part; the others stay computable.
KINDS = frozenset({"w", "n"})
# Background collection size assumed besides the index (a smoothing prior): in a
# young, small index every shared term would otherwise look common.
PRIOR_DOCS = 1000
_QUOTE_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])")


def _stem(word: str) -> str:
    return word[:STEM]


def _numbers(text: str) -> list[str]:
    out = []
    for raw in _NUMBER.findall(text):
        value = raw.replace(",", "").rstrip(".")
        if len(value) >= 2:
            out.append(value)
    return out


def _quote_shingles(content: str) -> list[str]:
    words = [_stem(t) for t in tokens(content)]
    triples = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]
    return list(dict.fromkeys(triples))[:QUOTE_SHINGLES]


def quote_terms(extraction: Extraction) -> list[str]:
    """Every run of ``QUOTE_WORDS`` words inside the article's direct quotations, once.

    Unlike the bag's words these keep stop words and whole word forms: they
    identify a quoted sentence verbatim ("not a single thing he said is
    accurate"), which reports of one event share whatever else their wording
    does. Accents and case are folded, and punctuation (a straight or a curly
    apostrophe) only separates words, so outlets' typography does not matter.
    """
    out: dict[str, None] = {}
    for claim in extraction.claims:
        if not claim.direct:
            continue
        words = _QUOTE_WORD.findall(_fold(claim.content.text))
        for i in range(len(words) - QUOTE_WORDS + 1):
            out[" ".join(words[i : i + QUOTE_WORDS])] = None
    return list(out)


def _fold(text: str) -> str:
    """Case and accents folded, other characters kept: unlike ``ascii_fold``, a
    curly apostrophe stays to split words as a straight one does."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _lead_end(text: str, words: int) -> int:
    """The character offset where the first ``words`` words of ``text`` end."""
    found = list(itertools.islice(re.finditer(r"\S+", text), words))
    return found[-1].end() if found else 0


def story_terms(article: Article, extraction: Extraction) -> list[str]:
    """The article's terms, a term repeated once per occurrence (its term frequency)."""
    lead_end = _lead_end(article.text or "", LEAD_WORDS)
    terms = [f"k:{e.key}" for e in extraction.entities if e.start < lead_end]
    terms += [f"k:{loc.key}" for loc in extraction.locations if loc.start < lead_end]
    for claim in extraction.claims:
        terms += [f"s:{v}" for v in speaker_values(claim)[:1]]
        if claim.direct:
            terms += [f"q:{s}" for s in _quote_shingles(claim.content.text)]
    lead = " ".join((article.text or "").split()[:LEAD_WORDS])
    terms += [f"n:{n}" for n in _numbers(f"{article.title or ''} {lead}")]
    words = tokens(article.title or "") + tokens(
        " ".join(extraction.lemmas.split()[:LEAD_LEMMAS])
    )
    terms += [f"w:{_stem(w)}" for w in words]
    return [t for t in terms if t[0] in KINDS]


def idf(doc_freq: int, docs: int) -> float:
    """Rarity of a term among ``docs`` documents plus the background prior."""
    return math.log((docs + PRIOR_DOCS + 1) / (doc_freq + 1))


def weights(terms: Iterable[str], doc_freq: Mapping[str, int], docs: int) -> dict[str, float]:
    """tf-idf with sublinear tf: the tenth mention of a name adds less than the second."""
    counts = Counter(terms)
    return {t: (1 + math.log(n)) * idf(doc_freq.get(t, 0), docs) for t, n in counts.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    if dot == 0:
        return 0.0
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norm
