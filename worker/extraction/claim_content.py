"""What a cue attributes: its content, as character fragments.

First rule that applies:

1. a quotation right before or after the reporting clause (only spaces, commas
   or a colon between): '"Q," X said', 'X said: "Q"', 'said X', and split quotes
   '"Q1," X said, "Q2"' (two fragments); not a quotation that ends a sentence
   or a paragraph before the clause, which is someone else's;
2. verbs that characterise ("described such reports as ..."): everything the
   verb governs to its right;
3. a clausal complement to the cue's right, with its "that" ('X said that ...',
   'X told Y that ...', 'X vowed to ...', 'X reported hitting ...'): the
   complementiser is kept because it is part of the reported clause (and of
   how attribution corpora mark content);
4. a cue inserted into or appended to the statement ('..., X said', 'The first
   wave, Carter said, appeared ...'): the governing clause without the cue's own
   clause, possibly in two fragments;
5. the cue's objects ('X endorsed Clinton', 'X called for a recount',
   'X called the plan a disaster'), except for verbs whose object is the person
   addressed ("told reporters") and prepositions of setting ("on Facebook").

Content to the cue's right runs on to the end of the cue's clause, adjuncts
included ("praised X for doing Y"), and stops before a further reporting verb
("told X that A and said B"); an infinitive keeps its subject ("asked X to ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from worker.extraction.cues import TIME_ENTITIES, Lexicon
from worker.extraction.quotes import Quote
from worker.extraction.text import word_set

# Cues whose content is a characterisation: "described X as Y".
AS_CUES = word_set("describe term characterise characterize label brand dismiss portray")
# Cues whose direct object is the addressee, not the content: "told reporters".
ADDRESSEE_CUES = word_set("tell ask remind assure inform urge warn thank")
# Complements that make a characterising cue's content.
_RIGHT_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "ccomp", "attr", "acomp", "advcl"})
# Objects that make a cue's content when it has no clause of its own.
_OBJECT_DEPS = frozenset({"dobj", "oprd", "acomp", "prep", "attr", "dative"})
# Prepositions that give a cue's setting (where, when, through what medium), not
# what it is about: "posted on Facebook", "spoke in Iowa".
SETTING_PREPS = word_set("in at on from during after before since by through into near")
# Words right of the cue that belong to the reporting clause ("told Reuters").
_CLAUSE_DEPS = frozenset({"dobj", "dative", "npadvmod", "advmod", "prep", "agent"})
# Right dependents of a cue that are not part of its content.
_STOP_DEPS = frozenset({"cc", "conj", "parataxis", "nsubj", "nsubjpass", "dep"})
# Cues whose stray clause is their content (see ``_stray_clause``).
_STRAY_CUES = word_set("say tell add write insist argue claim note")
# A non-restrictive relative clause ending the content is an aside, and so is a
# contrast set off by a comma.
_ASIDE_DEPS = frozenset({"relcl"})
# Punctuation before a conjunction: "A, and", "A — and".
_LINKING_PUNCT = frozenset({",", ";", "-", "--", "—", "–", "―"})
# Prepositions of an adjunct that says when or where the words were said, and
# those that with a medium's noun say through what ("in a speech", "on Twitter").
_OCCASION_PREPS = word_set("at during after before despite amid")
# Prepositions of a time or occasion phrase between a cue and its that-clause
# ("said for the first time that ...", "told Clinton at a debate that ...").
_ADJUNCT_PREPS = word_set("at for in on during after before following with since over")
_MEDIUM_PREPS = word_set("in on through via over")
_MEDIA = word_set("""interview speech statement op-ed column tweet post posting letter
    remark appearance debate rally conference briefing hearing podcast video ad
    broadcast show program episode medium media twitter facebook instagram radio
    television tv call email memo essay article book blog ruling decision opinion
    filing report release editorial diatribe testimony documentary""")
_TITLE_WORDS = 8
_TITLE_SMALL_WORDS = word_set("a an the of and or in on at to for with")
# Prepositions of an as-clause's cue that leave its host as the content ("as he
# pointed out in Iowa", "as he told reporters", "as she put it with a chart").
_AS_HOST_PREPS = SETTING_PREPS | word_set("with to")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Prepositions that give what an addressee was told or asked about.
_TOPIC_PREPS = word_set("about of on")
# Words between a reporting clause and the rest of its split quotation.
_RESUMING = word_set("but and")
_CONTRAST_MARKS = word_set("while though although whereas")
_BEFORE_GAP = re.compile(r"^[\s,—–-]*$")
_AFTER_GAP = re.compile(r"^[\s,:—–-]*$")


def side_participle(tok: Token) -> bool:
    """A participle on the side of a clause ("..., telling reporters that ...",
    "..., citing X"): it reports in its own right, so it is a claim of its own and
    never part of its host's content."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG"


