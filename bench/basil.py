"""Reading BASIL triplets (one event, three outlets) as submissions with gold groups.

BASIL is third-party research data, read where it lies (a path on the command line).
"""

from __future__ import annotations

import json
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
                triplet=d["triplet-uuid"],
                main_event=d.get("main-event") or d.get("title") or "",
                submission={
                    "outlet": OUTLETS.get(source, source),
                    "url": d.get("url") or None,
                    "title": d.get("title") or None,
                    "text": text,
                    "published_at": d.get("date") or None,
                },
            )
        )
    return out
