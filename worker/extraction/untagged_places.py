"""Place names the recogniser left untagged, found by the frames news writes them in.

The small English model misses many small-town names, most of all in frames
that news uses all the time:

* datelines: "SPRINGFIELD -- The city ...", "BELGRADE, Minn. --", "ST. PARIS —",
  "BEIRUT: ..." (as Middle Eastern and South Asian papers write them), and
  each town of a shared one ("NEW YORK/BOSTON (Reuters) -");
* a legislator's party and home town: "Rep. Jane Smith, D-Chicopee";
* after a locative preposition: "a man from Meadow Grove", "Post 31 in Penacook";
* before a comma and a state: "Fargo, N.D.", "Elbow Lake, Minnesota";
* before "-based": "a Sanaa-based rights worker", "Wolfsburg-based Volkswagen";
* upper-case lists and captions, a town and its country or state: "SOUSSE,
  TUNISIA", "RIYADH, SAUDI ARABIA" (the model tags few words in capitals).

This module only proposes spans; ``place_repair`` keeps those that the gazetteer
knows and, outside datelines, that lie in the state named after them or where the
article is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from worker.extraction.entities import Mention
from worker.extraction.text import word_set

_DASH_CHARS = frozenset("-—–―")
PARTIES = frozenset({"D", "R", "I"})
PREPOSITIONS = word_set("in from near of to outside")
# A town's name is a few words at most; longer runs are titles or headlines.
MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class Proposal:
    mention: Mention
    # A dateline names a place by construction; the other frames need support.
    dateline: bool
    # The token after "<Town>, " when the frame is "before a comma and a state".
    state: int | None = None
    # Either name of an upper-case "TOWN, COUNTRY" (see ``place_repair``).
    pair: bool = False
    # Where something is based: "Sanaa-based", "a Manchester-based company".
    based: bool = False


def _mention(doc: Doc, start: int, end: int) -> Mention:
    span = doc[start:end]
    return Mention(start, end, span.start_char, span.end_char, span.text, "GPE")


def dateline_end(doc: Doc, start: int) -> int | None:
    """End of an upper-case run opening a sentence and followed by a dash or comma."""
    end = start
    while end < len(doc) and end - start < MAX_WORDS + 1 and (
        (doc[end].is_upper and doc[end].is_alpha) or _upper_abbreviation(doc[end])
        or (doc[end].text == "." and end > start and doc[end - 1].is_upper)
    ):
        end += 1
    if end == start or end >= len(doc) or len(doc[start:end].text) < 3:
        return None
    if doc[end].text == "/" and end + 1 < len(doc) and dateline_end(doc, end + 1) is not None:
        # One of the places a wire files from together: "NEW YORK/BOSTON (Reuters) -".
        return end
    after = _agency_end(doc, end)
    return end if after < len(doc) and _dateline_mark(doc[after].text) else None


def opens_dateline(doc: Doc, i: int) -> bool:
    """Whether a dateline may start at ``doc[i]``: a sentence's first word, or
    the first after the slash of a shared dateline ("NEW YORK/BOSTON")."""
    if doc[i].is_sent_start:
        return True
    if i < 2 or doc[i - 1].text != "/":
        return False
    start = i - 2
    while start > 0 and not doc[start].is_sent_start and (
            doc[start].is_upper or doc[start].text == "/"):
        start -= 1
    return bool(doc[start].is_sent_start) and dateline_end(doc, start) is not None


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is a dateline's place ("MOSCOW, March 14",
    "WASHINGTON —", either name of "NEW YORK/BOSTON (Reuters) -")."""
    return opens_dateline(doc, start) and dateline_end(doc, start) == end


def _dateline_mark(text: str) -> bool:
    """What ends a dateline: a comma, a colon or a dash of any length ("---")."""
    return text in {",", ":"} or (bool(text) and set(text) <= _DASH_CHARS)


def colon_dateline(doc: Doc, end: int) -> bool:
    """Whether the dateline ending at ``end`` ends in a colon ("BEIRUT:"): words
    in capitals before a colon are as often a rubric ("MORE:", "SHARE:")."""
    after = _agency_end(doc, end)
    return after < len(doc) and doc[after].text == ":"


def _agency_end(doc: Doc, i: int) -> int:
    """Past a wire agency's credit after a dateline ("ST. LOUIS (AP) —",
    "NEW YORK (Reuters) -")."""
    if (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")"
            and (doc[i + 1].is_upper or doc[i + 1].is_title) and doc[i + 1].is_alpha):
        return i + 3
    return i


