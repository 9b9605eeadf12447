"""``crosswire search`` and ``crosswire story``: readable by default, JSON on request."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console

from crosswire.cli import services
from crosswire.settings import get_settings
from indexer.models import SearchParams
from indexer.read import get_story
from indexer.search import search_stories

out = Console()


def search(
    query: Annotated[str, typer.Argument(help="full-text query")] = "",
    outlet: Annotated[list[str] | None, typer.Option(help="repeatable")] = None,
    entity: Annotated[str | None, typer.Option(help="canonical key or name")] = None,
    location: Annotated[str | None, typer.Option(help="place name or key")] = None,
    speaker: Annotated[str | None, typer.Option(help="speaker name or key")] = None,
    since: Annotated[datetime | None, typer.Option()] = None,
    until: Annotated[datetime | None, typer.Option()] = None,
    page: Annotated[int, typer.Option(min=1)] = 1,
    size: Annotated[int, typer.Option(min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Search stories: each with its outlets' reports and their claims."""
    settings = get_settings()
    params = SearchParams(
        q=query,
        outlet=outlet or [],
        entity=entity,
        location=location,
        speaker=speaker,
        since=since,
        until=until,
        page=page,
        size=size,
    )
    result = search_stories(services.es(settings), settings, params)
    if as_json:
        print(result.model_dump_json(indent=2))
        return
    out.print(f"[bold]{result.total}[/] stories")
    for story in result.stories:
        outlets = sorted({a.outlet for a in story.articles})
        out.print(f"\n[bold cyan]story {story.story_id}[/]  outlets: {', '.join(outlets)}")
        for a in story.articles:
            when = a.published_at.date().isoformat() if a.published_at else "undated"
            out.print(f"  [bold]{a.outlet}[/] {when}  {a.title or '(untitled)'}")
            for h in a.highlights[:2]:
                out.print(f"      … {h.replace('<em>', '[yellow]').replace('</em>', '[/]')} …")
        for c in story.claims[:8]:
            who = c.speaker_name or c.speaker or "?"
            out.print(f"  [green]{who}[/] {c.cue}: {c.content[:110]}  [dim]({c.outlet})[/]")
    if result.facets:
        for name, buckets in result.facets.items():
            shown = ", ".join(f"{b.key} ({b.count})" for b in buckets[:8])
            out.print(f"[dim]{name}: {shown}[/]")


def story(story_id: str) -> None:
    """Every outlet's report of one story, side by side with its claims (JSON)."""
    settings = get_settings()
    found = get_story(services.es(settings), settings, story_id)
    if found is None:
        out.print(f"no story {story_id}")
        raise typer.Exit(1)
    print(json.dumps(found.model_dump(mode="json"), indent=2))
