"""Attributed statements: a cue, its speaker and its content, found from the
dependency parse and the quotation marks.

Cues are reporting and attitude verbs from a lexicon learned from annotated
news (``cues``), "according to" and "in a poll", and the constructions handled
in their own modules: passive and raising cues (``passive_claims``), reporting
nouns (``noun_claims``), stance adjectives ("was critical of", from the same
learned lexicon: ``adjective_claims``), "Name: statement" lines (``colon_claims``) and
quotations signed with a dash (``signed_quotes``). The
content comes from quotations next to the reporting clause or from the parse
(``claim_content``). The speaker is the cue's subject with its whole phrase
("Tom Brown, a police spokesman, who ..."); or the object of "according to".

Claims are not taken from headings or from cues inside quotations (nested
speech), nor from a cue inside another claim's content ("X said Y wants Z" is
one claim, by X). When two cues attribute the same content ('X said: "Q," the
official said'), the first is kept, unless both come before it: then the nearer
one reports it. A quotation that carries on after the reporting sentence with no
cue of its own ('"Q1," she said. "Q2."', '"Q1," said X, a member of Y. "Q2."')
belongs to the same claim. Speakers are resolved
afterwards in ``speakers``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from worker.extraction.adjective_claims import adjective_claim
from worker.extraction.claim_content import (
    SETTING_PREPS,
    SUBJECT_DEPS,
    apposed_speaker,
    comma_before,
    content_tokens,
    quote_content,
    token_fragments,
)
from worker.extraction.claim_model import RawClaim
from worker.extraction.clause_repairs import (
    cue_in_subject,
    fronted_content,
    introduced_paragraph,
    leading_participle,
)
from worker.extraction.colon_claims import colon_claims
from worker.extraction.cues import (
    DAYS,
    TIME_ENTITIES,
    Lexicon,
    complement_kind,
    cue_extent,
    get_lexicon,
)
from worker.extraction.light_verbs import LIGHT_VERBS, light_verb_claim
from worker.extraction.noun_claims import NOUN_CUES, learned_noun_claim, noun_raw_claim
from worker.extraction.passive_claims import RAISING_CUES, charge_end, passive_claim
from worker.extraction.quotes import Quote
from worker.extraction.sentences import Line
from worker.extraction.signed_quotes import signed_quotes
from worker.extraction.speakers import RELATIVE_PRONOUNS
from worker.extraction.text import word_set

# What "in a ..." can cite as the source of a finding or a view.
_FINDING_NOUNS = frozenset({"poll", "survey", "study", "mind", "view", "estimate"})
# What someone gives or issues, and which speaks for them: "issued a statement
# saying ...".
_ISSUED = word_set("""statement speech remark release notice article interview address
    briefing rally op-ed column essay editorial""")
_CONTINUATION_GAP = re.compile(r"^[\s.]*$")
# The rest of the reporting sentence: '"Q1," said X, a member of Y. "Q2."'
_SENTENCE_REST = re.compile(r"^[^\"“”\n]{0,200}[.!?]\s*$")
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})
# Adjectives that take an extraposed infinitive: "it is fair to say".
_EXTRAPOSING = word_set("""fair safe hard easy difficult impossible possible important
    necessary tempting reasonable accurate interesting striking notable fascinating
    clear worth wrong right tough""")
# Verbs that frame a reporting verb rather than report ("continues to insist").
_ASPECTUAL = word_set("continue go attempt try seek begin start keep proceed")
# Those of them that report nothing with any other infinitive ("seek to" can).
_FRAMES = _ASPECTUAL - {"seek"}
# What a reporting verb can take as its whole content: "said yes".
_ANSWERS = word_set("yes no so")
_ANSWER_VERBS = word_set("respond reply return answer")
_REQUESTS = word_set("request call message email e-mail inquiry query")
_DATELINE_DASHES = frozenset({"—", "–", "-", "--", "―"})
_MONTHS = word_set("""january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec""")


def _in_any(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _char_mask(length: int, ranges: list[tuple[int, int]]) -> bytearray:
    """Which characters fall inside any of ``ranges``: one lookup per token
    instead of a scan of every range, which long quoted articles make slow."""
    mask = bytearray(length)
    for start, end in ranges:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _subject(cue: Token) -> Token | None:
    # Of two subjects the parser hangs on the cue ('"My apologies," Quick
    # said'), the one next to it is the speaker; the other opens the quotation.
    subjects = sorted((c for c in cue.children if c.dep_ == "nsubj"),
                      key=lambda c: abs(c.i - cue.i))
    if subjects:
        child = subjects[0]
        if child.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
            # "Smith, who said ...": the relative pronoun is the speaker's mention;
            # ``speakers`` resolves it to Smith.
            return child
        if child.lower_ == "there" or _idiom(child, cue):
            return None
        return child
    head = cue.head
    if cue.dep_ in {"conj", "xcomp"} and head.pos_ in {"VERB", "AUX"}:
        return _subject(head)
    if cue.dep_ == "xcomp" and head.dep_ == "acomp" and head.head.pos_ in {"VERB", "AUX"}:
        # "Voters are more likely to say ...", "he was quick to deny ...".
        return _subject(head.head)
    if cue.dep_ == "advcl" and cue.tag_ == "VB" and head.pos_ in {"VERB", "AUX"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in cue.lefts):
        # "rushed to TV to say ...": a purpose clause speaks for its host's subject.
        return _subject(head)
    if cue.tag_ in {"VBD", "VBZ", "VBP"}:
        return _misattached_subject(cue) or _stray_subject(cue)
    if cue.tag_ not in {"VBG", "VBN"} or head.i == cue.i:
        return None
    # A participle takes its subject from what it hangs off: the noun it
    # modifies ("graphics showing that ..."), or the clause it is an adjunct of
    # ("he defended it by citing a poll", "..., denouncing X").
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and head.pos_ in {"NOUN", "PROPN"}:
        return _issuer(head) or head
    root = cue.sent.root
    if (cue.dep_ == "acl" and cue.tag_ == "VBN" and root.pos_ in {"NOUN", "PROPN", "NUM"}
            and root.is_ancestor(cue) and any(
                c.dep_ == "ccomp" or (c.dep_ == "oprd" and head.i != root.i) for c in cue.rights)):
        # "A Quinnipiac poll found last week that ...", "One of the docs who
        # sent the letter called Oz a quack": with no verb left for the
        # sentence, the parser made the cue a reduced relative of a noun.
        return root
    if cue.dep_ == "pcomp" and head.dep_ in {"prep", "conj"}:
        # "for his role in promoting X and for saying Y": the second "for" is
        # coordinated with the first preposition.
        while head.dep_ == "conj" and head.head.dep_ in {"prep", "conj"}:
            head = head.head
        if head.dep_ != "prep" and head.head.pos_ not in {"VERB", "AUX"}:
            return None
        head = head.head
    elif cue.dep_ != "advcl" or cue.tag_ != "VBG":
        return None
    # "Sanders said crowds had come, describing ...": a trailing participle the
    # parser hung inside a reported clause belongs to the reporting one.
    if cue.i > head.i and comma_before(cue):
        while head.dep_ == "ccomp" and head.head.pos_ in {"VERB", "AUX"}:
            head = head.head
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    # "After saying her foot was swollen, she was whisked off": the host's
    # surface subject, passive or not, is who spoke.
    return _subject(head) or next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def _issuer(noun: Token) -> Token | None:
    """Who gave the speech or issued the statement a participle describes ("His
    office issued a statement saying ...", "In a speech attacking X, she said"):
    the subject of the clause the noun sits in. A noun with its own possessor
    ("Trump's statement") keeps it, as does a document that speaks for itself
    ("a letter disputing ...", "a poll showing ...")."""
    if noun.lemma_.lower() not in _ISSUED or any(c.dep_ == "poss" for c in noun.children):
        return None
    host = noun.head
    while host.dep_ in {"prep", "pobj", "dobj"} and host.pos_ not in {"VERB", "AUX"}:
        host = host.head
    if host.pos_ not in {"VERB", "AUX"} or noun.dep_ not in {"dobj", "pobj"}:
        return None
    return _subject(host)


def _misattached_subject(cue: Token) -> Token | None:
    """A finite cue whose subject the parser hung on a clause before it
    ("Durbin, noting the size of ..., said"; "Kasich offered him a job, then
    says ..."; "Voters going to the polls said ..." with "going" taken for the
    clausal subject): that clause's subject, when it opens the clause."""
    for child in cue.lefts:
        if child.dep_ in {"advcl", "ccomp", "csubj"} and child.pos_ == "VERB":
            subjects = [c for c in child.lefts if c.dep_ == "nsubj"]
            if subjects and subjects[0].left_edge.i == child.sent.start + _opening(child):
                return subjects[0]
    return None


def _stray_subject(cue: Token) -> Token | None:
    """A name right before a finite cue with no subject ("In a statement, her
    adviser, Jake Sullivan, said: ..."; "Asked about X, Rubio said"), or right
    after it ('"...," said Robin Maynard, half joking'): the parser hung it
    elsewhere, but nothing else can be the speaker of that cue."""
    apposed = apposed_speaker(cue)
    if apposed is not None:
        return apposed
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].text == ",":
        i -= 1
    if (i == cue.i - 1 and i >= 0 and cue.dep_ == "ROOT" and doc[i].pos_ == "PROPN"
            and doc[i].dep_ in {"pobj", "dobj", "compound"} and doc[i].right_edge.i == i
            and doc[i].ent_type_ not in TIME_ENTITIES):
        # "In a meeting with the editorial board of the Post Trump said that ...":
        # the parser ran the name into the phrase before it.
        return doc[i]
    before = doc[i] if i >= 0 and i < cue.i - 1 else None
    if before is not None and before.pos_ in {"PROPN", "NOUN"} and before.dep_ != "nsubj" \
            and before.right_edge.i == before.i:
        # From the last word up to the name: "Warren, a spokesman in Baghdad, said".
        name = before
        while (name.dep_ == "pobj" and name.head.head.i < name.i
               and name.head.head.pos_ in {"NOUN", "PROPN"}):
            name = name.head.head
        if name.dep_ == "appos" and name.head.pos_ in {"NOUN", "PROPN"} \
                and name.head.i < name.i:
            name = name.head
        return name
    after = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and doc[cue.i - 1].tag_ in {"''", ","}:
        while after.head.i > after.i and after.dep_ in {"compound", "flat"}:
            after = after.head
        return after
    return None


