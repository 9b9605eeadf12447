"""Reporting verbs the parser attaches wrongly, the edges of a quotation that
starts mid-sentence, and verbs whose reporting sense depends on their
complement ("found that ..." against "found a job")."""

from __future__ import annotations

from worker.extraction.cues import complement_kind, get_lexicon
from worker.extraction.model import Claim
from worker.extraction.nlp import get_nlp
from worker.extraction.pipeline import extract


def _by_cue(text: str, cue: str) -> Claim:
    [claim] = [c for c in extract(text).claims if c.cue.text == cue]
    return claim


def _speaker(claim: Claim) -> str | None:
    return claim.speaker.text if claim.speaker else None


def test_quotation_the_parser_hung_on_the_cue() -> None:
    # The parser takes the quotation's first words for adverbs of "said".
    text = ("At one point, a woman asked for a photo and Clinton said, "
            "“as long as we’re not violating any election laws.”")
    claim = _by_cue(text, "said")
    assert _speaker(claim) == "Clinton"
    assert claim.content.text.startswith("as long as we’re not violating")
    assert claim.direct


def test_clause_the_parser_hung_on_another_verb() -> None:
    # "was" is parsed as the complement of "comes", and "told" as its adjunct.
    text = ("The endorsement comes just three days after Trump told The Washington "
            "Post he was “not quite there yet” on supporting Ryan.")
    claim = _by_cue(text, "told")
    assert _speaker(claim) == "Trump"
    assert claim.content.text.startswith("he was “not quite there yet”")


def test_subject_the_parser_took_for_a_clausal_subject() -> None:
    text = ("Large majorities of Republican primary voters in six states going to the "
            "polls on Super Tuesday said they support a proposal to temporarily ban "
            "all non-citizen Muslims from entering the United States.")
    claim = _by_cue(text, "said")
    assert claim.speaker is not None
    assert claim.speaker.text.startswith("Large majorities of Republican primary voters")
    assert claim.content.text.startswith("they support a proposal")


def test_title_in_quotation_marks_is_not_the_content() -> None:
    text = ("Speaking Sunday on ABC’s “This Week,” Carson admitted that the course "
            "name that appeared in his book was inaccurate, but said his campaign had "
            "found the student newspaper article and would release it.")
    admitted = _by_cue(text, "admitted")
    assert admitted.content.text.startswith("that the course name")
    # The second verb borrows the speaker, not the quotation before the first.
    said = _by_cue(text, "said")
    assert said.content.text.startswith("his campaign had found")


def test_participle_the_parser_hung_inside_the_quotation() -> None:
    text = ("Clinton seemed to be ready to riff on the incident in Iowa, telling the "
            "crowd, “Some people get a little carried away, have you noticed that?”")
    claim = _by_cue(text, "telling")
    assert _speaker(claim) == "Clinton"
    assert claim.content.text.startswith("Some people get a little carried away")


def test_complement_kinds() -> None:
    nlp = get_nlp()

    def kind(text: str, lemma: str) -> str:
        return complement_kind(next(t for t in nlp(text) if t.lemma_ == lemma))

    assert kind("The poll found that most voters back the plan.", "find") == "clause"
    assert kind("“We will win,” he said.", "say") == "clause"
    assert kind("He vowed to fight on.", "vow") == "inf"
    assert kind("She found a job in Ohio.", "find") == "bare"


def test_verb_reports_only_in_the_kinds_it_was_annotated_in() -> None:
    lexicon = get_lexicon()
    assert ("find", "bare") in lexicon.not_in_kind
    assert ("find", "clause") not in lexicon.not_in_kind
    found = extract("A new poll found that most voters back the plan.").claims
    assert [c.cue.text for c in found] == ["found"]
    assert extract("Young women often can’t find jobs that pay well.").claims == []


def test_speaker_the_parser_took_for_an_apposition() -> None:
    text = "Asked about his criticisms of Trump, Rubio said that he still had concerns."
    said = _by_cue(text, "said")
    assert _speaker(said) == "Rubio"
    assert said.content.text == "that he still had concerns"
    # The question ends before the speaker, and its particle stays in the cue.
    asked = _by_cue(text, "Asked about")
    assert asked.speaker is None
    assert asked.content.text == "his criticisms of Trump"


