"""The working record of one entity mention, shared by the entity, place and claim steps.

Kept apart from ``entities`` so the helpers that create mentions (``acronyms``)
can use it without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from worker.extraction.model import EntityLabel


@dataclass
class Mention:
    """A cleaned entity span; key and name are filled in by ``canonical``."""

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    label: EntityLabel
    key: str = ""
    name: str = ""
    # "Russian" for "Defense Ministry" in "the Russian Defense Ministry" when the
    # recogniser split them, or "Russia" in "Russia's Defense Ministry".
    qualifier: str = ""
    # For an acronym, the text of the organisation it follows in parentheses.
    expansion: str = ""
    # For a person, the honorific in front ("mrs" of "Mrs. Clinton"), folded.
    honorific: str = ""
    # True when the recogniser read a name as a person's that is really an
    # organisation's or a building's ("Lee Academy"): a place word in it is the
    # person it was named after, not a place.
    named_after_person: bool = False
