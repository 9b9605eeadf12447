"""Story assignment against a real cluster.

Same-outlet articles are not candidates for each other (``same_outlet=False``,
the default): an outlet's own pieces join one story through other outlets'
reports of the event, never directly through their shared house vocabulary.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from indexer_reports import (
    T0,
    Report,
    japan_nhk,
    japan_reuters,
    make_article,
    make_claim,
    make_extraction,
    quake_aljazeera,
    quake_bbc,
    quake_reuters,
    rates_bbc,
    rates_ft,
)

from crosswire.articles import Article
from crosswire.settings import Settings
from indexer import story_quotes
from indexer.recompute import recompute
from indexer.stories import decide, new_story_id
from indexer.writer import index_article
from worker.extraction.model import Extraction


def test_reports_of_one_event_share_a_story(es: Elasticsearch, idx: Settings) -> None:
    first = index_article(es, idx, *quake_reuters())
    decision = decide(es, idx, *quake_bbc())
    assert decision.scored and decision.scored[0].score > idx.story_threshold
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
    assert decide(es, idx, same_outlet, ext).story_id == new_story_id(same_outlet)
    assert decide(es, idx, article, ext).story_id == first.story_id


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


def _lira_bbc() -> Report:
    """Another Turkish story of the quake's days, from the BBC: a rival, not the event."""
    text = ("Turkey's central bank raised its main interest rate on Thursday as the lira fell "
            "to a record low against the dollar. Analysts in Istanbul said inflation was still "
            "rising.")
    article = make_article("bbc.co.uk", "Turkey raises rates as lira hits record low", text,
                           published=T0 + timedelta(hours=8))
    return article, make_extraction(text)


def _only_pairs(settings: Settings) -> Settings:
    """Settings under which only pairing can link two reports."""
    return settings.model_copy(update={"story_threshold": 0.99, "story_pair_threshold": 0.05,
                                       "story_quote_threshold": 0.99})


def test_dated_reports_pair_below_the_threshold_as_each_others_best(
    es: Elasticsearch, idx: Settings
) -> None:
    # The threshold is out of reach: only pairing can link the two quake reports,
    # each the other's clear best match in the other's outlet.
    loose = _only_pairs(idx)
    quake = index_article(es, loose, *quake_reuters()).story_id
    index_article(es, loose, *japan_reuters())
    index_article(es, loose, *_lira_bbc())
    bbc = index_article(es, loose, *quake_bbc())
    assert bbc.story_id == quake
    assert bbc.decision is not None
    assert [s.article_id for s in bbc.decision.paired] == [quake_reuters()[0].id]


def test_an_unrivalled_dated_report_pairs(es: Elasticsearch, idx: Settings) -> None:
    # Reuters' only article in the window is as clear a counterpart as there can be.
    loose = _only_pairs(idx)
    quake = index_article(es, loose, *quake_reuters()).story_id
    assert index_article(es, loose, *quake_bbc()).story_id == quake


def test_undated_reports_do_not_pair(es: Elasticsearch, idx: Settings) -> None:
    loose = _only_pairs(idx)
    quake = index_article(es, loose, *quake_reuters()).story_id
    undated = quake_aljazeera(published=None, submitted=T0 + timedelta(hours=20))
    assert index_article(es, loose, *undated).story_id != quake


def test_reports_naming_no_common_actor_do_not_pair(es: Elasticsearch, idx: Settings) -> None:
    loose = _only_pairs(idx)
    quake = index_article(es, loose, *quake_reuters()).story_id
    article, extraction = quake_bbc()
    places_only = extraction.model_copy(update={
        "entities": [e for e in extraction.entities if not e.key.startswith(("person:", "org:"))]
    })
    decision = decide(es, loose, article, places_only)
    assert decision.scored and decision.scored[0].article_id == quake_reuters()[0].id
    assert decision.story_id != quake and not decision.paired


def test_a_close_runner_up_in_the_outlet_blocks_pairing(
    es: Elasticsearch, idx: Settings
) -> None:
    # Two Reuters reports the BBC piece matches about equally well: no clear choice.
    loose = _only_pairs(idx)
    first, ext = quake_reuters()
    quake = index_article(es, loose, first, ext).story_id
    again = make_article("reuters.com", "Rescuers race to reach survivors of Malatya quake",
                         first.text or "", published=T0 + timedelta(hours=3), slug="again")
    index_article(es, loose, again, ext)
    decision = decide(es, loose, *quake_bbc())
    assert len({s.article_id for s in decision.scored[:2]}) == 2
    assert decision.story_id != quake and not decision.paired


