"""Assembles the command groups into the ``crosswire`` command."""

from __future__ import annotations

import typer

from crosswire.cli import dlq, extract, run, search, stories, submit
from crosswire.stack.cli import stack_app

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Queued ingestion of news articles into cross-outlet, searchable stories.",
)
app.command("submit")(submit.submit)
app.command("job")(submit.job)
app.command("search")(search.search)
app.command("story")(search.story)
app.command("claims")(search.claims)
app.command("extract")(extract.extract)
app.command("serve")(run.serve)
app.command("worker")(run.worker)
app.add_typer(dlq.dlq_app, name="dlq")
app.add_typer(stories.stories_app, name="stories")
app.add_typer(stack_app, name="stack")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
