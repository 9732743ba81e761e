"""Export to hledger, Ledger, beancount and CSV, checked by the real tools; payments import.

The tools are the judges: hledger and Ledger come from Debian's packages and beancount from PyPI
(.ci/run installs all three). A test skips only when its tool is not installed, and says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smederij_cli import domain as d
from smederij_cli.demo import build_demo
from smederij_cli.interchange import (
    PaymentFile, RowErrors, beancount_account, export, import_payments,
    ledger_account_from_beancount, neutralise, plain_amount, read_payment_file)
from smederij_cli.errors import InvalidInput
from smederij_cli.ledger import Ledger
from smederij_cli.money import parse_amount
from smederij_cli.store import Store
from tests.conftest import DAY, Cli, dump


def tool(name: str) -> str:
    """The path of a command-line tool, also from this Python's own bin folder (a venv that is
    not activated); skip the test, naming the tool, when it is not installed."""
    where = shutil.which(name, path=os.pathsep.join([str(Path(sys.executable).parent),
                                                     os.environ.get("PATH", "")]))
    if where is None:
        pytest.skip(f"{name} is not installed (Debian: apt-get install hledger ledger; "
                    "beancount: pip install '.[test]')")
    return where


def run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def cents(text: str) -> int:
    """'-1234.56 EUR' or '0' as printed by a tool, to integer cents."""
    return int(Decimal(text.split()[0] if text.strip() else "0") * 100)


# -- export --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo ledger, plus a project whose title holds every character a format must escape,
    exported once in each format."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as store:
        led = Ledger(store)
        build_demo(led)
        pid = led.add_project(smederij="krakeel", stream="korte-klap", year=2026,
                              title='Bank "De Brink"; 2 \\ 3 | €', amount_cents=100_00, date=DAY)
        commitment = led.approve(pid, DAY)
        files = {}
        for fmt in ("hledger", "beancount", "csv"):
            files[fmt] = path.parent / f"demo.{fmt}"
            with files[fmt].open("w", encoding="utf-8", newline="") as out:
                export(led, fmt, out)
        balances = {a["account"]: store.balance(a["account"]) for a in store.export_accounts()}
    return {"path": path, "files": files, "balances": balances, "title_project": pid,
            "title_txn": commitment}


def test_demo_balances_are_not_trivial(demo):
    balances = demo["balances"]
    assert len(balances) > 100
    assert sum(balances.values()) == 0
    assert balances["funding:korte-klap"] < 0
    assert any(b == 0 for b in balances.values())  # completed projects: committed back to 0


def test_hledger_checks_the_journal_and_agrees_on_every_balance(demo):
    hledger = tool("hledger")
    journal = str(demo["files"]["hledger"])
    run(hledger, "-f", journal, "check")
    run(hledger, "-f", journal, "check", "--strict")  # every account and commodity declared
    out = run(hledger, "-f", journal, "bal", "--flat", "--no-total", "--empty", "-O", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["account", "balance"]
    assert {name: cents(amount) for name, amount in rows[1:]} == demo["balances"]


def test_ledger_reads_the_same_journal_strictly_and_agrees(demo):
    ledger = tool("ledger")
    out = run(ledger, "-f", str(demo["files"]["hledger"]), "--pedantic",
              "--balance-format", "%(account)\t%(scrub(display_total))\n",
              "bal", "--flat", "--empty", "--no-total")
    got = dict(line.split("\t") for line in out.splitlines())
    assert {name: cents(amount) for name, amount in got.items()} == demo["balances"]


def test_hledger_journal_escapes_the_description(demo):
    text = demo["files"]["hledger"].read_text(encoding="utf-8")
    # hledger would start a comment at ';': it becomes ','.
    assert (f"* ({demo['title_txn']}) Commitment for project {demo['title_project']}: "
            'Bank "De Brink", 2 \\ 3 | €\n') in text


def test_bean_check_passes_and_beancount_agrees_on_every_balance(demo):
    bean_check = tool("bean-check")
    beancount = str(demo["files"]["beancount"])
    assert run(bean_check, beancount) == ""
    from beancount import loader
    from beancount.core import data

    entries, errors, options = loader.load_file(beancount)
    assert errors == [] and options["operating_currency"] == ["EUR"]
    balances: dict[str, int] = {}
    for entry in entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                name = ledger_account_from_beancount(posting.account)
                balances[name] = balances.get(name, 0) + int(posting.units.number * 100)
    assert balances == demo["balances"]
    titled = [e for e in entries if isinstance(e, data.Transaction)
              and e.meta.get("project") == demo["title_project"]]
    assert titled[0].narration.endswith('Bank "De Brink"; 2 \\ 3 | €')
    assert titled[0].meta["kind"] == "commitment"


def test_hledger_journal_is_in_date_order(demo):
    """The demo books a commitment of March after one of June, as clerks do: the journal is
    in date order all the same (hledger refuses it otherwise), each day in booking order."""
    hledger = tool("hledger")
    run(hledger, "-f", str(demo["files"]["hledger"]), "check", "ordereddates")
    heads = re.findall(r"^(\d{4}-\d\d-\d\d) \* \((\d+)\)", demo["files"]["hledger"].read_text(
        encoding="utf-8"), re.M)
    keys = [(day, int(txn)) for day, txn in heads]
    assert keys == sorted(keys) and [t for _, t in keys] != sorted(t for _, t in keys)


@pytest.fixture
def closed_year(led, db_path, tmp_path):
    """2025 closed with a project carried into 2026 and one completed; 2026 has a project
    withdrawn. Exported to beancount."""
    y25 = dt.date(2025, 3, 1)
    led.allocate(2025, "korte-klap", y25, smederij="krakeel", amount_cents=10_000_00)
    carried = led.add_project(smederij="krakeel", stream="korte-klap", year=2025,
                              title='Speeltuin "De Brink"', amount_cents=4_000_00, date=y25)
    done = led.add_project(smederij="krakeel", stream="korte-klap", year=2025,
                           title="Bankjes", amount_cents=1_000_00, date=y25)
    for pid in (carried, done):
        led.approve(pid, y25)
        led.change_status(pid, "start", y25)
    led.pay(done, 800_00, dt.date(2025, 4, 1))
    led.change_status(done, "complete", dt.date(2025, 5, 1))
    led.rollover(2025, today=dt.date(2026, 1, 5))
    led.allocate(2026, "korte-klap", DAY, smederij="krakeel", amount_cents=5_000_00)
    gone = led.add_project(smederij="krakeel", stream="korte-klap", year=2026,
                           title="Jeu de boules", amount_cents=500_00, date=DAY)
    led.approve(gone, DAY)
    led.change_status(gone, "withdraw", DAY)
    path = tmp_path / "closed.beancount"
    with path.open("w", encoding="utf-8") as out:
        export(led, "beancount", out)
    return {"path": path, "carried": carried, "done": done, "gone": gone,
            "balances": {a["account"]: a["balance_cents"]
                         for a in led.store.export_accounts()}}


def test_beancount_closes_accounts_done_with_and_names_them(closed_year):
    from beancount import loader
    from beancount.core import data

    assert run(tool("bean-check"), str(closed_year["path"])) == ""
    entries, errors, _ = loader.load_file(str(closed_year["path"]))
    assert errors == []
    closed = {ledger_account_from_beancount(e.account) for e in entries
              if isinstance(e, data.Close)}
    carried, done, gone = closed_year["carried"], closed_year["done"], closed_year["gone"]
    assert closed == {
        "2025:krakeel:korte-klap:available",  # a closed year: all carried or lapsed
        f"2025:krakeel:korte-klap:committed:{carried}",  # carried on to 2026
        f"2025:krakeel:korte-klap:committed:{done}",  # completed and released
        f"2026:krakeel:korte-klap:committed:{gone}",  # withdrawn in the open year
    }
    assert all(closed_year["balances"][name] == 0 for name in closed)
    opens = {ledger_account_from_beancount(e.account): e.meta for e in entries
             if isinstance(e, data.Open)}
    still = opens[f"2026:krakeel:korte-klap:committed:{carried}"]
    assert still["smederij"] == "Krakeel" and still["title"] == 'Speeltuin "De Brink"'
    assert still["project"] == carried and still["year"] == 2026
    assert opens["2026:krakeel:korte-klap:available"]["stream"] == "Korte klap"
    assert "title" not in opens["2026:krakeel:korte-klap:available"]


def test_beancount_names_follow_its_rules_and_map_back():
    cases = {
        (d.FUNDING, "korte-klap", None, None, None): "Equity:Funding:Korte-klap",
        (d.AVAILABLE, "korte-klap", 2026, "krakeel", None):
            "Assets:2026:Krakeel:Korte-klap:Available",
        (d.COMMITTED, "lange-klap", 2027, "3-dorpen", 17):
            "Assets:2027:3-dorpen:Lange-klap:Committed:P17",
        (d.SPENT, "korte-klap", 2026, "krakeel", 17): "Expenses:2026:Krakeel:Korte-klap:Spent:P17",
    }
    for (kind, stream, year, smederij, project), name in cases.items():
        assert beancount_account(kind, stream, year, smederij, project) == name
        own = (d.funding_account(stream) if kind == d.FUNDING else
               f"{year}:{smederij}:{stream}:{kind}" + (f":{project}" if project else ""))
        assert ledger_account_from_beancount(name) == own


def test_csv_export_has_a_row_per_posting_that_adds_up(demo):
    with demo["files"]["csv"].open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["txn", "date", "kind", "project", "description", "account",
                             "amount"]
    assert all(re.fullmatch(r"-?\d+\.\d\d", r["amount"]) for r in rows)
    per_txn: dict[str, Decimal] = {}
    per_account: dict[str, int] = {}
    for r in rows:
        per_txn[r["txn"]] = per_txn.get(r["txn"], Decimal(0)) + Decimal(r["amount"])
        per_account[r["account"]] = per_account.get(r["account"], 0) + cents(r["amount"])
    assert set(per_txn.values()) == {Decimal(0)}
    assert per_account == demo["balances"]
    assert rows[0]["kind"] == "allocation" and rows[0]["project"] == ""


def test_amounts_and_cells_are_written_safely():
    assert [plain_amount(c) for c in (0, -5, 123456, -100_000_000_000)] == [
        "0.00", "-0.05", "1234.56", "-1000000000.00"]
    for formula in ("=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(formula) == "'" + formula
    assert neutralise("Bank 'De Brink'") == "Bank 'De Brink'"


def test_cli_export_to_stdout_and_to_a_file_agree(demo, tmp_path):
    cli = Cli(demo["path"])
    target = tmp_path / "out.journal"
    cli.ok("export", "--format", "hledger", "--output", target)
    stdout = cli.ok("export", "--format", "hledger").stdout
    assert stdout == target.read_text(encoding="utf-8")
    assert stdout == demo["files"]["hledger"].read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [("--format", "xlsx"),
                                  ("--format", "csv", "--output", "/nonexistent/dir/x.csv")])
def test_cli_export_refusals_are_one_line(demo, args):
    result = Cli(demo["path"])("export", *args)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "error:" in result.stderr


# -- import payments -----------------------------------------------------------------------------


@pytest.fixture
def projects(funded):
    """krakeel korte-klap: project a approved (4.000,00); pesse lange-klap: b in progress
    (3.000,00); c only proposed."""
    a = funded.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="Bankjes",
                           amount_cents=4_000_00, date=DAY)
    b = funded.add_project(smederij="pesse", stream="lange-klap", year=2026, title="Taalcafé",
                           amount_cents=3_000_00, date=DAY)
    c = funded.add_project(smederij="pesse", stream="korte-klap", year=2026, title="Skatebaan",
                           amount_cents=1_000_00, date=DAY)
    funded.approve(a, DAY)
    funded.approve(b, DAY)
    funded.change_status(b, "start", DAY)
    return funded, a, b, c


def write(tmp_path: Path, text: str, name: str = "payments.csv",
          encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_import_books_every_row_like_pay_does(projects, tmp_path, db_path):
    led, a, b, _ = projects
    path = write(tmp_path, "\ufeffProject;Date;Amount;Payee;Reference\n"
                           f"{a};04-05-2026;€ 1.250,50;Hovenier Pesse;F-1\n"
                           f"{b};2026-05-06;300;Bakkerij Bos;F-2\n\n"
                           f"{a};2026-05-07;2.749,50;Hovenier Pesse;F-3\n")
    result = Cli(db_path).ok("import", "payments", path)
    assert "booked 3 payment(s), € 4.300,00; 0 already booked" in result.stdout
    assert led.check() == []
    assert led.project_detail(a)["left_cents"] == 0
    assert led.project_detail(b)["paid_cents"] == 300_00
    pay_txn = led.store.payment(led.pay(b, 1_00, DAY, payee="Bakkerij Bos", reference="F-4"))
    imported = led.payments(project_id=b)[0]
    assert (imported["date"], imported["payee"], imported["reference"]) == (
        "2026-05-06", "Bakkerij Bos", "F-2")
    shape = [(p["kind"], p["name"]) for p in led.store.transaction_postings(imported["txn_id"])]
    assert shape == [(p["kind"], p["name"])
                     for p in led.store.transaction_postings(pay_txn["txn_id"])]
    assert led.store.transaction(imported["txn_id"])["description"] == (
        f"Payment for project {b} to Bakkerij Bos (F-2)")


def test_importing_the_same_file_again_books_nothing_twice(projects, tmp_path, db_path):
    led, a, b, _ = projects
    path = write(tmp_path, f"project,date,amount,payee,reference\n{a},2026-05-04,100,X,R-1\n"
                           f"{b},2026-05-04,200,Y,R-2\n")
    cli = Cli(db_path)
    cli.ok("import", "payments", path)
    before = dump(db_path)
    again = cli.ok("import", "payments", path)
    assert "booked 0 payment(s), € 0,00; 2 already booked" in again.stdout
    assert dump(db_path) == before
    # A reversed payment no longer counts: its row is booked anew.
    led.reverse_payment(led.payments(project_id=a)[0]["id"], "wrong account",
                        dt.date(2026, 6, 1))
    third = cli.ok("import", "payments", path, "--json")
    assert '"booked": 1' in third.stdout and '"already_booked": 1' in third.stdout
    assert led.check() == []


@pytest.mark.usefixtures("english")
def test_every_bad_row_is_reported_and_nothing_is_booked(projects, tmp_path, db_path):
    led, a, b, c = projects
    led.store.ensure_year(2025)
    led.store.conn.execute("UPDATE year SET closed_at = '2026-01-02' WHERE year = 2025")
    led.store.conn.commit()
    path = write(tmp_path, "project,date,amount,payee,reference\n"
                           f"{a},2026-05-04,\"2.500,00\",ok,G-1\n"      # 2: fine
                           f"{a},2026-05-04,\"2.000,00\",over,G-2\n"     # 3: 2500 + 2000 > 4000
                           f"{c},2026-05-04,10,proposed,G-3\n"          # 4: not approved
                           "999,2026-05-04,10,nobody,G-4\n"             # 5: no such project
                           f"{b},2026-05-04,1.234,ambiguous,G-5\n"    # 6
                           f"{b},31-02-2026,10,bad date,G-6\n"          # 7
                           f"{b},2025-12-30,10,closed year,G-7\n"       # 8
                           f"{b},2026-05-04,10,no reference,\n"         # 9
                           f"{b},2026-05-04,10,twice,G-1\n"             # 10
                           f"{b},2026-05-04\n")                        # 11
    before = dump(db_path)
    result = Cli(db_path)("import", "payments", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert [re.search(r"line (\d+):", x).group(1) for x in lines[:-1]] == [
        str(n) for n in range(3, 12)]
    text = "\n".join(lines)
    for reason in ("exceeds what is left of project", "is proposed", "999 does not exist",
                   "'1.234' has three decimals", "not a day in the calendar",
                   "2025, which is closed",
                   "reference is empty", "also on line 2", "has 2 fields"):
        assert reason in text
    assert lines[-1].endswith("9 of 10 rows cannot be booked; nothing was booked")
    assert dump(db_path) == before


def test_the_rules_apply_to_rows_given_directly(projects):
    led, a, _, _ = projects
    f = PaymentFile("x.csv", ",", {c: i for i, c in enumerate(
        ("project", "date", "amount", "payee", "reference"))}, 5,
        [(2, [str(a), "2026-05-04", "4.000,01", "", "Z"])])
    with pytest.raises(RowErrors) as e:
        import_payments(led, f)
    assert e.value.lines() == []  # one bad row: the message itself names it
    assert str(e.value) == (
        f"x.csv line 2: amount € 4.000,01 exceeds what is left of project {a}'s commitment "
        "(€ 4.000,00, counting the rows above for it): book it with 'smederij payment add "
        "--raise-commitment' instead; nothing was booked")


def test_dry_run_writes_nothing(projects, tmp_path, db_path):
    _, a, _, _ = projects
    path = write(tmp_path, f"project,date,amount,payee,reference\n{a},2026-05-04,100,X,D-1\n")
    before = dump(db_path)
    result = Cli(db_path).ok("import", "payments", path, "--dry-run")
    assert "would book 1 payment(s), € 100,00" in result.stdout
    assert dump(db_path) == before


def test_windows_1252_file_from_dutch_excel_is_read(projects, tmp_path, db_path):
    led, a, _, _ = projects
    path = write(tmp_path, f"project;date;amount;payee;reference\r\n{a};4-5-2026;12,50;Café "
                           "Ons Dörp;W-1\r\n", encoding="cp1252")
    Cli(db_path).ok("import", "payments", path)
    assert led.payments(project_id=a)[0]["payee"] == "Café Ons Dörp"


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x00\x01SQLite format 3\x00\xff", "not a CSV file"),
    (b"project,date,amount\n1,2026-01-01,10\n", "no column payee, reference"),
    (None, "no file"),
])
def test_unreadable_files_are_one_clear_line(projects, tmp_path, db_path, content, message):
    path = tmp_path / "in.csv"
    if content is not None:
        path.write_bytes(content)
    before = dump(db_path)
    result = Cli(db_path)("import", "payments", path)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert dump(db_path) == before


def test_a_header_without_rows_books_nothing(projects, tmp_path, db_path):
    path = write(tmp_path, "project,date,amount,payee,reference\n")
    assert "booked 0 payment(s)" in Cli(db_path).ok("import", "payments", path).stdout
    assert read_payment_file(path).rows == []


def test_bulk_booking_assigns_consecutive_transactions_in_row_order(projects):
    led, a, b, _ = projects
    store = led.store
    accounts = store.payment_projects([a, b])
    spent = {pid: store.account_id(f"spent-test-{pid}", d.SPENT, accounts[pid]["stream"], 2026,
                                   accounts[pid]["smederij"], pid) for pid in (a, b)}

    def row(pid, cents, ref):
        return (pid, dt.date(2026, 6, 1), cents, accounts[pid]["committed_account"], spent[pid],
                "Payee", ref, f"payment {ref}")

    with store.write():
        ids = store.book_payments([row(a, 5_00, "X1"), row(b, 7_00, "X2"), row(a, 1, "X3")])
    assert list(ids) == [ids[0], ids[0] + 1, ids[0] + 2]
    assert [store.transaction(t)["description"] for t in ids] == [
        "payment X1", "payment X2", "payment X3"]
    assert [(p["kind"], p["amount_cents"]) for p in store.transaction_postings(ids[1])] == [
        ("committed", -7_00), ("spent", 7_00)]
    assert [(p["reference"], p["txn_id"]) for p in store.payments(project_id=a)] == [
        ("X1", ids[0]), ("X3", ids[2])]
    assert led.check() == []
    before = store.counts()
    with pytest.raises(sqlite3.IntegrityError), store.write():  # a project that does not exist
        store.book_payments([row(a, 1, "Y1"), (999, dt.date(2026, 6, 1), 1, 1, 2, "", "Y2", "")])
    assert store.counts() == before
    with store.write():  # the temporary table went with the failure
        store.book_payments([row(b, 1, "Y3")])


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", ",", "."]),
       st.integers(min_value=0, max_value=99))
def test_plain_amounts_take_the_fast_path_to_the_same_cents(whole, sep, frac):
    text = f"{whole}{sep}{frac:02d}" if sep else str(whole)
    try:
        expected = parse_amount(" " + text)  # the leading space takes the full parser
    except InvalidInput as e:
        with pytest.raises(InvalidInput, match=re.escape(str(e).split("'")[0])):
            parse_amount(text)
    else:
        assert parse_amount(text) == expected


def test_progress_bar_only_on_a_terminal_and_for_large_jobs(monkeypatch):
    from smederij_cli import render

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    monkeypatch.setattr(render.sys, "stderr", screen)
    with render.progress(render.PROGRESS_MIN - 1, "small") as advance:
        advance(1)
    assert screen.getvalue() == ""
    with render.progress(render.PROGRESS_MIN, "Importing payments") as advance:
        advance(render.PROGRESS_MIN)
    assert "Importing payments" in screen.getvalue()
    monkeypatch.setattr(render.sys, "stderr", io.StringIO())  # a pipe: never a bar
    with render.progress(10**6, "piped") as advance:
        advance(1)
    assert render.sys.stderr.getvalue() == ""
