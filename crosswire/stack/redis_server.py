"""The stack's own Redis: the queue broker and the job/dead-letter store.

It is a private ``redis-server`` process, never the distribution's system service,
so its port, data and lifetime belong to the stack dir. The append-only file is
fsynced on every write (``appendfsync always``): an article accepted into the queue
survives a crash or a restart of Redis.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import redis

from crosswire.stack import host
from crosswire.stack.procs import Launch
from crosswire.stack.service import Service


class RedisServer(Service):
    name: ClassVar[str] = "redis"
    port_env: ClassVar[str] = "CROSSWIRE_REDIS_PORT"
    url_env: ClassVar[str] = "CROSSWIRE_REDIS_URL"
    start_timeout: ClassVar[float] = 30.0
    stop_timeout: ClassVar[float] = 30.0

    @property
    def port(self) -> int:
        return self.settings.redis_port

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def configured_url(self) -> str:
        return self.settings.redis_url

    @property
    def ports(self) -> list[int]:
        return [self.port]

    @property
    def marker(self) -> str:
        return "redis-server"

    @property
    def data_dirs(self) -> list[Path]:
        return [self.paths.redis]

    def prepare(self) -> Launch:
        binary = host.ensure_command("redis-server", "redis-server")
        self.paths.redis.mkdir(parents=True, exist_ok=True)
        argv = [
            binary,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--dir", str(self.paths.redis),
            "--appendonly", "yes",
            "--appendfsync", "always",
            # The AOF is the only persistence; RDB snapshots would only add forks.
            "--save", "",
            # In the foreground: this package tracks the pid and signals it.
            "--daemonize", "no",
            "--logfile", str(self.log_file),
        ]  # fmt: skip
        return Launch(argv=argv, cwd=self.paths.redis)

    def healthy(self) -> bool:
        client = redis.Redis(
            host="127.0.0.1", port=self.port, socket_connect_timeout=1.0, socket_timeout=2.0
        )
        try:
            # PING fails with LOADING while the AOF is replayed: not ready yet.
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()
