"""The audit trail: one row per write, in the same transaction, and nothing for a refusal."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from smederij_cli.errors import InsufficientFunds
from tests.conftest import DAY, dump


def audit(path) -> list[dict]:
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM audit ORDER BY id")]


def test_every_writing_command_leaves_one_row_with_who_when_what(cli_ledger, db_path):
    cli = cli_ledger
    pid = cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                 "--title", "Bankjes", "--amount", "4.500,00").stdout.strip()
    cli.ok("project", "approve", pid, "--note", "stuurgroep")
    cli.ok("payment", "add", "--project", pid, "--amount", "100", "--date", "2026-05-01",
           "--ref", "F1")
    rows = audit(db_path)
    assert [r["summary"].split()[0] for r in rows] == ["loaded", "allocated", "added",
                                                       "approved", "paid"]
    approved = rows[3]
    assert approved["summary"] == f"approved project {pid}: € 4.500,00 committed"
    assert approved["project_id"] == int(pid)
    assert approved["command"] == (f"smederij --db {db_path} project approve {pid} "
                                   "--note stuurgroep")
    assert approved["actor"]  # the OS user
    when = dt.datetime.fromisoformat(approved["recorded_at"])
    assert when.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.timezone.utc) - when) < dt.timedelta(minutes=5)
    assert rows[1]["project_id"] is None and "€ 300.000,00" in rows[1]["summary"]


def test_refused_dry_run_and_reading_commands_leave_no_row(cli_ledger, db_path):
    cli = cli_ledger
    before = dump(db_path)
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "lange-klap", "--total", "100",
           "--method", "equal", "--dry-run")
    cli.ok("report", "--year", "2026")
    cli.ok("log")
    cli.ok("init")  # nothing to sync: no change, so no row
    assert cli("project", "approve", "99").exit_code == 1
    assert cli("budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from",
               "krakeel", "--to", "pesse", "--amount", "999.999,00").exit_code == 1
    assert dump(db_path) == before


def test_a_write_that_rolls_back_takes_its_audit_row_with_it(funded):
    store = funded.store
    n = len(store.audit_rows())
    with pytest.raises(InsufficientFunds), store.write():
        store.note("about to fail")
        funded.transfer(2026, "korte-klap", "krakeel", "pesse", 1_000_00, DAY)
        funded.transfer(2026, "korte-klap", "krakeel", "pesse", 1_000_000_00, DAY)
    assert len(store.audit_rows()) == n


def test_nested_operations_give_one_row_for_the_outer_write(funded):
    store = funded.store
    n = len(store.audit_rows())
    with store.write():
        funded.transfer(2026, "korte-klap", "krakeel", "pesse", 1_00, DAY)
        funded.transfer(2026, "korte-klap", "pesse", "krakeel", 1_00, DAY)
    rows = store.audit_rows()
    assert len(rows) == n + 1
    assert rows[-1]["summary"].count("transferred") == 2


def test_the_trail_is_append_only_in_the_file(cli_ledger, db_path):
    with sqlite3.connect(db_path) as conn:
        for sql in ("UPDATE audit SET actor = 'someone else'", "DELETE FROM audit"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)


def test_log_filters_by_project_and_date_and_prints_json(cli_ledger):
    cli = cli_ledger
    a = cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
               "--title", "A", "--amount", "100").stdout.strip()
    b = cli.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap",
               "--title", "B", "--amount", "100").stdout.strip()
    cli.ok("project", "approve", a)
    cli.ok("project", "reject", b, "--note", "te weinig draagvlak")
    rows = json.loads(cli.ok("log", "--project", a, "--json").stdout)
    assert [r["summary"].split()[0] for r in rows] == ["added", "approved"]
    assert {r["project_id"] for r in rows} == {int(a)}
    every = json.loads(cli.ok("log", "--json").stdout)
    assert len(every) == 6
    assert json.loads(cli.ok("log", "--since", "2999-01-01", "--json").stdout) == []
    assert len(json.loads(cli.ok("log", "--since", dt.date.today().isoformat(),
                                 "--json").stdout)) == 6
    table = cli.ok("log", "--project", b).stdout
    assert f"project {b} proposed -> rejected" in table
    assert cli("log", "--project", "999").exit_code == 1


def test_demo_is_one_audited_write(cli, db_path):
    cli.ok("demo")
    rows = audit(db_path)
    assert len(rows) == 1 and rows[0]["summary"].startswith("built the demo ledger")
