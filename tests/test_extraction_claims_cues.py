"""Attributions without a plain "X said" verb: states of mind, reporting nouns,
passive and raising cues, "Name: statement" (transcripts too), quotations
signed with a dash, "in a poll", datelines before a speaker, and quotation
conventions (doubled apostrophes, a quote resumed after the reporting sentence)."""

from __future__ import annotations

from worker.extraction.model import Claim
from worker.extraction.pipeline import extract


def _claims(text: str) -> list[Claim]:
    return extract(text).claims


def _only(text: str) -> tuple[str | None, str, list[str]]:
    """(speaker, cue, content fragments) of the one claim in ``text``."""
    [claim] = _claims(text)
    speaker = claim.speaker.text if claim.speaker else None
    return speaker, claim.cue.text, [text[s:e] for s, e in claim.content.fragments]


def test_state_of_mind_cues() -> None:
    assert _only("Many voters believe that the economy is getting worse.") == (
        "Many voters", "believe", ["that the economy is getting worse"])
    assert _only("Sanders thinks the party should move to the left.") == (
        "Sanders", "thinks", ["the party should move to the left"])
    assert _only("The senator wants to delay the vote until March.") == (
        "The senator", "wants", ["to delay the vote until March"])


def test_reporting_nouns_with_a_possessive_source() -> None:
    assert _only("His claim that the election was rigged drew criticism.") == (
        "His", "claim", ["that the election was rigged"])
    assert _only("The senator's call for a recount was rejected.") == (
        "The senator's", "call for", ["a recount"])
    # A bid, a push or support is something done, not something said.
    assert extract("His bid for the White House began in June.").claims == []
    assert extract("The governor's support for the wall never wavered.").claims == []


def test_passive_cue_without_a_source() -> None:
    assert _only("Trump is expected to win the Indiana primary.") == (
        None, "is expected", ["Trump", "to win the Indiana primary"])


def test_passive_charge_without_an_accuser() -> None:
    assert _only("Mr. Quiros was accused of using $50 million for personal expenses.") == (
        None, "was accused of", ["Mr. Quiros", "using $50 million for personal expenses"])
    assert _only("UN peacekeepers have been blamed for introducing cholera to Haiti.") == (
        None, "have been blamed for", ["UN peacekeepers", "introducing cholera to Haiti"])
    # A charge is an act, not a noun phrase: "criticized for his role" reports nothing.
    assert extract("He was criticized for his role.").claims == []


def test_passive_cue_with_an_agent() -> None:
    assert _only("Cruz was endorsed by Carly Fiorina on Wednesday.") == (
        "Carly Fiorina", "was endorsed", ["Cruz"])


def test_asked_whether() -> None:
    assert _only("Asked whether he would run again, the governor smiled.") == (
        None, "Asked", ["whether he would run again"])


def test_raising_verb_has_no_speaker() -> None:
    assert _only("The plan appears doomed in the Senate.") == (
        None, "appears", ["The plan", "doomed in the Senate"])


def test_name_and_colon() -> None:
    assert _only("Gingrich: Trump must decide if he wants a two-pirate ticket.") == (
        "Gingrich", ":", ["Trump must decide if he wants a two-pirate ticket"])
    assert _claims("Update: the story was corrected on Monday.") == []


def test_name_and_colon_after_a_round_up_topic() -> None:
    text = ("POLLS WERE JUST TOO EARLY - Mark Blumenthal: “The polls failed to predict "
            "the win, but they were not dead wrong.”")
    assert _only(text) == ("Mark Blumenthal", ":", [
        "The polls failed to predict the win, but they were not dead wrong."])
    assert _only("More from Jones: “The partisanship of the state is a starting point.”") == (
        "Jones", ":", ["The partisanship of the state is a starting point."])


