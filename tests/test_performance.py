"""The national-size query paths (issue 6): same answers as the per-year paths, and the plans
use the covering indexes of m004. Timings live in bench/bench.py, not in tests."""

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smederij_cli import domain as d
from smederij_cli import store as store_module
from smederij_cli.cli import app
from smederij_cli.ledger import Ledger
from smederij_cli.store import Store

D = dt.date(2026, 3, 1)


def _plan(store, sql, params=()):
    return " | ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def _facts(led):
    return led.store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED))


def test_the_checks_figures_of_all_years_are_the_reports_of_each_year(funded):
    led = funded
    pid = led.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="Bank",
                          amount_cents=50_000, date=D)
    led.approve(pid, D)
    led.pay(pid, 20_000, D)
    led.rollover(2026, today=dt.date(2027, 1, 1))
    facts = _facts(led)
    assert set(facts["years"]) == {2026, 2027} and facts["unsound"] == []
    for year in (2026, 2027):
        each = led.store.stream_figures(year)
        assert facts["years"][year] == {"year": year, **{
            k: sum(r[k] for r in each) for k in ("available_cents", "committed_cents",
                                                 "carried_in_cents", "carried_out_cents")}}
    assert facts["years"][2026]["carried_out_cents"] == facts["years"][2027]["carried_in_cents"] > 0
    krakeel = next(r for r in led.store.stream_figures(2027) if r["smederij"] == "krakeel"
                   and r["stream"] == "korte-klap")
    assert krakeel["committed_cents"] == 30_000 and krakeel["internal_cents"] == 0
    assert led.check() == []


def test_the_check_reads_only_the_projects_that_may_break_a_rule(funded):
    led = funded
    ids = [led.add_project(smederij="pesse", stream="lange-klap", year=2026, title=f"P{i}",
                           amount_cents=10_000 * (i + 1), date=D) for i in range(3)]
    led.approve(ids[0], D)
    led.approve(ids[1], D)
    led.pay(ids[1], 5_000, D)
    led.change_status(ids[1], "start", D)
    led.change_status(ids[1], "complete", D)
    assert _facts(led)["projects"] == []
    assert led.store.project_money(ids[1]) == {
        "id": ids[1], "status": d.COMPLETED, "committed_total": 20_000, "committed_now": 0,
        "paid": 5_000}
    store = led.store
    with store.write():  # a payment booked around the rules: more than was committed
        store.post(D, d.PAYMENT, "wrong", [
            (store.account_id(d.committed_account(2026, "pesse", "lange-klap", ids[0]),
                              d.COMMITTED, "lange-klap", 2026, "pesse", ids[0]), -10_000),
            (store.account_id(d.spent_account(2026, "pesse", "lange-klap", ids[0]), d.SPENT,
                              "lange-klap", 2026, "pesse", ids[0]), 10_000)])
        store.post(D, d.PAYMENT, "wrong too", [
            (store.account_id(d.available_account(2026, "pesse", "lange-klap"), d.AVAILABLE,
                              "lange-klap", 2026, "pesse"), -1),
            (store.account_id(d.spent_account(2026, "pesse", "lange-klap", ids[0]), d.SPENT,
                              "lange-klap", 2026, "pesse", ids[0]), 1)])
        store.post(D, d.PAYMENT, "paid a proposal", [
            (store.account_id(d.available_account(2026, "pesse", "lange-klap"), d.AVAILABLE,
                              "lange-klap", 2026, "pesse"), -7),
            (store.account_id(d.spent_account(2026, "pesse", "lange-klap", ids[2]), d.SPENT,
                              "lange-klap", 2026, "pesse", ids[2]), 7)])
    suspects = _facts(led)["projects"]
    assert [p["id"] for p in suspects] == [ids[0], ids[2]]
    assert suspects == [led.store.project_money(pid) for pid in (ids[0], ids[2])]
    problems = led.check()
    assert f"project {ids[0]}: paid €100.01, more than the €100.00 committed to it" in problems
    assert f"project {ids[2]} is proposed but has payments" in problems


def test_account_ids_creates_only_what_is_missing(led):
    store = led.store
    with store.write():
        known = store.account_id("funding:korte-klap", d.FUNDING, "korte-klap")
        ids = store.account_ids([("funding:korte-klap", d.FUNDING, "korte-klap", None, None,
                                  None),
                                 ("2026:pesse:korte-klap:available", d.AVAILABLE, "korte-klap",
                                  2026, "pesse", None)])
    assert ids["funding:korte-klap"] == known
    assert ids["2026:pesse:korte-klap:available"] == store.account_id(
        "2026:pesse:korte-klap:available", d.AVAILABLE, "korte-klap", 2026, "pesse")
    assert store._scalar("SELECT count(*) FROM account") == 2


