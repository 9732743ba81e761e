"""Several clerks on one ledger at once: every write lands once, nobody sees "database is locked",
and no budget is spent twice. Each clerk is a process of its own running the real command line."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3

import typer
from typer.testing import CliRunner

from smederij_cli.cli import app
from tests.conftest import Cli

CLERKS = 8
PAYMENTS = 100
ctx = multiprocessing.get_context("fork")  # the children run the code this test imported


def _smederij(db, *args):
    result = CliRunner().invoke(app, ["--db", str(db), *map(str, args)])
    return result.exit_code, result.stderr


def _fast_cli() -> None:
    """In a child: build the click command tree once, not on every invoke (~0.1 s each), so the
    clerks spend their time on the ledger, which is what is under test."""
    import typer.testing

    command = typer.main.get_command(app)
    typer.testing._get_command = lambda _app: command


def _clerk(db, clerk, project, extra, barrier, results):
    _fast_cli()
    barrier.wait()
    outcomes = [_smederij(db, "project", "approve", p) for p in extra]
    for i in range(PAYMENTS):
        outcomes.append(_smederij(db, "payment", "add", "--project", project, "--amount", "1,00",
                                  "--date", "2026-05-01", "--ref", f"C{clerk}-{i}"))
    results.put((clerk, outcomes))


def _run_all(target, argsets):
    barrier, results = ctx.Barrier(len(argsets)), ctx.Queue()
    procs = [ctx.Process(target=target, args=(*a, barrier, results)) for a in argsets]
    for p in procs:
        p.start()
    out = dict(results.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    return out


def _add(cli, smederij, amount, title="Plan"):
    return int(cli.ok("project", "add", "--smederij", smederij, "--stream", "korte-klap",
                      "--title", title, "--amount", amount).stdout)


def test_eight_clerks_booking_at_once_each_write_lands_exactly_once(cli_ledger, db_path):
    cli = cli_ledger
    codes = [s["code"] for s in json.loads(cli.ok("smederijen", "list", "--json").stdout)]
    work = []
    for clerk in range(CLERKS):
        project = _add(cli, codes[clerk], "200,00", f"Project {clerk}")
        cli.ok("project", "approve", project)
        work.append((db_path, clerk, project,
                     [_add(cli, codes[clerk], "10,00"), _add(cli, codes[clerk + 8], "10,00")]))
    with sqlite3.connect(db_path) as conn:
        before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("payment", "txn", "posting", "audit", "project_event")}
    conn.close()

    results = _run_all(_clerk, work)

    problems = [(clerk, code, err) for clerk, outs in results.items() for code, err in outs
                if code != 0 or err]
    assert problems == []  # in particular nobody saw "database is locked"
    with sqlite3.connect(db_path) as conn:
        after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
        refs = sorted(r[0] for r in conn.execute("SELECT reference FROM payment "
                                                 "WHERE reference LIKE 'C%'"))
        paid = dict(conn.execute("SELECT project_id, sum(amount_cents) FROM payment "
                                 "GROUP BY project_id").fetchall())
    conn.close()
    writes = CLERKS * (PAYMENTS + 2)
    assert after["payment"] - before["payment"] == CLERKS * PAYMENTS
    assert after["txn"] - before["txn"] == writes  # a payment or a commitment each
    assert after["posting"] - before["posting"] == 2 * writes
    assert after["audit"] - before["audit"] == writes
    assert after["project_event"] - before["project_event"] == 2 * CLERKS
    assert refs == sorted(f"C{c}-{i}" for c in range(CLERKS) for i in range(PAYMENTS))
    assert set(paid.values()) == {PAYMENTS * 100}
    cli.ok("check")


def _approver(db, project, barrier, results):
    _fast_cli()
    barrier.wait()
    results.put((project, _smederij(db, "project", "approve", project)))


def test_racing_approvals_for_the_last_euros_cannot_both_succeed(cli_ledger, db_path):
    cli = cli_ledger
    report = json.loads(cli.ok("smederijen", "show", "stuifzand", "--year", "2026",
                               "--json").stdout)
    available = report["streams"]["korte-klap"]["available_cents"]
    need = available * 6 // 10  # more than half: two of them can never both fit
    amount = f"{need // 100},{need % 100:02d}"
    projects = [_add(cli, "stuifzand", amount, f"Race {i}") for i in range(4)]

    results = _run_all(_approver, [(db_path, p) for p in projects])

    winners = [p for p, (code, _) in results.items() if code == 0]
    assert len(winners) == 1
    for p, (code, err) in results.items():
        if p in winners:
            continue
        lines = err.strip().splitlines()
        assert code == 1 and len(lines) == 1, err
        assert lines[0].startswith(f"fout: project {p} goedkeuren kan niet: daarvoor is ")
        assert "te weinig" in lines[0]
    after = json.loads(cli.ok("smederijen", "show", "stuifzand", "--year", "2026",
                              "--json").stdout)["streams"]["korte-klap"]
    assert after["committed_cents"] == need and after["available_cents"] == available - need
    statuses = {p["id"]: p["status"] for p in json.loads(cli.ok("project", "list",
                                                                "--json").stdout)}
    assert sorted(statuses[p] for p in projects) == ["approved", "proposed", "proposed",
                                                      "proposed"]
    Cli(db_path).ok("check")
