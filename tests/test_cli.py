"""The command line end to end, through CliRunner, on a temporary ledger."""

from __future__ import annotations

import json

import pytest

from smederij_cli.cli import app
from tests.conftest import dump


def report_json(cli, *args):
    return json.loads(cli.ok("report", "--year", "2026", "--format", "json", *args).stdout)


def test_a_year_from_allocation_to_completed_project(cli_ledger):
    cli = cli_ledger
    pid = json.loads(cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                            "--title", "Jeu de boules-baan", "--amount", "4.500,00",
                            "--theme", "play", "--supporters", "40", "--volunteers", "6",
                            "--cofunding", "Oranje Fonds=1.000,00", "--year", "2026",
                            "--json").stdout)["id"]
    before = report_json(cli, "--smederij", "krakeel")["smederijen"][0]["streams"]["korte-klap"]
    cli.ok("project", "approve", str(pid), "--date", "2026-03-01", "--note", "stuurgroep")
    cli.ok("project", "start", str(pid), "--date", "2026-03-10")
    pay = cli.ok("payment", "add", "--project", pid, "--amount", "€ 1.234,56",
                 "--date", "20-04-2026", "--payee", "Hovenier", "--ref", "F1")
    assert pay.stdout.strip().isdigit()
    cli.ok("project", "complete", str(pid), "--date", "2026-05-01", "--note", "opgeleverd")

    after = report_json(cli, "--smederij", "krakeel")["smederijen"][0]["streams"]["korte-klap"]
    assert after["spent_cents"] == 123456
    assert after["committed_cents"] == 0
    assert after["available_cents"] == before["available_cents"] - 123456
    shown = json.loads(cli.ok("project", "show", str(pid), "--json").stdout)
    assert [e["to_status"] for e in shown["history"]] == [
        "proposed", "approved", "in_progress", "completed"]
    assert shown["history"][1]["note"] == "stuurgroep"
    assert (shown["committed_cents"], shown["paid_cents"], shown["released_cents"],
            shown["left_cents"]) == (450000, 123456, 450000 - 123456, 0)
    assert shown["cofunding"] == {"Oranje Fonds": 100000}
    cli.ok("check")


def test_weighted_allocation_sums_to_the_total_and_dry_run_writes_nothing(cli, db_path):
    cli.ok("init")
    before = dump(db_path)
    out = json.loads(cli.ok("budget", "allocate", "--year", "2026", "--stream", "lange-klap",
                            "--total", "250.000,01", "--method", "weighted", "--base", "4.000,00",
                            "--dry-run", "--json").stdout)
    assert out["dry_run"] and out["transaction"] is None
    assert sum(out["shares"].values()) == 25_000_001 and len(out["shares"]) == 24
    assert dump(db_path) == before
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "lange-klap",
           "--total", "250.000,01", "--method", "weighted", "--base", "4.000,00")
    report = report_json(cli)
    assert report["totals"]["allocated_cents"] == 25_000_001
    shares = {s["code"]: s["streams"]["lange-klap"]["allocated_cents"]
              for s in report["smederijen"]}
    assert shares == out["shares"]


def test_report_json_has_the_documented_shape_and_identity(cli_ledger):
    report = report_json(cli_ledger)
    assert set(report) == {"year", "currency", "smederijen", "totals", "closed", "filters",
                           "projects"}
    assert report["year"] == 2026 and report["currency"] == "EUR"
    assert len(report["smederijen"]) == 24  # every active Smederij, also without projects
    first = report["smederijen"][0]
    assert set(first) == {"code", "name", "kind", "team", "streams", "projects",
                          "projects_carried_in"}
    assert set(first["projects"]) == {"proposed", "approved", "in_progress", "completed",
                                      "rejected", "withdrawn"}
    for sm in report["smederijen"]:
        for f in sm["streams"].values():
            assert (f["carried_in_cents"] + f["allocated_cents"]
                    == f["spent_cents"] + f["committed_cents"] + f["available_cents"]
                    + f["carried_out_cents"] + f["lapsed_cents"])
    assert report["totals"]["allocated_cents"] == 30_000_000