def test_transcript_lines_quoted_whole_are_each_their_speakers() -> None:
    text = ('Chris Wallace interviewed Governor Mike Pence on Sunday.\n\n'
            'Partial transcript as follows:\n\n'
            '"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n'
            '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n')
    found = [(c.speaker.text if c.speaker else None, c.speaker_name, c.content.text, c.direct)
             for c in _claims(text) if c.cue.text == ":"]
    assert found == [
        ("WALLACE", "Chris Wallace", "Will Gennifer Flowers be there tomorrow night", True),
        ("PENCE", "Mike Pence",
         "Gennifer Flowers will not be attending the debate tomorrow night", True),
    ]


def test_quotations_signed_with_a_dash() -> None:
    text = ("Readers wrote in after the debate.\n\n"
            "“He represents our greatest shame.” ― Sonya Herridge\n"
            "“Maybe we can build a wall around him.”— Steve Quinlan, a teacher in Austin.\n")
    found = [(c.speaker.text if c.speaker else None, c.content.text, c.direct,
              c.speaker_type) for c in _claims(text)]
    assert found == [
        ("Sonya Herridge", "He represents our greatest shame.", True, "person"),
        ("Steve Quinlan, a teacher in Austin", "Maybe we can build a wall around him.", True,
         "person"),
    ]


def test_a_dash_that_carries_the_sentence_on_is_no_signature() -> None:
    text = "The crowd heard it all. “It was over” — and then the lights went out.\n"
    assert _claims(text) == []


def test_a_closing_mark_that_opens_a_paragraph_opens_a_quote() -> None:
    text = "Readers wrote in.\n\n”Fear. I am truly afraid.” ― Edwin Monroy\n"
    assert _only(text) == ("Edwin Monroy", "―", ["Fear. I am truly afraid."])


def test_a_dateline_is_not_part_of_the_speaker() -> None:
    for text, speaker in [
        ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey said "
         "Clinton should be prosecuted.", "Former Attorney General Michael Mukasey"),
        ("New York (AFP) – Vice President Joe Biden said the race was close.",
         "Vice President Joe Biden"),
        ("NATO allies - and above all Germany - said the plan would fail.",
         "NATO allies - and above all Germany"),
    ]:
        assert _only(text)[0] == speaker, text


def test_saying_by_which_an_act_was_done_is_the_claim() -> None:
    text = ("Obama responded to a Gold Star mother on Wednesday by saying the issue "
            "was manufactured.")
    assert _only(text) == ("Obama", "saying", ["the issue was manufactured"])
    assert _only("Dean began by saying he would never diagnose anyone on television.") == (
        "Dean", "saying", ["he would never diagnose anyone on television"])


def test_light_verb_with_a_reporting_noun() -> None:
    assert _only("Stumpf tried on Tuesday to make the case that this was a few bad apples.") == (
        "Stumpf", "to make the case", ["that this was a few bad apples"])
    assert _only("The governor has made clear that he would not resign.") == (
        "The governor", "has made clear", ["that he would not resign"])
    assert _only("Sanders has raised questions about the deal.") == (
        "Sanders", "has raised questions about", ["the deal"])
    assert _only("As one aide put it, the campaign is over.") == (
        "one aide", "put it", ["the campaign is over"])
    assert _claims("The company made a profit of $3 billion last year.") == []
    # A reporting verb with a stance noun keeps the noun in the cue.
    assert _only("Republicans have expressed concern that the businessman was "
                 "encouraging violence.") == (
        "Republicans", "have expressed concern",
        ["that the businessman was encouraging violence"])
    assert _only("She voiced support for a single-payer health system.") == (
        "She", "voiced support for", ["a single-payer health system"])
    assert _only("The senator expressed his views on the matter.") == (
        "The senator", "expressed", ["his views on the matter"])


def test_reporting_clause_inside_the_statement() -> None:
    text = "The difference now, he told me on Friday, is that he anchors a news program."
    assert _only(text) == ("he", "told", [
        "The difference now", "is that he anchors a news program"])