def apposed_speaker(verb: Token) -> Token | None:
    """A name right before ``verb`` that the parser took for an apposition to
    the phrase before the comma ("Asked about his criticisms of Trump, Rubio
    said ..."): it is the verb's speaker, not part of that phrase."""
    if verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if (name.pos_ == "PROPN" and name.dep_ == "appos" and name.head.i < name.i
            and comma_before(name)):
        return name
    return None


def comma_before(tok: Token) -> bool:
    """Whether a comma comes right before ``tok``'s phrase."""
    start = tok.left_edge.i
    return start > 0 and tok.doc[start - 1].text == ","


def comma_after(tok: Token) -> bool:
    """Whether a comma comes right after ``tok``'s phrase."""
    nxt = tok.right_edge.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].text == ","


def token_fragments(doc: Doc, tokens: list[int], text: str) -> list[tuple[int, int]]:
    """Contiguous runs of tokens as char ranges, trimmed of edge punctuation.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access.
    """
    runs: list[list[int]] = []
    for i in sorted(set(tokens)):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[tuple[int, int]] = []
    for run in runs:
        while run and (doc[run[0]].is_punct or doc[run[0]].is_space):
            run = run[1:]
        while run and (doc[run[-1]].is_punct or doc[run[-1]].is_space):
            run = run[:-1]
        if not run:
            continue
        start = doc[run[0]].idx
        end = doc[run[-1]].idx + len(doc[run[-1]].text)
        # Keep a quotation's closing mark when its opening mark is inside.
        unclosed = text.count("“", start, end) > text.count("”", start, end)
        mark = "”" if unclosed else '"'
        if unclosed or text.count('"', start, end) % 2:
            close = text.find(mark, end)
            if close != -1 and close - end <= 2:
                end = close + 1
        out.append((start, end))
    return out


def _ends_sentence(text: str, quote: Quote, clause_start: int) -> bool:
    """A quotation closed by a full stop, or one paragraph before the reporting
    clause, is a sentence of its own: '"Q1," X said. "Q2."' and a new paragraph's
    'Y said "Q3"' do not attribute Q2 or Q1 to Y."""
    return text[quote.end - 1] == "." or "\n" in text[quote.end : clause_start]


def _adjacent_quotes(
    text: str, quotes: list[Quote], clause: tuple[int, int]
) -> tuple[Quote | None, Quote | None]:
    before = after = None
    for q in quotes:
        if (q.outer_end <= clause[0] and _BEFORE_GAP.match(text[q.outer_end : clause[0]])
                and not _ends_sentence(text, q, clause[0])):
            before = q
        if q.outer_start >= clause[1] and _AFTER_GAP.match(text[clause[1] : q.outer_start]):
            after = q
            break
    return before, after


def clause_extent(doc: Doc, cue: tuple[int, int], speaker: tuple[int, int] | None,
                  head: Token) -> tuple[int, int]:
    """Char extent of the reporting clause: speaker, cue and its non-content words."""
    toks = list(range(*cue)) + (list(range(*speaker)) if speaker else [])
    addressee = head.lemma_.lower() in ADDRESSEE_CUES
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS and child.i > head.i and (
                addressee or child.dep_ != "dobj") and not _opens_quote(child):
            # "called it “a disaster”": the object is what is characterised,
            # part of the content; only "told reporters" names an addressee.
            toks.extend(t.i for t in child.subtree)
    start = min(doc[i].idx for i in toks)
    end = max(doc[i].idx + len(doc[i].text) for i in toks)
    return start, end


def _opens_quote(tok: Token) -> bool:
    """A word the parser hung on the cue that opens a quotation ('said, “as long
    as ...”'): the quotation is the content, not part of the reporting clause."""
    start = tok.left_edge.i
    return tok.left_edge.tag_ == "``" or (start > 0 and tok.doc[start - 1].tag_ == "``")


