"""Consistency of entity keys over real news, where no gold labels exist.

    python -m bench.eval_entities ../shared/corpora/news-articles-9-outlets.zip -n 500

Runs the production ``extract`` over the first N articles of the 9-outlet corpus
and prints what a key scheme is for: that one thing gets one key wherever and
however it is named. Without gold labels, agreement is the measure:

* distinct person keys, and keys (all kinds, then persons) seen in >= 2 outlets:
  fewer person keys for the same mentions and more keys shared across outlets
  mean variants meet;
* per frequent surname ("Trump"), the share of all mentions containing it (any
  label, any form: "Trump", "Donald Trump", "President Trump's") whose key is the
  surname's most common key, and the same share restricted to articles that use
  only the bare surname against articles that use a full name: the cross-article
  agreement the scheme must give;
* the same share for curated variant groups ("IS", "ISIS", "Islamic State").
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import read_corpus
from worker.extraction.model import Entity
from worker.extraction.pipeline import extract
from worker.extraction.text import fold

# Forms of one thing that must share a key, whichever the article uses.
GROUPS: dict[str, tuple[str, ...]] = {
    "Islamic State": ("islamic state", "is", "isis", "isil", "daesh"),
    "United States": ("us", "united states", "usa", "united states of america"),
    "United Nations": ("un", "united nations"),
    "European Union": ("eu", "european union"),
}
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass
class Tally:
    """Keys of every mention of one surname or group, overall and by article style."""

    keys: Counter[str] = field(default_factory=Counter)
    bare: Counter[str] = field(default_factory=Counter)  # articles naming only the surname
    full: Counter[str] = field(default_factory=Counter)  # articles using a longer form


def _words(entity: Entity) -> list[str]:
    return fold(_POSSESSIVE.sub("", entity.text)).split()


def _share(counts: Counter[str], key: str) -> str:
    total = sum(counts.values())
    return f"{counts[key] / total:.0%} of {total}" if total else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="path to news-articles-9-outlets.zip")
    parser.add_argument("-n", type=int, default=500, help="number of corpus rows to read")
    parser.add_argument("--top", type=int, default=12, help="surnames to report")
    args = parser.parse_args()

    outlets_of: dict[str, set[str]] = defaultdict(set)
    person_keys: set[str] = set()
    articles: list[tuple[str, list[Entity]]] = []
    for item in read_corpus(args.corpus, args.n):
        entities = extract(item["text"]).entities
        articles.append((item["outlet"], entities))
        for e in entities:
            outlets_of[e.key].add(item["outlet"])
            if e.label == "PERSON":
                person_keys.add(e.key)

    # Surnames: the last word of multi-word person mentions, most frequent first.
    surnames = Counter(
        w[-1] for _, ents in articles for e in ents
        if e.label == "PERSON" and len(w := _words(e)) > 1
    )
    tallies: dict[str, Tally] = defaultdict(Tally)
    for _, ents in articles:
        for surname, _n in surnames.most_common(args.top):
            hits = [e for e in ents if surname in _words(e)]
            if not hits:
                continue
            bare = all(_words(e) == [surname] for e in hits)
            tally = tallies[surname]
            for e in hits:
                tally.keys[e.key] += 1
                (tally.bare if bare else tally.full)[e.key] += 1
        for group, forms in GROUPS.items():
            for e in ents:
                if " ".join(_words(e)) in forms:
                    tallies[group].keys[e.key] += 1

    shared = [k for k, o in outlets_of.items() if len(o) >= 2]
    print(f"articles {len(articles)}, mentions {sum(len(e) for _, e in articles)}")
    print(f"distinct person keys: {len(person_keys)}")
    print(f"keys in >= 2 outlets: {len(shared)} of {len(outlets_of)} "
          f"(person keys: {sum(k.startswith('person:') for k in shared)})")
    print("\nname: modal key, share of all mentions | bare-surname articles | full-name articles")
    for name, tally in tallies.items():
        if not tally.keys:
            continue
        top, _n = tally.keys.most_common(1)[0]
        print(f"  {name}: {top}, {_share(tally.keys, top)} | {_share(tally.bare, top)} "
              f"| {_share(tally.full, top)}")
    weighted = sum(t.keys.most_common(1)[0][1] for t in tallies.values() if t.keys)
    total = sum(sum(t.keys.values()) for t in tallies.values())
    print(f"\noverall agreement with the modal key: {weighted / max(total, 1):.1%} of {total}")


if __name__ == "__main__":
    main()
