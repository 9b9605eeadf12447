"""Reading submission files: JSON, NDJSON, plain text or HTML.

A plain or HTML file may have a sidecar ``<stem>.meta.json`` beside it with the
article's fields (outlet, url, title, published_at ...); options given on the
command line win over the sidecar. Sidecars are never submitted themselves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

META_SUFFIX = ".meta.json"


class InputError(Exception):
    pass


def _sidecar(path: Path) -> dict[str, Any]:
    meta = path.with_name(path.stem + META_SUFFIX)
    if not meta.exists():
        return {}
    data = json.loads(meta.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InputError(f"{meta}: expected a JSON object")
    # Only article fields; anything else in the sidecar (notes, provenance) is for people.
    allowed = {"outlet", "url", "title", "published_at", "language", "author"}
    return {k: v for k, v in data.items() if k in allowed}


def read_items(path: Path, overrides: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Yield (label, raw item) pairs; a raw item is validated by the caller."""
    name = path.name.lower()
    if name.endswith(META_SUFFIX):
        return
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: {exc}") from exc
    if name.endswith((".ndjson", ".jsonl")):
        for n, line in enumerate(content.splitlines(), start=1):
            if line.strip():
                yield f"{path}:{n}", _json(line, f"{path}:{n}") | overrides
    elif name.endswith(".json"):
        data = _json(content, str(path))
        items = data if isinstance(data, list) else [data]
        for n, item in enumerate(items):
            label = f"{path}[{n}]" if isinstance(data, list) else str(path)
            yield label, (item | overrides) if isinstance(item, dict) else item
    else:
        field = "html" if name.endswith((".html", ".htm")) else "text"
        yield str(path), {**_sidecar(path), field: content, **overrides}


def _json(text: str, label: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{label}: invalid JSON: {exc}") from exc