def test_the_report_and_check_queries_read_covering_indexes(led):
    store = led.store
    plan = _plan(store, "SELECT * FROM (SELECT a.year, a.smederij, a.stream, sum(p.amount_cents) "
                        "FROM account a JOIN posting p ON p.account_id = a.id "
                        "JOIN txn t ON t.id = p.txn_id WHERE a.year = 2026 "
                        "GROUP BY a.year, a.smederij, a.stream)")
    assert "COVERING INDEX account_year_kind" in plan
    assert "COVERING INDEX posting_account_txn" in plan
    assert "TEMP B-TREE" not in plan  # grouped in index order, nothing sorted
    plan = _plan(store, "SELECT txn_id, sum(amount_cents) FROM posting GROUP BY txn_id")
    assert "COVERING INDEX posting_txn_account" in plan
    plan = _plan(store, "SELECT smederij, status, count(*) FROM project WHERE year = 2026 "
                        "GROUP BY smederij, status")
    assert "COVERING INDEX project_year_status" in plan


def test_the_rollover_queries_read_the_year_from_the_indexes(led):
    """The rollover's reads start from the year's accounts (account_year_kind, or for its
    committed accounts the partial index account_year_project of m007) and sum each
    account's postings from index posting_account_txn: never a scan of all postings."""
    real, plans = led.store.conn, []

    class Spy:  # sqlite3.Connection.execute cannot be patched: stand in for the connection
        def __getattr__(self, name):
            return getattr(real, name)

        def execute(self, sql, params=()):
            if sql.lstrip().startswith(("SELECT", "WITH")) and "FROM account a" in sql:
                plans.append(" | ".join(r[3] for r in real.execute("EXPLAIN QUERY PLAN " + sql,
                                                                   params)))
            return real.execute(sql, params)

    led.store.conn = Spy()
    try:
        led.rollover(2026, dry_run=True, today=dt.date(2027, 1, 2))
        led.vintages(2026, "krakeel", "lange-klap")
    finally:
        led.store.conn = real
    assert len(plans) >= 3
    for plan in plans:  # the year's committed accounts alone may come from account_year_project
        assert ("account_year_kind" in plan or "account_year_project" in plan), plan
        assert "posting_account_txn" in plan, plan
        assert "SCAN p" not in plan and "SCAN posting" not in plan, plan


# -- the check's helper process (Store.check_facts with helper=True) --------------------------

def _broken_in_every_way(led):
    """A ledger breaking each rule the check's facts judge: flows, a rollover, an unbalanced
    transaction, a project paid more than committed, one commitment across Smederijen."""
    pid = led.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="Bank",
                          amount_cents=50_000, date=D)
    led.approve(pid, D)
    led.pay(pid, 20_000, D)
    led.rollover(2026, today=dt.date(2027, 1, 1))
    other = led.add_project(smederij="pesse", stream="lange-klap", year=2027, title="Koor",
                            amount_cents=10_000, date=dt.date(2027, 2, 1))
    store = led.store
    with store.write():
        store.post(D, d.COMMITMENT, "across Smederijen", [
            (store.account_id(d.available_account(2027, "krakeel", "lange-klap"), d.AVAILABLE,
                              "lange-klap", 2027, "krakeel"), -3_000),
            (store.account_id(d.committed_account(2027, "pesse", "lange-klap", other),
                              d.COMMITTED, "lange-klap", 2027, "pesse", other), 3_000)])
        store.conn.execute("INSERT INTO posting (txn_id, account_id, amount_cents) "
                           "VALUES (1, 1, -5)")
    return pid, other


def _spy_on_the_helper(monkeypatch):
    """What each helper delivered (None: its facts were not used)."""
    delivered = []
    real = Store._helper_facts

    def spy(self, started, fingerprint):
        facts = real(self, started, fingerprint)
        delivered.append(facts)
        return facts
    monkeypatch.setattr(Store, "_helper_facts", spy)
    return delivered


def test_the_checks_helper_process_reads_the_same_facts(funded, monkeypatch):
    _broken_in_every_way(funded)
    delivered = _spy_on_the_helper(monkeypatch)
    alone = funded.store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED), helper=False)
    helped = funded.store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED), helper=True)
    assert delivered[0] is None and delivered[1] is not None  # the helper really ran
    assert helped == alone
    assert alone["transactions"]["unbalanced"] == 1 and alone["total"] == -5
    assert {(f["year"], f["smederij"]) for f in alone["unsound"]} == {
        (2027, "krakeel"), (2027, "pesse")}
    assert alone["years"][2026]["carried_out_cents"] == alone["years"][2027]["carried_in_cents"] > 0


