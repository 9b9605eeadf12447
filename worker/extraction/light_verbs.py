"""Claims whose cue is a light verb with its noun: "made the case that ...",
"made it clear that ...", "raised questions about ...", "took a swipe at ...",
"as one aide put it, ...", "expressed concern that ...".

"Make", "raise", "take" and "put" report nothing alone, so the verb lexicon
leaves them out; with these nouns they are as plain a reporting act as "argued"
or "criticised". "Express", "voice" and "sound" do report alone, but with a
stance noun the noun is part of the act ("expressed doubts about X" is a doubt
about X), so that reading comes first.

The cue runs from the verb (with its auxiliaries) to the noun, and to the
preposition when the content is that preposition's object; the content is the
clause the phrase introduces or the object it is about. The speaker is the
verb's subject, found as for any reporting verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from worker.extraction.cues import Lexicon, cue_extent
from worker.extraction.text import word_set

_STANCE_NOUNS = word_set("""concern concerns support doubt doubts confidence frustration
    skepticism scepticism interest sympathy alarm dismay fear fears hope hopes regret
    optimism opposition displeasure discomfort enthusiasm misgivings reservations
    outrage disappointment anger amusement desire wish astonishment remorse""")
# Verb lemma -> the nouns that make it a reporting act.
LIGHT_NOUNS: dict[str, frozenset[str]] = {
    "make": word_set("""case point observation comment comments statement statements
        remark remarks allegation allegations charge charges mention reference references
        argument arguments claim claims promise pledge appeal accusation accusations
        prediction threat plea"""),
    "raise": word_set("question questions concern concerns doubt doubts alarm alarms"),
    "take": word_set("issue aim swipe swipes jab jabs"),
    # Reporting verbs in their own right, whose stance noun annotators keep in
    # the cue: "expressed concern | that ...", "voiced support for | X".
    "express": _STANCE_NOUNS,
    "voice": _STANCE_NOUNS,
    "sound": word_set("note alarm warning call"),
}
LIGHT_VERBS = frozenset({*LIGHT_NOUNS, "put"})
# "make (it) clear / plain that ...".
_CLEAR = word_set("clear plain")
_CONTENT_PREPS = word_set("about of for against at on over with")


def light_verb_claim(verb: Token, lexicon: Lexicon
                     ) -> tuple[tuple[int, int], list[int]] | None:
    """(cue token range, content tokens) of a light-verb cue, or None."""
    lemma = verb.lemma_.lower()
    # The cue starts where a reporting verb's would: at its auxiliaries and adverbs.
    start = cue_extent(verb, lexicon)[0]
    if lemma == "put":
        return _put_it(verb, start)
    if lemma == "make":
        found = _make_clear(verb, start)
        if found is not None:
            return found
    nouns = LIGHT_NOUNS.get(lemma)
    if not nouns:
        return None
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.lemma_.lower() in nouns]
    if not objects:
        return None
    noun = objects[0]
    # The clause's "that" may hang on an auxiliary ("that X was encouraging").
    clause = [c for c in noun.rights if c.dep_ in {"acl", "ccomp", "relcl"}
              and c.left_edge.dep_ == "mark" and c.left_edge.lower_ == "that"]
    clause += [c for c in verb.rights if c.dep_ == "ccomp" and c.i > noun.i]
    if clause:
        return (start, noun.i + 1), [t.i for t in clause[0].subtree]
    for head in (noun, verb):
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in _CONTENT_PREPS and prep.i > noun.i:
                objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
                if objects:
                    return (start, prep.i + 1), [t.i for t in objects[0].subtree]
    return None


def _make_clear(verb: Token, start: int) -> tuple[tuple[int, int], list[int]] | None:
    clear = [c for c in verb.rights if c.lower_ in _CLEAR and c.dep_ in {"ccomp", "oprd", "acomp",
                                                                          "advmod", "dobj"}]
    if not clear:
        return None
    content = [t.i for t in clear[0].subtree if t.i > clear[0].i]
    content += [t.i for c in verb.rights if c.dep_ == "ccomp" and c.i > clear[0].i
                for t in c.subtree]
    return ((start, clear[0].i + 1), sorted(set(content))) if content else None


def _put_it(verb: Token, start: int) -> tuple[tuple[int, int], list[int]] | None:
    """"As X put it, Y" and "X put it this way: Y": the content is the host
    clause, or what follows the colon."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "it":
        return None
    end = verb.i + 2
    if verb.dep_ == "advcl" and any(c.lower_ == "as" for c in verb.lefts):
        own = {t.i for t in verb.subtree}
        return (start, end), [t.i for t in verb.head.subtree if t.i not in own]
    colon = next((t for t in doc[end : end + 4] if t.text == ":"), None)
    if colon is not None:
        rest = [t.i for t in doc[colon.i + 1 : colon.sent.end]]
        return ((start, colon.i + 1), rest) if rest else None
    return None