def test_of_two_cues_before_a_quotation_the_nearer_reports_it() -> None:
    text = ("The spot concludes with footage of Trump saying during the debate, "
            "“That makes me smart.”")
    assert _only(text) == ("Trump", "saying", ["That makes me smart."])


def test_the_cues_particle_is_not_content() -> None:
    assert _only("Trump referred to President Obama as the founder of the group.") == (
        "Trump", "referred to", ["President Obama as the founder of the group"])


def test_a_topic_preposition_joins_the_cue() -> None:
    assert _only("Residents complained about the smell from the plant.") == (
        "Residents", "complained about", ["the smell from the plant"])
    assert _only("The mayor argued against the new tax.") == (
        "The mayor", "argued against", ["the new tax"])
    # Not a time ("said for the first time that ..."), nor after a quotation,
    # which is what the verb reports.
    assert _only("He said for the first time that the emails were found.")[1] == "said"
    assert _only("“Absolutely not,” Trump said of the plan.")[1] == "said"


def test_a_placeholder_it_is_not_content() -> None:
    assert _only("It was revealed that he had bankrolled the lawsuit.") == (
        None, "was revealed", ["that he had bankrolled the lawsuit"])
    assert _only("It seems likely that Trump will be the nominee.") == (
        None, "seems", ["likely that Trump will be the nominee"])
    # A referring "it" is what the report is about.
    assert _only("It is considered a threat to the troops.") == (
        None, "is considered", ["It", "a threat to the troops"])


def test_a_verb_that_frames_the_reporting_verb_joins_its_cue() -> None:
    assert _only("Clinton is continuing to insist she will release the transcripts.") == (
        "Clinton", "is continuing to insist", ["she will release the transcripts"])
    assert _only("He went on to say that the deal was dead.") == (
        "He", "went on to say", ["that the deal was dead"])
    assert _only("He refused to say whether he would endorse Trump.") == (
        "He", "refused", ["to say whether he would endorse Trump"])


def test_an_adjunct_set_off_by_a_comma_ends_the_content() -> None:
    text = ("Trump has not yet responded to the remarks, although he kept up his "
            "rhetoric over the weekend.")
    assert _only(text) == ("Trump", "has not yet responded to", ["the remarks"])
    assert _only("Mr. Sanders praised the union for organizing the strike.") == (
        "Mr. Sanders", "praised", ["the union for organizing the strike"])


def test_a_trailing_non_restrictive_relative_clause_is_an_aside() -> None:
    text = ("Trump criticized Clinton's email use, which an FBI investigation called "
            "extremely careless.")
    claims = [(c.cue.text, c.content.text) for c in _claims(text)]
    assert ("criticized", "Clinton's email use") in claims


def test_maintain_reports_only_with_a_clause() -> None:
    assert _only("He maintains that he is innocent.") == (
        "He", "maintains", ["that he is innocent"])
    assert _claims("The party maintained its lead in the polls.") == []


def test_a_partial_quotation_inside_the_reported_clause_keeps_the_clause() -> None:
    text = "Obama said “it gets me mad” every time he thinks about the shooting."
    assert _only(text) == ("Obama", "said", [
        "“it gets me mad” every time he thinks about the shooting"])
    assert _only("“We will win,” he said.") == ("he", "said", ["We will win"])


def test_in_a_poll() -> None:
    assert _only("In a new CNN poll, Clinton leads Trump by five points.") == (
        "a new CNN poll", "In", ["Clinton leads Trump by five points"])
    assert _claims("Clinton is ahead in the national polls.") == []
    assert _only("Trump is ahead in public opinion polls in Florida.")[:2] == (
        "public opinion polls in Florida", "in")


def test_object_and_adjuncts_of_the_cue_are_content() -> None:
    assert _only("She asked the congregation to stand for a moment of silence.") == (
        "She", "asked", ["the congregation to stand for a moment of silence"])
    assert _only("Mr. Sanders praised the union for organizing the strike.") == (
        "Mr. Sanders", "praised", ["the union for organizing the strike"])


