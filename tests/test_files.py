"""The ledger file itself: broken, read-only, newer, private; backups, restores and upgrades."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import time

import pytest

from smederij_cli.ledger import Ledger
from smederij_cli.store import Store, migrations
from tests import proc
from tests.conftest import DAY, Cli, dump

needs_permissions = pytest.mark.skipif(not proc.can_drop_root(),
                                       reason="root here cannot be made to obey file modes")


def fingerprint(path):
    """The file's bytes and modification time: 'never modified' means both are the same."""
    return path.read_bytes(), path.stat().st_mtime_ns


def one_error_line(result, exit_code: int = 1) -> str:
    """For a CliRunner result or a finished process: the one ``error:`` line it printed."""
    stderr = result.stderr
    code = result.returncode if hasattr(result, "returncode") else result.exit_code
    assert code == exit_code, (result.stdout, stderr)
    assert "Traceback" not in stderr + result.stdout
    if hasattr(result, "exception"):  # CliRunner catches exceptions: an unexpected one is a bug
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            result.exception
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: "), stderr
    return lines[0]


@pytest.fixture
def ledger_file(cli_ledger, db_path):
    pid = cli_ledger.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                        "--title", "Bankjes", "--amount", "2.000,00").stdout.strip()
    cli_ledger.ok("project", "approve", pid)
    cli_ledger.ok("payment", "add", "--project", pid, "--amount", "500", "--date", "2026-04-01")
    cli_ledger.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap",
                  "--title", "Plan 2", "--amount", "100")
    return db_path


# -- files that are not (usable) ledgers ------------------------------------------------------


@pytest.mark.parametrize("content", [b"naam;bedrag\nkrakeel;100\n", b"\x00" * 4096,
                                     b"SQLite format 2\x00" + b"x" * 100])
def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "budget.csv"
    path.write_bytes(content)
    before = fingerprint(path)
    for args in (["report"], ["init"], ["budget", "allocate", "--year", "2026", "--stream",
                                        "korte-klap", "--smederij", "krakeel", "--amount", "1"]):
        line = one_error_line(Cli(path)(*args))
        assert "is geen smederij-grootboek (geen SQLite-bestand)" in line
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.csv"]


def _make_newer(path, journal="wal"):
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('smederij', 'm999_future', '2031-01-01')")
        conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.close()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_ledger_from_a_newer_version_is_refused_before_anything_is_written(ledger_file,
                                                                           journal):
    _make_newer(ledger_file, journal)
    before = fingerprint(ledger_file)
    for args in (["report", "--year", "2026"], ["init"], ["check"]):
        line = one_error_line(Cli(ledger_file)(*args))
        assert "nieuwere smederij (schemastap m999_future)" in line
    assert fingerprint(ledger_file) == before  # not even switched to WAL


@pytest.mark.parametrize("damage", ["truncate", "overwrite"])
def test_a_damaged_ledger_gives_one_line_and_is_not_modified(ledger_file, damage):
    data = bytearray(ledger_file.read_bytes())
    assert len(data) > 8 * 4096
    if damage == "truncate":
        data = data[: len(data) // 2 + 100]
    else:  # garbage over pages in the middle, header intact
        data[3 * 4096: 7 * 4096] = bytes((i * 37 + 11) % 256 for i in range(4 * 4096))
    ledger_file.write_bytes(bytes(data))
    before = fingerprint(ledger_file)
    for args in (["project", "approve", "2"], ["budget", "transfer", "--year", "2026",
                                               "--stream", "korte-klap", "--from", "krakeel",
                                               "--to", "pesse", "--amount", "1"]):
        assert "is beschadigd" in one_error_line(Cli(ledger_file)(*args))  # no write on damage
    result = Cli(ledger_file)("check")
    assert result.exit_code == 1 and isinstance(result.exception, (SystemExit, type(None)))
    assert "database" in result.stdout + result.stderr
    for args in (["report", "--year", "2026"], ["payment", "list"], ["log"]):
        result = Cli(ledger_file)(*args)  # a read may or may not meet the damaged pages,
        if result.exit_code:              # but never ends in a traceback
            assert "is beschadigd" in one_error_line(result)
    assert fingerprint(ledger_file) == before


@needs_permissions
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_ledger_can_be_read_but_not_written(tmp_path, what):
    folder = tmp_path / "share"
    db = folder / "ledger.db"
    cli = Cli(db)
    cli.ok("init")
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij",
           "krakeel", "--amount", "100")
    (db.chmod if what == "file" else folder.chmod)(0o444 if what == "file" else 0o555)
    try:
        before = fingerprint(db)
        report = proc.run(db, "report", "--year", "2026", "--format", "json", unprivileged=True)
        assert report.returncode == 0, report.stderr
        assert json.loads(report.stdout)["totals"]["allocated_cents"] == 100_00
        assert proc.run(db, "check", unprivileged=True).returncode == 0
        line = one_error_line(proc.run(db, "budget", "allocate", "--year", "2026", "--stream",
                                       "korte-klap", "--smederij", "krakeel", "--amount", "5",
                                       unprivileged=True))
        assert "is alleen-lezen" in line
        assert fingerprint(db) == before
    finally:
        folder.chmod(0o755)
        db.chmod(0o600)


