"""Search, claim search and the story comparison over HTTP, on short reports written here.

Two outlets report Russian air strikes in Syria (the same statements in other
words, a quote worded differently, a claim only one of them carries); the
earthquake and interest-rate reports of ``indexer_reports`` are the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from indexer_reports import (
    T0,
    EntitySpec,
    PlaceSpec,
    Report,
    fresh_indices,
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

import indexer.search
from api.app import create_app
from indexer.writer import index_article

pytestmark = pytest.mark.services

MINISTRY = {"name": "Russian Defence Ministry", "key": "org:russian-defence-ministry",
            "speaker_type": "government"}
PUTIN = {"name": "Vladimir Putin", "key": "person:vladimir-putin", "speaker_type": "person"}
IS: EntitySpec = ("Islamic State", "ORG", "org:islamic-state", "Islamic State")
P_RASTAN: PlaceSpec = ("Rastan", "Ar Rastan", "city", "geo:172946", 34.93, 36.73, "SY")
P_HAMA: PlaceSpec = ("Hama", "Hama", "city", "geo:170017", 35.13, 36.76, "SY")
P_MOSCOW: PlaceSpec = ("Moscow", "Moscow", "city", "geo:524901", 55.75, 37.62, "RU")


def syria_rt() -> Report:
    text = ("Russia's jets are targeting only Islamic State weapons and fuel depots, the Russian "
            "Defence Ministry said on Thursday. \"We intend to fight against terrorist "
            "organizations and them only,\" Vladimir Putin said in Moscow. Residents of Rastan "
            "said the bombing near Hama was the worst they had seen.")
    claims = [
        make_claim(text, speaker="the Russian Defence Ministry", cue="said", direct=False,
                   content="Russia's jets are targeting only Islamic State weapons and fuel "
                           "depots", **MINISTRY),
        make_claim(text, speaker="Vladimir Putin", cue="said", direct=True,
                   content="We intend to fight against terrorist organizations and them only",
                   **PUTIN),
    ]
    ext = make_extraction(text, entities=[IS, ("Vladimir Putin", "PERSON", PUTIN["key"],
                                               PUTIN["name"]),
                                          ("Russian Defence Ministry", "ORG", MINISTRY["key"],
                                           MINISTRY["name"])],
                          places=[P_MOSCOW, P_RASTAN, P_HAMA], claims=claims)
    return make_article("rt.com", "Russian jets target Islamic State fuel depots in Syria",
                        text, published=T0 + timedelta(days=3)), ext


def syria_reuters() -> Report:
    text = ("Russian Defence Ministry officials said its strikes hit only Islamic State arms "
            "and fuel stores near Hama and Rastan. \"We are fighting terrorist organisations and "
            "only them,\" Putin said. A US official said the first strikes hit Syrian opposition "
            "groups rather than Islamic State.")
    claims = [
        make_claim(text, speaker="Russian Defence Ministry officials", cue="said", direct=False,
                   content="its strikes hit only Islamic State arms and fuel stores near Hama "
                           "and Rastan", **MINISTRY),
        make_claim(text, speaker="Putin", cue="said", direct=True,
                   content="We are fighting terrorist organisations and only them", **PUTIN),
        make_claim(text, speaker="A US official", cue="said", direct=False,
                   content="the first strikes hit Syrian opposition groups rather than Islamic "
                           "State", speaker_type="anonymous"),
    ]
    ext = make_extraction(text, entities=[IS, ("Putin", "PERSON", PUTIN["key"], PUTIN["name"]),
                                          ("Russian Defence Ministry", "ORG", MINISTRY["key"],
                                           MINISTRY["name"])],
                          places=[P_HAMA, P_RASTAN], claims=claims)
    return make_article("reuters.com", "Russia says strikes in Syria hit only Islamic State",
                        text, published=T0 + timedelta(days=3, hours=2)), ext


REPORTS = [syria_rt, syria_reuters, quake_reuters, quake_bbc, quake_aljazeera, japan_nhk,
           japan_reuters, rates_ft, rates_bbc]


@pytest.fixture(scope="module")
def api(es: Elasticsearch) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with fresh_indices(es) as settings:
        story = {fn.__name__: index_article(es, settings, *fn()).story_id for fn in REPORTS}
        with TestClient(create_app(settings)) as client:
            yield client, {"syria": story["syria_rt"], "syria2": story["syria_reuters"],
                           "turkey": story["quake_reuters"], "japan": story["japan_nhk"],
                           "rates": story["rates_ft"]}


def _get(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    resp = client.get(path, params=params)
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def test_the_two_syria_reports_are_one_story(api: tuple[TestClient, dict[str, str]]) -> None:
    _, stories = api
    assert stories["syria"] == stories["syria2"]


def test_story_view_compares_outlets_statement_by_statement(
    api: tuple[TestClient, dict[str, str]]
) -> None:
    client, stories = api
    view = _get(client, f"/stories/{stories['syria']}")
    assert [c["outlet"] for c in view["columns"]] == ["rt.com", "reuters.com"]
    rows = {m["speaker_key"]: m for m in view["matched_claims"]}
    assert set(rows) == {"org:russian-defence-ministry", "person:vladimir-putin"}
    assert rows["person:vladimir-putin"]["wording_differs"] is True
    assert rows["org:russian-defence-ministry"]["wording_differs"] is False
    assert [w["outlet"] for w in rows["person:vladimir-putin"]["wordings"]] == ["rt.com",
                                                                               "reuters.com"]
    [single] = view["single_outlet_claims"]
    assert single["outlets"] == ["reuters.com"] and "opposition" in single["content"]
    only = {c["outlet"]: [p["key"] for p in c["only_places"]] for c in view["columns"]}
    assert only == {"rt.com": ["geo:524901"], "reuters.com": []}


def test_claim_search_groups_outlets_carrying_a_statement(
    api: tuple[TestClient, dict[str, str]]
) -> None:
    client, stories = api
    body = _get(client, "/claims/search", q="fighting terrorist organisations")
    top = body["claims"][0]
    assert top["speaker_key"] == "person:vladimir-putin" and top["wording_differs"] is True
    assert {w["outlet"] for w in top["wordings"]} == {"rt.com", "reuters.com"}
    assert all(w["title"] and w["url"] and w["story_id"] == stories["syria"]
               for w in top["wordings"])
    by_speaker = _get(client, "/claims/search", speaker="Andrew Bailey")
    # The FT's quote and the BBC's paraphrase of it are one statement; one quote, no flag.
    assert by_speaker["total"] == 1 and by_speaker["total_claims"] == 2
    [bailey] = by_speaker["claims"]
    assert bailey["outlets"] == ["ft.com", "bbc.co.uk"] and not bailey["wording_differs"]
    one_outlet = _get(client, "/claims/search", speaker="person:vladimir-putin",
                      outlet="reuters.com")
    assert [w["outlet"] for m in one_outlet["claims"] for w in m["wordings"]] == ["reuters.com"]


def test_search_returns_matched_claims_and_finds_a_loosely_worded_event(
    api: tuple[TestClient, dict[str, str]]
) -> None:
    client, stories = api
    # "criticized" and "Kremlin" occur in no report: most words are enough.
    body = _get(client, "/search", q="Kremlin criticized as Russian jets target Islamic State "
                                     "fuel depots")
    first = body["stories"][0]
    assert first["story_id"] == stories["syria"] and first["score"] > 0
    assert any(len(m["outlets"]) == 2 for m in first["matched_claims"])
    assert {f for f in body["facets"]} >= {"outlet", "entity", "location", "speaker",
                                           "published"}


@pytest.mark.parametrize(("radius", "events"), [(100, {"syria"}), (600, {"syria", "turkey"})])
def test_search_within_a_radius_of_a_point(api: tuple[TestClient, dict[str, str]],
                                           radius: int, events: set[str]) -> None:
    client, stories = api
    body = _get(client, "/search", near="34.73,36.72", radius_km=radius)
    assert {s["story_id"] for s in body["stories"]} == {stories[e] for e in events}


@pytest.mark.parametrize("window", [1000, 2])
def test_paging_is_stable_and_complete(api: tuple[TestClient, dict[str, str]], window: int,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # A small ranking window sends later pages through Elasticsearch's collapsed order.
    monkeypatch.setattr(indexer.search, "RANK_WINDOW", window)
    client, _stories = api
    q = "said"
    pages = [_get(client, "/search", q=q, page=p, size=1) for p in range(1, 6)]
    ids = [s["story_id"] for page in pages for s in page["stories"]]
    assert len(ids) == len(set(ids)) == pages[0]["total"] >= 3
    assert _get(client, "/search", q=q, page=2, size=1) == pages[1]


@pytest.mark.parametrize(("path", "query", "field"), [
    ("/search", "near=north", "near"),
    ("/search", "near=91,0", "near.lat"),
    ("/search", "radius_km=5", "near"),
    ("/search", "near=1,2&radius_km=-3", "radius_km"),
    ("/search", "near=1,2&radius_km=far", "radius_km"),
    ("/claims/search", "page=0", "page"),
    ("/claims/search", "size=500", "size"),
    ("/claims/search", "page=2000&size=100", "page"),
])
def test_bad_parameters_are_422_naming_the_field(api: tuple[TestClient, dict[str, str]],
                                                 path: str, query: str, field: str) -> None:
    client, _ = api
    resp = client.get(f"{path}?{query}")
    assert resp.status_code == 422
    assert field in [e["field"] for e in resp.json()["detail"]]
