"""Attribution conventions: learned cues, cue phrases, speakers, content extent."""

from __future__ import annotations

from worker.extraction.claim_keys import attach_keys
from worker.extraction.cues import get_lexicon
from worker.extraction.model import Claim, ContentSpan, Entity, Location, Span
from worker.extraction.pipeline import extract


def _claims(text: str) -> list[Claim]:
    claims = extract(text).claims
    for c in claims:
        assert text[c.cue.start : c.cue.end] == c.cue.text
        assert text[c.content.start : c.content.end] == c.content.text
    return claims


def _speaker(claim: Claim) -> str | None:
    return claim.speaker.text if claim.speaker else None


def _fragments(text: str, claim: Claim) -> list[str]:
    return [text[s:e] for s, e in claim.content.fragments]


def test_lexicon_has_reporting_verbs_beyond_say() -> None:
    lexicon = get_lexicon()
    assert {"say", "tell", "warn", "argue", "vow"} <= lexicon.verbs
    assert "eat" not in lexicon.verbs


def test_cue_phrase_keeps_auxiliaries_and_adverbs() -> None:
    text = "The senator has also argued that the bill is unconstitutional."
    [claim] = _claims(text)
    assert claim.cue.text == "has also argued"
    assert _fragments(text, claim) == ["that the bill is unconstitutional"]


def test_phrasal_cue_reports_only_with_its_particle() -> None:
    text = "The senator spoke about the need for tighter border control."
    [claim] = _claims(text)
    assert claim.cue.text == "spoke about"
    assert claim.content.text == "the need for tighter border control"
    assert _claims("The senator spoke at a rally in Ohio on Monday.") == []
    [claim] = _claims("The actor spoke about how he had noticed the change in Hollywood.")
    assert claim.content.text == "how he had noticed the change in Hollywood"


def test_core_verb_with_only_an_object_reports_a_quotation_only() -> None:
    # "add" is annotated as a cue in under a third of its uses with only an object.
    assert ("add", "bare") in get_lexicon().quoted_only
    assert _claims("The U.S. economy added 292,000 jobs last month.") == []
    assert _claims("The latest hiccup adds to the drama around her emails.") == []
    [claim] = _claims("“We will win,” he added.")
    assert (claim.cue.text, claim.content.text) == ("added", "We will win")
    [claim] = _claims("He added that the plan was dead.")
    assert claim.content.text == "that the plan was dead"


def test_particle_belongs_to_the_cue() -> None:
    text = "The union called for an independent inquiry into the accident."
    [claim] = _claims(text)
    assert claim.cue.text == "called for"
    assert claim.content.text == "an independent inquiry into the accident"


def test_infinitive_complement_is_content() -> None:
    text = "Mayor Jane Doe vowed to rebuild the bridge within a year."
    [claim] = _claims(text)
    assert claim.speaker is not None and claim.speaker.text == "Mayor Jane Doe"
    assert claim.cue.text == "vowed"
    assert claim.content.text == "to rebuild the bridge within a year"


def test_nested_attribution_is_one_claim() -> None:
    text = "The minister said the opposition wants to delay the vote."
    [claim] = _claims(text)
    assert claim.cue.text == "said"
    assert claim.content.text == "the opposition wants to delay the vote"


def test_coordinated_cue_takes_the_subject_of_a_copular_clause() -> None:
    # "was quick to ..." heads the sentence with "was", an auxiliary, not a verb.
    text = ("The senator was quick to leave the room and said on Monday that "
            "the party would unite behind him.")
    [claim] = _claims(text)
    assert claim.speaker is not None and claim.speaker.text == "The senator"
    assert claim.cue.text == "said"
    assert claim.content.text == "that the party would unite behind him"


def test_for_to_clause_is_the_content_of_call_for() -> None:
    text = "The mayor is calling for the state to rebuild the bridge within a year."
    [claim] = _claims(text)
    assert claim.cue.text == "is calling for"
    assert claim.content.text == "the state to rebuild the bridge within a year"


def test_particle_object_comes_before_an_infinitive() -> None:
    text = "The union asked for the vote to be delayed until March."
    [claim] = _claims(text)
    assert claim.cue.text == "asked for"
    assert claim.content.text == "the vote to be delayed until March"


def test_addressee_cue_with_a_particle_reports_its_object() -> None:
    # "warned reporters" names who was warned; "warned of X" names what.
    text = "The general warned of a long and costly war in the north."
    [claim] = _claims(text)
    assert claim.cue.text == "warned of"
    assert claim.content.text == "a long and costly war in the north"


