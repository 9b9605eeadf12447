"""``crosswire dlq list|replay``: articles that failed for good, and putting them back."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from crosswire.articles import Article
from crosswire.cli import services
from crosswire.settings import get_settings

dlq_app = typer.Typer(no_args_is_help=True, help="Dead letters: articles whose processing failed.")
out = Console()


@dlq_app.command("list")
def list_letters(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Show every dead letter with its reason."""
    letters = services.dead_letters(get_settings()).list()
    if as_json:
        for letter in letters:
            print(letter.model_dump_json())
        return
    table = Table()
    for name in ("job", "article", "task", "failed at"):
        table.add_column(name, no_wrap=True)
    table.add_column("reason")
    for letter in letters:
        table.add_row(
            letter.job_id,
            letter.article_id,
            letter.task,
            letter.failed_at.isoformat(timespec="seconds"),
            letter.error,
        )
    out.print(table)
    out.print(f"{len(letters)} dead letter(s)")


@dlq_app.command("replay")
def replay(
    job_ids: Annotated[
        list[str] | None, typer.Argument(help="jobs to replay; all when omitted")
    ] = None,
) -> None:
    """Queue dead letters again (from the start of the pipeline), then drop them from the list."""
    settings = get_settings()
    letters = services.dead_letters(settings)
    submitter = services.submitter(settings)
    wanted = set(job_ids or [])
    replayed = 0
    for letter in letters.list():
        if wanted and letter.job_id not in wanted:
            continue
        result = submitter.resubmit(Article.model_validate(letter.article))
        letters.remove(letter)  # only once it is safely back on the queue
        replayed += 1
        print(f"article {letter.article_id}: new job {result.job_id}")
    print(f"{replayed} replayed")