def _with_lead(doc: Doc, text: str, quote: Quote, frags: list[tuple[int, int]]
               ) -> list[tuple[int, int]]:
    """A quotation that starts mid-sentence ('The people of Scranton “deserve
    someone who is with them,” Biden said') completes the writer's words before
    it: the statement is the whole sentence. Not after other quotation marks, a
    colon or a comma ('Biden said, “...”')."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(frags) != 1:
        return frags
    start = span[0].sent.start_char
    lead = text[start : quote.outer_start]
    if (not lead.strip() or "\n" in lead or "''" in lead or lead.rstrip().endswith(",")
            or any(mark in lead for mark in "\"“”:;")):
        return frags
    while text[start].isspace():
        start += 1
    return [(start, quote.outer_end)]


def _title(doc: Doc, text: str, quote: Quote) -> bool:
    """A quotation right after a possessive names a show or a work ('on Fox News
    Channel’s “Hannity,” Gingrich said'), and so does one in title case after
    "of" ('on this weekend’s broadcast of “Fox News Sunday,” Pence said'): a
    title, not what anyone said."""
    mark = doc.char_span(quote.outer_start, quote.outer_start + 1, alignment_mode="expand")
    if mark is None or mark.start == 0:
        return False
    before = doc[mark.start - 1]
    if before.tag_ == "POS":
        return True
    words = [w for w in text[quote.start : quote.end].split() if w[:1].isalpha()]
    return before.lower_ == "of" and 0 < len(words) <= _TITLE_WORDS and all(
        w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _in_leading_clause(doc: Doc, head: Token, quote: Quote) -> bool:
    """'Bemoaning the “phony system,” Trump accused Holt of ...': a quotation
    inside an adjunct clause before the cue is that clause's, not the cue's."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return False
    return any(c.dep_ == "advcl" and c.i < head.i and c.left_edge.i < span.start
               and c.right_edge.i >= span.end - 1 for c in head.lefts)


def _that_clause(cue: Token) -> bool:
    return any(c.dep_ == "ccomp" and c.i > cue.i and any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)
        for c in cue.children)


def quote_content(doc: Doc, text: str, quotes: list[Quote], cue: tuple[int, int],
                  speaker: tuple[int, int] | None, head: Token) -> list[tuple[int, int]]:
    clause = clause_extent(doc, cue, speaker, head)
    before, after = _adjacent_quotes(text, quotes, clause)
    if speaker is None and head.tag_ == "VBG":
        # '... as “fantastic,” telling reporters ...': a participle with no subject
        # of its own follows its host's words; only a quotation after it is its own.
        before = None
    if before is not None and (_that_clause(head) or _title(doc, text, before)
                               or _in_leading_clause(doc, head, before)):
        # '“This Week,” Carson admitted that ...': the cue reports its own clause;
        # the quotation before it is a title or someone else's words.
        before = None
    if before is not None:
        frags = _with_lead(doc, text, before, list(before.fragments))
        if after is None:
            after = _resumed_quote(doc, text, quotes, clause[1], head)
        if after is not None and "," in text[clause[1] : after.outer_start]:
            frags += after.fragments
        return frags
    if after is not None:
        return list(after.fragments)
    return []


def _resumed_quote(doc: Doc, text: str, quotes: list[Quote], clause_end: int,
                   head: Token) -> Quote | None:
    """The second half of a split quotation that resumes after an aside of the
    reporting clause ('“Every time you say that,” Tester said, referring to the
    excuse, “you give ammunition ...”') or after "but" ('“I love Larry,” he said,
    but “when it comes to ...”'), when it ends the sentence."""
    nxt = next((q for q in quotes if q.outer_start >= clause_end), None)
    if nxt is None:
        return None
    gap = doc.char_span(clause_end, nxt.outer_start, alignment_mode="expand")
    sent_end = head.sent.end_char
    if gap is None or nxt.outer_start >= sent_end or text[nxt.outer_end : sent_end].strip(
            " .\n\"”'"):
        return None
    if any(t.text in {".", "?", "!", ";"} for t in gap):
        return None  # a new sentence, whatever the parser's sentence bounds
    words = [t for t in gap if not (t.is_punct or t.is_space)]
    aside = [c for c in head.rights if c.dep_ == "advcl" and c.tag_ == "VBG"
             and c.right_edge.idx < nxt.outer_start]
    if all(t.lower_ in _RESUMING or any(a.left_edge.i <= t.i <= a.right_edge.i for a in aside)
           for t in words) and text[clause_end : nxt.outer_start].count(",") >= 1:
        return nxt
    return None