def test_addressee_cue_is_asked_about_a_topic_not_a_date() -> None:
    # "on Tuesday" says when the chief was asked; "about ..." says what.
    [claim] = _claims("Senator Warren asked the bank chief on Tuesday about the "
                      "fraudulent accounts.")
    assert claim.content.text == "the fraudulent accounts"


def test_that_clause_the_parser_took_for_a_relative_clause() -> None:
    # "that" opens the clause of "reported", not a relative on "the time".
    [claim] = _claims("The New York Times reported at the time that the editor had "
                      "rebuked her.")
    assert claim.content.text == "that the editor had rebuked her"
    [claim] = _claims("Comey said for the first time that some emails had been located.")
    assert claim.content.text == "that some emails had been located"
    [claim] = _claims("He told a meeting of island leaders that few people understood "
                      "the stakes better than they did.")
    assert (_speaker(claim), claim.cue.text) == ("He", "told")
    assert claim.content.text == ("that few people understood the stakes better than "
                                  "they did")
    # A true relative clause stays with its noun.
    [claim] = _claims("He rejected the positions that he has taken.")
    assert claim.content.text == "the positions that he has taken"


def test_object_before_a_clause_with_its_own_subject_is_the_addressee() -> None:
    # The parser takes "The Washington Post" for the object of "told".
    text = ("Ivanka Trump told The Washington Post that the policy would extend to "
            "single mothers.")
    [claim] = _claims(text)
    assert claim.content.text == "that the policy would extend to single mothers"
    # A bare infinitive's subject is part of what is demanded.
    text = "The senator is demanding President Obama make a pledge not to pardon her."
    [claim] = _claims(text)
    assert claim.content.text == "President Obama make a pledge not to pardon her"


def test_speaker_keeps_the_bracket_of_party_and_state() -> None:
    [claim] = _claims("Rep. Trey Gowdy (R-S.C.) said that claim smacked of hypocrisy.")
    assert claim.speaker is not None
    assert claim.speaker.text == "Rep. Trey Gowdy (R-S.C.)"
    [claim] = _claims("Gov. Pat McCrory (R) said he would release the video.")
    assert claim.speaker is not None
    assert claim.speaker.text == "Gov. Pat McCrory (R)"


def test_comma_closing_an_apposition_does_not_end_the_content() -> None:
    [claim] = _claims("South Korea accused the North's leader, Kim Jong Un, of "
                      "“fanatic recklessness.”")
    assert claim.content.text == "the North's leader, Kim Jong Un, of “fanatic recklessness.”"
    # A comma that sets off an adjunct still ends it.
    claim = _claims("She praised the plan, although she had opposed it.")[0]
    assert (claim.cue.text, claim.content.text) == ("praised", "the plan")


def test_speaker_ends_before_the_cues_adverb() -> None:
    [claim] = _claims("The company sent a letter strongly disputing accusations by Exxon.")
    assert claim.speaker is not None
    assert (claim.speaker.text, claim.cue.text) == ("a letter", "strongly disputing")
    # Nor the participle the cue hangs on.
    [claim] = _claims("Two businessmen seeking to paint themselves as outsiders won.")
    assert claim.speaker is not None
    assert (claim.speaker.text, claim.cue.text) == ("Two businessmen", "seeking to paint")


def test_speaker_without_the_occasion_or_a_focus_adverb() -> None:
    def speaker(text: str) -> str | None:
        [claim] = _claims(text)
        return _speaker(claim)

    assert speaker("Trump on Tuesday said the election was rigged.") == "Trump"
    assert speaker("The bureau's director, James B. Comey, on Monday said the review "
                   "was over.") == "The bureau's director, James B. Comey"
    assert speaker("Sanders during a Sunday interview said he would stay in the "
                   "race.") == "Sanders"
    assert speaker("Even economists say the deal went too far.") == "economists"
    # A date or a time that tells which source it is stays.
    assert speaker("Stewart Verdery, a senior official during George W. Bush's "
                   "administration, said the screening works.") == (
        "Stewart Verdery, a senior official during George W. Bush's administration")
    assert speaker("A CNN/ORC poll in February found that Trump led by 10 "
                   "points.") == "A CNN/ORC poll in February"


