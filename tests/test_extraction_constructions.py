"""Each attribution construction, entity fix, place rule and helper on short texts."""

from __future__ import annotations

import pytest

from worker.extraction.gazetteer import load
from worker.extraction.html import html_to_article
from worker.extraction.language import detect_language
from worker.extraction.model import Claim, Extraction
from worker.extraction.nlp import get_nlp
from worker.extraction.pipeline import extract
from worker.extraction.quotes import find_quotes
from worker.extraction.sentences import lines


def _only_claim(text: str) -> tuple[Extraction, Claim]:
    result = extract(text)
    assert len(result.claims) == 1, [c.content.text for c in result.claims]
    claim = result.claims[0]
    assert text[claim.content.start : claim.content.end] == claim.content.text
    return result, claim


def _fragments(text: str, claim: Claim) -> list[str]:
    return [text[s:e] for s, e in claim.content.fragments]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "direct"),
    [
        ('"We will not back down," Smith said.', "Smith", "said",
         ["We will not back down"], True),
        ('John Smith said: "We will not back down."', "John Smith", "said",
         ["We will not back down."], True),
        ("The company said that profits fell sharply in the third quarter.", "The company",
         "said", ["that profits fell sharply in the third quarter"], False),
        ("The company said profits fell sharply.", "The company", "said",
         ["profits fell sharply"], False),
        ("Profits fell sharply in the third quarter, the company said.", "the company", "said",
         ["Profits fell sharply in the third quarter"], False),
        ('"We will rebuild," Mayor Jane Doe said, "and we will do it quickly."',
         "Mayor Jane Doe", "said", ["We will rebuild", "and we will do it quickly."], True),
        ('"The bridge is closed," said Tom Brown, a police spokesman.',
         "Tom Brown, a police spokesman", "said",
         ["The bridge is closed"], True),
        ("According to the United Nations, more than 3,000 people have fled the city.",
         "the United Nations", "According to",
         ["more than 3,000 people have fled the city"], False),
        ("Prime Minister Ahmed Khan told reporters that the talks had failed.",
         "Prime Minister Ahmed Khan", "told", ["that the talks had failed"], False),
        ('Khan described the proposal as "a non-starter."', "Khan", "described",
         ['the proposal as "a non-starter."'], True),
        ('The senator termed the deal as "a betrayal of voters."', "The senator", "termed",
         ['the deal as "a betrayal of voters."'], True),
        ("The army reported killing 30 militants near the border.", "The army", "reported",
         ["killing 30 militants near the border"], False),
        ("The first results, Khan said, showed a clear lead for the opposition.", "Khan",
         "said", ["The first results", "showed a clear lead for the opposition"], False),
    ],
)
def test_construction(
    text: str, speaker: str, cue: str, content: list[str], direct: bool
) -> None:
    _, claim = _only_claim(text)
    assert claim.speaker is not None and claim.speaker.text == speaker
    assert claim.cue.text == cue
    assert _fragments(text, claim) == content
    assert claim.direct is direct


def test_quote_continuing_into_next_paragraph() -> None:
    text = (
        "Maria Lopez spoke first.\n\n"
        '"This is the first paragraph of the quote.\n\n'
        '"And this continues in a second paragraph," Lopez said.'
    )
    _, claim = _only_claim(text)
    assert _fragments(text, claim) == [
        "This is the first paragraph of the quote.",
        "And this continues in a second paragraph",
    ]
    assert claim.speaker_name == "Maria Lopez"


def test_pronoun_resolves_to_a_named_person() -> None:
    text = (
        "Angela Merkel met Emmanuel Macron in Paris. "
        "He said the summit would decide the matter."
    )
    _, claim = _only_claim(text)
    assert claim.speaker_name == "Emmanuel Macron"
    assert claim.speaker_key == "person:macron"
    assert claim.speaker_antecedent is not None
    assert claim.speaker_antecedent.text == "Emmanuel Macron"


