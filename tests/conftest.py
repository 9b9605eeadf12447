"""Test session: a real Redis and Elasticsearch, started by the project itself.

The services run on their own ports and stack folder (``.stack/test``), with their
own index prefix, so a test run never touches a development stack. A service the
session started is stopped at its end; one that was already running is left alone
(rerunning tests is then fast).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_60f2e22e1d774df1.txt"
DATA = Path(__file__).resolve().parent / "data"

_TEST_ENV = {
    "CROSSWIRE_STACK_DIR": str(ROOT / ".stack" / "test"),
    "CROSSWIRE_REDIS_PORT": "6391",
    "CROSSWIRE_ES_PORT": "9211",
    "CROSSWIRE_REDIS_URL": "redis://127.0.0.1:6391/0",
    "CROSSWIRE_ES_URL": "http://127.0.0.1:9211",
    "CROSSWIRE_INDEX_PREFIX": "test-",
    "CROSSWIRE_REDIS_PREFIX": "cwtest",
    "CROSSWIRE_FETCH_ALLOW_PRIVATE": "true",
    "CROSSWIRE_TASK_MAX_RETRIES": "2",
    "CROSSWIRE_RETRY_BACKOFF_MAX_S": "1",
}
for _k, _v in _TEST_ENV.items():
    os.environ.setdefault(_k, _v)

from crosswire import stack  # noqa: E402  (after the environment is set)
from crosswire.settings import Settings, get_settings  # noqa: E402


@pytest.fixture(scope="session")
def services() -> Iterator[Settings]:
    """Start Redis and Elasticsearch for the session unless they are already up."""
    get_settings.cache_clear()
    settings = get_settings()
    before = stack.status(settings)
    stack.up(settings)
    yield settings
    if not before.healthy:
        stack.down(settings)


@pytest.fixture()
def clean(services: Settings) -> Iterator[Settings]:
    """Empty test Redis keys and test indices before a test, so tests do not see each other."""
    from crosswire.redis_client import make_redis
    from indexer.client import make_client

    r = make_redis(services)
    r.flushdb()
    es = make_client(services)
    existing = list(es.indices.get(index=f"{services.index_prefix}*", expand_wildcards="all"))
    if existing:
        es.indices.delete(index=",".join(existing))
    yield services
    r.close()
    es.close()


class WorkerProcess:
    """A real ``crosswire worker`` in a subprocess, with the test environment."""

    def __init__(self, concurrency: int = 1, extra_env: dict[str, str] | None = None) -> None:
        self.concurrency = concurrency
        self.env = {**os.environ, **(extra_env or {})}
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = ROOT / ".stack" / "test" / f"worker-{os.getpid()}-{time.monotonic_ns()}.log"

    def start(self) -> WorkerProcess:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crosswire.cli.app",
                "worker",
                f"--concurrency={self.concurrency}",
                "--loglevel=info",
                f"--hostname=test{time.monotonic_ns()}@localhost",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def children(self) -> list[int]:
        assert self.proc is not None
        out = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True)
        return [int(p) for p in out.stdout.split()]

    def stop(self, sig: int = 15) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, sig)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
            self.proc.wait(timeout=10)


@pytest.fixture()
def worker(clean: Settings) -> Iterator[WorkerProcess]:
    w = WorkerProcess().start()
    yield w
    w.stop()
