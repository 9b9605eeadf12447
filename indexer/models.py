"""The request and response records of search and reads, independent of Elasticsearch's JSON."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# from + size beyond this is refused by Elasticsearch (index.max_result_window).
MAX_WINDOW = 10_000
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SearchParams(BaseModel):
    """A story search. Every filter is optional; without ``q`` the newest stories come first."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    q: str | None = Field(default=None, max_length=1000)
    # The query's lemmas, when the caller can lemmatise it: matched against the
    # article lemmas so "struck" finds "strikes" without a stemmer in the index.
    q_lemmas: str | None = Field(default=None, max_length=1000)
    outlet: list[str] = Field(default_factory=list, max_length=50)
    # Canonical key ("org:islamic-state") or display name, case-insensitive.
    entity: str | None = None
    # Gazetteer key ("geo:169389") or place name, case-insensitive.
    location: str | None = None
    # Speaker key or name: articles carrying a claim by that speaker.
    speaker: str | None = None
    # A bare date means the whole day: since = from its start, until = to its end.
    since: date | datetime | None = None
    until: date | datetime | None = None
    page: int = Field(default=1, ge=1)
    size: int = Field(default=10, ge=1, le=100)

    @field_validator("outlet", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        if isinstance(v, str):
            return [p for p in (s.strip() for s in v.split(",")) if p]
        return v

    @field_validator("since", "until", mode="before")
    @classmethod
    def _date_or_datetime(cls, v: Any) -> Any:
        if isinstance(v, str) and _DATE_ONLY.match(v.strip()):
            return date.fromisoformat(v.strip())
        return v

    @field_validator("q", "q_lemmas", "entity", "location", "speaker")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v or None

    @model_validator(mode="after")
    def _within_window(self) -> Self:
        if self.page * self.size > MAX_WINDOW:
            raise ValueError(f"page * size must not exceed {MAX_WINDOW}")
        return self


class ArticleHit(BaseModel):
    id: str
    outlet: str
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    # Fragments with <em> marks: title first when it matched, then the text.
    highlights: list[str] = Field(default_factory=list)


class ClaimHit(BaseModel):
    id: str
    article_id: str
    outlet: str
    speaker: str | None = None
    speaker_name: str | None = None
    cue: str
    content: str
    direct: bool


class StoryHit(BaseModel):
    story_id: str
    # Articles of the story matching the search (at most a page of them).
    article_count: int
    articles: list[ArticleHit]
    claims: list[ClaimHit]


class FacetBucket(BaseModel):
    # The value to filter on (outlet, entity key, location key).
    key: str
    # Matching articles with that value.
    count: int
    name: str | None = None
    # Entity label (PERSON, ORG, ...) or place kind (city, country, ...).
    label: str | None = None


class SearchResult(BaseModel):
    total: int
    stories: list[StoryHit]
    facets: dict[str, list[FacetBucket]]


class StoryArticle(BaseModel):
    id: str
    outlet: str
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    entities: list[str] = Field(default_factory=list)
    claims: list[ClaimHit] = Field(default_factory=list)


class StoryView(BaseModel):
    """One story with all its articles side by side, oldest first, each with its claims."""

    story_id: str
    outlets: list[str]
    articles: list[StoryArticle]
