"""The one exception the stack raises, so callers (the CLI) can print it and exit."""

from __future__ import annotations


class StackError(RuntimeError):
    """A service could not be installed, started, checked or stopped.

    The message is meant for a person: it says what failed and what to do, and
    carries the tail of the server's log when the server itself failed.
    """
