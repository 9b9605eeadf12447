"""Who a claim's speaker is: a named entity, an earlier speaker, or anonymous.

Four principled rules, applied in order of the text:

* a speaker phrase whose head word lies in a named entity, or that has a person
  named in apposition, is that entity ("US Defense Secretary Ash Carter" -> Ash
  Carter; "Putin's spokesman, Dmitry Peskov" -> Dmitry Peskov);
* a personal pronoun ("he", "she") refers to a previous claim's person speaker
  (named or anonymous) or a named PERSON mention, chosen by ``pronouns`` from the
  sentence structure and the genders the article gives (``gender``); a person
  named in what the claim itself reports is taken only when no one else fits;
  "it" and "they" take the most recent previous speaker of a body or group
  within three sentences, and "they" also unnamed people a plural noun
  describes ("Privacy advocates");
* a relative pronoun ("Smith, who said ...") is what its clause modifies, and
  "who" stands for people: an unnamed "weightlifter, who ..." is a person;
* a definite description ("the official", "the ministry", "one of the sources")
  refers to the most recent earlier speaker, or failing that named entity, whose
  head noun is the same word ("A US defense official", "the Russian Defense
  Ministry", "two Lebanese sources"), or to the person most recently named with
  that word as a title ("President Donald Trump", "Sergei Lavrov, the foreign
  minister" for "the president", "the minister"): news introduces a person by
  name and title, then goes on by title alone; an age ("the 59-year-old")
  refers back the way "she" would.

A document ("a statement from Greenpeace's director Annie Leonard", "Hawaii's
lawsuit", "a report released by the Interior Ministry") speaks for whoever issued
it, named after "from", "by" or a possessive: it takes that issuer's identity,
while the speaker phrase stays as written.

Anything else is classified from its head noun: people described but not named
("a doctor", "two Lebanese sources", "a weightlifter who ...") are anonymous;
unnamed bodies are organisations or governments.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from worker.extraction.entities import Mention
from worker.extraction.gender import Gender, person_genders, word_gender
from worker.extraction.model import SpeakerType
from worker.extraction.orgs import nationality
from worker.extraction.person_frames import is_role
from worker.extraction.pronouns import Candidate, antecedent
from worker.extraction.text import fold, word_set

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
# The speaker and the audience: never the body a later "it" or "they" stands for.
_DIALOGUE_PRONOUNS = frozenset({"i", "me", "we", "us", "you"})
# How many sentences back "it" or "they" reaches for the body that spoke: news
# repeats the name once the last mention is further away, and a body found
# beyond that is nearly always the wrong one ("It points to an emerging
# alliance" after two sources' words does not mean the ministry heard from ten
# paragraphs before).
_GROUP_REACH = 3
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
# Relative pronouns that stand for people only.
PERSONAL_RELATIVES = frozenset({"who", "whom"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Head nouns of unnamed human sources.
PERSON_NOUNS = word_set(
    """official officials source sources doctor doctors resident residents witness witnesses
    spokesman spokeswoman spokesperson diplomat diplomats analyst analysts expert experts
    activist activists officer officers commander commanders aide aides member members
    people person man men woman women worker workers lawmaker lawmakers observer observers
    monitor monitors insider insiders employee employees staffer staffers adviser advisers
    advisor advisors investigator investigators researcher researchers scientist scientists
    politician politicians leader leaders soldier soldiers fighter fighters rebel rebels
    victim victims survivor survivors student students teacher teachers police policeman
    correspondent reporter journalist journalists negotiator negotiators envoy senator
    senators minister ministers president governor mayor lawyer lawyers attorney prosecutor
    prosecutors judge judges organizer organizers organiser organisers protester protesters
    critic critics opponent opponents supporter supporters author authors farmer farmers
    local locals forecaster forecasters militant militants couple family relative relatives
    neighbour neighbours neighbor neighbors"""
)
# More words for people, counted only in an indefinite phrase ("a coroner",
# "campaigners"): "the academic" or "the general" most often refers back to
# someone the article has named, and taking them for an unnamed person would
# draw the next "he" away from that name.
UNNAMED_PERSON_NOUNS = word_set(
    """voter conservative liberal progressive advocate
    campaigner environmentalist coroner respondent executive ceo founder owner manager boss
    chief director chair chairman chairwoman chancellor premier secretary general ambassador
    commissioner representative parliamentarian peer candidate nominee teen teenager
    youngster child children parent mother father wife husband son daughter sister brother
    friend colleague nurse patient passenger driver pilot coach player fan customer consumer
    citizen migrant refugee prisoner inmate suspect defendant bomber gunman attacker hacker
    designer engineer economist strategist consultant historian professor academic
    psychologist detective sergeant captain eyewitness bystander villager shopper user
    watcher"""
)
GOVERNMENT_WORDS = word_set(
    """ministry government department administration military army navy force forces
    police kremlin pentagon embassy authorities authority cabinet presidency parliament
    congress senate council ministries command office"""
)
ORGANISATION_NOUNS = word_set(
    """agency agencies company companies group groups organisation organization
    newspaper newspapers network channel media firm party union committee association
    institute foundation charity court bank campaign"""
)


# Documents that speak for whoever issued them.
DOCUMENT_NOUNS = word_set(
    """statement release report letter memo memorandum email tweet post filing document
    study survey poll analysis complaint lawsuit suit ruling indictment communique notice
    bulletin transcript testimony editorial column blog"""
)
# Participles whose agent issued the document ("a report released by ..."); not
# "obtained by", whose agent only has it.
_ISSUING = word_set("""release publish issue provide prepare compile conduct write sign
    file send post""")


@dataclass(frozen=True)
class Article:
    """What speaker resolution reads of one article, gathered once: the parse, the
    named mentions, the quoted stretches (character ranges), the genders of the
    people named and where each sentence starts (character offsets)."""

    doc: Doc
    mentions: list[Mention]
    quoted: list[tuple[int, int]]
    genders: Mapping[str, Gender] = field(default_factory=dict)
    sentence_starts: tuple[int, ...] = ()

    @classmethod
    def read(cls, doc: Doc, mentions: list[Mention], quoted: list[tuple[int, int]]) -> Article:
        return cls(doc, mentions, quoted, person_genders(doc, mentions),
                   tuple(s.start_char for s in doc.sents))

    def sentence_of(self, char: int) -> int:
        """The number of the sentence holding character offset ``char``."""
        return bisect.bisect_right(self.sentence_starts, char) - 1


@dataclass
class Speaker:
    """A claim's resolved speaker."""

    name: str | None
    key: str | None
    type: SpeakerType
    head_lemma: str
    position: int
    # The phrase that introduced this speaker ("a doctor in the town of Rastan",
    # "Vladimir Putin"); later pronouns and descriptions point back to it.
    phrase: Span | None = None
    is_person: bool = False
    # The head word of the speaker's own phrase ("minister" of "the Japanese foreign
    # minister"): a later description must fit it to refer back.
    head: Token | None = None