def test_aspectual_verb_alone_reports_only_as_speech() -> None:
    assert extract("The delegate lead for Hillary Clinton continues to grow.").claims == []
    claim = _by_cue("“We will not back down,” he continued.", "continued")
    assert claim.content.text == "We will not back down"


def test_according_to_sources_a_whole_coordination() -> None:
    text = ("Trump received 37 percent, Clinton had 36 percent and Bloomberg snagged "
            "13 percent, according to the results.")
    claim = _by_cue(text, "according to")
    assert _speaker(claim) == "the results"
    assert claim.content.text == ("Trump received 37 percent, Clinton had 36 percent "
                                  "and Bloomberg snagged 13 percent")


def test_leading_according_to_ends_at_its_comma() -> None:
    # The parser runs "the move reeks" into the source as an apposition.
    sentence = ("According to conservative talk radio host Rush Limbaugh, the move reeks "
                "of “fear” and desperation.")
    # Mid-paragraph, and with the paragraph break the sentence ends on.
    for text in (sentence,
                 "Clinton asked Holt to fact check Trump. " + sentence + "\n\nMook said so."):
        claim = _by_cue(text, "According to")
        assert _speaker(claim) == "conservative talk radio host Rush Limbaugh"
        assert claim.content.text == "the move reeks of “fear” and desperation"


def test_leading_according_to_ends_before_the_clause_the_parser_ran_into_it() -> None:
    # The parser takes "majorities" for an apposition to "results".
    text = ("According to early results of the exit polls conducted for the Associated "
            "Press, majorities of Democratic voters in Alabama and Georgia want a "
            "continuation of Obama’s policies.")
    claim = _by_cue(text, "According to")
    assert _speaker(claim) == ("early results of the exit polls conducted for the "
                               "Associated Press")
    assert claim.content.text.startswith("majorities of Democratic voters")
    # An apposition to a named source is part of it.
    text = ("According to Lorella Praeli, Clinton's Latino vote director, the campaign "
            "has consistently targeted Latino voters through digital ads.")
    claim = _by_cue(text, "According to")
    assert _speaker(claim) == "Lorella Praeli, Clinton's Latino vote director"
    assert claim.content.text.startswith("the campaign has consistently targeted")


def test_according_to_a_source_parsed_as_a_verb() -> None:
    text = ("As a reality TV boss, Donald Trump repeatedly demeaned women with sexist "
            "language, according to show insiders.")
    claim = _by_cue(text, "according to")
    assert _speaker(claim) == "show insiders"
    assert claim.content.text.endswith("demeaned women with sexist language")


def test_according_to_sources_the_main_clause_over_a_verb_inside_it() -> None:
    # The parser hangs the phrase on "go", inside the complement of "see".
    text = ("The top 1 percent would see their after-tax incomes go up by as much as "
            "19.9 percent, according to the conservative-leaning Tax Foundation.")
    [claim] = extract(text).claims
    assert claim.cue.text == "according to"
    assert claim.content.text.startswith("The top 1 percent would see")


def test_quotation_that_starts_mid_sentence_takes_the_sentence() -> None:
    text = "The people of Scranton “deserve someone who is with them,” Biden said."
    claim = _by_cue(text, "said")
    assert claim.content.text.startswith("The people of Scranton “deserve someone")
    assert claim.direct
    # Not when the words before it introduce the quotation, or name a title.
    assert _by_cue("Biden said, “We will win.”", "said").content.text == "We will win."
    assert _by_cue("“We will win,” Biden said.", "said").content.text == "We will win"


def test_quotation_after_a_possessive_is_a_title() -> None:
    text = ("Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa "
            "said Clinton’s honesty is in question.")
    claim = _by_cue(text, "said")
    assert claim.content.text == "Clinton’s honesty is in question"
    assert not claim.direct


