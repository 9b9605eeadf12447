"""Claim extraction measured against PolNeAR's attribution annotations.

    python -m bench.eval_claims PATH_TO_POLNEAR --split dev [--limit N]

PolNeAR (Newell, Margolin and Ruths, 2018) marks each attribution in US
election news as a Source, a Cue and a Content span (BRAT standoff, spans may
be discontinuous). This runs the production ``extract`` on every text of a
split and reports, for each role, precision, recall and F1 of

* exact spans: the same set of word tokens (punctuation and quotation marks at
  the edges, and how a span is cut into fragments, do not count);
* token overlap: the role's words pooled over the document;

plus attribution-level F1: a claim matches a gold attribution (one to one)
when their cues share a word (or overlap, for a cue that is only punctuation,
as in "Name: statement") and their contents have word-level F1 >= 0.5.
Where a text was annotated by several annotators, the file whose name sorts
first is the gold standard, so the choice is deterministic.

``--learn-cues OUT`` instead derives the cue lexicon from the split (use
``train``): per verb lemma, its cue count against its count as a verb outside
attributed content, the verb + particle pairs annotated as one cue, and the
same two counts for a verb with the particle right after it, and the two
counts per complement kind (clause, infinitive, neither), and the same two
counts for predicative adjectives with their complement ("critical of",
"eager" + infinitive) and for nouns with a complement clause or infinitive
("the suggestion that ..."). Only counts are written, no text.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from worker.extraction.adjective_claims import adjective_kind
from worker.extraction.cues import KINDS, adjacent_particle, complement_kind
from worker.extraction.model import Claim
from worker.extraction.nlp import get_nlp
from worker.extraction.noun_claims import noun_complement
from worker.extraction.pipeline import extract

ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")

Frags = list[tuple[int, int]]


@dataclass
class Attribution:
    """One attribution's spans as character fragments per role (empty: absent)."""

    source: Frags = field(default_factory=list)
    cue: Frags = field(default_factory=list)
    content: Frags = field(default_factory=list)


def parse_ann(raw: str) -> list[Attribution]:
    """The attribution relations (``E`` lines) of a BRAT standoff file."""
    spans: dict[str, tuple[str, Frags]] = {}
    relations: list[list[str]] = []
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            frags = [(int(a), int(b)) for a, b in
                     (piece.split() for piece in offsets.split(";"))]
            spans[parts[0]] = (label, frags)
        elif parts[0].startswith("E"):
            relations.append(parts[1].split())
    out: list[Attribution] = []
    for args in relations:
        attribution = Attribution()
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            if ref in spans and role.lower() in ROLES:
                getattr(attribution, role.lower()).extend(spans[ref][1])
        if attribution.cue or attribution.content:
            out.append(attribution)
    return out


def _annotated(root: Path, split: str) -> Iterator[tuple[Path, list[Path]]]:
    """Each text of a split with its annotation files, sorted by name."""
    base = root / split if (root / split).is_dir() else root / "data" / split
    for text_path in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{text_path.stem}_*.ann"))
        if anns:
            yield text_path, anns


def load_split(root: Path, split: str, limit: int | None) -> list[tuple[str, list[Attribution]]]:
    """(text, gold attributions) per document, one annotator file per text."""
    docs: list[tuple[str, list[Attribution]]] = []
    for text_path, anns in _annotated(root, split):
        text = text_path.read_text(encoding="utf-8")
        docs.append((text, parse_ann(anns[0].read_text(encoding="utf-8"))))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def load_agreement(root: Path, split: str) -> list[tuple[str, list[list[Attribution]]]]:
    """(text, attributions per annotator) for the texts several annotators marked,
    the first file by name first, as in ``load_split``."""
    return [(text_path.read_text(encoding="utf-8"),
             [parse_ann(a.read_text(encoding="utf-8")) for a in anns])
            for text_path, anns in _annotated(root, split) if len(anns) > 1]


def agreement(root: Path, splits: Iterable[str]) -> dict[str, dict[str, Counts]]:
    """How the other annotators of multiply annotated texts score against the
    gold annotator, next to the system on the same texts: the ceiling the
    measure itself sets."""
    texts = [t for split in splits for t in load_agreement(root, split)]
    humans = {name: Counts() for name in score([])}
    for text, (gold, *others) in texts:
        for other in others:
            for name, c in score([(text, gold)], _given(other)).items():
                humans[name].add(c.tp, c.pred, c.gold)
    return {"annotators": humans, "system": score((text, anns[0]) for text, anns in texts)}


def _given(attributions: list[Attribution]) -> Callable[[str], list[Attribution]]:
    return lambda _text: attributions


def from_claim(claim: Claim) -> Attribution:
    content = claim.content.fragments or [(claim.content.start, claim.content.end)]
    source = [(claim.speaker.start, claim.speaker.end)] if claim.speaker else []
    return Attribution(source, [(claim.cue.start, claim.cue.end)],
                       [(s, e) for s, e in content])


