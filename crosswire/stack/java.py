"""Finding a JDK recent enough for Elasticsearch.

The minimal Elasticsearch distribution has no bundled JDK, and hosts often have an
older default ``java`` next to newer ones, so every candidate is asked its version
instead of trusting ``java`` on PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from crosswire.stack.errors import StackError

# Elasticsearch 9 runs on Java 21 and later.
MIN_JAVA = 21
JVM_DIR = Path("/usr/lib/jvm")
_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


def java_major(home: Path) -> int | None:
    """The major version of the JDK at ``home`` (``1.8`` counts as 8), or None."""
    java = home / "bin" / "java"
    if not os.access(java, os.X_OK):
        return None
    try:
        done = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(done.stderr + done.stdout)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _installed() -> list[Path]:
    """JDKs in the Debian location, plus the one ``java`` on PATH belongs to."""
    found = sorted(p for p in JVM_DIR.iterdir() if p.is_dir()) if JVM_DIR.is_dir() else []
    on_path = shutil.which("java")
    if on_path:
        found.append(Path(on_path).resolve().parent.parent)
    return found


def find_java_home(minimum: int = MIN_JAVA) -> Path:
    """A JDK >= ``minimum``: ``CROSSWIRE_JAVA_HOME``, else ``JAVA_HOME``, else the newest installed.

    An explicit ``CROSSWIRE_JAVA_HOME`` that is too old is an error rather than
    silently skipped: whoever set it meant that JDK. ``JAVA_HOME`` is often set for
    other tools (Maven) to an older JDK, so a too-old one is just passed over.
    """
    explicit = os.environ.get("CROSSWIRE_JAVA_HOME")
    if explicit:
        major = java_major(Path(explicit))
        if major is None or major < minimum:
            raise StackError(
                f"CROSSWIRE_JAVA_HOME={explicit} is not a JDK >= {minimum} "
                f"(found version {major}); Elasticsearch needs Java {minimum}+"
            )
        return Path(explicit)
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (java_major(Path(java_home)) or 0) >= minimum:
        return Path(java_home)
    best: tuple[int, Path] | None = None
    seen: set[Path] = set()
    for home in _installed():
        real = home.resolve()
        if real in seen:
            continue
        seen.add(real)
        major = java_major(home)
        if major is not None and major >= minimum and (best is None or major > best[0]):
            best = (major, home)
    if best is None:
        raise StackError(
            f"no JDK >= {minimum} found (looked at JAVA_HOME, {JVM_DIR}/*, java on PATH); "
            f"install one (e.g. openjdk-{minimum}-jdk-headless or Temurin) "
            "or set CROSSWIRE_JAVA_HOME"
        )
    return best[1]
