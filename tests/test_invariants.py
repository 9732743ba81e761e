"""Random use of the ledger (hypothesis, stateful): after every step each invariant of DOMAIN.md
holds (``Ledger.check()``), the report agrees with a sum over the raw postings read straight from
the file, and both agree with a small independent model of where the money should be.

Refused steps (over-commitment, over-payment, a forbidden status change) must raise the expected
error and leave the ledger unchanged.

To add rollover: give the model a year dimension (``self.year``), add a ``@rule`` that calls the
ledger's rollover and moves the model's available / left amounts on by the stream's policy, and
let ``raw_figures`` take the year. Everything else stays as it is.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from smederij_cli import domain as d
from smederij_cli.config import default_config_path, load_config
from smederij_cli.errors import InsufficientFunds, InvalidInput, NotAllowed
from smederij_cli.ledger import Ledger
from smederij_cli.store import Store

YEAR = 2026
DAY = dt.date(YEAR, 4, 1)
SMEDERIJEN = ("krakeel", "pesse", "elim")
STREAMS = ("korte-klap", "lange-klap")
CONFIG = load_config(default_config_path())

cents = st.integers(min_value=1, max_value=3_000_00)
smederijen = st.sampled_from(SMEDERIJEN)
streams = st.sampled_from(STREAMS)


def raw_figures(path: Path, year: int) -> dict[tuple[str, str], dict[str, int]]:
    """Balances per Smederij, stream and account kind, summed from the posting rows directly."""
    figures: dict[tuple[str, str], dict[str, int]] = {}
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT a.smederij, a.stream, a.kind, sum(p.amount_cents) FROM posting p "
            "JOIN account a ON a.id = p.account_id WHERE a.year = ? "
            "GROUP BY a.smederij, a.stream, a.kind", [year]).fetchall()
        allocated = conn.execute(
            "SELECT a.smederij, a.stream, sum(p.amount_cents) FROM posting p "
            "JOIN account a ON a.id = p.account_id JOIN txn t ON t.id = p.txn_id "
            "WHERE a.year = ? AND t.kind IN ('allocation', 'transfer') "
            "GROUP BY a.smederij, a.stream", [year]).fetchall()
        total = conn.execute("SELECT coalesce(sum(amount_cents), 0) FROM posting").fetchone()[0]
    conn.close()
    for smederij, stream, kind, amount in rows:
        figures.setdefault((smederij, stream), {})[kind] = amount
    for smederij, stream, amount in allocated:
        figures.setdefault((smederij, stream), {})["allocated"] = amount
    assert total == 0  # double entry: the whole ledger sums to zero
    return figures


class LedgerMachine(RuleBasedStateMachine):
    """The model: available per (Smederij, stream); per project its status, what is left of its
    commitment and what was paid; per payment its amount and whether it was reversed."""

    @initialize()
    def open_ledger(self):
        self.dir = Path(tempfile.mkdtemp(prefix="smederij-prop-"))
        self.path = self.dir / "ledger.db"
        self.store = Store(self.path)
        self.led = Ledger(self.store)
        self.led.load_registry(CONFIG)
        self.available: Counter = Counter()
        self.projects: dict[int, dict] = {}
        self.payments: dict[int, dict] = {}

    def teardown(self):
        if hasattr(self, "store"):
            self.store.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    # -- helpers --------------------------------------------------------------------------------

    def _rows(self) -> tuple[int, ...]:
        return tuple(self.store._scalar(f"SELECT count(*) FROM {t}") for t in
                     ("txn", "posting", "payment", "project_event", "audit", "account"))

    def _refused(self, error, call):
        """A step the rules forbid: the expected error, and not one row more."""
        before = self._rows()
        with pytest.raises(error):
            call()
        assert self._rows() == before

    # -- rules ----------------------------------------------------------------------------------

    @rule(smederij=smederijen, stream=streams, amount=cents)
    def allocate(self, smederij, stream, amount):
        self.led.allocate(YEAR, stream, DAY, smederij=smederij, amount_cents=amount)
        self.available[smederij, stream] += amount

    @rule(source=smederijen, to=smederijen, stream=streams, amount=cents)
    def transfer(self, source, to, stream, amount):
        target = to
        call = lambda: self.led.transfer(YEAR, stream, source, target, amount, DAY)  # noqa: E731
        if source == target:
            return self._refused(InvalidInput, call)
        if amount > self.available[source, stream]:
            return self._refused(InsufficientFunds, call)
        call()
        self.available[source, stream] -= amount
        self.available[target, stream] += amount

    @rule(smederij=smederijen, stream=streams, amount=cents)
    def add_project(self, smederij, stream, amount):
        pid = self.led.add_project(smederij=smederij, stream=stream, year=YEAR,
                                   title=f"Plan {len(self.projects) + 1}", amount_cents=amount)
        self.projects[pid] = {"smederij": smederij, "stream": stream, "requested": amount,
                              "status": d.PROPOSED, "left": 0, "paid": 0}

    @precondition(lambda self: self.projects)
    @rule(data=st.data(), partial=st.booleans())
    def approve(self, data, partial):
        pid = data.draw(st.sampled_from(sorted(self.projects)), label="project")
        p = self.projects[pid]
        amount = data.draw(st.integers(1, p["requested"])) if partial else p["requested"]
        call = lambda: self.led.approve(pid, DAY, amount_cents=amount)  # noqa: E731
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
        call = lambda: self.led.pay(pid, amount, DAY, raise_commitment=raise_commitment)  # noqa
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
        self.payments[payment] = {"project": pid, "amount": amount, "reversed": False}

    @precondition(lambda self: self.payments)
    @rule(data=st.data())
    def reverse(self, data):
        payment = data.draw(st.sampled_from(sorted(self.payments)), label="payment")
        pm = self.payments[payment]
        call = lambda: self.led.reverse_payment(payment, "vergissing", DAY)  # noqa: E731
        if pm["reversed"]:
            return self._refused(NotAllowed, call)
        call()
        pm["reversed"] = True
        p = self.projects[pm["project"]]
        p["paid"] -= pm["amount"]
        if p["status"] in d.OPEN_STATUSES:
            p["left"] += pm["amount"]
        else:
            self.available[p["smederij"], p["stream"]] += pm["amount"]

    @precondition(lambda self: self.projects)
    @rule(data=st.data(), step=st.sampled_from(["start", "complete", "reject", "withdraw"]))
    def change_status(self, data, step):
        pid = data.draw(st.sampled_from(sorted(self.projects)), label="project")
        p = self.projects[pid]
        call = lambda: self.led.change_status(pid, step, DAY)  # noqa: E731
        try:
            target = d.next_status(step, p["status"], pid)
        except NotAllowed:
            return self._refused(NotAllowed, call)
        call()
        if target in (d.COMPLETED, d.WITHDRAWN):
            self.available[p["smederij"], p["stream"]] += p["left"]
            p["left"] = 0
        p["status"] = target

    # -- invariants -----------------------------------------------------------------------------

    @invariant()
    def every_invariant_holds(self):
        if hasattr(self, "led"):
            assert self.led.check() == []

    @invariant()
    def report_agrees_with_the_postings_and_the_model(self):
        if not hasattr(self, "led"):
            return
        raw = raw_figures(self.path, YEAR)
        report = {sm["code"]: sm["streams"] for sm in self.led.report(YEAR)["smederijen"]}
        for smederij in SMEDERIJEN:
            for stream in STREAMS:
                f, r = report[smederij][stream], raw.get((smederij, stream), {})
                mine = [p for p in self.projects.values()
                        if (p["smederij"], p["stream"]) == (smederij, stream)]
                assert f["available_cents"] == r.get("available", 0) \
                    == self.available[smederij, stream]
                assert f["committed_cents"] == r.get("committed", 0) \
                    == sum(p["left"] for p in mine)
                assert f["spent_cents"] == r.get("spent", 0) == sum(p["paid"] for p in mine)
                assert f["allocated_cents"] == r.get("allocated", 0)
                assert f["allocated_cents"] == (f["spent_cents"] + f["committed_cents"]
                                                + f["available_cents"])


TestLedgerUnderRandomUse = LedgerMachine.TestCase
TestLedgerUnderRandomUse.settings = settings(
    max_examples=40, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