def test_short_answer_is_the_whole_content() -> None:
    text = ("Asked whether Clinton “has the integrity to serve effectively as president,” "
            "75 percent of Democrats said yes, but 55 percent of all voters said no.")
    claims = extract(text).claims
    said = [(_speaker(c), c.content.text) for c in claims if c.cue.text == "said"]
    assert said == [("75 percent of Democrats", "yes"), ("55 percent of all voters", "no")]
    asked = _by_cue(text, "Asked")
    assert asked.content.text.startswith("whether Clinton “has the integrity")


def test_relative_word_before_the_speaker_is_content() -> None:
    text = ("He criticized Clinton’s email use, which an FBI investigation said was "
            "“extremely careless.”")
    claim = _by_cue(text, "said")
    assert [text[s:e] for s, e in claim.content.fragments] == [
        "which", "was “extremely careless.”"]
    # A relative pronoun that is the subject is the speaker, not content.
    who = _by_cue("Smith, who said the plan would fail, left early.", "said")
    assert _speaker(who) == "who"
    assert who.content.text == "the plan would fail"


def test_contrast_set_off_by_a_comma_ends_the_content() -> None:
    text = ("About half say they want a president with business experience, while "
            "about 4 in 10 want one with political experience.")
    claim = _by_cue(text, "say")
    assert claim.content.text == "they want a president with business experience"


def test_clause_the_parser_took_for_an_adjunct_after_a_time_phrase() -> None:
    # "accept" is parsed as an adverbial clause because of "after the convention".
    text = ("Trump said after the convention he would not accept Cruz's endorsement "
            "if it were offered.")
    claim = _by_cue(text, "said")
    assert _speaker(claim) == "Trump"
    assert claim.content.text == "he would not accept Cruz's endorsement if it were offered"
    # A clause with a conjunction is an adjunct, not what was said.
    claims = extract("He said it twice because he was angry.").claims
    assert claims and all("angry" not in c.content.text for c in claims)


def test_name_the_parser_ran_into_the_phrase_before_the_cue() -> None:
    # "Trump" is parsed as part of "the Washington Post Trump", an object of "of".
    text = ("In a March 2016 meeting with the editorial board of the Washington Post "
            "Trump said that U.S. involvement in NATO may need to be diminished.")
    claim = _by_cue(text, "said")
    assert claim.speaker is not None and claim.speaker.text.endswith("Trump")
    assert claim.content.text.startswith("that U.S. involvement in NATO")


def test_title_after_the_cue_taken_for_its_subject() -> None:
    text = ("“There's a severe disconnect between this White House and our military,” "
            "Flynn, a top Trump surrogate, said Thursday on Fox News’s “Fox and Friends.”")
    claim = _by_cue(text, "said Thursday")
    assert _speaker(claim) == "Flynn, a top Trump surrogate"
    assert claim.content.text.startswith("There's a severe disconnect")


def test_participle_in_a_preposition_speaks_for_a_passive_host() -> None:
    text = ("After saying her right foot was “so swollen I could barely get my shoe on,” "
            "she was “whisked off to Bethesda Naval Hospital” for tests.")
    claim = _by_cue(text, "saying")
    assert _speaker(claim) == "she"
    assert claim.content.text.startswith("her right foot was")


def test_relative_clause_the_parser_took_for_the_cues_complement() -> None:
    text = ("Clinton cited disparaging remarks Trump had made about Machado as examples "
            "of his disrespect for women.")
    claim = _by_cue(text, "cited")
    assert claim.content.text.startswith("disparaging remarks Trump had made")
    # An addressee before the clause is not part of it.
    told = _by_cue("She told reporters the plan was dead.", "told")
    assert told.content.text == "the plan was dead"
    # The same after a particle's object (from the seed article): the participle
    # describes the alliance.
    text = ("It points to an emerging military alliance between Russia and Assad’s "
            "other main allies – Iran and Hezbollah – focused on recapturing areas of "
            "northwestern Syria that were seized by insurgents in rapid advances earlier "
            "this year.")
    claim = _by_cue(text, "points to")
    assert claim.content.text.startswith("an emerging military alliance")
    assert claim.content.text.endswith("rapid advances earlier this year")


