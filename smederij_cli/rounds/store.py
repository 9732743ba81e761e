"""The idea rounds' tables and their SQL (and nothing else: the rules are in ``service``).

One schema step, ``m005_idea_rounds``, registered with the ledger's ``@migrations()`` (the ledger's
``store`` module imports this one at its end, so the step is known whenever a ``Store`` is):

- ``idea_round``: one round of one Smederij, stream and year: its budget, vote type, rule,
  tie-break (and seed for a lot), limits, its state (``open`` for ideas, ``voting``, ``counted``,
  ``awarded``), the count shown last (JSON) and the count it was awarded on (JSON);
- ``idea``: an idea of a round: title, theme, amount asked, signatures, the order it came in,
  whether it may be voted on (decided when the ideas close), and the project it became;
- ``ballot``: one voter's marks (idea ids, JSON) and points (JSON, or NULL), with who typed it in
  and when. ``ref`` is the number on the paper ballot; a voided ref may be typed in again, as
  the next ``entry`` of that ref;
- ``ballot_void``: a ballot taken out of the count, with the reason, who and when.

Ballots and voids are append-only, by triggers, like the ledger's transactions and postings: a
mistake is corrected by a void, never by an edit.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from smederij_cli.store import _now, current_actor, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

    from smederij_cli.store import Store

STATES = ("open", "voting", "counted", "awarded")
_ROUND_APPEND_ONLY = ("ballot", "ballot_void")


@migrations()
def m005_idea_rounds(db: Database) -> None:
    statements = [
        """CREATE TABLE idea_round (
            id INTEGER PRIMARY KEY,
            smederij TEXT NOT NULL REFERENCES smederij(code),
            stream TEXT NOT NULL REFERENCES stream(code),
            year INTEGER NOT NULL,
            name TEXT NOT NULL,
            budget_cents INTEGER NOT NULL CHECK (budget_cents > 0),
            vote_type TEXT NOT NULL CHECK (vote_type IN ('approval', 'choose-1', 'cumulative',
                                                         'scoring', 'ordinal')),
            rule TEXT NOT NULL CHECK (rule IN ('all-fit', 'greedy', 'greedy-no-skip',
                'greedy-partial', 'mes', 'mes-add1', 'mes-add1-greedy')),
            tie_break TEXT NOT NULL CHECK (tie_break IN ('lot', 'cheaper', 'signatures',
                'submitted', 'id', 'id-as-text')),
            seed INTEGER,
            max_marks INTEGER CHECK (max_marks > 0),
            min_marks INTEGER CHECK (min_marks >= 0),
            max_points INTEGER CHECK (max_points > 0),
            max_points_per_idea INTEGER CHECK (max_points_per_idea > 0),
            min_score INTEGER,
            min_signatures INTEGER NOT NULL DEFAULT 0 CHECK (min_signatures >= 0),
            min_request_cents INTEGER CHECK (min_request_cents > 0),
            max_request_cents INTEGER CHECK (max_request_cents > 0),
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'voting', 'counted',
                                                                 'awarded')),
            no_vote INTEGER NOT NULL DEFAULT 0 CHECK (no_vote IN (0, 1)),
            shown_count TEXT,
            awarded_count TEXT,
            award_date TEXT,
            meta TEXT NOT NULL DEFAULT '{}',
            recorded_at TEXT NOT NULL,
            UNIQUE (smederij, stream, year, name)) STRICT""",
        """CREATE INDEX idea_round_year ON idea_round(year, smederij, stream)""",
        """CREATE TABLE idea (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES idea_round(id),
            external_id TEXT NOT NULL,
            title TEXT NOT NULL,
            theme TEXT,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            signatures INTEGER NOT NULL DEFAULT 0 CHECK (signatures >= 0),
            submitted INTEGER NOT NULL,
            eligible INTEGER CHECK (eligible IN (0, 1)),
            ineligible_reason TEXT,
            project_id INTEGER UNIQUE REFERENCES project(id),
            awarded_cents INTEGER CHECK (awarded_cents > 0),
            recorded_at TEXT NOT NULL,
            UNIQUE (round_id, external_id)) STRICT""",
        """CREATE TABLE ballot (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES idea_round(id),
            ref TEXT NOT NULL,
            entry INTEGER NOT NULL DEFAULT 1 CHECK (entry > 0),
            marks TEXT NOT NULL,
            points TEXT,
            entered_at TEXT NOT NULL,
            entered_by TEXT NOT NULL,
            UNIQUE (round_id, ref, entry)) STRICT""",
        """CREATE TABLE ballot_void (
            ballot_id INTEGER PRIMARY KEY REFERENCES ballot(id),
            reason TEXT NOT NULL,
            voided_at TEXT NOT NULL,
            voided_by TEXT NOT NULL) STRICT""",
    ]
    for table in _ROUND_APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            statements.append(
                f"""CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}
                BEGIN SELECT RAISE(ABORT, '{table} rows are append-only: void the ballot');
                END""")
    for statement in statements:
        db.execute(statement)


class RoundStore:
    """The SQL of the idea rounds, on an open ``Store`` (its connection and its ``write()``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _all(self, sql: str, params: Any = ()) -> list[dict]:
        return self.store._all(sql, params)

    def _one(self, sql: str, params: Any = ()) -> dict | None:
        return self.store._one(sql, params)

    # -- rounds ----------------------------------------------------------------------------------

    def insert_round(self, row: dict) -> int:
        row = {**row, "recorded_at": _now()}
        columns = list(row)
        return self.store.conn.execute(
            f"INSERT INTO idea_round ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})", [row[c] for c in columns]).lastrowid

    def round(self, round_id: int) -> dict | None:
        return self._one("SELECT * FROM idea_round WHERE id = ?", [round_id])

    def round_named(self, smederij: str, stream: str, year: int, name: str) -> dict | None:
        return self._one("SELECT * FROM idea_round WHERE smederij = ? AND stream = ? "
                         "AND year = ? AND name = ?", [smederij, stream, year, name])

    def rounds(self, *, year: int | None = None, smederij: str | None = None) -> list[dict]:
        where, params = [], []
        if year is not None:
            where.append("r.year = ?")
            params.append(year)
        if smederij is not None:
            where.append("r.smederij = ?")
            params.append(smederij)
        return self._all(
            "SELECT r.id, r.smederij, r.stream, r.year, r.name, r.budget_cents, r.vote_type, "
            "r.rule, r.state, r.no_vote, "
            "(SELECT count(*) FROM idea i WHERE i.round_id = r.id) AS ideas, "
            "(SELECT count(*) FROM ballot b WHERE b.round_id = r.id AND NOT EXISTS "
            "  (SELECT 1 FROM ballot_void v WHERE v.ballot_id = b.id)) AS ballots, "
            "(SELECT coalesce(sum(awarded_cents), 0) FROM idea i WHERE i.round_id = r.id) "
            "  AS awarded_cents FROM idea_round r "
            + (f"WHERE {' AND '.join(where)} " if where else "") + "ORDER BY r.id", params)

    def set_state(self, round_id: int, state: str, **columns: Any) -> None:
        assert state in STATES and all(c in ("no_vote", "shown_count", "awarded_count",
                                              "award_date") for c in columns)
        sets = ", ".join(["state = ?", *(f"{c} = ?" for c in columns)])
        self.store.conn.execute(f"UPDATE idea_round SET {sets} WHERE id = ?",
                                [state, *columns.values(), round_id])

    def awarded_rounds(self) -> list[dict]:
        return self._all("SELECT * FROM idea_round WHERE state = 'awarded' ORDER BY id")

    # -- ideas -----------------------------------------------------------------------------------

    def insert_idea(self, round_id: int, *, title: str, theme: str | None, amount_cents: int,
                    signatures: int, external_id: str | None = None) -> int:
        conn = self.store.conn
        submitted = conn.execute("SELECT coalesce(max(submitted), 0) + 1 FROM idea "
                                 "WHERE round_id = ?", [round_id]).fetchone()[0]
        idea_id = conn.execute(
            "INSERT INTO idea (round_id, external_id, title, theme, amount_cents, signatures, "
            "submitted, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [round_id, external_id or f"new-{submitted}", title, theme, amount_cents,
             signatures, submitted, _now()]).lastrowid
        if external_id is None:  # a clerk's idea is known outside by its id
            conn.execute("UPDATE idea SET external_id = ? WHERE id = ?", [str(idea_id), idea_id])
        return idea_id

    def ideas(self, round_id: int) -> list[dict]:
        return self._all("SELECT * FROM idea WHERE round_id = ? ORDER BY submitted, id",
                         [round_id])

    def set_eligibility(self, rows: list[tuple[int, bool, str | None]]) -> None:
        self.store.conn.executemany(
            "UPDATE idea SET eligible = ?, ineligible_reason = ? WHERE id = ?",
            [(int(ok), reason, idea_id) for idea_id, ok, reason in rows])

    def set_award(self, idea_id: int, project_id: int, awarded_cents: int) -> None:
        self.store.conn.execute("UPDATE idea SET project_id = ?, awarded_cents = ? WHERE id = ?",
                                [project_id, awarded_cents, idea_id])

    # -- ballots ---------------------------------------------------------------------------------

    def insert_ballots(self, round_id: int, ballots: list[tuple[str, list[int],
                                                                list[int] | None]]) -> int:
        """Add (ref, marks, points) ballots; a ref seen before (all voided) is its next entry."""
        conn, now = self.store.conn, _now()
        by = self.store.audit_context.get("actor") or current_actor()
        entries = dict(conn.execute("SELECT ref, max(entry) FROM ballot WHERE round_id = ? "
                                    "GROUP BY ref", [round_id]).fetchall())
        rows = []
        for ref, marks, points in ballots:
            entries[ref] = entries.get(ref, 0) + 1
            rows.append((round_id, ref, entries[ref], json.dumps(marks),
                         None if points is None else json.dumps(points), now, by))
        conn.executemany(
            "INSERT INTO ballot (round_id, ref, entry, marks, points, entered_at, entered_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def ballots(self, round_id: int, *, valid_only: bool = True) -> list[dict]:
        """The round's ballots in the order they were typed in, with marks and points decoded."""
        rows = self._all(
            "SELECT b.id, b.ref, b.entry, b.marks, b.points, b.entered_at, b.entered_by, "
            "v.reason AS void_reason, v.voided_at FROM ballot b "
            "LEFT JOIN ballot_void v ON v.ballot_id = b.id WHERE b.round_id = ? "
            + ("AND v.ballot_id IS NULL " if valid_only else "") + "ORDER BY b.id", [round_id])
        for r in rows:
            r["marks"] = json.loads(r["marks"])
            r["points"] = None if r["points"] is None else json.loads(r["points"])
        return rows

    def valid_refs(self, round_id: int) -> dict[str, int]:
        """ref -> ballot id of the round's ballots that count."""
        return {r["ref"]: r["id"] for r in self._all(
            "SELECT b.ref, b.id FROM ballot b WHERE b.round_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM ballot_void v WHERE v.ballot_id = b.id)", [round_id])}

    def void_count(self, round_id: int) -> int:
        return self.store._scalar("SELECT count(*) FROM ballot_void v JOIN ballot b "
                                  "ON b.id = v.ballot_id WHERE b.round_id = ?", [round_id])

    def void(self, ballot_id: int, reason: str) -> None:
        self.store.conn.execute(
            "INSERT INTO ballot_void (ballot_id, reason, voided_at, voided_by) "
            "VALUES (?, ?, ?, ?)",
            [ballot_id, reason, _now(), self.store.audit_context.get("actor") or
             current_actor()])
