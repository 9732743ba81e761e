"""Issue 12, sections 3-7 and 10: bookings a careful accountant expects.

Every class of input through the real command line against a temporary ledger, with "today"
frozen through ``SMEDERIJ_TEST_TODAY`` (``smederij_cli.dates.today``): dates belong to their
booking, closing a year is deliberate, one invoice is paid once, an import row is exactly as
wide as its header, the registry never hides money, and refusals speak in the options typed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path

import pytest
import yaml

from conftest import dump
from smederij_cli import dates
from smederij_cli.config import default_config_path
from smederij_cli.errors import InvalidInput, NotAllowed

KK, LK = "korte-klap", "lange-klap"


def today(monkeypatch, day: str) -> None:
    monkeypatch.setenv(dates.TODAY_ENV, day)


def refused(cli, db_path: Path, *args: str, says: tuple[str, ...] = ()) -> str:
    """Run a command that must be refused: exit 1, one line on stderr holding every text of
    ``says``, and the ledger exactly as it was. Returns the line."""
    before = dump(db_path)
    result = cli(*args)
    assert result.exit_code == 1, (args, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: "), result.stderr
    for text in says:
        assert text in lines[0], (text, lines[0])
    assert dump(db_path) == before
    return lines[0]


def txn_dates(db_path: Path, like: str) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return [r[0] for r in conn.execute(
            "SELECT date FROM txn WHERE description LIKE ? ORDER BY id", [like])]


@pytest.fixture
def year26(cli, db_path):
    """The example registry, both plans of the configuration applied to 2026 (dated 15 January),
    and project 1 (krakeel, korte-klap, € 2.000,00) proposed on 1 February and approved on
    1 March: today is 1 March 2026 (conftest)."""
    cli.ok("init")
    cli.ok("budget", "allocate", "--year", "2026", "--from-config", "--date", "2026-01-15")
    cli.ok("project", "add", "--smederij", "krakeel", "--stream", KK, "--title", "Bankjes",
           "--amount", "2.000,00", "--year", "2026", "--date", "2026-02-01")
    cli.ok("project", "approve", "1", "--date", "2026-03-01")
    return cli


# -- 3. every date belongs to its booking ---------------------------------------------------------

def test_the_readmes_december_script_dates_the_new_budget_in_the_new_year(year26, db_path,
                                                                          monkeypatch):
    cli = year26
    today(monkeypatch, "2026-12-10")
    cli.ok("rollover", "--year", "2026", "--early")
    cli.ok("budget", "allocate", "--year", "2027", "--from-config")
    assert txn_dates(db_path, "Allocation 2027%") == ["2027-01-01", "2027-01-01"]
    # and a single allocation for a year not begun, made in December, likewise
    cli.ok("budget", "allocate", "--year", "2027", "--stream", KK, "--smederij", "pesse",
           "--amount", "100")
    assert txn_dates(db_path, "Allocation 2027 korte-klap: Pesse%") == ["2027-01-01"]


def test_an_allocation_before_its_year_begins_is_dated_its_1_january(year26, db_path):
    year26.ok("budget", "allocate", "--year", "2027", "--stream", KK, "--smederij", "krakeel",
              "--amount", "100")  # today is 2026-03-01, 2026 still open
    assert txn_dates(db_path, "Allocation 2027%") == ["2027-01-01"]


def test_no_entry_is_dated_in_a_closed_year_whatever_year_it_books_into(year26, db_path,
                                                                        monkeypatch):
    cli = year26
    today(monkeypatch, "2027-01-02")
    cli.ok("rollover", "--year", "2026")
    cli.ok("budget", "allocate", "--year", "2027", "--from-config")
    for args in (
            ["budget", "transfer", "--year", "2027", "--stream", KK, "--from", "krakeel",
             "--to", "pesse", "--amount", "10", "--date", "2026-06-01"],
            ["budget", "allocate", "--year", "2027", "--stream", KK, "--smederij", "krakeel",
             "--amount", "10", "--date", "2026-12-31"],
            ["payment", "add", "--project", "1", "--amount", "10", "--date", "2026-12-20"],
            ["project", "add", "--smederij", "krakeel", "--stream", KK, "--title", "Laat",
             "--amount", "10", "--year", "2027", "--date", "2026-12-30"]):
        line = refused(cli, db_path, *args, says=("2026", "afgesloten", "open jaar 2027"))
        assert " op 2026-" in line
    # the carried project books in the open year
    cli.ok("payment", "add", "--project", "1", "--amount", "10", "--date", "2027-01-02")


def test_a_money_entry_is_dated_in_the_budget_year_it_books_into(year26, db_path):
    cli = year26
    cli.ok("budget", "allocate", "--year", "2027", "--stream", KK, "--smederij", "krakeel",
           "--amount", "500")
    cases = [
        (["budget", "allocate", "--year", "2026", "--stream", KK, "--smederij", "krakeel",
          "--amount", "10", "--date", "2027-02-01"], "een toekenning voor 2026"),
        (["budget", "allocate", "--year", "2027", "--from-config", "--date", "2026-12-01"],
         "een toekenning voor 2027"),
        (["budget", "transfer", "--year", "2027", "--stream", KK, "--from", "krakeel", "--to",
          "pesse", "--amount", "10", "--date", "2026-06-01"], "een overboeking in 2027"),
        (["payment", "add", "--project", "1", "--amount", "10", "--date", "2027-01-05"],
         "een betaling op project 1"),
    ]
    for args, what in cases:
        year = args[args.index("--year") + 1] if "--year" in args else "2026"
        line = refused(cli, db_path, *args, says=(
            what, f"van 1 januari {year} tot en met 31 december {year}", "--date"))
        assert "valt niet in budgetjaar" in line
    # a release is a money entry too: completing in 2027 releases 2026 money
    cli.ok("project", "start", "1", "--date", "2026-04-01")
    refused(cli, db_path, "project", "complete", "1", "--date", "2027-01-04",
            says=("valt niet in budgetjaar 2026", "er komt geld vrij", "31 december 2026"))
    cli.ok("project", "complete", "1", "--date", "2026-12-31")


def test_a_projects_steps_are_in_date_order(year26, db_path):
    cli = year26
    cli.ok("project", "add", "--smederij", "pesse", "--stream", KK, "--title", "Speeltuin",
           "--amount", "1.000,00", "--year", "2026", "--date", "2026-02-10")
    refused(cli, db_path, "project", "approve", "2", "--date", "2026-02-09",
            says=("--date 2026-02-09 ligt voor het voorstel van project 2 op 10 februari 2026",
                  "10 februari 2026 of later"))
    refused(cli, db_path, "project", "reject", "2", "--date", "2026-01-31",
            says=("voor het voorstel van project 2",))
    refused(cli, db_path, "project", "start", "1", "--date", "2026-02-28",
            says=("voor de goedkeuring van project 1 op 1 maart 2026",))
    cli.ok("project", "start", "1", "--date", "2026-03-01")  # the same day is in order
    refused(cli, db_path, "project", "complete", "1", "--date", "2026-02-28",
            says=("voor de start van project 1",))
    refused(cli, db_path, "project", "withdraw", "1", "--date", "2026-02-28",
            says=("voor de start van project 1",))
    pay = cli.ok("payment", "add", "--project", "1", "--amount", "100", "--date",
                 "2026-05-04").stdout.strip()
    refused(cli, db_path, "payment", "reverse", pay, "--reason", "dubbel", "--date",
            "2026-05-03", says=(f"voor betaling {pay} op 4 mei 2026",))
    cli.ok("payment", "reverse", pay, "--reason", "dubbel", "--date", "2026-05-04")


@pytest.mark.parametrize("day", ["1999-12-31", "2201-01-01", "01-01-1900"])
def test_dates_outside_2000_to_2200_are_refused_as_years_are(year26, db_path, day):
    for args in (["payment", "add", "--project", "1", "--amount", "10", "--date", day],
                 ["project", "start", "1", "--date", day],
                 ["budget", "allocate", "--year", "2026", "--stream", KK, "--smederij",
                  "krakeel", "--amount", "10", "--date", day]):
        refused(year26, db_path, *args, says=("--date", "valt buiten het bereik",
                                              "van 1 januari 2000 tot en met 31 december 2200"))


def test_import_rows_are_dated_in_their_projects_budget_year(year26, db_path, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("project,date,amount,payee,reference\n"
                    "1,2026-05-01,10,A,R1\n"
                    "1,2027-01-05,10,A,R2\n"
                    "1,1999-05-01,10,A,R3\n")
    before = dump(db_path)
    result = year26("import", "payments", str(path))
    assert result.exit_code == 1
    said = {m.group(): line for line in result.stderr.splitlines()
            if (m := re.search(r"regel \d+", line))}
    assert "2027-01-05 valt niet in budgetjaar 2026" in said["regel 3"]
    assert "1999-05-01 valt buiten het bereik" in said["regel 4"]
    assert "regel 2" not in result.stderr
    assert dump(db_path) == before


def test_the_date_rules_directly():
    assert dates.entry_date(None, 2027, "x", last_closed=2026,
                            today=dt.date(2026, 12, 1)) == dt.date(2027, 1, 1)
    assert dates.entry_date(None, 2026, "x", last_closed=None,
                            today=dt.date(2026, 6, 1)) == dt.date(2026, 6, 1)
    with pytest.raises(NotAllowed, match=r"^today 3 January 2027 is not in budget year 2026, "
                                         r".*31 December 2026 with --date$"):
        dates.entry_date(None, 2026, "x", last_closed=None, today=dt.date(2027, 1, 3))
    with pytest.raises(NotAllowed, match="which is closed"):
        dates.entry_date(dt.date(2026, 6, 1), 2027, "x", last_closed=2026,
                         today=dt.date(2027, 1, 3))
    with pytest.raises(InvalidInput, match="out of range"):
        dates.check_range(dt.date(2201, 1, 1))
    assert dates.check_after(dt.date(2026, 1, 2), dt.date(2026, 1, 2), "a", "b")
    with pytest.raises(NotAllowed, match="2026-01-01 is before a on 2 January 2026"):
        dates.check_after(dt.date(2026, 1, 1), dt.date(2026, 1, 2), "a", "b")
    dates.check_can_close(2026, dt.date(2026, 12, 31), early=False)
    dates.check_can_close(2026, dt.date(2026, 12, 2), early=True)
    with pytest.raises(NotAllowed, match="--early"):
        dates.check_can_close(2026, dt.date(2026, 12, 30), early=False)
    with pytest.raises(NotAllowed, match="2027 has not ended yet"):  # a later year: never
        dates.check_can_close(2027, dt.date(2026, 12, 31), early=True)


# -- 4. closing a year is deliberate ------------------------------------------------------------

def test_a_year_that_never_held_money_is_not_closed(year26, db_path):
    for extra in ([], ["--early"]):
        refused(year26, db_path, "rollover", "--year", "2025", *extra,
                says=("budgetjaar 2025 heeft geen toekenning",
                      "smederij rollover --year 2026"))
    dry = year26.ok("rollover", "--year", "2025", "--dry-run")  # looking is always allowed
    assert ("2025 heeft geen toekenning en niets overgeheveld: het kan niet worden afgesloten"
            in dry.stdout)


def test_the_current_year_closes_from_31_december_or_deliberately_early(year26, db_path,
                                                                        monkeypatch):
    cli = year26
    today(monkeypatch, "2026-12-02")
    refused(cli, db_path, "rollover", "--year", "2026",
            says=("is nog niet voorbij (vandaag is het 2 december 2026)", "31 december 2026",
                  "smederij rollover --year 2026 --early", "--dry-run"))
    dry = cli.ok("rollover", "--year", "2026", "--dry-run")  # a December preview is allowed
    assert ("2026 kan worden afgesloten vanaf 31 december 2026 (vandaag is het 2 december "
            "2026; met --early" in " ".join(dry.stdout.split()))
    today(monkeypatch, "2026-12-31")
    assert cli.ok("rollover", "--year", "2026", "--dry-run").stdout.rstrip().endswith(
        "2026 kan worden afgesloten vanaf 31 december 2026")
    assert json.loads(cli.ok("rollover", "--year", "2026", "--json").stdout)["status"] == (
        "rolled_over")


def test_early_closes_the_current_year_before_its_end(year26, db_path, monkeypatch):
    cli = year26
    today(monkeypatch, "2026-12-02")
    cli.ok("rollover", "--year", "2026", "--early")
    info = json.loads(cli.ok("info", "--json").stdout)
    assert {"year": 2026, "status": "closed"} in info["years"]
    # the rest of December is closed: a step without --date says so, and what to type
    refused(cli, db_path, "project", "start", "1",
            says=("vandaag 2 december 2026 valt in budgetjaar 2026, dat is afgesloten",
                  "op of na 1 januari 2027 met --date"))
    cli.ok("project", "start", "1", "--date", "2027-01-04")
    # money for the carried project books in 2027; without --date, from its 1 January
    cli.ok("payment", "add", "--project", "1", "--amount", "10", "--date", "2027-01-05")
    cli.ok("budget", "transfer", "--year", "2027", "--stream", KK, "--from", "krakeel", "--to",
           "pesse", "--amount", "10")
    assert txn_dates(db_path, "Transfer 2027%") == ["2027-01-01"]


def test_the_year_end_script_on_2_january(year26, db_path, monkeypatch):
    today(monkeypatch, "2027-01-02")
    year26.ok("rollover", "--year", "2026")
    year26.ok("budget", "allocate", "--year", "2027", "--from-config")
    assert txn_dates(db_path, "Allocation 2027%") == ["2027-01-02", "2027-01-02"]


# -- 5. one invoice is paid once ----------------------------------------------------------------

def test_a_reference_already_paid_is_refused_unless_duplicate_ref(year26, db_path):
    cli = year26
    cli.ok("project", "add", "--smederij", "pesse", "--stream", KK, "--title", "Speeltuin",
           "--amount", "1.000,00", "--year", "2026", "--date", "2026-02-10")
    cli.ok("project", "approve", "2", "--date", "2026-03-01")
    first = cli.ok("payment", "add", "--project", "1", "--amount", "100", "--date",
                   "2026-04-01", "--ref", "F-17").stdout.strip()
    # on another project too: an invoice is paid once
    refused(cli, db_path, "payment", "add", "--project", "2", "--amount", "100", "--date",
            "2026-04-02", "--ref", "F-17",
            says=(f"--ref F-17 staat al op betaling {first} (project 1, € 100,00 op "
                  "1 april 2026)", "--duplicate-ref"))
    again = cli.ok("payment", "add", "--project", "2", "--amount", "100", "--date",
                   "2026-04-02", "--ref", "F-17", "--duplicate-ref").stdout.strip()
    log = json.loads(cli.ok("log", "--project", "2", "--json").stdout)
    assert "duplicate reference booked on purpose (--duplicate-ref), also on payment " \
           f"{first}" in log[-1]["summary"]
    assert "--duplicate-ref" in log[-1]["command"]
    # once reversed, a payment no longer holds its reference
    cli.ok("payment", "reverse", first, "--reason", "fout", "--date", "2026-04-03")
    cli.ok("payment", "reverse", again, "--reason", "fout", "--date", "2026-04-03")
    cli.ok("payment", "add", "--project", "1", "--amount", "100", "--date", "2026-04-04",
           "--ref", "F-17")


def test_an_import_row_with_a_booked_reference_and_other_facts_is_an_error(year26, db_path,
                                                                           tmp_path):
    cli = year26
    first = cli.ok("payment", "add", "--project", "1", "--amount", "10", "--date",
                   "2026-04-01", "--ref", "F-1").stdout.strip()
    same = tmp_path / "same.csv"
    same.write_text("project,date,amount,payee,reference\n1,2026-04-01,10,A,F-1\n"
                    "1,2026-04-02,20,A,F-2\n")
    out = cli.ok("import", "payments", str(same))
    assert "1 betaling(en) geboekt" in out.stdout and "1 al eerder geboekt" in out.stdout
    other = tmp_path / "other.csv"
    other.write_text("project,date,amount,payee,reference\n1,2026-04-01,11,A,F-1\n")
    refused(cli, db_path, "import", "payments", str(other),
            says=("regel 2: kenmerk 'F-1' staat al op ",
                  f"betaling {first} (project 1, € 10,00 op 1 april 2026)",
                  "met andere gegevens dan deze rij (project 1, € 11,00 op 2026-04-01)",
                  "--duplicate-ref", "er is niets geboekt"))


# -- 6. import rows are exactly as wide as their header ----------------------------------------

@pytest.mark.parametrize("row, fields", [("1,2026-08-01,10,50,A,CM1", 6),
                                         ("1,2026-08-01,10,A", 4)])
def test_an_import_row_wider_or_narrower_than_its_header_books_nothing(year26, db_path,
                                                                       tmp_path, row, fields):
    path = tmp_path / "komma.csv"
    path.write_text("project,date,amount,payee,reference\n1,2026-08-01,5,A,OK-1\n" + row + "\n")
    line = refused(year26, db_path, "import", "payments", str(path),
                   says=(f"regel 3: heeft {fields} velden maar de kopregel 5",
                         "er is niets geboekt"))
    if fields > 5:
        assert 'tussen aanhalingstekens staan ("10,50")' in line


# -- 7. the registry never hides money ----------------------------------------------------------

def test_init_with_a_smaller_registry_keeps_every_cent_in_every_report(year26, db_path,
                                                                       tmp_path, monkeypatch):
    cli = year26
    cli.ok("payment", "add", "--project", "1", "--amount", "100", "--date", "2026-04-01")
    cli.ok("project", "add", "--smederij", "pesse", "--stream", LK, "--title", "Taalcafé",
           "--amount", "1.000,00", "--year", "2026", "--date", "2026-02-10")
    cli.ok("project", "approve", "2", "--date", "2026-03-01")
    today(monkeypatch, "2027-01-02")
    cli.ok("rollover", "--year", "2026")
    cli.ok("budget", "allocate", "--year", "2027", "--from-config")

    def reports() -> list[dict]:
        return [json.loads(cli.ok("report", "--year", y, "--format", "json").stdout)
                for y in ("2026", "2027")]

    def totals(rs: list[dict]) -> list[dict]:
        return [r["totals"] for r in rs]

    before = reports()
    config = yaml.safe_load(default_config_path().read_text())
    config["streams"] = [s for s in config["streams"] if s["code"] != LK]
    config["allocations"] = [a for a in config["allocations"] if a["stream"] != LK]
    config["smederijen"] = [s for s in config["smederijen"] if s["code"] != "krakeel"]
    config["teams"] = [t for t in config["teams"] if t["code"] != "west"]
    for s in config["smederijen"]:
        if s["team"] == "west":
            s["team"] = "zuid"
    smaller = tmp_path / "smaller.yaml"
    smaller.write_text(yaml.safe_dump(config, allow_unicode=True))
    cli.ok("init", "--config", str(smaller))
    after = reports()
    assert totals(after) == totals(before)
    for report in after:
        codes = [sm["code"] for sm in report["smederijen"]]
        assert "krakeel" in codes
        assert all(LK in sm["streams"] for sm in report["smederijen"])
    lange = json.loads(cli.ok("report", "--year", "2026", "--stream", LK, "--format",
                              "json").stdout)["totals"]
    assert lange["allocated_cents"] == 250_000_00  # the stream left out is still reported
    listed = json.loads(cli.ok("report", "projects", "--year", "2026", "--stream", LK,
                               "--format", "json").stdout)
    assert [p["id"] for p in listed] == [2]
    # and back: the full registry again changes no total
    cli.ok("init")
    assert totals(reports()) == totals(before)


# -- 10. messages in the user's terms -----------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    (["payment", "add", "--project", "1", "--amount", "10", "--date", "2026-13-01"],
     ("--date '2026-13-01' is geen dag die in de kalender staat",)),
    (["payment", "add", "--project", "1", "--amount", "10", "--date", "gisteren"],
     ("--date 'gisteren' is geen datum: schrijf JJJJ-MM-DD of DD-MM-JJJJ",)),
    (["report", "--year", "1999"], ("--year 1999 valt buiten het bereik",
                                    "geef bijv. --year 2026")),
    (["project", "list", "--year", "2201"], ("--year 2201 valt buiten het bereik",)),
    (["log", "--since", "morgen"], ("--since 'morgen' is geen datum",)),
    (["project", "add", "--smederij", "pesse", "--stream", KK, "--title", "T", "--amount", "10",
      "--supporters", "-1"], ("--supporters en --volunteers zijn aantallen", "--supporters 30")),
    (["report", "projects", "--year", "1999"], ("jaar 1999 valt buiten het bereik",
                                                "--year 2026")),
])
def test_refusals_name_the_option_as_typed(year26, db_path, args, says):
    refused(year26, db_path, *args, says=says)
