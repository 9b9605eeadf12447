"""What extraction returns: plain, JSON-serialisable records with character offsets.

These records are the contract between extraction (pure functions on text), the
worker (which passes them along as task payloads) and the indexer (which maps them
onto Elasticsearch documents). Every offset is a Python string index into the text
that extraction was given, so ``text[start:end] == item.text`` always holds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"]
SpeakerType = Literal["person", "organisation", "government", "anonymous", "unknown"]
PlaceKind = Literal["country", "region", "city", "place"]


class Span(BaseModel):
    text: str
    start: int
    end: int


class ContentSpan(Span):
    # Where a quote is split around its cue ('"X," he said, "Y"'), the pieces as
    # [start, end] pairs; a single piece when it is not split.
    fragments: list[tuple[int, int]] = Field(default_factory=list)


class Entity(BaseModel):
    """One mention of a named entity."""

    text: str
    start: int
    end: int
    label: EntityLabel
    # Canonical key shared by every variant of one name ("IS", "ISIS", "Islamic
    # State" -> "org:islamic-state"); the field story matching and filters use.
    key: str
    # The display name for the key ("Islamic State").
    name: str


class EntitySummary(BaseModel):
    """One key's mentions in an article: what facets and "most mentioned" need
    without walking every mention."""

    key: str
    name: str
    label: EntityLabel
    count: int
    # Character offset of the first mention.
    first: int


class Location(BaseModel):
    """One place mention resolved against the offline gazetteer."""

    text: str
    start: int
    end: int
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country_code: str
    geonames_id: int | None = None
    # The first-level region (state, province) the place is in, or is.
    region: str | None = None
    # GeoNames feature code, coarsely: PCLI (country), ADM1 (state, province),
    # ADM2 (county, district), CONT (continent), PPL (city, town, village).
    feature: str | None = None
    # Canonical key ("geo:169389" for a GeoNames id), used like Entity.key.
    key: str


class Claim(BaseModel):
    """An attributed statement: who (speaker) said (cue) what (content)."""

    speaker: Span | None
    cue: Span
    content: ContentSpan
    direct: bool
    # The named person or body the speaker refers to, when the text allows
    # ("He said" -> "Vladimir Putin"); None when it is anonymous or unresolved.
    speaker_name: str | None = None
    speaker_key: str | None = None
    speaker_type: SpeakerType = "unknown"
    # ISO code of the state a government speaker speaks for ("Moscow", "the
    # Kremlin" and "the Russian Defence Ministry" all speak for RU).
    speaker_country: str | None = None
    # The earlier phrase a pronoun or description speaker refers to ("he" ->
    # "a doctor in the town of Rastan"); None when the speaker names itself.
    speaker_antecedent: Span | None = None
    # The whole claim's extent in the text (speaker, cue and content together).
    start: int
    end: int
    # Canonical keys of the entities and places named inside the content, in
    # order of first mention: what the claim is about, for filters and facets.
    entity_keys: list[str] = Field(default_factory=list)
    place_keys: list[str] = Field(default_factory=list)


class Extraction(BaseModel):
    """Everything extraction finds in one article's text."""

    language: str | None
    sentences: int
    entities: list[Entity]
    locations: list[Location]
    claims: list[Claim]
    # Lower-cased, ASCII-folded lemmas of the content words, space-separated:
    # indexed for recall ("strikes" finds "struck"), because the minimal
    # Elasticsearch distribution has no stemmer and results must not depend on it.
    lemmas: str
    # One row per entity key, in order of first mention, with mention counts.
    entity_summary: list[EntitySummary] = Field(default_factory=list)
