"""A claim as the claim finders produce it, before speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawClaim:
    """A claim before speaker resolution; token indices into the doc."""

    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    fragments: list[tuple[int, int]]  # char offsets
    direct: bool
    # Cue whose speaker this one shares ("he told ..., stressing that ...").
    speaker_from_cue: int | None = None
    # The finder took the whole content: quotations around it neither finish nor
    # carry it on (a transcript line inside a quoted block, a signed quotation).
    complete: bool = False
