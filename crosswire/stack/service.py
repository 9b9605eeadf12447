"""What every stack service provides, so ``up``/``down``/``status`` treat them alike."""

from __future__ import annotations

import logging
import shutil
from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from crosswire.settings import Settings
from crosswire.stack.paths import StackPaths
from crosswire.stack.procs import Launch

log = logging.getLogger("crosswire.stack")


class Service(ABC):
    name: ClassVar[str]
    # The setting that moves the service to another port, for error messages.
    port_env: ClassVar[str]
    # The setting that points clients at the service, to say which one to fix.
    url_env: ClassVar[str]
    # Seconds to wait for health after starting, and for exit after SIGTERM.
    start_timeout: ClassVar[float]
    stop_timeout: ClassVar[float]

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.paths = StackPaths.from_settings(settings)

    @property
    def pid_file(self) -> Path:
        return self.paths.run / f"{self.name}.pid"

    @property
    def log_file(self) -> Path:
        return self.paths.logs / f"{self.name}.log"

    @property
    @abstractmethod
    def port(self) -> int: ...

    @property
    @abstractmethod
    def url(self) -> str:
        """The URL clients use (the value for the matching ``CROSSWIRE_*_URL``)."""

    @property
    @abstractmethod
    def configured_url(self) -> str:
        """The URL the settings point clients at, to warn when it is not this stack."""

    @property
    @abstractmethod
    def ports(self) -> list[int]:
        """Every port the server binds, all of which must be free before it starts."""

    @property
    @abstractmethod
    def marker(self) -> str:
        """A string in the server's command line, to tell it from a recycled pid."""

    @property
    @abstractmethod
    def data_dirs(self) -> list[Path]:
        """What ``down --wipe`` deletes."""

    def wipe(self) -> None:
        """Delete ``data_dirs`` (the server must be stopped)."""
        for path in self.data_dirs:
            if path.exists():
                log.info("deleting %s", path)
                shutil.rmtree(path)

    @abstractmethod
    def prepare(self) -> Launch:
        """Install, unpack and create what the server needs; return how to start it."""

    @abstractmethod
    def healthy(self) -> bool:
        """One quick probe: does the server answer and accept work?"""
