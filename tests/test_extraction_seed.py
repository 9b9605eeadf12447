"""Extraction on the seed article: speakers, pronouns, anonymous sources, places."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from worker.extraction.model import Claim, Extraction
from worker.extraction.pipeline import extract

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_60f2e22e1d774df1.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result(text: str) -> Extraction:
    return extract(text)


def _claim(result: Extraction, text: str, content_start: str) -> Claim:
    """The claim whose content starts with the given words."""
    for claim in result.claims:
        if text[claim.content.start :].startswith(content_start):
            return claim
    raise AssertionError(f"no claim with content starting {content_start!r}")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_language_and_sentences(result: Extraction) -> None:
    assert result.language == "en"
    # 34 body sentences and headings; the headline must not merge with the next line.
    assert 30 <= result.sentences <= 40


def test_offsets_hold_everywhere(result: Extraction, text: str) -> None:
    for entity in result.entities:
        assert text[entity.start : entity.end] == entity.text
    for location in result.locations:
        assert text[location.start : location.end] == location.text
    for claim in result.claims:
        assert text[claim.cue.start : claim.cue.end] == claim.cue.text
        assert text[claim.content.start : claim.content.end] == claim.content.text
        if claim.speaker is not None:
            assert text[claim.speaker.start : claim.speaker.end] == claim.speaker.text
        assert claim.start <= claim.content.start and claim.content.end <= claim.end


def test_about_22_claims_none_from_headings(result: Extraction, text: str) -> None:
    assert 20 <= len(result.claims) <= 24
    assert sum(c.direct for c in result.claims) >= 8
    heading = text.index("Russia says its jets")
    assert all(not (c.start <= heading < c.end) for c in result.claims)


@pytest.mark.parametrize(
    ("content_start", "cue", "speaker_text", "name"),
    [
        ("claims that Russian jets", "said", "He", "Vladimir Putin"),
        ("such reports as", "described", "He", "Vladimir Putin"),
        ("Other nations have been bombing", "told", "he", "Vladimir Putin"),
        ("We have such an invitation", "added", "Putin", "Vladimir Putin"),
        ("hitting 12 targets", "reported", "the Russian Defense Ministry", None),
        ("More than 50 Russian", "said", "the ministry", None),
        ("It actively uses", "added", "the ministry", None),
        ("Russia’s launching", "termed", "US Defense Secretary Ash Carter", "Ash Carter"),
        ("The first wave", "said", "Carter", "Ash Carter"),
        ("Russia states an intent", "said", "He", "Ash Carter"),
    ],
)
def test_named_speakers(
    result: Extraction, text: str, content_start: str, cue: str, speaker_text: str,
    name: str | None,
) -> None:
    claim = _claim(result, text, content_start)
    assert claim.cue.text == cue
    assert claim.speaker is not None and claim.speaker.text == speaker_text
    if name is not None:
        assert claim.speaker_name == name
        assert claim.speaker_type == "person"
        # Person keys are the family name; the full name is the display name.
        assert claim.speaker_key == "person:" + name.split()[-1].lower()


def test_ministry_claims_share_one_government_key(result: Extraction, text: str) -> None:
    claims = [_claim(result, text, s) for s in ("hitting 12", "More than 50", "It actively")]
    assert {c.speaker_key for c in claims} == {"org:russian-defence-ministry"}
    assert {c.speaker_type for c in claims} == {"government"}
    assert claims[1].speaker_antecedent is not None
    assert claims[1].speaker_antecedent.text == "the Russian Defense Ministry"


def test_stressing_inherits_putin(result: Extraction, text: str) -> None:
    claim = _claim(result, text, "that the US-led coalition invades")
    assert claim.cue.text == "stressing"
    assert claim.speaker_name == "Vladimir Putin"


def test_split_quote_around_cue_has_two_fragments(result: Extraction, text: str) -> None:
    claim = _claim(result, text, "The first wave")
    assert len(claim.content.fragments) == 2
    first, second = (text[s:e] for s, e in claim.content.fragments)
    assert first == "The first wave of air strikes"
    assert second.startswith("appeared to have struck")


def test_anonymous_official_and_doctor(result: Extraction, text: str) -> None:
    official = _claim(result, text, "We have not seen any strikes")
    assert official.direct and official.speaker_type == "anonymous"
    assert official.speaker_name is None
    assert official.speaker is not None and official.speaker.text == "A US defense official"
    assert sum(1 for c in result.claims if c.content.start == official.content.start) == 1

    doctor = _claim(result, text, "We have been exposed")
    assert doctor.speaker is not None
    assert doctor.speaker.text == "a doctor in the town of Rastan"
    assert doctor.speaker_type == "anonymous"

    again = _claim(result, text, "As I speak to you now")
    assert again.speaker is not None and again.speaker.text == "he"
    assert again.speaker_type == "anonymous" and again.speaker_name is None
    assert again.speaker_antecedent is not None
    assert again.speaker_antecedent.text == "a doctor in the town of Rastan"


@pytest.mark.parametrize(
    ("content_start", "cue", "speaker_text"),
    [
        ("Hundreds of Iranian troops", "told", "two Lebanese sources"),
        ("The (Russian) air strikes", "said", None),
        ("It is possible that", "added", "the source"),
        ("the operation would be aimed", "said", "The two sources"),
        ("The vanguard of Iranian", "said", "the second source"),
        ("Iraqis would also take part", "said", "the source"),
    ],
)
def test_lebanese_sources(
    result: Extraction, text: str, content_start: str, cue: str, speaker_text: str | None
) -> None:
    claim = _claim(result, text, content_start)
    assert claim.cue.text == cue
    assert claim.speaker is not None
    if speaker_text is not None:
        assert claim.speaker.text == speaker_text
    assert claim.speaker_type == "anonymous"
    if speaker_text != "two Lebanese sources":
        assert claim.speaker_antecedent is not None
        assert claim.speaker_antecedent.text == "two Lebanese sources"


def test_multi_sentence_quote_is_one_content(result: Extraction, text: str) -> None:
    claim = _claim(result, text, "The vanguard of Iranian")
    assert claim.direct
    assert claim.content.text.endswith("They will be followed by more")


@pytest.mark.parametrize(
    ("mention", "lat", "lon"),
    [
        ("Idlib", 35.93, 36.63),
        ("Hama", 35.13, 36.76),
        ("Homs", 34.73, 36.72),
        ("Rastan", 34.93, 36.73),
        ("Damascus", 33.51, 36.29),
    ],
)
def test_syrian_places(result: Extraction, mention: str, lat: float, lon: float) -> None:
    found = [loc for loc in result.locations if loc.text.startswith(mention)]
    assert found, mention
    for loc in found:
        assert loc.country_code == "SY"
        assert loc.key == f"geo:{loc.geonames_id}"
        if loc.kind == "region":
            # "Idlib region", "the region of Hama", "Homs province": the province
            # (its own GeoNames entry and point), not its capital city. GeoNames
            # puts a province's point mid-area: Homs's lies some 130 km east of
            # the city, the governorate reaching far into the desert.
            assert loc.geonames_id == PROVINCES[mention]
            assert loc.feature == "ADM1"
            assert _km(loc.lat, loc.lon, lat, lon) < 150
        else:
            assert _km(loc.lat, loc.lon, lat, lon) < 10


PROVINCES = {"Idlib": 169387, "Hama": 170015, "Homs": 169575}


def test_provinces_are_regions(result: Extraction) -> None:
    kinds = {loc.text: loc.kind for loc in result.locations}
    assert kinds["Homs province"] == "region"
    assert "region" in {kinds.get("Idlib"), kinds.get("Idlib region")}


def test_region_words_mark_regions(result: Extraction) -> None:
    kinds = {loc.text: loc.kind for loc in result.locations}
    assert kinds["Homs province"] == "region"
    assert kinds["Rastan"] == "city"
    assert kinds["Damascus"] == "city"


def test_syria_is_a_country_and_demonyms_are_not_places(result: Extraction) -> None:
    syria = [loc for loc in result.locations if loc.text == "Syria"]
    assert syria and all(loc.kind == "country" and loc.country_code == "SY" for loc in syria)
    assert not [loc for loc in result.locations if loc.text in {"Syrian", "Iranian", "Russian"}]


def test_entities_fixed_and_canonical(result: Extraction) -> None:
    texts = {e.text for e in result.entities}
    assert "west-central" not in texts
    assert not any("non-" in t for t in texts)
    keys = {e.text: e.key for e in result.entities}
    assert keys["IS"] == keys["Islamic State"] == "org:islamic-state"
    assert keys["Putin"] == keys["Vladimir Putin"] == "person:putin"
    assert keys["Assad"] == keys["Bashar al-Assad"]
    assert keys["US"].startswith("geo:")
    # "non-Islamic State insurgents" yields neither a place nor an entity.
    first_line_end = 160
    assert not [e for e in result.entities if 100 < e.start < first_line_end and
                e.text in {"Islamic State", "non-Islamic"}]


def test_lemmas(result: Extraction) -> None:
    words = result.lemmas.split()
    assert "strike" in words and "the" not in words
    assert result.lemmas == result.lemmas.lower() and result.lemmas.isascii()
