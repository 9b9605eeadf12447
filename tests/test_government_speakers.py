"""Government voices ("Moscow says", "the Kremlin said", "the Russian Defence Ministry
said") resolved to the state they speak for, and matched across outlets on that.

Real extraction on short texts written for the purpose, then the read-time claim
matching on the indexed form of those claims; no services.
"""

from __future__ import annotations

import pytest
from indexer_reports import make_article

from indexer.claim_matching import group_claims, same_statement
from indexer.documents import claim_documents
from indexer.models import ClaimHit
from worker.extraction.pipeline import extract


def _hits(outlet: str, text: str) -> list[ClaimHit]:
    article = make_article(outlet, "Russian strikes in Syria", text)
    docs = claim_documents(article, extract(text, outlet=outlet), "s-test")
    return [ClaimHit.model_validate(d) for d in docs]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Moscow says its strikes hit only Islamic State targets.", "RU"),
        ("Russia said its jets flew 20 sorties on Thursday.", "RU"),
        ("The Kremlin said the campaign would last several months.", "RU"),
        ("The Russian Defence Ministry said its jets destroyed a command post.", "RU"),
        ("Washington said the strikes hit moderate rebels.", "US"),
        ("Iran's foreign ministry said the talks would resume next week.", "IR"),
    ],
)
def test_a_government_speaker_speaks_for_its_state(text: str, country: str) -> None:
    [claim] = extract(text).claims
    assert claim.speaker_type == "government"
    assert claim.speaker_country == country


def test_people_and_companies_speak_for_no_state() -> None:
    text = ("Vladimir Putin said the operation would be limited. Gazprom said gas deliveries "
            "would continue.")
    claims = extract(text).claims
    assert [c.speaker.text for c in claims if c.speaker] == ["Vladimir Putin", "Gazprom"]
    assert [c.speaker_country for c in claims] == [None, None]


def test_one_statement_through_the_ministry_and_through_moscow_is_matched() -> None:
    [ministry] = _hits("rt.com", "Russia's jets are targeting only IS weapons and fuel depots, "
                                 "the Russian Defence Ministry said on Thursday.")
    [moscow] = _hits("reuters.com",
                     "Moscow says its strikes hit only Islamic State arms and fuel stores.")
    assert ministry.speaker_key != moscow.speaker_key
    assert same_statement(ministry, moscow)
    [group] = group_claims([ministry, moscow])
    assert {c.outlet for c in group} == {"rt.com", "reuters.com"}


def test_another_government_saying_the_same_is_another_statement() -> None:
    [moscow] = _hits("rt.com", "Moscow says its strikes hit only Islamic State arms and fuel "
                               "stores.")
    [washington] = _hits("reuters.com", "Washington says its strikes hit only Islamic State arms "
                                        "and fuel stores.")
    assert not same_statement(moscow, washington)