def _erdogan_lira_trt() -> Report:
    """Same days, same country, same president, another event: a pairing candidate only."""
    text = ("President Recep Tayyip Erdogan criticised Turkey's central bank on Thursday as the "
            "lira fell to a record low. Erdogan said interest rates were too high.")
    article = make_article("trtworld.com", "Erdogan attacks central bank as lira slides", text,
                           published=T0 + timedelta(hours=10))
    entity = ("Recep Tayyip Erdogan", "PERSON", "person:recep-tayyip-erdogan",
              "Recep Tayyip Erdogan")
    return article, make_extraction(text, entities=[entity])


def test_pairing_never_adds_a_story_to_an_article_placed_above_the_threshold(
    es: Elasticsearch, idx: Settings
) -> None:
    loose = idx.model_copy(update={"story_pair_threshold": 0.01})
    lira = index_article(es, loose, *_erdogan_lira_trt()).story_id
    # Alone, the BBC quake report would pair with the lira piece ...
    assert [s.story_id for s in decide(es, loose, *quake_bbc()).paired] == [lira]
    quake = index_article(es, loose, *quake_reuters()).story_id
    # ... but Reuters' report of the quake places it above the threshold.
    decision = decide(es, loose, *quake_bbc())
    assert decision.story_id == quake and decision.merge == [] and decision.paired == []


def _only_quotes(settings: Settings, **update: Any) -> Settings:
    """Settings under which only a shared quotation can link two reports."""
    return settings.model_copy(update={"story_threshold": 0.99, "story_pair_threshold": 0.99,
                                       "story_quote_threshold": 0.05, **update})


def test_reports_quoting_the_same_words_link_below_the_threshold(
    es: Elasticsearch, idx: Settings
) -> None:
    quotes = _only_quotes(idx)
    quake = index_article(es, quotes, *quake_reuters()).story_id
    # No publication date: the shared quotation is the evidence, not the window.
    bbc = index_article(es, quotes, *quake_bbc(published=None, submitted=T0 + timedelta(hours=20)))
    assert bbc.story_id == quake
    assert bbc.decision is not None
    assert [s.article_id for s in bbc.decision.quoted] == [quake_reuters()[0].id]


def test_no_quote_link_without_a_shared_quotation_or_below_the_floor(
    es: Elasticsearch, idx: Settings
) -> None:
    quotes = _only_quotes(idx)
    quake = index_article(es, quotes, *quake_reuters()).story_id
    article, extraction = quake_bbc()
    reported = extraction.model_copy(update={"claims": [c for c in extraction.claims
                                                        if not c.direct]})
    assert decide(es, quotes, article, reported).story_id != quake
    # The same quotation in a report less similar than the floor does not link either.
    high_floor = _only_quotes(idx, story_quote_threshold=0.98)
    decision = decide(es, high_floor, *quake_bbc())
    assert decision.scored and decision.scored[0].score < 0.98
    assert decision.story_id != quake and decision.quoted == []