class Words:
    """Word tokens of a text, to turn character fragments into token sets."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def of(self, frags: Frags) -> frozenset[int]:
        """Indices of the words that overlap any fragment."""
        out: set[int] = set()
        for fs, fe in frags:
            out.update(range(bisect.bisect_right(self.ends, fs),
                             bisect.bisect_left(self.starts, fe)))
        return frozenset(out)


@dataclass
class Counts:
    """True positives, predictions and gold items, summed over documents."""

    tp: float = 0.0
    pred: float = 0.0
    gold: float = 0.0

    def add(self, tp: float, pred: float, gold: float) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def token_f1(a: frozenset[int], b: frozenset[int]) -> float:
    common = len(a & b)
    return 2 * common / (len(a) + len(b)) if common else 0.0


def _cues_meet(p: Attribution, g: Attribution, p_cue: frozenset[int],
               g_cue: frozenset[int]) -> bool:
    """Cues share a word; a cue with no word at all ("Name: statement") must
    overlap the other by character instead."""
    if p_cue and g_cue:
        return bool(p_cue & g_cue)
    return any(ps < ge and gs < pe for ps, pe in p.cue for gs, ge in g.cue)


def match_attributions(pred: list[Attribution], gold: list[Attribution], words: Words) -> int:
    """Greedy one-to-one matches: cues share a word, contents have token F1 >= 0.5."""
    pairs: list[tuple[float, int, int]] = []
    for i, p in enumerate(pred):
        p_cue, p_content = words.of(p.cue), words.of(p.content)
        for j, g in enumerate(gold):
            if not _cues_meet(p, g, p_cue, words.of(g.cue)):
                continue
            score = token_f1(p_content, words.of(g.content))
            if score >= 0.5:
                pairs.append((score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def _span_sets(items: Iterable[Attribution], role: str, words: Words) -> set[frozenset[int]]:
    sets = (words.of(getattr(a, role)) for a in items)
    return {s for s in sets if s}


def system(text: str) -> list[Attribution]:
    """The production extractor's claims as attributions."""
    return [from_claim(c) for c in extract(text).claims]


def score(docs: Iterable[tuple[str, list[Attribution]]],
          predict: Callable[[str], list[Attribution]] = system) -> dict[str, Counts]:
    counts = {name: Counts() for name in
              [f"{r} {k}" for r in ROLES for k in ("exact", "token")] + ["attribution"]}
    for text, gold in docs:
        words = Words(text)
        pred = predict(text)
        for role in ROLES:
            p_sets, g_sets = _span_sets(pred, role, words), _span_sets(gold, role, words)
            counts[f"{role} exact"].add(len(p_sets & g_sets), len(p_sets), len(g_sets))
            p_tok = frozenset().union(*p_sets) if p_sets else frozenset()
            g_tok = frozenset().union(*g_sets) if g_sets else frozenset()
            counts[f"{role} token"].add(len(p_tok & g_tok), len(p_tok), len(g_tok))
        counts["attribution"].add(match_attributions(pred, gold, words), len(pred), len(gold))
    return counts


def _cue_head(doc: Doc, frags: Frags) -> int | None:
    for tok in doc.char_span(frags[0][0], frags[-1][1], alignment_mode="expand") or []:
        if tok.pos_ == "VERB":
            return tok.i
    return None


def _covered(pos: int, frags: Frags) -> bool:
    return any(s <= pos < e for s, e in frags)


