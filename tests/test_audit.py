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


# -- every writing command, once: one specific row; refused and dry runs: none ------------------

import getpass  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402

import typer  # noqa: E402

from smederij_cli.cli import app  # noqa: E402
from smederij_cli.config import default_config_path, load_config  # noqa: E402
from smederij_cli.ledger import Ledger  # noqa: E402
from smederij_cli.store import Store  # noqa: E402
from tests.conftest import Cli  # noqa: E402

MONEY = r"€ [\d.]+,\d\d"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A ledger with 2026 allocated and projects 1 proposed, 2 approved and paid € 100,00
    (payment 1), 3 in progress; beside it a backup, payment files and a changed registry."""
    folder = tmp_path_factory.mktemp("audit")
    db = folder / "base.db"
    with Store(db) as store:
        led = Ledger(store)
        led.load_registry(load_config(default_config_path()))
        led.allocate(2026, "korte-klap", DAY, total_cents=300_000_00, method="weighted",
                     base_cents=5_000_00)
        led.allocate(2026, "lange-klap", DAY, smederij="krakeel", amount_cents=5_000_00)
        ids = [led.add_project(smederij="krakeel", stream="korte-klap", year=2026,
                               title=f"Plan {n}", amount_cents=cents)
               for n, cents in enumerate((1_000_00, 2_000_00, 500_00), 1)]
        assert ids == [1, 2, 3]
        led.approve(2, DAY)
        led.pay(2, 100_00, DAY, reference="F-1")
        led.approve(3, DAY)
        led.change_status(3, "start", DAY)
        _rounds(led)
        store.backup_to(folder / "backup.db")
    header = "project,date,amount,payee,reference\n"
    (folder / "payments.csv").write_text(header + "2,2026-05-04,10,A,I-1\n2,2026-05-05,20,B,I-2\n")
    (folder / "bad.csv").write_text(header + "2,2026-05-04,\"1,234\",A,I-3\n")
    register = "Jaar;Smederij;Budgetsoort;Titel;Status;Aangevraagd\n"
    (folder / "projects.csv").write_text(register
                                         + "2026;Krakeel;korte klap;Nieuw;goedgekeurd;100\n")
    (folder / "bad-projects.csv").write_text(register + "2026;nergens;korte-klap;X;voorgesteld;1\n")
    (folder / "not-a-ledger.db").write_bytes(b"just text, not SQLite\n" * 10)
    yaml = default_config_path().read_text(encoding="utf-8")
    (folder / "changed.yaml").write_text(yaml.replace(
        "\n# The yearly allocation plan",
        "  - {code: test-dorp, name: Testdorp, kind: dorp, team: zuid, inhabitants: 100}\n"
        "\n# The yearly allocation plan"), encoding="utf-8")
    (folder / "broken.yaml").write_text("streams: [\n", encoding="utf-8")
    (folder / "ballots.csv").write_text("ref;marks\nB-3;1\nB-4;1,2\n")
    (folder / "bad-ballots.csv").write_text("ref;marks\nB-3;1\nB-4;9\n")
    (folder / "small.pb").write_text(
        "META\nkey;value\ndescription;test\nnum_projects;2\nnum_votes;2\nbudget;100\n"
        "vote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;name\n1;60;A\n2;50;B\n"
        "VOTES\nvoter_id;vote\nv1;1,2\nv2;1\n", encoding="utf-8")
    return folder


def _rounds(led) -> None:
    """Idea rounds of Krakeel, korte-klap 2026: 1 voting (ideas 1 and 2, ballots B-1 and B-2,
    not counted), 2 open for ideas (idea 3), 3 counted (idea 4 wins € 200,00)."""
    from smederij_cli.rounds.service import Rounds

    rounds = Rounds(led)
    new = dict(smederij="krakeel", stream="korte-klap", year=2026, vote_type="approval",
               rule="greedy")
    one = rounds.new(name="voorjaar", budget_cents=1_000_00, **new)
    rounds.add_idea(one, title="A", amount_cents=600_00)
    rounds.add_idea(one, title="B", amount_cents=500_00)
    rounds.close_ideas(one)
    rounds.add_ballot(one, "B-1", "1")
    rounds.add_ballot(one, "B-2", "1,2")
    two = rounds.new(name="zomer", budget_cents=1_000_00, **new)
    rounds.add_idea(two, title="E", amount_cents=100_00, signatures=31)
    three = rounds.new(name="najaar", budget_cents=300_00, **new)
    rounds.add_idea(three, title="C", amount_cents=200_00)
    rounds.add_idea(three, title="D", amount_cents=250_00)
    rounds.close_ideas(three)
    rounds.add_ballot(three, "N-1", "4")
    rounds.show_count(three)


K = ["--year", "2026", "--stream", "korte-klap"]
# (name, command, the audit summary it must leave (a regex, whole line), a refused variant).
# "{dir}" is the folder of ``base``; a command marked "fresh" starts from an empty ledger file.
WRITES = [
    ("init (new ledger)", ["init"], r"loaded the registry from .*hoogeveen\.yaml \(teams: 4 "
     r"added; streams: 2 added; smederijen: 24 added\)", ["init", "--config", "{dir}/none.yaml"]),
    ("init (sync)", ["init", "--config", "{dir}/changed.yaml"],
     r"loaded the registry from .*changed\.yaml \(smederijen: 1 added\)",
     ["init", "--config", "{dir}/broken.yaml"]),
    ("demo", ["demo"], r"built the demo ledger \(seed 2026\): .*", ["demo"]),
    ("import projects", ["import", "projects", "{dir}/projects.csv"],
     r"imported 1 project\(s\) from .*projects\.csv: 1 approved; € 100,00 committed, "
     r"€ 0,00 paid",
     ["import", "projects", "{dir}/bad-projects.csv"]),
    ("budget allocate one", ["budget", "allocate", *K, "--smederij", "pesse", "--amount", "5"],
     rf"allocated € 5,00 korte-klap 2026 to 1 Smederij\(en\): Pesse \(transaction \d+\)",
     ["budget", "allocate", *K, "--smederij", "pesse", "--amount", "1,234"]),
    ("budget allocate split", ["budget", "allocate", "--year", "2026", "--stream", "lange-klap",
                               "--total", "240", "--method", "equal"],
     r"allocated € 240,00 lange-klap 2026 to 24 Smederij\(en\): equal split of € 240,00 "
     r"\(transaction \d+\)",
     ["budget", "allocate", "--year", "2026", "--stream", "lange-klap", "--total", "240",
      "--method", "by-lot"]),
    ("budget allocate --from-config", ["budget", "allocate", "--year", "2027", "--from-config"],
     r"applied the configuration's allocation plans to 2027: korte-klap € 300\.000,00 to 24 "
     r"Smederijen \(transaction \d+\), lange-klap € 250\.000,00 to 24 Smederijen "
     r"\(transaction \d+\)",
     ["budget", "allocate", "--year", "2027", "--from-config", "--stream", "korte-klap"]),
    ("budget transfer", ["budget", "transfer", *K, "--from", "krakeel", "--to", "pesse",
                         "--amount", "5"],
     r"transferred € 5,00 korte-klap 2026 from krakeel to pesse \(transaction \d+\)",
     ["budget", "transfer", *K, "--from", "krakeel", "--to", "pesse", "--amount", "999.999"]),
    ("project add", ["project", "add", "--smederij", "pesse", "--stream", "korte-klap",
                     "--title", "Bankjes", "--amount", "75"],
     r"added project 4 \(pesse, korte-klap 2026\): Bankjes, € 75,00 requested",
     ["project", "add", "--smederij", "nergens", "--stream", "korte-klap", "--title", "X",
      "--amount", "75"]),
    ("project approve", ["project", "approve", "1"], r"approved project 1: € 1\.000,00 committed",
     ["project", "approve", "2"]),
    ("project start", ["project", "start", "2"], r"project 2 approved -> in_progress",
     ["project", "start", "1"]),
    ("project complete", ["project", "complete", "3"],
     r"project 3 in_progress -> completed: € 500,00 released", ["project", "complete", "1"]),
    ("project reject", ["project", "reject", "1"], r"project 1 proposed -> rejected",
     ["project", "reject", "2"]),
    ("project withdraw", ["project", "withdraw", "2"],
     r"project 2 approved -> withdrawn: € 1\.900,00 released", ["project", "withdraw", "99"]),
    ("payment add", ["payment", "add", "--project", "2", "--amount", "10", "--date",
                     "2026-05-01", "--ref", "F-2"],
     r"paid € 10,00 on project 2 \(payment 2, F-2\)",
     ["payment", "add", "--project", "2", "--amount", "5.000", "--date", "2026-05-01"]),
    ("payment reverse", ["payment", "reverse", "1", "--reason", "dubbel"],
     r"reversed payment 1 of project 2 \(€ 100,00\): dubbel",
     ["payment", "reverse", "99", "--reason", "dubbel"]),
    ("rollover", ["rollover", "--year", "2026", "--early"],
     rf"rolled over 2026 into 2027: {MONEY} available carried, {MONEY} lapsed to funding, "
     r"2 open commitment\(s\) of € 2\.400,00 carried; 2026 is closed",
     ["rollover", "--year", "2027"]),
    ("import payments", ["import", "payments", "{dir}/payments.csv"],
     r"imported 2 payment\(s\) \(€ 30,00\) from .*payments\.csv; transactions \d+-\d+",
     ["import", "payments", "{dir}/bad.csv"]),
    ("round new", ["round", "new", "--smederij", "pesse", *K, "--name", "najaar", "--budget",
                   "500", "--vote", "approval", "--rule", "greedy"],
     r"started idea round 4 \(pesse, korte-klap 2026, najaar\): budget € 500,00, approval, "
     r"greedy, tie-break submitted",
     ["round", "new", "--smederij", "pesse", *K, "--name", "najaar", "--budget", "500",
      "--vote", "raffle", "--rule", "greedy"]),
    ("round idea add", ["round", "idea", "add", "2", "--title", "Bankjes", "--amount", "100",
                        "--signatures", "31"],
     r"added idea 6 to round 2: Bankjes, € 100,00, 31 signature\(s\)",
     ["round", "idea", "add", "1", "--title", "Te laat", "--amount", "100"]),
    ("round close-ideas", ["round", "close-ideas", "2"],
     r"closed the ideas of round 2: 1 of 1 eligible \(€ 100,00\); no vote needed: all "
     r"eligible ideas fit the budget", ["round", "close-ideas", "1"]),
    ("round ballot add", ["round", "ballot", "add", "1", "--ref", "B-3", "--marks", "2"],
     r"added ballot B-3 to round 1: 2", ["round", "ballot", "add", "1", "--ref", "B-1",
                                          "--marks", "2"]),
    ("round ballot import", ["round", "ballot", "import", "1", "{dir}/ballots.csv"],
     r"imported 2 ballot\(s\) into round 1 from .*ballots\.csv",
     ["round", "ballot", "import", "1", "{dir}/bad-ballots.csv"]),
    ("round ballot void", ["round", "ballot", "void", "1", "B-1", "--reason", "dubbel"],
     r"voided ballot B-1 of round 1: dubbel",
     ["round", "ballot", "void", "1", "B-9", "--reason", "dubbel"]),
    ("round count", ["round", "count", "1"],
     r"counted round 1 \(greedy\): 2 valid ballot\(s\), winners 1, € 600,00 of € 1\.000,00",
     ["round", "count", "2"]),
    ("round award", ["round", "award", "3", "--date", "2026-07-01"],
     r"awarded round 3 \(krakeel, korte-klap 2026, najaar\): 1 idea\(s\) approved as "
     r"project\(s\) 4, € 200,00 committed", ["round", "award", "1", "--date", "2026-07-01"]),
    ("round import", ["round", "import", "{dir}/small.pb", "--smederij", "pesse", *K],
     r"imported idea round 4 \(pesse, korte-klap 2026\) from small\.pb: 2 idea\(s\), "
     r"2 ballot\(s\), approval, greedy",
     ["round", "import", "{dir}/small.pb", "--smederij", "nergens", *K]),
    ("restore", ["restore", "{dir}/backup.db"],
     r"restored the ledger from .*backup\.db; the replaced ledger is kept as "
     r".*ledger\.db\.replaced-\d{8}T\d{6}Z", ["restore", "{dir}/not-a-ledger.db"]),
]
FRESH = {"init (new ledger)", "demo"}
DRY_RUNS = [
    ["import", "projects", "{dir}/projects.csv", "--dry-run"],
    ["budget", "allocate", *K, "--total", "100", "--method", "equal", "--dry-run"],
    ["budget", "allocate", "--year", "2027", "--from-config", "--dry-run"],
    ["rollover", "--year", "2026", "--dry-run"],
    ["import", "payments", "{dir}/payments.csv", "--dry-run"],
    ["round", "ballot", "import", "1", "{dir}/ballots.csv", "--dry-run"],
]
READING = [
    ["status"], ["import", "template", "--output", "{dir}/t-{n}.xlsx"],
    ["info"], ["check"], ["log"], ["backup", "{dir}/copy-{n}.db"], ["export", "--format", "csv"],
    ["smederijen", "list"], ["smederijen", "show", "krakeel"], ["budget", "show", *K[:2]],
    ["project", "list"], ["project", "show", "2"], ["payment", "list"], ["report", *K[:2]],
    ["report", "projects", *K[:2]], ["site", "--output", "{dir}/site-{n}"],
    ["round", "list"], ["round", "show", "1"], ["round", "export", "1", "--format", "json"],
]


def _leaf_commands(command=None, prefix=()) -> set[str]:
    command = command or typer.main.get_command(app)
    if not hasattr(command, "commands"):
        return {" ".join(prefix)}
    found = {" ".join(prefix)} if prefix and command.invoke_without_command else set()
    ctx = typer.Context(command)  # (list_commands/get_command: some groups load lazily)
    for name, sub in ((n, command.get_command(ctx, n)) for n in command.list_commands(ctx)):
        found |= _leaf_commands(sub, (*prefix, name))
    return found


def _name(args: list[str]) -> str:
    """The command's name: the longest run of its first words that names a command."""
    leaves = _leaf_commands()
    words = []
    for a in args[:3]:
        if a.startswith("-") or "{" in a:
            break
        words.append(a)
    while len(words) > 1 and " ".join(words) not in leaves:
        words.pop()
    return " ".join(words)


