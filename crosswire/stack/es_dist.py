"""Getting the Elasticsearch distribution onto the machine, once.

The stack uses Elastic's minimal "integ-test" zip published on Maven Central: no
bundled JDK, only core modules, no licence-gated features, and Maven already knows
how to fetch, verify and cache it. It is unpacked into the stack dir once per
version; later ``up`` calls find it there.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pwd
import shutil
import subprocess
import zipfile
from pathlib import Path

from crosswire.stack import host
from crosswire.stack.errors import StackError

log = logging.getLogger("crosswire.stack")

_GROUP = "org.elasticsearch.distribution.integ-test-zip"
_GROUP_PATH = Path(*_GROUP.split("."), "elasticsearch")


def _maven_repos() -> list[Path]:
    """Default local Maven repositories: ``$HOME/.m2`` and the passwd home's, if different."""
    homes = [Path.home(), Path(pwd.getpwuid(os.getuid()).pw_dir)]
    repos: list[Path] = []
    for home in homes:
        repo = home / ".m2" / "repository"
        if repo not in repos:
            repos.append(repo)
    return repos


def _cached_zip(version: str) -> Path | None:
    for repo in _maven_repos():
        candidate = repo / _GROUP_PATH / version / f"elasticsearch-{version}.zip"
        with contextlib.suppress(OSError):  # an unreadable home is just not a cache
            if candidate.is_file():
                return candidate
    return None


def fetch_zip(version: str) -> Path:
    """The distribution zip from the local Maven repository, downloading it if absent."""
    cached = _cached_zip(version)
    if cached is not None:
        return cached
    mvn = host.ensure_command("mvn", "maven")
    artifact = f"{_GROUP}:elasticsearch:{version}:zip"
    log.info("downloading Elasticsearch %s from Maven Central (about 130 MB)", version)
    # The repository is named explicitly: Maven's default follows the passwd home,
    # which may differ from $HOME or not be writable.
    repo = _maven_repos()[0]
    argv = [
        mvn, "-q", "-B", "-Dstyle.color=never",
        # Retry even if an earlier attempt failed (Maven would otherwise wait a day).
        "-U",
        "dependency:get", f"-Dartifact={artifact}", "-Dtransitive=false",
        f"-Dmaven.repo.local={repo}",
    ]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    cached = _cached_zip(version)
    if done.returncode != 0 or cached is None:
        output = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise StackError(
            f"could not fetch {artifact} with Maven (exit {done.returncode}); check that "
            f"CROSSWIRE_ES_VERSION names a published version and Maven Central is reachable"
            f"\n{output}"
        )
    return cached


def ensure_distribution(version: str, dist_root: Path) -> Path:
    """``<dist_root>/elasticsearch-<version>``, fetched and unpacked if not there yet."""
    home = dist_root / f"elasticsearch-{version}"
    if (home / "bin" / "elasticsearch").is_file():
        return home
    archive = fetch_zip(version)
    log.info("unpacking %s", archive.name)
    # Unpack beside the target and rename: an interrupted unpack never looks complete.
    staging = dist_root / f".unpack-{version}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _unpack(archive, staging)
        unpacked = staging / home.name
        if not (unpacked / "bin" / "elasticsearch").is_file():
            raise StackError(f"{archive} does not contain {home.name}/bin/elasticsearch")
        shutil.rmtree(home, ignore_errors=True)
        unpacked.rename(home)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return home


def _unpack(archive: Path, target: Path) -> None:
    """Extract with sane modes: executables 755, the rest 644, directories 755.

    ``zipfile`` drops Unix modes, and the zip's own config files are 0660 with a
    0750 directory: unreadable for the service user ES runs as when root starts it.
    """
    try:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(target)
            for info in zf.infolist():
                path = target / info.filename
                executable = (info.external_attr >> 16) & 0o111
                path.chmod(0o755 if info.is_dir() or executable else 0o644)
    except zipfile.BadZipFile as exc:
        raise StackError(f"{archive} is corrupt ({exc}); delete it and retry") from exc
    for dirpath, _dirs, _files in os.walk(target):
        Path(dirpath).chmod(0o755)