def _head(span: Span) -> Token:
    head = span.root
    # "one of the sources" -> "sources"
    if head.lower_ in {"one", "some", "two", "three", "several", "many", "most", "each",
                       "all", "both", "none"} or head.like_num:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return head


def _aged(span: Span) -> bool:
    """Whether a phrase gives someone's age: "the 59-year-old (woman)"."""
    return any(t.lower_ == "year" and t.i + 2 < span.end and span.doc[t.i + 2].lower_ == "old"
               for t in span)


def _is_definite(span: Span, head: Token) -> bool:
    return any(t.lower_ in DEFINITE for t in span if t.i < head.i)


def _word(token: Token) -> str:
    """A modifier as compared: a country and its adjective are one word
    ("Ukraine's president", "Ukrainian President Petro Poroshenko")."""
    return fold(nationality(token.text) or token.text)


def _possessor(noun: Token) -> str | None:
    """The named possessor of a noun ("Ukraine" of "Ukraine's president")."""
    return next((_word(t) for t in noun.children if t.dep_ == "poss" and t.pos_ == "PROPN"),
                None)


def _mention_at(mentions: list[Mention], token: Token) -> Mention | None:
    for m in mentions:
        if m.start <= token.i < m.end:
            return m
    return None


def _surname_match(head: Token, mentions: list[Mention]) -> Mention | None:
    """A proper-noun speaker the recogniser missed ("Lopez said") that is the
    surname of a person the article names elsewhere. Transcripts print it in
    capitals ("PENCE: ..."), which the tagger may not take for a name."""
    capitals = head.is_upper and head.is_alpha and len(head) > 2
    if head.pos_ != "PROPN" and not capitals:
        return None
    surname = head.text.title() if capitals else head.text
    for m in mentions:
        if m.label == "PERSON" and m.name.split()[-1] == surname:
            return m
    return None


