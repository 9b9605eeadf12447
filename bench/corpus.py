"""Reading the 9-outlet news corpus (a zip holding ``NewsArticles.csv``) as submissions.

The corpus is third-party research data: it is read from where it lies, given on
the command line, and never copied into the project.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.articles import outlet_from_url

_DATE = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})")


def _date(raw: str) -> str | None:
    """The corpus's dates are messy ("2017/2/7", blanks, junk): keep what parses."""
    m = _DATE.match(raw.strip())
    if not m:
        return None
    try:
        return datetime(int(m[1]), int(m[2]), int(m[3]), 12, tzinfo=UTC).isoformat()
    except ValueError:
        return None


def read_corpus(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield article submissions (dicts for ``ArticleIn``) from the corpus zip."""
    csv.field_size_limit(sys.maxsize)
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        with zf.open(name) as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
            for n, row in enumerate(reader):
                if limit is not None and n >= limit:
                    return
                text = (row.get("text") or "").strip()
                link = (row.get("article_source_link") or "").strip()
                if not text:
                    continue
                item: dict[str, Any] = {
                    "outlet": outlet_from_url(link) if link.startswith("http") else "unknown",
                    "title": (row.get("title") or "").strip() or None,
                    "text": text,
                    "published_at": _date(row.get("publish_date") or ""),
                }
                if link.startswith("http"):
                    item["url"] = link
                yield item
