"""The national-size query paths (issue 6): same answers as the per-year paths, and the plans
use the covering indexes of m004. Timings live in bench/bench.py, not in tests."""

import datetime as dt

from smederij_cli import domain as d

D = dt.date(2026, 3, 1)


def _plan(store, sql, params=()):
    return " | ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_stream_figures_of_all_years_are_those_of_each_year(funded):
    led = funded
    pid = led.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="Bank",
                          amount_cents=50_000, date=D)
    led.approve(pid, D)
    led.pay(pid, 20_000, D)
    led.rollover(2026, today=dt.date(2027, 1, 1))
    every = led.store.stream_figures()
    assert {r["year"] for r in every} == {2026, 2027}
    for year in (2026, 2027):
        assert [r for r in every if r["year"] == year] == led.store.stream_figures(year)
    krakeel = next(r for r in led.store.stream_figures(2027) if r["smederij"] == "krakeel"
                   and r["stream"] == "korte-klap")
    assert krakeel["committed_cents"] == 30_000 and krakeel["internal_cents"] == 0
    assert led.check() == []


def test_project_money_of_all_projects_matches_each_project(funded):
    led = funded
    ids = [led.add_project(smederij="pesse", stream="lange-klap", year=2026, title=f"P{i}",
                           amount_cents=10_000 * (i + 1), date=D) for i in range(3)]
    led.approve(ids[0], D)
    led.approve(ids[1], D)
    led.pay(ids[1], 5_000, D)
    led.change_status(ids[1], "start", D)
    led.change_status(ids[1], "complete", D)
    every = {r["id"]: r for r in led.store.project_money()}
    for pid in ids:
        assert every[pid] == led.store.project_money(pid)[0]
    assert every[ids[1]] == {"id": ids[1], "status": d.COMPLETED, "committed_total": 20_000,
                             "committed_now": 0, "paid": 5_000}


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
    """The rollover's reads start from the year's accounts (account_year_kind) and sum each
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
    for plan in plans:
        assert "account_year_kind" in plan and "posting_account_txn" in plan, plan
        assert "SCAN p" not in plan and "SCAN posting" not in plan, plan
