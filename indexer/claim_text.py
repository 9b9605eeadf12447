"""Claim wording reduced to comparable terms, without a language model.

Claims are compared where they are read (a story's claims, a page of claim hits),
and that side has no spaCy pipeline: loading one per API process would cost
seconds and hundreds of megabytes for what a few rules do well enough here.
So the content is folded, tokenised, stripped of function words, reduced by a
light suffix stemmer, and mapped through a small table of near-synonyms that news
reports use interchangeably ("arms"/"weapons", "jets"/"warplanes"). Numbers are
kept as digits ("five" and "5" meet). Every function is pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from worker.extraction.text import ascii_fold, word_set

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
# Function words and reporting verbs: they say nothing about *what* was said.
STOP = word_set("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself s t don
now ve ll re d m said says say saying told tell tells added adds according stated statement
also while though however would could may might must shall one ones
""")
# "only" is a stop word in most lists but decides what a claim says ("only IS
# targets"), so it is kept.
_KEEP = frozenset({"only", "no", "not", "against", "more", "most", "over", "under"})
_STOPWORDS = STOP - _KEEP
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
    "hundred": "100", "thousand": "1000", "million": "1000000", "dozen": "12",
}
# Irregular forms the suffix rules cannot reach.
IRREGULAR = {
    "struck": "strike", "hit": "hit", "fought": "fight", "shot": "shoot", "taken": "take",
    "took": "take", "began": "begin", "begun": "begin", "died": "die", "dying": "die",
    "led": "lead", "left": "leave", "men": "man", "women": "woman", "children": "child",
    "people": "people", "arms": "weapon", "spoke": "speak", "spoken": "speak", "sought": "seek",
    "won": "win", "lost": "lose", "held": "hold", "met": "meet", "saw": "see", "seen": "see",
}
# Near-synonyms in news wording, one class a line: lexical overlap alone misses
# two outlets' different words for one thing. Kept short and literal on purpose.
SYNONYMS = """
weapon weapons arm munition munitions armament armaments arsenal
depot depots store stores stockpile stockpiles warehouse warehouses storage
jet jets plane planes aircraft warplane warplanes bomber bombers
strike strikes airstrike airstrikes raid raids attack attacks bombing bomb bombard hit target
kill kills killed killing dead death deaths die
fight fighting combat battle battling
terrorist terrorists militant militants jihadist jihadists extremist extremists
troop troops soldier soldiers
only solely exclusively
begin start launch
reject dismiss deny denied
criticize criticise condemn slam blast
comment comments remark remarks
quake earthquake tremor
rubble debris
house houses home homes
increase rise climb grow
decrease fall drop decline
invite invitation
"""


def stem(word: str) -> str:
    """A conservative suffix stemmer: inflections meet ("targets", "targeting" -> "target")."""
    word = IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    for suffix, repl in (("izations", "iz"), ("isations", "iz"), ("ization", "iz"),
                         ("isation", "iz"), ("ations", ""), ("ation", ""), ("ies", "y"),
                         ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word[-2] in "su":
                break
            word = word[: len(word) - len(suffix)] + repl
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if word.endswith(("ize", "ise")) and len(word) > 5:
        word = word[:-3] + "iz"
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=1)
def _synonym_classes() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in SYNONYMS.strip().splitlines():
        words = line.split()
        head = stem(words[0])
        for w in words:
            out.setdefault(stem(w), head)
    return out


def words(text: str) -> list[str]:
    """Lower-case ASCII tokens in order; "1,200" stays one number."""
    folded = ascii_fold(text.replace("\u2019", "'")).lower()
    return [t.replace(",", "") for t in _TOKEN.findall(folded)]


def content_terms(text: str, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The comparable terms of a claim's content: "w:" stems and "n:" numbers.

    ``exclude`` holds words already counted as an entity (its key's words), so a
    name written out by one outlet and abbreviated by another weighs the same.
    """
    classes = _synonym_classes()
    out: list[str] = []
    for token in words(text):
        if token in NUMBER_WORDS:
            out.append("n:" + NUMBER_WORDS[token])
        elif token[0].isdigit():
            out.append("n:" + token)
        elif token not in _STOPWORDS and len(token) > 1 and token not in exclude:
            s = stem(token)
            out.append("w:" + classes.get(s, s))
    return out


def key_words(key: str) -> frozenset[str]:
    """The words of a canonical key ("org:islamic-state" -> {"islamic", "state"})."""
    _, _, slug = key.partition(":")
    return frozenset(p for p in slug.split("-") if p and not p.isdigit())


# Quoted passages: straight or curly double quotes, or curly single quotes that
# open after a space (a curly apostrophe inside a word is not a quote).
_QUOTED = re.compile(r"[\"\u201c\u201d](.+?)[\"\u201c\u201d]|(?:^|(?<=\s))\u2018(.+?)\u2019(?!\w)",
                     re.S)
_SPELLING = {"defence": "defense", "centre": "center", "programme": "program",
             "labour": "labor", "honour": "honor", "favour": "favor", "colour": "color"}


def quote_words(content: str) -> tuple[str, ...]:
    """The words of a direct quote as quoted, spelling-normalised (UK/US) for comparison.

    The quoted passages when the content carries quotation marks (a content may
    frame the quote: 'the campaign was "tantamount to ..."'), else the whole content.
    """
    found = [a or b for a, b in _QUOTED.findall(content)]
    text = " ".join(found) if found else content
    out = []
    for w in words(text):
        w = _SPELLING.get(w, w)
        if len(w) > 5 and re.search(r"is(e|es|ed|ing|ation|ations)$", w):
            w = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", w)
        out.append(w)
    return tuple(out)


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` occurs in ``longer`` as a contiguous run of words."""
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))
