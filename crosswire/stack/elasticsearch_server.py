"""The stack's own single-node Elasticsearch on loopback.

Security is off and disk watermarks are disabled: it only listens on 127.0.0.1, and
a developer disk that is 90 % full must not turn the index read-only. Elasticsearch
refuses to run as root, so when root starts the stack it runs as a dedicated system
user that owns the data directory.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import ClassVar

import httpx

from crosswire.stack import host
from crosswire.stack.errors import StackError
from crosswire.stack.es_dist import ensure_distribution
from crosswire.stack.java import find_java_home
from crosswire.stack.procs import Launch
from crosswire.stack.service import Service

_HEAP = re.compile(r"^\d+[kmgKMG]?$")


class ElasticsearchServer(Service):
    name: ClassVar[str] = "elasticsearch"
    port_env: ClassVar[str] = "CROSSWIRE_ES_PORT"
    url_env: ClassVar[str] = "CROSSWIRE_ES_URL"
    start_timeout: ClassVar[float] = 120.0
    stop_timeout: ClassVar[float] = 60.0

    @property
    def port(self) -> int:
        return self.settings.es_port

    @property
    def transport_port(self) -> int:
        # Fixed offset: two stacks with different HTTP ports never collide here either.
        return self.settings.es_port + 100

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def configured_url(self) -> str:
        return self.settings.es_url

    @property
    def ports(self) -> list[int]:
        return [self.port, self.transport_port]

    @property
    def home(self) -> Path:
        return self.paths.dist / f"elasticsearch-{self.settings.es_version}"

    @property
    def marker(self) -> str:
        # The launcher's command line names its distribution, which is this stack's.
        return str(self.home)

    @property
    def data_dirs(self) -> list[Path]:
        return [self.paths.elasticsearch]

    def prepare(self) -> Launch:
        heap = self.settings.es_heap
        if not _HEAP.match(heap):
            raise StackError(f"CROSSWIRE_ES_HEAP={heap!r} is not a JVM size such as 1g or 512m")
        java_home = find_java_home()
        as_root = host.is_root()
        user = self.settings.es_user
        if as_root:
            hint = "Set CROSSWIRE_STACK_DIR to a directory outside it, e.g. /var/lib/crosswire."
            host.check_reachable_by_others(self.paths.root, user, hint)
            host.check_reachable_by_others(java_home, user, "Set CROSSWIRE_JAVA_HOME elsewhere.")
        self.paths.dist.mkdir(parents=True, exist_ok=True)
        if as_root:
            self.paths.root.chmod(self.paths.root.stat().st_mode | 0o011)
            self.paths.dist.chmod(0o755)
        home = ensure_distribution(self.settings.es_version, self.paths.dist)

        es = self.paths.elasticsearch
        for sub in ("data", "logs", "tmp"):
            (es / sub).mkdir(parents=True, exist_ok=True)
        # A private copy of the config: ES writes its keystore there, and the
        # distribution stays read-only and shareable.
        if not (es / "config").is_dir():
            shutil.copytree(home / "config", es / "config")
        if as_root:
            pw = host.ensure_system_user(user)
            host.chown_tree(es, pw.pw_uid, pw.pw_gid)
            es.chmod(0o750)

        env = {
            **os.environ,
            "ES_JAVA_HOME": str(java_home),
            "ES_JAVA_OPTS": f"-Xms{heap} -Xmx{heap}",
            "ES_PATH_CONF": str(es / "config"),
            "ES_TMPDIR": str(es / "tmp"),
            "HOME": str(es),
        }
        settings = {
            "discovery.type": "single-node",
            "xpack.security.enabled": "false",
            "network.host": "127.0.0.1",
            "http.port": str(self.port),
            "transport.port": str(self.transport_port),
            "cluster.routing.allocation.disk.threshold_enabled": "false",
            "path.data": str(es / "data"),
            "path.logs": str(es / "logs"),
        }
        argv = [str(home / "bin" / "elasticsearch")]
        for key, value in settings.items():
            argv += ["-E", f"{key}={value}"]
        # cwd: the JVM writes gc.log and crash files relative to it.
        return Launch(argv=argv, cwd=es / "logs", env=env, user=user if as_root else None)

    def healthy(self) -> bool:
        # This distribution answers no ``GET /``; cluster health is the readiness probe.
        try:
            resp = httpx.get(
                f"{self.url}/_cluster/health",
                params={"wait_for_status": "yellow", "timeout": "1s"},
                timeout=5.0,
            )
        except httpx.HTTPError:
            return False
        if resp.status_code != 200:
            return False
        try:
            body = resp.json()
        except ValueError:  # something else answers on the port
            return False
        return isinstance(body, dict) and body.get("status") in ("green", "yellow")
