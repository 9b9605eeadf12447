"""The query parts of story search: full text, filters, facets. Pure; no requests.

Full text is matched loosely on purpose: a user pastes a one-line description of
an event ("Michael Steele Criticized for Afghanistan Comments") and the reports
use other words for part of it ("criticised", "remarks"). Requiring every word
loses them; requiring any word floods the page. ``MINIMUM_SHOULD_MATCH`` is the
usual middle: one or two words must all match, three or four may miss one, and
longer queries need 60% of their words. Ranking then rewards more of the words,
the title, and the words as a phrase.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from worker.extraction.text import fold

from .models import SearchParams

# Clauses are the query's words after stop words; see the module docstring.
MINIMUM_SHOULD_MATCH = "2<-1 4<60%"
TEXT_FIELDS = ["title^3", "text", "entity_names^2"]
PHRASE_SLOP = 2
FACET_SIZE = 20


def sqs(query: str, fields: list[str], *, strict: bool = False) -> dict[str, Any]:
    """simple_query_string: never fails on malformed syntax, so user input goes in as is."""
    body: dict[str, Any] = {"query": query, "fields": fields, "lenient": True,
                            "default_operator": "and" if strict else "or"}
    if not strict:
        body["minimum_should_match"] = MINIMUM_SHOULD_MATCH
    return {"simple_query_string": body}


def text_query(params: SearchParams) -> dict[str, Any] | None:
    """What a document must match: most of the words as written, or of their lemmas."""
    if not params.q:
        return None
    return {"bool": {"should": [sqs(params.q, TEXT_FIELDS),
                                sqs(params.q_lemmas or params.q, ["lemmas"])],
                     "minimum_should_match": 1}}


def phrase_boosts(params: SearchParams) -> list[dict[str, Any]]:
    """Optional clauses that only raise the score: the words close together, in the title
    above all. A headline-like query then finds the report whose headline it is."""
    if not params.q:
        return []
    return [
        {"match_phrase": {"title": {"query": params.q, "slop": PHRASE_SLOP, "boost": 4}}},
        {"match_phrase": {"text": {"query": params.q, "slop": PHRASE_SLOP, "boost": 2}}},
        {"match": {"title": {"query": params.q, "operator": "and", "boost": 2}}},
    ]


def ci_term(field: str, value: str) -> dict[str, Any]:
    return {"term": {field: {"value": value, "case_insensitive": True}}}


def any_of(*clauses: dict[str, Any]) -> dict[str, Any]:
    return {"bool": {"should": list(clauses), "minimum_should_match": 1}}


def _bound(value: date | datetime, *, end: bool) -> str:
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    else:
        moment = datetime.combine(value + timedelta(days=1) if end else value, time(), UTC)
    return moment.astimezone(UTC).isoformat()


def filters(params: SearchParams) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if params.outlet:
        out.append({"terms": {"outlet": params.outlet}})
    if params.entity:
        out.append(any_of(ci_term("entities", params.entity),
                          ci_term("entity_names.keyword", params.entity),
                          {"term": {"entity_aliases": fold(params.entity)}}))
    if params.location:
        out.append(any_of(ci_term("locations.key", params.location),
                          ci_term("locations.name", params.location),
                          {"term": {"place_names": fold(params.location)}}))
    if params.near is not None and params.radius_km is not None:
        # Any of the article's places within the radius (locations.point is an array).
        out.append({"geo_distance": {
            "distance": f"{params.radius_km}km",
            "locations.point": {"lat": params.near.lat, "lon": params.near.lon}}})
    if params.speaker:
        out.append(ci_term("speakers", params.speaker))
    if params.since or params.until:
        rng: dict[str, str] = {}
        if params.since:
            rng["gte"] = _bound(params.since, end=False)
        if params.until:
            # A bare date includes its whole day; a datetime is taken literally.
            key = "lt" if not isinstance(params.until, datetime) else "lte"
            rng[key] = _bound(params.until, end=True)
        out.append({"range": {"published_at": rng}})
    return out


def query(params: SearchParams, story_ids: list[str] | None = None) -> dict[str, Any]:
    """The article query: filters, the text that must match, and score-only boosts."""
    must = filters(params)
    if story_ids is not None:
        must.append({"terms": {"story_id": story_ids}})
    body: dict[str, Any] = {"filter": must}
    text = text_query(params)
    if text is not None:
        body["must"] = [text]
        body["should"] = phrase_boosts(params)
    return {"bool": body}


def date_interval(params: SearchParams) -> str:
    """Buckets of the time facet: days within two months, weeks within a year, else months
    (an unbounded search spans the whole archive)."""
    if params.since and params.until:
        days = (_as_date(params.until) - _as_date(params.since)).days
        return "day" if days <= 62 else "week" if days <= 366 else "month"
    return "month"


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def facet_aggs(params: SearchParams) -> dict[str, Any]:
    return {
        "stories": {"cardinality": {"field": "story_id", "precision_threshold": 40000}},
        "outlet": {"terms": {"field": "outlet", "size": FACET_SIZE}},
        "entity": {"terms": {"field": "entity_tags", "size": FACET_SIZE}},
        "location": {"terms": {"field": "location_tags", "size": FACET_SIZE}},
        # ``speakers`` holds keys and names of the same speakers: names read better
        # and filter just as well.
        "speaker": {"terms": {"field": "speakers", "size": FACET_SIZE,
                              "exclude": "[a-z]+:.*"}},
        "published": {"date_histogram": {"field": "published_at", "min_doc_count": 1,
                                         "calendar_interval": date_interval(params),
                                         "format": "yyyy-MM-dd"}},
    }
