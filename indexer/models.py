"""The request and response records of search and reads, independent of Elasticsearch's JSON."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

# from + size beyond this is refused by Elasticsearch (index.max_result_window).
MAX_WINDOW = 10_000
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DEFAULT_RADIUS_KM = 50.0
# Half the Earth's circumference: any point is within it.
MAX_RADIUS_KM = 20_050.0


def split_list(v: Any) -> Any:
    """ "a,b" as one parameter, or the parameter repeated: a list either way."""
    if isinstance(v, str):
        return [p for p in (s.strip() for s in v.split(",")) if p]
    if isinstance(v, list) and any(isinstance(x, str) and "," in x for x in v):
        return [p for x in v for p in split_list(x)] if all(isinstance(x, str) for x in v) else v
    return v


class GeoPoint(BaseModel):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


def parse_point(value: str) -> dict[str, str]:
    """ "lat,lon" as written in a query string, into the fields GeoPoint validates."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise PydanticCustomError("geo_point", "expected lat,lon such as 34.73,36.71")
    return {"lat": parts[0], "lon": parts[1]}


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
    # Articles mentioning a place within ``radius_km`` of this point ("lat,lon").
    near: GeoPoint | None = None
    radius_km: float | None = Field(default=None, gt=0, le=MAX_RADIUS_KM)
    page: int = Field(default=1, ge=1)
    size: int = Field(default=10, ge=1, le=100)

    @field_validator("near", mode="before")
    @classmethod
    def _lat_lon(cls, v: Any) -> Any:
        return parse_point(v) if isinstance(v, str) else v

    @field_validator("outlet", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return split_list(v)

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
        if self.radius_km is not None and self.near is None:
            raise PydanticCustomError("missing", "radius_km needs near=lat,lon",
                                      {"field": "near"})
        if self.near is not None and self.radius_km is None:
            self.radius_km = DEFAULT_RADIUS_KM
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
    # What claim matching compares besides the words (see indexer.claim_matching).
    speaker_key: str | None = None
    speaker_type: str | None = None
    # The state a government speaker speaks for: "Moscow" and "the Russian
    # Defence Ministry" are one voice when comparing statements.
    speaker_country: str | None = None
    story_id: str | None = None
    published_at: datetime | None = None
    entities: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)


class StoryHit(BaseModel):
    story_id: str
    # Articles of the story matching the search (at most a page of them).
    article_count: int
    articles: list[ArticleHit]
    claims: list[ClaimHit]
    # Statements of the story, each with every outlet's wording; those carried by
    # more outlets, or matching the query, first.
    matched_claims: list[MatchedClaim] = Field(default_factory=list)
    # How the story ranked: its articles' scores combined (None without a query).
    score: float | None = None


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
    # The comparison: one column per outlet, one row per statement carried by two
    # or more outlets, then the statements only one outlet carries.
    columns: list[OutletColumn] = Field(default_factory=list)
    matched_claims: list[MatchedClaim] = Field(default_factory=list)
    single_outlet_claims: list[MatchedClaim] = Field(default_factory=list)


class ClaimWording(BaseModel):
    """One outlet's report of a statement: its words, where it stands."""

    claim_id: str
    article_id: str
    outlet: str
    story_id: str | None = None
    published_at: datetime | None = None
    # The speaker as this outlet wrote it ("the ministry", "Putin").
    speaker: str | None = None
    cue: str
    content: str
    direct: bool
    title: str | None = None
    url: str | None = None


class MatchedClaim(BaseModel):
    """One statement (same speaker, same content) as every outlet carrying it reports it."""

    # The smallest member claim id: stable while the members stay.
    id: str
    speaker_name: str | None = None
    speaker_key: str | None = None
    # The earliest direct quote, else the earliest report.
    content: str
    outlets: list[str]
    direct: bool
    # Two outlets quote the same speaker in different words (a partial quote of
    # the other's longer one does not count).
    wording_differs: bool = False
    score: float | None = None
    wordings: list[ClaimWording]


class Tagged(BaseModel):
    key: str
    name: str | None = None
    label: str | None = None


class OutletColumn(BaseModel):
    """One outlet's side of a story: its articles and what only it mentions."""

    outlet: str
    article_ids: list[str]
    only_entities: list[Tagged] = Field(default_factory=list)
    only_places: list[Tagged] = Field(default_factory=list)


class ClaimSearchParams(BaseModel):
    """A search over claims themselves; results are grouped into matched claims."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    q: str | None = Field(default=None, max_length=1000)
    speaker: str | None = Field(default=None, max_length=300)
    outlet: list[str] = Field(default_factory=list, max_length=50)
    story_id: str | None = Field(default=None, max_length=200)
    page: int = Field(default=1, ge=1)
    size: int = Field(default=10, ge=1, le=100)

    @field_validator("outlet", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return split_list(v)

    @field_validator("q", "speaker", "story_id")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v or None


class ClaimSearchResult(BaseModel):
    # Claims matching, and matched claims among the best CLAIM_POOL of them.
    total_claims: int
    total: int
    claims: list[MatchedClaim]