def test_a_new_ledger_and_its_wal_files_are_private(tmp_path):
    db = tmp_path / "new" / "ledger.db"
    old = os.umask(0o022)
    try:
        cli = Cli(db)
        cli.ok("init")
        with Store(db) as store, store.write():  # hold the ledger open: the WAL files exist now
            store.set_setting("probe", "1")
            for path in (db, db.with_name("ledger.db-wal"), db.with_name("ledger.db-shm")):
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    finally:
        os.umask(old)


def test_wal_and_busy_timeout_are_in_force_before_the_first_migration(tmp_path, monkeypatch):
    seen = {}

    def spy(db):
        seen["journal"] = db.execute("PRAGMA journal_mode").fetchone()[0]
        seen["timeout"] = db.execute("PRAGMA busy_timeout").fetchone()[0]

    first = migrations._migrations[0]
    monkeypatch.setattr(first, "fn", lambda db, fn=first.fn: (spy(db), fn(db)))
    Store(tmp_path / "x.db").close()
    assert seen == {"journal": "wal", "timeout": 30_000}


# -- backup and restore -----------------------------------------------------------------------


def test_backup_is_a_verified_private_copy_and_refuses_to_overwrite(ledger_file, tmp_path):
    cli = Cli(ledger_file)
    target = tmp_path / "backups" / "b1.db"
    target.parent.mkdir()
    out = cli.ok("backup", str(target)).stdout
    assert "de kopie doorstond integrity_check" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert proc.integrity(target) == "ok"
    assert dump(target) == dump(ledger_file)
    assert not list(target.parent.glob(".*partial*"))
    with sqlite3.connect(target) as conn:  # one self-contained file, not a WAL pair
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    before = fingerprint(target)
    result = cli("backup", str(target))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert fingerprint(target) == before
    cli.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap", "--title", "X",
           "--amount", "10")
    cli.ok("backup", str(target), "--force")
    assert dump(target) == dump(ledger_file)


def test_backup_while_another_clerk_writes_is_consistent(ledger_file, tmp_path):
    cli = Cli(ledger_file)
    pid = cli.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap", "--title",
                 "Speeltuin", "--amount", "5.000,00").stdout.strip()
    cli.ok("project", "approve", pid)
    script = ("import sys, datetime as dt\n"
              "from smederij_cli.store import Store\nfrom smederij_cli.ledger import Ledger\n"
              "led = Ledger(Store(sys.argv[1]))\n"
              "for i in range(400):\n"
              "    led.pay(int(sys.argv[2]), 1, dt.date(2026, 5, 1), reference=f'W{i}')\n")
    writer = subprocess.Popen([proc.sys.executable, "-c", script, str(ledger_file), pid],
                              env=proc.env(), cwd=proc.ROOT)
    try:
        copies = []
        for i in range(5):
            time.sleep(0.1)
            target = tmp_path / f"during-{i}.db"
            cli.ok("backup", str(target))
            copies.append(target)
    finally:
        assert writer.wait(timeout=60) == 0
    for target in copies:
        assert proc.integrity(target) == "ok"
        with Store(target) as store:
            assert Ledger(store).check() == []
            n = store.counts()["payments"]
            # every payment is there with its transaction: no half-written payment in a copy
            assert store._scalar("SELECT count(*) FROM txn WHERE kind = 'payment'") == n
    with Store(copies[-1]) as store:
        assert store.counts()["payments"] > 1


def test_restore_puts_a_backup_back_and_keeps_the_replaced_ledger(ledger_file, tmp_path):
    cli = Cli(ledger_file)
    backup = tmp_path / "b.db"
    cli.ok("backup", str(backup))
    saved = dump(ledger_file)
    cli.ok("payment", "add", "--project", "1", "--amount", "100", "--date", "2026-04-02")
    newer = dump(ledger_file)
    out = cli.ok("restore", str(backup)).stdout
    kept = list(tmp_path.glob("ledger.db.replaced-*"))
    assert len(kept) == 1 and kept[0].name in out
    assert dump(kept[0]) == newer
    restored = dump(ledger_file)
    extra = [line for line in restored if line not in saved]
    assert all("restored" in line for line in extra) and len(extra) == 2  # setting + audit row
    assert json.loads(cli.ok("info", "--json").stdout)["payments"] == 1
    cli.ok("check")
    assert "restored the ledger from" in json.loads(cli.ok("log", "--json").stdout)[-1]["summary"]
    assert not list(tmp_path.glob(".ledger.db.restoring*"))


def _unbalanced(path):
    with sqlite3.connect(path) as conn:
        txn = conn.execute("INSERT INTO txn (date, kind, description, recorded_at) VALUES "
                           "('2026-01-01', 'allocation', 'forged', '2026-01-01')").lastrowid
        conn.execute("INSERT INTO posting (txn_id, account_id, amount_cents) VALUES (?, 1, 5)",
                     [txn])
    conn.close()