def _as_content(cue: Token) -> list[int]:
    right = [c for c in cue.children if c.i > cue.i and c.dep_ in _RIGHT_DEPS
             and not side_participle(c)]
    if not any(t.lower_ == "as" for c in right for t in c.subtree):
        return []
    end = max(c.right_edge.i for c in right)
    return list(range(cue.i + 1, end + 1))


def _complement(cue: Token, cue_end: int) -> list[int]:
    """The clause the cue governs: to its right ('said that ...'), or before it
    when the cue closes the sentence ('..., sources said'). An infinitive's
    subject is part of what is asked or urged: 'asked Sullivan to send it',
    'called on him to quit'."""
    for child in cue.rights:
        if child.dep_ in {"ccomp", "xcomp"}:
            first = child.left_edge.i
            if (child.dep_ == "xcomp" or _bare_infinitive(child)
                    or _reduced_relative(cue, child, cue_end)):
                for other in cue.rights:
                    if other.dep_ == "dobj" and cue_end <= other.i < first:
                        first = other.left_edge.i
                    elif other.dep_ == "prep" and other.i == cue_end - 1 < first:
                        # "asked for the meeting to be moved": the particle's object.
                        first = min([first, *(c.left_edge.i for c in other.children
                                              if c.dep_ == "pobj")])
            return list(range(first, child.right_edge.i + 1))
    if cue.lemma_.lower() in ADDRESSEE_CUES:
        for child in cue.rights:
            if child.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" and c.i == child.left_edge.i
                    for c in child.children):
                # "tells his supporters at a rally to “go vote”": the parser took
                # the infinitive for a purpose clause.
                return list(range(child.left_edge.i, child.right_edge.i + 1))
    for child in cue.rights:
        if child.dep_ == "advcl" and child.left_edge.i >= cue_end \
                and child.left_edge.lower_ == "that" and child.left_edge.head.i == child.i:
            # "tweeted in the early hours that Machado was ...": a that-clause
            # the parser took for an adjunct after the time phrase.
            return list(range(child.left_edge.i, child.right_edge.i + 1))
        if child.dep_ == "advcl" and child.left_edge.i == cue_end - 1 \
                and child.left_edge.dep_ == "mark":
            # "calling for the US to step up ...": a for-to clause, its "for" in the cue.
            return list(range(cue_end, child.right_edge.i + 1))
        clause = _that_clause_as_relative(cue, child, cue_end)
        if clause is not None:
            return list(range(clause.left_edge.i, clause.right_edge.i + 1))
    for child in cue.lefts:
        if child.dep_ == "ccomp" and not _introduces(child):
            return [t.i for t in child.subtree]
    return _setting_clause(cue) or _unmarked_clause(cue, cue_end)


def _that_clause_as_relative(cue: Token, child: Token, cue_end: int) -> Token | None:
    """"reported at the time that the editor conveyed ...", "told a meeting of
    leaders that few people understood ...": a that-clause the parser took for
    a relative clause on the object of the time phrase, or of the addressee.
    Its "that" has no role in it and it has a subject of its own, so it is a
    complete clause, not a relative ("the positions that he has taken")."""
    adjunct = child.dep_ == "prep" and child.lower_ in _ADJUNCT_PREPS and child.i >= cue_end
    if not adjunct and not (child.dep_ == "dobj" and cue.lemma_.lower() in ADDRESSEE_CUES):
        return None
    for tok in child.subtree:
        that = tok.doc[tok.left_edge.i]
        if (tok.dep_ == "relcl" and that.lower_ == "that" and that.head.i == tok.i
                and that.dep_ in {"mark", "advmod"} and tok.right_edge.i == child.right_edge.i
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
                and _noun_phrase_path(tok.head, child)):
            return tok
    return None


def _noun_phrase_path(tok: Token, top: Token) -> bool:
    """Whether ``tok`` hangs on ``top`` through nouns and prepositions only ("a
    meeting of leaders"), not through a clause ("a decision to tell supporters")."""
    while tok.i != top.i:
        if tok.pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "ADP", "ADJ"}:
            return False
        tok = tok.head
    return True


