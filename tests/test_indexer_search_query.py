"""Story search's pure parts: the query it sends, how stories are ranked, its parameters."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from indexer.models import SearchParams
from indexer.search import story_scores
from indexer.search_query import MINIMUM_SHOULD_MATCH, date_interval, filters, query


def _hit(story: str, outlet: str, score: float) -> dict[str, Any]:
    return {"fields": {"story_id": [story], "outlet": [outlet]}, "sort": [score, 0, story]}


def test_a_story_reported_by_several_outlets_outranks_one_slightly_better_article() -> None:
    hits = [_hit("single", "a", 10.0), _hit("wide", "a", 9.0), _hit("wide", "b", 8.0),
            _hit("wide", "b", 7.5), _hit("wide", "c", 6.0)]
    ranked = story_scores(hits)
    assert [s for s, _ in ranked] == ["wide", "single"]
    # One outlet's several articles count once, at its best; then 1/2, 1/3 for the others.
    assert ranked[0][1] == pytest.approx(9.0 + 8.0 / 2 + 6.0 / 3)


def test_equal_scores_keep_the_order_of_the_best_articles() -> None:
    hits = [_hit("b", "x", 5.0), _hit("a", "y", 5.0)]
    assert [s for s, _ in story_scores(hits)] == ["b", "a"]


def test_the_text_query_needs_most_words_not_all_and_boosts_phrases() -> None:
    body = query(SearchParams(q="Michael Steele Criticized for Afghanistan Comments"))
    [text] = body["bool"]["must"]
    words = text["bool"]["should"][0]["simple_query_string"]
    assert words["default_operator"] == "or"
    assert words["minimum_should_match"] == MINIMUM_SHOULD_MATCH
    phrases = [c for c in body["bool"]["should"] if "match_phrase" in c]
    assert {next(iter(c["match_phrase"])) for c in phrases} == {"title", "text"}


def test_near_is_a_geo_distance_filter_on_the_places() -> None:
    params = SearchParams.model_validate({"near": "34.73, 36.71", "radius_km": "25"})
    [geo] = filters(params)
    assert geo == {"geo_distance": {"distance": "25.0km",
                                    "locations.point": {"lat": 34.73, "lon": 36.71}}}
    assert SearchParams.model_validate({"near": "1,2"}).radius_km == 50.0


@pytest.mark.parametrize(("params", "field"), [
    ({"near": "34.7"}, "near"),
    ({"near": "north,south"}, "near.lat"),
    ({"near": "95,10"}, "near.lat"),
    ({"near": "10,200"}, "near.lon"),
    ({"radius_km": 10}, "near"),
    ({"near": "1,2", "radius_km": 0}, "radius_km"),
])
def test_bad_geo_parameters_name_the_field(params: dict[str, Any], field: str) -> None:
    from crosswire.errors import field_errors

    with pytest.raises(ValidationError) as err:
        SearchParams.model_validate(params)
    assert field in [e.field for e in field_errors(err.value.errors())]


def test_time_facet_buckets_follow_the_requested_range() -> None:
    assert date_interval(SearchParams(since=date(2024, 2, 1), until=date(2024, 2, 10))) == "day"
    assert date_interval(SearchParams(since=date(2024, 1, 1), until=date(2024, 9, 1))) == "week"
    assert date_interval(SearchParams()) == "month"
