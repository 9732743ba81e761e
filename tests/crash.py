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
import re
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


_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")


def content(db: Path, ran_on: Path | None = None) -> list[str]:
    """The whole ledger as SQL text (``iterdump``), with what differs between two runs of the
    same command masked: moments (``recorded_at``, ``closed_at``) and the path ``ran_on`` the
    command was given as --db (in the audit trail's command line)."""
    with sqlite3.connect(db) as conn:
        lines = [_STAMP.sub("<moment>", line) for line in conn.iterdump()]
        if ran_on is not None:
            lines = [line.replace(str(ran_on), "<ledger>") for line in lines]
    conn.close()
    return lines


def _copy(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def kill_at_random(pristine: Path, args: list[str], workdir: Path, *, kills: int = 6,
                   seed: int = 0) -> Counter:
    """Run ``smederij ARGS`` once to completion (the "all" state), then ``kills`` times on a fresh
    copy, SIGKILLed after a random delay spread over its run time (seeded: the same ``seed``
    gives the same moments). After each kill: SQLite's integrity_check is ok, ``check`` finds
    nothing, and the ledger equals either the state before the command or the state after it,
    by fingerprint and by a full dump (``content``). Returns how often each happened
    ("none", "all"), and how many kills landed while the command held the write lock in the
    reference run ("during_write"), so a caller can see the kills hit the middle of the work."""
    assert not Path(f"{pristine}-wal").exists(), "close the pristine ledger first"
    rng = random.Random(seed)
    before = fingerprint(pristine)
    reference = _copy(pristine, workdir / "crash-reference.db")
    duration, window = _run_watching_the_lock(reference, args)
    after = fingerprint(reference)
    assert after != before, "the command changed nothing: nothing to test"
    dump_before, dump_after = content(pristine), content(reference, reference)
    started = time.monotonic()
    proc.run(reference, "--version")  # the interpreter's start, before any ledger work
    startup = time.monotonic() - started

    outcomes: Counter = Counter()
    for trial in range(kills):
        db = _copy(pristine, workdir / f"crash-{trial}.db")
        child = subprocess.Popen(proc.command(db, *args), env=proc.env(), cwd=proc.ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Every other kill aims at the write transaction: once this run is seen holding the
        # write lock, within the first half of how long the reference run held it (a fast
        # command's whole transaction may last less than the jitter of a process's start).
        # The rest land anywhere in the run. Both reproducibly from ``seed``.
        aimed = trial % 2 == 0 and window is not None
        delay = rng.uniform(0, (window[1] - window[0]) / 2) if aimed else \
            rng.uniform(startup, duration)
        in_write = _wait_for_the_lock(db, child) if aimed else False
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert proc.integrity(db) == "ok", (trial, args)
        with Store(db, create=False) as store:
            assert Ledger(store).check() == [], (trial, args)
        state = fingerprint(db)
        assert state in (before, after), (trial, args, "partial changes survived a crash")
        # and row for row: exactly the ledger before, or exactly the finished run's ledger
        assert content(db, db) == (dump_after if state == after else dump_before), (trial, args)
        outcomes["all" if state == after else "none"] += 1
        outcomes["during_write"] += in_write or bool(window and window[0] <= delay <= window[1]
                                                     and not aimed)
    return outcomes


def _locked(conn: sqlite3.Connection) -> bool:
    """Whether another connection holds the ledger's write lock (a ``BEGIN IMMEDIATE`` that may
    not wait, on a connection opened with ``timeout=0``)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:  # locked: the command is writing
        return True


def _wait_for_the_lock(db: Path, child: subprocess.Popen) -> bool:
    """Poll ``db``'s write lock until ``child`` holds it (True) or has ended (False)."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        while child.poll() is None:
            if _locked(conn):
                return True
            time.sleep(0.001)
        return False
    finally:
        conn.close()


def _run_watching_the_lock(db: Path, args: list[str]) -> tuple[float, tuple[float, float] | None]:
    """Run ``smederij ARGS`` to completion on ``db`` while polling the ledger's write lock (a
    ``BEGIN IMMEDIATE`` that may not wait): the run's duration, and from when to when (seconds
    after the start) the command held the write lock, i.e. was inside its write transaction."""
    started = time.monotonic()
    child = subprocess.Popen(proc.command(db, *args), env=proc.env(), cwd=proc.ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    held = []
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        while child.poll() is None:
            if _locked(conn):
                held.append(time.monotonic() - started)
            time.sleep(0.005)
    finally:
        conn.close()
    duration = time.monotonic() - started
    assert child.returncode == 0, child.stderr.read()
    return duration, ((held[0], held[-1]) if held else None)
