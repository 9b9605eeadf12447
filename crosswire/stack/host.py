"""What the stack needs from the machine: packages, a service user, permissions.

The stack is meant to work on a bare Debian host with no container engine, so when
it runs as root it installs what is missing itself rather than failing; when it does
not, it says exactly what to install.
"""

from __future__ import annotations

import grp
import logging
import os
import pwd
import shutil
import stat
import subprocess
from pathlib import Path

from crosswire.stack.errors import StackError

log = logging.getLogger("crosswire.stack")


def is_root() -> bool:
    return os.geteuid() == 0


def ensure_command(command: str, apt_package: str) -> str:
    """The path of ``command``, installing ``apt_package`` first if root and it is missing."""
    found = shutil.which(command)
    if found:
        return found
    if not is_root() or shutil.which("apt-get") is None:
        raise StackError(
            f"'{command}' is not installed; install the '{apt_package}' package "
            f"(e.g. 'sudo apt-get install -y {apt_package}') or run scripts/bootstrap as root"
        )
    log.info("installing %s with apt-get (one-off)", apt_package)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for argv in (["apt-get", "update"], ["apt-get", "install", "-y", apt_package]):
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip().splitlines()[-20:]
            raise StackError(f"'{' '.join(argv)}' failed:\n" + "\n".join(output))
    found = shutil.which(command)
    if not found:
        raise StackError(f"installed '{apt_package}' but '{command}' is still not on PATH")
    return found


def ensure_system_user(name: str) -> pwd.struct_passwd:
    """The unprivileged account Elasticsearch runs as (it refuses to run as root)."""
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    log.info("creating system user %s for Elasticsearch", name)
    argv = ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StackError(f"could not create user {name!r}: {done.stderr.strip()}")
    return pwd.getpwnam(name)


def _can_traverse(path: Path, pw: pwd.struct_passwd) -> bool:
    """Whether ``pw``'s user may search the directory ``path``, by its mode bits.

    Owner, then group (primary or supplementary), then other: the same order the
    kernel applies. ACLs are not consulted; a directory opened up by an ACL alone
    is treated as closed, which only costs a detour, never a failure.
    """
    st = path.stat()
    if st.st_uid == pw.pw_uid:
        return bool(st.st_mode & stat.S_IXUSR)
    groups = {pw.pw_gid} | {g.gr_gid for g in grp.getgrall() if pw.pw_name in g.gr_mem}
    if st.st_gid in groups:
        return bool(st.st_mode & stat.S_IXGRP)
    return bool(st.st_mode & stat.S_IXOTH)


def blocking_parent(path: Path, pw: pwd.struct_passwd) -> Path | None:
    """The first parent directory of ``path`` that ``pw``'s user cannot traverse, if any."""
    for parent in reversed(path.parents):
        if not _can_traverse(parent, pw):
            return parent
    return None


def check_reachable(path: Path, pw: pwd.struct_passwd, hint: str) -> None:
    """Fail early if ``pw``'s user could not reach ``path`` through its parent directories.

    Elasticsearch, run as a service user, must read its JDK and distribution and
    write its data; a private parent (a home directory with mode 0700, say) would
    make it fail much later with an obscure access error.
    """
    parent = blocking_parent(path, pw)
    if parent is not None:
        mode = stat.S_IMODE(parent.stat().st_mode)
        raise StackError(
            f"Elasticsearch runs as the user {pw.pw_name!r}, which cannot reach {path}: "
            f"{parent} is not traversable by it (mode {mode:o}). " + hint
        )


def chown_tree(root: Path, uid: int, gid: int) -> None:
    """Give ``root`` and everything below it to ``uid``:``gid`` (only what differs)."""
    paths = [root]
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        paths.extend(base / n for n in (*dirnames, *filenames))
    for path in paths:
        st = path.lstat()
        if (st.st_uid, st.st_gid) != (uid, gid):
            os.lchown(path, uid, gid)
