"""Replay story assignment on cached extractions, and sweep the threshold offline.

    python -m bench.story_replay CACHE.jsonl [--no-dates] [--shuffle SEED] [--limit N]
                                             [--overlay SEED]

Indexes the cached articles (``bench.story_cache``) in-process, in arrival order,
through the real writer, under its own index prefix, recording every candidate's
similarity. Candidate retrieval and similarities do not depend on the threshold
(document frequencies depend only on what was indexed before), so the grouping
any threshold would give is recomputed offline: the connected components of
"scored at least the threshold, other outlet" links plus copy links, which is
what online single-link assignment with merges produces. Links made below the
threshold by pairing (``indexer.story_pairs``) and by shared quotations
(``indexer.story_quotes``), at the configured settings, are kept at every
threshold, like copies. Prints, per threshold,
pairwise P/R/F1 over the BASIL articles, whole triplets and distractors in
BASIL stories: the curve the threshold is chosen on.

BASIL's events (2010 to 2013) are years away from the distractors (2016 and
2017), so with dates given nothing else is published in a triplet's window and
only recall is tested. ``--overlay SEED`` moves each triplet, its members'
offsets kept, to a random day of the distractors' months, so that dated
matching meets the same-week competition it would in service.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("CROSSWIRE_INDEX_PREFIX", "replay-")

from bench.basil import pair_scores
from crosswire.articles import Article
from crosswire.settings import get_settings
from indexer.client import make_client
from indexer.setup import drop_indices, ensure_indices
from indexer.writer import index_article
from worker.extraction.model import Extraction

Edge = tuple[str, str, float]


def overlay(rows: list[dict[str, Any]], seed: int) -> None:
    """Move each BASIL triplet into the distractors' months (in place), offsets kept."""
    dates = sorted(datetime.fromisoformat(r["article"]["published_at"]) for r in rows
                   if r["kind"] != "basil" and r["article"].get("published_at"))
    # The corpus's first and last days are sparse: keep to its busy middle.
    lo, hi = dates[len(dates) // 50], dates[-len(dates) // 50]
    rng = random.Random(seed)
    first: dict[str, datetime] = {}
    for r in rows:
        if r["kind"] == "basil":
            day = datetime.fromisoformat(r["article"]["published_at"])
            first[r["triplet"]] = min(first.get(r["triplet"], day), day)
    shift = {t: lo + timedelta(days=rng.uniform(0, (hi - lo).days)) - d
             for t, d in sorted(first.items())}
    for r in rows:
        if r["kind"] == "basil":
            day = datetime.fromisoformat(r["article"]["published_at"]) + shift[r["triplet"]]
            r["article"]["published_at"] = day.isoformat()


def components(ids: list[str], edges: list[Edge], copies: list[tuple[str, str]],
               threshold: float) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, score in edges:
        if score >= threshold and a in parent and b in parent:
            parent[find(a)] = find(b)
    for a, b in copies:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    return {i: find(i) for i in ids}


def report(gold: dict[str, str], group: dict[str, str]) -> str:
    basil = sorted(gold)
    pairs = pair_scores(gold, group)
    triplets: dict[str, set[str]] = {}
    for a in basil:
        triplets.setdefault(gold[a], set()).add(group[a])
    whole = sum(1 for g in triplets.values() if len(g) == 1)
    stories = {group[a] for a in basil}
    intruders = sum(1 for a, g in group.items() if a not in gold and g in stories)
    return (f"P {pairs.precision:.3f} R {pairs.recall:.3f} F1 {pairs.f1:.3f} "
            f"(fp {pairs.fp}, fn {pairs.fn}) whole {whole}/{len(triplets)} "
            f"intruders {intruders}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cache", type=Path)
    ap.add_argument("--no-dates", action="store_true")
    ap.add_argument("--shuffle", type=int, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--overlay", type=int, default=None, metavar="SEED")
    args = ap.parse_args()

    rows = [json.loads(line) for line in args.cache.open(encoding="utf-8")][: args.limit]
    if args.overlay is not None:
        overlay(rows, args.overlay)
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(rows)
    settings = get_settings()
    es = make_client(settings)
    drop_indices(es, settings)
    ensure_indices(es, settings)
    gold: dict[str, str] = {}
    edges: list[Edge] = []
    copies: list[tuple[str, str]] = []
    pairs: list[Edge] = []
    titles: dict[str, str] = {}
    ids: list[str] = []
    start = datetime.now(UTC)
    t0 = time.monotonic()
    for n, row in enumerate(rows):
        article = Article.model_validate(row["article"])
        if args.no_dates:
            article = article.model_copy(update={
                "published_at": None, "submitted_at": start + timedelta(seconds=n / 10)})
        result = index_article(es, settings, article, Extraction.model_validate(row["extraction"]))
        ids.append(article.id)
        if row["kind"] == "basil":
            gold[article.id] = row["triplet"]
        if result.decision is not None:
            edges += [(article.id, s.article_id, s.score)
                      for s in result.decision.scored if not s.same_outlet]
            copies += [(article.id, s.article_id)
                       for s in [*result.decision.paired, *result.decision.quoted]]
            pairs += [(article.id, s.article_id, s.score) for s in result.decision.paired]
        titles[article.id] = f"{article.outlet}: {article.title or ''}"
        if result.copy_of:
            copies.append((article.id, result.copy_of))
    print(f"replayed {len(rows)} articles in {time.monotonic() - t0:.0f}s; "
          f"dates {'withheld' if args.no_dates else 'given'}"
          f"{f', overlaid (seed {args.overlay})' if args.overlay is not None else ''}; "
          f"copies, pairs and quote links {len(copies)}")
    for t in range(10, 52, 2):
        print(f"threshold {t / 100:.2f}: {report(gold, components(ids, edges, copies, t / 100))}")
    wrong = [(a, b, score) for a, b, score in pairs
             if (a in gold or b in gold) and gold.get(a) != gold.get(b)]
    print(f"pair links touching BASIL that join two events: {len(wrong)}")
    for a, b, score in wrong:
        print(f"  {score:.3f}  {titles[a][:70]}  <->  {titles[b][:70]}")


if __name__ == "__main__":
    main()