def test_transfer_moves_available_budget(cli_ledger):
    cli_ledger.ok("budget", "transfer", "--year", "2026", "--stream", "korte-klap",
                  "--from", "krakeel", "--to", "pesse", "--amount", "1.000,00")
    data = json.loads(cli_ledger.ok("budget", "show", "--year", "2026", "--json").stdout)
    kinds = [m["kind"] for m in data["moves"]]
    assert "transfer" in kinds
    report = report_json(cli_ledger)
    total = report["totals"]["allocated_cents"]
    assert total == 30_000_000  # a transfer moves money; it creates none


def test_payment_reverse_books_a_reversal_and_keeps_the_payment(cli_ledger):
    cli = cli_ledger
    pid = cli.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap", "--title",
                 "Bankjes", "--amount", "2.000,00").stdout.strip()
    cli.ok("project", "approve", pid)
    pay = cli.ok("payment", "add", "--project", pid, "--amount", "500", "--date",
                 "2026-06-01").stdout.strip()
    cli.ok("payment", "reverse", pay, "--reason", "dubbel geboekt", "--date", "2026-06-02")
    rows = json.loads(cli.ok("payment", "list", "--project", pid, "--json").stdout)
    assert len(rows) == 1 and rows[0]["reversal_reason"].endswith("dubbel geboekt")
    shown = json.loads(cli.ok("project", "show", pid, "--json").stdout)
    assert shown["paid_cents"] == 0 and shown["left_cents"] == 200000
    cli.ok("check")


def test_init_twice_syncs_and_says_so(cli):
    first = cli.ok("init")
    assert "Smederijen: 24 toegevoegd" in first.stdout
    assert "is al bijgewerkt" in cli.ok("init").stdout


def test_info_and_version(cli_ledger):
    info = json.loads(cli_ledger.ok("info", "--json").stdout)
    assert info["smederijen"] == 24 and info["schema_version"] >= 1
    assert info["years"] == [{"year": 2026, "status": "open"}]
    assert cli_ledger.ok("--version").stdout.startswith("smederij ")


def test_demo_builds_every_state_and_passes_check(cli):
    cli.ok("demo")
    projects = json.loads(cli.ok("project", "list", "--year", "2026", "--json").stdout)
    assert {p["status"] for p in projects} == {"proposed", "approved", "in_progress",
                                               "completed", "rejected", "withdrawn"}
    assert any(p["paid_cents"] for p in projects)
    cli.ok("check")
    again = cli.ok("demo")
    assert "bevat de demo al (seed 2026); niets gedaan" in again.stdout


def test_demo_is_reproducible(tmp_path):
    from tests.conftest import Cli

    a, b = Cli(tmp_path / "a.db"), Cli(tmp_path / "b.db")
    a.ok("demo")
    b.ok("demo")
    strip = lambda r: [{k: v for k, v in p.items()} for p in json.loads(r.stdout)]  # noqa: E731
    assert strip(a.ok("project", "list", "--json")) == strip(b.ok("project", "list", "--json"))
    assert report_json(a) == report_json(b)


# -- every user mistake: exit 1, one line on stderr, no traceback, ledger unchanged -------------

