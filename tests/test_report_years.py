"""Reports across years (issue 13, section 1): projects belong to every year their money is in,
a multi-year report is a statement of movements, a closed year's report never changes, and a
filtered report says so."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from smederij_cli.ledger import Ledger
from smederij_cli.movements import used_share
from smederij_cli.store import Store
from tests.conftest import Cli

D = dt.date
STREAMS = ("korte-klap", "lange-klap")


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The time steps are recorded at ticks a second at each reading: in a real ledger a
    year's steps and its rollover are far more than a second apart (the history of a year
    closed before m007 is read by the time each step was recorded)."""
    start, ticks = dt.datetime(2027, 1, 5, tzinfo=dt.timezone.utc), iter(range(10**9))
    monkeypatch.setattr("smederij_cli.store._now", lambda: (
        start + dt.timedelta(seconds=next(ticks))).isoformat(timespec="seconds"))


@pytest.fixture
def years(led, db_path):
    """2025 to 2027 for krakeel and pesse: allocations, a transfer, projects carried over two
    rollovers (korte-klap lapses 75% of what is left: capped at 25%), one completed within its
    year, one proposed. 2025 and 2026 are closed; 2027 is open. Returns the project ids."""
    ids = {}
    for year in (2025, 2026, 2027):
        for code in ("krakeel", "pesse"):
            led.allocate(year, "korte-klap", D(year, 1, 15), smederij=code,
                         amount_cents=10_000_00)
            led.allocate(year, "lange-klap", D(year, 1, 15), smederij=code,
                         amount_cents=5_000_00)
        if year == 2025:
            led.transfer(2025, "korte-klap", "krakeel", "pesse", 1_000_00, D(2025, 2, 1))
            ids["long"] = _project(led, "krakeel", "korte-klap", 2025, "Speeltuin", 6_000_00,
                                   paid=1_000_00, volunteers=5, cofunding=500_00)
            ids["done"] = _project(led, "krakeel", "lange-klap", 2025, "Buurtsoep", 2_000_00,
                                   paid=1_500_00)
            led.change_status(ids["done"], "complete", D(2025, 9, 1))
            ids["pesse"] = _project(led, "pesse", "lange-klap", 2025, "Taalcafé", 3_000_00,
                                    paid=500_00)
            ids["idea"] = led.add_project(smederij="pesse", stream="korte-klap", year=2025,
                                          title="Bankjes", amount_cents=300_00,
                                          date=D(2025, 5, 1))
            led.rollover(2025, today=D(2026, 1, 5))
        elif year == 2026:
            led.pay(ids["long"], 2_000_00, D(2026, 4, 1))
            led.change_status(ids["pesse"], "complete", D(2026, 6, 1))
            ids["new"] = _project(led, "pesse", "korte-klap", 2026, "Jeu de boules", 4_000_00,
                                  paid=1_000_00)
            led.rollover(2026, today=D(2027, 1, 5))
    led.store.close()
    return ids


def _project(led, code, stream, year, title, cents, *, paid=0, volunteers=0, cofunding=0):
    pid = led.add_project(smederij=code, stream=stream, year=year, title=title,
                          amount_cents=cents, theme="play", volunteers=volunteers,
                          cofunding={"Oranje Fonds": cofunding} if cofunding else None,
                          date=D(year, 3, 1))
    led.approve(pid, D(year, 3, 1))
    led.change_status(pid, "start", D(year, 3, 2))
    if paid:
        led.pay(pid, paid, D(year, 3, 10))
    return pid


def report(cli: Cli, *args) -> dict:
    return json.loads(cli.ok("report", *args, "--format", "json").stdout)