def test_pronoun_prefers_a_later_anonymous_speaker() -> None:
    text = (
        "Angela Merkel arrived on Monday. "
        '"The roads are blocked," a local resident said. '
        '"We cannot leave," she said.'
    )
    result = extract(text)
    assert [c.speaker_type for c in result.claims] == ["anonymous", "anonymous"]
    antecedent = result.claims[1].speaker_antecedent
    assert antecedent is not None and antecedent.text == "a local resident"


def test_definite_description_refers_back() -> None:
    text = (
        "A senior official said the plan was dead. "
        "The official added that talks would resume next week."
    )
    result = extract(text)
    assert len(result.claims) == 2
    second = result.claims[1]
    assert second.speaker_type == "anonymous"
    assert second.speaker_antecedent is not None
    assert second.speaker_antecedent.text == "A senior official"


def test_title_refers_back_to_the_person_it_titles() -> None:
    text = (
        "Russian President Vladimir Putin met Japanese Foreign Minister Fumio Kishida "
        "in Moscow on Monday. Sergei Lavrov, the foreign minister, joined them later. "
        '"The talks were useful," the president said. '
        "The Japanese foreign minister said a treaty was still far off."
    )
    result = extract(text)
    speakers = {c.speaker.text: c.speaker_key for c in result.claims if c.speaker}
    assert speakers["the president"] == "person:putin"
    # The modifiers pick the title: "Japanese foreign" is Kishida's, not Lavrov's,
    # though Lavrov was named as a foreign minister more recently.
    assert speakers["The Japanese foreign minister"] == "person:kishida"
    # A capitalised title is a title too.
    _, claim = _only_claim("Russian Prime Minister Dmitry Medvedev spoke in Moscow on "
                           "Monday. Industry will grow, the Prime Minister said.")
    assert claim.speaker_key == "person:medvedev"


def test_named_possessor_picks_the_title_holder() -> None:
    text = (
        "President Donald Trump spoke on Monday, and Ukrainian President Petro "
        "Poroshenko met him on Tuesday. Ukraine's president called the talks useful."
    )
    _, claim = _only_claim(text)
    assert claim.speaker_key == "person:poroshenko"
    # Without a Ukrainian president named, it is nobody named.
    _, claim = _only_claim(
        "President Donald Trump spoke on Monday. Ukraine's president called it a mistake."
    )
    assert claim.speaker_key is None


def test_title_of_another_office_does_not_refer_back() -> None:
    text = (
        "Japanese Foreign Minister Fumio Kishida met his Russian counterpart on Monday. "
        "The Russian defense minister said in February that the troops would stay. "
        "Activists Linda Sarsour and Tarek El-Messidi raised money for the repairs. "
        "The activists said they aimed to help."
    )
    result = extract(text)
    keys = {c.speaker.text: c.speaker_key for c in result.claims if c.speaker}
    assert keys["The Russian defense minister"] is None
    # A plural description is not one titled person.
    assert keys["The activists"] is None


def test_document_speaks_for_its_issuer() -> None:
    texts = {
        "A statement from the White House said the president would sign the bill.":
            ("org:white-house", "government"),
        "Hawaii's lawsuit says the order harms the state's universities.":
            (None, "government"),
        "A report released by the Lithuanian Publishers Association said sales fell.":
            ("org:lithuanian-publishers-association", "organisation"),
        "The plan is a disaster, according to a statement from Greenpeace director "
        "Annie Leonard.": ("person:leonard", "person"),
    }
    for text, (key, kind) in texts.items():
        _, claim = _only_claim(text)
        assert claim.speaker_type == kind, text
        if key is not None:
            assert claim.speaker_key == key, text
        else:
            assert claim.speaker_key is not None and claim.speaker_key.startswith("geo:")
    # Whoever only obtained a document did not issue it.
    _, claim = _only_claim("A report obtained by CNN said the talks had failed.")
    assert claim.speaker_key is None