def test_quotation_inside_a_leading_participle_clause_is_not_the_cues() -> None:
    text = 'Bemoaning the "phony system," Trump accused Holt of being a Democrat.'
    claim = _by_cue(text, "accused")
    assert _speaker(claim) == "Trump"
    assert claim.content.text == "Holt of being a Democrat"


def test_free_relative_is_the_content_of_a_cue_after_it() -> None:
    # The parser gives "said" the words before "what" as its clause.
    text = ("Several former journalists have complained about it. That was what "
            "Liz Wahl said when she resigned from the network.")
    claim = _by_cue(text, "said")
    assert _speaker(claim) == "Liz Wahl"
    assert claim.content.text == "what"


def test_words_before_a_closing_reporting_clause() -> None:
    # The parser makes "People like Scott" a second subject of "said".
    claim = _by_cue("Officials were there. People like Scott, he said.", "said")
    assert (_speaker(claim), claim.content.text) == ("he", "People like Scott")
    # ... and "were well-paid" a verb coordinated with "explained".
    text = "These employees, Stumpf explained at the hearing, were well-paid."
    claim = _by_cue(text, "explained")
    assert _speaker(claim) == "Stumpf"
    assert [text[s:e] for s, e in claim.content.fragments] == ["These employees",
                                                               "were well-paid"]
    text = ("Hawaii, as one of the president's advisers pointed out, normally does not "
            "get back-to-back hurricanes.")
    claim = _by_cue(text, "pointed out")
    assert [text[s:e] for s, e in claim.content.fragments] == [
        "Hawaii", "normally does not get back-to-back hurricanes"]
    # A time phrase before the comma is the reporting clause's own.
    claims = extract("This week, he has rolled out a plan. Last week, the senator said.").claims
    assert not any(c.content.text in {"This week", "Last week"} for c in claims)


def test_leading_participle_the_parser_made_a_subject() -> None:
    text = ("Claiming the criticism of Lauer is designed to pressure debate moderators, "
            "Trump told Fox that they hit Matt.")
    claim = _by_cue(text, "Claiming")
    assert _speaker(claim) == "Trump"
    assert claim.content.text == ("the criticism of Lauer is designed to pressure "
                                  "debate moderators")


def test_that_clause_the_parser_took_for_an_adjunct() -> None:
    text = ("Trump tweeted in the early morning hours that Machado was “disgusting” "
            "and “a con.”")
    claim = _by_cue(text, "tweeted")
    assert _speaker(claim) == "Trump"
    assert claim.content.text.startswith("that Machado was “disgusting”")


def test_speaker_word_the_parser_hung_on_the_quotation() -> None:
    text = "“We will achieve justice,” Tulsa police Chief Chuck Jordan said Monday."
    claim = _by_cue(text, "said Monday")
    assert _speaker(claim) == "Tulsa police Chief Chuck Jordan"
    assert claim.content.text == "We will achieve justice"
    # Not a conjunction that opens the sentence after a quotation.
    text = "“It has got an eraser.” And he added that he would use it."
    assert _speaker(_by_cue(text, "added")) == "he"


def test_participle_after_a_coordinated_preposition() -> None:
    text = ("His advice earned him the attention of Congress, where he appeared at a 2014 "
            "Senate hearing for his role in promoting weight-loss aids on his show and for "
            "saying that green coffee extract was a “magic weight loss cure.”")
    claim = _by_cue(text, "saying")
    assert _speaker(claim) == "he"
    assert claim.content.text.startswith("that green coffee extract was")


def test_reporting_line_ended_by_a_colon_introduces_the_next_paragraph() -> None:
    text = ("The host was angry about the request. Limbaugh added:\n\nFrom a supposed "
            "front-runner, this reeks of fear. She can't beat this guy.\n\nThe debate is "
            "on Monday.")
    claim = _by_cue(text, "added")
    assert _speaker(claim) == "Limbaugh"
    assert claim.content.text == ("From a supposed front-runner, this reeks of fear. "
                                  "She can't beat this guy")


