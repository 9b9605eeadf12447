"""Sentence boundaries at line breaks, and which lines are headings.

News text arrives with headlines, subheadings and captions on lines of their own
and often without a full stop; the parser would glue them onto the next sentence
("... fuel depots He said claims ..."), which corrupts both the sentence count
and the parse the claim finder relies on. A line break therefore always starts a
sentence, set before the parser runs so it respects the boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

LINE_BREAKS = "crosswire_line_breaks"

# Sentence-final punctuation, then any quotation marks: a closing mark typed as an
# opening one ('were “Mostly False.“') still closes. A news digest tags each item
# with its source after the full stop ('... will not run again. [Reuters]').
_FINAL_PUNCT = re.compile(
    r"[.!?…:;][\"'”’“‘)\]]*(?:\s*\[[^\[\]\n]{1,60}\])?\s*$|[\"”]\s*$")
# A sentence ending inside a line, followed by the next sentence.
_INNER_STOP = re.compile(r"[a-z0-9)][.!?][\"'”’]?\s+[\"“‘']?[A-Z]")
# Words from which a line holding a finished sentence is running text cut off
# at a line break ('... determined to bring the race to a'), never a heading:
# headlines and subheadings are far shorter.
RUNNING_WORDS = 25


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after any newline as a sentence start."""
    after_break = False
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
            continue
        if token.is_space:
            continue
        if after_break:
            token.is_sent_start = True
            after_break = False
    return doc


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    heading: bool


def lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, each flagged as heading or body.

    A heading is a line that does not end like a sentence (no final punctuation
    or closing quote) and is followed by more text: a title, a subheading or a
    caption. A long line with a finished sentence inside is running text cut by
    the break, so it is body. Claims are not taken from headings, because a
    headline's "Russia says ..." restates the body and has no source of its own.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    out: list[Line] = []
    for index, (start, end) in enumerate(spans):
        body = text[start:end]
        followed = index + 1 < len(spans)
        heading = followed and not _FINAL_PUNCT.search(body) and not _running_text(body)
        out.append(Line(start, end, heading))
    return out


def _running_text(body: str) -> bool:
    """A long line with a sentence finished inside it is a paragraph whose end
    the line break cut, not a heading."""
    return len(body.split()) >= RUNNING_WORDS and _INNER_STOP.search(body) is not None


def count_sentences(doc: Doc) -> int:
    """Sentences with at least one non-space token."""
    return sum(1 for sent in doc.sents if any(not t.is_space for t in sent))
