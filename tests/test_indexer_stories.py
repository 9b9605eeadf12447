"""Story assignment against a real cluster.

Same-outlet articles are not candidates for each other (``same_outlet=False``,
the default): an outlet's own pieces join one story through other outlets'
reports of the event, never directly through their shared house vocabulary.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

from elasticsearch import Elasticsearch
from indexer_reports import (
    T0,
    japan_nhk,
    japan_reuters,
    quake_aljazeera,
    quake_bbc,
    quake_reuters,
    rates_bbc,
    rates_ft,
)

from crosswire.articles import Article
from crosswire.settings import Settings
from indexer.stories import assign_story, best_match, new_story_id
from indexer.writer import index_article
from worker.extraction.model import Extraction


def test_reports_of_one_event_share_a_story(es: Elasticsearch, idx: Settings) -> None:
    first = index_article(es, idx, *quake_reuters())
    match = best_match(es, idx, *quake_bbc())
    assert match is not None and match.score > idx.story_threshold
    second = index_article(es, idx, *quake_bbc())
    third = index_article(es, idx, *quake_aljazeera())
    assert first.story_id == second.story_id == third.story_id == new_story_id(quake_reuters()[0])


def test_unrelated_and_similar_but_other_events_get_own_stories(
    es: Elasticsearch, idx: Settings
) -> None:

    turkey = index_article(es, idx, *quake_reuters())
    japan = index_article(es, idx, *japan_nhk())
    rates = index_article(es, idx, *rates_ft())
    assert len({turkey.story_id, japan.story_id, rates.story_id}) == 3
    # A second report of each lands with its own event, not with the other quake.
    assert index_article(es, idx, *japan_reuters()).story_id == japan.story_id
    assert index_article(es, idx, *quake_bbc()).story_id == turkey.story_id
    assert index_article(es, idx, *rates_bbc()).story_id == rates.story_id


def test_same_outlet_is_not_a_candidate_by_default(es: Elasticsearch, idx: Settings) -> None:
    first = index_article(es, idx, *quake_reuters())
    article, ext = quake_bbc()
    same_outlet = article.model_copy(update={"outlet": "reuters.com", "id": "f" * 32})
    assert assign_story(es, idx, same_outlet, ext) == new_story_id(same_outlet)
    assert assign_story(es, idx, same_outlet, ext, same_outlet=True) == first.story_id


def test_story_window(es: Elasticsearch, idx: Settings) -> None:
    first = index_article(es, idx, *quake_reuters())
    late = quake_bbc(published=T0 + timedelta(days=idx.story_window_days, hours=1))
    assert index_article(es, idx, *late).story_id != first.story_id


def test_undated_article_matches_by_submission_time(es: Elasticsearch, idx: Settings) -> None:
    first = index_article(es, idx, *quake_reuters())
    undated = quake_bbc(published=None, submitted=T0 + timedelta(hours=30))
    assert index_article(es, idx, *undated).story_id == first.story_id
    stale = quake_aljazeera(published=None, submitted=T0 + timedelta(days=30))
    assert index_article(es, idx, *stale).story_id != first.story_id


def test_indexed_article_keeps_its_story(es: Elasticsearch, idx: Settings) -> None:
    # BBC first, alone: its own story. Reuters joins it. Re-running BBC after more
    # reports arrived must not move it.
    bbc = index_article(es, idx, *quake_bbc())
    assert index_article(es, idx, *quake_reuters()).story_id == bbc.story_id
    index_article(es, idx, *quake_aljazeera())
    assert index_article(es, idx, *quake_bbc()).story_id == bbc.story_id


def test_concurrent_reports_with_lock_end_in_one_story(es: Elasticsearch, idx: Settings) -> None:
    lock = threading.Lock()
    barrier = threading.Barrier(3)
    stories: dict[str, str] = {}
    errors: list[BaseException] = []

    def run(name: str, report_fn: Callable[[], tuple[Article, Extraction]]) -> None:
        try:
            article, extraction = report_fn()
            barrier.wait()
            stories[name] = index_article(es, idx, article, extraction, story_lock=lock).story_id
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n, f)) for n, f in
               [("reuters", quake_reuters), ("bbc", quake_bbc), ("aj", quake_aljazeera)]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(stories.values())) == 1, stories
