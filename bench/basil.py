"""Reading BASIL triplets (one event, three outlets) as submissions with gold groups.

BASIL is third-party research data, read where it lies (a path on the command line).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# BASIL's source codes, as outlet names (the corpus spells them in either case).
OUTLETS = {"fox": "foxnews.com", "nyt": "nytimes.com", "hpo": "huffingtonpost.com"}


@dataclass(frozen=True)
class BasilArticle:
    triplet: str
    main_event: str
    submission: dict[str, Any]
    uuid: str = ""  # the article's own id, which its annotation file names


def read_basil(root: Path) -> list[BasilArticle]:
    """Every article under ``root/articles/*/*.json``, in a stable order."""
    out = []
    for path in sorted(root.glob("articles/*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = d.get("body-paragraphs") or []
        text = "\n\n".join(" ".join(p) for p in paragraphs if p)
        source = str(d.get("source", "")).lower()
        out.append(
            BasilArticle(
                # Files are named "<triplet>_<n>.json": the name carries the gold grouping.
                triplet=path.stem.rsplit("_", 1)[0],
                main_event=d.get("main-event") or d.get("title") or "",
                submission={
                    "outlet": OUTLETS.get(source, source),
                    "url": d.get("url") or None,
                    "title": d.get("title") or None,
                    "text": text,
                    "published_at": d.get("date") or None,
                },
                uuid=d.get("uuid") or "",
            )
        )
    return out


@dataclass(frozen=True)
class PairScores:
    """Pairwise "same story" counts over the BASIL articles, and P/R/F1 from them."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pair_scores(gold: Mapping[str, str], story_of: Mapping[str, str]) -> PairScores:
    """Every pair of gold articles: same triplet vs same story (an unassigned article
    shares no story)."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same = a in story_of and story_of.get(a) == story_of.get(b)
        truth = gold[a] == gold[b]
        tp += same and truth
        fp += same and not truth
        fn += truth and not same
    return PairScores(tp, fp, fn)
