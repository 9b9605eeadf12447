"""Story grouping measured on BASIL triplets mixed with the 9-outlet corpus as distractors.

    python -m bench.eval_stories ../shared/eval/basil ../shared/corpora/news-articles-9-outlets.zip
    python -m bench.eval_stories ... --shuffle 7          # another arrival order
    python -m bench.eval_stories ... --no-dates           # every published_at withheld

Ingests everything through the real queue with real workers (2 processes by
default) under its own prefixes, then prints:
- pairwise precision, recall and F1 of "same story" over the BASIL articles, and
  the share of triplets whose three articles end in one story;
- how many distractors sit in a story with a BASIL article;
- for each triplet, a story search with its ``main-event`` line: the share whose
  first story holds at least two, and all three, of its articles;
- the grouping errors, for reading.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("CROSSWIRE_INDEX_PREFIX", "eval-")
os.environ.setdefault("CROSSWIRE_REDIS_PREFIX", "cweval")

from bench.basil import pair_scores, read_basil
from bench.corpus import read_corpus
from bench.harness import fresh_namespace, running_worker, submitter, wait_done
from crosswire.articles import ArticleIn
from crosswire.settings import get_settings
from indexer.client import make_client
from indexer.models import SearchParams
from indexer.search import search_stories


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("basil", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--distractors", type=int, default=None, help="corpus articles (default: all)")
    ap.add_argument("--shuffle", type=int, default=None, help="random seed for the arrival order")
    ap.add_argument("--no-dates", action="store_true", help="withhold every published_at")
    ap.add_argument("--concurrency", type=int, default=2)
    args = ap.parse_args()

    settings = get_settings()
    fresh_namespace(settings)
    basil = read_basil(args.basil)
    distractors = list(read_corpus(args.corpus, args.distractors))
    items = [("basil", b.submission, b) for b in basil] + [
        ("distractor", d, None) for d in distractors
    ]
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(items)
    sub, jobs = submitter(settings)
    t0 = time.monotonic()
    with running_worker(settings, args.concurrency):
        results = []
        for _, raw, _ in items:
            if args.no_dates:
                raw = {**raw, "published_at": None}
            results.append(sub.submit(ArticleIn.model_validate(raw)))
        wait_done(jobs, [r.job_id for r in results if not r.duplicate], timeout=7200)
    elapsed = time.monotonic() - t0

    es = make_client(settings)
    es.indices.refresh(index=settings.index_name("articles"))
    ids = [r.article_id for r in results]
    story_of: dict[str, str] = {}
    for chunk in range(0, len(ids), 500):
        got = es.mget(
            index=settings.index_name("articles"), ids=ids[chunk : chunk + 500], source=["story_id"]
        )
        for doc in got["docs"]:
            if doc.get("found"):
                story_of[doc["_id"]] = doc["_source"]["story_id"]

    gold: dict[str, str] = {}
    event: dict[str, str] = {}
    titles: dict[str, str] = {}
    for (kind, raw, b), r in zip(items, results, strict=True):
        titles[r.article_id] = f"{raw['outlet']}: {raw.get('title')}"
        if kind == "basil" and b is not None:
            gold[r.article_id] = b.triplet
            event[b.triplet] = b.main_event
    basil_ids = sorted(gold)
    missing = [a for a in basil_ids if a not in story_of]

    pairs = pair_scores(gold, story_of)

    members: dict[str, list[str]] = defaultdict(list)
    for a in basil_ids:
        members[gold[a]].append(a)
    whole = sum(
        1 for m in members.values() if len({story_of.get(a) for a in m}) == 1 and m[0] in story_of
    )
    basil_stories = {story_of[a] for a in basil_ids if a in story_of}
    intruders = [a for a, s in story_of.items() if s in basil_stories and a not in gold]

    top2 = top3 = 0
    misses: list[tuple[str, str]] = []
    for triplet, line in sorted(event.items()):
        res = search_stories(es, settings, SearchParams(q=line, size=1))
        first = res.stories[0].story_id if res.stories else None
        hits = sum(1 for a in members[triplet] if first is not None and story_of.get(a) == first)
        top2 += hits >= 2
        top3 += hits == 3
        if hits < 3:
            top = res.stories[0].articles if res.stories else []
            led = top[0].title if top else None
            misses.append((line, f"{hits} of 3 in the first story, led by {led!r}"))

    n = len(members)
    order = f"shuffled (seed {args.shuffle})" if args.shuffle is not None else "as read"
    print(
        f"ingested {len(items)} articles ({len(basil_ids)} BASIL, "
        f"{len(items) - len(basil_ids)} distractors) in {elapsed:.0f}s; order: {order}; "
        f"dates: {'withheld' if args.no_dates else 'given'}; workers: {args.concurrency}"
    )
    if missing:
        print(f"NOT INDEXED: {len(missing)} BASIL articles")
    print(
        f"pairwise same-story: precision {pairs.precision:.3f} recall {pairs.recall:.3f} "
        f"F1 {pairs.f1:.3f} (tp {pairs.tp}, fp {pairs.fp}, fn {pairs.fn})"
    )
    print(f"triplets whole: {whole}/{n} ({whole / n:.3f})")
    print(f"distractors inside BASIL stories: {len(intruders)}")
    print(
        f"main-event search, first story holds >=2 of 3: {top2}/{n} ({top2 / n:.3f}); "
        f"all 3: {top3}/{n} ({top3 / n:.3f})"
    )

    print("\nerrors:")
    for triplet, m in sorted(members.items()):
        stories = Counter(story_of.get(a) for a in m)
        if len(stories) > 1:
            print(f"  split: {event[triplet]!r}")
            for a in m:
                print(f"      {story_of.get(a)}  {titles[a]}")
    for a in intruders:
        print(f"  intruder in {story_of[a]}: {titles[a]}")
    for line, what in misses:
        print(f"  search {line!r}: {what}")


if __name__ == "__main__":
    main()