def test_participle_on_a_statement_speaks_for_who_issued_it() -> None:
    [claim] = _claims("Forbes published an article stating that the fortune was smaller.")
    assert (_speaker(claim), claim.cue.text) == ("Forbes", "stating")
    # A document that speaks for itself keeps its own voice.
    [claim] = _claims("A poll released Monday showing Trump ahead alarmed Democrats.")
    assert (_speaker(claim) or "").startswith("A poll")


def test_that_clause_after_the_setting_of_a_statement() -> None:
    # The parser hangs this that-clause on "statement".
    text = ("The campaign's chief strategist Tom Weaver says in a statement that the race "
            "will now be a four-man contest.")
    [claim] = _claims(text)
    assert claim.speaker is not None
    assert claim.speaker.text == "The campaign's chief strategist Tom Weaver"
    assert claim.content.text == "that the race will now be a four-man contest"


def test_purpose_clause_speaks_for_the_main_subject() -> None:
    text = "His critics rushed to television to say that the plan would fail."
    [claim] = _claims(text)
    assert claim.speaker is not None and claim.speaker.text == "His critics"
    assert claim.content.text == "that the plan would fail"


def test_speaker_with_an_age_after_a_quotation() -> None:
    # The parser hangs the quotation on the name; the speaker starts after it.
    text = ("“That’s a legitimate concern, because they’re very passionate and very "
            "principled,” Sarandon, 69, told MSNBC Monday.")
    [claim] = _claims(text)
    assert claim.speaker is not None and claim.speaker.text == "Sarandon, 69"
    assert claim.direct
    assert claim.content.text.startswith("That’s a legitimate concern")
    [claim] = _claims("Sanders’ aides say the campaign will go on.")
    assert claim.speaker is not None and claim.speaker.text == "Sanders’ aides"


def test_quotation_marks_glued_to_words() -> None:
    # Web copy often drops the space around curly quotation marks.
    text = "“We will not back down,”the mayor said. Her deputy said,“Nor will I.”"
    first, second = _claims(text)
    assert first.speaker is not None and first.speaker.text == "the mayor"
    assert first.content.text == "We will not back down"
    assert second.speaker is not None and second.speaker.text == "Her deputy"
    assert second.content.text == "Nor will I."


def test_trailing_participle_that_reports_is_a_claim_of_its_own() -> None:
    text = ("The governor insisted that he has expanded the party, claiming that he is "
            "responsible for higher turnout.")
    first, second = _claims(text)
    assert first.cue.text == "insisted"
    assert first.content.text == "that he has expanded the party"
    assert second.cue.text == "claiming"
    assert second.content.text == "that he is responsible for higher turnout"


def test_speaker_the_parser_hung_elsewhere() -> None:
    # Each "said" here has no subject in the parse; the name next to it speaks.
    text = ("Speaking to reporters on Monday, Col. Steven Warren, a military spokesman in "
            "Baghdad, said, “A raid is a combat operation.”")
    [claim] = _claims(text)
    assert claim.speaker is not None
    assert claim.speaker.text == "Col. Steven Warren, a military spokesman in Baghdad"
    assert claim.content.text == "A raid is a combat operation."
    text = "“I'm more skilled with my hands than with my brain,” said Robin Maynard, half joking."
    [claim] = _claims(text)
    assert claim.speaker is not None and claim.speaker.text == "Robin Maynard"


def test_the_question_of_an_opening_asked_is_attributed() -> None:
    text = "Asked what a firm commitment looks like, Devine replied: “We are a long way off.”"
    question, answer = _claims(text)
    assert question.cue.text == "Asked" and question.speaker is None
    assert question.content.text == "what a firm commitment looks like"
    assert answer.speaker is not None and answer.speaker.text == "Devine"
    text = "Asked by a reporter to respond to the criticism, the senator said nothing."
    question = _claims(text)[0]
    assert question.speaker is not None and question.speaker.text == "a reporter"
    assert question.content.text == "to respond to the criticism"


def test_cue_after_an_adjective_takes_the_clause_subject() -> None:
    text = "The senator was quick to deny that he had met the lobbyist."
    [claim] = _claims(text)
    assert claim.speaker is not None and claim.speaker.text == "The senator"
    assert claim.content.text == "that he had met the lobbyist"


def test_any_cue_that_characterises_with_as() -> None:
    text = "The governor cast her rival as a friend of the banks."
    [claim] = _claims(text)
    assert claim.cue.text == "cast"
    assert claim.content.text == "her rival as a friend of the banks"


