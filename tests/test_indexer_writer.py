"""Writing articles and claims: idempotent re-runs, replaced claims, loud failures."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from elasticsearch import Elasticsearch, NotFoundError
from indexer_reports import quake_bbc, quake_reuters

from crosswire.settings import Settings
from indexer import writer
from indexer.read import count_articles, get_article
from indexer.writer import IndexingError, index_article


def _claims(es: Elasticsearch, settings: Settings, article_id: str) -> list[dict[str, Any]]:
    resp = es.search(index=settings.index_name("claims"), size=100, sort=[{"n": "asc"}],
                     query={"term": {"article_id": article_id}})
    return [h["_source"] | {"_id": h["_id"]} for h in resp["hits"]["hits"]]


def test_reindexing_same_article_changes_nothing(es: Elasticsearch, idx: Settings) -> None:
    article, ext = quake_reuters()
    first = index_article(es, idx, article, ext)
    second = index_article(es, idx, article, ext)
    assert first.created and not second.created
    assert first.story_id == second.story_id
    assert first.claims_indexed == second.claims_indexed == 2
    assert count_articles(es, idx) == 1
    assert [c["_id"] for c in _claims(es, idx, article.id)] == [f"{article.id}:0",
                                                                f"{article.id}:1"]


def test_claims_are_replaced_not_duplicated(es: Elasticsearch, idx: Settings) -> None:
    article, ext = quake_reuters()
    index_article(es, idx, article, ext)
    fewer = ext.model_copy(update={"claims": ext.claims[1:]})
    result = index_article(es, idx, article, fewer)
    claims = _claims(es, idx, article.id)
    assert result.claims_indexed == 1
    assert [c["_id"] for c in claims] == [f"{article.id}:0"]
    assert claims[0]["content"] == ext.claims[1].content.text
    none = ext.model_copy(update={"claims": []})
    index_article(es, idx, article, none)
    assert _claims(es, idx, article.id) == []
    stored = get_article(es, idx, article.id)
    assert stored is not None and stored["claim_count"] == 0


def test_claims_carry_story_and_article_fields(es: Elasticsearch, idx: Settings) -> None:
    article, ext = quake_reuters()
    result = index_article(es, idx, article, ext)
    claims = _claims(es, idx, article.id)
    assert {c["story_id"] for c in claims} == {result.story_id}
    assert claims[0]["speaker_key"] == "person:recep-tayyip-erdogan"
    assert claims[0]["direct"] is True
    assert claims[1]["outlet"] == "reuters.com"


def test_lock_is_held_around_search_and_write(es: Elasticsearch, idx: Settings) -> None:
    events: list[str] = []

    class Lock:
        def __enter__(self) -> object:
            events.append("enter")
            return self

        def __exit__(self, *exc: object) -> None:
            events.append("exit")

    result = index_article(es, idx, *quake_reuters(), story_lock=Lock())
    assert events == ["enter", "exit"] and result.created


def test_bulk_item_errors_raise(es: Elasticsearch, idx: Settings,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    real = writer.claim_documents  # type: ignore[attr-defined]

    def broken(*args: Any) -> list[dict[str, Any]]:
        return [d | {"not_mapped": True} for d in real(*args)]

    monkeypatch.setattr(writer, "claim_documents", broken)
    article, ext = quake_bbc()
    with pytest.raises(IndexingError) as info:
        index_article(es, idx, article, ext)
    assert "strict_dynamic_mapping_exception" in str(info.value)
    assert len(info.value.errors) == 2


def test_writes_never_create_indices_implicitly(es: Elasticsearch) -> None:
    settings = Settings(index_prefix=f"itest-{uuid.uuid4().hex[:10]}-")
    with pytest.raises(NotFoundError):
        index_article(es, settings, *quake_reuters())
    assert es.indices.get(index=f"{settings.index_prefix}*", allow_no_indices=True) == {}
