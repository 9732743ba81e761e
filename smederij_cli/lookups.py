"""Read-only look-ups in a ledger for shell completion: the SQL of ``completion.py``.

Completion runs the program on every Tab, so these read the file with plain ``sqlite3`` (no
``Store``, no migrations, no sqlite_utils), opened read-only (``mode=ro``: a missing file is never
created), and a ledger that cannot be read (missing, locked, not SQLite, another program's file,
an older schema) reads as nothing: a Tab never answers with an error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TIMEOUT_S = 0.2  # a writer holding the file is waited for this long, then the Tab gets nothing


def _rows(db: Path, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """The rows of one query, or none. A ledger that no program has open (no ``-wal`` file
    beside it) is read as immutable: a read-only connection to a WAL ledger would otherwise
    leave ``-wal`` and ``-shm`` files behind, which it may not clean up. In WAL mode the file
    itself changes only at a checkpoint, so a writer that starts meanwhile is not seen, which
    is all a Tab needs; one that is open is read through its WAL, as any reader does."""
    try:
        path = Path(db).expanduser().absolute()
        live = Path(f"{path}-wal").exists()
        uri = path.as_uri() + ("?mode=ro" if live else "?mode=ro&immutable=1")
        conn = sqlite3.connect(uri, uri=True, timeout=TIMEOUT_S)
    except (sqlite3.Error, OSError, ValueError):
        return []
    try:
        return conn.execute(sql, params).fetchall()
    except (sqlite3.Error, OSError, ValueError):
        return []
    finally:
        conn.close()


def smederijen(db: Path) -> list[tuple[str, str]]:
    """(code, name), active ones first, in the registry's order."""
    return _rows(db, "SELECT code, name FROM smederij ORDER BY active DESC, position, code")


def streams(db: Path) -> list[tuple[str, str]]:
    """(code, name) in the registry's order."""
    return _rows(db, "SELECT code, name FROM stream ORDER BY active DESC, position, code")


def years(db: Path) -> list[tuple[int, bool]]:
    """(year, closed) for every budget year the ledger knows, newest first."""
    return _rows(db, "SELECT year, closed_at IS NOT NULL FROM year UNION "
                     "SELECT DISTINCT year, 0 FROM account WHERE year IS NOT NULL "
                     "AND year NOT IN (SELECT year FROM year) ORDER BY year DESC")


def projects(db: Path, statuses: Sequence[str] = ()) -> list[tuple[int, str, str, int, str]]:
    """(id, title, smederij, year, status) of the projects in ``statuses`` (all if none)."""
    where = f"WHERE status IN ({', '.join('?' * len(statuses))})" if statuses else ""
    return _rows(db, f"SELECT id, title, smederij, year, status FROM project {where} ORDER BY id",
                 list(statuses))


def rounds(db: Path) -> list[tuple[int, str, str, int]]:
    """(id, name, smederij, year) of the idea rounds."""
    return _rows(db, "SELECT id, name, smederij, year FROM idea_round ORDER BY id")


def ballot_refs(db: Path, round_id: int) -> list[str]:
    """The refs of a round's ballots that still count (not voided)."""
    return [r[0] for r in _rows(
        db, "SELECT DISTINCT b.ref FROM ballot b LEFT JOIN ballot_void v ON v.ballot_id = b.id "
            "WHERE b.round_id = ? AND v.ballot_id IS NULL ORDER BY b.ref", [round_id])]