def _opening(tok: Token) -> int:
    """Tokens before a sentence's subject that are only a conjunction ("But")."""
    sent = tok.sent
    return 1 if sent[0].dep_ in {"cc", "advmod"} and len(sent) > 1 else 0


def _idiom(subject: Token, cue: Token) -> bool:
    """"That said, ...", "Having said that": a concession, not a report."""
    doc = cue.doc
    return (subject.lower_ in {"that", "this"} and cue.lemma_ == "say"
            and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ",")


def _speaker_span(subject: Token, cue: Token, lexicon: Lexicon) -> tuple[int, int]:
    """The subject's whole phrase, relative clauses included ("Mr. Brown, who
    runs the campaign,"): they identify the speaker, and attribution corpora
    mark them as part of the source. Not a relative clause that reports
    something itself ("Trump, who questioned whether ...", a claim of its own),
    nor a participle describing the occasion ("Sherman, speaking of ...")."""
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if cue.dep_ == "relcl" and cue.head.i == subject.i:
        end = subject.i + 1
    for child in subject.rights:
        clause = child.dep_ in {"acl", "advcl"}
        if (child.dep_ == "relcl" and any(lexicon.is_cue(t) for t in child.subtree)) or (
                clause and child.tag_ in {"VBG", "VBN"} and comma_before(child)) or (
                clause and child.pos_ == "VERB" and child.is_ancestor(cue)):
            # The last: the participle the cue hangs on ("two businessmen
            # seeking to paint themselves as ...").
            end = min(end, child.left_edge.i)
    if start <= cue.i < end:
        # Not the cue's own adverb either ("a letter strongly disputing ...").
        end = max(start + 1, cue_extent(cue, lexicon)[0])
    # When the speaker spoke is not who spoke: "Trump on Tuesday", "the bureau's
    # director, James B. Comey, on Monday". A date that describes the speaker
    # stays ("a CNN/ORC poll in February").
    when = [t.i for t in doc[start + 1 : end] if _when_spoken(t, subject) and (
        t.right_edge.i + 1 >= end or (t.right_edge.i + 2 == end and doc[end - 1].is_punct))]
    if when:
        end = when[0]
    # "Even economists say": a focus adverb, not part of the speaker.
    if doc[start].lower_ == "even" and doc[start].dep_ == "advmod" and end - start > 1:
        start += 1
    # The parser may hang a quotation, or its closing comma and mark, on the
    # name ('“...,” Ramos, 58, told AFP'); the speaker starts after it.
    closing = [i for i in range(start, subject.i)
               if doc[i].tag_ == "''" and doc[i].dep_ != "case"]  # not "Sanders’ aides"
    if closing:
        start = closing[-1] + 1
    # A dateline the parser took into the subject ("CLEVELAND, July 19 (UPI) —
    # Former Attorney General Michael Mukasey said"): the speaker starts after it.
    if start == subject.sent.start:
        dashes = [i for i in range(start + 1, end - 1) if doc[i].text in _DATELINE_DASHES]
        if dashes and _dateline(doc[start : dashes[0]]):
            start = dashes[0] + 1
    # '“...,” Tulsa police Chief Chuck Jordan said': the parser hung the
    # speaker's first word on the quotation's verb.
    while (start > 1 and doc[start - 1].is_title and doc[start - 1].is_alpha
           and not doc[start - 1].is_stop
           and doc[start - 2].tag_ == "''" and not subject.is_ancestor(doc[start - 1])):
        start -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space) \
            and not _closes_bracket(doc[start:end]):
        end -= 1
    return start, end


