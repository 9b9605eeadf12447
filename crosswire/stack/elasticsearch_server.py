"""The stack's own single-node Elasticsearch on loopback.

Security is off and disk watermarks are disabled: it only listens on 127.0.0.1, and
a developer disk that is 90 % full must not turn the index read-only. Elasticsearch
refuses to run as root, so when root starts the stack it runs as a dedicated system
user that owns the data directory.

That user may be unable to reach the stack dir at all (a checkout under a private
home directory, mode 0700). Then, and only when root starts the stack, ES keeps its
own files (distribution, config, data, logs, temp) in ``/var/lib/crosswire-es/<id>``,
``<id>`` a hash of the stack dir's path, and the stack dir records that place in
``elasticsearch.home`` for ``status`` and ``down``. Pid files, the lock and the
console log stay in the stack dir, which only root needs to read.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pwd
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
# Where ES's files go when its user cannot reach the stack dir; one subdirectory per stack.
SYSTEM_HOME = Path("/var/lib/crosswire-es")
_ID = re.compile(r"^[0-9a-f]{12}$")

log = logging.getLogger("crosswire.stack")


def system_home_for(stack_root: Path) -> Path:
    """The stack's own directory under ``SYSTEM_HOME``: stable, distinct per stack dir."""
    return SYSTEM_HOME / hashlib.sha256(str(stack_root).encode()).hexdigest()[:12]


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
    def recorded_base(self) -> Path | None:
        """The system directory ``elasticsearch.home`` names, if the stack moved ES there."""
        pointer = self.paths.elasticsearch_home
        try:
            text = pointer.read_text().strip()
        except OSError:  # absent, or a stack dir this user may not read
            return None
        base = Path(text)
        # ``down --wipe`` deletes it as root: only ever a directory of our own.
        if base.parent != SYSTEM_HOME or not _ID.match(base.name):
            log.warning("ignoring %s: %r is not a directory under %s", pointer, text, SYSTEM_HOME)
            return None
        return base

    @property
    def base(self) -> Path:
        """Where the distribution (``dist``) and ES's files (``elasticsearch``) are."""
        return self.recorded_base or self.paths.root

    @property
    def home(self) -> Path:
        return self.base / "dist" / f"elasticsearch-{self.settings.es_version}"

    @property
    def marker(self) -> str:
        # The launcher's command line names its distribution, which is this stack's.
        return str(self.home)

    @property
    def data_dirs(self) -> list[Path]:
        # A system directory goes whole (distribution included): it belongs to this stack.
        recorded = self.recorded_base
        return [recorded] if recorded is not None else [self.paths.elasticsearch]

    def wipe(self) -> None:
        super().wipe()
        self.paths.elasticsearch_home.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # only if no other stack uses it
            SYSTEM_HOME.rmdir()

    def _place(self, pw: pwd.struct_passwd) -> Path:
        """As root: the base directory for ES, moved out of the stack dir if need be."""
        root = self.paths.root
        base = self.recorded_base
        if base is None:
            blocked = host.blocking_parent(root, pw)
            if blocked is None:
                # The stack dir itself is made traversable; its parents already are.
                root.chmod(root.stat().st_mode | 0o011)
                return root
            base = system_home_for(root)
            pointer = self.paths.elasticsearch_home
            tmp = pointer.with_name(pointer.name + ".tmp")
            tmp.write_text(f"{base}\n")
            tmp.replace(pointer)
            why = f"user {pw.pw_name} cannot traverse {blocked}"
        else:
            why = "as recorded before"
        log.info("Elasticsearch lives in %s (%s; see %s)", base, why, self.paths.elasticsearch_home)
        SYSTEM_HOME.mkdir(parents=True, exist_ok=True)
        SYSTEM_HOME.chmod(0o755)
        base.mkdir(exist_ok=True)
        base.chmod(0o750)
        os.chown(base, pw.pw_uid, pw.pw_gid)
        host.check_reachable(base, pw, f"Make {SYSTEM_HOME.parent} traversable by other users.")
        return base

    def prepare(self) -> Launch:
        heap = self.settings.es_heap
        if not _HEAP.match(heap):
            raise StackError(f"CROSSWIRE_ES_HEAP={heap!r} is not a JVM size such as 1g or 512m")
        java_home = find_java_home()
        as_root = host.is_root()
        user = self.settings.es_user
        pw: pwd.struct_passwd | None = None
        if as_root:
            pw = host.ensure_system_user(user)
            host.check_reachable(java_home, pw, "Set CROSSWIRE_JAVA_HOME elsewhere.")
            base = self._place(pw)
        else:
            base = self.base
        dist = base / "dist"
        dist.mkdir(parents=True, exist_ok=True)
        if as_root:
            dist.chmod(0o755)
        home = ensure_distribution(self.settings.es_version, dist)

        es = base / "elasticsearch"
        for sub in ("data", "logs", "tmp"):
            (es / sub).mkdir(parents=True, exist_ok=True)
        # A private copy of the config: ES writes its keystore there, and the
        # distribution stays read-only and shareable.
        if not (es / "config").is_dir():
            shutil.copytree(home / "config", es / "config")
        if pw is not None:
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
