"""Claim matching on pairs written for the purpose: pure functions, no services."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

from indexer.claim_matching import group_claims, matched_claim, same_statement, speaker_of
from indexer.claim_text import content_terms, quote_words, stem
from indexer.models import ClaimHit

MINISTRY = {"speaker": "the Russian Defence Ministry", "speaker_name": "Russian Defence Ministry",
            "speaker_key": "org:russian-defence-ministry", "speaker_type": "government"}
PUTIN = {"speaker": "Putin", "speaker_name": "Vladimir Putin",
         "speaker_key": "person:vladimir-putin", "speaker_type": "person"}
CARTER = {"speaker": "Ash Carter", "speaker_name": "Ash Carter", "speaker_key": "person:ash-carter",
          "speaker_type": "person"}
_n = iter(range(10_000))


def claim(content: str, who: dict[str, str], *, outlet: str = "rt.com", direct: bool = False,
          **kw: Any) -> ClaimHit:
    n = next(_n)
    return ClaimHit.model_validate({
        "id": f"{outlet}-article:{n}", "article_id": f"{outlet}-article", "outlet": outlet,
        "cue": "said", "content": content, "direct": direct,
        "published_at": datetime(2015, 10, 1, n % 24, tzinfo=UTC), **who, **kw})


def test_paraphrase_by_the_same_speaker_is_one_statement() -> None:
    a = claim("Russia's jets are targeting only IS weapons and fuel depots", MINISTRY,
              entities=["org:islamic-state"])
    b = claim("its strikes hit only Islamic State arms and fuel stores", MINISTRY,
              outlet="reuters.com", entities=["org:islamic-state"])
    assert same_statement(a, b)


def test_same_words_from_another_speaker_are_another_statement() -> None:
    a = claim("the campaign was tantamount to pouring gasoline on a fire", CARTER, direct=True)
    b = claim("the campaign was tantamount to pouring gasoline on a fire", PUTIN,
              outlet="reuters.com", direct=True)
    assert not same_statement(a, b)


def test_different_statements_of_one_speaker_stay_apart() -> None:
    a = claim("Russian jets killed civilians in Syria before the first attacks", PUTIN)
    b = claim("We are fighting terrorist organisations and only them", PUTIN,
              outlet="reuters.com", direct=True)
    c = claim("the US-led coalition has no UN mandate to bomb Syria", PUTIN, outlet="bbc.co.uk")
    assert not same_statement(a, b)
    assert not same_statement(b, c)
    assert not same_statement(a, c)


def test_a_quote_worded_differently_is_flagged() -> None:
    a = claim("We intend to fight against terrorist organizations and them only", PUTIN,
              direct=True)
    b = claim("We are fighting terrorist organisations and only them", PUTIN,
              outlet="reuters.com", direct=True)
    [group] = group_claims([a, b])
    m = matched_claim(group)
    assert m.wording_differs
    assert m.outlets == ["rt.com", "reuters.com"]
    assert [w.content for w in m.wordings] == [a.content, b.content]


def test_the_same_quote_in_other_spelling_punctuation_or_framing_is_not_flagged() -> None:
    a = claim("Russia's launching the air strikes as \u201ctantamount to pouring gasoline on a "
              "fire.\u201d", CARTER, direct=True)
    b = claim('the Russian campaign was "tantamount to pouring gasoline on a fire," and', CARTER,
              outlet="reuters.com", direct=True)
    c = claim("We are fighting terrorist organisations and only them.", PUTIN, direct=True)
    d = claim("we are fighting terrorist organizations and only them", PUTIN,
              outlet="reuters.com", direct=True)
    groups = [matched_claim(g) for g in group_claims([a, b, c, d])]
    assert sorted(len(m.wordings) for m in groups) == [2, 2]
    assert not any(m.wording_differs for m in groups)


def test_a_partial_quote_is_not_a_different_wording() -> None:
    a = claim("We will not leave anyone under the debris, whatever it takes", PUTIN, direct=True)
    b = claim("We will not leave anyone under the debris", PUTIN, outlet="bbc.co.uk",
              direct=True)
    [group] = group_claims([a, b])
    assert not matched_claim(group).wording_differs


def test_unnamed_sources_match_on_their_description() -> None:
    official = claim("We have not seen any strikes against IS, only strikes against the Syrian "
                     "opposition",
                     {"speaker": "A US defense official", "speaker_type": "anonymous"},
                     direct=True, entities=["org:islamic-state"])
    same = claim("the first strikes had hit Syrian opposition groups rather than IS",
                 {"speaker": "a US official", "speaker_type": "anonymous"}, outlet="bbc.co.uk",
                 entities=["org:islamic-state"])
    other = claim("the first strikes had hit Syrian opposition groups rather than IS",
                  {"speaker": "a Russian official", "speaker_type": "anonymous"},
                  outlet="rt.com", entities=["org:islamic-state"])
    pronoun = claim("the first strikes had hit Syrian opposition groups rather than IS",
                    {"speaker": "he", "speaker_type": "anonymous"}, outlet="ft.com",
                    entities=["org:islamic-state"])
    assert same_statement(official, same)
    assert not same_statement(same, other)
    assert speaker_of(pronoun) is None and not same_statement(same, pronoun)


def test_a_name_without_key_meets_the_key_another_claim_gives_it() -> None:
    keyed = claim("We are fighting terrorist organisations and only them", PUTIN, direct=True)
    named = claim("we are fighting terrorist organisations and only them",
                  {"speaker": "Vladimir Putin", "speaker_name": "Vladimir Putin"},
                  outlet="reuters.com", direct=True)
    [group] = group_claims([keyed, named])
    assert {c.outlet for c in group} == {"rt.com", "reuters.com"}


def test_grouping_does_not_depend_on_input_order() -> None:
    claims = [
        claim("Russia's jets are targeting only IS weapons and fuel depots", MINISTRY,
              entities=["org:islamic-state"]),
        claim("its strikes hit only Islamic State arms and fuel stores", MINISTRY,
              outlet="reuters.com", entities=["org:islamic-state"]),
        claim("more than 50 planes and helicopters take part in the operation", MINISTRY,
              outlet="reuters.com"),
        claim("We are fighting terrorist organisations and only them", PUTIN, direct=True),
        claim("we intend to fight terrorist organizations and them only", PUTIN,
              outlet="bbc.co.uk", direct=True),
    ]
    expected = [[c.id for c in g] for g in group_claims(claims)]
    assert sorted(len(g) for g in expected) == [1, 2, 2]
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert [[c.id for c in g] for g in group_claims(shuffled)] == expected


def test_terms_meet_across_inflection_synonyms_and_numbers() -> None:
    assert stem("targeting") == stem("targets") == stem("target")
    assert stem("organisations") == stem("organizations")
    assert set(content_terms("weapons depots")) == set(content_terms("arms stores"))
    assert content_terms("five years") == content_terms("5 year")
    assert content_terms("1,200 rescue workers")[0] == "n:1200"
    assert quote_words('he said "We will act," adding \u201cnow\u201d') == ("we", "will", "act",
                                                                         "now")
    # A curly apostrophe is not a closing quote.
    assert quote_words("Russia\u2019s strikes") == ("russia", "s", "strikes")
