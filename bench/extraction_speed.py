"""Throughput of extraction against the bare spaCy pipeline, on real news articles.

    python -m bench.extraction_speed ../shared/corpora/news-articles-9-outlets.zip -n 300 --repeat 2

Reads the first N articles (title, subtitle and text joined by line breaks, as the
service receives them) from ``NewsArticles.csv`` inside the zip, then reports
words per second of ``nlp.pipe`` with the packaged model as shipped, of the full
``extract`` (configured pipeline, places, claims, lemmas), and their ratio. Model
and gazetteer loading happen before timing and are reported separately.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
import zipfile
from pathlib import Path

import spacy

from worker.extraction.gazetteer import get_gazetteer
from worker.extraction.nlp import DEFAULT_MODEL, get_nlp
from worker.extraction.pipeline import extract


def read_articles(path: Path, limit: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with zipfile.ZipFile(path) as archive, archive.open("NewsArticles.csv") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"))
        texts: list[str] = []
        for row in reader:
            parts = [row.get(k) or "" for k in ("title", "subtitle", "text")]
            text = "\n\n".join(p.strip() for p in parts if p and p.strip())
            if text:
                texts.append(text)
            if len(texts) >= limit:
                break
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="path to news-articles-9-outlets.zip")
    parser.add_argument("-n", type=int, default=300, help="number of articles")
    parser.add_argument("--repeat", type=int, default=2, help="interleaved runs, best kept")
    args = parser.parse_args()

    texts = read_articles(args.corpus, args.n)
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(DEFAULT_MODEL)
    start = time.perf_counter()
    nlp = get_nlp()
    nlp_s = time.perf_counter() - start
    start = time.perf_counter()
    get_gazetteer()
    gaz_s = time.perf_counter() - start
    # Warm both up so first-call costs are not counted.
    list(bare.pipe(texts[:3]))
    for text in texts[:3]:
        extract(text, nlp)

    # Interleaved repeats, best time of each: other load on the machine hits
    # both sides alike instead of whichever happened to run first.
    bare_s = full_s = float("inf")
    claims = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in bare.pipe(texts):
            pass
        bare_s = min(bare_s, time.perf_counter() - start)
        start = time.perf_counter()
        claims = sum(len(extract(text, nlp).claims) for text in texts)
        full_s = min(full_s, time.perf_counter() - start)

    print(f"articles {len(texts)}, words {words}")
    print(f"load: pipeline {nlp_s:.2f} s, gazetteer {gaz_s:.2f} s")
    print(f"bare nlp.pipe: {words / bare_s:,.0f} words/s ({bare_s:.1f} s)")
    print(f"full extract:  {words / full_s:,.0f} words/s ({full_s:.1f} s), {claims} claims")
    print(f"ratio full/bare: {bare_s / full_s:.2f}")


if __name__ == "__main__":
    main()