def test_participle_after_a_quotation_reports_its_own_object() -> None:
    text = ("“It is a reflection of frustration,” the senator said, citing low growth "
            "and rising inequality.")
    said, citing = _claims(text)
    assert said.content.text == "It is a reflection of frustration"
    assert citing.cue.text == "citing"
    assert citing.speaker is not None and citing.speaker.text == "the senator"
    assert citing.content.text == "low growth and rising inequality"


def test_participle_after_a_quoted_word_is_not_given_that_word() -> None:
    text = ("The governor hailed the vote as “fantastic,” telling reporters on Friday that "
            "the result was a great thing.")
    hailed, telling = _claims(text)
    assert hailed.cue.text == "hailed"
    assert telling.cue.text == "telling"
    assert telling.speaker is not None and telling.speaker.text == "The governor"
    assert telling.content.text == "that the result was a great thing"
    text = ("The mayor did not seem impressed, telling reporters, “A lot of people want the "
            "governor to step down.”")
    [telling] = [c for c in _claims(text) if c.cue.text == "telling"]
    assert telling.content.text == "A lot of people want the governor to step down."


def test_trailing_participle_speaks_for_the_reporting_clause() -> None:
    text = "The senator said huge crowds had turned out, describing the turnout as historic."
    said, describing = _claims(text)
    assert said.content.text == "huge crowds had turned out"
    assert describing.speaker is not None and describing.speaker.text == "The senator"
    assert describing.content.text == "the turnout as historic"


def test_relative_clause_is_part_of_the_speaker_phrase() -> None:
    # As attribution corpora mark it; the speaker is still resolved to the name.
    text = ("Maria Lopez, who runs the shelter, said that the building had no heating "
            "for a week.")
    [claim] = _claims(text)
    assert claim.speaker is not None
    assert claim.speaker.text == "Maria Lopez, who runs the shelter"
    assert claim.speaker_name == "Maria Lopez"


def test_reporting_relative_clause_is_not_part_of_the_speaker() -> None:
    text = ("Trump, who questioned whether the judge was fair, said the ruling was "
            "a disgrace.")
    claim = next(c for c in _claims(text) if c.cue.text == "said")
    assert claim.speaker is not None and claim.speaker.text == "Trump"


def test_relative_pronoun_speaker_is_resolved_to_its_antecedent() -> None:
    text = ("The plan was attacked by Senator Ted Cruz, who said that the party must "
            "unite before the vote.")
    claim = next(c for c in _claims(text) if c.cue.text == "said")
    assert claim.speaker is not None and claim.speaker.text == "who"
    assert claim.speaker_name == "Ted Cruz" and claim.speaker_type == "person"
    assert claim.speaker_antecedent is not None
    assert claim.speaker_antecedent.text == "Senator Ted Cruz"
    assert claim.content.text == "that the party must unite before the vote"


def test_quote_carries_on_into_the_next_sentence() -> None:
    text = ('"We are not giving up," Lopez said. "The families need this shelter. '
            'We will find the money."')
    [claim] = _claims(text)
    assert _fragments(text, claim) == [
        "We are not giving up",
        "The families need this shelter. We will find the money.",
    ]
    assert claim.direct


def test_next_quote_with_its_own_cue_is_not_taken() -> None:
    text = ('"We are not giving up," Lopez said. "The money is gone," the mayor '
            'replied.')
    claims = _claims(text)
    assert len(claims) == 2
    assert _fragments(text, claims[0]) == ["We are not giving up"]


def test_keys_of_entities_and_places_inside_the_content() -> None:
    claim = Claim(
        speaker=Span(text="Smith", start=0, end=5), cue=Span(text="said", start=6, end=10),
        content=ContentSpan(text="Paris backs Acme", start=11, end=27,
                            fragments=[(11, 27)]),
        direct=False, start=0, end=27,
    )
    smith = Entity(text="Smith", start=0, end=5, label="PERSON", key="person:smith",
                   name="Smith")
    acme = Entity(text="Acme", start=23, end=27, label="ORG", key="org:acme", name="Acme")
    paris = Location(text="Paris", start=11, end=16, name="Paris", kind="city", lat=48.85,
                     lon=2.35, country_code="FR", key="geo:2988507")
    [out] = attach_keys([claim], [smith, acme], [paris])
    assert out.entity_keys == ["org:acme"]
    assert out.place_keys == ["geo:2988507"]
