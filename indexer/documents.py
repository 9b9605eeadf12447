"""Pure mapping of an ``Article`` and its ``Extraction`` onto index documents.

No Elasticsearch here: these functions decide what every document contains, so
they are tested without a cluster and shared by the writer and story matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from crosswire.articles import Article
from worker.extraction.model import Claim, Entity, Extraction, Location
from worker.extraction.speakers import RELATIVE_PRONOUNS
from worker.extraction.text import ascii_fold, fold

# Separates the parts of an entity/location tag ("key\x1flabel\x1fname"); a
# control character cannot occur in a key, a label or a display name.
TAG_SEP = "\x1f"
# Speakers worth a filter value when the text gives no resolved name: a named
# body or person, not "he" or "officials".
_NAMED_SPEAKER_TYPES = frozenset({"person", "organisation", "government"})
# How much of the article's lemma stream counts as its lead for the fingerprint:
# the lead is where reports of one event overlap most; the rest is background.
FINGERPRINT_LEMMAS = 80
_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset({
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "in", "into", "is", "it", "its",
    "more", "new", "not", "of", "on", "one", "or", "our", "over", "said", "says", "she", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "two",
    "under", "up", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would",
    "you",
})


def tag(*parts: str) -> str:
    return TAG_SEP.join(parts)


def untag(value: str) -> list[str]:
    return value.split(TAG_SEP)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC; naive values are taken as UTC like everywhere else."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def story_date(article: Article) -> datetime:
    """The date the story window is measured on: publication, else submission."""
    return article.published_at or article.submitted_at


def tokens(text: str) -> list[str]:
    """Case- and accent-folded word tokens without stop words, in order."""
    return [t for t in _TOKEN.findall(ascii_fold(text.casefold()))
            if t not in _STOP and (len(t) > 2 or t.isdigit())]


def fingerprint(title: str | None, lemmas: str) -> list[str]:
    """Distinct title words and lead lemmas: what two reports of one event share in wording."""
    words = tokens(title or "") + tokens(" ".join(lemmas.split()[:FINGERPRINT_LEMMAS]))
    return list(dict.fromkeys(words))


def _unique_entities(entities: Iterable[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for e in entities:
        seen.setdefault(e.key, e)
    return list(seen.values())


def _unique_locations(locations: Iterable[Location]) -> list[Location]:
    seen: dict[str, Location] = {}
    for loc in locations:
        seen.setdefault(loc.key, loc)
    return list(seen.values())


def entity_tags(extraction: Extraction) -> list[str]:
    return [tag(e.key, e.label, e.name) for e in _unique_entities(extraction.entities)]


def location_tags(extraction: Extraction) -> list[str]:
    return [tag(loc.key, loc.kind, loc.name) for loc in _unique_locations(extraction.locations)]


def entity_aliases(extraction: Extraction) -> list[str]:
    names = (v for e in extraction.entities for v in (e.name, e.text))
    return list(dict.fromkeys(f for f in map(fold, names) if f))


def place_names(extraction: Extraction) -> list[str]:
    names = (v for loc in extraction.locations for v in (loc.name, loc.text))
    return list(dict.fromkeys(f for f in map(fold, names) if f))


def speaker_values(claim: Claim) -> list[str]:
    """The values a speaker filter should find this claim's speaker by."""
    values = [v for v in (claim.speaker_key, claim.speaker_name) if v]
    phrase = speaker_phrase(claim)
    if not values and phrase is not None and claim.speaker_type in _NAMED_SPEAKER_TYPES:
        values.append(phrase)
    return values


def speaker_phrase(claim: Claim) -> str | None:
    """The words that name the speaker: for a relative pronoun ("Smith, who said")
    what it stands for, since "who" alone names nobody."""
    if claim.speaker is None:
        return None
    if claim.speaker.text.lower() in RELATIVE_PRONOUNS and claim.speaker_antecedent is not None:
        return claim.speaker_antecedent.text
    return claim.speaker.text


def article_speakers(extraction: Extraction) -> list[str]:
    return list(dict.fromkeys(v for c in extraction.claims for v in speaker_values(c)))


def article_document(
    article: Article,
    extraction: Extraction,
    story_id: str,
    indexed_at: datetime,
    *,
    story_terms: list[str] | None = None,
    quote_terms: list[str] | None = None,
    copy_of: str | None = None,
) -> dict[str, Any]:
    """The ``articles`` document: searchable fields plus the full extraction for reads."""
    entities = _unique_entities(extraction.entities)
    locations = _unique_locations(extraction.locations)
    return {
        "id": article.id,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "text": article.text or "",
        "lemmas": extraction.lemmas,
        "language": extraction.language or article.language,
        "author": article.author,
        "published_at": iso(article.published_at),
        "submitted_at": iso(article.submitted_at),
        "indexed_at": iso(indexed_at),
        "story_date": iso(story_date(article)),
        "story_id": story_id,
        "entities": [e.key for e in entities],
        "entity_names": list(dict.fromkeys(e.name for e in entities)),
        "entity_tags": entity_tags(extraction),
        "locations": [
            {
                "key": loc.key,
                "name": loc.name,
                "kind": loc.kind,
                "country_code": loc.country_code,
                "point": {"lat": loc.lat, "lon": loc.lon},
            }
            for loc in locations
        ],
        "location_tags": location_tags(extraction),
        "entity_aliases": entity_aliases(extraction),
        "place_names": place_names(extraction),
        "speakers": article_speakers(extraction),
        "claim_count": len(extraction.claims),
        "fingerprint": " ".join(fingerprint(article.title, extraction.lemmas)),
        "story_terms": story_terms or [],
        "quote_terms": quote_terms or [],
        "copy_of": copy_of,
        "extraction": extraction.model_dump(mode="json"),
    }


def claim_id(article_id: str, n: int) -> str:
    return f"{article_id}:{n}"


def _within(start: int, end: int, claim: Claim) -> bool:
    return claim.content.start <= start and end <= claim.content.end


def claim_documents(
    article: Article, extraction: Extraction, story_id: str
) -> list[dict[str, Any]]:
    """One ``claims`` document per claim, numbered in text order of extraction."""
    docs = []
    for n, claim in enumerate(extraction.claims):
        docs.append(
            {
                "id": claim_id(article.id, n),
                "article_id": article.id,
                "n": n,
                "outlet": article.outlet,
                "published_at": iso(article.published_at),
                "story_id": story_id,
                "speaker": speaker_phrase(claim),
                "speaker_name": claim.speaker_name,
                "speaker_key": claim.speaker_key,
                "speaker_type": claim.speaker_type,
                "speaker_country": claim.speaker_country,
                "cue": claim.cue.text,
                "content": claim.content.text,
                "direct": claim.direct,
                "entities": list(dict.fromkeys(
                    e.key for e in extraction.entities if _within(e.start, e.end, claim)
                )),
                "places": list(dict.fromkeys(
                    loc.key for loc in extraction.locations if _within(loc.start, loc.end, claim)
                )),
                "start": claim.start,
                "end": claim.end,
            }
        )
    return docs
