"""Story terms, their weighting, copy detection and story summaries: no cluster needed."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from indexer_reports import japan_nhk, quake_aljazeera, quake_bbc, quake_reuters, rates_ft

from crosswire.settings import Settings
from indexer import story_features
from indexer.copies import containment, is_copy
from indexer.story_docs import story_document
from indexer.story_features import QUOTE_WORDS, cosine, idf, quote_terms, story_terms, weights

Bag = dict[str, float]


def _bags(*reports: tuple[object, object]) -> list[Bag]:
    terms = [story_terms(*r) for r in reports]  # type: ignore[arg-type]
    df = Counter(t for ts in terms for t in set(ts))
    return [weights(ts, df, len(terms)) for ts in terms]


def test_terms_cover_every_signal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(story_features, "KINDS", frozenset("wnksq"))
    terms = set(story_terms(*quake_reuters()))
    assert "k:person:recep-tayyip-erdogan" in terms and "k:geo:304922" in terms
    assert "s:person:recep-tayyip-erdogan" in terms
    assert "n:41" in terms and "n:6.8" in terms
    # Title words and lead lemmas are cut to one prefix, so inflections meet.
    assert "w:earthq" in terms and "w:earthquake" not in terms
    assert any(t.startswith("q:") for t in terms)
    monkeypatch.setattr(story_features, "KINDS", frozenset("w"))
    assert all(t.startswith("w:") for t in story_terms(*quake_reuters()))


def test_quote_terms_are_word_runs_of_direct_quotes_only() -> None:
    reuters, bbc = quake_reuters()[1], quake_bbc()[1]
    runs = quote_terms(reuters)
    # "We will not leave anyone under the debris": every run of five words, stop words kept.
    assert runs == ["we will not leave anyone", "will not leave anyone under",
                    "not leave anyone under the", "leave anyone under the debris"]
    assert all(len(r.split()) == QUOTE_WORDS for r in runs)
    # The BBC quotes the same sentence (with a full stop); reported speech adds nothing.
    assert quote_terms(bbc) == runs
    indirect = reuters.model_copy(update={"claims": [c for c in reuters.claims if not c.direct]})
    assert quote_terms(indirect) == []


def test_quote_terms_ignore_case_accents_and_apostrophe_style() -> None:
    reuters = quake_reuters()[1]
    claim = next(c for c in reuters.claims if c.direct)

    def quoting(text: str) -> list[str]:
        content = claim.content.model_copy(update={"text": text})
        return quote_terms(reuters.model_copy(
            update={"claims": [claim.model_copy(update={"content": content})]}))

    straight, curly = "We don't leave anyone in Malatya", "we don’t leave ANYONE in Malatyá"
    assert quoting(straight) == quoting(curly) != []
    assert quoting("Too short to count") == []


def test_rarer_terms_weigh_more() -> None:
    assert idf(1, 10) > idf(5, 10) > idf(10, 10) > 0


def test_similarity_separates_events_of_one_kind() -> None:
    *turkey, japan, rates = _bags(quake_reuters(), quake_bbc(), quake_aljazeera(), japan_nhk(),
                                  rates_ft())
    threshold = Settings().story_threshold
    for a in turkey:
        for b in turkey:
            assert cosine(a, b) > threshold
        assert cosine(a, japan) < threshold
        assert cosine(a, rates) < 0.05
    assert cosine(turkey[0], turkey[0]) == pytest.approx(1.0)
    assert cosine({}, turkey[0]) == 0.0


def test_copy_is_containment_of_five_grams() -> None:
    article, _ = quake_reuters()
    text = article.text or ""
    trimmed = text.rsplit(". ", 1)[0] + "."
    assert containment(text, trimmed) == pytest.approx(1.0)
    assert is_copy(text, "Updated: " + trimmed)
    other = quake_bbc()[0].text or ""
    assert not is_copy(text, other)
    assert not is_copy("too short to judge", "too short to judge")


def test_story_document_summarises_members() -> None:
    sources: list[dict[str, Any]] = [
        {"id": "a", "title": "Quake kills 41 in Malatya", "outlet": "reuters.com",
         "published_at": "2024-02-06T09:00:00+00:00", "story_date": "2024-02-06T09:00:00+00:00",
         "entity_tags": ["gpe:turkey\x1fGPE\x1fTurkey"], "location_tags": [],
         "speakers": ["org:afad"], "claim_count": 2, "story_terms": ["w:quake", "w:malaty"],
         "copy_of": None},
        {"id": "b", "title": "Quake kills 41", "outlet": "ap.org", "published_at": None,
         "story_date": "2024-02-06T10:00:00+00:00", "entity_tags": [], "location_tags": [],
         "speakers": [], "claim_count": 0, "story_terms": ["w:quake", "w:malaty"],
         "copy_of": "a"},
        {"id": "c", "title": "Rescue in Malatya", "outlet": "bbc.co.uk",
         "published_at": "2024-02-07T09:00:00+00:00", "story_date": "2024-02-07T09:00:00+00:00",
         "entity_tags": ["gpe:turkey\x1fGPE\x1fTurkey"], "location_tags": [], "speakers": [],
         "claim_count": 1, "story_terms": ["w:malaty", "w:rescue"], "copy_of": None},
    ]
    doc = story_document("s-1", sources)
    assert doc["title"] == "Quake kills 41 in Malatya"  # central, and not a copy
    assert doc["outlets"] == ["reuters.com", "ap.org", "bbc.co.uk"]
    assert doc["article_count"] == 3 and doc["copy_count"] == 1
    assert doc["first_published_at"] == "2024-02-06T09:00:00+00:00"
    assert doc["last_published_at"] == "2024-02-07T09:00:00+00:00"
    assert doc["entities"] == ["gpe:turkey"]
    assert doc["claim_ids"] == ["a:0", "a:1", "c:0"] and doc["claim_count"] == 3