def _fill(args: list[str], folder) -> list[str]:
    return [a.replace("{dir}", str(folder)) for a in args]


def test_every_command_is_known_as_writing_or_reading():
    """A new command must be added to WRITES (with its audit line) or READING here."""
    writing = {_name(args) for _, args, _, _ in WRITES}
    reading = {_name(args) for args in READING}
    assert not writing & reading
    assert writing | reading == _leaf_commands()


@pytest.mark.parametrize("name, args, summary, refused", WRITES, ids=[w[0] for w in WRITES])
def test_each_writing_command_leaves_exactly_one_specific_row(base, db_path, name, args,
                                                              summary, refused):
    if name not in FRESH:
        shutil.copyfile(base / "base.db", db_path)
    elif name == "demo":
        Store(db_path).close()  # the schema only: what demo expects
    cli = Cli(db_path)
    if name == "demo":  # refused on a ledger that holds entries
        shutil.copyfile(base / "base.db", base / "demo-refused.db")
        refused_db = base / "demo-refused.db"
        before = audit(refused_db)
        assert Cli(refused_db)(*refused).exit_code == 1
        assert audit(refused_db) == before
    elif name != "init (new ledger)":
        before = dump(db_path)
        result = cli(*_fill(refused, base))
        assert result.exit_code == 1, result.output
        assert dump(db_path) == before  # no audit row, nothing else either
    else:
        assert cli(*_fill(refused, base)).exit_code == 1
        assert not db_path.exists() or audit_or_none(db_path) in (None, [])
    before = audit(db_path) if db_path.exists() and db_path.stat().st_size else []
    argv = _fill(args, base)
    cli.ok(*argv)
    rows = audit(db_path)
    assert rows[:len(before)] == before and len(rows) == len(before) + 1
    row = rows[-1]
    assert re.fullmatch(summary, row["summary"]), row["summary"]
    assert row["actor"] == getpass.getuser()
    assert row["command"] == shlex.join(["smederij", "--db", str(db_path), *argv])


def audit_or_none(path):
    try:
        return audit(path)
    except sqlite3.OperationalError:  # no audit table: nothing was created
        return None


@pytest.mark.parametrize("args", DRY_RUNS, ids=[" ".join(a[:2]) for a in DRY_RUNS])
def test_dry_runs_leave_no_row_and_change_nothing(base, db_path, args):
    shutil.copyfile(base / "base.db", db_path)
    before = dump(db_path)
    Cli(db_path).ok(*_fill(args, base))
    assert dump(db_path) == before


def test_reading_commands_leave_no_row_and_change_nothing(base, db_path):
    shutil.copyfile(base / "base.db", db_path)
    before = dump(db_path)
    cli = Cli(db_path)
    for n, args in enumerate(READING):
        cli.ok(*[a.replace("{n}", str(n)) for a in _fill(args, base)])
    assert dump(db_path) == before
