"""``crosswire stories recompute``: reassign a time range's articles to stories."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from redis.lock import Lock
from rich.console import Console

from crosswire.redis_client import make_redis
from crosswire.settings import get_settings
from indexer.client import make_client
from indexer.recompute import recompute
from indexer.setup import ensure_indices

stories_app = typer.Typer(no_args_is_help=True, help="Story maintenance.")
out = Console()


@stories_app.command("recompute")
def recompute_command(
    since: Annotated[datetime | None, typer.Option(help="first story date (inclusive)")] = None,
    until: Annotated[datetime | None, typer.Option(help="last story date (inclusive)")] = None,
) -> None:
    """Assign the range's articles to stories again, e.g. after changing the threshold.

    Holds the workers' story lock one article at a time, so it can run while
    articles are being indexed.
    """
    settings = get_settings()
    es = make_client(settings)
    ensure_indices(es, settings)
    redis = make_redis(settings)

    def lock() -> Lock:
        held: Lock = redis.lock(settings.redis_key("lock", "stories"), timeout=60,
                                blocking_timeout=120)
        return held

    result = recompute(es, settings, since, until, lock=lock)
    out.print(f"{result.articles} articles: {result.stories_before} stories before, "
              f"{result.stories_after} after")
