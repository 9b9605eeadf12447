"""Acronyms an article defines: "the Syrian Observatory for Human Rights (SOHR)".

News style spells an organisation out once with its acronym in parentheses and
uses the acronym afterwards. The small model tags such acronyms unevenly (often
not at all), so every use of an acronym the article defines becomes a mention of
that organisation, whether or not the recogniser saw it; so does an acronym of
three letters or more that spells the initials of an organisation the article
names ("SOHR" after "Syrian Observatory for Human Rights").
"""

from __future__ import annotations

from spacy.tokens import Doc

from worker.extraction.mention import Mention
from worker.extraction.orgs import SMALL_WORDS as _SMALL
from worker.extraction.orgs import initials, is_acronym


def _defined(doc: Doc, found: list[Mention]) -> dict[str, str]:
    """Acronym -> the organisation text it follows in parentheses."""
    out: dict[str, str] = {}
    for m in found:
        i = m.end
        if m.label != "ORG" or i + 2 >= len(doc):
            continue
        opening, token, closing = doc[i], doc[i + 1], doc[i + 2]
        if opening.text in {"(", "["} and closing.text in {")", "]"} and is_acronym(token.text):
            out.setdefault(token.text, m.text)
    # Three letters or more spelling a named organisation's initials ("SOHR").
    for m in found:
        letters = initials(m.text) if m.label == "ORG" and " " in m.text else ""
        if len(letters) >= 3:
            out.setdefault(letters, m.text)
    return out


def _title_run(doc: Doc, end: int) -> tuple[int, int] | None:
    """The title-case words ending at ``end`` ("Doctors Without Borders"), if two or more."""
    start = end
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _SMALL):
        start -= 1
    while start < end and (not doc[start].is_title or doc[start].lower_ in _SMALL):
        start += 1
    capitals = sum(1 for t in doc[start:end] if t.is_title)
    return (start, end) if capitals >= 2 else None


def _unrecognised(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Organisations the recogniser missed but the article defines an acronym for:
    "Doctors Without Borders (MSF)"."""
    ends = {m.end for m in found}
    out: list[Mention] = []
    for token in doc[1:-1]:
        i = token.i
        if token.text != "(" or i in ends or doc[i + 2 : i + 3].text != ")":
            continue
        acronym = doc[i + 1].text
        run = _title_run(doc, i) if is_acronym(acronym) else None
        if run is None:
            continue
        span = doc[run[0] : run[1]]
        out.append(Mention(span.start, span.end, span.start_char, span.end_char, span.text,
                           "ORG"))
    return out


def add_acronyms(doc: Doc, found: list[Mention]) -> list[Mention]:
    """``found`` plus a mention for every use of a defined acronym, in text order."""
    covered = {i for m in found for i in range(m.start, m.end)}
    found = sorted(
        [*found, *(m for m in _unrecognised(doc, found) if m.start not in covered)],
        key=lambda m: m.start,
    )
    defined = _defined(doc, found)
    if not defined:
        return found
    covered = {i for m in found for i in range(m.start, m.end)}
    out = list(found)
    for m in out:
        if m.text in defined:
            m.expansion = defined[m.text]
            m.label = "ORG"
    for token in doc:
        if token.text in defined and token.i not in covered:
            end = token.idx + len(token.text)
            m = Mention(token.i, token.i + 1, token.idx, end, token.text, "ORG")
            m.expansion = defined[token.text]
            out.append(m)
    return sorted(out, key=lambda m: m.start)
