"""``crosswire search``, ``crosswire story`` and ``crosswire claims``: tables by default,
JSON on request (the same records the HTTP API returns)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from crosswire.cli import services
from crosswire.errors import field_errors
from crosswire.settings import get_settings
from indexer.claim_reads import search_claims
from indexer.models import ClaimSearchParams, MatchedClaim, SearchParams, StoryView
from indexer.read import get_story
from indexer.search import search_stories

out = Console()


def _marks(fragment: str) -> str:
    return fragment.replace("[", "\\[").replace("<em>", "[yellow]").replace("</em>", "[/]")


def _invalid(exc: ValidationError) -> typer.Exit:
    for e in field_errors(exc.errors()):
        out.print(f"[red]{e.field}[/]: {e.message}")
    return typer.Exit(2)


def _claims_table(title: str, claims: list[MatchedClaim], *, limit: int = 10) -> Table:
    table = Table(title=title, show_lines=True, title_justify="left")
    table.add_column("speaker", style="green", max_width=24)
    table.add_column("statement", ratio=3)
    table.add_column("outlets and their wording", ratio=4)
    for m in claims[:limit]:
        flag = " [red](quoted differently)[/]" if m.wording_differs else ""
        wordings = "\n".join(f"[bold]{w.outlet}[/] {w.cue}: {w.content[:140]}"
                             for w in m.wordings[:6])
        table.add_row(m.speaker_name or "?", m.content[:200] + flag, wordings)
    return table


def search(
    query: Annotated[str, typer.Argument(help="full-text query")] = "",
    outlet: Annotated[list[str] | None, typer.Option(help="repeatable")] = None,
    entity: Annotated[str | None, typer.Option(help="canonical key or name")] = None,
    location: Annotated[str | None, typer.Option(help="place name or key")] = None,
    near: Annotated[str | None, typer.Option(help="lat,lon: places within --radius-km")] = None,
    radius_km: Annotated[float | None, typer.Option(help="with --near (default 50)")] = None,
    speaker: Annotated[str | None, typer.Option(help="speaker name or key")] = None,
    since: Annotated[datetime | None, typer.Option()] = None,
    until: Annotated[datetime | None, typer.Option()] = None,
    page: Annotated[int, typer.Option(min=1)] = 1,
    size: Annotated[int, typer.Option(min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Search stories: each with its outlets' reports and the statements they carry."""
    settings = get_settings()
    try:
        params = SearchParams.model_validate({
            "q": query, "outlet": outlet or [], "entity": entity, "location": location,
            "near": near, "radius_km": radius_km, "speaker": speaker, "since": since,
            "until": until, "page": page, "size": size})
    except ValidationError as exc:
        raise _invalid(exc) from exc
    result = search_stories(services.es(settings), settings, params)
    if as_json:
        print(result.model_dump_json(indent=2))
        return
    out.print(f"[bold]{result.total}[/] stories (page {params.page})")
    for story in result.stories:
        table = Table(title=f"story {story.story_id}", title_justify="left", show_lines=True,
                      title_style="bold cyan")
        table.add_column("outlet", style="bold", max_width=18)
        table.add_column("date", max_width=10)
        table.add_column("report")
        for a in story.articles:
            when = a.published_at.date().isoformat() if a.published_at else "undated"
            marks = "\n".join(f"… {_marks(h)} …" for h in a.highlights[:2])
            table.add_row(a.outlet, when, f"[bold]{a.title or '(untitled)'}[/]\n{marks}")
        out.print(table)
        if story.matched_claims:
            out.print(_claims_table("statements", story.matched_claims, limit=5))
    for name, buckets in result.facets.items():
        shown = ", ".join(f"{b.name or b.key} ({b.count})" for b in buckets[:8])
        out.print(f"[dim]{name}: {shown}[/]")


def _story_tables(view: StoryView) -> None:
    out.print(f"[bold cyan]story {view.story_id}[/]: {len(view.articles)} reports from "
              f"{len(view.outlets)} outlets")
    reports = Table(title="outlets", title_justify="left", show_lines=True)
    for col in view.columns:
        reports.add_column(col.outlet, ratio=1)
    titles = {a.id: a for a in view.articles}

    def cell(ids: list[str], only_e: list[str], only_p: list[str]) -> str:
        lines = [f"[bold]{titles[i].title or '(untitled)'}[/]" for i in ids if i in titles]
        if only_e:
            lines.append("[dim]only here:[/] " + ", ".join(only_e[:8]))
        if only_p:
            lines.append("[dim]places only here:[/] " + ", ".join(only_p[:8]))
        return "\n".join(lines)

    reports.add_row(*(cell(c.article_ids, [t.name or t.key for t in c.only_entities],
                           [t.name or t.key for t in c.only_places]) for c in view.columns))
    out.print(reports)
    rows = Table(title="statements carried by several outlets", title_justify="left",
                 show_lines=True)
    rows.add_column("speaker", style="green", max_width=22)
    for col in view.columns:
        rows.add_column(col.outlet, ratio=1)
    for m in view.matched_claims:
        flag = "\n[red]quoted differently[/]" if m.wording_differs else ""
        cells = ("\n".join(w.content[:160] for w in m.wordings if w.outlet == c.outlet) or "—"
                 for c in view.columns)
        rows.add_row((m.speaker_name or "?") + flag, *cells)
    out.print(rows)
    if view.single_outlet_claims:
        out.print(_claims_table("statements only one outlet carries", view.single_outlet_claims,
                                limit=20))


def story(story_id: str, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """One story compared across outlets: reports side by side, statements as rows."""
    settings = get_settings()
    found = get_story(services.es(settings), settings, story_id)
    if found is None:
        out.print(f"no story {story_id}")
        raise typer.Exit(1)
    if as_json:
        print(found.model_dump_json(indent=2))
        return
    _story_tables(found)


def claims(
    query: Annotated[str, typer.Argument(help="words of the statement")] = "",
    speaker: Annotated[str | None, typer.Option(help="speaker name or key")] = None,
    outlet: Annotated[list[str] | None, typer.Option(help="repeatable")] = None,
    story_id: Annotated[str | None, typer.Option("--story", help="within one story")] = None,
    page: Annotated[int, typer.Option(min=1)] = 1,
    size: Annotated[int, typer.Option(min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Search statements: each with the outlets and articles carrying it, in their words."""
    settings = get_settings()
    try:
        params = ClaimSearchParams(q=query, speaker=speaker, outlet=outlet or [],
                                   story_id=story_id, page=page, size=size)
    except ValidationError as exc:
        raise _invalid(exc) from exc
    result = search_claims(services.es(settings), settings, params)
    if as_json:
        print(result.model_dump_json(indent=2))
        return
    out.print(f"[bold]{result.total}[/] statements in {result.total_claims} claims "
              f"(page {params.page})")
    out.print(_claims_table("statements", result.claims, limit=params.size))