def test_named_organisation_then_description() -> None:
    text = (
        "The French Foreign Ministry said the embassy would reopen. "
        "The embassy staff are safe, the ministry added."
    )
    result = extract(text)
    assert len(result.claims) == 2
    assert {c.speaker_type for c in result.claims} == {"government"}
    assert result.claims[0].speaker_key == result.claims[1].speaker_key


def test_no_claims_from_headings() -> None:
    text = "Minister says the economy is growing\n\nThe economy grew by 2 percent last year."
    result = extract(text)
    assert result.claims == []
    assert result.sentences == 2


def test_paragraph_whose_closing_quote_is_mistyped_is_not_a_heading() -> None:
    text = ("PolitiFact claimed the figure was exaggerated and concluded his comments "
            "were “Mostly False.“\n\nThe rate is a widely used term.")
    assert [line.heading for line in lines(text)] == [False, False]
    assert [c.cue.text for c in extract(text).claims] == ["claimed", "concluded"]


def test_paragraph_cut_by_a_line_break_is_not_a_heading() -> None:
    # A long line holding finished sentences, whose last one the break cut off.
    text = ("Bill Clinton set his wife's expectations almost impossibly high. He suggested "
            "that a loss in either state would knock her out of the race. The campaign "
            "poured more than $15 million into those contests, determined to bring the "
            "race to a\nclose before the spring.")
    assert [line.heading for line in lines(text)] == [False, False]
    claims = {c.cue.text: c for c in extract(text).claims}
    assert claims["suggested"].speaker is not None
    assert claims["suggested"].speaker.text == "He"
    assert "knock her out of the race" in claims["suggested"].content.text


def test_digest_item_tagged_with_its_source_is_not_a_heading() -> None:
    text = ("Matthew Yglesias thinks Trump will cause long term damage to the party. [Vox]\n"
            "Lynn Vavreck finds that talk of gender hurts Trump. [NYT]")
    assert [line.heading for line in lines(text)] == [False, False]
    assert [c.cue.text for c in extract(text).claims] == ["thinks", "finds"]


def test_short_headline_of_two_sentences_stays_a_heading() -> None:
    text = "Trump Wins. Clinton Says Race Is Not Over\n\nThe count goes on."
    assert [line.heading for line in lines(text)] == [True, False]
    assert extract(text).claims == []


def test_line_break_ends_a_sentence() -> None:
    text = "Storm hits the coast\nThousands of homes lost power on Monday."
    doc = get_nlp()(text)
    starts = [sent.start_char for sent in doc.sents]
    assert text.index("Thousands") in starts
    assert all("\n" not in sent.text.strip() for sent in doc.sents)


@pytest.mark.parametrize(
    "variants",
    [
        ["IS", "ISIS", "ISIL", "Islamic State", "Daesh"],
        ["US", "U.S.", "United States"],
    ],
)
def test_alias_variants_share_a_key(variants: list[str]) -> None:
    text = " ".join(f"Officials discussed {v} on Monday." for v in variants)
    result = extract(text)
    keys = {e.key for e in result.entities if e.text in variants}
    assert {e.text for e in result.entities} >= set(variants)
    assert len(keys) == 1


def test_defence_spellings_share_a_key() -> None:
    a = extract("The Russian Defence Ministry issued a statement on Monday.")
    b = extract("The Russian Defense Ministry issued a statement on Monday.")
    assert a.entities[0].key == b.entities[0].key == "org:russian-defence-ministry"


def test_person_short_forms_resolve_to_full_name() -> None:
    text = (
        "Russian President Vladimir Putin spoke on Monday. President Putin smiled. "
        "Putin left."
    )
    keys = {e.key for e in extract(text).entities if e.label == "PERSON"}
    assert keys == {"person:putin"}


