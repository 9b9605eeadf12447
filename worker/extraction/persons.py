"""Person keys from the family name, so every article naming one person agrees.

A key must be computable from one article alone: an article that only says
"Putin" cannot know the first name another article gives. The family name is the
part of a person's name that news style always keeps ("Vladimir Putin", then
"Putin", "President Putin", "Mr Putin's"), so it is the key: ``person:putin``.
The longest form the article uses stays the display name.

Only when one article names two people with one family name ("Donald Trump",
"Melania Trump") does a key take a given name as well: the person named most
keeps ``person:trump``, the other becomes ``person:melania-trump``; a bare
"Trump" there goes to the nearest such person named before it whom its honorific
allows ("Mrs. Clinton" is never Bill Clinton). A family name withheld to an
initial ("Maik S.", as German reports name the accused) tells no one apart, so
that key takes the given name too (``person:maik-s``).

A generational suffix names another person than the plain name: "Donald Trump
Jr." is the son of "Donald Trump", and news always writes the "Jr." to tell them
apart, so it joins the key (``person:trump-jr``) and a "Trump Jr." never meets the
father's key. "Sr." only marks the father, who keeps the plain key.

Family names are found by form, without a list of people: titles and honorifics
are stripped in front, generational suffixes behind; lower-case particles
join the family name ("von der Leyen"), and so do capitalised ones other than
the Arabic ("Le Pen", "Von der Leyen"); the Arabic article is dropped ("al-Assad"
and "Assad" meet); Chinese and Korean names, whose family name comes first ("Xi
Jinping", "Kim Jong-un"), are recognised by a common family name followed by a
romanised given name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from worker.extraction.given_names import Gender, agreed, given_gender, is_given_name
from worker.extraction.text import fold, word_set

# Titles, roles and nationalities before a name; never part of it.
TITLES = word_set("""
    president vice prime minister secretary defense defence foreign interior state
    mr mrs ms miss dr prof professor gen general col colonel lt maj major sgt adm admiral
    sen senator rep representative gov governor mayor king queen prince princess pope
    sheikh sheik chancellor premier chairman chairwoman chief judge justice ambassador
    spokesman spokeswoman leader former late sir lord lady dame rev reverend saint st
    us u s uk russian american british french german chinese syrian iranian israeli
    elect acting deputy attorney commander of the first
    sergeant captain capt corporal cpl lieutenant detective det inspector insp
    superintendent supt constable officer commissioner rabbi imam ayatollah cardinal
    archbishop bishop pastor sheriff marshal emir sultan crown
    """)
_SUFFIXES = word_set("jr sr ii iii iv")
# Honorifics and the gender each marks.
HONORIFICS: dict[str, Gender] = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
# Suffixes naming the father, who is the person the plain name means.
_SENIOR = word_set("sr")
PARTICLES = word_set("van von der den de del della di da du la le dos das bin ibn ben abu")
# Those written with a capital too, still as part of the family name: "Marine Le
# Pen", "Le Pen", "Von der Leyen" opening a sentence. Not the Arabic ones: "Ben
# Carson" has a given name.
_CAPITAL_PARTICLES = word_set("van von der den de del della di da du la le dos das")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[- ]")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
# Family names that come first in Chinese and Korean names: the hundred-odd
# commonest Chinese surnames in pinyin, then the commonest Korean ones.
_FAMILY_FIRST = word_set("""
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai
    jiang yu du ye cheng su wei lu ding ren shen yao cui zhong tan fan jin shi liao jia
    xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao
    gong shao wan qian dai mo kong xiang chang wen kang niu hong ou qi nie zuo jing che
    bao zhuang geng ning yue mu ran rao xing zhan lai qiao yi ji ge shang gan zhai bi
    lan tong guan sheng min ai bian hua chu pu xi qu miao shu tu lou kou
    kim lee park choi jung jeong cho yoon jang lim oh seo shin kwon hwang ahn jeon ko
    moon son bae baek heo nam ryu ri pak choe yun
    """)
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|"
    r"iu|ua|uo|ui|ue|er|a|e|i|o|u)){1,3}"
)


@dataclass(frozen=True)
class PersonName:
    """A person mention's name split into given names and family name (folded)."""

    display: str
    given: tuple[str, ...]
    family: str
    family_first: bool = False
    # Folded generational suffix that sets a son apart ("jr", "iii"); "" if none.
    suffix: str = ""


