"""The local stack: pid-file bookkeeping, and a real up / restart / down cycle.

The cycle runs its own stack in a fresh directory on free, unusual ports, so it
never meets the session's stack or a developer's.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from crosswire import stack
from crosswire.settings import Settings
from crosswire.stack import procs


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_ports() -> tuple[int, int]:
    """A Redis port and an ES HTTP port, with the ES transport port (+100) free too."""
    found: list[int] = []
    for port in range(21000, 29000, 7):
        if all(_port_free(p) for p in (port, port + 100)):
            found.append(port)
        if len(found) == 2:
            return found[0], found[1]
    raise RuntimeError("no free ports")


def _gone(pid: int) -> bool:
    """The process group ``pid`` led has no process left (ES: launcher and server)."""
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return True
    return False


# --- pid files (no services) --------------------------------------------------------


def test_pid_file_of_this_process(tmp_path: Path) -> None:
    pid_file = tmp_path / "x.pid"
    procs.write_pid_file(pid_file, os.getpid())
    assert procs.live_pid(pid_file, "python") == os.getpid()
    # The command line must name the server: a recycled pid running something else.
    assert procs.live_pid(pid_file, "redis-server") is None


def test_recycled_pid_is_stale(tmp_path: Path) -> None:
    pid_file = tmp_path / "x.pid"
    ticks = procs.start_ticks(os.getpid())
    assert ticks is not None
    # Same pid, other start time: the recorded process died and the pid was reused.
    pid_file.write_text(f"{os.getpid()}\n{ticks + 1}\n")
    assert procs.live_pid(pid_file, "python") is None
    pid_file.write_text("garbage\n")
    assert procs.live_pid(pid_file, "python") is None
    assert procs.live_pid(tmp_path / "missing.pid", "python") is None


def test_up_refuses_a_taken_port(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        settings = Settings(stack_dir=tmp_path, redis_port=port)
        with pytest.raises(stack.StackError, match="CROSSWIRE_REDIS_PORT"):
            stack.up(settings)
    assert not (tmp_path / "run" / "redis.pid").exists()


def test_spawn_and_stop_a_process_group(tmp_path: Path) -> None:
    # A leader with a child, like the Elasticsearch launcher and its server JVM.
    code = (
        "import pathlib, subprocess, time; subprocess.Popen(['sleep', '60']); "
        "pathlib.Path('ready').touch(); time.sleep(60)"
    )
    launch = procs.Launch(argv=[sys.executable, "-c", code], cwd=tmp_path)
    pid = procs.spawn(launch, log_file=tmp_path / "x.log", pid_file=tmp_path / "x.pid", name="x")
    assert procs.wait_for((tmp_path / "ready").exists, timeout=10)
    assert procs.live_pid(tmp_path / "x.pid", "time.sleep") == pid
    procs.stop(pid, name="x", timeout=10)
    assert _gone(pid)  # the sleep child too, not only the leader
    assert procs.live_pid(tmp_path / "x.pid", "time.sleep") is None


# --- the real stack --------------------------------------------------------------------


@pytest.fixture()
def stack_settings() -> Iterator[Settings]:
    # Not tmp_path: pytest's base temp dir is private (0700), and when root runs the
    # tests Elasticsearch runs as another user who must reach the stack dir.
    root = Path(tempfile.mkdtemp(prefix="crosswire-stack-test-"))
    root.chmod(0o755)
    redis_port, es_port = _free_ports()
    settings = Settings(
        stack_dir=root,
        redis_port=redis_port,
        es_port=es_port,
        redis_url=f"redis://127.0.0.1:{redis_port}/0",
        es_url=f"http://127.0.0.1:{es_port}",
        es_heap="512m",
    )
    try:
        yield settings
    finally:
        stack.down(settings, wipe=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.services
@pytest.mark.slow
def test_up_restart_down(stack_settings: Settings) -> None:
    settings = stack_settings
    st = stack.up(settings)
    assert st.healthy, st
    assert st.redis.url == settings.redis_url and st.elasticsearch.url == settings.es_url
    assert not st.redis.note and not st.elasticsearch.note
    # A stack dir the ES user can reach keeps ES's files itself.
    assert (st.stack_dir / "elasticsearch" / "data").is_dir()
    assert not (st.stack_dir / "elasticsearch.home").exists()
    redis_pid, es_pid = st.redis.pid, st.elasticsearch.pid
    assert redis_pid and es_pid

    # Idempotent: a second up starts nothing.
    again = stack.up(settings)
    assert (again.redis.pid, again.elasticsearch.pid) == (redis_pid, es_pid)

    health = httpx.get(f"{settings.es_url}/_cluster/health", timeout=10).json()
    assert health["status"] in ("green", "yellow")

    client = redis.Redis.from_url(settings.redis_url)
    assert client.ping()
    client.set("crosswire:stack-test", "kept")
    client.close()

    # Restart Redis alone: the append-only file must bring the key back.
    assert stack.down(settings, services=["redis"]) == ["redis"]
    assert _gone(redis_pid)
    assert stack.status(settings).elasticsearch.running
    st = stack.up(settings, services=["redis"])
    assert st.redis.healthy and st.redis.pid != redis_pid
    client = redis.Redis.from_url(settings.redis_url)
    assert client.get("crosswire:stack-test") == b"kept"
    client.close()

    assert stack.down(settings) == ["elasticsearch", "redis"]
    assert _gone(es_pid) and st.redis.pid is not None and _gone(st.redis.pid)
    st = stack.status(settings)
    assert not any(s.running or s.healthy for s in st.services)
    assert not list((st.stack_dir / "run").glob("*.pid"))
    assert stack.down(settings) == []


@pytest.mark.services
@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="only root moves Elasticsearch out of the stack dir")
def test_es_moves_out_of_a_private_stack_dir() -> None:
    # A checkout under a private home: the ES user cannot traverse the 0700 parent.
    private = Path(tempfile.mkdtemp(prefix="crosswire-private-"))
    private.chmod(0o700)
    redis_port, es_port = _free_ports()
    settings = Settings(
        stack_dir=private / "x" / "stack", redis_port=redis_port, es_port=es_port, es_heap="512m"
    )
    pointer = private / "x" / "stack" / "elasticsearch.home"
    try:
        st = stack.up(settings, services=["elasticsearch"])
        assert st.elasticsearch.running and st.elasticsearch.healthy, st
        es_home = Path(pointer.read_text().strip())
        assert es_home.parent == Path("/var/lib/crosswire-es")
        assert (es_home / "elasticsearch" / "data").is_dir()
        assert not (private / "x" / "stack" / "elasticsearch").exists()
        assert stack.down(settings, wipe=True, services=["elasticsearch"]) == ["elasticsearch"]
        assert not es_home.exists() and not pointer.exists()
        assert not stack.status(settings).elasticsearch.running
    finally:
        stack.down(settings, wipe=True)
        shutil.rmtree(private, ignore_errors=True)
