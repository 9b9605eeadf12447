"""Quoted passages found on the raw text, before and independently of parsing.

The parser splits long quotes into several sentences and cannot see across a
paragraph break, while quotation marks can: a quote runs from its opening to its
closing mark, and by news convention a quote that continues into the next
paragraph leaves the first paragraph unclosed and reopens the next one. Curly
and straight double quotes are handled, and so are the doubled apostrophes
('' and ``) some papers and older corpora print instead; single quotes are not,
because they double as apostrophes and would need a parse to tell apart. A
closing curly mark at the very start of a paragraph opens a quote, and an
opening one right after a quotation's final comma or stop closes it: each can
only be a misprint there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "“", "”", '"'


@dataclass
class Quote:
    """A quotation: ``start``/``end`` exclude the marks; one fragment per paragraph."""

    start: int
    end: int
    # Positions of the opening mark and just past the closing mark (or the
    # paragraph end for an unclosed quote).
    outer_start: int
    outer_end: int
    fragments: list[tuple[int, int]] = field(default_factory=list)


def _is_opening_straight(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-:"


def _misprinted_close(text: str, i: int, p_end: int) -> bool:
    """An opening curly mark inside a quotation, right after the punctuation
    that ends it and before a space ('“Apparently not,“ he said'), closes it:
    nothing can open there."""
    return (text[i] == OPEN_CURLY and i > 0 and text[i - 1] in ",.?!"
            and (i + 1 >= p_end or text[i + 1].isspace()))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    # A doubled mark becomes a straight quote and a space: offsets stay the same.
    doubled = text
    text = text.replace("''", '" ').replace("``", '" ')
    quotes: list[Quote] = []
    pending: Quote | None = None  # a quote left open at a paragraph's end
    for p_start, p_end in _paragraphs(text):
        i = frag_start = p_start
        current: Quote | None = None
        first = text[p_start:p_end].lstrip()[:1]
        if pending is not None and first in (OPEN_CURLY, STRAIGHT):
            current = pending
            i = text.index(first, p_start) + 1
            frag_start = i
        elif pending is not None:
            quotes.append(pending)
        pending = None
        lead = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        while i < p_end:
            ch = text[i]
            # A closing mark that opens a paragraph is a misprinted opening one.
            misprint = ch == CLOSE_CURLY and i == lead
            if current is None and (ch == OPEN_CURLY or misprint or (
                    ch == STRAIGHT and _is_opening_straight(text, i))):
                current = Quote(i + 1, i + 1, i, i + 1)
                frag_start = i + 1
            elif current is not None and (ch in (CLOSE_CURLY, STRAIGHT)
                                          or _misprinted_close(text, i, p_end)):
                s, e = _strip(text, frag_start, i)
                if e > s:
                    current.fragments.append((s, e))
                current.start = current.fragments[0][0] if current.fragments else s
                mark = 2 if doubled[i : i + 2] in ("''", "``") else 1
                current.end, current.outer_end = e, i + mark
                if current.fragments:
                    quotes.append(current)
                current = None
            i += 1
        if current is not None:
            s, e = _strip(text, frag_start, p_end)
            if e > s:
                current.fragments.append((s, e))
            if current.fragments:
                current.start, current.end = current.fragments[0][0], e
                current.outer_end = p_end
                pending = current
    if pending is not None:
        quotes.append(pending)
    return quotes
