"""The curated alias table (``data/aliases.json``) as lookups.

The statistical model does not know that "IS", "ISIL" and "Daesh" are one group
(it misses the acronym "IS" entirely), so a small, reviewed table of well-known
organisations and countries supplies both the entity-ruler patterns and the
canonical name every variant maps to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from worker.extraction.text import fold

ALIASES_PATH = Path(__file__).parent / "data" / "aliases.json"


@dataclass(frozen=True, slots=True)
class AliasEntry:
    name: str
    label: str
    key: str | None
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]


@dataclass(frozen=True)
class AliasTable:
    entries: tuple[AliasEntry, ...]
    # Folded variant -> entry; acronyms are folded too, the case check happens
    # when matching text.
    by_variant: dict[str, AliasEntry]
    spelling: dict[str, str]
    # Folded country name -> its adjective ("russia" -> "Russian").
    nationality: dict[str, str]

    def find(self, text: str) -> AliasEntry | None:
        return self.by_variant.get(fold(text))


@lru_cache(maxsize=1)
def get_aliases() -> AliasTable:
    raw = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))
    entries = tuple(
        AliasEntry(
            name=e["name"], label=e["label"], key=e.get("key"),
            aliases=tuple(e.get("aliases", [])), acronyms=tuple(e.get("acronyms", [])),
        )
        for e in raw["entities"]
    )
    by_variant: dict[str, AliasEntry] = {}
    for entry in entries:
        for variant in (entry.name, *entry.aliases, *entry.acronyms):
            by_variant.setdefault(fold(variant), entry)
    nationality = {fold(k): v for k, v in raw.get("nationality", {}).items()}
    return AliasTable(entries, by_variant, dict(raw.get("spelling", {})), nationality)
