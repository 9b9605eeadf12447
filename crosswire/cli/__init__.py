"""The ``crosswire`` command line: one Typer app with a module per command group."""

from __future__ import annotations

from crosswire.cli.app import app, main

__all__ = ["app", "main"]