def _when_spoken(tok: Token, subject: Token) -> bool:
    """"on Tuesday", "during a Sunday interview": the occasion, which the parser
    hung on the subject, or a date on its apposition ("Comey, the director, on
    Monday"); not on a clause describing it ("who served as chairman during the
    2000 election") nor on a title ("an official during the Bush administration")."""
    head = tok.head
    while head.i != subject.i and head.dep_ in {"appos", "conj"}:
        head = head.head
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    if head.i != subject.i or tok.dep_ != "prep" or not objects:
        return False
    if tok.lower_ == "during":
        return tok.head.i == subject.i
    return tok.lower_ == "on" and (objects[0].ent_type_ in TIME_ENTITIES
                                   or objects[0].lower_ in DAYS)


def _closes_bracket(span: Span) -> bool:
    """The span ends with a bracket it opened ("Sen. Ted Cruz (R-Tex.)"): the
    bracket stays, as the annotators keep it."""
    texts = [t.text for t in span]
    return texts[-1] == ")" and texts.count("(") >= texts.count(")")


def _dateline(span: Span) -> bool:
    """A place in capitals or a news agency in brackets: "CLEVELAND, July 19
    (UPI)", "New York (AFP)"."""
    words = [t for t in span if t.is_alpha]
    return any(t.text == ")" for t in span) or (
        bool(words) and len(words[0]) > 2
        and all(t.is_upper or t.lower_ in _MONTHS for t in words))


