"""What ``up`` and ``status`` report, for people (the CLI table) and scripts (``--json``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ServiceStatus:
    name: str
    # ``running``: the process this stack started is alive (per its pid file).
    # ``healthy``: something answers the health probe on the port. Both are
    # reported because they can differ: starting up, or a foreign server on the port.
    running: bool
    healthy: bool
    pid: int | None
    port: int
    url: str
    log: Path
    note: str = ""

    @property
    def state(self) -> str:
        if self.running:
            return "healthy" if self.healthy else "starting/unhealthy"
        return "foreign" if self.healthy else "stopped"


@dataclass(frozen=True)
class StackStatus:
    stack_dir: Path
    redis: ServiceStatus
    elasticsearch: ServiceStatus

    @property
    def services(self) -> tuple[ServiceStatus, ...]:
        return (self.redis, self.elasticsearch)

    @property
    def healthy(self) -> bool:
        """Every service was started by this stack and answers its health probe."""
        return all(s.running and s.healthy for s in self.services)

    def as_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            return str(value) if isinstance(value, Path) else value

        return {
            "stack_dir": str(self.stack_dir),
            "healthy": self.healthy,
            "services": {
                s.name: {k: plain(v) for k, v in asdict(s).items()} | {"state": s.state}
                for s in self.services
            },
        }
