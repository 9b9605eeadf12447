"""Story search and reads over a small corpus of three events from several outlets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch
from indexer_reports import (
    T0,
    fresh_indices,
    japan_nhk,
    japan_reuters,
    quake_aljazeera,
    quake_bbc,
    quake_reuters,
    rates_bbc,
    rates_ft,
)

from crosswire.settings import Settings
from indexer.models import SearchParams, SearchResult
from indexer.read import count_articles, get_article, get_story
from indexer.search import search_stories
from indexer.writer import index_article

REPORTS = [quake_reuters, quake_bbc, quake_aljazeera, japan_nhk, japan_reuters, rates_ft,
           rates_bbc]


@pytest.fixture(scope="module")
def corpus(es: Elasticsearch) -> Iterator[tuple[Settings, dict[str, str]]]:
    """Settings of the indexed corpus and the story id of each event."""
    with fresh_indices(es) as settings:
        story = {fn.__name__: index_article(es, settings, *fn()).story_id for fn in REPORTS}
        yield settings, {"turkey": story["quake_reuters"], "japan": story["japan_nhk"],
                         "rates": story["rates_ft"]}


def search(es: Elasticsearch, settings: Settings, **params: object) -> SearchResult:
    return search_stories(es, settings, SearchParams.model_validate(params))


def test_corpus_has_three_stories(es: Elasticsearch, corpus: tuple[Settings, dict[str, str]]
                                  ) -> None:
    settings, stories = corpus
    assert len(set(stories.values())) == 3
    assert count_articles(es, settings) == 7
    assert count_articles(es, settings, stories["turkey"]) == 3


def test_query_groups_articles_by_story(es: Elasticsearch,
                                        corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, stories = corpus
    result = search(es, settings, q="earthquake Malatya")
    assert result.total == 1
    [story] = result.stories
    assert story.story_id == stories["turkey"]
    assert story.article_count == 3
    assert {a.outlet for a in story.articles} == {"reuters.com", "bbc.co.uk", "aljazeera.com"}
    assert all(any("<em>" in h for h in a.highlights) for a in story.articles)
    assert story.claims and {c.outlet for c in story.claims} <= {
        "reuters.com", "bbc.co.uk", "aljazeera.com"}


def test_best_story_first(es: Elasticsearch, corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, stories = corpus
    result = search(es, settings, q="earthquake Wajima")
    assert result.stories[0].story_id == stories["japan"]


def test_lemmas_match_other_word_forms(es: Elasticsearch,
                                       corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, _ = corpus
    # "strikes" is in no text; the lemma "strike" is in the quakes' lemmas ("struck").
    assert search(es, settings, q="strikes magnitude").total == 0
    assert search(es, settings, q="strikes magnitude", q_lemmas="strike magnitude").total == 2


def test_no_query_lists_newest_stories_first(es: Elasticsearch,
                                             corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, stories = corpus
    result = search(es, settings)
    assert result.total == 3
    assert [s.story_id for s in result.stories] == [stories["turkey"], stories["japan"],
                                                    stories["rates"]]


@pytest.mark.parametrize("junk", ['"foo AND (', "title:(", ")))", "+-~*|", '"', "a OR",
                                  "\\", "{!}", "𝔘nicode ☃"])
def test_junk_queries_do_not_raise(es: Elasticsearch, corpus: tuple[Settings, dict[str, str]],
                                   junk: str) -> None:
    settings, _ = corpus
    assert search(es, settings, q=junk).total >= 0


@pytest.mark.parametrize(("params", "event"), [
    ({"entity": "person:fumio-kishida"}, "japan"),
    ({"entity": "recep tayyip erdogan"}, "turkey"),
    ({"location": "geo:2643743"}, "rates"),
    ({"location": "wajima"}, "japan"),
    ({"speaker": "Andrew Bailey"}, "rates"),
    ({"speaker": "person:recep-tayyip-erdogan"}, "turkey"),
    ({"outlet": "nhk.or.jp"}, "japan"),
    ({"until": "2024-02-05"}, "rates"),
])
def test_filters(es: Elasticsearch, corpus: tuple[Settings, dict[str, str]],
                 params: dict[str, str], event: str) -> None:
    settings, stories = corpus
    result = search(es, settings, **params)
    assert [s.story_id for s in result.stories] == [stories[event]]


def test_outlet_filter_keeps_only_that_outlets_articles(
    es: Elasticsearch, corpus: tuple[Settings, dict[str, str]]
) -> None:
    settings, _ = corpus
    result = search(es, settings, outlet=["bbc.co.uk", "ft.com"])
    assert result.total == 2
    assert {a.outlet for s in result.stories for a in s.articles} == {"bbc.co.uk", "ft.com"}


def test_date_range(es: Elasticsearch, corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, stories = corpus
    result = search(es, settings, since=T0.isoformat(), until="2024-02-06")
    assert {s.story_id for s in result.stories} == {stories["turkey"], stories["japan"]}
    # The BBC and Al Jazeera reports came out on the 7th.
    assert {a.outlet for s in result.stories for a in s.articles} == {"reuters.com",
                                                                       "nhk.or.jp"}


def test_speaker_filter_puts_that_speakers_claims_first(
    es: Elasticsearch, corpus: tuple[Settings, dict[str, str]]
) -> None:
    settings, _ = corpus
    [story] = search(es, settings, speaker="AFAD").stories
    assert story.claims[0].speaker_name == "AFAD"


def test_facets(es: Elasticsearch, corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, _ = corpus
    facets = search(es, settings).facets
    outlets = {b.key: b.count for b in facets["outlet"]}
    assert outlets == {"reuters.com": 2, "bbc.co.uk": 2, "aljazeera.com": 1, "nhk.or.jp": 1,
                       "ft.com": 1}
    erdogan = next(b for b in facets["entity"] if b.key == "person:recep-tayyip-erdogan")
    assert (erdogan.count, erdogan.name, erdogan.label) == (3, "Recep Tayyip Erdogan", "PERSON")
    malatya = next(b for b in facets["location"] if b.key == "geo:304922")
    assert (malatya.name, malatya.label, malatya.count) == ("Malatya", "city", 3)


def test_paging_is_stable_and_complete(es: Elasticsearch,
                                       corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, stories = corpus
    for q, expected in ((None, set(stories.values())),
                        ("earthquake", {stories["turkey"], stories["japan"]})):
        pages = [search(es, settings, q=q, page=p, size=1) for p in range(1, len(expected) + 2)]
        ids = [s.story_id for page in pages for s in page.stories]
        assert len(ids) == len(set(ids)) == len(expected) and set(ids) == expected
        assert pages[-1].stories == []
        assert all(p.total == len(expected) for p in pages)
        # The same page asked again is the same page.
        assert search(es, settings, q=q, page=1, size=1) == pages[0]


def test_get_article_and_story(es: Elasticsearch,
                               corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, stories = corpus
    article, ext = quake_bbc()
    doc = get_article(es, settings, article.id)
    assert doc is not None
    assert doc["story_id"] == stories["turkey"]
    assert doc["extraction"]["lemmas"] == ext.lemmas
    assert "fingerprint" not in doc
    assert get_article(es, settings, "0" * 32) is None

    view = get_story(es, settings, stories["turkey"])
    assert view is not None
    assert [a.outlet for a in view.articles] == ["reuters.com", "bbc.co.uk", "aljazeera.com"]
    assert view.outlets == ["reuters.com", "bbc.co.uk", "aljazeera.com"]
    assert [len(a.claims) for a in view.articles] == [2, 2, 2]
    assert view.articles[1].claims[1].speaker_name == "Recep Tayyip Erdogan"
    assert get_story(es, settings, "s-missing") is None