ERRORS = [
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij",
      "krakeel", "--amount", "1.234"], "three decimals"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij",
      "nergens", "--amount", "100"], "unknown Smederij 'nergens'"),
    (["budget", "allocate", "--year", "2026", "--stream", "middel-klap", "--smederij",
      "krakeel", "--amount", "100"], "unknown stream 'middel-klap'"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total", "100",
      "--method", "random"], "unknown method"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total", "100",
      "--method", "weighted", "--base", "50"], "more than the total"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap"], "give either"),
    (["budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from", "krakeel",
      "--to", "pesse", "--amount", "999.999,00"], "short"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "-5"], "negative"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "5", "--theme", "vuurwerk"], "unknown theme"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", " ",
      "--amount", "5"], "title is empty"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "5", "--cofunding", "zonder-bedrag"], "SOURCE=AMOUNT"),
    (["project", "approve", "999"], "unknown project 999"),
    (["project", "start", "{proposed}"], "cannot start"),
    (["project", "complete", "{proposed}"], "cannot complete"),
    (["project", "approve", "{proposed}", "--amount", "1.000.000,00"], "short"),
    (["project", "approve", "{proposed}", "--date", "2026-02-30"], "not a day in the calendar"),
    (["project", "list", "--status", "busy"], "unknown status"),
    (["payment", "add", "--project", "{proposed}", "--amount", "10", "--date", "2026-05-01"],
     "only booked on approved or in-progress"),
    (["payment", "add", "--project", "{approved}", "--amount", "50.000,00", "--date",
      "2026-05-01"], "exceeds what is left"),
    (["payment", "add", "--project", "{approved}", "--amount", "500.000,00", "--date",
      "2026-05-01", "--raise-commitment"], "short"),
    (["payment", "add", "--project", "{approved}", "--amount", "10", "--date", "morgen"],
     "not a date"),
    (["payment", "reverse", "999", "--reason", "x"], "unknown payment 999"),
    (["payment", "reverse", "{payment}", "--reason", "  "], "reason is empty"),
    (["report", "--year", "2026", "--format", "pdf"], "unknown format"),
    (["smederijen", "show", "atlantis"], "unknown Smederij"),
    (["init", "--config", "/nonexistent/x.yaml"], "x.yaml"),
]


@pytest.fixture
def busy_ledger(cli_ledger):
    cli = cli_ledger
    ids = {}
    ids["proposed"] = cli.ok("project", "add", "--smederij", "krakeel", "--stream",
                             "korte-klap", "--title", "Plan", "--amount", "1.000,00").stdout.strip()
    ids["approved"] = cli.ok("project", "add", "--smederij", "krakeel", "--stream",
                             "korte-klap", "--title", "Plan 2", "--amount",
                             "2.000,00").stdout.strip()
    cli.ok("project", "approve", ids["approved"])
    ids["payment"] = cli.ok("payment", "add", "--project", ids["approved"], "--amount", "100",
                            "--date", "2026-04-01").stdout.strip()
    return cli, ids


@pytest.mark.parametrize("args, message", ERRORS, ids=[" ".join(a[:2]) + f" ({m})"
                                                        for a, m in ERRORS])
@pytest.mark.usefixtures("english")
def test_user_mistakes_are_one_line_exit_1_and_change_nothing(busy_ledger, db_path, args,
                                                              message):
    cli, ids = busy_ledger
    args = [a.format(**ids) for a in args]
    before = dump(db_path)
    result = cli(*args)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    assert dump(db_path) == before


@pytest.mark.parametrize("args", [a for a, _ in ERRORS],
                         ids=[" ".join(a[:2]) + f" ({m})" for a, m in ERRORS])
def test_the_same_mistakes_in_a_dutch_run_are_one_dutch_line(busy_ledger, db_path, args):
    from tests.dutch import english_words

    cli, ids = busy_ledger
    args = [a.format(**ids).replace("1.234", "1,234") for a in args]  # ambiguous in Dutch
    before = dump(db_path)
    result = cli(*args)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: "), result.stderr
    assert english_words(lines[0]) == [], lines[0]
    assert dump(db_path) == before


def test_a_reading_command_on_a_missing_ledger_says_to_init(tmp_path):
    from tests.conftest import Cli

    result = Cli(tmp_path / "nothing.db")("report", "--year", "2026")
    assert result.exit_code == 1
    assert "maak het met 'smederij init'" in result.stderr
    assert not (tmp_path / "nothing.db").exists()


def test_usage_errors_are_one_line_too(cli_ledger):
    result = cli_ledger("budget", "allocate", "--stream", "korte-klap")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--year" in result.stderr


def _commands(group, prefix=()):
    import typer

    def walk(command, prefix):
        if not hasattr(command, "list_commands"):
            yield prefix
            return
        if prefix and command.invoke_without_command:  # a group that is a command too (report)
            yield prefix
        ctx = typer.Context(command)  # (list_commands/get_command: some groups load lazily)
        for name in command.list_commands(ctx):
            yield from walk(command.get_command(ctx, name), (*prefix, name))

    yield from walk(typer.main.get_command(group), tuple(prefix))


@pytest.mark.parametrize("path", list(_commands(app)), ids=" ".join)
def test_every_command_has_help_with_an_example(cli, path):
    result = cli(*path, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
