"""Money keeps its age (DOMAIN.md; issue 12, section 11).

Under ``{policy: max_years, years: N}`` money allocated in year V and still available after year
V+N-1 lapses. What is available at year end is a Smederij's newest money; a commitment, a payment
or a transfer out uses its oldest money first; money received by transfer keeps its years; a
release or a refund returns money with its age. The two ways old money used to be made new are
named tests here; the property test drives the ledger and a small model of the rule side by side.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smederij_cli import domain as d
from smederij_cli.ledger import Ledger
from smederij_cli.store import Store
from tests.conftest import dump

LK = "lange-klap"


def set_policy(led: Ledger, policy: dict) -> None:
    with led.store.write():
        led.store.conn.execute("UPDATE stream SET carry_over = ? WHERE code = ?",
                               [json.dumps(policy), LK])


def roll(led: Ledger, year: int) -> dict:
    """(carried, lapsed) per Smederij with available money to carry or lapse."""
    result = led.rollover(year, today=dt.date(year + 1, 1, 2))
    return {m["smederij"]: (m["carried_cents"], m["lapsed_cents"]) for m in result["moves"]
            if m["carried_cents"] or m["lapsed_cents"]}


def day(year: int) -> dt.date:
    return dt.date(year, 6, 1)


# -- the two paths that renewed old money --------------------------------------------------------

def test_commit_then_release_does_not_renew_money(led):
    """Approve a project for all of 2026's money, let the commitment carry, withdraw it in
    2028: the money released is 2026's, and under max 3 years it lapses at the end of 2028.
    (It used to come back as money of 2027 and carry on.)"""
    set_policy(led, {"policy": "max_years", "years": 3})
    led.allocate(2026, LK, dt.date(2026, 1, 15), smederij="krakeel", amount_cents=1_000_00)
    pid = led.add_project(smederij="krakeel", stream=LK, year=2026, title="Buurthuis",
                          amount_cents=1_000_00, date=day(2026))
    led.approve(pid, day(2026))
    assert roll(led, 2026).get("krakeel", (0, 0)) == (0, 0)  # all committed, nothing available
    roll(led, 2027)
    assert led.commitment_vintages(pid) == {2026: 1_000_00}
    led.change_status(pid, "withdraw", day(2028))
    assert led.vintages(2028, "krakeel", LK) == {2026: 1_000_00}
    assert roll(led, 2028)["krakeel"] == (0, 1_000_00)
    assert led.check() == []


def test_transfer_out_and_back_does_not_renew_money(led):
    """Money of 2026 carried into 2027, sent to pesse and back: still 2026's, so under max 2
    years it lapses at the end of 2027. (It used to come back as new money of 2027.)"""
    set_policy(led, {"policy": "max_years", "years": 2})
    led.allocate(2026, LK, dt.date(2026, 1, 15), smederij="krakeel", amount_cents=1_000_00)
    assert roll(led, 2026)["krakeel"] == (1_000_00, 0)
    led.transfer(2027, LK, "krakeel", "pesse", 1_000_00, day(2027))
    assert led.vintages(2027, "pesse", LK) == {2026: 1_000_00}
    led.transfer(2027, LK, "pesse", "krakeel", 1_000_00, day(2027))
    assert led.vintages(2027, "krakeel", LK) == {2026: 1_000_00}
    moves = roll(led, 2027)
    assert moves["krakeel"] == (0, 1_000_00)
    assert "pesse" not in moves
    assert led.check() == []


def test_a_refund_to_a_closed_project_returns_money_with_its_age(led):
    """A payment of 2026 money reversed after the project completed: the refund is available
    money of 2026, not of the year it was refunded in."""
    set_policy(led, {"policy": "max_years", "years": 2})
    led.allocate(2026, LK, dt.date(2026, 1, 15), smederij="krakeel", amount_cents=500_00)
    roll(led, 2026)
    led.allocate(2027, LK, dt.date(2027, 1, 15), smederij="krakeel", amount_cents=500_00)
    pid = led.add_project(smederij="krakeel", stream=LK, year=2027, title="Bankjes",
                          amount_cents=800_00, date=day(2027))
    led.approve(pid, day(2027))  # 500 of 2026, then 300 of 2027
    assert led.commitment_vintages(pid) == {2026: 500_00, 2027: 300_00}
    payment = led.pay(pid, 600_00, day(2027))  # the oldest first: 500 of 2026, 100 of 2027
    led.change_status(pid, "start", day(2027))
    led.change_status(pid, "complete", day(2027))  # releases 200 of 2027
    led.reverse_payment(payment, "wrong invoice", day(2027))
    # 200 of 2027 never committed, 200 released, then the refund: 500 of 2026, 100 of 2027
    assert led.vintages(2027, "krakeel", LK) == {2026: 500_00, 2027: 500_00}
    assert roll(led, 2027)["krakeel"] == (500_00, 500_00)
    assert led.check() == []


def test_a_dry_run_shows_what_the_rollover_books(led):
    set_policy(led, {"policy": "max_years", "years": 2})
    led.allocate(2026, LK, dt.date(2026, 1, 15), smederij="krakeel", amount_cents=1_000_00)
    roll(led, 2026)
    led.allocate(2027, LK, dt.date(2027, 1, 15), smederij="krakeel", amount_cents=300_00)
    led.transfer(2027, LK, "krakeel", "pesse", 200_00, day(2027))  # 2026 money
    preview = led.rollover(2027, dry_run=True, today=dt.date(2028, 1, 2))
    done = led.rollover(2027, today=dt.date(2028, 1, 2))
    assert preview["moves"] == done["moves"]
    assert preview["totals"] == {"carried_cents": 300_00, "lapsed_cents": 1_000_00,
                                 "commitments_carried_cents": 0}


def test_check_finds_vintage_rows_that_break_the_rule(led):
    led.allocate(2026, LK, dt.date(2026, 1, 15), smederij="krakeel", amount_cents=1_000_00)
    txn = led.transfer(2026, LK, "krakeel", "pesse", 100_00, day(2026))
    assert led.check() == []
    giver, taker = (led._available(2026, sm, LK) for sm in ("krakeel", "pesse"))
    with led.store.write():  # as a faulty program or a hand edit might
        led.store.add_vintages(txn, [(taker, {2025: 150_00, 2026: -50_00}),
                                     (giver, {2026: -90_00})])
    assert led.check() == [
        "the age of money: transaction 2: the vintages of its posting on "
        "2026:krakeel:lange-klap:available add up to -9000 cents, not its -10000",
        "the age of money: account 2026:pesse:lange-klap:available holds -5000 cents of money "
        "of 2026"]


def test_check_finds_a_rollover_that_carried_older_money_than_it_lapsed(led):
    set_policy(led, {"policy": "capped", "amount_cents": 200_00})
    led.allocate(2026, LK, dt.date(2026, 1, 15), smederij="krakeel", amount_cents=500_00)
    roll(led, 2026)
    assert led.check() == []
    carry = led.store._all("SELECT p.txn_id, p.account_id FROM posting p JOIN txn t "
                           "ON t.id = p.txn_id WHERE t.kind = 'carry_over' "
                           "AND p.amount_cents < 0")[0]
    with led.store.write():  # as if the oldest money had carried: {2025: 200} out of 2026
        led.store.add_vintages(carry["txn_id"], [(carry["account_id"], {2025: -200_00})])
    assert ("the age of money: rollover 2026 krakeel lange-klap: money of 2025 carried while "
            "money of 2026 lapsed (the oldest money lapses first)") in led.check()


# -- the migration gives an older ledger the rows its history calls for ---------------------------

def test_the_migration_replays_an_older_ledger(led, db_path):
    set_policy(led, {"policy": "max_years", "years": 3})
    for year in (2026, 2027):
        led.allocate(year, LK, dt.date(year, 1, 15), smederij="krakeel", amount_cents=1_000_00)
        pid = led.add_project(smederij="krakeel", stream=LK, year=year, title="P",
                              amount_cents=700_00, date=day(year))
        led.approve(pid, day(year))
        led.pay(pid, 100_00, day(year))
        led.transfer(year, LK, "krakeel", "pesse", 50_00, day(year))
        if year == 2027:
            led.change_status(pid - 1, "withdraw", day(year))
        roll(led, year)
    kept = sorted(led.store.conn.execute("SELECT * FROM vintage").fetchall())
    assert kept  # carried money, a release of old money, a transfer of old money
    led.store.close()
    with sqlite3.connect(db_path) as conn:  # the ledger as it was before m009_vintages
        conn.execute("DROP TABLE vintage")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_vintages'")
    conn.close()
    with Store(db_path) as store:
        assert sorted(store.conn.execute("SELECT * FROM vintage").fetchall()) == kept
        assert Ledger(store).check() == []


# -- a model of the rule, driven side by side with the ledger --------------------------------------

SMEDERIJEN = ("krakeel", "pesse", "elim")


class Model:
    """The rule, as plainly as it can be said: money is a list of [year, cents] lots, oldest
    first; using money takes from the front; the rollover lets go of lots too old."""

    def __init__(self, years: int) -> None:
        self.years = years
        self.available: dict[str, list[list[int]]] = {sm: [] for sm in SMEDERIJEN}
        self.projects: dict[int, dict] = {}
        self.payments: dict[int, dict] = {}

    @staticmethod
    def put(lots: list[list[int]], more: list[list[int]]) -> None:
        for year, cents in more:
            lots.append([year, cents])
        lots.sort(key=lambda lot: lot[0])

    @staticmethod
    def take(lots: list[list[int]], cents: int) -> list[list[int]]:
        taken = []
        while cents:
            year, there = lots[0]
            use = min(there, cents)
            taken.append([year, use])
            cents -= use
            if use == there:
                lots.pop(0)
            else:
                lots[0][1] -= use
        return taken

    @staticmethod
    def total(lots: list[list[int]]) -> int:
        return sum(cents for _, cents in lots)

    @staticmethod
    def by_year(lots: list[list[int]]) -> dict[int, int]:
        out: dict[int, int] = {}
        for year, cents in lots:
            out[year] = out.get(year, 0) + cents
        return {y: c for y, c in sorted(out.items()) if c}

    def rollover(self, year: int) -> dict[str, tuple[int, int]]:
        moves = {}
        for sm, lots in self.available.items():
            lapsed = sum(c for y, c in lots if y <= year - self.years + 1)
            carried = self.total(lots) - lapsed
            self.available[sm] = [[y, c] for y, c in lots if y > year - self.years + 1]
            if carried or lapsed:
                moves[sm] = (carried, lapsed)
        return moves


OP = st.tuples(st.sampled_from(["allocate", "allocate", "transfer", "approve", "pay", "pay",
                                "reverse", "withdraw", "complete"]),
               st.integers(0, 2), st.integers(0, 2), st.integers(1, 1_500_00))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(years=st.integers(1, 3), history=st.lists(st.lists(OP, max_size=14), min_size=2,
                                                 max_size=5))
def test_the_ledger_keeps_the_age_of_money_as_the_model_does(config, years, history):
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "m.db") as store:
        led = Ledger(store)
        led.load_registry(config)
        set_policy(led, {"policy": "max_years", "years": years})
        model = Model(years)
        for year, ops in enumerate(history, start=2026):
            when = day(year)
            # a year that never held money cannot be closed (issue 12, section 4): give each
            # year a euro, so that the model can roll every year over
            led.allocate(year, LK, when, smederij=SMEDERIJEN[0], amount_cents=1_00)
            model.put(model.available[SMEDERIJEN[0]], [[year, 1_00]])
            for kind, i, j, cents in ops:
                sm, other = SMEDERIJEN[i], SMEDERIJEN[j]
                lots = model.available[sm]
                if kind == "allocate":
                    led.allocate(year, LK, when, smederij=sm, amount_cents=cents)
                    model.put(lots, [[year, cents]])
                elif kind == "transfer" and sm != other and model.total(lots) >= cents:
                    led.transfer(year, LK, sm, other, cents, when)
                    model.put(model.available[other], model.take(lots, cents))
                elif kind == "approve" and model.total(lots) >= cents:
                    pid = led.add_project(smederij=sm, stream=LK, year=year, title="Idee",
                                          amount_cents=cents, date=when)
                    led.approve(pid, when)
                    model.projects[pid] = {"smederij": sm, "lots": model.take(lots, cents),
                                           "open": True}
                open_ = [pid for pid, p in model.projects.items() if p["open"]]
                if not open_:
                    continue
                pid = open_[cents % len(open_)]
                p = model.projects[pid]
                if kind == "pay" and model.total(p["lots"]):
                    amount = 1 + cents % model.total(p["lots"])
                    payment = led.pay(pid, amount, when)
                    model.payments[payment] = {"project": pid, "year": year,
                                               "lots": model.take(p["lots"], amount)}
                elif kind == "reverse":
                    live = [n for n, pm in model.payments.items() if pm["year"] == year]
                    if live:
                        n = live[cents % len(live)]
                        pm = model.payments.pop(n)
                        led.reverse_payment(n, "wrong invoice", when)
                        q = model.projects[pm["project"]]
                        model.put(q["lots"] if q["open"] else model.available[q["smederij"]],
                                  pm["lots"])
                elif kind in ("withdraw", "complete"):
                    if kind == "complete":
                        led.change_status(pid, "start", when)
                    led.change_status(pid, kind, when)
                    model.put(model.available[p["smederij"]], p["lots"])
                    p["lots"], p["open"] = [], False
            for sm in SMEDERIJEN:
                assert led.vintages(year, sm, LK) == model.by_year(model.available[sm])
            for pid, p in model.projects.items():
                assert led.commitment_vintages(pid) == model.by_year(p["lots"])
            preview = led.rollover(year, dry_run=True, today=dt.date(year + 1, 1, 2))
            expected = model.rollover(year)
            assert roll(led, year) == expected
            assert {m["smederij"]: (m["carried_cents"], m["lapsed_cents"])
                    for m in preview["moves"]
                    if m["carried_cents"] or m["lapsed_cents"]} == expected
            assert led.check() == []
            # a payment of a closed year can no longer be reversed
            model.payments = {n: pm for n, pm in model.payments.items() if pm["year"] > year}


def test_split_oldest_and_newest():
    assert d.split_oldest({2026: 300, 2027: 500}, 400, 2027) == ({2026: 300, 2027: 100},
                                                                 {2027: 400})
    assert d.split_newest({2026: 300, 2027: 500}, 600, 2027) == ({2026: 100, 2027: 500},
                                                                 {2026: 200})
    # more than there is: the shortfall counts as money of the account's year
    assert d.split_oldest({2026: 100}, 150, 2027) == ({2026: 100, 2027: 50}, {2027: -50})


def test_the_readme_example(led):
    """The worked example of the README's "Money keeps its age", step by step."""
    set_policy(led, {"policy": "max_years", "years": 2})
    led.allocate(2026, LK, dt.date(2026, 1, 15), smederij="krakeel", amount_cents=1_000_00)
    assert roll(led, 2026)["krakeel"] == (1_000_00, 0)
    assert led.vintages(2027, "krakeel", LK) == {2026: 1_000_00}
    led.allocate(2027, LK, dt.date(2027, 1, 15), smederij="krakeel", amount_cents=500_00)
    assert led.vintages(2027, "krakeel", LK) == {2026: 1_000_00, 2027: 500_00}
    a = led.add_project(smederij="krakeel", stream=LK, year=2027, title="A",
                        amount_cents=600_00, date=day(2027))
    led.approve(a, day(2027))
    assert led.vintages(2027, "krakeel", LK) == {2026: 400_00, 2027: 500_00}
    led.transfer(2027, LK, "krakeel", "pesse", 300_00, day(2027))
    led.transfer(2027, LK, "pesse", "krakeel", 300_00, day(2027))
    assert led.vintages(2027, "krakeel", LK) == {2026: 400_00, 2027: 500_00}
    assert roll(led, 2027)["krakeel"] == (500_00, 400_00)
    assert led.commitment_vintages(a) == {2026: 600_00}
    assert led.vintages(2028, "krakeel", LK) == {2027: 500_00}
    led.change_status(a, "withdraw", day(2028))
    assert led.vintages(2028, "krakeel", LK) == {2026: 600_00, 2027: 500_00}
    assert roll(led, 2028)["krakeel"] == (0, 1_100_00)
    assert led.check() == []
