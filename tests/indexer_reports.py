"""Hand-built articles and extractions for the indexer tests, and throw-away indices.

Three events, several outlets each: an earthquake in Turkey, one in Japan (same
vocabulary, other event) and a central-bank decision (unrelated). No spaCy: the
records are what extraction would return, written out by hand.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import Elasticsearch

from crosswire.articles import Article, article_id
from crosswire.settings import Settings
from indexer.setup import drop_indices, ensure_indices
from worker.extraction.model import Claim, ContentSpan, Entity, Extraction, Location, Span

T0 = datetime(2024, 2, 6, 9, 0, tzinfo=UTC)


@contextmanager
def fresh_indices(es: Elasticsearch) -> Iterator[Settings]:
    """Settings with a unique index prefix whose indices exist now and are gone afterwards."""
    settings = Settings(index_prefix=f"itest-{uuid.uuid4().hex[:10]}-")
    try:
        ensure_indices(es, settings)
        yield settings
    finally:
        drop_indices(es, settings)


# --- hand-built records ---------------------------------------------------------

# A stand-in for the lemmatiser: enough irregular forms to test lemma recall.
_LEMMAS = {"struck": "strike", "strikes": "strike", "hit": "hit", "killed": "kill",
           "killing": "kill", "kills": "kill", "rates": "rate", "held": "hold",
           "holds": "hold", "rescuers": "rescuer", "buildings": "building"}
_WORD = re.compile(r"[A-Za-z0-9]+")
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "was", "were", "had", "has",
         "by", "that", "as", "is", "it", "its", "for", "after", "with", "be", "we", "our"}


def lemmas(text: str) -> str:
    words = (w.lower() for w in _WORD.findall(text))
    return " ".join(_LEMMAS.get(w, w) for w in words if w not in _STOP)


def _spans(text: str, surface: str) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
    assert found, f"{surface!r} not in text"
    return found


def _span(text: str, surface: str) -> Span:
    start, end = _spans(text, surface)[0]
    return Span(text=surface, start=start, end=end)


# (surface, label, key, name)
EntitySpec = tuple[str, str, str, str]
# (surface, name, kind, key, lat, lon, country_code)
PlaceSpec = tuple[str, str, str, str, float, float, str]


def make_claim(text: str, *, speaker: str | None, cue: str, content: str, direct: bool,
               name: str | None = None, key: str | None = None,
               speaker_type: str = "unknown") -> Claim:
    c, cu = _span(text, content), _span(text, cue)
    sp = _span(text, speaker) if speaker else None
    parts = [c.start, c.end, cu.start, cu.end] + ([sp.start, sp.end] if sp else [])
    return Claim.model_validate({
        "speaker": sp, "cue": cu,
        "content": ContentSpan(text=content, start=c.start, end=c.end,
                               fragments=[(c.start, c.end)]),
        "direct": direct, "speaker_name": name, "speaker_key": key,
        "speaker_type": speaker_type, "start": min(parts), "end": max(parts),
    })


def make_extraction(text: str, *, entities: list[EntitySpec] | None = None,
                    places: list[PlaceSpec] | None = None,
                    claims: list[Claim] | None = None) -> Extraction:
    ents = [Entity.model_validate({"text": s, "start": a, "end": b, "label": label, "key": key,
                                   "name": name})
            for s, label, key, name in entities or [] for a, b in _spans(text, s)]
    locs = [Location.model_validate({"text": s, "start": a, "end": b, "name": name, "kind": kind,
                                     "key": key, "lat": lat, "lon": lon, "country_code": cc})
            for s, name, kind, key, lat, lon, cc in places or [] for a, b in _spans(text, s)]
    return Extraction(language="en", sentences=text.count(". ") + 1, entities=ents,
                      locations=locs, claims=list(claims or []), lemmas=lemmas(text))


def make_article(outlet: str, title: str, text: str, *, published: datetime | None = T0,
                 submitted: datetime | None = None, slug: str | None = None) -> Article:
    url = f"https://{outlet}/news/{slug or re.sub(r'[^a-z0-9]+', '-', title.lower())}"
    return Article(id=article_id(url=url, outlet=outlet, text=text, html=None), outlet=outlet,
                   url=url, title=title, text=text, published_at=published, language="en",
                   submitted_at=submitted or (published or T0) + timedelta(minutes=5))


Report = tuple[Article, Extraction]

TURKEY: EntitySpec = ("Turkey", "GPE", "gpe:turkey", "Turkey")
MALATYA: EntitySpec = ("Malatya", "GPE", "gpe:malatya", "Malatya")
AFAD: EntitySpec = ("AFAD", "ORG", "org:afad", "AFAD")
P_TURKEY: PlaceSpec = ("Turkey", "Turkey", "country", "geo:298795", 39.0, 35.0, "TR")
P_MALATYA: PlaceSpec = ("Malatya", "Malatya", "city", "geo:304922", 38.35, 38.31, "TR")
P_YESILYURT: PlaceSpec = ("Yesilyurt", "Yesilyurt", "place", "geo:296852", 38.29, 38.25, "TR")
ERDOGAN = {"name": "Recep Tayyip Erdogan", "key": "person:recep-tayyip-erdogan",
           "speaker_type": "person"}
AFAD_SPEAKER = {"name": "AFAD", "key": "org:afad", "speaker_type": "government"}


def quake_reuters(**kw: Any) -> Report:
    title = "Powerful earthquake kills dozens in Turkey's Malatya province"
    text = ("A magnitude 6.8 earthquake struck eastern Turkey on Tuesday, killing at least 41 "
            "people and toppling buildings in the city of Malatya, the disaster agency AFAD said. "
            "Rescue teams pulled survivors from the rubble through the night as aftershocks shook "
            "the region. \"We will not leave anyone under the debris,\" President Tayyip Erdogan "
            "said in a televised address. The quake was centred near Yesilyurt, according to AFAD.")
    claims = [
        make_claim(text, speaker="President Tayyip Erdogan", cue="said", direct=True,
                   content="We will not leave anyone under the debris", **ERDOGAN),
        make_claim(text, speaker="the disaster agency AFAD", cue="said", direct=False,
                   content="A magnitude 6.8 earthquake struck eastern Turkey on Tuesday, killing "
                           "at least 41 people and toppling buildings in the city of Malatya",
                   **AFAD_SPEAKER),
    ]
    ext = make_extraction(
        text,
        entities=[TURKEY, MALATYA, AFAD,
                  ("Tayyip Erdogan", "PERSON", ERDOGAN["key"], ERDOGAN["name"]),
                  ("Yesilyurt", "GPE", "gpe:yesilyurt", "Yesilyurt")],
        places=[P_TURKEY, P_MALATYA, P_YESILYURT], claims=claims)
    return make_article("reuters.com", title, text, **kw), ext


def quake_bbc(**kw: Any) -> Report:
    title = "Turkey earthquake: Rescuers search rubble in Malatya after deadly tremor"
    text = ("Rescuers in Malatya were digging through collapsed apartment blocks on Wednesday "
            "after a 6.8-magnitude tremor hit south-eastern Turkey, leaving 41 dead. Emergency "
            "agency AFAD said more than 200 aftershocks had been recorded. Recep Tayyip Erdogan "
            "promised that every survivor would be reached, telling reporters: \"We will not "
            "leave anyone under the debris.\" Residents of Yesilyurt spent the night outdoors.")
    claims = [
        make_claim(text, speaker="Emergency agency AFAD", cue="said", direct=False,
                   content="more than 200 aftershocks had been recorded", **AFAD_SPEAKER),
        make_claim(text, speaker="Recep Tayyip Erdogan", cue="telling reporters", direct=True,
                   content="We will not leave anyone under the debris.", **ERDOGAN),
    ]
    ext = make_extraction(
        text,
        entities=[TURKEY, MALATYA, AFAD,
                  ("Recep Tayyip Erdogan", "PERSON", ERDOGAN["key"], ERDOGAN["name"]),
                  ("Yesilyurt", "GPE", "gpe:yesilyurt", "Yesilyurt")],
        places=[P_TURKEY, P_MALATYA, P_YESILYURT], claims=claims)
    kw.setdefault("published", T0 + timedelta(hours=20))
    return make_article("bbc.co.uk", title, text, **kw), ext


def quake_aljazeera(**kw: Any) -> Report:
    title = "Death toll from Malatya earthquake rises to 41 as rescue continues"
    text = ("The death toll from the earthquake that hit Turkey's Malatya province has risen to "
            "41, officials said on Wednesday. Turkish President Recep Tayyip Erdogan visited the "
            "quake zone and pledged to rebuild destroyed homes within a year. Disaster management "
            "agency AFAD said 1,200 rescue workers had been deployed to Malatya.")
    claims = [
        make_claim(text, speaker="officials", cue="said", direct=False,
                   content="The death toll from the earthquake that hit Turkey's Malatya province "
                           "has risen to 41", speaker_type="anonymous"),
        make_claim(text, speaker="Disaster management agency AFAD", cue="said", direct=False,
                   content="1,200 rescue workers had been deployed to Malatya", **AFAD_SPEAKER),
    ]
    ext = make_extraction(
        text,
        entities=[TURKEY, MALATYA, AFAD,
                  ("Recep Tayyip Erdogan", "PERSON", ERDOGAN["key"], ERDOGAN["name"]),
                  ("Turkish", "NORP", "norp:turkish", "Turkish")],
        places=[P_TURKEY, P_MALATYA], claims=claims)
    kw.setdefault("published", T0 + timedelta(hours=26))
    return make_article("aljazeera.com", title, text, **kw), ext


KISHIDA = {"name": "Fumio Kishida", "key": "person:fumio-kishida", "speaker_type": "person"}
JAPAN_PLACES: list[PlaceSpec] = [
    ("Noto Peninsula", "Noto Peninsula", "region", "geo:1855238", 37.3, 136.9, "JP"),
    ("Wajima", "Wajima", "city", "geo:1848976", 37.39, 136.9, "JP"),
]
JAPAN_ENTITIES: list[EntitySpec] = [
    ("Japan Meteorological Agency", "ORG", "org:japan-meteorological-agency",
     "Japan Meteorological Agency"),
    ("Fumio Kishida", "PERSON", KISHIDA["key"], KISHIDA["name"]),
    ("Wajima", "GPE", "gpe:wajima", "Wajima"),
    ("Noto Peninsula", "LOC", "loc:noto-peninsula", "Noto Peninsula"),
]


def japan_nhk(**kw: Any) -> Report:
    title = "Strong earthquake hits Noto Peninsula, three killed in Wajima"
    text = ("A magnitude 6.1 earthquake struck the Noto Peninsula on Tuesday, the Japan "
            "Meteorological Agency said. At least three people were killed when houses collapsed "
            "in the city of Wajima. \"Saving lives is our top priority,\" Prime Minister Fumio "
            "Kishida told reporters.")
    claims = [make_claim(text, speaker="Prime Minister Fumio Kishida", cue="told reporters",
                         content="Saving lives is our top priority", direct=True, **KISHIDA)]
    ext = make_extraction(text, entities=JAPAN_ENTITIES, places=JAPAN_PLACES,
                          claims=claims)
    kw.setdefault("published", T0 + timedelta(hours=2))
    return make_article("nhk.or.jp", title, text, **kw), ext


def japan_reuters(**kw: Any) -> Report:
    title = "Quake kills three in central Japan as rescue gets under way"
    text = ("An earthquake of magnitude 6.1 hit central Japan on Tuesday, killing three people "
            "in Wajima and damaging roads on the Noto Peninsula, the Japan Meteorological Agency "
            "said. \"Saving lives is our top priority,\" Prime Minister Fumio Kishida said.")
    claims = [make_claim(text, speaker="Prime Minister Fumio Kishida", cue="said",
                         content="Saving lives is our top priority", direct=True, **KISHIDA)]
    ext = make_extraction(text, entities=JAPAN_ENTITIES, places=JAPAN_PLACES,
                          claims=claims)
    kw.setdefault("published", T0 + timedelta(hours=3))
    return make_article("reuters.com", title, text, **kw), ext


BAILEY = {"name": "Andrew Bailey", "key": "person:andrew-bailey", "speaker_type": "person"}
BOE: EntitySpec = ("Bank of England", "ORG", "org:bank-of-england", "Bank of England")
P_LONDON: PlaceSpec = ("London", "London", "city", "geo:2643743", 51.5, -0.12, "GB")


def rates_ft(**kw: Any) -> Report:
    title = "Bank of England holds interest rates at 5.25%"
    text = ("The Bank of England kept interest rates at 5.25 per cent on Thursday, as governor "
            "Andrew Bailey signalled that cuts were not imminent. \"We need to see more evidence "
            "that inflation is set to fall all the way to the 2 per cent target,\" Bailey said "
            "in London.")
    claims = [make_claim(text, speaker="Bailey", cue="said", direct=True,
                         content="We need to see more evidence that inflation is set to fall all "
                                 "the way to the 2 per cent target", **BAILEY)]
    ext = make_extraction(
        text,
        entities=[BOE, ("Andrew Bailey", "PERSON", BAILEY["key"], BAILEY["name"])],
        places=[P_LONDON], claims=claims)
    kw.setdefault("published", T0 - timedelta(days=1))
    return make_article("ft.com", title, text, **kw), ext


def rates_bbc(**kw: Any) -> Report:
    title = "Interest rates held as Bank of England waits on inflation"
    text = ("UK interest rates have been left unchanged at 5.25% by the Bank of England. "
            "Governor Andrew Bailey said the Bank needed more evidence that inflation would keep "
            "falling before cutting borrowing costs. Mortgage holders in London face more months "
            "of high repayments.")
    claims = [make_claim(text, speaker="Governor Andrew Bailey", cue="said", direct=False,
                         content="the Bank needed more evidence that inflation would keep falling "
                                 "before cutting borrowing costs", **BAILEY)]
    ext = make_extraction(
        text,
        entities=[BOE, ("Andrew Bailey", "PERSON", BAILEY["key"], BAILEY["name"])],
        places=[P_LONDON], claims=claims)
    kw.setdefault("published", T0 - timedelta(days=1, hours=-1))
    return make_article("bbc.co.uk", title, text, **kw), ext