# Longest apposition after a named "according to" source.
_APPOSITION_WORDS = 8


def _according_to(doc: Doc, text: str, tok: Token) -> RawClaim | None:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    objects = [c for c in nxt.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return None
    leading = _leading_according(doc, text, tok, nxt)
    if leading is not None:
        return leading
    return _prep_claim(doc, text, tok, nxt, objects[0], main_clause=True)


def _leading_according(doc: Doc, text: str, tok: Token, to: Token) -> RawClaim | None:
    """"According to host Rush Limbaugh, the move reeks of fear": at the head of
    a sentence the phrase ends at its comma (after an apposition to a named
    source: "According to Lorella Praeli, Clinton's Latino vote director, ..."),
    even where the parser ran the clause after it into the source ("reeks" as
    an apposition, "majorities of voters" as one of "results")."""
    sent = tok.sent
    if tok.i != sent.start:
        return None
    comma = next((t for t in doc[to.i + 1 : sent.end] if t.text == ","), None)
    if comma is None or comma.i == to.i + 1 or to.right_edge.i < comma.i:
        return None
    words = [t.i for t in sent if not (t.is_punct or t.is_space)]
    if to.right_edge.i < words[-1] and _subject_outside(tok.head, to):
        # The phrase ends later, but the clause it heads has its subject: the
        # parser read the phrase right ("According to a friend, who died in
        # 2000, the first lady ...").
        return None
    comma = _after_apposition(doc, comma, sent) or comma
    frags = token_fragments(doc, list(range(comma.i + 1, sent.end)), text)
    if not frags:
        return None
    return RawClaim((tok.i, to.i + 1), (to.i + 1, comma.i), frags, direct=False)


def _subject_outside(host: Token, to: Token) -> bool:
    """``host`` has a subject that is not inside the phrase ending in ``to``."""
    return any(c.dep_ in SUBJECT_DEPS and not to.left_edge.i <= c.i <= to.right_edge.i
               for c in host.children)


def _after_apposition(doc: Doc, comma: Token, sent: Span) -> Token | None:
    """The comma closing an apposition that follows a named source before
    ``comma``: a short phrase with no verb, then another comma."""
    if doc[comma.i - 1].ent_type_ not in {"PERSON", "ORG"}:
        return None
    for t in doc[comma.i + 1 : min(comma.i + _APPOSITION_WORDS + 2, sent.end)]:
        if t.text == ",":
            return t if t.i > comma.i + 1 else None
        if t.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _in_poll(doc: Doc, text: str, tok: Token) -> RawClaim | None:
    """"In a new poll, X leads"; "in Trump's mind". Not "X is ahead in the
    (national) polls": polls in general are the race's state, not a source that
    said it; "in polls taken in Florida" names one."""
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    if (not objects or objects[0].lemma_.lower() not in _FINDING_NOUNS
            or not any(objects[0].lefts) or tok.head.pos_ not in {"VERB", "AUX"}
            or (objects[0].tag_ == "NNS" and not any(objects[0].rights))):
        return None
    return _prep_claim(doc, text, tok, tok, objects[0])


def _prep_claim(doc: Doc, text: str, tok: Token, last: Token, source: Token,
                main_clause: bool = False) -> RawClaim | None:
    """A claim whose cue is a preposition (``tok`` to ``last``) with the source
    as its object: the content is the clause the phrase modifies, without it.

    After a comma the phrase sources the whole coordination before it, not its
    last member ("A had 37 percent and B 13 percent, according to the
    results"); with ``main_clause``, also the main clause rather than a clause
    inside it that the parser hung it on ("A would see incomes go up, according
    to X")."""
    speaker = (source.left_edge.i, source.right_edge.i + 1)
    own = {t.i for t in tok.subtree} | {t.i for t in last.subtree}
    host = tok.head if tok.head.i != tok.i else tok
    climb = {"conj", "ccomp", "xcomp"} if main_clause else {"conj"}
    while host.dep_ in climb and host.i < tok.i and comma_before(tok):
        host = host.head
    body = [t.i for t in host.subtree if t.i not in own] if host is not tok else []
    if not body:
        body = [t.i for t in tok.sent if t.i not in own]
    frags = token_fragments(doc, body, text)
    if not frags:
        return None
    return RawClaim((tok.i, last.i + 1), speaker, frags, direct=False)


def _overlaps_quote(frags: list[tuple[int, int]], quotes: list[Quote]) -> bool:
    return any(s < q.end and q.start < e for s, e in frags for q in quotes)


def _passive(doc: Doc, text: str, tok: Token, cue: tuple[int, int], quotes: list[Quote]
             ) -> RawClaim | None:
    found = passive_claim(tok, cue[1])
    if found is None:
        return None
    speaker, content = found
    cue = (cue[0], charge_end(tok, cue[1]))
    # The cue's own particle ("Asked about X") is not content.
    return _claim_of(doc, text, cue, speaker, [i for i in content if not cue[0] <= i < cue[1]],
                     quotes)


def _quote_in_clause(doc: Doc, text: str, tok: Token, cue: tuple[int, int],
                     quote: tuple[int, int], lexicon: Lexicon) -> list[tuple[int, int]]:
    """A quotation after the cue that is only part of the reported clause
    ('Obama said “it gets me mad” every time he thinks about it'): the content
    is the whole clause, quotation included. Not when the quotation closes on a
    comma ('said: “Q,” the official said'): what follows is another clause."""
    parsed = token_fragments(doc, content_tokens(tok, cue[1], lexicon), text)
    if not parsed or not parsed[0][0] <= quote[0] < parsed[-1][1] or parsed[-1][1] <= quote[1] + 1:
        return [quote]
    rest = text[quote[1] : parsed[-1][1]]
    if "\n" in rest or "," in rest[:3]:
        return [quote]
    start = quote[0] - 1 if quote[0] > 0 and text[quote[0] - 1] in "“\"" else quote[0]
    return [(min(parsed[0][0], start), parsed[-1][1])]


def _aspectual_host(tok: Token, lexicon: Lexicon) -> bool:
    """A verb that only frames the reporting verb it governs: "continues to
    insist", "went on to say", "is attempting to portray"."""
    if tok.lemma_.lower() not in _ASPECTUAL:
        return False
    if tok.lemma_.lower() == "go" and not any(c.lower_ == "on" for c in tok.rights):
        return False
    return any(c.dep_ == "xcomp" and c.i > tok.i and lexicon.is_cue(c) for c in tok.children)


def _aspectual_only(tok: Token) -> bool:
    """An aspectual verb framing an act that is not a report ("support for him
    continues to grow", "Trump continues to fly to events"): no claim. Alone
    ('“...,” he continued') it still reports."""
    return tok.lemma_.lower() in _FRAMES and any(
        c.dep_ == "xcomp" and c.i > tok.i for c in tok.children)


def _short_answer(tok: Token, cue_end: int) -> int | None:
    """'75 percent said yes', 'half said so': the answer is the whole content,
    whatever quotation or question comes before it."""
    doc = tok.doc
    if cue_end >= len(doc) or doc[cue_end].lower_ not in _ANSWERS:
        return None
    word = doc[cue_end]
    return word.i if word.head.i == tok.i and word.dep_ in {"intj", "dobj", "advmod"} else None


def _relative_word(tok: Token, speaker: tuple[int, int] | None) -> int | None:
    """'which he said was a mistake', 'what he calls corruption': the relative
    word before the speaker stands for part of what was said, so it belongs to
    the content (not "Smith, who said ...", where it is the speaker)."""
    first = tok.doc[tok.left_edge.i]
    if first.tag_ not in {"WDT", "WP"} or speaker is None or first.i >= speaker[0]:
        return None
    return first.i


def _verb_claim(doc: Doc, text: str, tok: Token, quotes: list[Quote], lexicon: Lexicon,
                inside_quotes: list[tuple[int, int]]) -> RawClaim | None:
    cue = cue_extent(tok, lexicon)
    if tok.dep_ == "xcomp" and _aspectual_host(tok.head, lexicon):
        cue = (cue_extent(tok.head, lexicon)[0], cue[1])
    if tok.lemma_.lower() in RAISING_CUES:
        # "She appeared to imply X" is her claim, found from "imply"; "the plan
        # appears doomed" is the writer's impression, with no speaker.
        if any(c.dep_ == "xcomp" and lexicon.is_cue(c) for c in tok.rights):
            return None
        return _passive(doc, text, tok, cue, quotes)
    subject = _subject(tok)
    # The writer's own weighing ("it is hard to imagine X") has no speaker.
    writers = subject is not None and _extraposed(tok, subject)
    if writers:
        subject = None
    leading = leading_participle(tok) if subject is None and not writers else None
    if leading is not None:
        return _claim_of(doc, text, cue, _speaker_span(leading[0], tok, lexicon), leading[1],
                         quotes)
    if subject is not None and tok.tag_ == "VBG" and _in_any(subject.idx, inside_quotes):
        # '..., telling the crowd, “Some people get ...”': the parser hung the
        # participle on the quotation's verb; it speaks for the clause outside.
        host = tok.head
        while _in_any(host.idx, inside_quotes) and host.head.i != host.i:
            host = host.head
        if not _in_any(host.idx, inside_quotes) and host.pos_ in {"VERB", "AUX"}:
            subject = _subject(host)
    if subject is not None and _in_any(subject.idx, inside_quotes):
        # '"..., Mr. President," Representative Cohen told him': the parser took
        # the quotation's last words for the subject, with the speaker in apposition.
        subject = next((c for c in subject.rights if c.dep_ == "appos"
                        and not _in_any(c.idx, inside_quotes)), subject)
        if _in_any(subject.idx, inside_quotes) and subject.i > tok.i:
            # '“...,” Flynn, a surrogate, said on “Fox and Friends.”': a title
            # after the cue taken for its subject; the name before is the speaker.
            subject = _stray_subject(tok) or subject
    speaker = _speaker_span(subject, tok, lexicon) if subject is not None else None
    inherit = None
    if speaker is None and tok.tag_ == "VBG" and tok.dep_ in _PARTICIPLE_DEPS:
        # "..., he told X, stressing that ...": the speaker is the main clause's.
        inherit = tok.head.i
    if speaker is None and inherit is None and not writers:
        return _passive(doc, text, tok, cue, quotes)
    if speaker is not None and _in_any(doc[speaker[0]].idx, inside_quotes):
        return None
    # A participle that borrows its host's subject ('"Q," X said, citing Y') is
    # next to a quotation only if the quotation is next to the participle itself.
    borrowed = subject is not None and subject.head.i != tok.i and (
        tok.tag_ == "VBG" or tok.dep_ == "conj")
    answer = _short_answer(tok, cue[1])
    if answer is not None:
        frags = token_fragments(doc, [answer], text)
    else:
        frags = quote_content(doc, text, quotes, cue, None if borrowed else speaker, tok)
    if len(frags) == 1 and frags[0][0] > doc[cue[1] - 1].idx:
        frags = _quote_in_clause(doc, text, tok, cue, frags[0], lexicon)
    if not frags:
        frags = token_fragments(doc, content_tokens(tok, cue[1], lexicon), text)
        if not frags and speaker is not None:
            frags = token_fragments(doc, fronted_content(tok, speaker[0]), text)
        if not frags:
            frags = token_fragments(doc, introduced_paragraph(tok, cue[1]), text)
        relative = _relative_word(tok, speaker)
        if frags and relative is not None:
            # "That was what Liz Wahl said": the words before the relative are
            # the host's, not part of what was said.
            rel = token_fragments(doc, [relative], text)
            frags = rel + [f for f in frags if f[0] > rel[-1][1]]
    if speaker is not None:
        s_start, s_end = doc[speaker[0]].idx, doc[speaker[1] - 1].idx
        frags = [f for f in frags if not (f[0] <= s_start and s_end < f[1])]
    if not frags or _request_for_comment(tok):
        return None
    direct = _overlaps_quote(frags, quotes)
    if not direct and (tok.lemma_.lower(), complement_kind(tok)) in lexicon.quoted_only:
        return None
    return RawClaim(cue, speaker, frags, direct, inherit)


def _extraposed(cue: Token, subject: Token) -> bool:
    """"It is fair to say ...", "it's hard to imagine ...", "it remains to be
    seen whether ...": the "it" stands for the infinitive after it, and the
    writer is the one weighing the words, so "it" is no speaker."""
    if subject.lower_ != "it" or cue.dep_ != "xcomp":
        return False
    host = cue.head
    if host.dep_ == "acomp":
        return host.lemma_.lower() in _EXTRAPOSING
    # The parser hangs the infinitive on the copula beside the adjective.
    return host.lemma_.lower() == "remain" or any(
        c.dep_ == "acomp" and c.lemma_.lower() in _EXTRAPOSING for c in host.children)


def _request_for_comment(tok: Token) -> bool:
    """"did not respond to requests for comment", "returned a call": the
    newsroom's formula for a silence, not an attribution."""
    if tok.lemma_.lower() not in _ANSWER_VERBS:
        return False
    objects = [c for c in tok.rights if c.dep_ == "dobj"] + [
        o for c in tok.rights if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in _REQUESTS for o in objects)


def find_claims(doc: Doc, text: str, quotes: list[Quote], lines: list[Line]) -> list[RawClaim]:
    """Every claim of ``doc``, in text order of the cue. ``text`` is ``doc.text``,
    passed in because spaCy rebuilds it on every access."""
    lexicon = get_lexicon()
    headings = [(ln.start, ln.end) for ln in lines if ln.heading]
    inside_quotes = [(q.start, q.end) for q in quotes]
    skipped = _char_mask(len(text), headings + inside_quotes)
    found: list[RawClaim] = []
    for tok in doc:
        if skipped[tok.idx]:
            continue
        claim: RawClaim | None = None
        if tok.lower_ == "according":
            claim = _according_to(doc, text, tok)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            claim = _in_poll(doc, text, tok)
        elif _aspectual_host(tok, lexicon):
            continue  # "is continuing to insist ...": the claim is found from "insist"
        elif _aspectual_only(tok):
            continue  # "continues to grow": nothing is reported
        elif lexicon.reports_clause(tok) and (repair := cue_in_subject(tok)) is not None:
            claim = _claim_of(doc, text, cue_extent(tok, lexicon), *repair, quotes)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in LIGHT_VERBS and (
                light := light_verb_claim(tok, lexicon)) is not None:
            claim = _subject_claim(doc, text, tok, light, quotes, lexicon, inside_quotes)
        elif lexicon.is_cue(tok):
            claim = _verb_claim(doc, text, tok, quotes, lexicon, inside_quotes)
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            claim = _subject_claim(doc, text, tok.head, adjective_claim(tok, lexicon), quotes,
                                   lexicon, inside_quotes)
        elif tok.pos_ == "NOUN":
            if tok.lower_ in NOUN_CUES:
                claim = noun_raw_claim(tok, text)
            if claim is None:
                claim = _learned_noun_claim(tok, text, lexicon)
        if claim is not None:
            found.append(claim)
    found.extend(colon_claims(doc, text, lines))
    found.extend(signed_quotes(doc, text, quotes))
    found.sort(key=lambda c: c.cue[0])
    kept = _dedupe(doc, _outermost(doc, found))
    _continue_quotes(doc, text, kept, quotes)
    return kept


def _claim_of(doc: Doc, text: str, cue: tuple[int, int], speaker: tuple[int, int] | None,
              content: list[int], quotes: list[Quote]) -> RawClaim | None:
    """The claim of a cue, speaker and content tokens that a construction or a
    parse repair (``clause_repairs``) found; None when no content is left."""
    frags = token_fragments(doc, content, text)
    if not frags:
        return None
    return RawClaim(cue, speaker, frags, _overlaps_quote(frags, quotes))


def _subject_claim(doc: Doc, text: str, host: Token,
                   found: tuple[tuple[int, int], list[int]] | None, quotes: list[Quote],
                   lexicon: Lexicon, inside_quotes: list[tuple[int, int]]) -> RawClaim | None:
    """A claim whose cue and content a construction module found ("made the
    case that", "was critical of"), spoken by ``host``'s subject."""
    if found is None:
        return None
    cue, content = found
    subject = _subject(host)
    if subject is None or _in_any(subject.idx, inside_quotes):
        return None
    return _claim_of(doc, text, cue, _speaker_span(subject, host, lexicon), content, quotes)


def _learned_noun_claim(tok: Token, text: str, lexicon: Lexicon) -> RawClaim | None:
    """A learned noun cue with no possessive (that one is ``noun_raw_claim``'s),
    nor the medium of a reporting verb ("said in a statement that ...": the
    verb reports that clause)."""
    if any(c.dep_ == "poss" for c in tok.children) or (
            tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS
            and lexicon.is_cue(tok.head.head)):
        return None
    claim = learned_noun_claim(tok, text, lexicon.nouns)
    verb = tok.head
    if claim is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS:
        # "The company made a promise to cut prices": the light verb's subject
        # made it, and the verb is part of the cue.
        subject = _subject(verb)
        if subject is not None:
            claim.speaker = _speaker_span(subject, verb, lexicon)
            claim.cue = (cue_extent(verb, lexicon)[0], claim.cue[1])
    return claim


def _outermost(doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
    """Drop claims whose cue lies inside another claim's content. Of two claims
    inside each other's content, an "according to" is kept (it names its
    source outright, where a verb inside its clause may only be reported); else
    the first."""
    def inside(claim: RawClaim, other: RawClaim) -> bool:
        return _in_any(doc[claim.cue[0]].idx, other.fragments)

    def according(claim: RawClaim) -> bool:
        return doc[claim.cue[0]].lower_ == "according"

    def outranks(claim: RawClaim, other: RawClaim) -> bool:
        if according(claim) != according(other):
            return according(claim)
        return claim.cue[0] < other.cue[0]

    def nested(claim: RawClaim) -> bool:
        return any(
            other is not claim and inside(claim, other)
            and not (inside(other, claim) and outranks(claim, other))
            and not _means_of(doc, claim, other)
            for other in claims
        )

    def replaced(claim: RawClaim) -> bool:
        return any(other is not claim and _means_of(doc, other, claim) for other in claims)

    return [c for c in claims if not nested(c) and not replaced(c)]


def _means_of(doc: Doc, claim: RawClaim, other: RawClaim) -> bool:
    """``claim``'s cue is how ``other``'s act was done ("responded to her by
    saying X", "began by calling Y"): the saying is the attribution, and the
    act it is the means of only frames it."""
    if not _in_any(doc[claim.cue[0]].idx, other.fragments):
        return False
    verbs = [t for t in doc[claim.cue[0] : claim.cue[1]] if t.pos_ == "VERB"]
    if not verbs:
        return False
    verb = verbs[0]
    by = verb.head
    return (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and by.lower_ == "by"
            and (other.cue[0] <= by.i < other.cue[1] or other.cue[0] <= by.head.i < other.cue[1]))


def _dedupe(doc: Doc, claims: list[RawClaim]) -> list[RawClaim]:
    """One claim per content. Of two cues before the same content, the nearer
    one reports it ("The spot ends with footage of Trump saying, “Q”"); otherwise
    the first is kept."""
    kept: list[RawClaim] = []
    for claim in claims:
        s, e = claim.fragments[0][0], claim.fragments[-1][1]
        clash = None
        for k, other in enumerate(kept):
            os_, oe = other.fragments[0][0], other.fragments[-1][1]
            overlap = min(e, oe) - max(s, os_)
            if overlap > 0.5 * min(e - s, oe - os_):
                clash = k
                break
        if clash is None:
            kept.append(claim)
        elif _nearer_before(doc, claim, kept[clash]):
            kept[clash] = claim
    return kept


def _nearer_before(doc: Doc, claim: RawClaim, other: RawClaim) -> bool:
    start = min(claim.fragments[0][0], other.fragments[0][0])
    mine, theirs = doc[claim.cue[1] - 1].idx, doc[other.cue[1] - 1].idx
    return theirs < mine < start


def _extent_end(doc: Doc, claim: RawClaim) -> int:
    ends = [claim.fragments[-1][1], doc[claim.cue[1] - 1].idx + len(doc[claim.cue[1] - 1])]
    if claim.speaker is not None:
        last = doc[claim.speaker[1] - 1]
        ends.append(last.idx + len(last))
    return max(ends)


def _continue_quotes(doc: Doc, text: str, claims: list[RawClaim], quotes: list[Quote]
                     ) -> None:
    """Append to a direct claim the quotations that carry on after it."""
    taken = [f for c in claims for f in c.fragments]
    for claim in claims:
        if claim.complete:
            continue
        _finish_quote(claim, quotes)
        if not claim.direct:
            continue
        end = first = _extent_end(doc, claim)
        for q in quotes:
            if q.outer_start < end:
                continue
            gap = text[end : q.outer_start]
            rest = end == first and _SENTENCE_REST.match(gap)
            if not (_CONTINUATION_GAP.match(gap) or rest):
                break
            if any(s < q.end and q.start < e for s, e in taken):
                break
            claim.fragments.extend(q.fragments)
            end = q.outer_end


def _finish_quote(claim: RawClaim, quotes: list[Quote]) -> None:
    """A paraphrase that runs into a quotation ends where the quotation does."""
    end = claim.fragments[-1][1]
    for q in quotes:
        if q.start < end < q.end:
            rest = [(max(s, end), e) for s, e in q.fragments if e > end]
            claim.fragments[-1] = (claim.fragments[-1][0], rest[0][1])
            claim.fragments.extend(rest[1:])
            claim.direct = True
            return
