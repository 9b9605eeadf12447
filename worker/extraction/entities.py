"""Entity mentions from the parsed doc, cleaned of the recogniser's typical slips.

The small English model makes a few systematic boundary errors on news text,
corrected here by rules on form, never on particular words:

* lower-case spans ("west-central") are not names;
* a span glued by a hyphen to a preceding word ("non-Islamic", or "Islamic
  State" inside "non-Islamic State insurgents") is part of a compound modifier,
  not a mention;
* a span running into a hyphenated lower-case word ("US-led") is cut at the
  hyphen, leaving the name ("US");
* leading determiners and trailing possessives are trimmed, so offsets cover the
  name itself, and so are stop words a person's span runs into ("Donald Trump
  Which" in a title-case headline);
* a name cut after "of", "for" or "the" by the start of the next entity ("the
  Communist Party of" + "China", "Department for Exiting the" + "European
  Union") is joined to it, and a span left ending in such a word is cut back;
* a hyphenated part of a person's name stays ("Kim Jong-un", "Moon Jae-in");
* acronyms matched by the alias ruler are dropped inside all-capitals text,
  where "IS" is just the word "is";
* names a slash joins in one span ("BEIRUT/AMMAN") are split;
* a page's share bar copied with the text ("Send Facebook Twitter Google+
  Whatsapp ...") names no platform;
* a person span run across a break is split, and one headed by an
  institution's noun relabelled (see ``person_spans``);
* a full name tagged an organisation is a person's where a role or "who"
  stands beside it (see ``person_frames``);
* a family name tagged an organisation ("the Trump administration", "Le Pen"
  after "Marine Le Pen") is the person's;
* a family name the recogniser missed ("Merkel agreed" after "Angela Merkel")
  becomes a mention of that person;
* a one-word mention opening a sentence ("Police", "Meanwhile") is dropped when
  the word is a stop word or the article also writes it in lower case: the
  capital is the sentence's, not a name's.

Two pieces of context outside the span are kept for the keys: the nationality
written just before an organisation ("Russian" + "Defense Ministry"), and, via
``acronyms``, the organisation an acronym abbreviates.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from worker.extraction.acronyms import add_acronyms
from worker.extraction.aliases import AliasTable, get_aliases
from worker.extraction.given_names import is_given_name
from worker.extraction.mention import Mention
from worker.extraction.model import Entity, EntityLabel, EntitySummary
from worker.extraction.person_frames import person_in_frame
from worker.extraction.person_spans import in_capitals, person_label, person_pieces
from worker.extraction.persons import HONORIFICS, PARTICLES, parse_name
from worker.extraction.text import fold, word_set

__all__ = ["LABELS", "Mention", "mentions", "summarise"]

LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
_LEADING = frozenset({"the", "a", "an"})
# Words a name never ends on: a span ending in one was cut short.
_DANGLING = frozenset({"of", "for", "the", "and", "in", "at", "on", "to"})
# Of those, the ones that bind what follows into the same name ("Party of China").
_BINDING = frozenset({"of", "for", "the"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# The buttons of a page's share bar, as text copied from the page keeps them
# ("Send Facebook Twitter Google+ Whatsapp Tumblr linkedin stumble Digg reddit").
_SHARE_BUTTONS = word_set("""
    send share email print facebook twitter google google+ + whatsapp tumblr linkedin
    stumble stumbleupon digg reddit newsvine permalink pinterest vk telegram
    """)
# Buttons in a row that make a share bar rather than a sentence naming platforms.
_SHARE_BAR_MIN = 4
# Governments that only a person's name modifies ("the Trump administration").
_NAMED_AFTER_ONE_PERSON = frozenset({"administration", "presidency", "regime"})


def _label(value: str) -> EntityLabel | None:
    for label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"):
        if value == label:
            return label
    return None


def _glued_to_previous_word(doc: Doc, start: int) -> bool:
    """True for "non-Islamic": the span starts right after "word-" with no space."""
    if start < 2:
        return False
    hyphen, word = doc[start - 1], doc[start - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_


def _hyphen_tail(doc: Doc, end: int) -> bool:
    """True when "-in" of "Moon Jae-in" follows the span, glued on both sides."""
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_:
        return False
    tail = doc[end + 1]
    return not doc[end].whitespace_ and tail.is_lower and tail.is_alpha and len(tail) <= 3


def _joined(doc: Doc) -> list[Span]:
    """The doc's entities, with a name the recogniser cut after a binding word
    joined to the entity that starts right there ("Communist Party of" + "China").
    A person's span is extended only over a family name's particle ("Ursula von
    der" + "Leyen"): "Elijah Cummings of" + "Maryland" names a person and his
    state."""
    ents = list(doc.ents)
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        last = ent[-1]
        after = ents[k + 1] if k + 1 < len(ents) else None
        if (after is not None and after.start == ent.end and len(ent) > 1
                and last.is_lower and ((
                    last.lower_ in _BINDING and ent.label_ not in {"PERSON", "NORP"}
                    and after.label_ != "PERSON")
                    or (ent.label_ == "PERSON" and last.lower_ in PARTICLES))):
            out.append(Span(doc, ent.start, after.end, label=ent.label_))
            k += 2
        else:
            out.append(ent)
            k += 1
    return out


def _slash_parts(doc: Doc, ent: Span) -> list[Span]:
    """The names a slash joins in one span: a wire's shared dateline
    ("BEIRUT/AMMAN, March 3"), "Zou Hong / China Daily"."""
    cuts = [t.i for t in ent if t.text == "/"]
    if not cuts:
        return [ent]
    starts = [ent.start, *(cut + 1 for cut in cuts)]
    ends = [*cuts, ent.end]
    return [Span(doc, s, e, label=ent.label_) for s, e in zip(starts, ends, strict=True) if e > s]


def _share_bars(doc: Doc) -> set[int]:
    """Tokens of share bars: the platforms named there are buttons, not what the
    article mentions, and would put every article of the outlet under them."""
    out: set[int] = set()
    run: list[int] = []
    for token in [*doc, None]:
        if token is not None and token.lower_ in _SHARE_BUTTONS:
            run.append(token.i)
            continue
        if len(run) >= _SHARE_BAR_MIN:
            out.update(run)
        run = []
    return out


def _trim(doc: Doc, ent: Span) -> tuple[int, int] | None:
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or (
        doc[end - 1].lower_ in _DANGLING and doc[end - 1].is_lower) or (
        # "Donald Trump Which", but not "Theresa May"
        ent.label_ == "PERSON" and end - 1 > start and doc[end - 1].is_stop
        and doc[end - 1].pos_ != "PROPN"
    )):
        end -= 1
    if ent.label_ == "PERSON" and end == ent.end and _hyphen_tail(doc, end):
        end += 2  # "Moon Jae" + "-in"
    # "US-led" inside the span: keep what precedes the hyphen. In a person's name
    # a lower-case tail is part of it ("Kim Jong-un", "Li Ka-shing") unless it is
    # a verb form ("Putin-backed").
    for i in range(start + 1, end - 1):
        tail = doc[i + 1]
        verb = tail.tag_.startswith("VB") or tail.lower_.endswith("ed")
        if ent.label_ == "PERSON" and not verb:
            continue
        if doc[i].text == "-" and not doc[i - 1].whitespace_ and tail.is_lower:
            end = i
            break
    return (start, end) if start < end else None


def _sentence_capital(doc: Doc, start: int, end: int, lower_words: set[str],
                      families: dict[str, bool]) -> bool:
    """True for "Police" opening a sentence in an article that also says "police"
    (but not for "May" in an article naming Theresa May)."""
    token = doc[start]
    if end - start != 1 or not token.is_sent_start or token.is_upper:
        return False
    if token.lower_ in families:
        return False
    return token.lower_ in lower_words or doc.vocab[token.lower_].is_stop


def _qualifier(doc: Doc, m: Mention, previous: Mention | None) -> str:
    """The nationality just before an organisation, outside its span."""
    if m.label != "ORG" or previous is None or previous.label not in {"NORP", "GPE"}:
        return ""
    if previous.end == m.start:
        return previous.text
    if previous.end + 1 == m.start and doc[previous.end].text in _POSSESSIVE:
        return previous.text
    return ""


def _families(doc: Doc, ents: list[Span]) -> dict[str, bool]:
    """Family names of the people the recogniser finds named in full,
    each with whether one of them has a known given name ("Mark Meadows" has,
    "Stand Your Ground" and "Save the Children", taken for people, have not)."""
    spans = (doc[s:e] for ent in ents if ent.label_ == "PERSON"
             for s, e, label in _pieces(doc, ent.start, ent.end, "PERSON")
             if label == "PERSON")
    names = (parse_name(span.text) for span in spans if " " in span.text)
    out: dict[str, bool] = {}
    for n in names:
        if n.given:
            out[n.family] = out.get(n.family, False) or is_given_name(n.given[0])
    return out


def _add_family_names(doc: Doc, found: list[Mention], families: dict[str, bool],
                      lower_words: set[str]) -> list[Mention]:
    """Mentions for words that are the family name of a person named in full."""
    if not families:
        return found
    covered = {i for m in found for i in range(m.start, m.end)}
    extra = [
        Mention(t.i, t.i + 1, t.idx, t.idx + len(t.text), t.text, "PERSON")
        for t in doc
        # A token inside another entity ("May" in a DATE) is not a missed name.
        if t.is_title and t.i not in covered and not t.ent_type_
        and t.lower_ in families and _name_shaped(t, families[t.lower_], lower_words)
    ]
    return sorted([*found, *extra], key=lambda m: m.start) if extra else found


def _name_shaped(token: Token, given_known: bool, lower_words: set[str]) -> bool:
    """Whether a capitalised word can be a family name here.

    The tagger takes a family name that is also a noun for that noun ("Trump
    denounced", "Meadows walked", "..., Waters said"). Such a word counts when
    its bearer has a known given name and it does not end a longer capitalised
    name ("Wechat Pay" after "Apple Pay"); inside a sentence its capital then
    says it is a name, at a sentence's start only if it is the subject and the
    article never writes the word in lower case ("Waters rose" in a piece
    about floods does)."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ != "NOUN" or not given_known:
        return False
    if not token.is_sent_start:
        return not token.nbor(-1).is_title
    return token.dep_ == "nsubj" and token.lower_ not in lower_words


def _pieces(doc: Doc, start: int, end: int,
            label: EntityLabel) -> list[tuple[int, int, EntityLabel]]:
    """The span as one mention, or for a person span the names it holds, each
    with the label its form shows (see ``person_spans``)."""
    if label != "PERSON":
        return [(start, end, label)]
    out: list[tuple[int, int, EntityLabel]] = []
    for s, e in person_pieces(doc, start, end):
        piece_label = person_label(doc, s, e)
        if piece_label is not None:
            out.append((s, e, piece_label))
    return out


def mentions(doc: Doc) -> list[Mention]:
    """The doc's entity mentions of the labels extraction reports, cleaned."""
    aliases = get_aliases()
    lower_words = {t.text for t in doc if t.is_lower}
    joined = _joined(doc)
    families = _families(doc, joined)
    out: list[Mention] = []
    buttons = _share_bars(doc)
    for ent in (part for span in joined for part in _slash_parts(doc, span)):
        label = _label(ent.label_)
        if label is None or ent.start in buttons:
            continue
        bounds = _trim(doc, ent)
        if bounds is None:
            continue
        for start, end, piece_label in _pieces(doc, *bounds, label):
            span = doc[start:end]
            text = span.text
            if not any(ch.isupper() for ch in text):
                continue
            if _glued_to_previous_word(doc, start) or _sentence_capital(
                doc, start, end, lower_words, families
            ):
                continue
            entry = aliases.find(text)
            if entry is not None and text in entry.acronyms and in_capitals(doc, start, end):
                continue
            if entry is not None and piece_label == "NORP":
                piece_label = _label(entry.label) or piece_label
            m = Mention(start, end, span.start_char, span.end_char, text, piece_label)
            m.named_after_person = label == "PERSON" and piece_label != "PERSON"
            m.qualifier = _qualifier(doc, m, out[-1] if out else None)
            out.append(m)
    found = add_acronyms(doc, _add_family_names(doc, out, families, lower_words))
    _people_taken_for_organisations(found)
    _names_taken_for_organisations(doc, found, families, aliases)
    for m in found:
        if m.label == "PERSON":
            m.honorific = _honorific(doc, m)
    return found


def _people_taken_for_organisations(found: list[Mention]) -> None:
    """Relabel as people the organisations that are a given name and a family
    name the article gives a person alone: the recogniser tags "Nicola
    Sturgeon" an organisation in one sentence and "Sturgeon" a person in the
    next. A given name alone is not enough ("Morgan Stanley"), nor a family
    name another full name already has ("Penelope Fillon" beside "Francois
    Fillon" would draw the bare "Fillon" to her)."""
    people = [parse_name(m.text) for m in found if m.label == "PERSON"]
    bare = {n.family for n in people if not n.given}
    for m in found:
        words = m.text.split()
        if not (m.label == "ORG" and len(words) == 2 and not m.expansion
                and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)):
            continue
        given, family = fold(words[0]), fold(words[1])
        if (given != family and is_given_name(given) and family in bare
                and all(n.given[:1] == (given,) for n in people if n.given and n.family == family)):
            m.label = "PERSON"


def _names_taken_for_organisations(doc: Doc, found: list[Mention],
                                   families: dict[str, bool], aliases: AliasTable) -> None:
    """Relabel as people the organisations, outside the alias table, that are a
    full name in a person's frame (see ``person_frames``) or a family name alone."""
    for m in found:
        if (m.label == "ORG" and not m.expansion and aliases.find(m.text) is None
                and (_family_name(doc, m, families) or person_in_frame(doc, m.start, m.end))):
            m.label = "PERSON"


def _family_name(doc: Doc, m: Mention, families: dict[str, bool]) -> bool:
    """Whether an organisation's name is a family name alone ("Trump", "Le Pen"):
    the recogniser reads the "Trump" of "the Trump administration" as an
    organisation, and its key would leave the article out of a search for the
    person. The name counts as a family name when the article names someone in
    full with it and a known given name, or when it names a government after one
    person ("the Trump administration", "the Assad regime")."""
    words = m.text.split()
    return (m.text[:1].isupper() and all(w.isalpha() for w in words)
            and all(fold(w) in PARTICLES for w in words[:-1])
            and bool(families.get(parse_name(m.text).family) or _names_a_government(doc, m)))


def _names_a_government(doc: Doc, m: Mention) -> bool:
    """Whether a one-word name modifies "administration", "presidency" or
    "regime", as only a person's name does ("the Labour government" is a
    party's, "the Renaissance era" a period's)."""
    token = doc[m.start]
    return (m.end == m.start + 1 and token.dep_ in {"compound", "poss", "nmod"}
            and token.head.lemma_.lower() in _NAMED_AFTER_ONE_PERSON)


def _honorific(doc: Doc, m: Mention) -> str:
    """ "mrs" for "Mrs. Clinton", whether or not the recogniser took it in."""
    for i in (m.start, m.start - 1):
        if 0 <= i < len(doc) and fold(doc[i].text) in HONORIFICS:
            return fold(doc[i].text)
    return ""


def summarise(entities: list[Entity]) -> list[EntitySummary]:
    """Per key: display name, label, mention count and first offset, in text order."""
    rows: dict[str, EntitySummary] = {}
    for e in sorted(entities, key=lambda e: e.start):
        row = rows.get(e.key)
        if row is None:
            rows[e.key] = EntitySummary(key=e.key, name=e.name, label=e.label, count=1,
                                        first=e.start)
        else:
            row.count += 1
    return list(rows.values())