def _apposed(head: Token, mentions: list[Mention]) -> Mention | None:
    """The person named in apposition to a described speaker ("Putin's spokesman,
    Dmitry Peskov"; "Ethiopia's defence minister, Siraj Fegessa"; "Senator Lindsey
    Graham, a Republican hawk"): the name is who spoke, the description only says
    what they are. Not two people named together ("Presidential candidates
    Hillary Clinton and Donald Trump")."""
    named = [child for child in head.children
             if child.dep_ == "appos" and not any(t.dep_ == "conj" for t in child.children)]
    if head.dep_ == "appos" and head.pos_ == "NOUN":
        named.append(head.head)
    for token in named:
        m = _mention_at(mentions, token)
        if m is not None and m.label == "PERSON":
            return m
    return None


def _title_before_name(span: Span, head: Token, mentions: list[Mention]) -> Mention | None:
    """The person a capitalised title ends in ("US Ambassador to the UN Nikki
    Haley"): the parser may hang the name on the office's "to" or "of" and make
    the title the head, but the name that closes the phrase is who spoke."""
    if not (head.text[:1].isupper() and is_role(head)):
        return None
    last = _mention_at(mentions, span[-1])
    if last is not None and last.label == "PERSON" and last.start > head.i:
        return last
    return None


def _named_type(mention: Mention) -> SpeakerType:
    if mention.label == "PERSON":
        return "person"
    if mention.label in {"GPE", "LOC"}:
        return "government"
    words = set(mention.name.lower().split())
    return "government" if words & GOVERNMENT_WORDS else "organisation"


def _noun_type(lemma: str, span: Span, head: Token, mentions: list[Mention],
               definite: bool) -> SpeakerType:
    if lemma in PERSON_NOUNS or head.lower_ in PERSON_NOUNS or _described_by_who(head):
        return "anonymous"
    if (lemma in UNNAMED_PERSON_NOUNS or head.lower_ in UNNAMED_PERSON_NOUNS) and _unnamed(
            span, head, definite):
        return "anonymous"
    m = _mention_at(mentions, head)
    if m is not None and m.label == "NORP":
        return "anonymous"  # "Syrians living in ...": people by nationality
    if lemma in GOVERNMENT_WORDS:
        return "government"
    if lemma in ORGANISATION_NOUNS:
        return "organisation"
    return "unknown"


def _unnamed(span: Span, noun: Token, definite: bool) -> bool:
    """Whether a phrase headed by a word for people describes someone it does not
    name: an indefinite phrase ("a coroner", "safety campaigners"), not a title
    before a name the recogniser missed ("Chairman of the Council ... Mikhail
    Fedotov", "acting commissioner of the Metropolitan Police Craig Mackey")
    nor one apposed to a name."""
    if definite or (noun.is_title and not noun.is_sent_start):
        return False
    if len(span) > 2 and all(t.pos_ == "PROPN" and t.is_title for t in span[-2:]):
        return False
    return not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def _described_by_who(noun: Token) -> bool:
    """ "the weightlifter, who wishes to remain anonymous": "who" stands for
    people, so the noun it follows names one, whatever the word."""
    return any(c.dep_ == "relcl" and any(g.lower_ in PERSONAL_RELATIVES for g in c.children)
               for c in noun.children)


