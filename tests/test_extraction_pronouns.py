"""Who "he" and "she" are, and speakers named in apposition: short texts written for
each rule, through the same ``extract`` the worker runs."""

from __future__ import annotations

from worker.extraction.canonical import canonicalise
from worker.extraction.entities import mentions
from worker.extraction.gender import person_genders
from worker.extraction.given_names import derive, given_gender, is_given_name
from worker.extraction.model import Claim
from worker.extraction.nlp import get_nlp
from worker.extraction.pipeline import extract
from worker.extraction.pronouns import Candidate, antecedent


def _claim_by(text: str, speaker: str) -> Claim:
    """The one claim whose speaker phrase is ``speaker``."""
    found = [c for c in extract(text).claims if c.speaker and c.speaker.text == speaker]
    assert len(found) == 1, [(c.speaker and c.speaker.text, c.cue.text)
                             for c in extract(text).claims]
    return found[0]


def test_pronoun_takes_the_subject_before_a_later_object() -> None:
    text = (
        "Rick Perry stepped up his attacks on Barack Obama over religion. "
        "In a statement released Tuesday, he said the administration was at war "
        "with people of faith."
    )
    assert _claim_by(text, "he").speaker_key == "person:perry"


def test_pronoun_takes_the_main_subject_of_the_previous_sentence() -> None:
    text = (
        "Donald Trump said Barack Obama had failed the country. "
        "He added that the economy was a disaster."
    )
    assert _claim_by(text, "He").speaker_key == "person:trump"


def test_pronoun_agrees_in_gender() -> None:
    text = (
        '"I feel terrible for her," Anthony Weiner said. '
        "He spoke of his wife, Huma Abedin, a longtime aide to Hillary Rodham Clinton. "
        '"I am protecting my wife," he told CNN.'
    )
    assert _claim_by(text, "he").speaker_key == "person:weiner"


def test_she_skips_a_man_named_later() -> None:
    text = (
        "Hillary Clinton was in Toledo on Tuesday, where Donald Trump had spoken a week "
        "earlier. She said the tax system was rigged."
    )
    assert _claim_by(text, "She").speaker_key == "person:clinton"


def test_honorific_gives_gender() -> None:
    text = (
        "Ms. Cordova met Mr. Kessler at the station, where Cordova handed a letter to "
        "Kessler. She said the letter was a warning."
    )
    assert _claim_by(text, "She").speaker_key == "person:cordova"


def test_topic_fronted_before_the_pronoun_is_not_the_speaker() -> None:
    text = (
        '"I am only interested in Libya if we get the oil," Donald Trump said.\n\n'
        'Of Barack Obama, he said, "I want him to do well."'
    )
    assert _claim_by(text, "he").speaker_key == "person:trump"


def test_plural_speaker_is_not_he() -> None:
    text = (
        "The Europeans derided the deal as toothless, but Barack Obama learned from it. "
        "A climate accord could not be a compact among rich economies, he said."
    )
    assert _claim_by(text, "he").speaker_key == "person:obama"


def test_speaker_named_in_apposition() -> None:
    text = (
        "President Vladimir Putin's spokesman, Dmitry Peskov, said the talks would "
        "depend on Washington. He said no date had been set."
    )
    claims = extract(text).claims
    assert [c.speaker_key for c in claims] == ["person:peskov", "person:peskov"]
    assert claims[0].speaker_type == "person"


def test_relative_pronoun_after_a_description_apposed_to_a_name() -> None:
    text = ("Senator Lindsey Graham, a Republican hawk who has blasted Trump over "
            "claims of voter fraud, called for an inquiry.")
    claim = _claim_by(text, "who")
    assert claim.speaker_key == "person:graham"
    assert claim.speaker_type == "person"


def test_who_says_an_unnamed_speaker_is_a_person() -> None:
    text = ('"It begins in the gym," the weightlifter, who wishes to remain '
            "anonymous, said.")
    claim = _claim_by(text, "the weightlifter")
    assert claim.speaker_type == "anonymous"
    assert _claim_by(text, "who").speaker_type == "anonymous"
    # "which" does not: it stands for things and bodies.
    body = _claim_by("The board, which said profits rose, hired more staff.", "which")
    assert body.speaker_type != "anonymous"


def test_they_refers_to_people_a_plural_noun_described() -> None:
    text = ("Privacy advocates have criticized the searches as unlawful. "
            "They said the rules must change.")
    claim = _claim_by(text, "They")
    assert claim.speaker_type == "anonymous"
    assert claim.speaker_antecedent is not None
    assert claim.speaker_antecedent.text == "Privacy advocates"


def test_people_described_but_not_named_are_anonymous() -> None:
    assert _claim_by("A coroner ruled that the death was an accident.",
                     "A coroner").speaker_type == "anonymous"
    # A title before a name the recogniser missed is no unnamed person.
    text = "Acting commissioner of the Metropolitan Police Craig Mackey said the officer died."
    claim = _claim_by(text, "Acting commissioner of the Metropolitan Police Craig Mackey")
    assert claim.speaker_type != "anonymous"


