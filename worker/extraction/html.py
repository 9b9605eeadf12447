"""Article text and metadata from an HTML page, via trafilatura (no fetching here).

The caller fetches; this only parses the string it is given, so it stays a pure
function like the rest of extraction. Paragraphs come back one per line, which
is what the sentence splitter and the heading rule expect.
"""

from __future__ import annotations

from datetime import UTC, datetime

import trafilatura
from pydantic import BaseModel

from worker.extraction.language import detect_language


class HtmlArticle(BaseModel):
    text: str
    title: str | None = None
    author: str | None = None
    # Publication time when the page states it (often only a date: midnight UTC).
    published_at: datetime | None = None
    language: str | None = None


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def html_to_article(html: str, url: str | None = None) -> HtmlArticle:
    """The main text and metadata of ``html``; empty text when none is found."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or isinstance(doc, dict):
        return HtmlArticle(text="")
    text = doc.text or ""
    language = doc.language or detect_language(text)
    return HtmlArticle(
        text=text, title=doc.title or None, author=doc.author or None,
        published_at=_parse_date(doc.date), language=language,
    )
