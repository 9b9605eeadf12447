"""The article as submitted, validated once at the edge, and the record that flows on.

``ArticleIn`` is what a client may send (HTTP or CLI); it rejects what cannot be
processed with the name of the field at fault. ``Article`` is the normalised record
that the queue carries and the worker enriches: it has its deterministic id, so the
same article submitted twice, by anyone, lands on the same document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from typing import Self
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

# Query parameters that only track the reader; they never change which article a URL is.
_TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid|_ga)$", re.I
)
_WS = re.compile(r"\s+")


def canonical_url(url: str) -> str:
    """The form of a URL that two submissions of one article share.

    Lower-cased scheme and host, no ``www.``, no fragment, no tracking parameters,
    sorted remaining parameters, no trailing slash. http and https count as one.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING_PARAMS.match(k)
        )
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def outlet_from_url(url: str) -> str:
    """The outlet a URL belongs to: its host without ``www.`` (``www.bbc.co.uk``: ``bbc.co.uk``)."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def normalise_text(text: str) -> str:
    """Text reduced to what identifies it: NFKC, case-folded, white space collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(*, url: str | None, outlet: str, text: str | None, html: str | None) -> str:
    """Deterministic id: from the canonical URL when there is one, else outlet + text.

    A hex digest, so it is safe as an Elasticsearch ``_id`` and a Redis key.
    """
    if url:
        basis = "url\x00" + canonical_url(url)
    else:
        body = text if text is not None else (html or "")
        basis = "text\x00" + outlet.casefold() + "\x00" + normalise_text(body)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


class ArticleIn(BaseModel):
    """A submission. At least one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=4096)
    title: str | None = Field(default=None, max_length=2000)
    text: str | None = None
    html: str | None = None
    published_at: datetime | None = None
    language: str | None = Field(default=None, pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$")
    author: str | None = Field(default=None, max_length=500)

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an absolute http or https URL")
        return v

    @field_validator("text", "html", "outlet", "title", "author")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v or None

    @field_validator("published_at")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        # A date without a zone is taken as UTC: feeds often omit it, and a
        # consistent reading beats refusing the article.
        if v is not None and v.tzinfo is None:
            return v.replace(tzinfo=UTC)
        return v

    @model_validator(mode="after")
    def _has_content_and_outlet(self) -> Self:
        # Errors that concern no single field still name one, so a client knows
        # what to add (``ctx.field``; see ``crosswire.errors``).
        if not (self.text or self.html or self.url):
            raise PydanticCustomError(
                "missing_content", "one of text, html or url is required", {"field": "text"}
            )
        if not self.outlet and not self.url:
            raise PydanticCustomError(
                "missing_outlet",
                "outlet is required when there is no url to derive it from",
                {"field": "outlet"},
            )
        return self

    def to_article(self) -> Article:
        outlet = self.outlet or outlet_from_url(self.url or "")
        return Article(
            id=article_id(url=self.url, outlet=outlet, text=self.text, html=self.html),
            outlet=outlet,
            url=self.url,
            title=self.title,
            text=self.text,
            html=self.html,
            published_at=self.published_at,
            language=self.language,
            author=self.author,
            submitted_at=datetime.now(UTC),
        )


class Article(BaseModel):
    """The normalised article record the queue carries; the worker fills in ``text``."""

    id: str
    outlet: str
    url: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    author: str | None = None
    submitted_at: datetime