def _speaker_gender(sp: Speaker, genders: Mapping[str, Gender]) -> Gender | None:
    """A previous speaker's gender: the named person's, or what its own phrase
    says ("she", "a spokeswoman")."""
    known = genders.get(sp.key) if sp.key else None
    return known or (word_gender(sp.head.text) if sp.head is not None else None)


def _pronoun_antecedent(
    article: Article, pronoun: Token, previous: list[Speaker],
    talked_about: Sequence[tuple[int, int]] = (),
) -> Speaker | None:
    doc = article.doc
    if pronoun.lower_ in GROUP_PRONOUNS:
        # "it", "they": the body or group that spoke last; "they" also the people
        # a plural noun described ("Privacy advocates said ... they added").
        plural = pronoun.lower_ in PLURAL_PRONOUNS
        reach = article.sentence_of(pronoun.idx) - _GROUP_REACH
        bodies = [sp for sp in previous if sp.position < pronoun.idx
                  and article.sentence_of(sp.position) >= reach
                  and not (sp.head is not None and sp.head.lower_ in _DIALOGUE_PRONOUNS)
                  and (not sp.is_person or (plural and sp.head is not None and sp.key is None
                                            and sp.head.tag_ in {"NNS", "NNPS"}))]
        return max(bodies, key=lambda sp: sp.position, default=None)
    candidates: list[Candidate[Speaker]] = []
    for sp in previous:
        if (sp.is_person and sp.head is not None and sp.head.i < pronoun.i
                and sp.head.lemma_.lower() not in ORGANISATION_NOUNS | GOVERNMENT_WORDS):
            candidates.append(Candidate(sp.head, sp, _speaker_gender(sp, article.genders)))
    spoken = {c.token.i for c in candidates}
    inside: list[Candidate[Speaker]] = []
    for m in article.mentions:
        # People named inside quoted speech are talked about, not talking.
        if m.label != "PERSON" or any(s <= m.start_char < e for s, e in article.quoted):
            continue
        name = doc[m.start : m.end]
        if name.root.i not in spoken:
            sp = Speaker(m.name, m.key, "person", name.root.lemma_.lower(), m.start_char,
                         name, is_person=True)
            named = Candidate(name.root, sp, article.genders.get(m.key))
            if any(s <= m.start_char < e for s, e in talked_about):
                inside.append(named)
            else:
                candidates.append(named)
    # People named in what this very claim reports are most often talked about
    # ("His boss, Ambassador Velasco, gave him an envelope, he said"), but may
    # be the speaker when nobody else can be ("Rodriguez called for the meeting
    # to be cancelled, she said").
    gender = word_gender(pronoun.text)
    chosen = antecedent(pronoun, gender, candidates)
    if chosen is None and inside:
        chosen = antecedent(pronoun, gender, candidates + inside)
    return chosen.referent if chosen is not None else None


# Modifiers that describe a title holder's moment or standing, not which title
# it is: "the former vice president" is still the one named "Vice President".
_PASSING = word_set("""former new then current outgoing incoming top senior embattled
    late same veteran longtime acting interim beleaguered""")