def test_the_statement_of_movements_reconciles_per_smederij_and_stream(years, db_path):
    cli = Cli(db_path)
    data = report(cli, "--from", "2025", "--to", "2027")
    assert [y["year"] for y in data["years"]] == [2025, 2026, 2027]
    with Store(db_path) as store:  # what each Smederij and stream really holds now
        held = {}
        for r in store.stream_figures(2027):
            held[(r["smederij"], r["stream"])] = r["available_cents"] + r["committed_cents"]
    moved = 0
    for sm in data["smederijen"]:
        for stream, f in sm["streams"].items():
            assert (f["opening_cents"] + f["allocated_cents"] - f["spent_cents"]
                    - f["lapsed_cents"]) == f["closing_cents"], (sm["code"], stream)
            # the range ends in the open year: the closing balance is what is held now
            assert f["closing_cents"] == held.get((sm["code"], stream), 0)
            assert f["opening_cents"] == 0  # nothing was carried into 2025
            moved += f["lapsed_cents"]
    assert moved > 0  # korte-klap lapsed at both rollovers
    t = data["totals"]
    assert t["opening_cents"] + t["allocated_cents"] - t["spent_cents"] - t["lapsed_cents"] \
        == t["closing_cents"]
    # carried-in money is not summed over the years: 2026 and 2027 both had some
    summed = sum(y["totals"]["carried_in_cents"] for y in data["years"])
    assert summed > 0 and t["carried_in_cents"] == t["opening_cents"] == 0
    assert t["allocated_cents"] == 3 * 2 * 15_000_00
    assert t["to_spend_cents"] == t["allocated_cents"]
    share = (t["spent_cents"] + t["committed_cents"]) / t["allocated_cents"]
    assert used_share(t) == pytest.approx(share)


def test_a_range_of_closed_years_closes_with_what_it_carried_out(years, db_path):
    data = report(Cli(db_path), "--from", "2025", "--to", "2026")
    t, last = data["totals"], data["years"][-1]["totals"]
    assert t["committed_cents"] == t["available_cents"] == 0  # a closed year holds nothing
    assert t["closing_cents"] == last["carried_out_cents"] > 0
    assert t["opening_cents"] + t["allocated_cents"] - t["spent_cents"] - t["lapsed_cents"] \
        == t["closing_cents"]
    later = report(Cli(db_path), "--from", "2027", "--to", "2027")["totals"]
    assert later["opening_cents"] == t["closing_cents"]  # one year's close is the next's opening


def test_a_closed_year_shows_its_year_end(years, db_path):
    cli = Cli(db_path)
    data = report(cli, "--year", "2025")
    assert data["closed"] is True and report(cli, "--year", "2027")["closed"] is False
    t = data["totals"]
    assert t["committed_cents"] == t["available_cents"] == 0
    assert t["carried_out_available_cents"] + t["carried_out_committed_cents"] \
        == t["carried_out_cents"]
    # open commitments at the close of 2025: Speeltuin 5.000 and Taalcafé 2.500
    assert t["carried_out_committed_cents"] == 5_000_00 + 2_500_00
    assert t["carried_out_available_cents"] > 0 and t["lapsed_cents"] > 0
    krakeel = next(sm for sm in data["smederijen"] if sm["code"] == "krakeel")
    f = krakeel["streams"]["korte-klap"]
    assert f["carried_out_committed_cents"] == 5_000_00
    assert f["carried_in_cents"] + f["allocated_cents"] == 9_000_00
    assert t["to_spend_cents"] == t["carried_in_cents"] + t["allocated_cents"]
    table = cli.ok("report", "--year", "2025", "--lang", "en").stdout
    assert "Carried out: budget" in table and "Carried out: commitments" in table
    csv_text = cli.ok("report", "--year", "2025", "--format", "csv").stdout
    assert "carried_out_available;carried_out_committed" in csv_text.splitlines()[0]