def test_age_description_refers_back_like_a_pronoun() -> None:
    text = ('John Smith and Maria Lopez met in 1990. "There is love here," '
            "the 59-year-old woman said.")
    claim = _claim_by(text, "the 59-year-old woman")
    assert claim.speaker_key == "person:lopez"
    text = ("Danyal Ahmad, a trainee imam, laid flowers on the bridge. "
            "The 21-year-old said his faith taught peace.")
    assert _claim_by(text, "The 21-year-old").speaker_key == "person:ahmad"


def test_premier_is_the_prime_minister() -> None:
    text = ("President Vladimir Putin met Prime Minister Dmitry Medvedev on Tuesday. "
            '"We will keep our positions," the premier said.')
    assert _claim_by(text, "the premier").speaker_key == "person:medvedev"


def test_two_people_in_apposition_are_not_one_speaker() -> None:
    text = (
        "Presidential candidates Hillary Clinton and Donald Trump said the figure "
        "was too high."
    )
    claim = _claim_by(text, "Presidential candidates Hillary Clinton and Donald Trump")
    assert claim.speaker_key is None


def _pick(text: str, pronoun_at: int) -> str:
    """The antecedent ``antecedent`` picks for the pronoun at token index
    ``pronoun_at`` among the text's PERSON entities, as their text."""
    doc = get_nlp()(text)
    candidates = [Candidate(e.root, e.text) for e in doc.ents if e.label_ == "PERSON"]
    found = antecedent(doc[pronoun_at], None, candidates)
    assert found is not None
    return found.referent


def test_object_pronoun_is_not_its_own_clause_subject() -> None:
    text = "Peter Kadzik refused. Jim Jordan pressed on, daring him to testify."
    him = next(t.i for t in get_nlp()(text) if t.text == "him")
    assert _pick(text, him) == "Peter Kadzik"


def test_object_of_a_subjectless_clause_is_not_the_pronoun() -> None:
    text = "Barack Obama spoke first. Campaigning against Mitt Romney, he said little."
    he = next(t.i for t in get_nlp()(text) if t.text == "he")
    assert _pick(text, he) == "Barack Obama"


def test_article_evidence_sets_gender() -> None:
    text = (
        "Ms. Cordova followed him. Spokeswoman Lis Smith answered. "
        "Dana Loesch and Dana Rohrabacher spoke. Mr. Weiner left."
    )
    result = extract(text)
    doc = get_nlp()(text)
    found = mentions(doc)
    canonicalise(found)
    genders = person_genders(doc, found)
    keys = {e.key for e in result.entities if e.label == "PERSON"}
    assert genders.get("person:cordova") == "f"
    assert genders.get("person:smith") == "f"
    assert genders.get("person:weiner") == "m"
    # "Dana" is borne by women and men alike: no gender from the name alone.
    assert not {k for k in keys if "loesch" in k or "rohrabacher" in k} & set(genders)


def test_given_names_table() -> None:
    assert given_gender("Hillary") == "f"
    assert given_gender("Vladimir") == "m"
    assert given_gender("Kim") is None
    table = derive({"ann": [3, 900, 0.99], "bo": [3, 900, 0.5], "al": [3, 10, 0.0],
                    "bob": [3, 900, 0.01], "cy": [3, 300, 0.0]})
    # Rare names are no given names; common ones are, with a gender only if
    # borne often enough and by one gender.
    assert table == {"ann": "f", "bob": "m", "bo": None, "cy": None}
    assert is_given_name("Dara") and is_given_name("Kim")
    assert not is_given_name("Trump")


def test_it_takes_the_body_that_spoke_just_before() -> None:
    text = (
        "The Russian Defence Ministry said its jets had hit 12 targets overnight. "
        "It added that more strikes would follow."
    )
    assert _claim_by(text, "It").speaker_key == "org:russian-defence-ministry"


def test_it_does_not_reach_back_to_a_body_many_sentences_before() -> None:
    text = (
        "The Russian Defence Ministry said its jets had hit 12 targets overnight. "
        "Residents of Rastan described a night of heavy bombing. "
        "The town had been shelled before. Many families fled to the fields. "
        "Two Lebanese sources said Iranian troops had arrived in the country. "
        "The operation would be aimed at recapturing lost territory. "
        "It points to an emerging military alliance between Russia and Iran."
    )
    claim = _claim_by(text, "It")
    assert claim.speaker_key is None
    assert claim.speaker_type == "unknown"


def test_they_does_not_stand_for_the_writer() -> None:
    text = (
        "I said the roads were closed. The soldiers came back at night. "
        "They said that everyone would be evacuated."
    )
    claim = _claim_by(text, "They")
    assert claim.speaker_antecedent is None or claim.speaker_antecedent.text != "I"


def test_pronoun_after_a_report_is_not_a_person_the_report_names() -> None:
    text = (
        "Misael Lopez, a former legal adviser, said he had hoped for a diplomatic career. "
        "His new boss, Ambassador Jonathan Velasco, gave him a special envelope, he said."
    )
    assert _claim_by(text, "he").speaker_key == "person:lopez"


def test_pronoun_after_a_report_is_its_subject_when_nobody_else_can_be() -> None:
    text = (
        "Foreign Minister Delcy Rodriguez called for the meeting in Washington to be "
        "cancelled, she said."
    )
    assert _claim_by(text, "she").speaker_key == "person:rodriguez"