def _title_nouns(doc: Doc, m: Mention) -> list[Token]:
    """Nouns titling a person's mention: the head nouns before the name in its own
    phrase ("Russian President Vladimir Putin", "AfD party leader Frauke Petry":
    "leader", not "party") and nouns in apposition ("Lavrov, the foreign
    minister"; "the minister, Sergei Lavrov")."""
    name = doc[m.start : m.end]
    root = name.root
    nouns = [t for t in doc[root.left_edge.i : m.start]
             if t.pos_ in {"NOUN", "PROPN"} and not t.ent_type_ and m.start <= t.head.i < m.end]
    nouns += [t for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    return nouns


def _modifiers(noun: Token) -> set[str]:
    """Words that say which title a noun is ("prime", "Russian", "defense" of "the
    Russian defense minister"), without the passing ones ("former")."""
    return {_word(t) for t in noun.children
            if t.dep_ in {"amod", "compound", "nmod"} and t.i < noun.i and t.is_alpha
            and t.lower_ not in _PASSING}


def _fits(description: Token, title: Token) -> bool:
    """A description fits a title unless they name different titles: each of the
    description's modifiers must be in the title's phrase, if that has modifiers
    at all ("the prime minister" is not "first minister Alex Salmond", but "the
    Moldovan president" is "President Igor Dodon"). A named possessor must be
    there in any case: "Ukraine's president" is not "President Donald Trump"."""
    phrase = {_word(t) for t in title.subtree} | {_word(t) for t in title.head.lefts}
    owner = _possessor(description)
    if owner is not None and owner not in phrase:
        return False
    wanted = _modifiers(description)
    return not wanted or not _modifiers(title) or wanted <= phrase


# Titles news also names by another word: "the premier" after "Prime Minister
# Dmitry Medvedev"; the title's noun and the modifier that makes it that title.
_TITLE_SYNONYMS = {"premier": ("minister", "prime")}


def _same_title(lemma: str, title: Token) -> bool:
    """Whether a description's head word names the title ``title``."""
    if title.lemma_.lower() == lemma:
        return True
    other = _TITLE_SYNONYMS.get(lemma)
    return other is not None and title.lemma_.lower() == other[0] and any(
        t.lower_ == other[1] for t in title.lefts)


def _titled_person(
    position: int, head: Token, previous: list[Speaker], mentions: list[Mention], doc: Doc
) -> Speaker | None:
    """The person most recently named or quoted before ``position`` whose title the
    description ``head`` fits ("the president" -> "President Donald Trump")."""
    lemma = head.lemma_.lower()
    recent: dict[str, int] = {}
    titled: dict[str, Mention] = {}
    for m in mentions:
        if m.label != "PERSON" or m.start_char >= position:
            continue
        recent[m.key] = max(recent.get(m.key, -1), m.start_char)
        if any(_same_title(lemma, t) and _fits(head, t) for t in _title_nouns(doc, m)):
            titled.setdefault(m.key, m)
    for sp in previous:
        if sp.key in recent and sp.position < position:
            recent[sp.key] = max(recent[sp.key], sp.position)
    if not titled:
        return None
    key = max(titled, key=lambda k: recent[k])
    m = titled[key]
    return Speaker(m.name, m.key, "person", lemma, m.start_char, doc[m.start : m.end],
                   is_person=True)


def _description_antecedent(
    position: int, head: Token, previous: list[Speaker], mentions: list[Mention], doc: Doc
) -> Speaker | None:
    lemma = head.lemma_.lower()
    for sp in sorted(previous, key=lambda s: -s.position):
        if sp.position < position and sp.head_lemma == lemma and (
            sp.head is None or _fits(head, sp.head)
        ):
            return sp
    for m in sorted(mentions, key=lambda m: -m.start_char):
        if m.start_char < position and m.label in {"ORG", "PERSON"} and (
            doc[m.end - 1].lemma_.lower() == lemma
        ):
            return Speaker(m.name, m.key, _named_type(m), lemma, m.start_char,
                           doc[m.start : m.end], is_person=m.label == "PERSON")
    # A plural ("the activists") is never one titled person.
    if head.tag_ in {"NN", "NNP"}:
        return _titled_person(position, head, previous, mentions, doc)
    return None


def _issuer(document: Token) -> tuple[int, int] | None:
    """The phrase naming who issued a document: "Hawaii" of "Hawaii's lawsuit",
    "the White House" of "a statement from the White House", "the ministry" of "a
    report released by the ministry"."""
    def phrase(noun: Token) -> tuple[int, int]:
        return noun.left_edge.i, noun.i + 1

    for child in document.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            return phrase(child)
        preps = [child] if child.dep_ == "prep" and child.lower_ in {"from", "by"} else []
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in _ISSUING:
            preps = [g for g in child.children if g.dep_ == "agent"]
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"PROPN", "NOUN", "PRON"}:
                    return phrase(obj)
    return None


