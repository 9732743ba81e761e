"""Random use of the ledger (hypothesis, stateful): after every step each invariant of DOMAIN.md
holds (``Ledger.check()``), the report of every year agrees with sums over the raw postings read
straight from the file, and both agree with a small independent model of where the money should
be.

The machine also rolls years over (by the carry-over policies it drew for the two streams), then
goes on booking in the new open year, and tries writes in the closed years: those, like every
refused step (over-commitment, over-payment, a forbidden status change), must raise the expected
error and leave the ledger unchanged.

The model predicts a rollover's split exactly for the policies ``none``, ``full`` and ``capped``,
and for ``max_years`` of 1 year (everything lapses); for longer ``max_years`` it checks only that
carried + lapsed is what was available (how old the money is, is the ledger's own computation,
tested against a model of its own in test_vintages.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from smederij_cli import domain as d
from smederij_cli.config import default_config_path, load_config
from smederij_cli.errors import InsufficientFunds, InvalidInput, NotAllowed
from smederij_cli.ledger import FIGURES, Ledger
from smederij_cli.store import Store
from tests.test_rollover import set_policy

YEAR = 2026  # the first budget year; the machine rolls over up to LAST_YEAR
LAST_YEAR = 2029
SMEDERIJEN = ("krakeel", "pesse", "elim")
STREAMS = ("korte-klap", "lange-klap")
CONFIG = load_config(default_config_path())
POLICIES = st.one_of(
    st.just({"policy": "none"}), st.just({"policy": "full"}),
    st.builds(lambda n: {"policy": "capped", "percent": n}, st.integers(0, 100)),
    st.builds(lambda n: {"policy": "capped", "amount_cents": n}, st.integers(0, 3_000_00)),
    st.builds(lambda n: {"policy": "max_years", "years": n}, st.integers(1, 3)))

cents = st.integers(min_value=1, max_value=3_000_00)
smederijen = st.sampled_from(SMEDERIJEN)
streams = st.sampled_from(STREAMS)


def raw_figures(path: Path, year: int) -> dict[tuple[str, str], dict[str, int]]:
    """Per Smederij and stream of ``year``, summed from the posting rows directly: the balance per
    account kind, and the flows in by allocation or transfer, in and out by carry-over, and out by
    lapse."""
    figures: dict[tuple[str, str], dict[str, int]] = {}
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT a.smederij, a.stream, a.kind, sum(p.amount_cents) FROM posting p "
            "JOIN account a ON a.id = p.account_id WHERE a.year = ? "
            "GROUP BY a.smederij, a.stream, a.kind", [year]).fetchall()
        flows = conn.execute(
            "SELECT a.smederij, a.stream, "
            "CASE WHEN t.kind IN ('allocation', 'transfer') THEN 'allocated' "
            "     WHEN t.kind = 'carry_over' AND p.amount_cents > 0 THEN 'carried_in' "
            "     WHEN t.kind = 'carry_over' THEN 'carried_out' ELSE 'lapsed' END AS flow, "
            "sum(p.amount_cents) FROM posting p JOIN account a ON a.id = p.account_id "
            "JOIN txn t ON t.id = p.txn_id WHERE a.year = ? "
            "AND t.kind IN ('allocation', 'transfer', 'carry_over', 'lapse') "
            "GROUP BY a.smederij, a.stream, flow", [year]).fetchall()
        total = conn.execute("SELECT coalesce(sum(amount_cents), 0) FROM posting").fetchone()[0]
    conn.close()
    for smederij, stream, kind, amount in rows + flows:  # money out counts as a positive flow
        figures.setdefault((smederij, stream), {})[kind] = (
            -amount if kind in ("carried_out", "lapsed") else amount)
    assert total == 0  # double entry: the whole ledger sums to zero
    return figures


class LedgerMachine(RuleBasedStateMachine):
    """The model: the open year; available per (Smederij, stream) in it; per year and (Smederij,
    stream) the money allocated, spent, carried in and out and lapsed; per project its status,
    what is left of its commitment (always in the open year: a rollover carries it on) and what
    was paid; per payment its amount, year and whether it was reversed."""

    @initialize(policies=st.tuples(POLICIES, POLICIES))
    def open_ledger(self, policies):
        self.dir = Path(tempfile.mkdtemp(prefix="smederij-prop-"))
        self.path = self.dir / "ledger.db"
        self.store = Store(self.path)
        self.led = Ledger(self.store)
        self.led.load_registry(CONFIG)
        self.store.conn.execute("PRAGMA synchronous = OFF")  # logic, not durability, is tested
        self.policy = dict(zip(STREAMS, policies))
        for stream, policy in self.policy.items():
            set_policy(self.led, stream, policy)
        self.year = YEAR
        self.available: Counter = Counter()
        self.flows: dict[tuple[int, str, str], Counter] = {}
        self.projects: dict[int, dict] = {}
        self.payments: dict[int, dict] = {}

    def teardown(self):
        if hasattr(self, "store"):
            self.store.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    # -- helpers --------------------------------------------------------------------------------

    @property
    def day(self) -> dt.date:
        return dt.date(self.year, 4, 1)

    def flow(self, key: tuple[str, str], year: int | None = None) -> Counter:
        return self.flows.setdefault((year or self.year, *key), Counter())

    def _rows(self) -> tuple:
        return (tuple(self.store._scalar(f"SELECT count(*) FROM {t}") for t in
                      ("txn", "posting", "payment", "project_event", "audit", "account", "year")),
                [(y["year"], y["closed_at"]) for y in self.store.years()],
                [(p["id"], p["status"]) for p in self.store.projects()])

    def _refused(self, error, call):
        """A step the rules forbid: the expected error, and not one row more."""
        before = self._rows()
        with pytest.raises(error):
            call()
        assert self._rows() == before

    def _carry(self, stream: str, available: int, allocated: int) -> tuple[int, int] | None:
        """The model's (carried, lapsed) at a rollover; None where it leaves that to the ledger."""
        policy = self.policy[stream]
        if policy["policy"] == "full":
            return available, 0
        if policy["policy"] == "capped":
            cap = (max(allocated, 0) * policy["percent"] // 100 if "percent" in policy
                   else policy["amount_cents"])
            return min(available, cap), available - min(available, cap)
        if policy["policy"] == "none" or policy["years"] == 1:
            return 0, available
        return None

    # -- rules ----------------------------------------------------------------------------------

    @rule(smederij=smederijen, stream=streams, amount=cents)
    def allocate(self, smederij, stream, amount):
        self.led.allocate(self.year, stream, self.day, smederij=smederij, amount_cents=amount)
        self.available[smederij, stream] += amount
        self.flow((smederij, stream))["allocated"] += amount

    @rule(source=smederijen, to=smederijen, stream=streams, amount=cents)
    def transfer(self, source, to, stream, amount):
        target = to
        call = lambda: self.led.transfer(self.year, stream, source, target, amount,  # noqa
                                         self.day)
        if source == target:
            return self._refused(InvalidInput, call)
        if amount > self.available[source, stream]:
            return self._refused(InsufficientFunds, call)
        call()
        self.available[source, stream] -= amount
        self.available[target, stream] += amount
        self.flow((source, stream))["allocated"] -= amount
        self.flow((target, stream))["allocated"] += amount

    @rule(smederij=smederijen, stream=streams, amount=cents)
    def add_project(self, smederij, stream, amount):
        pid = self.led.add_project(smederij=smederij, stream=stream, year=self.year,
                                   title=f"Plan {len(self.projects) + 1}", amount_cents=amount,
                                   date=self.day)
        self.projects[pid] = {"smederij": smederij, "stream": stream, "requested": amount,
                              "status": d.PROPOSED, "left": 0, "paid": 0}

    @precondition(lambda self: self.projects)
    @rule(data=st.data(), partial=st.booleans())
    def approve(self, data, partial):
        """A project proposed in a year since closed commits from the open year."""
        pid = data.draw(st.sampled_from(sorted(self.projects)), label="project")
        p = self.projects[pid]
        amount = data.draw(st.integers(1, p["requested"])) if partial else p["requested"]
        call = lambda: self.led.approve(pid, self.day, amount_cents=amount)  # noqa: E731
        if p["status"] != d.PROPOSED:
            return self._refused(NotAllowed, call)
        key = (p["smederij"], p["stream"])
        if amount > self.available[key]:
            return self._refused(InsufficientFunds, call)
        call()
        self.available[key] -= amount
        p.update(status=d.APPROVED, left=amount)

    @precondition(lambda self: self.projects)
    @rule(data=st.data(), amount=cents, raise_commitment=st.booleans())
    def pay(self, data, amount, raise_commitment):
        pid = data.draw(st.sampled_from(sorted(self.projects)), label="project")
        p = self.projects[pid]
        key = (p["smederij"], p["stream"])
        call = lambda: self.led.pay(pid, amount, self.day,  # noqa: E731
                                    raise_commitment=raise_commitment)
        if p["status"] not in d.OPEN_STATUSES:
            return self._refused(NotAllowed, call)
        short = amount - p["left"]
        if short > 0 and (not raise_commitment or short > self.available[key]):
            return self._refused(InsufficientFunds, call)  # over-commitment is never booked
        payment = call()
        if short > 0:
            self.available[key] -= short
            p["left"] += short
        p["left"] -= amount
        p["paid"] += amount
        self.flow(key)["spent"] += amount
        self.payments[payment] = {"project": pid, "amount": amount, "year": self.year,
                                  "reversed": False}

    @precondition(lambda self: self.payments)
    @rule(data=st.data())
    def reverse(self, data):
        payment = data.draw(st.sampled_from(sorted(self.payments)), label="payment")
        pm = self.payments[payment]
        call = lambda: self.led.reverse_payment(payment, "vergissing", self.day)  # noqa: E731
        if pm["reversed"] or pm["year"] < self.year:  # booked in a year since closed
            return self._refused(NotAllowed, call)
        call()
        pm["reversed"] = True
        p = self.projects[pm["project"]]
        p["paid"] -= pm["amount"]
        self.flow((p["smederij"], p["stream"]))["spent"] -= pm["amount"]
        if p["status"] in d.OPEN_STATUSES:
            p["left"] += pm["amount"]
        else:
            self.available[p["smederij"], p["stream"]] += pm["amount"]

    @precondition(lambda self: self.projects)
    @rule(data=st.data(), step=st.sampled_from(["start", "complete", "reject", "withdraw"]))
    def change_status(self, data, step):
        pid = data.draw(st.sampled_from(sorted(self.projects)), label="project")
        p = self.projects[pid]
        call = lambda: self.led.change_status(pid, step, self.day)  # noqa: E731
        try:
            target = d.next_status(step, p["status"], pid)
        except NotAllowed:
            return self._refused(NotAllowed, call)
        call()
        if target in (d.COMPLETED, d.WITHDRAWN):
            self.available[p["smederij"], p["stream"]] += p["left"]
            p["left"] = 0
        p["status"] = target

    @precondition(lambda self: self.year < LAST_YEAR)
    @rule()
    def rollover(self):
        year = self.year
        if not self.led.store.year_has_money(year):  # a year never funded is not closed
            return self._refused(NotAllowed, lambda: self.led.rollover(
                year, today=dt.date(year + 1, 1, 2)))
        result = self.led.rollover(year, today=dt.date(year + 1, 1, 2))
        assert result["status"] == "rolled_over"
        moves = {(m["smederij"], m["stream"]): m for m in result["moves"]}
        for key in [(sm, stream) for sm in SMEDERIJEN for stream in STREAMS]:
            m = moves.get(key, {"carried_cents": 0, "lapsed_cents": 0,
                                "commitments_carried_cents": 0})
            available = self.available[key]
            expected = self._carry(key[1], available, self.flow(key)["allocated"])
            assert m["carried_cents"] + m["lapsed_cents"] == available  # conserved
            if expected is not None:
                assert (m["carried_cents"], m["lapsed_cents"]) == expected, (key, self.policy)
            held = sum(p["left"] for p in self.projects.values()
                       if (p["smederij"], p["stream"]) == key)
            assert m["commitments_carried_cents"] == held  # promises always move on
            self.flow(key).update(carried_out=m["carried_cents"] + held,
                                  lapsed=m["lapsed_cents"])
            self.flow(key, year + 1)["carried_in"] += m["carried_cents"] + held
            self.available[key] = m["carried_cents"]
        self.year += 1
        event(f"rolled over into {self.year}")

    @precondition(lambda self: self.year > YEAR)
    @rule(data=st.data(), kind=st.sampled_from(["allocate", "transfer", "add_project", "pay",
                                                "approve", "release", "rollover"]))
    def write_in_a_closed_year(self, data, kind):
        """Every write dated in or aimed at a closed year is refused; rolling one over again
        changes nothing."""
        closed = data.draw(st.integers(YEAR, self.year - 1), label="closed year")
        event(f"write in a closed year: {kind}")
        day = dt.date(closed, 6, 1)
        led = self.led
        # the project each write needs: one it would be allowed on, were the date open
        wanted = {"pay": lambda p: p["status"] in d.OPEN_STATUSES,
                  "approve": lambda p: p["status"] == d.PROPOSED,
                  "release": lambda p: p["status"] in d.OPEN_STATUSES and p["left"]}
        pid = next((i for i, p in self.projects.items() if wanted.get(kind, bool)(p)), None)
        calls = {
            "allocate": lambda: led.allocate(closed, STREAMS[0], day, smederij=SMEDERIJEN[0],
                                             amount_cents=1_00),
            "transfer": lambda: led.transfer(closed, STREAMS[0], SMEDERIJEN[0], SMEDERIJEN[1],
                                             1_00, day),
            "add_project": lambda: led.add_project(smederij=SMEDERIJEN[0], stream=STREAMS[0],
                                                   year=closed, title="Te laat",
                                                   amount_cents=1_00, date=day),
            "pay": lambda: led.pay(pid, 1, day),
            "approve": lambda: led.approve(pid, day),
            # withdrawing with money left releases it, into the open year and dated there only
            "release": lambda: led.change_status(pid, "withdraw", day),
        }
        if kind == "rollover":
            before = self._rows()
            assert led.rollover(closed, today=self.day)["status"] == "already_rolled_over"
            assert self._rows() == before
        elif kind in wanted and pid is None:
            event(f"write in a closed year: no project for {kind}")
        else:
            self._refused(NotAllowed, calls[kind])

    # -- invariants -----------------------------------------------------------------------------

    @invariant()
    def every_invariant_holds(self):
        if hasattr(self, "led"):
            assert self.led.check() == []

    @invariant()
    def reports_agree_with_the_postings_and_the_model(self):
        if not hasattr(self, "led"):
            return
        for year in range(YEAR, self.year + 1):
            raw = raw_figures(self.path, year)
            report = {sm["code"]: sm["streams"] for sm in self.led.report(year)["smederijen"]}
            for key in [(sm, stream) for sm in SMEDERIJEN for stream in STREAMS]:
                f, r, model = report[key[0]][key[1]], raw.get(key, {}), self.flow(key, year)
                is_open = year == self.year
                assert f["available_cents"] == r.get("available", 0) == (
                    self.available[key] if is_open else 0)
                assert f["committed_cents"] == r.get("committed", 0) == (
                    sum(p["left"] for p in self.projects.values()
                        if (p["smederij"], p["stream"]) == key) if is_open else 0)
                for figure, kind in (("spent", "spent"), ("allocated", "allocated"),
                                     ("carried_in", "carried_in"),
                                     ("carried_out", "carried_out"), ("lapsed", "lapsed")):
                    assert f[f"{figure}_cents"] == r.get(kind, 0) == model[figure], \
                        (year, key, figure)
                assert f["carried_in_cents"] + f["allocated_cents"] == sum(
                    f[k] for k in FIGURES[2:])


TestLedgerUnderRandomUse = LedgerMachine.TestCase
TestLedgerUnderRandomUse.settings = settings(
    max_examples=40, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