@dataclass
class Person:
    """One person in an article: the forms naming them and the key they share."""

    family: str
    suffix: str = ""
    forms: list[PersonName] = field(default_factory=list)
    key: str = ""
    # Full-name mentions and the first one's position: who the article is about.
    count: int = 0
    first: int = 0

    @property
    def display(self) -> str:
        return max(self.forms, key=lambda f: (len(f.given), len(f.display))).display

    @property
    def given(self) -> tuple[str, ...]:
        return max((f.given for f in self.forms), key=len)


def strip_title(text: str) -> str:
    """The name without possessive, leading titles and trailing suffixes."""
    return _split_suffix(text)[0]


def _split_suffix(text: str) -> tuple[str, list[str]]:
    """The name without possessive and leading titles, split from the words of
    its trailing generational suffixes ("Jr.", ", III"). Leading lower-case
    words other than particles are a role or text the recogniser ran into
    ("rapper Wiz Khalifa", 'traffickers,"?said Gutiérrez'), never a given name."""
    words = _POSSESSIVE.sub("", text).split()
    while len(words) > 1 and (fold(words[0]) in TITLES or (
            _initial(words[0]).islower() and words[0] not in PARTICLES)):
        words = words[1:]
    suffixes: list[str] = []
    while len(words) > 1 and fold(words[-1]) in _SUFFIXES:
        suffixes.insert(0, words.pop())
    return " ".join(words).rstrip(","), suffixes


def _initial(word: str) -> str:
    """The word's first letter ("B" of '"?Baldwin'), or "" if it has none."""
    return next((c for c in word if c.isalpha()), "")


def _romanised_given(words: Sequence[str]) -> bool:
    """ "Jinping", "Jong-un", "Jong Un": a given name after a family-first surname."""
    if len(words) >= 2:
        return all(len(w) <= 4 and w.isalpha() for w in words)
    parts = words[0].split("-")
    if len(parts) > 1:
        # Korean given names are hyphenated syllables too ("Heung-min").
        return all(p.isalpha() and (len(p) <= 5 or _syllables(p)) for p in parts)
    return _syllables(words[0])


def _syllables(word: str) -> bool:
    """True for a word made of one to three pinyin syllables ("Jinping")."""
    return _PINYIN.fullmatch(fold(word)) is not None


def _family_first(words: Sequence[str]) -> bool:
    """True for "Xi Jinping" and "Lee Jae-yong", not "Lee Harvey Oswald"."""
    return (len(words) > 1 and fold(words[0]) in _FAMILY_FIRST
            and _romanised_given(words[1:]))


def parse_name(text: str) -> PersonName:
    """Split a person mention into given names, a family name and a suffix."""
    name, suffixes = _split_suffix(text)
    words = name.split()
    suffix = "-".join(w for w in map(fold, suffixes) if w not in _SENIOR)
    display = " ".join([name, *suffixes]) if suffix else name
    if _family_first(words):
        return PersonName(display, tuple(fold(w) for w in words[1:]), fold(words[0]), True,
                          suffix)
    first = len(words) - 1
    while first > 0 and (words[first - 1] in PARTICLES
                         or fold(words[first - 1]) in _CAPITAL_PARTICLES):
        first -= 1
    family = _ARABIC_ARTICLE.sub("", fold(" ".join(words[first:]))) or fold(words[-1])
    return PersonName(display, tuple(fold(w) for w in words[:first]), family, suffix=suffix)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names that may be one person's: "George W." and "George", "J." and "John"."""
    for x, y in zip(a, b, strict=False):
        if x != y and not (len(x) == 1 and y.startswith(x)) and not (
            len(y) == 1 and x.startswith(y)
        ):
            return False
    return True


def _slug(words: Sequence[str]) -> str:
    return "-".join(w for part in words for w in part.split())


def _qualified(person: Person, given: Sequence[str]) -> str:
    """ "person:hillary-clinton", "person:li-keqiang": the given names in display order."""
    family_first = any(f.family_first for f in person.forms)
    words = [person.family, *given] if family_first else [*given, person.family]
    return f"person:{_slug([*words, person.suffix])}"


