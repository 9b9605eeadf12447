"""Document and query building, no cluster needed (story similarity: its own test module)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from indexer_reports import make_article, quake_aljazeera, quake_reuters
from pydantic import ValidationError

from indexer.documents import TAG_SEP, article_document, claim_documents, fingerprint, tokens
from indexer.mappings import ARTICLE_PROPERTIES, CLAIM_PROPERTIES, mappings
from indexer.models import SearchParams
from indexer.search import search_body
from indexer.stories import new_story_id
from worker.extraction.pipeline import extract

NOW = datetime(2024, 2, 7, tzinfo=UTC)


def test_article_document_fields_are_all_mapped() -> None:
    article, ext = quake_reuters()
    doc = article_document(article, ext, "s-1", NOW)
    assert set(doc) <= set(ARTICLE_PROPERTIES)
    assert doc["entities"].count("gpe:malatya") == 1
    assert "Recep Tayyip Erdogan" in doc["entity_names"]
    assert f"org:afad{TAG_SEP}ORG{TAG_SEP}AFAD" in doc["entity_tags"]
    assert {"person:recep-tayyip-erdogan", "Recep Tayyip Erdogan", "org:afad"} <= set(
        doc["speakers"])
    assert doc["claim_count"] == 2
    assert doc["story_date"] == doc["published_at"]
    assert doc["extraction"]["claims"][0]["content"]["text"].startswith("We will not")


def test_claim_documents_ids_and_contained_entities() -> None:
    article, ext = quake_reuters()
    claims = claim_documents(article, ext, "s-1")
    assert [c["id"] for c in claims] == [f"{article.id}:0", f"{article.id}:1"]
    assert all(set(c) <= set(CLAIM_PROPERTIES) for c in claims)
    # The indirect AFAD claim's content names Turkey and Malatya; the quote names no one.
    assert claims[0]["entities"] == []
    assert set(claims[1]["entities"]) == {"gpe:turkey", "gpe:malatya"}
    assert set(claims[1]["places"]) == {"geo:298795", "geo:304922"}


def test_anonymous_speakers_are_no_filter_values() -> None:
    _, ext = quake_aljazeera()
    doc = article_document(*quake_aljazeera(), story_id="s", indexed_at=NOW)
    assert "officials" not in doc["speakers"]
    assert ext.claims[0].speaker_type == "anonymous"


def test_relative_pronoun_speaker_is_stored_as_what_it_stands_for() -> None:
    text = ("Rescue work went on overnight, said a senior rescue official, who added that "
            "the search would end on Friday.")
    article = make_article("example.org", "Rescue goes on", text)
    docs = claim_documents(article, extract(text), "s-1")
    added = next(d for d in docs if d["cue"] == "added")
    assert added["speaker"] == "a senior rescue official"
    assert added["content"] == "that the search would end on Friday"


def test_undated_article_uses_submission_for_story_date() -> None:
    article, ext = quake_reuters(published=None)
    doc = article_document(article, ext, "s", NOW)
    assert doc["published_at"] is None
    assert doc["story_date"] == doc["submitted_at"]


def test_tokens_fold_case_accents_and_stop_words() -> None:
    assert tokens("The Élysée said: 41 ÇAĞLAR") == ["elysee", "41", "caglar"]
    assert fingerprint("Quake hits", "quake strike strike") == ["quake", "hits", "strike"]


def test_new_story_id_is_deterministic() -> None:
    article, _ = quake_reuters()
    assert new_story_id(article) == new_story_id(quake_reuters()[0]) == f"s-{article.id[:16]}"


def test_mappings_are_strict_and_extraction_not_indexed() -> None:
    for base in ("articles", "claims"):
        assert mappings(base)["dynamic"] == "strict"
    assert ARTICLE_PROPERTIES["extraction"] == {"type": "object", "enabled": False}


def test_search_params_validation() -> None:
    p = SearchParams.model_validate({"outlet": "bbc.co.uk, reuters.com", "since": "2024-02-01",
                                     "until": "2024-02-07T12:00:00Z", "q": "  "})
    assert p.outlet == ["bbc.co.uk", "reuters.com"]
    assert p.since == date(2024, 2, 1)
    assert isinstance(p.until, datetime)
    assert p.q is None
    with pytest.raises(ValidationError):
        SearchParams(page=1000, size=100)
    with pytest.raises(ValidationError):
        SearchParams.model_validate({"bogus": 1})


def test_search_body_date_bounds_and_stable_sort() -> None:
    body = search_body(SearchParams.model_validate({"q": "quake", "since": "2024-02-01",
                                                    "until": "2024-02-06"}))
    rng = body["query"]["bool"]["filter"][0]["range"]["published_at"]
    assert rng == {"gte": "2024-02-01T00:00:00+00:00", "lt": "2024-02-07T00:00:00+00:00"}
    assert body["sort"][0] == "_score"
    assert body["sort"][-1] == {"story_id": "asc"}
    assert body["collapse"]["field"] == "story_id"
    no_q = search_body(SearchParams())
    assert "must" not in no_q["query"]["bool"]
    assert "published_at" in no_q["sort"][0]