def test_coordinated_reporting_verb_is_a_claim_of_its_own() -> None:
    text = ("The mayor told reporters that the roads were closed and said the schools "
            "would open late.")
    assert [(c.cue.text, c.content.text) for c in _claims(text)] == [
        ("told", "that the roads were closed"),
        ("said", "the schools would open late"),
    ]


def test_doubled_apostrophe_quotes() -> None:
    assert _only("''For me, it worked very well,'' he said.") == (
        "he", "said", ["For me, it worked very well"])


def test_quote_resumes_after_the_reporting_sentence() -> None:
    text = ('"Europe is disintegrating," said Anna Berg, a member of the European '
            'Parliament. "It is a risk everywhere."')
    speaker, cue, content = _only(text)
    assert cue == "said" and speaker is not None and speaker.startswith("Anna Berg")
    assert content == ["Europe is disintegrating", "It is a risk everywhere."]


def test_quote_ending_a_sentence_is_not_the_next_speakers() -> None:
    text = ('"We will win," Moore said. "That is certain."\n\n'
            'Reed said the party was divided.')
    claims = _claims(text)
    reed = next(c for c in claims if c.speaker and c.speaker.text == "Reed")
    assert reed.content.text == "the party was divided"


def test_speaker_in_apposition_to_a_quoted_vocative() -> None:
    text = ("''That was a good speech you gave last night, Mr. President,'' "
            "Representative Steve Cohen, Democrat of Tennessee, told Mr. Obama.")
    speaker, cue, content = _only(text)
    assert speaker is not None and speaker.startswith("Representative Steve Cohen")
    assert cue == "told"
    assert content == ["That was a good speech you gave last night, Mr. President"]


def test_the_occasion_after_the_object_is_not_content() -> None:
    assert _only("Trump attacked Machado during the debate.") == (
        "Trump", "attacked", ["Machado"])
    assert _only("The court rejected that argument at a hearing in March.") == (
        "The court", "rejected", ["that argument"])
    assert _only("The judge rejected that argument in a ruling released Thursday.")[2] == [
        "that argument"]
    # A date that ends the clause is its setting; one with more after it is not.
    assert _only("The newspaper endorsed Mr. Sanders in December.") == (
        "The newspaper", "endorsed", ["Mr. Sanders"])
    assert _only("Romney went after Trump on Wednesday over his refusal to release "
                 "his taxes.")[2] == [
        "Trump on Wednesday over his refusal to release his taxes"]
    # Not a purpose or manner: those are part of what is reported.
    assert _only("Mr. Sanders praised the union for organizing the strike.")[2] == [
        "the union for organizing the strike"]


def test_an_as_clause_reports_the_clause_it_hangs_on() -> None:
    assert _only("As the Post reported on Monday, the FBI had opened an inquiry.") == (
        "the Post", "reported", ["the FBI had opened an inquiry"])
    assert _only("As Trump said last week, the economy is weak.") == (
        "Trump", "said", ["the economy is weak"])
    speaker, cue, content = _only("The economy, as Trump noted, is weak.")
    assert (speaker, cue, content) == ("Trump", "noted", ["The economy", "is weak"])
    # An as-clause with a topic of its own reports that topic.
    claims = _claims("As the candidates sparred over military spending, the crowd left.")
    assert [(c.cue.text, c.content.text) for c in claims] == [
        ("sparred over", "military spending")]


def test_a_clause_ended_by_a_colon_introduces_the_next() -> None:
    assert _only("We have been here before: Osama bin Laden declared war on the "
                 "United States.") == ("Osama bin Laden", "declared", ["war on the United States"])


def test_a_that_clause_is_its_hosts_complement() -> None:
    assert _only("The worst part is that he doesn't even believe it.") == (
        "he", "doesn't even believe", ["it"])


def test_a_title_case_quotation_after_of_is_a_title() -> None:
    text = ("On this weekend’s broadcast of “Fox News Sunday,” Pence said the tweet "
            "was meant to mock Clinton.")
    assert _only(text) == ("Pence", "said", ["the tweet was meant to mock Clinton"])