def test_carried_projects_belong_to_the_years_their_money_is_in(years, db_path):
    cli = Cli(db_path)
    listed = json.loads(cli.ok("project", "list", "--year", "2026", "--json").stdout)
    carried = {p["id"]: p["carried_from"] for p in listed if p["carried_from"]}
    assert carried == {years["long"]: 2025, years["pesse"]: 2025}
    assert {p["id"] for p in listed} == {years["long"], years["pesse"], years["new"]}
    later = json.loads(cli.ok("project", "list", "--year", "2027", "--json").stdout)
    assert [(p["id"], p["carried_from"]) for p in later] == [(years["long"], 2025),
                                                             (years["new"], 2026)]
    own = json.loads(cli.ok("project", "list", "--year", "2025", "--json").stdout)
    assert all(p["carried_from"] is None for p in own) and len(own) == 4
    mine = json.loads(cli.ok("project", "list", "--year", "2026", "--smederij", "krakeel",
                             "--json").stdout)
    assert [p["id"] for p in mine] == [years["long"]]
    # report projects: the same list, carried_from a column of its own
    rows = json.loads(cli.ok("report", "projects", "--year", "2027", "--format",
                             "json").stdout)
    assert [p["id"] for p in rows] == [years["long"], years["new"]]
    text = cli.ok("report", "projects", "--year", "2027", "--lang", "en").stdout
    assert "Carried from" in text
    # and counted in the year's report
    data = report(cli, "--year", "2027")
    assert data["projects"]["in_progress"] == 2 and data["projects"]["carried_in"] == 2
    krakeel = next(sm for sm in data["smederijen"] if sm["code"] == "krakeel")
    assert krakeel["projects"]["in_progress"] == 1 and krakeel["projects_carried_in"] == 1


def test_a_closed_years_report_never_changes(years, db_path):
    cli = Cli(db_path)
    before = {fmt: cli.ok("report", "--year", "2026", "--format", fmt).stdout
              for fmt in ("json", "csv", "html")}
    counts = json.loads(before["json"])["projects"]
    # as at the close of 2026: Speeltuin still running (carried in), Taalcafé completed in
    # 2026 (carried in), Jeu de boules running
    assert counts["in_progress"] == 2 and counts["completed"] == 1
    assert counts["carried_in"] == 2
    with Store(db_path) as store:  # later bookings on the carried projects, in 2027
        led = Ledger(store)
        led.pay(years["long"], 1_000_00, D(2027, 2, 1))
        led.change_status(years["long"], "complete", D(2027, 3, 1))
        led.change_status(years["new"], "withdraw", D(2027, 3, 1))
        led.approve(years["idea"], D(2027, 3, 1))  # a 2025 idea, funded from 2027
    after = {fmt: cli.ok("report", "--year", "2026", "--format", fmt).stdout
             for fmt in ("json", "csv", "html")}
    assert after == before  # byte for byte
    now = report(cli, "--year", "2027")["projects"]
    assert now["completed"] == 1 and now["withdrawn"] == 1 and now["approved"] == 1
    listed = json.loads(cli.ok("report", "projects", "--from", "2026", "--to", "2027",
                               "--format", "json").stdout)
    ids = [p["id"] for p in listed]  # the 2025 idea enters the range in 2027: listed once
    assert ids.count(years["idea"]) == ids.count(years["long"]) == 1
    closed = json.loads(cli.ok("project", "list", "--year", "2026", "--json").stdout)
    long = next(p for p in closed if p["id"] == years["long"])
    assert (long["status"], long["status_at_close"]) == ("completed", "in_progress")


def test_counts_of_years_closed_before_the_snapshot_come_from_the_history(years, db_path):
    """A ledger rolled over by an older smederij gets its closed years' counts from the
    projects' history when it is migrated: the same counts the rollover stores."""
    cli = Cli(db_path)
    with Store(db_path) as store:
        led = Ledger(store)
        led.change_status(years["long"], "complete", D(2027, 3, 1))  # after the close
    stored = {y: report(cli, "--year", str(y)) for y in (2025, 2026)}
    with sqlite3.connect(db_path) as conn:  # back to the schema before m007
        conn.execute("DROP TABLE closed_year_projects")
        conn.execute("DROP INDEX account_year_project")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_project_years'")
    with Store(db_path) as store:
        assert store.schema_version()[1] == "m007_project_years"
    assert {y: report(cli, "--year", str(y)) for y in (2025, 2026)} == stored


def test_the_snapshot_is_append_only(years, db_path):
    with sqlite3.connect(db_path) as conn, pytest.raises(sqlite3.IntegrityError,
                                                         match="never change"):
        conn.execute("UPDATE closed_year_projects SET projects = 99")