def relative_antecedent(token: Token) -> tuple[int, int] | None:
    """The phrase a relative pronoun stands for ("Hany Farid, a professor, who said"
    -> "Hany Farid"): the noun its clause modifies, with the words before it."""
    clause = token.head
    if token.tag_ not in {"WP", "WDT"} or clause.dep_ != "relcl":
        return None
    noun = clause.head
    if noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    return noun.left_edge.i, noun.i + 1


def resolve_speaker(
    article: Article, speaker: tuple[int, int], previous: list[Speaker],
    talked_about: Sequence[tuple[int, int]] = (),
) -> Speaker:
    """Resolve one speaker span given the speakers of earlier claims and what the
    claim itself reports (character ranges), whose people are seldom its speaker."""
    resolved = _resolve(article, speaker, previous, talked_about)
    resolved.head = _head(article.doc[speaker[0] : speaker[1]])
    return resolved


def _resolve(article: Article, speaker: tuple[int, int], previous: list[Speaker],
             talked_about: Sequence[tuple[int, int]] = ()) -> Speaker:
    doc, mentions = article.doc, article.mentions
    span = doc[speaker[0] : speaker[1]]
    head = _head(span)
    lemma = head.lemma_.lower()
    position = span.start_char
    antecedent = relative_antecedent(head)
    if antecedent is not None:
        referent = resolve_speaker(article, antecedent, previous, talked_about)
        phrase = doc[antecedent[0] : antecedent[1]]
        if referent.type == "unknown" and head.lower_ in PERSONAL_RELATIVES:
            # "who" stands for people: "the weightlifter, who ...", "six Labour
            # MPs who ..." are people described but not named.
            return Speaker(None, None, "anonymous", referent.head_lemma, position, phrase,
                           is_person=True)
        return Speaker(referent.name, referent.key, referent.type, referent.head_lemma,
                       position, phrase, referent.is_person)
    named = (_mention_at(mentions, head) or _surname_match(head, mentions)
             or _apposed(head, mentions) or _title_before_name(span, head, mentions))
    if named is not None and named.label != "NORP":
        return Speaker(named.name, named.key, _named_type(named), lemma, position, span,
                       is_person=named.label == "PERSON")
    issuer = _issuer(head) if lemma in DOCUMENT_NOUNS else None
    if issuer is not None:
        by = _resolve(article, issuer, previous, talked_about)
        if by.key is not None or by.type != "unknown":
            return Speaker(by.name, by.key, by.type, lemma, position, span, by.is_person)
    if head.pos_ == "PRON" and head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        found = _pronoun_antecedent(article, head, previous, talked_about)
        if found is not None:
            return Speaker(found.name, found.key, found.type, found.head_lemma, position,
                           found.phrase, found.is_person)
        person = head.lower_ in PERSON_PRONOUNS
        return Speaker(None, None, "unknown", lemma, position, is_person=person)
    definite = _is_definite(span, head)
    if definite and _aged(span) and head.tag_ != "NNS":
        # "the 59-year-old", "the 24-year-old woman": news refers back to the
        # person it has just named by age, as it would by "she".
        found = _pronoun_antecedent(article, head, previous, talked_about)
        if found is not None:
            return Speaker(found.name, found.key, found.type, lemma, position,
                           found.phrase, found.is_person)
    if definite:
        found = _description_antecedent(position, head, previous, mentions, doc)
        if found is not None:
            return Speaker(found.name, found.key, found.type, lemma, position,
                           found.phrase, found.is_person)
    elif _possessor(head) is not None and head.tag_ in {"NN", "NNP"}:
        # "Ukraine's president": a title whose holder the possessor names.
        found = _titled_person(position, head, previous, mentions, doc)
        if found is not None:
            return Speaker(found.name, found.key, found.type, lemma, position,
                           found.phrase, found.is_person)
    kind = _noun_type(lemma, span, head, mentions, definite)
    return Speaker(None, None, kind, lemma, position, span, is_person=kind == "anonymous")

