"""Background server processes: spawn, pid files, liveness, stop.

Each server runs in its own session (``start_new_session``) so that it outlives the
command that started it and so that stopping it can signal its whole process group:
Elasticsearch is a launcher JVM with the server JVM as its child.

A pid file holds the pid on its first line and the process start time (clock ticks
since boot, from ``/proc/<pid>/stat``) on its second. A pid is only trusted while a
process with that pid *and* that start time exists, so a pid reused by an unrelated
process after a crash or a reboot is recognised as stale and never signalled.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crosswire.stack.errors import StackError

_LOG_MARK = "===== crosswire stack:"
# Popen objects of the servers this process started, so that they can be reaped
# (otherwise a server stopped by the process that started it lingers as a zombie).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class Launch:
    """How to start one server."""

    argv: Sequence[str]
    cwd: Path
    # None: inherit this process's environment.
    env: Mapping[str, str] | None = None
    # Run as this user (only possible, and only needed, when running as root).
    user: str | None = None


def _stat_fields(pid: int) -> list[str] | None:
    """Fields 3.. of ``/proc/<pid>/stat`` (state first), or None if no such process."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command name (field 2) is in parentheses and may contain spaces.
    return raw[raw.rindex(")") + 2 :].split()


def start_ticks(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return int(fields[19]) if fields else None


def is_alive(pid: int) -> bool:
    """True for a running process; False for none or a zombie (dead, not yet reaped)."""
    _reap(pid)
    if Path("/proc").is_dir():
        fields = _stat_fields(pid)
        return fields is not None and fields[0] not in ("Z", "X")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


def write_pid_file(pid_file: Path, pid: int) -> None:
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = pid_file.with_suffix(".tmp")
    tmp.write_text(f"{pid}\n{start_ticks(pid) or ''}\n")
    tmp.replace(pid_file)


def read_pid_file(pid_file: Path) -> tuple[int, int | None] | None:
    try:
        lines = pid_file.read_text().split()
    except FileNotFoundError:
        return None
    if not lines or not lines[0].isdigit():
        return None
    ticks = int(lines[1]) if len(lines) > 1 and lines[1].isdigit() else None
    return int(lines[0]), ticks


def live_pid(pid_file: Path, marker: str) -> int | None:
    """The pid recorded in ``pid_file`` if that very process still runs, else None.

    ``marker`` must occur in the process's command line: a second guard, beside the
    start time, against trusting a recycled pid.
    """
    recorded = read_pid_file(pid_file)
    if recorded is None:
        return None
    pid, ticks = recorded
    if not is_alive(pid):
        return None
    if ticks is not None and start_ticks(pid) not in (None, ticks):
        return None
    if Path("/proc").is_dir() and marker not in _cmdline(pid):
        return None
    return pid


def orphan_group(pid_file: Path) -> int | None:
    """The process group of a dead leader whose children still run, if any.

    Happens when the Elasticsearch launcher is killed but the server JVM it started
    is not. A pid is not reused while it names a live process group, so a group
    with the recorded (dead) pid can only be the one the leader created.
    """
    recorded = read_pid_file(pid_file)
    if recorded is None or is_alive(recorded[0]):
        return None
    return recorded[0] if _group_exists(recorded[0]) else None


def _group_exists(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reap(pid: int) -> None:
    """Collect the exit status of a child of this process, so it stops being a zombie."""
    child = _CHILDREN.get(pid)
    if child is not None:
        child.poll()  # kept afterwards: exit_code() reads its status
        return
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def exit_code(pid: int) -> int | None:
    """The exit status of a server this process started and that has exited."""
    child = _CHILDREN.get(pid)
    return child.poll() if child is not None else None


def spawn(launch: Launch, *, log_file: Path, pid_file: Path, name: str) -> int:
    """Start ``launch`` detached, output appended to ``log_file``; return its pid."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    _rotate(log_file)
    uid: int | None = None
    gid: int | None = None
    groups: list[int] | None = None
    if launch.user is not None:
        pw = pwd.getpwnam(launch.user)
        # No supplementary groups: root's must not leak into the server.
        uid, gid, groups = pw.pw_uid, pw.pw_gid, []
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with log_file.open("ab") as log:
        log.write(f"\n{_LOG_MARK} starting {name} at {stamp} =====\n".encode())
        log.flush()
        try:
            proc = subprocess.Popen(
                list(launch.argv),
                cwd=launch.cwd,
                env=None if launch.env is None else dict(launch.env),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
                user=uid,
                group=gid,
                extra_groups=groups,
            )
        except OSError as exc:
            raise StackError(f"could not start {name} ({launch.argv[0]}): {exc}") from exc
    _CHILDREN[proc.pid] = proc
    write_pid_file(pid_file, proc.pid)
    return proc.pid


def _rotate(log_file: Path, max_bytes: int = 20_000_000) -> None:
    """Keep one previous log: the logs are appended to across restarts."""
    with contextlib.suppress(FileNotFoundError):
        if log_file.stat().st_size > max_bytes:
            log_file.replace(log_file.with_name(log_file.name + ".1"))


def stop(pid: int, *, name: str, timeout: float) -> None:
    """SIGTERM the process group of ``pid``, wait, then SIGKILL what is left.

    The group, not just the pid, because a server's children (the ES server JVM)
    must go too; SIGTERM first so Redis flushes its AOF and ES closes its shards.
    """
    group = _is_group_leader(pid)
    _signal(pid, signal.SIGTERM, group)
    if _wait_gone(pid, group, timeout):
        return
    _signal(pid, signal.SIGKILL, group)
    if not _wait_gone(pid, group, 10.0):
        raise StackError(f"{name} (pid {pid}) survived SIGKILL; stop it by hand")


def _is_group_leader(pid: int) -> bool:
    try:
        return os.getpgid(pid) == pid
    except ProcessLookupError:
        # Leader gone: only its group may remain (see orphan_group).
        return _group_exists(pid)


def _signal(pid: int, sig: signal.Signals, group: bool) -> None:
    try:
        if group:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass
    except PermissionError as exc:
        raise StackError(f"not allowed to signal pid {pid}; did root start the stack?") from exc


def _wait_gone(pid: int, group: bool, timeout: float) -> bool:
    def gone() -> bool:
        _reap(pid)
        return not _group_exists(pid) if group else not is_alive(pid)

    return wait_for(gone, timeout=timeout, interval=0.2)


def wait_for(predicate: Callable[[], bool], *, timeout: float, interval: float = 0.5) -> bool:
    """Poll ``predicate`` until it holds (True) or ``timeout`` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def log_tail(log_file: Path, lines: int = 40) -> str:
    """The last ``lines`` lines the server wrote since it was last started."""
    try:
        text = log_file.read_text(errors="replace")
    except FileNotFoundError:
        return "(no log file)"
    start = text.rfind(_LOG_MARK)
    if start >= 0:
        text = text[text.find("\n", start) + 1 :]
    tail = text.rstrip().splitlines()[-lines:]
    return "\n".join(tail) if tail else "(log is empty)"
