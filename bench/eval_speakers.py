"""Speaker resolution measured on BASIL's quote annotations.

    python -m bench.eval_speakers PATH_TO_BASIL [--errors N]

BASIL (Fan et al., 2019) marks, in each of its 120 articles, the phrases that
carry bias; the quoted ones say who said them: a person ("Rick_Perry"), a group
("Tea_Party", "Democratic_Lawmakers") or "other_*" for anyone else. PolNeAR
scores where a speaker phrase is, not whom it refers to; this scores the second:
a claim that reads "he said" is only useful to a fact-checker filtering by
speaker if "he" was resolved to the right person.

For every quote attributed to a person the article itself names (a PERSON
entity whose last name is the label's last word), it runs the production
``extract`` and reports

* found: some claim's content covers at least half of the quote;
* right: of those, the claim's speaker key is that person's key;

overall and by how the speaker is written: the person's own name, a pronoun
("he told CNN"), a description ("the Texas governor") or no speaker at all.
Group labels are skipped: "Democratic_Lawmakers" for a quote by one named
lawmaker is a category, not a referent.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.basil import read_basil
from worker.extraction.model import Claim, Extraction
from worker.extraction.pipeline import extract
from worker.extraction.speakers import GROUP_PRONOUNS, PERSON_PRONOUNS
from worker.extraction.text import fold

_QUOTES = "\"'“”‘’ "


@dataclass(frozen=True)
class Quote:
    """One annotated quote: its place in the article text and its speaker label."""

    start: int
    end: int
    label: str


def read_articles(root: Path) -> dict[str, str]:
    """Article texts by BASIL uuid, as the other BASIL benchmarks submit them."""
    return {a.uuid: a.submission["text"] for a in read_basil(root)}


def read_quotes(root: Path, texts: dict[str, str]) -> dict[str, list[Quote]]:
    """Quotes with a named speaker label, by article uuid. BASIL's own offsets are
    relative to a sentence it does not give, so a quote is found by its text."""
    out: dict[str, list[Quote]] = {}
    for path in sorted(root.glob("annotations/*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        text = texts.get(d["uuid"], "")
        for a in d.get("phrase-level-annotations", []):
            label = a.get("speaker") or ""
            if a.get("quote") != "yes" or not label or label.startswith("other"):
                continue
            phrase = a["txt"].strip(_QUOTES)
            at = text.find(phrase) if phrase else -1
            if at >= 0:
                out.setdefault(d["uuid"], []).append(Quote(at, at + len(phrase), label))
    return out


def person_keys(extraction: Extraction, label: str) -> set[str]:
    """Keys of the article's people whose last name is the label's last word."""
    last = fold(label.split("_")[-1])
    return {e.key for e in extraction.entities
            if e.label == "PERSON" and fold(e.name.split()[-1]) == last}


def covering_claim(claims: list[Claim], quote: Quote) -> Claim | None:
    """The claim whose content covers most of the quote, if it covers half."""
    best, best_overlap = None, 0
    for claim in claims:
        parts = claim.content.fragments or [(claim.content.start, claim.content.end)]
        overlap = sum(max(0, min(quote.end, e) - max(quote.start, s)) for s, e in parts)
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best if 2 * best_overlap >= quote.end - quote.start else None


def speaker_form(claim: Claim, label: str) -> str:
    """How the claim writes its speaker: name, pronoun, description or none."""
    if claim.speaker is None:
        return "none"
    words = fold(claim.speaker.text).split()
    if words and words[0] in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return "pronoun"
    return "name" if fold(label.split("_")[-1]) in words else "description"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("basil", type=Path, help="path to BASIL's folder")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong speakers")
    args = parser.parse_args()

    texts = read_articles(args.basil)
    quotes = read_quotes(args.basil, texts)
    total = found = 0
    asked: Counter[str] = Counter()
    right: Counter[str] = Counter()
    errors = []
    for uuid, items in quotes.items():
        extraction = extract(texts[uuid])
        for quote in items:
            gold = person_keys(extraction, quote.label)
            if not gold:
                continue
            total += 1
            claim = covering_claim(extraction.claims, quote)
            if claim is None:
                continue
            found += 1
            form = speaker_form(claim, quote.label)
            asked[form] += 1
            if claim.speaker_key in gold:
                right[form] += 1
            else:
                said = claim.speaker.text if claim.speaker else None
                quoted = texts[uuid][quote.start : quote.end][:70]
                errors.append(f"{quote.label}: {said!r} -> {claim.speaker_key} | {quoted!r}")
    ok = sum(right.values())
    print(f"quotes by a person the article names: {total}; found as claims: {found}"
          f" ({found / max(1, total):.3f})")
    print(f"speaker resolved to that person: {ok} of {found} ({ok / max(1, found):.3f})")
    for form in ("name", "pronoun", "description", "none"):
        print(f"  {form:12s} {right[form]:4d} of {asked[form]:4d}")
    for line in errors[: args.errors]:
        print("  ", line)


if __name__ == "__main__":
    main()
