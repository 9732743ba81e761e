"""The set-based rollover books exactly what the straightforward one did.

``Reference`` is the rollover as it was before issue 6 made it set-based: one query per Smederij
and stream, every open commitment carried as a Python tuple and booked with ``Store.post`` (the
old code's ``post_many`` booked the same, in the same order). Since issue 12 the age of money is
kept as it moves (table ``vintage``); the reference finds it instead by replaying the whole
history from the first transaction (``domain.replay_vintages``), and the rows kept along the way
must be exactly the rows the replay gives. It is kept here as the oracle. Over several years of
a ledger with every carry-over policy (stream policies and per-Smederij overrides, max_years
money of several vintages), transfers, releases, reversed payments and commitments carried more
than once, each year is rolled over on two copies of the same file, by ``Reference`` and by
``Ledger``: the results and every row of every table must be the same.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from pathlib import Path

import pytest

from smederij_cli import domain as d
from smederij_cli import store as store_module
from smederij_cli.errors import SmederijError
from smederij_cli.ledger import Ledger
from smederij_cli.store import Store
from tests.conftest import dump

KK, LK = "korte-klap", "lange-klap"
SMEDERIJEN = ("krakeel", "pesse", "elim", "centrum", "zuid", "tiendeveen", "stuifzand")
STREAM_POLICIES = {KK: {"policy": "capped", "percent": 25},
                   LK: {"policy": "max_years", "years": 2}}
OVERRIDES = {  # every policy somewhere, the stream's own where a Smederij has none
    "pesse": {KK: {"policy": "full"}, LK: {"policy": "none"}},
    "elim": {KK: {"policy": "max_years", "years": 3}},
    "centrum": {LK: {"policy": "capped", "amount_cents": 150_00}},
    "zuid": {KK: {"policy": "capped", "percent": 40, "amount_cents": 300_00},
             LK: {"policy": "max_years", "years": 1}},
    "tiendeveen": {KK: {"policy": "max_years", "years": 2}, LK: {"policy": "full"}},
}


class Reference(Ledger):
    """The rollover before issue 6 (its figures, policies, ``vintages`` and booking, with the
    queries they ran), for comparison only."""

    def _rollover_money(self, year: int) -> dict:
        money = {}
        for f in self.store.stream_figures(year):
            key = (f["smederij"], f["stream"])
            vintages = self.ref_vintages(year, *key)
            assert sum(vintages.values()) == f["available_cents"]
            money[key] = d.rollover_split(self.ref_policy(*key), year, vintages,
                                          f["allocated_cents"])
        return money

    def _book_rollover(self, year: int, budget: dict, money: dict) -> dict:
        commitments: dict[tuple[str, str], list[dict]] = {}
        for c in self.store._all(
                "SELECT a.project_id, a.smederij, a.stream, sum(p.amount_cents) AS cents "
                "FROM account a JOIN posting p ON p.account_id = a.id "
                "WHERE a.year = ? AND a.kind = 'committed' GROUP BY a.id HAVING cents <> 0 "
                "ORDER BY a.smederij, a.stream, a.project_id", [year]):
            commitments.setdefault((c["smederij"], c["stream"]), []).append(c)
        moves = [{"smederij": key[0], "stream": key[1], "carried_cents": carried,
                  "lapsed_cents": lapsed, "commitments": commitments.get(key, [])}
                 for key, (carried, lapsed) in sorted(budget.items())]
        date, nxt = dt.date(year, 12, 31), year + 1
        accounts: list[tuple] = []
        carries: list[tuple] = []
        lapses: list[tuple] = []
        for m in moves:
            code, stream = m["smederij"], m["stream"]
            here, there = (d.available_account(y, code, stream) for y in (year, nxt))
            accounts += [(here, d.AVAILABLE, stream, year, code, None),
                         (there, d.AVAILABLE, stream, nxt, code, None)]
            carried, lapsed = money[(code, stream)]
            if m["carried_cents"]:
                carries.append((date, f"Carry-over {year} -> {nxt} {code} {stream}", None,
                                [(here, -m["carried_cents"]), (there, m["carried_cents"])],
                                [(here, year, carried, -1), (there, nxt, carried, 1)]))
            if m["lapsed_cents"]:
                funding = d.funding_account(stream)
                accounts.append((funding, d.FUNDING, stream, None, None, None))
                lapses.append((date, f"Lapse {year} {code} {stream} to funding", None,
                               [(here, -m["lapsed_cents"]), (funding, m["lapsed_cents"])],
                               [(here, year, lapsed, -1)]))
            for c in m["commitments"]:
                p = {"id": c["project_id"], "smederij": code, "stream": stream}
                old, new = self._committed(p, year), self._committed(p, nxt)
                accounts += [(old, d.COMMITTED, stream, year, code, p["id"]),
                             (new, d.COMMITTED, stream, nxt, code, p["id"])]
                carries.append((date, f"Commitment of project {p['id']} carried {year} -> {nxt}",
                                p["id"], [(old, -c["cents"]), (new, c["cents"])], []))
        used = {name for *_, lines, _ in carries + lapses for name, _ in lines}
        ids = self.store.account_ids(a for a in accounts if a[0] in used)
        for kind, entries in ((d.CARRY_OVER, carries), (d.LAPSE, lapses)):
            for day, text, pid, lines, ages in entries:
                txn = self.store.post(day, kind, text, [(ids[n], c) for n, c in lines],
                                      project_id=pid)
                for name, account_year, vintages, sign in ages:
                    if vintages != {account_year: sum(vintages.values())}:
                        self.store.add_vintages(txn, [(ids[name], {
                            v: sign * c for v, c in vintages.items()})])
        if any(m["carried_cents"] or m["commitments"] for m in moves):
            self.store.ensure_year(nxt)
        return {key: (len(held), sum(c["cents"] for c in held))
                for key, held in commitments.items()}

    def ref_policy(self, smederij: str, stream: str) -> dict:
        overrides = json.loads(self.store.smederij(smederij)["carry_over"] or "{}")
        return overrides.get(stream) or json.loads(self.store.stream(stream)["carry_over"])

    def ref_rows(self) -> list[tuple[int, int, int, int]]:
        """The vintage rows of the whole history, replayed from its first transaction."""
        return list(d.replay_vintages(self.store._all(
            "SELECT p.txn_id, t.kind, t.reverses, p.account_id, a.kind AS account_kind, "
            "a.project_id, a.year, p.amount_cents AS cents FROM posting p "
            "JOIN txn t ON t.id = p.txn_id JOIN account a ON a.id = p.account_id "
            "WHERE a.kind IN ('available', 'committed') ORDER BY p.txn_id, p.id")))

    def ref_vintages(self, year: int, smederij: str, stream: str) -> dict[int, int]:
        """The money of an available account by vintage before the rollover, from the replay."""
        rows: dict[tuple[int, int], dict[int, int]] = {}
        for txn, account, vintage, cents in self.ref_rows():
            rows.setdefault((txn, account), {})[vintage] = cents
        money: dict[int, int] = {}
        for p in self.store._all(
                "SELECT p.txn_id, p.account_id, t.kind, p.amount_cents AS cents FROM posting p "
                "JOIN txn t ON t.id = p.txn_id JOIN account a ON a.id = p.account_id "
                "WHERE a.name = ?", [d.available_account(year, smederij, stream)]):
            if p["kind"] in (d.CARRY_OVER, d.LAPSE) and p["cents"] < 0:
                continue
            money = d.add_vintages(money, rows.get((p["txn_id"], p["account_id"]),
                                                   {year: p["cents"]}))
        return money

    def ref_table(self) -> list[tuple[int, int, int, int]]:
        return sorted(self.store.conn.execute(
            "SELECT txn_id, account_id, year, cents FROM vintage").fetchall())


def copy(store: Store, path: Path) -> Path:
    with sqlite3.connect(path) as target:
        store.conn.backup(target)
    target.close()
    return path


def play_year(led: Ledger, year: int, rng: random.Random, projects: list[int]) -> None:
    """A year of allocations, transfers, approvals, payments, reversals, releases."""
    day = dt.date(year, 6, 1)
    for sm in SMEDERIJEN[:-1]:  # stuifzand never gets anything: a Smederij with no accounts
        for stream in (KK, LK):
            if rng.random() < 0.85:
                led.allocate(year, stream, dt.date(year, 1, 15), smederij=sm,
                             amount_cents=rng.randrange(200_00, 2_000_00))
    for _ in range(40):
        sm, stream = rng.choice(SMEDERIJEN[:-1]), rng.choice((KK, LK))
        roll_ = rng.random()
        try:
            if roll_ < 0.1:
                led.transfer(year, stream, sm, rng.choice(SMEDERIJEN[:-1]),
                             rng.randrange(1_00, 300_00), day)
            elif roll_ < 0.45:
                pid = led.add_project(smederij=sm, stream=stream, year=year, title="Plan",
                                      amount_cents=rng.randrange(10_00, 600_00), date=day)
                if rng.random() < 0.9:  # some stay proposed
                    led.approve(pid, day)
                    projects.append(pid)
            elif projects:
                pid = rng.choice(projects)
                if roll_ < 0.75:
                    left = led.project_detail(pid)["left_cents"]
                    if left > 0:
                        payment = led.pay(pid, rng.randrange(1, left + 1), day)
                        if rng.random() < 0.25:
                            led.reverse_payment(payment, "wrong invoice", day)
                elif roll_ < 0.87:
                    led.change_status(pid, "start", day)
                    led.change_status(pid, "complete", day)
                else:
                    led.change_status(pid, "withdraw", day)
        except SmederijError:
            pass


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_the_rollover_books_exactly_what_the_reference_books(led, tmp_path, monkeypatch, seed):
    monkeypatch.setattr(store_module, "_now", lambda: "2030-01-01T00:00:00+00:00")
    with led.store.write():
        for stream, policy in STREAM_POLICIES.items():
            led.store.conn.execute("UPDATE stream SET carry_over = ? WHERE code = ?",
                                   [json.dumps(policy), stream])
        for sm, overrides in OVERRIDES.items():
            led.store.conn.execute("UPDATE smederij SET carry_over = ? WHERE code = ?",
                                   [json.dumps(overrides), sm])
    rng, projects = random.Random(seed), []
    seen = {"carried": 0, "lapsed": 0, "commitments": 0, "vintages": 0}
    for year in range(2026, 2031):
        play_year(led, year, rng, projects)
        keys = [(sm, stream) for sm in SMEDERIJEN for stream in (KK, LK)]
        paths = [copy(led.store, tmp_path / f"{name}-{year}.db") for name in ("ref", "new")]
        with Store(paths[0]) as ref_store, Store(paths[1]) as new_store:
            ref, new = Reference(ref_store), Ledger(new_store)
            for sm, stream in keys:
                assert new.vintages(year, sm, stream) == ref.ref_vintages(year, sm, stream)
                seen["vintages"] += len(ref.ref_vintages(year, sm, stream)) > 1
            today = dt.date(year + 1, 1, 2)
            assert (new.rollover(year, dry_run=True, today=today)
                    == ref.rollover(year, dry_run=True, today=today))
            expected = ref.rollover(year, today=today)
            assert new.rollover(year, today=today) == expected
            assert new.check() == []
            assert new_store._all("SELECT count(*) AS n FROM vintage")[0]["n"] == len(
                ref.ref_rows())
            assert Reference(new_store).ref_table() == sorted(ref.ref_rows())
        assert dump(paths[1]) == dump(paths[0])
        totals = expected["totals"]
        seen["carried"] += bool(totals["carried_cents"])
        seen["lapsed"] += bool(totals["lapsed_cents"])
        seen["commitments"] += bool(totals["commitments_carried_cents"])
        assert led.rollover(year, today=today) == expected  # the ledger goes on with the new code
        assert led.check() == []
    # the history exercised what it is meant to: money of several vintages, commitments
    # carried more than once, reversed payments and releases
    assert all(n >= 3 for n in seen.values()), seen
    carried_twice = led.store._scalar(
        "SELECT count(*) FROM (SELECT project_id FROM txn WHERE kind = 'carry_over' "
        "AND project_id IS NOT NULL GROUP BY project_id HAVING count(*) > 1)")
    assert carried_twice > 0
    kinds = dict(led.store.conn.execute("SELECT kind, count(*) FROM txn GROUP BY kind"))
    assert kinds["release"] and kinds["transfer"] and kinds["lapse"]
    assert led.store._scalar("SELECT count(*) FROM txn WHERE reverses IS NOT NULL") > 0


@pytest.mark.parametrize("policy", [{"policy": "max_years", "years": 1},
                                    {"policy": "max_years", "years": 3}])
def test_vintages_of_every_smederij_at_once_match_one_by_one(led, policy):
    """A Smederij with nothing, one with a gap year, one with money carried over years."""
    with led.store.write():
        led.store.conn.execute("UPDATE stream SET carry_over = ? WHERE code = ?",
                               [json.dumps(policy), LK])
    ref = Reference(led.store)
    for year in range(2026, 2030):
        if year != 2027:
            led.allocate(year, LK, dt.date(year, 1, 15), smederij="krakeel",
                         amount_cents=1_000_00)
        led.allocate(year, LK, dt.date(year, 1, 15), smederij="pesse", amount_cents=500_00)
        pid = led.add_project(smederij="pesse", stream=LK, year=year, title="P",
                              amount_cents=300_00, date=dt.date(year, 2, 1))
        led.approve(pid, dt.date(year, 2, 1))
        if year > 2026:
            led.change_status(pid - 1, "withdraw", dt.date(year, 3, 1))
        for sm in ("krakeel", "pesse", "elim"):
            assert led.vintages(year, sm, LK) == ref.ref_vintages(year, sm, LK)
        led.rollover(year, today=dt.date(year + 1, 1, 2))
