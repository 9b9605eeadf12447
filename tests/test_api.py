"""The HTTP API's contract: every error path a client can reach, against real services."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from crosswire.settings import Settings

pytestmark = pytest.mark.services

GOOD = {
    "outlet": "example-news",
    "title": "A title",
    "text": "Officials said the bridge reopened on Monday.",
}


@pytest.fixture()
def client(clean: Settings) -> Iterator[TestClient]:
    settings = clean.model_copy(update={"max_body_bytes": 4096, "max_batch_items": 5})
    with TestClient(create_app(settings)) as c:
        yield c


def _fields(resp: object) -> list[str]:
    return [e["field"] for e in resp.json()["detail"]]  # type: ignore[attr-defined]


def test_accepts_an_article_and_reports_its_job(client: TestClient) -> None:
    resp = client.post("/articles", json=GOOD)
    assert resp.status_code == 202
    body = resp.json()
    assert body["duplicate"] is False and body["status"] == "queued"
    job = client.get(f"/jobs/{body['job_id']}").json()
    assert job["status"] == "queued" and job["article_id"] == body["article_id"]


def test_same_article_twice_is_one_article_and_a_duplicate(client: TestClient) -> None:
    first = client.post("/articles", json=GOOD).json()
    again = client.post(
        "/articles", json={**GOOD, "text": "  officials SAID the bridge reopened on Monday. "}
    )
    assert again.status_code == 202
    assert again.json()["duplicate"] is True
    assert again.json()["article_id"] == first["article_id"]
    assert again.json()["job_id"] == first["job_id"]


def test_same_url_with_tracking_parameters_is_a_duplicate(client: TestClient) -> None:
    a = client.post(
        "/articles", json={"url": "https://www.example.org/news/1?utm_source=x", "text": "x y z"}
    )
    b = client.post("/articles", json={"url": "http://example.org/news/1/", "text": "other"})
    assert a.json()["article_id"] == b.json()["article_id"]
    assert b.json()["duplicate"] is True


def test_force_requeues_a_known_article(client: TestClient) -> None:
    first = client.post("/articles", json=GOOD).json()
    forced = client.post("/articles?force=true", json=GOOD).json()
    assert forced["job_id"] != first["job_id"] and forced["status"] == "queued"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"outlet": "x"}, "text"),
        ({"text": "Some text."}, "outlet"),
        ({"url": "ftp://example.org/a", "text": "t"}, "url"),
        ({"url": "not a url"}, "url"),
        ({**GOOD, "published_at": "last tuesday"}, "published_at"),
        ({**GOOD, "language": "english!"}, "language"),
        ({**GOOD, "colour": "blue"}, "colour"),
        ({**GOOD, "text": 42}, "text"),
        ({**GOOD, "outlet": "o" * 201}, "outlet"),
    ],
)
def test_invalid_article_is_422_naming_the_field(
    client: TestClient, payload: dict[str, object], field: str
) -> None:
    resp = client.post("/articles", json=payload)
    assert resp.status_code == 422
    assert field in _fields(resp)


@pytest.mark.parametrize("body", [b"{not json", b"", b"[1, 2]", b'"a string"'])
def test_malformed_body_is_422(client: TestClient, body: bytes) -> None:
    resp = client.post("/articles", content=body, headers={"content-type": "application/json"})
    assert resp.status_code == 422
    assert _fields(resp) == ["body"]


def test_body_over_the_limit_is_413(client: TestClient) -> None:
    resp = client.post("/articles", json={**GOOD, "text": "word " * 2000})
    assert resp.status_code == 413


def test_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"outlet": "x", "text": "'
        for _ in range(100):
            yield b"a" * 100
        yield b'"}'

    resp = client.post("/articles", content=chunks(), headers={"content-type": "application/json"})
    assert resp.status_code == 413


def test_batch_reports_each_item(client: TestClient) -> None:
    items = [GOOD, {"outlet": "x"}, {"outlet": "y", "text": "Another report entirely."}, "nope"]
    resp = client.post("/articles/batch", json=items)
    assert resp.status_code == 202
    body = resp.json()
    assert body["accepted"] == 2 and body["rejected"] == 2
    oks = [item["ok"] for item in body["items"]]
    assert oks == [True, False, True, False]
    assert body["items"][1]["errors"][0]["field"] == "text"


def test_batch_as_ndjson_with_a_broken_line(client: TestClient) -> None:
    lines = (
        b'{"outlet": "a", "text": "First one."}\n{broken\n\n'
        b'{"outlet": "b", "text": "Second one."}\n'
    )
    resp = client.post(
        "/articles/batch", content=lines, headers={"content-type": "application/x-ndjson"}
    )
    assert resp.status_code == 202
    body = resp.json()
    assert [i["ok"] for i in body["items"]] == [True, False, True]
    assert "line 2" in body["items"][1]["errors"][0]["message"]


def test_batch_with_too_many_items_is_413(client: TestClient) -> None:
    resp = client.post("/articles/batch", json=[{"outlet": "a", "text": f"t{i}"} for i in range(6)])
    assert resp.status_code == 413


def test_batch_with_nothing_valid_is_422(client: TestClient) -> None:
    resp = client.post("/articles/batch", json=[{"outlet": "a"}])
    assert resp.status_code == 422


def test_unknown_job_article_and_story_are_404(client: TestClient) -> None:
    assert client.get("/jobs/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/stories/nope").status_code == 404


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=0", "page"),
        ("size=1000", "size"),
        ("since=yesterday", "since"),
        ("since=2020-02-01&until=2020-01-01", "since"),
    ],
)
def test_bad_search_parameters_are_422(client: TestClient, query: str, field: str) -> None:
    resp = client.get(f"/search?{query}")
    assert resp.status_code == 422
    assert field in _fields(resp)


@pytest.mark.parametrize("q", ['"unbalanced', "a AND (b OR", "title:[* TO", "\\", "~~~ ** //"])
def test_search_never_fails_on_query_syntax(client: TestClient, q: str) -> None:
    resp = client.get("/search", params={"q": q})
    assert resp.status_code == 200
    assert resp.json()["total"] == 0


def test_services_down_is_503_not_500(clean: Settings) -> None:
    dead = clean.model_copy(
        update={"redis_url": "redis://127.0.0.1:1/0", "es_url": "http://127.0.0.1:1"}
    )
    with TestClient(create_app(dead), raise_server_exceptions=False) as c:
        sub = c.post("/articles", json=GOOD)
        assert sub.status_code == 503 and sub.headers["retry-after"]
        assert c.get("/search", params={"q": "x"}).status_code == 503
        assert c.get("/jobs/abc").status_code == 503
        assert c.get("/health").json()["ok"] is False
