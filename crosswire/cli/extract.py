"""``crosswire extract``: extraction alone, on a file, without any service.

The same code the worker runs, so what this prints is what gets indexed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from worker.extraction.html import html_to_article
from worker.extraction.pipeline import extract as run_extraction

out = Console()


def extract(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="plain text or HTML")],
    as_json: Annotated[bool, typer.Option("--json", help="print the extraction as JSON")] = False,
    outlet: Annotated[
        str | None, typer.Option(help="the outlet's host name: its country helps place names")
    ] = None,
) -> None:
    """Extract sentences, entities, places and claims from one article file."""
    text = file.read_text(encoding="utf-8")
    if file.suffix.lower() in (".html", ".htm"):
        text = html_to_article(text).text or ""
    result = run_extraction(text, outlet=outlet)
    if as_json:
        print(result.model_dump_json(indent=2))
        return
    out.print(f"[bold]{result.sentences}[/] sentences, language {result.language}")
    claims = Table("speaker", "resolved", "cue", "content", title="claims")
    for c in result.claims:
        claims.add_row(
            c.speaker.text if c.speaker else "-",
            c.speaker_name or c.speaker_type,
            c.cue.text,
            ("“" if c.direct else "") + c.content.text[:100],
        )
    out.print(claims)
    places = Table("mention", "place", "kind", "country", "lat", "lon", title="places")
    for loc in result.locations:
        places.add_row(
            loc.text, loc.name, loc.kind, loc.country_code, f"{loc.lat:.4f}", f"{loc.lon:.4f}"
        )
    out.print(places)
    names = sorted({(e.name, e.label) for e in result.entities})
    out.print("entities: " + ", ".join(f"{n} ({lab})" for n, lab in names))
