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
  name itself;
* acronyms matched by the alias ruler are dropped inside all-capitals text,
  where "IS" is just the word "is".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from worker.extraction.aliases import get_aliases
from worker.extraction.model import EntityLabel

LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
_LEADING = frozenset({"the", "a", "an"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass
class Mention:
    """A cleaned entity span; key and name are filled in by ``canonical``."""

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    label: EntityLabel
    key: str = ""
    name: str = ""


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


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    """True when the words around the span are all upper case (a shouted headline)."""
    window = [t for t in doc[max(0, start - 3) : min(len(doc), end + 3)] if t.is_alpha]
    outside = [t for t in window if t.i < start or t.i >= end]
    return len(outside) >= 2 and all(t.is_upper for t in outside)


def _trim(doc: Doc, ent: Span) -> tuple[int, int] | None:
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    # "US-led" inside the span: keep what precedes the hyphen.
    for i in range(start + 1, end - 1):
        if doc[i].text == "-" and not doc[i - 1].whitespace_ and doc[i + 1].is_lower:
            end = i
            break
    return (start, end) if start < end else None


def mentions(doc: Doc) -> list[Mention]:
    """The doc's entity mentions of the labels extraction reports, cleaned."""
    aliases = get_aliases()
    out: list[Mention] = []
    for ent in doc.ents:
        label = _label(ent.label_)
        if label is None:
            continue
        bounds = _trim(doc, ent)
        if bounds is None:
            continue
        start, end = bounds
        span = doc[start:end]
        text = span.text
        if not any(ch.isupper() for ch in text):
            continue
        if _glued_to_previous_word(doc, start):
            continue
        entry = aliases.find(text)
        if entry is not None and text in entry.acronyms and _in_capitals(doc, start, end):
            continue
        if entry is not None and label == "NORP":
            label = _label(entry.label) or label
        out.append(Mention(start, end, span.start_char, span.end_char, text, label))
    return out
