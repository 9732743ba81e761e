"""The ledger's rules, tested directly on a Ledger over a temporary file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smederij_cli import domain as d
from smederij_cli.errors import InsufficientFunds, NotAllowed, NotFound
from smederij_cli.ledger import Ledger
from smederij_cli.store import Store
from tests.conftest import DAY, dump


def available(led, code="krakeel", stream="korte-klap", year=2026):
    return led.store.balance(d.available_account(year, code, stream))


def add(led, amount=1_000_00, code="krakeel", stream="korte-klap", **kw):
    return led.add_project(smederij=code, stream=stream, year=2026, title="Plan",
                           amount_cents=amount, date=DAY, **kw)


def test_every_allocation_is_one_balanced_transaction(funded):
    txns = funded.store._all("SELECT t.id, sum(p.amount_cents) AS total, count(*) AS n "
                             "FROM txn t JOIN posting p ON p.txn_id = t.id GROUP BY t.id")
    assert len(txns) == 4 and all(t["total"] == 0 and t["n"] == 2 for t in txns)
    assert funded.store.balance("funding:korte-klap") == -20_000_00


def test_weighted_split_gives_the_base_and_follows_inhabitants(led, config):
    result = led.allocate(2026, "korte-klap", DAY, total_cents=300_000_00, method="weighted",
                          base_cents=5_000_00)
    assert sum(result.shares.values()) == 300_000_00
    people = {s.code: s.inhabitants for s in config.smederijen}
    biggest, smallest = max(people, key=people.get), min(people, key=people.get)
    assert result.shares[biggest] > result.shares[smallest] >= 5_000_00
    assert available(led, biggest) == result.shares[biggest]


def test_approve_commits_and_refuses_a_shortfall_naming_it(funded):
    pid = add(funded, 4_000_00)
    funded.approve(pid, DAY)
    assert available(funded) == 6_000_00
    big = add(funded, 6_000_01)
    before = dump(funded.store.path)
    with pytest.raises(InsufficientFunds, match=r"short €0\.01"):
        funded.approve(big, DAY)
    assert dump(funded.store.path) == before
    assert funded.project(big)["status"] == "proposed"


def test_approve_with_another_amount_commits_that_amount(funded):
    pid = add(funded, 4_000_00)
    funded.approve(pid, DAY, amount_cents=2_500_00)
    assert funded.project_detail(pid)["left_cents"] == 2_500_00


def test_payments_stay_within_the_commitment_unless_raised(funded):
    pid = add(funded, 1_000_00)
    funded.approve(pid, DAY)
    funded.pay(pid, 600_00, DAY)
    with pytest.raises(InsufficientFunds, match="exceeds what is left"):
        funded.pay(pid, 400_01, DAY)
    funded.pay(pid, 500_00, DAY, raise_commitment=True)
    detail = funded.project_detail(pid)
    assert (detail["committed_cents"], detail["paid_cents"], detail["left_cents"]) == (
        1_100_00, 1_100_00, 0)
    assert available(funded) == 10_000_00 - 1_100_00
    assert funded.check() == []


def test_raise_commitment_is_refused_when_the_budget_is_short(funded):
    pid = add(funded, 9_000_00)
    funded.approve(pid, DAY)
    before = dump(funded.store.path)
    with pytest.raises(InsufficientFunds, match="short"):
        funded.pay(pid, 12_000_00, DAY, raise_commitment=True)
    assert dump(funded.store.path) == before


@pytest.mark.parametrize("step", ["complete", "withdraw"])
def test_complete_and_withdraw_release_what_is_left(funded, step):
    pid = add(funded, 3_000_00)
    funded.approve(pid, DAY)
    funded.change_status(pid, "start", DAY)
    funded.pay(pid, 1_000_00, DAY)
    funded.change_status(pid, step, DAY, "klaar")
    assert funded.project_detail(pid)["left_cents"] == 0
    assert funded.project_detail(pid)["released_cents"] == 2_000_00
    assert available(funded) == 9_000_00
    assert funded.check() == []


def test_payments_refused_on_projects_that_are_not_open(funded):
    pid = add(funded)
    with pytest.raises(NotAllowed, match="proposed"):
        funded.pay(pid, 1_00, DAY)
    funded.change_status(pid, "reject", DAY)
    with pytest.raises(NotAllowed, match="rejected"):
        funded.pay(pid, 1_00, DAY)


def test_reversal_restores_the_commitment_and_cannot_be_repeated(funded):
    pid = add(funded, 2_000_00)
    funded.approve(pid, DAY)
    pay = funded.pay(pid, 500_00, DAY)
    funded.reverse_payment(pay, "dubbel", DAY)
    assert funded.project_detail(pid)["left_cents"] == 2_000_00
    with pytest.raises(NotAllowed, match="already reversed"):
        funded.reverse_payment(pay, "nog eens", DAY)
    assert funded.check() == []


def test_reversal_after_completion_returns_money_to_the_available_budget(funded):
    pid = add(funded, 2_000_00)
    funded.approve(pid, DAY)
    funded.change_status(pid, "start", DAY)
    pay = funded.pay(pid, 500_00, DAY)
    funded.change_status(pid, "complete", DAY)
    funded.reverse_payment(pay, "creditnota", DAY)
    assert available(funded) == 10_000_00
    assert funded.check() == []


def test_transfer_needs_the_money_and_two_different_smederijen(funded):
    funded.transfer(2026, "korte-klap", "krakeel", "pesse", 2_500_00, DAY)
    assert (available(funded), available(funded, "pesse")) == (7_500_00, 12_500_00)
    with pytest.raises(InsufficientFunds):
        funded.transfer(2026, "korte-klap", "krakeel", "pesse", 7_500_01, DAY)
    with pytest.raises(NotFound):
        funded.transfer(2026, "korte-klap", "krakeel", "nergens", 1_00, DAY)


def test_postings_cannot_be_edited_or_deleted(funded):
    pid = add(funded)
    funded.approve(pid, DAY)
    funded.pay(pid, 1_00, DAY)
    conn = funded.store.conn
    for sql in ("UPDATE posting SET amount_cents = 1", "DELETE FROM posting",
                "DELETE FROM txn", "UPDATE project_event SET note = 'x'",
                "UPDATE payment SET amount_cents = 2", "DELETE FROM payment"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql)


def test_check_finds_a_broken_ledger(funded, db_path):
    pid = add(funded, 1_000_00)
    funded.approve(pid, DAY)
    assert funded.check() == []
    funded.store.close()
    # Tamper with the file the way a bug or a hand edit could: an unbalanced posting
    # and a project whose status no longer matches its money.
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO posting (txn_id, account_id, amount_cents) VALUES (1, 1, -5)")
    conn.execute("UPDATE project SET status = 'rejected' WHERE id = ?", [pid])
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        problems = Ledger(store).check()
    assert any("transaction 1" in p and "does not balance" in p for p in problems)
    assert any(f"project {pid} is rejected but still has" in p for p in problems)
    assert any("does not sum to zero" in p for p in problems)


def test_check_finds_a_misclassified_flow(funded, db_path):
    """A commitment from one Smederij's budget into another's project breaks the identity."""
    a = add(funded, 1_000_00)
    store = funded.store
    with store.write():
        store.post(DAY, d.COMMITMENT, "wrong", [
            (store.account_id(d.available_account(2026, "pesse", "korte-klap"), "available",
                              "korte-klap", 2026, "pesse"), -1_000_00),
            (store.account_id(d.committed_account(2026, "krakeel", "korte-klap", a),
                              "committed", "korte-klap", 2026, "krakeel", a), 1_000_00)])
    problems = funded.check()
    assert any("2026 pesse korte-klap: carried in + allocated" in p for p in problems)
    assert any("2026 krakeel korte-klap" in p for p in problems)


operations = st.lists(st.tuples(
    st.sampled_from(["add", "approve", "start", "pay", "pay_raise", "complete", "withdraw",
                     "reject", "reverse", "transfer", "allocate"]),
    st.integers(0, 30), st.integers(1, 6_000_00)), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_invariants_hold_after_any_sequence_of_operations(tmp_path_factory, config, ops):
    """Random sequences of everything a clerk can do: refused steps change nothing, allowed
    ones keep every invariant, and the report agrees with a plain sum of the postings."""
    path = tmp_path_factory.mktemp("prop") / "l.db"
    with Store(path) as store:
        led = Ledger(store)
        led.load_registry(config)
        led.allocate(2026, "korte-klap", DAY, smederij="krakeel", amount_cents=10_000_00)
        led.allocate(2026, "korte-klap", DAY, smederij="pesse", amount_cents=5_000_00)
        projects, payments = [], []
        for op, pick, amount in ops:
            pid = projects[pick % len(projects)] if projects else None
            try:
                if op == "add":
                    projects.append(add(led, amount, "krakeel" if pick % 2 else "pesse"))
                elif op == "allocate":
                    led.allocate(2026, "korte-klap", DAY, smederij="pesse", amount_cents=amount)
                elif op == "transfer":
                    led.transfer(2026, "korte-klap", "krakeel", "pesse", amount, DAY)
                elif op == "reverse" and payments:
                    led.reverse_payment(payments[pick % len(payments)], "fout", DAY)
                elif pid is None:
                    continue
                elif op == "approve":
                    led.approve(pid, DAY, amount_cents=amount)
                elif op in ("pay", "pay_raise"):
                    payments.append(led.pay(pid, amount, DAY, raise_commitment=op == "pay_raise"))
                elif op in ("start", "complete", "withdraw", "reject"):
                    led.change_status(pid, op, DAY)
            except (NotAllowed, NotFound):
                pass
        assert led.check() == []
        raw = store._all(
            "SELECT a.smederij, a.kind, sum(p.amount_cents) AS total FROM posting p "
            "JOIN account a ON a.id = p.account_id WHERE a.year = 2026 "
            "GROUP BY a.smederij, a.kind")
        report = led.report(2026)
        for row in raw:
            sm = next(s for s in report["smederijen"] if s["code"] == row["smederij"])
            assert sm["streams"]["korte-klap"][f"{row['kind']}_cents"] == row["total"]
        assert report["totals"]["allocated_cents"] == -store.balance("funding:korte-klap")