def _bare_infinitive(clause: Token) -> bool:
    """'demanding Obama make a pledge': the object is the bare infinitive's
    subject, part of what is demanded. 'told the Post that the policy would
    extend ...' has a subject and an auxiliary of its own: the object is the
    addressee."""
    return clause.tag_ == "VB" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "mark", "aux", "auxpass"} for c in clause.children)


def _reduced_relative(cue: Token, clause: Token, cue_end: int) -> bool:
    """'cited remarks Trump had made about Machado as examples of ...', 'points
    to an alliance – Iran and Hezbollah – focused on recapturing ...': a clause
    right after the object (or the particle's object) with no conjunction, of a
    verb that names no addressee, is the object's relative clause the parser
    took for the cue's complement; the object is part of the content."""
    if cue.lemma_.lower() in ADDRESSEE_CUES or any(c.dep_ == "mark" for c in clause.children):
        return False
    objects = [o for o in cue.rights if o.dep_ == "dobj"]
    objects += [o for p in cue.rights if p.dep_ == "prep" and p.i == cue_end - 1
                for o in p.children if o.dep_ == "pobj"]
    return any(o.right_edge.i + 1 == clause.left_edge.i for o in objects)


def _unmarked_clause(cue: Token, cue_end: int) -> list[int]:
    """'Trump said after the convention he would not accept ...': a finite
    clause with its own subject and no conjunction, which the parser took for
    an adjunct because of the time phrase before it, is what was said (from
    its subject on). Only for verbs that report with a clause."""
    if cue.lemma_.lower() not in _STRAY_CUES:
        return []
    for child in cue.rights:
        if child.dep_ != "advcl" or child.i < cue_end or child.tag_ in {"VBG", "VBN"}:
            continue
        if any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")
               or (c.dep_ == "aux" and c.lower_ == "to")
               for c in child.children if c.i < child.i):
            continue
        subjects = [c for c in child.lefts if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and not comma_before(subjects[0].left_edge):
            return list(range(subjects[0].left_edge.i, child.right_edge.i + 1))
    return []


def _introduces(clause: Token) -> bool:
    """'We have been here before: Osama bin Laden declared war ...': a clause
    ended by a colon introduces the sentence after it; it is not what that
    sentence's verb reports."""
    doc, end = clause.doc, clause.right_edge.i
    return doc[end].text in {":", ";"} or (end + 1 < len(doc) and doc[end + 1].text in {":", ";"})


def _setting_clause(cue: Token) -> list[int]:
    """'says in a statement that ...': the parser hangs the that-clause on the
    setting's noun, but it is what the cue reports."""
    for prep in cue.rights:
        if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
            continue
        for noun in prep.children:
            for clause in noun.rights:
                if clause.dep_ in {"acl", "relcl"} and any(
                        c.dep_ == "mark" and c.lower_ == "that" and c.i == clause.left_edge.i
                        for c in clause.children):
                    return [t.i for t in clause.subtree]
    return []


def _host_clause(cue: Token, lexicon: Lexicon) -> list[int]:
    """'X, he said' parsed with the cue hanging off the statement's verb; not when
    that verb is itself a cue ('X said Y would defend Z')."""
    host = cue.head
    if (cue.dep_ == "parataxis" and host.pos_ in {"NOUN", "PROPN", "PRON"}
            and host.dep_ in {"nsubj", "nsubjpass"} and host.head.i > cue.i):
        # "The difference now, he told me, is that ...": the parser hung the
        # reporting clause on the statement's subject.
        host = host.head
    if cue.dep_ not in {"parataxis", "ccomp"} or host.pos_ not in {"VERB", "AUX"}:
        return []
    if cue.dep_ == "ccomp" and cue.tag_ in {"VB", "VBG"}:
        # "That doesn't mean we won't see X", "The ad features Hispanics telling
        # their stories": a bare verb or a participle under another verb is its
        # complement, not a reporting clause hung on it.
        return []
    if cue.dep_ != "parataxis" and (host.i > cue.i or lexicon.is_cue(host) or any(
            c.dep_ == "mark" for c in cue.children)):
        # "The worst part is that he doesn't believe it": a clause with a
        # conjunction is its host's complement, not a report about the host.
        return []
    own = {t.i for t in cue.subtree}
    return [t.i for t in host.subtree if t.i not in own]


def _as_clause_host(cue: Token) -> list[int]:
    """'As the Post reported, the FBI had opened an inquiry'; 'those voters, as
    Clyburn noted, will ...': the clause the as-clause hangs on is what was
    reported. Not when the cue has an object or a topic of its own ("as they
    sparred over spending", "as he spoke about it")."""
    host = cue.head
    if cue.dep_ != "advcl" or host.pos_ not in {"VERB", "AUX"} or not any(
            c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children):
        return []
    addressee = cue.lemma_.lower() in ADDRESSEE_CUES
    if any(c.dep_ in {"ccomp", "xcomp", "attr", "acomp"}
           or (c.dep_ == "dobj" and not addressee)
           or (c.dep_ == "prep" and c.lower_ not in _AS_HOST_PREPS) for c in cue.rights):
        return []
    own = {t.i for t in cue.subtree}
    found = [t.i for t in host.subtree if t.i not in own]
    doc = cue.doc
    if host.i > cue.i:
        # "As Trump said last week, the economy ...": words up to the comma
        # after the as-clause belong to it, wherever the parser hung them.
        subjects = [c for c in host.lefts if c.dep_ in SUBJECT_DEPS and c.i > cue.i]
        limit = subjects[0].left_edge.i if subjects else host.i
        comma = next((i for i in range(cue.i + 1, limit) if doc[i].text == ","), None)
        if comma is None:
            return []  # no comma closes the as-clause: the parser lost its edges
        found = [i for i in found if i < cue.i or i > comma]
        # Before the as-clause only the host's subject is reported ("The
        # economy, as Trump noted, is weak"), not a link word ("Yet, as ...").
        subject = {t.i for c in host.lefts if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        found = [i for i in found if i > cue.i or i in subject]
    # Not the conjunction or comma that joins the as-clause to its host.
    while found and (doc[found[0]].is_punct or doc[found[0]].dep_ == "cc"):
        found.pop(0)
    return found


def _objects(cue: Token, cue_end: int, lexicon: Lexicon) -> list[int]:
    """The object a cue is about: its particle's object ("called for X"), else its
    direct object (with a predicate: "called X a fraud"), else its first
    prepositional or adjectival complement; trailing adjuncts are left out.
    Only for verbs that are cues often enough to be trusted without a clause."""
    lemma = cue.lemma_.lower()
    rights = list(cue.rights)
    particle = [c for c in rights if c.i == cue_end - 1 and c.dep_ == "prep"]
    if particle and (lemma in lexicon.strong or (lemma, particle[0].lower_) in lexicon.phrasal):
        # "warned of X", "asked for X": a particle's object is never the addressee.
        return [t.i for c in particle[0].children if c.dep_ in {"pobj", "pcomp"}
                for t in c.subtree]
    if lemma in ADDRESSEE_CUES:
        # "asked Clinton about her email scandal": what the addressee was asked about.
        # Not a date: "told reporters on Friday" says when, not about what.
        topic = next((c for c in rights if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS
                      and c.i >= cue_end and not _dated(c)), None)
        return [] if topic is None else [t.i for o in topic.children
                                         if o.dep_ in {"pobj", "pcomp"} for t in o.subtree]
    if lemma not in lexicon.strong:
        return []
    objects = [c for c in rights if c.dep_ in {"dobj", "dative"}]
    if objects:
        keep = objects + [c for c in rights if c.dep_ in {"oprd", "attr", "ccomp", "xcomp"}]
        return [t.i for c in keep for t in c.subtree if t.i >= cue_end]
    for child in rights:
        if child.dep_ in _OBJECT_DEPS and child.i >= cue_end and (
                child.dep_ != "prep" or child.lower_ not in SETTING_PREPS):
            return [t.i for t in child.subtree]
    return []


def _to_clause_end(cue: Token, found: list[int], lexicon: Lexicon) -> list[int]:
    """Content to the cue's right runs on to the end of the cue's clause: the
    adjuncts after an object or a complement ("praised X for doing Y", "vowed
    to do X unless Y") are part of what is attributed; not a further reporting
    clause ("..., adding that ..."), which is a claim of its own, nor an adjunct
    set off by a comma ("criticised the plan, although he had backed it"),
    which is the writer's addition."""
    if not found or min(found) < cue.i:
        return found
    end = max(found)
    rights = list(cue.rights)
    for k, child in enumerate(rights):
        if child.i <= end or child.dep_ == "punct":
            continue
        if _with_content(cue, child, found) or (
                child.dep_ == "cc" and k + 1 < len(rights)
                and _with_content(cue, rights[k + 1], found)):
            end = child.right_edge.i
            continue
        separated = comma_before(child) and not _closes_apposition(cue.doc[child.left_edge.i - 1])
        if child.dep_ in _STOP_DEPS or lexicon.is_cue(child) or separated \
                or _occasion(child) or (_dated(child) and _last_right(cue, child)):
            break
        end = child.right_edge.i
    return _before_next_report(cue, list(range(min(found), end + 1)), lexicon)


def _closes_apposition(comma: Token) -> bool:
    """The comma closes an apposition to the object ("accused the North's
    leader, Kim Jong Un, of recklessness"): it does not set off what follows."""
    return any(c.dep_ == "appos" and c.right_edge.i == comma.i - 1 for c in comma.head.children)


def _with_content(cue: Token, conj: Token, found: list[int]) -> bool:
    """A conjunct the parser hung on the cue that is coordinated with the
    content ("advocates rules to end X, stop Y and remove Z"; "emphasizing
    fairness, and a need to raise wages"): a verb in the complement's form,
    not the cue's, or a noun beside the cue's object."""
    if conj.dep_ != "conj" or any(
            c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO")
            for t in conj.subtree for c in t.children):
        # "declined to renew it and the PGA could not find ...": a clause of its own.
        return False
    heads = [c for c in cue.rights if c.i in found and c.dep_ in {"xcomp", "ccomp", "dobj"}]
    if not heads:
        return False
    if conj.pos_ == "VERB":
        return conj.tag_ != cue.tag_ and any(h.pos_ == "VERB" and h.tag_ == conj.tag_
                                            for h in heads)
    return conj.pos_ in {"NOUN", "PROPN"} and any(h.dep_ == "dobj" for h in heads)


def _before_next_report(cue: Token, tokens: list[int], lexicon: Lexicon) -> list[int]:
    """Content stops before a coordinated or adverbial clause that reports
    something in turn ("told X that A and said B", "A, while Cruz said B"):
    that is a claim of its own, not part of this one."""
    doc = cue.doc
    for i in tokens:
        tok = doc[i]
        if (tok.dep_ == "conj" and lexicon.is_cue(tok) and tok.tag_ == cue.tag_
                and not any(c.dep_ == "nsubj" for c in tok.children)
                and tok.left_edge.i > tokens[0]):
            out = [j for j in tokens if j < tok.left_edge.i]
            while out and (doc[out[-1]].dep_ in {"cc", "punct", "mark"}
                           or doc[out[-1]].is_space):
                out.pop()
            return out or tokens
    return tokens


def content_tokens(cue: Token, cue_end: int, lexicon: Lexicon) -> list[int]:
    """Rules 2 to 5: the content tokens of a cue with no adjacent quotation."""
    found = _to_clause_end(cue, _content_tokens(cue, cue_end, lexicon), lexicon)
    found = _before_trailing_aside(cue.doc, _before_trailing_report(cue, found, lexicon))
    found = _without_dangling_conjunction(cue.doc, found)
    # The cue's own particle ("referred to X as Y") is not content.
    return [i for i in found if not cue.i <= i < cue_end]


def _without_dangling_conjunction(doc: Doc, tokens: list[int]) -> list[int]:
    """Content that ends in a conjunction whose conjunct it does not hold ("said
    Clinton is honest and trustworthy, and" before "three-quarters said ...")
    ends before it: the parser hung the conjunct elsewhere, and a claim that
    trails off in "and" reads as cut."""
    out = list(tokens)
    if not out or doc[out[-1]].dep_ != "cc":
        return tokens
    out.pop()
    while out and (doc[out[-1]].is_space or doc[out[-1]].text in _LINKING_PUNCT):
        out.pop()
    return out or tokens


def _before_trailing_aside(doc: Doc, tokens: list[int]) -> list[int]:
    """Content ends before a trailing aside set off by a comma ("criticised
    Clinton's email use, which the FBI called careless"; "..., while others
    disagree"): the writer's gloss."""
    if not tokens:
        return tokens
    last = tokens[-1]
    for i in tokens[1:]:
        tok = doc[i]
        aside = tok.dep_ in _ASIDE_DEPS or _contrast_clause(tok)
        if (aside and tok.head.i < tok.i and tok.head.i in tokens
                and comma_before(tok) and tok.right_edge.i >= last
                and tok.left_edge.i - 1 > tokens[0]):
            return [j for j in tokens if j < tok.left_edge.i - 1]
    return tokens


def _contrast_clause(tok: Token) -> bool:
    """"..., while about 4 in 10 want one with experience": a contrast the
    writer sets beside the statement, not part of it."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in tok.children)


def _before_trailing_report(cue: Token, tokens: list[int], lexicon: Lexicon) -> list[int]:
    """Content ends before a trailing participle that reports in turn ("insisted
    that he had won, claiming that ..."): that is a claim of its own."""
    doc = cue.doc
    for i in tokens:
        tok = doc[i]
        if (i != cue.i and side_participle(tok) and lexicon.is_cue(tok)
                and tok.left_edge.i > tokens[0] and comma_before(tok)
                and tok.right_edge.i >= tokens[-1]):
            return [j for j in tokens if j < tok.left_edge.i - 1]
    return tokens


def _content_tokens(cue: Token, cue_end: int, lexicon: Lexicon) -> list[int]:
    if cue.lemma_.lower() in AS_CUES or any(
            c.dep_ == "prep" and c.lower_ == "as" for c in cue.rights):
        # "regards Jerusalem as its capital", "cast her rival as out of touch".
        found = _as_content(cue)
        if found:
            return found
    if cue.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in cue.children):
        # "..., saying that ...", "..., applauding X": the participle's own words.
        return _complement(cue, cue_end) or _objects(cue, cue_end, lexicon)
    return (_complement(cue, cue_end) or _host_clause(cue, lexicon) or _as_clause_host(cue)
            or _objects(cue, cue_end, lexicon) or _stray_clause(cue, cue_end))


def _occasion(tok: Token) -> bool:
    """An adjunct after the content that says when or on what occasion the words
    were said ("attacked Machado during the debate", "denounced it at a rally",
    "cited the figure after the forum, saying ..."): the report's setting."""
    if tok.dep_ == "advcl":
        return tok.tag_ in {"VBG", "VBD", "VBN", "VBZ"}
    if tok.dep_ != "prep":
        return False
    if tok.lower_ in _OCCASION_PREPS:
        return True
    # "... in interviews with media outlets", "... on social media": the medium.
    return tok.lower_ in _MEDIUM_PREPS and any(
        c.dep_ == "pobj" and c.lemma_.lower() in _MEDIA for c in tok.children)


def _dated(tok: Token) -> bool:
    """"on Monday", "in July": when the words were said."""
    return tok.dep_ == "prep" and tok.lower_ in SETTING_PREPS and any(
        c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in tok.children)


def _last_right(head: Token, child: Token) -> bool:
    """Whether nothing but punctuation follows ``child`` among ``head``'s
    dependents: a date that ends the clause is its setting ("endorsed Trump
    in June"); one followed by more ("went after Trump on Wednesday over his
    refusal") sits inside what was said."""
    return all(c.dep_ == "punct" for c in head.rights if c.i > child.i)


def _stray_clause(cue: Token, cue_end: int) -> list[int]:
    """A clause right after the reporting clause that the parser hung elsewhere
    ("three days after Trump told The Washington Post he was ..." with "was"
    taken for the main verb's complement): nothing else can be what the cue
    reports. Only for verbs that report with a clause ("say", "tell")."""
    if cue.lemma_.lower() not in _STRAY_CUES:
        return []
    doc = cue.doc
    pos = cue_end
    for child in sorted(cue.rights, key=lambda c: c.i):
        if child.dep_ in _CLAUSE_DEPS and child.left_edge.i == pos:
            pos = child.right_edge.i + 1
    if pos >= len(doc) or doc[pos].sent.start != cue.sent.start:
        return []
    for tok in doc[pos : cue.sent.end]:
        if tok.pos_ in {"VERB", "AUX"} and not cue.is_ancestor(tok) and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.left_edge.i == pos for c in tok.children):
            return list(range(pos, tok.right_edge.i + 1))
    return []
