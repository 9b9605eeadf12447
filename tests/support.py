"""What several test modules share: paths, and a real worker in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_60f2e22e1d774df1.txt"
DATA = Path(__file__).resolve().parent / "data"


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
