"""Crash-safety harness: kill a real ``smederij`` command with SIGKILL at random moments and check
that the ledger it was writing holds all of that command's changes or none of them.

Use it for any command that writes many rows in one go::

    outcomes = kill_at_random(pristine_db, ["import", "payments", str(csv)], tmp_path,
                              kills=8, seed=1)

``pristine_db`` is a closed ledger in the state just before the command (no other process may
have it open). Every trial runs on a fresh copy of it, so the pristine file is never touched.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

from smederij_cli.ledger import Ledger
from smederij_cli.store import Store
from tests import proc


def fingerprint(db: Path) -> dict:
    """What a command can change, independent of timestamps: the number of rows of every table,
    every account's balance, every project's status and which years are closed."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        balances = dict(conn.execute(
            "SELECT a.name, sum(p.amount_cents) FROM posting p JOIN account a "
            "ON a.id = p.account_id GROUP BY a.name").fetchall()) if "posting" in tables else {}
        statuses = dict(conn.execute("SELECT id, status FROM project").fetchall()) \
            if "project" in tables else {}
        closed = sorted(r[0] for r in conn.execute(
            "SELECT year FROM year WHERE closed_at IS NOT NULL")) if "year" in tables else []
    conn.close()
    return {"counts": counts, "balances": balances, "statuses": statuses, "closed": closed}


def _copy(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def kill_at_random(pristine: Path, args: list[str], workdir: Path, *, kills: int = 6,
                   seed: int = 0) -> Counter:
    """Run ``smederij ARGS`` once to completion (the "all" state), then ``kills`` times on a fresh
    copy, SIGKILLed after a random delay spread over its run time. After each kill: SQLite's
    integrity_check is ok, ``check`` finds nothing, and the ledger's fingerprint equals either
    the state before the command or the state after it. Returns how often each happened
    ("none", "all"), so a caller can see the kills landed in the middle of the work."""
    assert not Path(f"{pristine}-wal").exists(), "close the pristine ledger first"
    rng = random.Random(seed)
    before = fingerprint(pristine)
    reference = _copy(pristine, workdir / "crash-reference.db")
    started = time.monotonic()
    done = proc.run(reference, *args)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    after = fingerprint(reference)
    assert after != before, "the command changed nothing: nothing to test"
    started = time.monotonic()
    proc.run(reference, "--version")  # the interpreter's start, before any ledger work
    startup = time.monotonic() - started

    outcomes: Counter = Counter()
    for trial in range(kills):
        db = _copy(pristine, workdir / f"crash-{trial}.db")
        child = subprocess.Popen(proc.command(db, *args), env=proc.env(), cwd=proc.ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(startup, duration))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert proc.integrity(db) == "ok", (trial, args)
        with Store(db, create=False) as store:
            assert Ledger(store).check() == [], (trial, args)
        state = fingerprint(db)
        assert state in (before, after), (trial, args, "partial changes survived a crash")
        outcomes["all" if state == after else "none"] += 1
    return outcomes
