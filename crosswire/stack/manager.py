"""``up``, ``down`` and ``status`` of the local stack.

Only pid files under the stack dir say what the stack owns: ``down`` never stops a
server it did not start (a system Redis, another stack), and ``up`` refuses to start
next to a foreign server on the same port instead of failing half-way.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from crosswire.settings import Settings
from crosswire.stack import procs
from crosswire.stack.elasticsearch_server import ElasticsearchServer
from crosswire.stack.errors import StackError
from crosswire.stack.models import ServiceStatus, StackStatus
from crosswire.stack.paths import StackPaths
from crosswire.stack.redis_server import RedisServer
from crosswire.stack.service import Service

log = logging.getLogger("crosswire.stack")


SERVICE_NAMES = (RedisServer.name, ElasticsearchServer.name)


def _services(settings: Settings, only: Iterable[str] | None = None) -> list[Service]:
    """The services in start order, optionally restricted to the names in ``only``."""
    everything: list[Service] = [RedisServer(settings), ElasticsearchServer(settings)]
    if only is None:
        return everything
    wanted = set(only)
    unknown = wanted.difference(SERVICE_NAMES)
    if unknown:
        raise StackError(f"unknown service(s) {sorted(unknown)}; known: {list(SERVICE_NAMES)}")
    return [s for s in everything if s.name in wanted]


def up(
    settings: Settings,
    *,
    services: Iterable[str] | None = None,
    timeout: float | None = None,
) -> StackStatus:
    """Start whatever is not running yet and wait until every service is healthy.

    Idempotent: running services are left alone (only waited for). ``services``
    limits it to some of ``SERVICE_NAMES``; ``timeout`` overrides each service's
    own start timeout. Raises ``StackError`` with the server's log tail when a
    service exits or stays unhealthy.
    """
    with _locked(settings):
        for service in _services(settings, services):
            _up_one(service, timeout or service.start_timeout)
    return status(settings)


@contextmanager
def _locked(settings: Settings) -> Iterator[None]:
    """Serialise ``up``/``down`` on one stack dir (parallel test runners, two shells).

    A second ``up`` waits for the first, then finds everything running.
    """
    lock = StackPaths.from_settings(settings).lock
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _up_one(service: Service, timeout: float) -> None:
    pid = procs.live_pid(service.pid_file, service.marker)
    started = pid is None
    if pid is None:
        _clear_leftovers(service)
        for port in service.ports:
            if procs.port_in_use(port):
                raise StackError(
                    f"port {port} on 127.0.0.1, needed by {service.name}, is taken by a "
                    f"process this stack did not start; stop it or set {service.port_env} "
                    f"(now {service.port}; {service.name} uses ports {service.ports})"
                )
        launch = service.prepare()
        log.info("starting %s on port %d, waiting until healthy", service.name, service.port)
        pid = procs.spawn(
            launch, log_file=service.log_file, pid_file=service.pid_file, name=service.name
        )
    else:
        log.info("%s already running (pid %d)", service.name, pid)
    running_pid = pid

    def ready() -> bool:
        return service.healthy() or not procs.is_alive(running_pid)

    became_ready = procs.wait_for(ready, timeout=timeout)
    if became_ready and procs.is_alive(pid):
        return
    if not procs.is_alive(pid):
        code = procs.exit_code(pid)
        service.pid_file.unlink(missing_ok=True)
        problem = f"exited (status {code})" if code is not None else "exited"
    else:
        problem = f"was not healthy within {timeout:.0f} s"
        if not started:
            problem += (
                f" (it was already running, pid {pid}: started with other settings? "
                "'crosswire stack down' stops it)"
            )
        else:
            # Do not leave a half-started server behind; a re-run starts afresh.
            procs.stop(pid, name=service.name, timeout=service.stop_timeout)
            service.pid_file.unlink(missing_ok=True)
    raise StackError(
        f"{service.name} {problem}; log {service.log_file}, last lines:\n"
        + procs.log_tail(service.log_file)
    )


def _clear_leftovers(service: Service) -> None:
    """Remove a stale pid file, first stopping what is left of its process group."""
    orphans = procs.orphan_group(service.pid_file)
    if orphans is not None:
        log.info("stopping leftover %s processes (group %d)", service.name, orphans)
        procs.stop(orphans, name=service.name, timeout=service.stop_timeout)
    service.pid_file.unlink(missing_ok=True)


def down(
    settings: Settings, wipe: bool = False, *, services: Iterable[str] | None = None
) -> list[str]:
    """Stop the services ``up`` started; with ``wipe``, delete their data too.

    ``services`` limits it to some of ``SERVICE_NAMES`` (e.g. restart only Redis).
    Returns the names of the services that were stopped, in reverse start order.
    """
    stopped: list[str] = []
    chosen = list(reversed(_services(settings, services)))
    if not StackPaths.from_settings(settings).root.exists():
        return stopped
    with _locked(settings):
        for service in chosen:
            pid = procs.live_pid(service.pid_file, service.marker)
            if pid is not None:
                log.info("stopping %s (pid %d)", service.name, pid)
                procs.stop(pid, name=service.name, timeout=service.stop_timeout)
                stopped.append(service.name)
            _clear_leftovers(service)
            if wipe:
                service.wipe()
    return stopped


def status(settings: Settings) -> StackStatus:
    """Whether each service runs (per its pid file) and answers its health probe."""
    return StackStatus(
        stack_dir=StackPaths.from_settings(settings).root,
        redis=_status_one(RedisServer(settings)),
        elasticsearch=_status_one(ElasticsearchServer(settings)),
    )


def _status_one(service: Service) -> ServiceStatus:
    pid = procs.live_pid(service.pid_file, service.marker)
    healthy = service.healthy()
    notes: list[str] = []
    if pid is None and healthy:
        notes.append("a server this stack did not start answers on this port")
    configured = urlsplit(service.configured_url)
    if configured.hostname not in ("127.0.0.1", "localhost") or configured.port != service.port:
        notes.append(f"{service.url_env} points elsewhere: {service.configured_url}")
    return ServiceStatus(
        name=service.name,
        running=pid is not None,
        healthy=healthy,
        pid=pid,
        port=service.port,
        url=service.url,
        log=service.log_file,
        note="; ".join(notes),
    )
