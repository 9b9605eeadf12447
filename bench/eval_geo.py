"""Toponym resolution measured on LGL (local-news articles with gold GeoNames points).

    python -m bench.eval_geo ../shared/eval/geo/lgl.xml [--limit N] [--errors N]

Two figures, both at the customary 161 km (100 miles):

* given gold spans: each gold toponym is resolved by the production resolver with
  the article's context (its other places, its outlet); the share within 161 km
  of the gold point. This isolates disambiguation from recognition.
* end to end: the production extraction's locations against the gold toponyms. A
  location matches a toponym when their spans overlap and the points are within
  161 km; recall over gold toponyms, precision over predicted locations
  (locations overlapping a gold toponym that has no point are not counted).

LGL also counts demonyms ("American", "Russian") as toponyms; extraction does not
report them as places (they only inform context), so recall is also printed over
the gold toponyms that are not demonyms.

Gold toponyms without a point (LGL leaves some unresolved) count in neither.
The error breakdown says where the loss is: no gazetteer candidate, wrong
candidate (split by the gold feature's class), missed span, spurious location.
"""

from __future__ import annotations

import argparse
import math
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from worker.extraction import places
from worker.extraction.gazetteer import get_gazetteer
from worker.extraction.nlp import get_nlp
from worker.extraction.pipeline import extract_from_doc
from worker.extraction.text import fold

KM = 161.0


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    fcode: str


@dataclass(frozen=True, slots=True)
class Article:
    domain: str
    text: str
    toponyms: list[Toponym]


def read_lgl(path: Path, limit: int | None) -> list[Article]:
    out: list[Article] = []
    for node in ET.parse(path).getroot().iter("article"):
        tops: list[Toponym] = []
        for t in node.iter("toponym"):
            tag = t.find("gaztag")
            lat = lon = None
            fcode = ""
            if tag is not None and tag.findtext("lat"):
                lat, lon = float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0)
                fcode = tag.findtext("fcode") or ""
            tops.append(Toponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                t.findtext("phrase") or "", lat, lon, fcode))
        out.append(Article(node.findtext("domain") or "", node.findtext("text") or "", tops))
        if limit is not None and len(out) >= limit:
            break
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _fclass(code: str) -> str:
    if code.startswith("PCL"):
        return "country"
    if code == "ADM1":
        return "admin1"
    if code.startswith("ADM"):
        return "admin2+"
    if code.startswith("PPL"):
        return "city"
    return "other"


class Scores:
    def __init__(self) -> None:
        self.gold_ok = self.gold_n = 0
        self.tp_gold = self.tp_pred = self.pred_n = 0
        # Gold toponyms that are demonyms ("American"): LGL counts them as places,
        # extraction deliberately does not (they inform context only).
        self.demonym_gold = self.demonym_tp = 0
        self.errors: Counter[str] = Counter()
        self.examples: list[str] = []


def _given_spans(doc: Doc, art: Article, s: Scores, examples: int) -> None:
    spans = [(t.start, t.end) for t in art.toponyms]
    answers = places.resolve_spans(doc, spans, get_gazetteer(), outlet=art.domain)
    for t, place in zip(art.toponyms, answers, strict=True):
        if t.lat is None or t.lon is None:
            continue
        s.gold_n += 1
        cls = _fclass(t.fcode)
        if place is None:
            s.errors[f"gold span: no candidate ({cls})"] += 1
            continue
        dist = km(t.lat, t.lon, place.lat, place.lon)
        if dist <= KM:
            s.gold_ok += 1
            continue
        s.errors[f"gold span: wrong place ({cls})"] += 1
        if len(s.examples) < examples:
            s.examples.append(f"{art.domain}: {t.phrase!r} -> {place.name}, {place.country_code}"
                              f" {place.admin1} ({dist:.0f} km)")


def _end_to_end(doc: Doc, art: Article, s: Scores) -> None:
    locs = extract_from_doc(doc, get_gazetteer(), outlet=art.domain).locations
    gold = [t for t in art.toponyms if t.lat is not None and t.lon is not None]
    unresolved = [t for t in art.toponyms if t.lat is None]
    matched: set[int] = set()
    for loc in locs:
        over = [i for i, t in enumerate(gold) if loc.start < t.end and t.start < loc.end]
        hits = [i for i in over if km(gold[i].lat or 0, gold[i].lon or 0, loc.lat, loc.lon) <= KM]
        if not over and any(loc.start < t.end and t.start < loc.end for t in unresolved):
            continue
        s.pred_n += 1
        if hits:
            s.tp_pred += 1
            matched.update(hits)
        elif over:
            s.errors["e2e: overlapping span, wrong place"] += 1
        else:
            s.errors[f"e2e: spurious location ({loc.kind})"] += 1
    s.tp_gold += len(matched)
    demonyms = get_gazetteer().demonyms
    for i, t in enumerate(gold):
        if fold(t.phrase).removesuffix("s") in demonyms or fold(t.phrase) in demonyms:
            s.demonym_gold += 1
            s.demonym_tp += i in matched
        if i in matched:
            continue
        if not any(loc.start < t.end and t.start < loc.end for loc in locs):
            s.errors[f"e2e: missed span ({_fclass(t.fcode)})"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lgl", type=Path, help="path to lgl.xml")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong resolutions")
    args = parser.parse_args()

    articles = read_lgl(args.lgl, args.limit)
    nlp = get_nlp()
    start = time.perf_counter()
    get_gazetteer()
    load_s = time.perf_counter() - start
    s = Scores()
    start = time.perf_counter()
    for art, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        _given_spans(doc, art, s, args.errors)
        _end_to_end(doc, art, s)
    run_s = time.perf_counter() - start

    recall = s.tp_gold / max(1, s.gold_n)
    precision = s.tp_pred / max(1, s.pred_n)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(f"articles {len(articles)}, gold toponyms with a point {s.gold_n}")
    print(f"gazetteer load {load_s:.2f} s, run {run_s:.1f} s")
    print(f"given gold spans: accuracy@161km {s.gold_ok / max(1, s.gold_n):.3f}")
    print(f"end to end: recall {recall:.3f}  precision {precision:.3f}  F1 {f1:.3f}"
          f"  (predicted {s.pred_n})")
    others = max(1, s.gold_n - s.demonym_gold)
    r_places = (s.tp_gold - s.demonym_tp) / others
    f1_places = 2 * precision * r_places / max(1e-9, precision + r_places)
    print(f"  of the gold toponyms, {s.demonym_gold} are demonyms (not reported as places); "
          f"over the others: recall {r_places:.3f}  F1 {f1_places:.3f}")
    for name, count in sorted(s.errors.items(), key=lambda kv: -kv[1]):
        print(f"  {count:5d}  {name}")
    for line in s.examples:
        print("  ", line)


if __name__ == "__main__":
    main()
