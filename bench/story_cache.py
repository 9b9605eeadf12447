"""Extract the story evaluation's articles once, into a JSON-lines cache for replays.

    python -m bench.story_cache BASIL_DIR CORPUS_ZIP OUT.jsonl [--distractors N]

Extraction (spaCy) is by far the slowest stage; story assignment is fast. Tuning
the story threshold means replaying assignment many times on the same
extractions (``bench.story_replay``), so the extractions are computed once here.
Each line: ``{"kind", "triplet", "main_event", "article", "extraction"}``.
The cache holds third-party text: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.basil import read_basil
from bench.corpus import read_corpus
from crosswire.articles import ArticleIn
from worker.extraction.nlp import get_nlp
from worker.extraction.pipeline import extract


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("basil", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--distractors", type=int, default=None)
    args = ap.parse_args()

    items: list[tuple[str, str | None, str | None, dict[str, object]]] = [
        ("basil", b.triplet, b.main_event, b.submission) for b in read_basil(args.basil)
    ]
    items += [("distractor", None, None, d) for d in read_corpus(args.corpus, args.distractors)]
    nlp = get_nlp()
    t0 = time.monotonic()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for n, (kind, triplet, event, raw) in enumerate(items, 1):
            article = ArticleIn.model_validate(raw).to_article()
            extraction = extract(article.text or "", nlp, outlet=article.outlet)
            out.write(json.dumps({
                "kind": kind, "triplet": triplet, "main_event": event,
                "article": article.model_dump(mode="json"),
                "extraction": extraction.model_dump(mode="json"),
            }) + "\n")
            if n % 200 == 0:
                print(f"{n}/{len(items)} in {time.monotonic() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
