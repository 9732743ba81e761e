"""The national-size query paths (issue 6): same answers as the per-year paths, and the plans
use the covering indexes of m004. Timings live in bench/bench.py, not in tests."""

import datetime as dt

from smederij_cli import domain as d

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
    assert f"project {ids[0]}: paid 10001 cents, more than the 10000 cents committed to it" \
        in problems
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
