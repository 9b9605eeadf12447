"""Submission to search through the real queue, a real worker, Redis and Elasticsearch."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient
from support import DATA, SEED, WorkerProcess
from typer.testing import CliRunner

from api.app import create_app
from crosswire.cli import app as cli
from crosswire.settings import Settings

pytestmark = [pytest.mark.services, pytest.mark.slow]


@pytest.fixture()
def client(clean: Settings, worker: WorkerProcess) -> Iterator[TestClient]:
    with TestClient(create_app(clean)) as c:
        yield c


def wait_for(client: TestClient, job_id: str, timeout: float = 90.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def seed_submission() -> dict[str, Any]:
    meta = json.loads(SEED.with_name(SEED.stem + ".meta.json").read_text())
    return {
        "outlet": meta["outlet"],
        "title": meta["title"],
        "published_at": meta["published_at"],
        "text": SEED.read_text(),
    }


def test_two_outlets_reporting_one_event_come_back_as_one_story(client: TestClient) -> None:
    seed = client.post("/articles", json=seed_submission()).json()
    second = client.post(
        "/articles",
        json={
            "outlet": "wirewatch.example",
            "published_at": "2015-10-01T18:30:00Z",
            "title": "Putin dismisses reports of civilian deaths as Russian jets strike Syria",
            "text": (DATA / "syria_strikes_second_outlet.txt").read_text(),
        },
    ).json()
    other = client.post(
        "/articles",
        json={
            "outlet": "qld.example",
            "published_at": "2015-10-01T08:00:00Z",
            "text": (DATA / "unrelated_report.txt").read_text(),
        },
    ).json()
    jobs = [wait_for(client, r["job_id"]) for r in (seed, second, other)]
    assert [j["status"] for j in jobs] == ["done", "done", "done"], jobs

    result = client.get("/search", params={"q": "Putin air strikes Syria civilians"}).json()
    top = result["stories"][0]
    ids = {a["id"] for a in top["articles"]}
    assert ids == {seed["article_id"], second["article_id"]}
    assert {a["outlet"] for a in top["articles"]} == {"rt.com", "wirewatch.example"}
    assert any("<em>" in h for a in top["articles"] for h in a["highlights"])
    assert "Vladimir Putin" in {c["speaker_name"] for c in top["claims"]}
    assert jobs[0]["story_id"] == jobs[1]["story_id"] != jobs[2]["story_id"]

    story = client.get(f"/stories/{top['story_id']}").json()
    assert sorted(story["outlets"]) == ["rt.com", "wirewatch.example"]
    assert all(a["claims"] for a in story["articles"])
    speakers = {c["speaker_name"] for a in story["articles"] for c in a["claims"]}
    assert speakers >= {"Vladimir Putin", "Ash Carter"}

    article = client.get(f"/articles/{seed['article_id']}").json()
    assert article["story_id"] == top["story_id"]
    assert article["extraction"]["claims"]

    flood = client.get("/search", params={"q": "flooding schools"}).json()
    assert [a["id"] for a in flood["stories"][0]["articles"]] == [other["article_id"]]


def test_filters_narrow_the_stories(client: TestClient) -> None:
    seed = client.post("/articles", json=seed_submission()).json()
    other = client.post(
        "/articles",
        json={"outlet": "qld.example", "text": (DATA / "unrelated_report.txt").read_text()},
    ).json()
    for r in (seed, other):
        assert wait_for(client, r["job_id"])["status"] == "done"

    def story_ids(**params: str) -> set[str]:
        res = client.get("/search", params=params).json()
        return {a["id"] for s in res["stories"] for a in s["articles"]}

    both = {seed["article_id"], other["article_id"]}
    assert story_ids() == both
    assert story_ids(outlet="rt.com") == {seed["article_id"]}
    assert story_ids(location="Rastan") == {seed["article_id"]}
    assert story_ids(location="Brisbane") == {other["article_id"]}
    assert story_ids(speaker="Ash Carter") == {seed["article_id"]}
    assert story_ids(entity="Islamic State") == {seed["article_id"]}
    assert story_ids(since="2015-09-30", until="2015-10-02") == {seed["article_id"]}
    facets = client.get("/search").json()["facets"]
    assert {b["key"] for b in facets["outlet"]} == {"rt.com", "qld.example"}


class _Pages(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[int, str]]] = {}

    def do_GET(self) -> None:
        status, body = self.pages.get(self.path, (404, "<html><body>not found</body></html>"))
        data = body.encode()
        self.send_response(status)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    _Pages.pages.clear()


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title><meta name='author' content='A. Writer'></head>"
        f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright</footer></body></html>"
    )


def test_url_only_article_is_fetched_extracted_and_indexed(client: TestClient, site: str) -> None:
    text = (DATA / "syria_strikes_second_outlet.txt").read_text().split("\n\n")
    _Pages.pages["/world/strikes"] = (200, _page(text[0], text[1:]))
    sub = client.post("/articles", json={"url": f"{site}/world/strikes"}).json()
    job = wait_for(client, sub["job_id"])
    assert job["status"] == "done", job
    article = client.get(f"/articles/{sub['article_id']}").json()
    assert article["outlet"] == "127.0.0.1"
    assert article["title"].startswith("Putin dismisses reports")
    assert "Home | World" not in article["text"]
    assert "tantamount to pouring gasoline" in article["text"]


def test_failed_fetch_goes_to_dead_letters_and_replays(
    client: TestClient, site: str, clean: Settings
) -> None:
    from crosswire.cli import services

    sub = client.post("/articles", json={"url": f"{site}/later"}).json()
    job = wait_for(client, sub["job_id"])
    assert job["status"] == "failed" and "404" in job["error"]
    letters = services.dead_letters(clean).list()
    assert [d.article_id for d in letters] == [sub["article_id"]]

    listed = CliRunner().invoke(cli, ["dlq", "list", "--json"])
    assert listed.exit_code == 0
    assert [json.loads(line)["article_id"] for line in listed.output.splitlines()] == [
        sub["article_id"]
    ]

    _Pages.pages["/later"] = (
        200,
        _page("Flooding closes schools", ["Heavy rain closed schools in Brisbane."]),
    )
    replayed = CliRunner().invoke(cli, ["dlq", "replay"])
    assert replayed.exit_code == 0, replayed.output
    new_job = replayed.output.split("new job ")[1].split()[0]
    assert wait_for(client, new_job)["status"] == "done"
    assert len(services.dead_letters(clean)) == 0
    assert client.get(f"/articles/{sub['article_id']}").json()["title"] == "Flooding closes schools"