def test_what_an_addressee_was_asked_or_told_about() -> None:
    assert _only("He asked Clinton about her email scandal.") == (
        "He", "asked", ["her email scandal"])
    assert _only("Trump tells his supporters at a rally to “go to your place and vote.”") == (
        "Trump", "tells", ["to “go to your place and vote.”"])


def test_an_as_clause_with_an_object_is_not_a_report_of_its_host() -> None:
    text = ("As he welcomed several hundred guests, Scott was also launching his bid "
            "for the seat.")
    claims = _claims(text)
    assert claims and all("Scott" not in c.content.text for c in claims)


def test_a_split_quotation_resumes_after_an_aside_or_but() -> None:
    text = ("“Every time you say that,” Tester said, referring to the 1 percent excuse, "
            "“you give ammunition to the people who want to break up the big banks.”")
    said = next(c for c in _claims(text) if c.cue.text == "said")
    assert [text[s:e] for s, e in said.content.fragments] == [
        "Every time you say that",
        "you give ammunition to the people who want to break up the big banks."]
    text = '"I love Larry," he said, but "Larry has a history of representing coal."'
    assert _only(text)[2] == ["I love Larry", "Larry has a history of representing coal."]
    # Not a quotation another speaker answers with.
    text = '"We will win," he said, and "we will win big," she replied.'
    assert [(c.cue.text, c.content.text) for c in _claims(text)] == [
        ("said", "We will win"), ("replied", "we will win big")]


def test_stance_adjectives_with_their_complement() -> None:
    assert _only("Graham has been critical of Trump since the primaries.") == (
        "Graham", "has been critical of", ["Trump"])
    assert _only("Many Democrats are hopeful that the talks will resume.") == (
        "Many Democrats", "are hopeful", ["that the talks will resume"])
    # The reporting verb after the adjective carries the claim.
    assert [c.cue.text for c in _claims("She was quick to deny the report.")] == ["to deny"]
    # Adjectives that state no stance.
    assert _claims("He is likely to win the state.") == []
    assert _claims("They were able to vote early.") == []


def test_reporting_nouns_with_a_complement_and_no_possessive() -> None:
    text = "Leaders offered new defense efforts amid growing concerns that they are too weak."
    claims = [(c.speaker, c.cue.text, c.content.text) for c in _claims(text)]
    assert (None, "growing concerns", "that they are too weak") in claims
    assert _only("There was speculation that the senator would resign.") == (
        None, "speculation", ["that the senator would resign"])
    # After a light verb the noun's maker is its subject.
    assert _only("The company made a promise to cut prices next year.") == (
        "The company", "made a promise", ["to cut prices next year"])
    # A statement that sets a reporting verb's scene is the verb's.
    assert _only("Clinton says in a statement that the race will now be close.")[:2] == (
        "Clinton", "says")
    # Nouns that state no report.
    assert _claims("The fact that he lied was plain.") == []


def test_no_claim_of_an_unanswered_request_for_comment() -> None:
    text = "An attorney for Mills did not immediately respond to requests for comment."
    assert _claims(text) == []
    assert _only("She responded to the charge with a denial.")[:2] == ("She", "responded to")


def test_a_speech_nouns_to_phrase_names_the_addressee() -> None:
    assert _claims("Clinton's statements to the FBI were consistent.") == []
    assert _only("Trump's remarks on immigration were harsh.") == (
        "Trump's", "remarks on", ["immigration"])
    assert _claims("Trump's remarks on Saturday were harsh.") == []


def test_the_medium_after_the_object_is_not_content() -> None:
    assert _only("Trump praised the deal in a speech on Monday.")[2] == ["the deal"]
    assert _only("He will push the executive actions in interviews with local outlets.")[2] == [
        "the executive actions"]
    # A place or topic after the object stays.
    assert _only("Trump criticized the deal in Iowa.")[2] == ["the deal in Iowa"]