def learn_cues(docs: list[tuple[str, list[Attribution]]], out: Path) -> None:
    """Write cue counts per verb lemma and the verb + particle cues of ``docs``."""
    cues: Counter[str] = Counter()
    verbs: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    joined: Counter[tuple[str, str]] = Counter()
    # Verb + adjacent particle, as a cue and in all: "spoke about" reports, "spoke" alone
    # mostly does not ("spoke at a rally").
    pair_cues: Counter[tuple[str, str]] = Counter()
    pair_all: Counter[tuple[str, str]] = Counter()
    # The same two counts per complement kind: "found that ..." against "found a job".
    kind_cues: Counter[tuple[str, str]] = Counter()
    kind_all: Counter[tuple[str, str]] = Counter()
    # Predicative adjectives per complement ("critical of", "eager" + infinitive).
    adj_cues: Counter[str] = Counter()
    adj_all: Counter[str] = Counter()
    # Nouns with a complement clause or infinitive ("the suggestion that ...").
    noun_cues: Counter[str] = Counter()
    noun_all: Counter[str] = Counter()
    nlp = get_nlp()
    for doc, (_, gold) in zip(nlp.pipe(t for t, _ in docs), docs, strict=True):
        # Annotation is univocal: a verb inside another attribution's content is
        # never a cue, and extraction skips those too, so they do not count.
        inside = sorted(f for a in gold for f in a.content)
        free = [t for t in doc if t.pos_ == "VERB" and not _covered(t.idx, inside)]
        verbs.update(t.lemma_.lower() for t in free)
        kind_all.update((t.lemma_.lower(), complement_kind(t)) for t in free)
        pair_all.update(p for p in map(_adjacent_particle, free) if p is not None)
        cue_frags = sorted(f for a in gold for f in a.cue)
        for noun in doc:
            key = _noun_key(noun)
            if key is not None and not _covered(noun.idx, inside):
                noun_all[key] += 1
                noun_cues[key] += _covered(noun.idx, cue_frags)
        for adj in doc:
            key = _adjective_key(adj)
            if key is not None and not _covered(adj.idx, inside):
                adj_all[key] += 1
                # "was quick to deny": a cue whose infinitive is in it too is the verb's.
                infinitive = [c for c in adj.rights if c.dep_ == "xcomp"]
                adj_cues[key] += _covered(adj.idx, cue_frags) and not (
                    infinitive and _covered(infinitive[0].idx, cue_frags))
        for attribution in gold:
            head = _cue_head(doc, sorted(attribution.cue)) if attribution.cue else None
            if head is None:
                continue
            verb = doc[head]
            cues[verb.lemma_.lower()] += 1
            kind_cues[(verb.lemma_.lower(), complement_kind(verb))] += 1
            cue_end = max(e for _, e in attribution.cue)
            particle = _adjacent_particle(verb)
            if particle is not None and doc[verb.i + 1].idx < cue_end:
                pair_cues[particle] += 1
            for child in verb.rights:
                if child.dep_ in {"prep", "prt"}:
                    pair = (verb.lemma_.lower(), child.lower_)
                    pairs[pair] += 1
                    joined[pair] += child.idx < cue_end
    kept = {k for k, v in cues.items() if v >= 3 and v >= 0.15 * verbs[k]}
    data: dict[str, Any] = {
        "verbs": {k: [cues[k], verbs[k]] for k in sorted(kept)},
        "verb_kinds": {k: {kind: [kind_cues[(k, kind)], kind_all[(k, kind)]] for kind in KINDS}
                       for k in sorted(kept)},
        "adjectives": {k: [v, adj_all[k]] for k, v in sorted(adj_cues.items())
                       if v >= 3 and v >= 0.15 * adj_all[k]},
        "nouns": {k: [v, noun_all[k]] for k, v in sorted(noun_cues.items())
                  if v >= 3 and v >= 0.15 * noun_all[k]},
        "particles": sorted(f"{a} {b}" for (a, b), n in pairs.items()
                            if n >= 3 and joined[(a, b)] >= 0.6 * n),
        "verb_particles": {f"{a} {b}": [v, pair_all[(a, b)]]
                           for (a, b), v in sorted(pair_cues.items())
                           if v >= 3 and v >= 0.15 * pair_all[(a, b)]},
    }
    out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data['verbs'])} verbs, {len(data['adjectives'])} adjectives, "
          f"{len(data['nouns'])} nouns, "
          f"{len(data['particles'])} particles, "
          f"{len(data['verb_particles'])} verb + particle cues -> {out}")


def _adjective_key(adj: Token) -> str | None:
    """"critical of", "eager inf": a predicative adjective with its complement kind."""
    found = adjective_kind(adj)
    return f"{adj.lemma_.lower()} {found[0]}" if found is not None else None


def _noun_key(noun: Token) -> str | None:
    """"suggestion clause", "promise inf": a noun with its complement kind."""
    found = noun_complement(noun)
    return f"{noun.lemma_.lower()} {found[0]}" if found is not None else None


def _adjacent_particle(verb: Token) -> tuple[str, str] | None:
    """(lemma, particle) when the word right after ``verb`` is its particle or preposition."""
    particle = adjacent_particle(verb)
    return (verb.lemma_.lower(), particle.lower_) if particle is not None else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("polnear", type=Path, help="PolNeAR root (holding train/ and dev/)")
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N texts only")
    parser.add_argument("--learn-cues", type=Path, default=None, metavar="OUT",
                        help="write the cue lexicon learned from the split to OUT")
    parser.add_argument("--agreement", action="store_true",
                        help="score the other annotators of multiply annotated texts "
                             "(train and dev) against the gold one, beside the system")
    args = parser.parse_args()
    if args.agreement:
        for who, counts in agreement(args.polnear, ("train", "dev")).items():
            _print(who, counts)
        return
    docs = load_split(args.polnear, args.split, args.limit)
    if args.learn_cues is not None:
        learn_cues(docs, args.learn_cues)
        return
    gold = sum(len(g) for _, g in docs)
    print(f"{args.split}: {len(docs)} texts, {gold} gold attributions")
    _print("", score(docs))


def _print(title: str, counts: dict[str, Counts]) -> None:
    print(f"{title:20} {'P':>6} {'R':>6} {'F1':>6}")
    for name, c in counts.items():
        p, r, f = c.prf()
        print(f"{name:20} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