def based_after(doc: Doc, end: int) -> bool:
    """Whether "-based" follows the words ending at ``end`` ("Toronto-based")."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"


def _title_end(doc: Doc, start: int, taken: set[int]) -> int:
    end = start
    while (end < len(doc) and end - start < MAX_WORDS and end not in taken
           and doc[end].is_title and doc[end].is_alpha):
        end += 1
    return end


def _upper_abbreviation(tok: Token) -> bool:
    """An abbreviation in capitals that the tokenizer keeps whole ("ST.", "MT.")."""
    return bool(tok.is_upper and len(tok) > 2 and tok.text.endswith(".")
                and tok.text[:-1].isalpha())


def _upper_word(tok: Token) -> bool:
    """A word in capitals ("SOUSSE", "ST."), not an initial or a pronoun "I"."""
    return bool(tok.is_upper and len(tok) > 1 and (tok.is_alpha or _upper_abbreviation(tok)))


def _upper_end(doc: Doc, start: int, taken: set[int]) -> int:
    end = start
    while end < len(doc) and end - start < MAX_WORDS and end not in taken and _upper_word(doc[end]):
        end += 1
    return end


# Which name of an upper-case "TOWN, COUNTRY" (or "TOWN, STATE") a span is.
PairRole = Literal["town", "area"]


def upper_pair_role(doc: Doc, start: int, end: int) -> PairRole | None:
    """Which name of an upper-case "TOWN, COUNTRY" (or "TOWN, STATE") the words
    ``doc[start:end]`` are, if they are one."""
    if end + 1 < len(doc) and doc[end].text == "," and _upper_word(doc[end + 1]):
        return "town"
    if start >= 2 and doc[start - 1].text == "," and _upper_word(doc[start - 2]):
        return "area"
    return None


def upper_town_end(doc: Doc, start: int, end: int) -> int | None:
    """The end of an upper-case town of "TOWN, COUNTRY" that the recogniser tagged
    only in part ("TIZI" of "TIZI OUZOU, ALGERIA", "MT." of "MT. VERNON, OHIO"):
    ``doc[start:end]`` runs on over untagged words in capitals to the comma."""
    stop = end
    while (stop < len(doc) and stop - start < MAX_WORDS and not doc[stop].ent_type_
           and _upper_word(doc[stop])):
        stop += 1
    return stop if stop > end and upper_pair_role(doc, start, stop) == "town" else None


def _upper_pair_end(doc: Doc, i: int, taken: set[int]) -> int | None:
    """The end of an upper-case name on either side of "TOWN, COUNTRY"."""
    end = _upper_end(doc, i, taken)
    return end if end > i and upper_pair_role(doc, i, end) is not None else None


def after_party(doc: Doc, i: int) -> bool:
    """Whether a party's letter and a hyphen come before ``doc[i]`` ("D-Chicopee")."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text in PARTIES


def _after_party_or_preposition(doc: Doc, i: int) -> bool:
    if after_party(doc, i):
        return True
    return i >= 1 and doc[i - 1].lower_ in PREPOSITIONS and not doc[i].is_sent_start


def propose(doc: Doc, taken: set[int]) -> list[Proposal]:
    """Spans in the six frames, outside the tokens already taken by entities.

    The state after "<Town>, " must itself be a recognised entity (in ``taken``).
    """
    out: list[Proposal] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        end: int | None = None
        dateline = pair = based = False
        if i in taken:
            pass
        elif _upper_word(token) and opens_dateline(doc, i):
            end = dateline_end(doc, i)
            dateline = end is not None
            if not dateline:
                end = _upper_pair_end(doc, i, taken)
                pair = end is not None
        elif (end := _upper_pair_end(doc, i, taken)) is not None:
            pair = True
        elif _after_party_or_preposition(doc, i):
            end = _title_end(doc, i, taken)
        elif doc[i].is_title:
            end = _title_end(doc, i, taken)
            # A capital opening a sentence may be any word's ("Faith-based").
            based = based_after(doc, end) and (not token.is_sent_start or token.pos_ == "PROPN")
            state = end + 1
            if not based and not (state < len(doc) and doc[end].text == "," and state in taken):
                end = None
        if end is not None and end > i and not any(k in taken for k in range(i, end)):
            qualified = end + 1 < len(doc) and doc[end].text == ","
            out.append(Proposal(_mention(doc, i, end), dateline,
                                end + 1 if qualified else None, pair, based))
            i = end
        else:
            i += 1
    return out
