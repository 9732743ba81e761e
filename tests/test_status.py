"""smederij status: what needs attention today, each line with the command that deals with it."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3

from smederij_cli import cli as cli_module
from smederij_cli import marks
from smederij_cli.status import overview
from smederij_cli.store import Store
from tests.conftest import DAY, dump


def test_the_open_year_and_the_days_to_its_end(led):
    data = overview(led, today=dt.date(2026, 12, 2))
    assert data["open_year"] == {"year": 2026, "ends": "2026-12-31", "days_left": 29,
                                 "command": "smederij rollover --year 2026"}
    late = overview(led, today=dt.date(2027, 1, 10))["open_year"]
    assert late["year"] == 2026 and late["days_left"] == -10  # ended, not rolled over


def test_proposals_waiting_more_than_four_weeks(funded):
    old = funded.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="Oud",
                             amount_cents=100_00, date=dt.date(2026, 1, 10))
    edge = funded.add_project(smederij="pesse", stream="korte-klap", year=2026, title="Rand",
                              amount_cents=100_00, date=dt.date(2026, 2, 1))
    funded.add_project(smederij="pesse", stream="korte-klap", year=2026, title="Vers",
                       amount_cents=100_00, date=dt.date(2026, 2, 2))
    decided = funded.add_project(smederij="pesse", stream="korte-klap", year=2026,
                                 title="Besloten", amount_cents=100_00, date=dt.date(2026, 1, 5))
    funded.change_status(decided, "reject", dt.date(2026, 1, 20))
    waiting = overview(funded, today=dt.date(2026, 3, 1))["proposals_waiting"]
    assert [(p["id"], p["since"], p["days"]) for p in waiting] == [
        (old, "2026-01-10", 50), (edge, "2026-02-01", 28)]
    assert waiting[0]["command"] == (f"smederij project approve {old}  |  smederij project "
                                     f"reject {old}")


def test_approved_projects_without_a_payment_for_a_year(funded):
    def approved(title, paid_on=None):
        pid = funded.add_project(smederij="krakeel", stream="korte-klap", year=2026,
                                 title=title, amount_cents=500_00, date=DAY)
        funded.approve(pid, dt.date(2026, 3, 2))
        if paid_on:
            funded.pay(pid, 10_00, paid_on)
        return pid

    idle = approved("Stil")
    paid_long_ago = approved("Lang geleden", dt.date(2026, 3, 5))
    approved("Recent betaald", dt.date(2026, 6, 1))
    done = approved("Klaar")
    funded.change_status(done, "start", dt.date(2026, 3, 3))
    funded.change_status(done, "complete", dt.date(2026, 3, 4))
    rows = overview(funded, today=dt.date(2027, 3, 10))["commitments_idle"]
    assert [(p["id"], p["since"], p["last_payment"]) for p in rows] == [
        (idle, "2026-03-02", None), (paid_long_ago, "2026-03-05", "2026-03-05")]
    assert rows[0]["days"] == 373
    assert f"smederij payment add --project {idle}" in rows[0]["command"]


def test_budgets_ninety_percent_committed_or_spent(funded):
    pid = funded.add_project(smederij="pesse", stream="korte-klap", year=2026, title="Groot",
                             amount_cents=9_000_00, date=DAY)
    funded.approve(pid, DAY)
    small = funded.add_project(smederij="krakeel", stream="korte-klap", year=2026,
                               title="Klein", amount_cents=8_999_00, date=DAY)
    funded.approve(small, DAY)
    budgets = overview(funded, today=dt.date(2026, 6, 1))["budgets_used"]
    assert [(b["smederij"], b["stream"], b["used"], b["available_cents"]) for b in budgets] == [
        ("pesse", "korte-klap", 0.9, 1_000_00)]
    assert budgets[0]["command"] == "smederij smederijen show pesse --year 2026"


def test_idea_rounds_are_read_only_where_the_ledger_has_them(funded):
    assert overview(funded, today=DAY)["rounds_waiting"] == []
    conn = funded.store.conn
    columns = ("id, name, smederij, stream, year, state, budget_cents, vote_type, rule, "
               "tie_break, recorded_at")
    if not funded.store._has_table("idea_round"):  # the rounds' table, in part, until merged
        conn.execute(f"CREATE TABLE idea_round ({columns})")
    conn.executemany(f"INSERT INTO idea_round ({columns}) VALUES (?, ?, 'krakeel', "
                     "'korte-klap', 2026, ?, 100, 'approval', 'greedy', 'id', '2026-01-01')",
                     [(1, "Voorjaar", "voting"), (2, "Zomer", "counted"), (3, "Oud", "awarded"),
                      (4, "Nieuw", "open")])
    conn.commit()
    rounds = overview(funded, today=DAY)["rounds_waiting"]
    assert [(r["id"], r["waiting_for"], r["command"]) for r in rounds] == [
        (1, "count", "smederij round count 1"), (2, "award", "smederij round award 2")]


def test_marks_are_written_outside_the_audit_and_never_on_a_read_only_ledger(led, db_path):
    assert overview(led, today=DAY)["last_check"]["at"] is None
    audit = led.store.audit_rows()
    assert led.store.record_mark("check", "deep")
    assert led.store.audit_rows() == audit
    mark = overview(led, today=dt.date.today())["last_check"]
    assert mark["days"] == 0 and mark["detail"] == "deep" and mark["command"] == "smederij check"
    with Store(db_path, read_uri="?mode=ro") as read_only:
        assert read_only.record_mark("backup") is False
        assert read_only.marks()["check"]["detail"] == "deep"
    assert marks.path_for(db_path).is_file()  # beside the ledger, not in it


def test_a_mark_never_changes_the_ledger_and_a_bad_marks_file_is_no_mark(led, db_path):
    before = dump(db_path), db_path.read_bytes()
    assert led.store.record_mark("check")
    assert (dump(db_path), db_path.read_bytes()) == before
    marks.path_for(db_path).write_text("{ niet af")
    assert led.store.marks() == {}
    assert led.store.record_mark("backup")  # and the next mark replaces it
    assert set(led.store.marks()) == {"backup"}


# -- through the command line -------------------------------------------------------------------


def test_check_and_backup_leave_their_marks_and_no_audit_row(cli_ledger, db_path, tmp_path):
    cli = cli_ledger
    before = json.loads(cli.ok("status", "--json").stdout)
    assert before["last_check"]["at"] is None and before["last_backup"]["at"] is None
    log = cli.ok("log", "--json").stdout
    ledger = dump(db_path)
    cli.ok("check")
    cli.ok("backup", str(tmp_path / "copy.db"))
    after = json.loads(cli.ok("status", "--json").stdout)
    assert after["last_check"]["days"] == 0 and after["last_check"]["at"]
    assert after["last_backup"]["detail"] == str(tmp_path / "copy.db")
    assert cli.ok("log", "--json").stdout == log
    assert dump(db_path) == ledger
    assert set(json.loads(marks.path_for(db_path).read_text())) == {"check", "backup"}


def test_each_line_says_which_command_deals_with_it(cli_ledger):
    cli = cli_ledger
    pid = cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                 "--title", "Oud plan", "--amount", "100", "--date", "2026-01-02").stdout.strip()
    text = cli.ok("--lang", "en", "status").stdout
    assert "Budget year 2026 is open" in text or "ended" in text
    assert "1 project proposed more than four weeks ago without a decision" in text
    assert re.search(r"Oud plan  since 2 January 2026 \(\d+ days\)", text)  # long date
    assert f"→ smederij project approve {pid}  |  smederij project reject {pid}" in text
    assert "Last backup: never\n    → smederij backup FILE" in text
    assert "Last successful check: never\n    → smederij check" in text
    dutch = cli.ok("status").stdout  # the programme's language
    assert "1 project al meer dan vier weken voorgesteld zonder besluit" in dutch
    assert "Laatste back-up: nooit" in dutch
    assert re.search(r"Oud plan  sinds 2 januari 2026 \(\d+ dagen\)", dutch)
    assert re.search(r"nog \d+ dag(en)? tot het einde \(31 december 2026\)", dutch)
    assert "2026-" not in dutch and "(en)" not in dutch
    cli.ok("check")  # just now: today, not "0 days ago"
    assert re.search(r"Laatste geslaagde check: \d+ \w+ \d{4} \(vandaag\)",
                     cli.ok("status").stdout)
    assert re.search(r"Last successful check: \d+ \w+ \d{4} \(today\)",
                     cli.ok("--lang", "en", "status").stdout)
    lines = [x for x in text.splitlines() if x and not x.startswith("    ")]
    commands = [x for x in text.splitlines() if x.startswith("    → ")]
    assert len(lines) == len(commands)  # every heading has its command


def test_smederij_alone_shows_the_status_on_a_terminal_and_help_elsewhere(cli_ledger,
                                                                         monkeypatch, db_path):
    from typer.testing import CliRunner

    from smederij_cli.cli import app

    monkeypatch.setenv("SMEDERIJ_DB", str(db_path))
    piped = CliRunner().invoke(app, [])
    assert piped.exit_code == 0 and "Usage" in piped.stdout
    monkeypatch.setattr(cli_module, "_status_on_terminal", lambda: True)
    shown = CliRunner().invoke(app, [])
    assert shown.exit_code == 0 and "Budgetjaar" in shown.stdout


def test_status_on_a_terminal_needs_a_ledger(tmp_path, monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(cli_module.sys, "stdout", Tty())
    monkeypatch.setattr(cli_module.sys, "stdin", Tty())
    monkeypatch.setenv("SMEDERIJ_DB", str(tmp_path / "none.db"))
    assert cli_module._status_on_terminal() is False
    Store(tmp_path / "none.db").close()
    assert cli_module._status_on_terminal() is True


def test_status_loads_no_heavy_module(tmp_path):
    """It runs often: no rich, sqlite_utils or openpyxl on its path (see test_startup)."""
    import subprocess
    import sys

    from tests.proc import ROOT, env
    from tests.test_startup import HEAVY, loaded

    db = tmp_path / "l.db"
    subprocess.run([sys.executable, "-m", "smederij_cli", "--db", str(db), "init"], env=env(),
                   cwd=ROOT, check=True, capture_output=True)
    for args in (["status"], ["status", "--json"]):
        text, modules = loaded("--db", str(db), *args)
        assert "rollover --year" in text
        assert modules.isdisjoint(HEAVY), modules & set(HEAVY)


def test_a_read_only_ledger_shows_its_status(cli_ledger, db_path):
    """A file nobody may write: status and check still work; the check's mark is simply not
    written."""
    import pytest

    from tests import proc

    if not proc.can_drop_root():
        pytest.skip("cannot make a file read-only for this user")
    db_path.chmod(0o444)
    try:
        assert proc.run(db_path, "check", unprivileged=True).returncode == 0
        result = proc.run(db_path, "status", "--json", unprivileged=True)
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["last_check"]["at"] is None and data["open_year"]["year"] >= 2026
        assert proc.run(db_path, "status", unprivileged=True).returncode == 0
        assert not marks.path_for(db_path).exists()
    finally:
        db_path.chmod(0o600)