def test_a_helper_that_saw_a_later_booking_is_not_believed(funded, db_path, monkeypatch):
    """The helper reads in its own transaction: if a clerk books between this process's
    snapshot and the helper's, its facts are of another ledger and this process reads them."""
    store = funded.store
    before = store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED), helper=False)
    delivered = _spy_on_the_helper(monkeypatch)
    start = Store._start_check_helper

    def clerk_books_first(self):
        with Store(db_path) as clerk:
            Ledger(clerk).allocate(2026, "korte-klap", D, smederij="pesse", amount_cents=1_00)
        return start(self)
    monkeypatch.setattr(Store, "_start_check_helper", clerk_books_first)
    facts = store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED), helper=True)
    assert delivered == [None]  # the helper ran, and saw the allocation
    assert facts == before
    after = store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED), helper=False)
    assert after["transactions"]["count"] == before["transactions"]["count"] + 1


@pytest.mark.skipif(os.name == "nt", reason="the stand-in helpers are shell scripts")
@pytest.mark.parametrize("helper", ["missing", "failing", "stuck"])
def test_the_check_reads_alone_when_its_helper_cannot_help(funded, monkeypatch, tmp_path,
                                                           helper):
    _broken_in_every_way(funded)
    alone = funded.store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED), helper=False)
    python = tmp_path / "python"
    if helper != "missing":
        python.write_text("#!/bin/sh\n" + ("exit 1\n" if helper == "failing" else "sleep 30\n"))
        python.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(python))
    monkeypatch.setattr(store_module, "CHECK_HELPER_MIN_WAIT_S", 0.5)
    delivered = _spy_on_the_helper(monkeypatch)
    started = time.monotonic()
    assert funded.store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED),
                                    helper=True) == alone
    assert delivered == [None]
    assert time.monotonic() - started < 20  # a stuck helper is given up on, and killed


def test_the_helper_runs_no_code_from_the_current_directory(funded, monkeypatch, tmp_path):
    """``python -c`` would import a json.py (or a stale smederij_cli) from where the user is."""
    marker = tmp_path / "ran"
    (tmp_path / "json.py").write_text(f"open({str(marker)!r}, 'w').close()\n"
                                      "raise ImportError('not the real json')\n")
    monkeypatch.chdir(tmp_path)
    delivered = _spy_on_the_helper(monkeypatch)
    funded.store.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED), helper=True)
    assert not marker.exists() and delivered[0] is not None


def test_check_starts_the_helper_only_for_a_large_ledger_on_two_cores(funded, db_path,
                                                                       monkeypatch):
    _broken_in_every_way(funded)
    funded.store.close()
    delivered, started = _spy_on_the_helper(monkeypatch), []
    start = Store._start_check_helper
    monkeypatch.setattr(Store, "_start_check_helper",
                        lambda self: started.append(1) or start(self))
    runner = CliRunner()
    outputs = []
    for min_bytes, cores in ((2**40, 2), (0, 1), (0, 2)):
        monkeypatch.setattr(store_module, "CHECK_HELPER_MIN_BYTES", min_bytes)
        monkeypatch.setattr(store_module, "_usable_cores", lambda: cores)
        result = runner.invoke(app, ["--db", str(db_path), "check"])
        assert result.exit_code == 1, result.output
        outputs.append(result.output)
    assert len(started) == 1 and delivered[-1] is not None  # only the last one had a helper
    assert outputs[0] == outputs[1] == outputs[2]
    assert "is niet in evenwicht" in outputs[2] and "2027 pesse lange-klap" in outputs[2]


def test_the_helper_imports_the_same_copy_of_the_program(funded, db_path, tmp_path):
    """Run from another copy of the source (a checkout beside an installed smederij), the
    helper must import that copy too: otherwise its fingerprint names another file and the
    check does everything itself."""
    funded.store.close()
    copy = tmp_path / "checkout"
    shutil.copytree(Path(store_module.__file__).parent, copy / "smederij_cli",
                    ignore=shutil.ignore_patterns("__pycache__"))
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from smederij_cli import domain as d, store as s\n"
        "assert s.__file__.startswith(sys.argv[1]), s.__file__\n"
        "real = s.Store._helper_facts\n"
        "used = []\n"
        "s.Store._helper_facts = lambda self, *a: used.append(real(self, *a)) or used[-1]\n"
        "with s.Store(sys.argv[2]) as store:\n"
        "    store.check_facts(d.OPEN_STATUSES, (d.PROPOSED,), helper=True)\n"
        "print(used[0] is not None)\n")
    result = subprocess.run([sys.executable, "-c", script, str(copy), str(db_path)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
