"""Where the local stack keeps its files, derived from ``settings.stack_dir`` alone.

One layout for every service means ``down --wipe`` and the error messages can point
at exact files, and several stacks (different ``CROSSWIRE_STACK_DIR``) never mix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosswire.settings import Settings


@dataclass(frozen=True)
class StackPaths:
    root: Path

    @classmethod
    def from_settings(cls, settings: Settings) -> StackPaths:
        # Absolute, so pid files and server arguments stay valid whatever the cwd
        # of a later ``down`` or ``status``.
        return cls(settings.stack_dir.expanduser().resolve())

    @property
    def run(self) -> Path:
        """Pid files: the only record of what ``up`` started."""
        return self.root / "run"

    @property
    def lock(self) -> Path:
        """Held by ``up`` and ``down`` so that two of them never race on one stack."""
        return self.run / "stack.lock"

    @property
    def logs(self) -> Path:
        """Console output of each server, kept across restarts."""
        return self.root / "logs"

    @property
    def dist(self) -> Path:
        """Unpacked server distributions; kept by ``down --wipe`` (they hold no data)."""
        return self.root / "dist"

    @property
    def redis(self) -> Path:
        """Redis working directory: the append-only file lives here."""
        return self.root / "redis"

    @property
    def elasticsearch(self) -> Path:
        """Elasticsearch data, logs, config and temp files, owned by the ES user.

        Unless ``elasticsearch_home`` moved them (and the ES distribution) elsewhere.
        """
        return self.root / "elasticsearch"

    @property
    def elasticsearch_home(self) -> Path:
        """If present: the one line naming the system directory ES keeps its files in.

        Written when root starts the stack in a directory the ES user cannot reach;
        ``status`` and ``down`` follow it, ``down --wipe`` deletes both.
        """
        return self.root / "elasticsearch.home"
