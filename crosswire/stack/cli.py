"""``crosswire stack up|down|status``: the local stack from the command line."""

from __future__ import annotations

import json
import logging
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

from crosswire.settings import get_settings
from crosswire.stack import manager
from crosswire.stack.errors import StackError
from crosswire.stack.models import StackStatus

stack_app = typer.Typer(
    help="Run Redis and Elasticsearch as local processes on 127.0.0.1 (no containers).",
    no_args_is_help=True,
)
console = Console()
err_console = Console(stderr=True)


def _show_progress() -> None:
    """Print the stack's progress messages (downloads, waits), unless already routed."""
    logger = logging.getLogger("crosswire.stack")
    if not logger.handlers:
        handler = RichHandler(console=err_console, show_path=False, show_time=False)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _table(st: StackStatus) -> Table:
    table = Table(title=f"crosswire stack in {st.stack_dir}", title_justify="left")
    for column in ("service", "state", "pid", "url"):
        table.add_column(column, no_wrap=True)
    table.add_column("notes", overflow="fold")
    colours = {"healthy": "green", "stopped": "dim", "foreign": "yellow"}
    for s in st.services:
        colour = colours.get(s.state, "red")
        table.add_row(
            s.name,
            f"[{colour}]{s.state}[/{colour}]",
            str(s.pid) if s.pid else "-",
            s.url,
            s.note or "",
        )
    return table


def _fail(exc: StackError) -> typer.Exit:
    # soft_wrap: a log tail must stay copyable, not be re-wrapped to the terminal width.
    err_console.print("[bold red]error:[/bold red]", str(exc), highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


Services = Annotated[
    list[str] | None,
    typer.Argument(
        help=f"Only these services ({', '.join(manager.SERVICE_NAMES)}); default all.",
        metavar="SERVICE...",
        show_default=False,
    ),
]


@stack_app.command()
def up(services: Services = None) -> None:
    """Start Redis and Elasticsearch (if not running) and wait until healthy."""
    _show_progress()
    try:
        st = manager.up(get_settings(), services=services or None)
    except StackError as exc:
        raise _fail(exc) from exc
    console.print(_table(st))


@stack_app.command()
def down(
    services: Services = None,
    wipe: Annotated[
        bool, typer.Option("--wipe", help="Also delete the services' data (not the downloads).")
    ] = False,
) -> None:
    """Stop the services that 'stack up' started (and nothing else)."""
    _show_progress()
    try:
        stopped = manager.down(get_settings(), wipe=wipe, services=services or None)
    except StackError as exc:
        raise _fail(exc) from exc
    console.print(f"stopped: {', '.join(stopped)}" if stopped else "nothing was running")
    if wipe:
        console.print("data deleted")


@stack_app.command()
def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show each service's state; exit status 1 unless all are running and healthy."""
    st = manager.status(get_settings())
    if as_json:
        console.print_json(json.dumps(st.as_dict()))
    else:
        console.print(_table(st))
    if not st.healthy:
        raise typer.Exit(code=1)