def test_a_filtered_report_says_so_in_title_file_heading_and_sheet_names(years, db_path,
                                                                       tmp_path):
    from openpyxl import load_workbook

    cli = Cli(db_path)
    table = cli.ok("report", "--year", "2026", "--stream", "korte-klap", "--lang",
                   "en").stdout
    assert "Smederijen 2026: where every cent stands (Stream korte-klap)" in table
    plain = cli.ok("report", "--year", "2026", "--lang", "en").stdout
    assert "(Stream" not in plain
    md = cli.ok("report", "--year", "2026", "--smederij", "krakeel", "--format",
                "markdown").stdout
    assert md.startswith("## Smederijen 2026: waar elke cent staat (Smederij krakeel)")
    html = cli.ok("report", "--from", "2025", "--to", "2026", "--stream", "lange-klap",
                  "--format", "html").stdout
    assert "<h1>Meerjarenoverzicht 2025–2026 (Budgetsoort lange-klap)</h1>" in html
    path = tmp_path / "r.xlsx"
    cli.ok("report", "--year", "2026", "--smederij", "pesse", "--format", "xlsx", "--output",
           str(path))
    assert load_workbook(path).sheetnames == ["Smederijen 2026 pesse", "Projecten 2026 pesse",
                                              "Betalingen 2026 pesse"]
    cli.ok("report", "--from", "2025", "--to", "2027", "--format", "xlsx", "--output",
           str(path))
    assert load_workbook(path).sheetnames == ["Smederijen 2025–2027", "Projecten 2025-2027",
                                              "Betalingen 2025-2027"]
    data = report(cli, "--year", "2026", "--stream", "korte-klap")
    assert data["filters"] == {"smederij": None, "stream": "korte-klap"}


def test_cofunding_and_volunteers_count_each_funded_project_once_in_its_own_year(years,
                                                                                 db_path):
    """Speeltuin (2025, carried into 2026 and 2027) has 5 volunteers and € 500 co-funding:
    listed in every year its money is in, counted once, in 2025, in every format."""
    cli = Cli(db_path)

    def listing(*span):
        return json.loads(cli.ok("report", "projects", *span, "--format", "json").stdout)

    assert [p["id"] for p in listing("--from", "2025", "--to", "2027")].count(
        years["long"]) == 1
    assert [p["id"] for p in listing("--from", "2026", "--to", "2027")].count(
        years["long"]) == 1  # carried in from before the range: listed once, first
    md = cli.ok("report", "projects", "--year", "2026", "--format", "markdown",
                "--lang", "en").stdout
    counted = next(line for line in md.splitlines() if "approved in their own year" in line)
    assert "**1 approved in their own year" in counted.replace("of which ", "")
    assert "500.00" not in counted and "**5**" not in counted  # Speeltuin counts in 2025
    md25 = cli.ok("report", "projects", "--year", "2025", "--format", "markdown",
                  "--lang", "en").stdout
    assert "€500.00" in next(line for line in md25.splitlines() if "approved in their own year" in line)
    for span in (("--year", "2025"), ("--from", "2025", "--to", "2027")):
        html = cli.ok("report", *span, "--format", "html", "--lang", "en").stdout
        assert ">€500.00<" in html and ">5<" in html  # once, not once per year


def test_the_annual_report_of_a_closed_year_shows_its_year_end(years, db_path):
    cli = Cli(db_path)
    t = report(cli, "--year", "2025")["totals"]
    html = cli.ok("report", "--year", "2025", "--format", "html", "--lang", "en").stdout
    for cents in (t["carried_out_cents"], t["carried_out_available_cents"],
                  t["carried_out_committed_cents"], t["lapsed_cents"]):
        assert f"€{cents // 100:,}.{cents % 100:02d}" in html
    assert "Carried out: commitments" in html and ">Lapsed<" in html
    cards = cli.ok("report", "--year", "2027", "--format", "html", "--lang",
                   "en").stdout.split('<div class="cards">')[1].split("</section>")[0]
    assert "Lapsed" not in cards  # nothing moved yet: no card