def test_cue_the_parser_made_a_reduced_relative_of_its_subject() -> None:
    text = "A Quinnipiac University poll found last week that Clinton would beat Trump."
    claim = _by_cue(text, "found")
    assert _speaker(claim) == "A Quinnipiac University poll"
    assert claim.content.text == "that Clinton would beat Trump"
    # A noun phrase with a participle and no clause reports nothing.
    assert extract("A plan announced earlier this year.").claims == []


def test_cue_the_parser_made_a_reduced_relative_inside_the_subject() -> None:
    # "called" is parsed as a participle on "letter", and "One" as the root.
    text = "One of the docs who sent the letter called Oz a quack, fake and charlatan."
    claim = _by_cue(text, "called")
    assert _speaker(claim) == "One of the docs who sent the letter"
    assert claim.content.text == "Oz a quack, fake and charlatan"
    # The root's own participle with a name is a name, not a report.
    assert extract("A man called Ove.").claims == []


def test_cue_the_parser_put_inside_the_subject_it_reports() -> None:
    text = ("Multiple outlets reported on Wednesday the Secret Service had “more than "
            "one conversation” with his staff.")
    claim = _by_cue(text, "reported")
    assert _speaker(claim) == "Multiple outlets"
    assert claim.content.text.startswith("the Secret Service had")
    claim = _by_cue("He implied immigrants were the ones tearing families apart.", "implied")
    assert (_speaker(claim), claim.content.text) == (
        "He", "immigrants were the ones tearing families apart")
    assert extract("The red car was parked outside.").claims == []


def test_conjunct_the_parser_hung_on_the_cue_is_content() -> None:
    # "stop" and "remove" are parsed as conjuncts of "advocates", not of "end".
    claim = _by_cue("Warren advocates a litany of rules to end the deferral of foreign "
                    "income, stop tax inversions and remove loopholes.", "advocates")
    assert claim.content.text.endswith("stop tax inversions and remove loopholes")
    claim = _by_cue("She spoke for an hour, emphasizing economic fairness, and a need to "
                    "raise the minimum wage.", "emphasizing")
    assert claim.content.text == "economic fairness, and a need to raise the minimum wage"
    # A conjunct with a subject and an auxiliary of its own is a clause of its own.
    claim = _by_cue("Cadillac declined to renew its sponsorship of the event and the PGA "
                    "could not find a new sponsor.", "declined")
    assert claim.content.text.startswith("to renew its sponsorship")
    assert "find" not in claim.content.text


def test_verb_under_another_verb_reports_its_own_object_not_the_host() -> None:
    # "see" is the complement of "mean": the words around it are not its report.
    claim = _by_cue("That doesn't mean we won't see some sort of relief rally on "
                    "Wednesday.", "won't see")
    assert claim.content.text == "some sort of relief rally"
    # Nor are the words around a participle under another verb.
    claims = extract("The ad features Hispanics telling their family stories and "
                     "criticizing Donald Trump’s immigration proposals.").claims
    assert not [c for c in claims if "features" in c.content.text]
    # A closing reporting clause still reports the sentence before its comma.
    claim = _by_cue("The economy is strong, he would say.", "would say")
    assert claim.content.text == "The economy is strong"


def test_conjunction_whose_conjunct_the_parser_hung_elsewhere_ends_no_content() -> None:
    # The parser makes the second "said" a conjunct of the first and leaves the
    # ", and" between them inside the first one's complement.
    text = ("About half of Democrats said Clinton is honest and trustworthy, and "
            "three-quarters said the same of Sanders.")
    first = extract(text).claims[0]
    assert first.content.text == "Clinton is honest and trustworthy"


def test_extraposed_it_is_no_speaker() -> None:
    # "it" stands for the infinitive after it: the writer weighs the words, and
    # the claim (annotated as such in PolNeAR) has no speaker.
    for text in ("With 8 million followers, it's safe to say this celebrity has influence.",
                 "It is fair to say that he lost the vote."):
        [claim] = extract(text).claims
        assert claim.speaker is None and claim.speaker_type == "unknown", text
    # A body's "it" before a reporting infinitive still speaks.
    claim = _by_cue("The firm was quick to deny it. It was quick to say the figures "
                    "were wrong.", "to say")
    assert _speaker(claim) == "It"
