"""Running the real ``smederij`` program in a child process, for tests that need a process of
its own: concurrency, crashes (SIGKILL), and file permissions."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def env() -> dict[str, str]:
    """This worktree's package first on the path; no colour; never the user's own ledger."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "SMEDERIJ_DB": os.devnull}


def command(db: Path, *args: str, unprivileged: bool = False) -> list[str]:
    """The argv of ``smederij --db DB ARGS``. ``unprivileged``: when the tests run as root, drop
    the capabilities that let root ignore file permissions, so a read-only file is read-only."""
    argv = [sys.executable, "-m", "smederij_cli", "--db", str(db), *map(str, args)]
    if unprivileged and os.geteuid() == 0:
        argv = [shutil.which("setpriv") or "setpriv",
                "--bounding-set=-dac_override,-dac_read_search,-fowner", *argv]
    return argv


def run(db: Path, *args: str, unprivileged: bool = False,
        timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(command(db, *args, unprivileged=unprivileged), env=env(), cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def can_drop_root() -> bool:
    """Whether read-only files can be tested here: not root, or root that can shed its power."""
    if os.geteuid() != 0:
        return True
    return shutil.which("setpriv") is not None and subprocess.run(
        ["setpriv", "--bounding-set=-dac_override", "true"], capture_output=True).returncode == 0


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