@pytest.mark.parametrize("bad, message", [
    ("missing", "geen back-up in"),
    ("text", "is geen smederij-grootboek (geen SQLite-bestand): niet teruggezet"),
    ("empty", "is leeg: het is geen smederij-back-up"),
    ("other-sqlite", "geen smederij-grootboek: niet teruggezet"),
    ("truncated", "is beschadigd"),
    ("fails-check", "komt niet door de controle"),
    ("newer", "nieuwere smederij"),
])
def test_restore_refuses_a_bad_backup_and_leaves_the_ledger_alone(ledger_file, tmp_path, bad,
                                                                  message):
    cli = Cli(ledger_file)
    backup = tmp_path / "bad.db"
    if bad != "missing":
        cli.ok("backup", str(backup))
    if bad == "text":
        backup.write_text("dit is geen backup\n")
    elif bad == "empty":
        backup.write_bytes(b"")
    elif bad == "other-sqlite":
        backup.unlink()
        with sqlite3.connect(backup) as conn:
            conn.execute("CREATE TABLE t (x)")
        conn.close()
    elif bad == "truncated":
        backup.write_bytes(backup.read_bytes()[: 20 * 4096])
    elif bad == "fails-check":
        _unbalanced(backup)
    elif bad == "newer":
        _make_newer(backup, "delete")
    before = fingerprint(ledger_file)
    result = cli("restore", str(backup))
    assert result.exit_code == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: ") and message in lines[0], lines
    assert str(backup) in lines[0]
    assert fingerprint(ledger_file) == before
    assert sorted(p.name for p in tmp_path.iterdir()  # (the backup's mark beside it is not it)
                  if "ledger" in p.name and not p.name.endswith(".marks.json")) == ["ledger.db"]


# -- upgrades -----------------------------------------------------------------------------------


class FirstSchemaStore(Store):
    """A store as the first released smederij made it: only the first migration."""

    def _migrate(self) -> None:
        migrations.apply(self.db, stop_before="m002_plan_allocation")
        # Today's Ledger keeps the age of money as it books (m009_vintages): a temporary table
        # stands in for it, gone with the connection, so the file keeps the first schema.
        self.conn.execute("CREATE TEMP TABLE vintage (txn_id INTEGER, account_id INTEGER, "
                          "year INTEGER, cents INTEGER, PRIMARY KEY (txn_id, account_id, year))")


def test_a_ledger_of_the_first_schema_is_upgraded_without_losing_anything(tmp_path, config):
    path = tmp_path / "old.db"
    old = FirstSchemaStore(path)
    led = Ledger(old)
    led.load_registry(config)
    led.allocate(2026, "korte-klap", DAY, total_cents=300_000_00, method="weighted",
                 base_cents=5_000_00)
    pid = led.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="Bankjes",
                          amount_cents=4_000_00)
    led.approve(pid, DAY)
    paid = led.pay(pid, 1_500_00, DAY, payee="Hovenier")
    led.reverse_payment(paid, "dubbel", DAY)
    led.pay(pid, 1_000_00, DAY)
    assert [m.name for m in migrations.applied(old.db)] == ["m001_ledger"]
    counts, report, projects = old.counts(), led.report(2026), led.projects()
    old.close()

    with Store(path) as store:  # the current code: pending migrations run on open
        new = Ledger(store)
        assert [m.name for m in migrations.applied(store.db)] == [
            m.name for m in migrations._migrations]
        assert store.counts() == counts
        assert new.report(2026) == report
        assert new.projects() == projects
        assert new.check() == []
        new.pay(pid, 1_00, DAY)  # and it is usable, with an audit trail from now on
        assert [r["summary"] for r in store.audit_rows()] == [
            f"paid € 1,00 on project {pid} (payment 3)"]


def _dangling_event(path):
    """A project event pointing to a project that does not exist: only SQLite's
    foreign_key_check finds it (no invariant of the books looks at events)."""
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO project_event (project_id, date, to_status, recorded_at) "
                     "VALUES (999, '2026-03-01', 'approved', '2026-03-01T00:00:00+00:00')")
    conn.close()


def test_check_reads_the_whole_file_when_small_and_always_with_deep(cli_ledger, db_path,
                                                                    monkeypatch):
    _dangling_event(db_path)
    problem = "project_event rij 1 verwijst naar een ontbrekende rij in project"
    result = cli_ledger("check")  # a small file: its pages are read by default
    assert result.exit_code == 1 and problem in result.stdout
    assert json.loads(cli_ledger("check", "--json").stdout)["file_checked"] is True

    monkeypatch.setattr("smederij_cli.store.PAGE_CHECK_MAX_BYTES", 4096)  # "a large file"
    out = cli_ledger.ok("check").stdout
    assert "alle regels van het grootboek kloppen" in out and "check --deep" in out
    assert json.loads(cli_ledger.ok("check", "--json").stdout) == {
        "ok": True, "violations": [], "file_checked": False}
    result = cli_ledger("check", "--deep")
    assert result.exit_code == 1 and problem in result.stdout
    deep = json.loads(cli_ledger("check", "--deep", "--json").stdout)
    assert deep["file_checked"] is True and deep["violations"] == [f"database: {problem}"]