def _plain_key(family: str, suffix: str) -> str:
    """ "person:putin", "person:trump-jr": the key of a name without given names."""
    return f"person:{_slug([family, suffix])}"


def _people(names: list[PersonName]) -> list[Person]:
    """Group the article's full names into people: one per family name unless two
    full names with that family name have incompatible given names.

    Of several people sharing a family name and suffix, the one the article
    names most (first, on a tie) keeps the plain key, so the article's main
    "Trump" agrees with every other article's; the others are qualified by their
    first given name (all given names if that is shared too).
    """
    people: list[Person] = []
    for name in sorted(set(names), key=lambda n: (-len(n.given), n.display)):
        if not name.given:
            continue
        same = [p for p in people if (p.family, p.suffix) == (name.family, name.suffix)]
        home = next((p for p in same if _compatible(p.given, name.given)), None)
        if home is None:
            home = Person(name.family, name.suffix)
            people.append(home)
        home.forms.append(name)
    for p in people:
        positions = [i for i, n in enumerate(names) if n in p.forms]
        p.count, p.first = len(positions), min(positions)
    by_family: dict[tuple[str, str], list[Person]] = {}
    for p in people:
        by_family.setdefault((p.family, p.suffix), []).append(p)
    for group in by_family.values():
        group.sort(key=lambda p: (-p.count, p.first))
        firsts = [p.given[0] for p in group]
        group[0].key = _plain_key(group[0].family, group[0].suffix)
        if len(group[0].family) == 1:
            # "Maik S.": a family name withheld to an initial tells no one apart.
            group[0].key = _qualified(group[0], group[0].given)
        for p in group[1:]:
            shared = firsts.count(p.given[0]) > 1
            p.key = _qualified(p, p.given if shared else p.given[:1])
    return people


def name_gender(name: PersonName) -> Gender | None:
    """The gender the name's first given name marks, if any."""
    return given_gender(name.given[0]) if name.given else None


def _gender(person: Person) -> Gender | None:
    """A person's gender from their given names, where those agree on one."""
    return agreed(name_gender(f) for f in person.forms)


def resolve_people(
    texts: Sequence[str], honorifics: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """(key, display name) for each person mention text, in order.

    A bare name goes to the person whose family name it is, or failing that whose
    first given name it is, if it is a given name at all ("Hillary", but not
    "Trump" after a misread "Trump Tower"); where several people share it, to those
    of them its honorific allows ("Mrs. Clinton" is not Bill Clinton), then to the
    nearest one named before (else after) it. A bare name with a suffix ("Trump
    Jr.") goes only to a person with that suffix. ``honorifics`` holds each
    mention's folded honorific ("mrs"), or "" where it has none.
    """
    names = [parse_name(t) for t in texts]
    people = _people(names)
    owner: list[Person | None] = []
    for name in names:
        full = [p for p in people if name in p.forms]
        if full:
            owner.append(full[0])
            continue
        candidates = [p for p in people if p.family == name.family
                      and (not name.suffix or p.suffix == name.suffix)] or [
            p for p in people if p.given[0] == name.family and not name.suffix
            and is_given_name(name.family)
        ]
        marked = HONORIFICS.get(honorifics[len(owner)]) if len(owner) < len(honorifics) else None
        if marked is not None and len(candidates) > 1:
            candidates = [p for p in candidates if _gender(p) in (None, marked)] or candidates
        owner.append(candidates[0] if len(candidates) == 1 else None)
        if len(candidates) > 1:
            owner[-1] = _nearest(names, owner, candidates, len(owner) - 1)
    out: list[tuple[str, str]] = []
    for name, person in zip(names, owner, strict=True):
        if person is None:
            out.append((_plain_key(name.family, name.suffix), name.display))
        else:
            out.append((person.key, person.display))
    return out


def _nearest(names: list[PersonName], owner: list[Person | None],
             candidates: list[Person], index: int) -> Person:
    """The candidate named closest before ``index``, else the first named after."""
    for earlier in reversed(owner[:index]):
        if earlier is not None and earlier in candidates:
            return earlier
    for name in names[index + 1 :]:
        for p in candidates:
            if name in p.forms:
                return p
    return candidates[0]