def test_hyphenated_words_are_not_places() -> None:
    text = "The US-led coalition hit non-Islamic State insurgents in west-central Iraq."
    result = extract(text)
    texts = {e.text for e in result.entities}
    assert "west-central" not in texts and "non-Islamic" not in texts
    assert "Islamic State" not in texts
    assert {loc.text for loc in result.locations} == {"US", "Iraq"}


def test_name_cut_after_of_or_the_is_joined() -> None:
    text = (
        "The Department for Exiting the European Union said on Monday that talks "
        "would start soon. Delegates of the Communist Party of China met in Beijing."
    )
    orgs = {e.text: e.key for e in extract(text).entities if e.label == "ORG"}
    assert orgs["Department for Exiting the European Union"] == (
        "org:exiting-the-european-union-department")
    assert orgs["Communist Party of China"] == "org:communist-party-of-china"
    # A person's span is not stretched over the state after "of".
    people = extract("Rep. Elijah Cummings of Maryland said the hearing was a sham.")
    assert {e.text for e in people.entities} == {"Elijah Cummings", "Maryland"}


def test_context_country_disambiguates() -> None:
    syria = extract("Fighting continued in Damascus, the Syrian capital, on Monday.")
    us = extract(
        "Damascus, Maryland, held a fair. Residents of Maryland in the United States came."
    )
    assert syria.locations[0].country_code == "SY"
    assert [loc.country_code for loc in us.locations if loc.text == "Damascus"] == ["US"]


def test_province_after_name_is_region() -> None:
    result = extract("Shelling hit Syria's Idlib province and the region of Hama.")
    kinds = {loc.text: loc.kind for loc in result.locations}
    assert kinds.get("Idlib province", kinds.get("Idlib")) == "region"
    assert kinds["Hama"] == "region"


def test_non_english_gets_language_only() -> None:
    text = "Das ist ein Test. Wir haben heute keine Zeit für die Besprechung, sagte der Minister."
    result = extract(text)
    assert result.language == "de"
    assert result.entities == [] and result.claims == [] and result.lemmas == ""
    assert result.sentences == 2


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The minister said that the talks would continue in the new year.", "en"),
        ("Le ministre a dit que les négociations vont continuer dans la nouvelle année.", "fr"),
        ("El ministro dijo que las conversaciones continuarán en el nuevo año.", "es"),
        ("12 34 56", None),
        # Dutch's list has "met", "in" and "des": one more hit than English's.
        ("Iowa Sen. Joni Ernst met the Denver-based oil company's chief in Des Moines.", "en"),
        ("De minister zei dat de gesprekken in het nieuwe jaar doorgaan.", "nl"),
    ],
)
def test_detect_language(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_quotes_straight_and_curly() -> None:
    text = 'He said "one" and “two”.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["one", "two"]


def test_opening_mark_typed_for_a_closing_one_closes_the_quote() -> None:
    text = "“Apparently not,“ he said. “A leopard doesn’t change its spots.”"
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "Apparently not", "A leopard doesn’t change its spots."]
    _, claim = _only_claim(text)
    assert claim.speaker is not None and claim.speaker.text == "he"
    assert _fragments(text, claim) == ["Apparently not", "A leopard doesn’t change its spots."]


def test_gazetteer_loads() -> None:
    gaz = load()
    assert gaz.countries["SY"].kind == "country"
    assert gaz.demonyms["syrian"] == "SY"
    assert any(p.country_code == "SY" for p in gaz.lookup("rastan"))


def test_html_to_article() -> None:
    html = (
        "<html><head><title>Storm - Example</title>"
        "<meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2015-10-01T10:00:00Z'>"
        "</head><body><article><h1>Storm hits coast</h1>"
        + "<p>Thousands of homes lost power on Monday after the storm hit the coast.</p>" * 4
        + "</article></body></html>"
    )
    article = html_to_article(html, url="https://example.com/storm")
    assert "Thousands of homes lost power" in article.text
    assert article.author == "Jane Doe"
    assert article.published_at is not None and article.published_at.year == 2015
    assert article.language == "en"