def test_a_much_quoted_line_links_nothing(
    es: Elasticsearch, idx: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    quotes = _only_quotes(idx)
    quake = index_article(es, quotes, *quake_reuters()).story_id
    assert decide(es, quotes, *quake_bbc()).story_id == quake
    # Carried by more articles than a rare quotation may be: a line quoted for
    # weeks says what a piece is about, not which event it reports.
    monkeypatch.setattr(story_quotes, "QUOTE_MAX_DOCS", 1)
    assert decide(es, quotes, *quake_bbc()).story_id != quake


def test_a_quote_link_merges_the_stories_it_bridges(es: Elasticsearch, idx: Settings) -> None:
    quotes = _only_quotes(idx)
    quake = index_article(es, quotes, *quake_reuters()).story_id
    # The same outlet's second piece is no candidate for its first, so it starts a story.
    text = ("Erdogan toured Malatya on Thursday and repeated his pledge to survivors: \"We will "
            "not leave anyone under the debris.\" Officials said tents had reached Yesilyurt.")
    pledge = make_claim(text, speaker="Erdogan", cue="repeated", direct=True,
                        content="We will not leave anyone under the debris.")
    follow_up = (make_article("reuters.com", "Erdogan tours Malatya", text),
                 make_extraction(text, claims=[pledge]))
    other = index_article(es, quotes, *follow_up).story_id
    assert other != quake
    bbc = index_article(es, quotes, *quake_bbc())
    assert bbc.decision is not None and len(bbc.decision.quoted) == 2
    assert {bbc.story_id, *bbc.decision.merge} == {quake, other}


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


def _story(es: Elasticsearch, idx: Settings, story_id: str) -> dict[str, Any] | None:
    resp = es.options(ignore_status=404).get(index=idx.index_name("stories"), id=story_id)
    return resp["_source"] if resp.get("found") else None


def _claim_stories(es: Elasticsearch, idx: Settings) -> set[str]:
    es.indices.refresh(index=idx.index_name("claims"))
    hits = es.search(index=idx.index_name("claims"), size=100)["hits"]["hits"]
    return {h["_source"]["story_id"] for h in hits}


def test_story_document_follows_every_write(es: Elasticsearch, idx: Settings) -> None:
    first = index_article(es, idx, *quake_reuters())
    index_article(es, idx, *quake_bbc())
    story = _story(es, idx, first.story_id)
    assert story is not None
    assert story["article_count"] == 2
    assert story["outlets"] == ["reuters.com", "bbc.co.uk"]
    assert story["claim_count"] == 4 and len(story["claim_ids"]) == 4
    assert story["title"] in {quake_reuters()[0].title, quake_bbc()[0].title}
    assert story["first_published_at"] < story["last_published_at"]


def test_bridging_article_merges_two_stories(es: Elasticsearch, idx: Settings) -> None:
    # With an impossible threshold the first two reports start a story each;
    # the third matches both at the real threshold and proves them one.
    strict = idx.model_copy(update={"story_threshold": 1.01, "story_pair_threshold": 1.01,
                                  "story_quote_threshold": 1.01})
    a = index_article(es, strict, *quake_reuters())
    b = index_article(es, strict, *quake_bbc())
    assert a.story_id != b.story_id
    c = index_article(es, idx, *quake_aljazeera())
    assert set(c.merged) | {c.story_id} == {a.story_id, b.story_id}
    for report in (quake_reuters, quake_bbc):
        assert index_article(es, idx, *report()).story_id == c.story_id
    assert _claim_stories(es, idx) == {c.story_id}
    story = _story(es, idx, c.story_id)
    assert story is not None and story["article_count"] == 3
    assert _story(es, idx, c.merged[0]) is None


def test_reingesting_changes_nothing(es: Elasticsearch, idx: Settings) -> None:
    index_article(es, idx, *quake_reuters())
    index_article(es, idx, *quake_bbc())
    first = index_article(es, idx, *quake_aljazeera())
    before = _story(es, idx, first.story_id)
    for report in (quake_aljazeera, quake_reuters, quake_bbc):
        again = index_article(es, idx, *report())
        assert again.story_id == first.story_id and not again.created and not again.merged
    after = _story(es, idx, first.story_id)
    assert before is not None and after is not None
    assert {k: v for k, v in after.items() if k != "updated_at"} == \
        {k: v for k, v in before.items() if k != "updated_at"}


def test_wire_copy_joins_and_is_marked(es: Elasticsearch, idx: Settings) -> None:
    original = index_article(es, idx, *quake_reuters())
    article, ext = quake_reuters()
    copy = article.model_copy(update={
        "id": "c" * 32, "outlet": "localpaper.example", "url": "https://localpaper.example/q",
        "title": "Dozens dead as quake hits eastern Turkey",
    })
    result = index_article(es, idx, copy, ext)
    assert result.story_id == original.story_id
    assert result.copy_of == article.id
    # The same text from the same outlet under another URL is a copy too.
    again = article.model_copy(update={"id": "d" * 32, "url": "https://reuters.com/x"})
    assert index_article(es, idx, again, ext).copy_of == article.id
    assert index_article(es, idx, *quake_bbc()).copy_of is None
    story = _story(es, idx, original.story_id)
    assert story is not None and story["copy_count"] == 2
    assert story["central_article_id"] != copy.id


def test_recompute_applies_a_new_threshold(es: Elasticsearch, idx: Settings) -> None:
    strict = idx.model_copy(update={"story_threshold": 1.01, "story_pair_threshold": 1.01,
                                  "story_quote_threshold": 1.01})
    stories = {index_article(es, strict, *r()).story_id
               for r in (quake_reuters, quake_bbc, quake_aljazeera, rates_ft)}
    assert len(stories) == 4
    result = recompute(es, idx, since=T0 - timedelta(days=2), until=T0 + timedelta(days=2))
    assert result.articles == 4 and result.stories_before == 4 and result.stories_after == 2
    quake = index_article(es, idx, *quake_reuters()).story_id
    assert index_article(es, idx, *quake_aljazeera()).story_id == quake
    es.indices.refresh(index=idx.index_name("stories"))
    docs = es.search(index=idx.index_name("stories"), size=10)["hits"]["hits"]
    assert sorted(d["_source"]["article_count"] for d in docs) == [1, 3]
    assert len(_claim_stories(es, idx)) == 2
    # Recomputing again changes nothing.
    assert recompute(es, idx, since=T0 - timedelta(days=2)).stories_after == 2
    assert index_article(es, idx, *quake_bbc()).story_id == quake
