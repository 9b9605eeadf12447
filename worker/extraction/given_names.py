"""Given names: which words are given names, and which are overwhelmingly one
gender ("Hillary", "Melania", "Rick").

Most people a news article quotes are named with their given name once and never
with an honorific, so the given name is often the only sign of whether a later
"he" or "she" can mean them. The table comes from the ``nomquamgender`` package
(Van Buskirk et al., MIT licence): for each name, the share of its bearers
recorded as women, pooled over 36 public sources. Only names borne often and
with a share of at most 10% or at least 90% are kept: an ambiguous name
("Kim", "Jean", "Dana") has no gender here, so it never rules a person out.

The table also keeps every name borne often enough to be a given name at all,
gender or not: only such a word, alone, can mean a person first named in full
("Dara" after "Dara Fitzpatrick"), whereas "Trump" after "Trump Tower" cannot.

Only the package's data file is read (its code would import pandas). The table
is derived once per machine into the cache directory, like the gazetteer index,
because parsing the package's 720,000-name file takes seconds and a few hundred
megabytes, and the kept table a fraction of that.

    python -m worker.extraction.given_names    # build the table now
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata, util
from pathlib import Path
from typing import Literal

from worker.extraction.text import fold

Gender = Literal["f", "m"]
# The table's mark for a given name without a gender.
_NONE = "-"

PACKAGE = "nomquamgender"
# A name must be this common (records over all sources) to count as a given name...
MIN_GIVEN = 200
# ... and this common to mark a gender.
MIN_RECORDS = 500
# ... and this one-sided (share of women at most, or at least 1 - this).
MAX_MIXED = 0.10


def table_path() -> Path:
    """Where this machine keeps the table; the name carries the package version."""
    from crosswire.settings import get_settings

    return get_settings().cache_dir / f"given-names-2-{metadata.version(PACKAGE)}.tsv"


def _source() -> Path:
    spec = util.find_spec(PACKAGE)  # finds the package without running its code
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {PACKAGE} package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "name_data.json"


def derive(records: dict[str, list[object]]) -> dict[str, Gender | None]:
    """The common names of ``name -> [sources, records, share of women, ...]``
    (the package's layout), each with its gender where it is one-sided."""
    out: dict[str, Gender | None] = {}
    for name, row in records.items():
        count, share = row[1], row[2]
        if not (name.isalpha() and name.isascii()) or not isinstance(count, int):
            continue
        if not isinstance(share, float | int) or count < MIN_GIVEN:
            continue
        out[name] = None
        if count < MIN_RECORDS:
            continue
        if share >= 1 - MAX_MIXED:
            out[name] = "f"
        elif share <= MAX_MIXED:
            out[name] = "m"
    return out


def build(out: Path | None = None) -> Path:
    """Write the table atomically (concurrent workers may build it at once)."""
    out = out or table_path()
    table = derive(json.loads(_source().read_text(encoding="utf-8")))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    rows = (f"{n}\t{g or _NONE}\n" for n, g in sorted(table.items()))
    tmp.write_text("".join(rows), encoding="utf-8")
    os.replace(tmp, out)
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, Gender | None]:
    path = table_path()
    if not path.exists():
        build(path)
    out: dict[str, Gender | None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, gender = line.partition("\t")
        out[name] = "f" if gender == "f" else "m" if gender == "m" else None
    return out


def given_gender(name: str) -> Gender | None:
    """The gender a given name marks, if it is common and one-sided."""
    return _table().get(fold(name))


def is_given_name(name: str) -> bool:
    """True for a word commonly borne as a given name, whatever its gender."""
    return fold(name) in _table()


def agreed(votes: Iterable[Gender | None]) -> Gender | None:
    """The one gender the votes that have one agree on, else None."""
    found = {v for v in votes if v is not None}
    return found.pop() if len(found) == 1 else None


if __name__ == "__main__":
    print(build())
