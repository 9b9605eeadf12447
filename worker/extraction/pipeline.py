"""``extract``: everything extraction finds in one article's text.

Pure: text in, records out, no I/O. The spaCy pipeline and the gazetteer are
loaded once per process on first use (or passed in by tests and benchmarks).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from worker.extraction import places
from worker.extraction.canonical import canonicalise
from worker.extraction.claim_keys import attach_keys
from worker.extraction.claim_model import RawClaim
from worker.extraction.claims import find_claims
from worker.extraction.entities import Mention, mentions, summarise
from worker.extraction.gazetteer import Gazetteer, get_gazetteer
from worker.extraction.governments import attach_states
from worker.extraction.language import detect_language
from worker.extraction.lemmas import content_lemmas
from worker.extraction.model import Claim, ContentSpan, Entity, Extraction, Span
from worker.extraction.nlp import get_nlp
from worker.extraction.quotes import find_quotes
from worker.extraction.sentences import count_sentences, lines
from worker.extraction.speakers import Article, Speaker, resolve_speaker

_SENTENCE_END = re.compile(r"[.!?。！？]+|\n+")


def extract(text: str, nlp: Language | None = None, gazetteer: Gazetteer | None = None,
            outlet: str | None = None) -> Extraction:
    """Entities, places, claims, sentence count and lemmas of ``text``.

    Text that is not English gets its language and sentence count only: the
    English model would produce confident garbage on it. ``outlet`` (a host name)
    helps place resolution: a ".co.uk" paper's "Richmond" is the English one.
    """
    language = detect_language(text)
    if language != "en":
        count = sum(1 for piece in _SENTENCE_END.split(text) if piece.strip())
        return Extraction(language=language, sentences=count, entities=[], locations=[],
                          claims=[], lemmas="")
    doc = (nlp or get_nlp())(text)
    return extract_from_doc(doc, gazetteer or get_gazetteer(), language, outlet)


def extract_from_doc(doc: Doc, gaz: Gazetteer, language: str | None = "en",
                     outlet: str | None = None) -> Extraction:
    """The extraction of an already parsed doc (for batch use with ``nlp.pipe``)."""
    found = mentions(doc)
    canonicalise(found)
    resolved = places.resolve(doc, found, gaz, outlet)
    for r in resolved:
        r.mention.key = f"geo:{r.place.geonames_id}"
        r.mention.name = r.place.name
    entities = [_entity(m) for m in sorted(found + _untagged(found, resolved),
                                           key=lambda m: m.start)]
    locations = [places.to_location(r) for r in resolved]
    return Extraction(
        language=language,
        sentences=count_sentences(doc),
        entities=entities,
        locations=locations,
        claims=attach_states(attach_keys(_claims(doc, found), entities, locations),
                             locations, gaz),
        lemmas=content_lemmas(doc),
        entity_summary=summarise(entities),
    )


def _untagged(found: list[Mention], resolved: list[places.Resolved]) -> list[Mention]:
    """Places resolution found where the recogniser tagged nothing ("ELBOW LAKE,
    Minn." in a dateline, "R-Parkers Prairie" after a lawmaker's name): entities
    too, so that an entity filter finds what the place filter finds. A place
    inside a longer name ("Ohio" in "Ohio Department of Health") is not: the name
    is the entity."""
    taken = {k for m in found for k in range(m.start, m.end)}
    return [r.mention for r in resolved
            if not taken.intersection(range(r.mention.start, r.mention.end))]


def _entity(m: Mention) -> Entity:
    return Entity(text=m.text, start=m.start_char, end=m.end_char, label=m.label,
                  key=m.key, name=m.name)


def _span(doc: Doc, bounds: tuple[int, int]) -> Span:
    span = doc[bounds[0] : bounds[1]]
    return Span(text=span.text, start=span.start_char, end=span.end_char)


def _claims(doc: Doc, found: list[Mention]) -> list[Claim]:
    text = doc.text
    quotes = find_quotes(text)
    raw = find_claims(doc, text, quotes, lines(text))
    article = Article.read(doc, found, [(q.start, q.end) for q in quotes])
    previous: list[Speaker] = []
    by_cue: dict[int, Speaker] = {}
    out: list[Claim] = []
    for rc in sorted(raw, key=_order):
        speaker: Speaker | None = None
        if rc.speaker is not None:
            speaker = resolve_speaker(article, rc.speaker, previous, rc.fragments)
            previous.append(speaker)
        elif rc.speaker_from_cue is not None:
            speaker = by_cue.get(rc.speaker_from_cue)
        if speaker is not None:
            by_cue[rc.cue[0]] = speaker
        out.append(_claim(doc, text, rc, speaker))
    return out


def _order(rc: RawClaim) -> int:
    """Claims are resolved in text order of their speaker (or cue)."""
    return rc.speaker[0] if rc.speaker is not None else rc.cue[0]


def _claim(doc: Doc, text: str, rc: RawClaim, speaker: Speaker | None) -> Claim:
    """``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access."""
    frags = rc.fragments
    c_start, c_end = frags[0][0], frags[-1][1]
    content = ContentSpan(text=text[c_start:c_end], start=c_start, end=c_end,
                          fragments=list(frags))
    cue = _span(doc, rc.cue)
    speaker_span = _span(doc, rc.speaker) if rc.speaker is not None else None
    bounds = [cue.start, cue.end, c_start, c_end]
    if speaker_span is not None:
        bounds += [speaker_span.start, speaker_span.end]
    antecedent = None
    if speaker is not None and speaker.phrase is not None and (
        speaker_span is None or speaker.phrase.start_char != speaker_span.start
    ):
        phrase = speaker.phrase
        antecedent = Span(text=phrase.text, start=phrase.start_char, end=phrase.end_char)
    return Claim(
        speaker=speaker_span, cue=cue, content=content, direct=rc.direct,
        speaker_name=speaker.name if speaker else None,
        speaker_key=speaker.key if speaker else None,
        speaker_type=speaker.type if speaker else "unknown",
        speaker_antecedent=antecedent,
        start=min(bounds), end=max(bounds),
    )
