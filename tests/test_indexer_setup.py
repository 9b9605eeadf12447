"""Index set-up against a real cluster: strict mappings, idempotence, races."""

from __future__ import annotations

import threading
import uuid

import pytest
from elasticsearch import BadRequestError, Elasticsearch
from indexer_reports import fresh_indices

from crosswire.settings import Settings
from indexer.mappings import BASES, versioned_index
from indexer.setup import IndexSetupError, drop_indices, ensure_indices


def test_aliases_point_at_versioned_indices(es: Elasticsearch, idx: Settings) -> None:
    for base in ("articles", "claims"):
        got = es.indices.get_alias(name=idx.index_name(base))
        assert list(got) == [versioned_index(idx.index_prefix, base)]
        tpl = es.indices.get_index_template(name=f"{idx.index_prefix}crosswire-{base}")
        assert tpl["index_templates"][0]["index_template"]["index_patterns"] == [
            f"{idx.index_prefix}{base}-v*"]


def test_ensure_indices_is_idempotent(es: Elasticsearch, idx: Settings) -> None:
    es.index(index=idx.index_name("articles"), id="x", document={"id": "x", "outlet": "o"},
             refresh=True)
    ensure_indices(es, idx)
    ensure_indices(es, idx)
    assert es.count(index=idx.index_name("articles"))["count"] == 1
    assert len(es.indices.get(index=f"{idx.index_prefix}*")) == len(BASES)


def test_ensure_indices_survives_concurrent_callers(es: Elasticsearch) -> None:
    settings = Settings(index_prefix=f"itest-{uuid.uuid4().hex[:10]}-")
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def run() -> None:
        try:
            barrier.wait()
            ensure_indices(es, settings)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert es.indices.exists_alias(name=settings.index_name("articles"))
    finally:
        drop_indices(es, settings)


@pytest.mark.parametrize("base", ["articles", "claims"])
def test_unknown_fields_are_rejected(es: Elasticsearch, idx: Settings, base: str) -> None:
    with pytest.raises(BadRequestError) as info:
        es.index(index=idx.index_name(base), id="x", document={"id": "x", "surprise": 1})
    assert "strict_dynamic_mapping_exception" in str(info.value)


def test_extraction_is_stored_not_mapped(es: Elasticsearch, idx: Settings) -> None:
    doc = {"id": "x", "extraction": {"anything": {"nested": [1, "two"]}}}
    es.index(index=idx.index_name("articles"), id="x", document=doc, refresh=True)
    assert es.get(index=idx.index_name("articles"), id="x")["_source"] == doc


def test_concrete_index_under_alias_name_is_reported(es: Elasticsearch) -> None:
    settings = Settings(index_prefix=f"itest-{uuid.uuid4().hex[:10]}-")
    es.indices.create(index=settings.index_name("articles"))
    try:
        with pytest.raises(IndexSetupError):
            ensure_indices(es, settings)
    finally:
        es.indices.delete(index=settings.index_name("articles"))
        drop_indices(es, settings)


def test_drop_refuses_unprefixed(es: Elasticsearch) -> None:
    with pytest.raises(ValueError):
        drop_indices(es, Settings(index_prefix=""))


def test_fresh_indices_cleans_up(es: Elasticsearch) -> None:
    with fresh_indices(es) as settings:
        prefix = settings.index_prefix
    assert es.indices.get(index=f"{prefix}*", allow_no_indices=True) == {}
