"""import projects: a register from a spreadsheet booked through the ledger's own rules, all or
nothing, every bad row named with its line and field; import template; rebuilding past years."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import dump

HEADER = ["Jaar", "Smederij", "Budgetsoort", "Titel", "Thema", "Status", "Aangevraagd",
          "Toegekend", "Betaald", "Datum voorstel", "Datum besluit", "Datum betaling",
          "Datum afronding", "Cofinanciering", "Cofinancier", "Steunbetuigers", "Vrijwilligers"]


def workbook(path, rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def projects(cli, *args):
    return json.loads(cli.ok("project", "list", "--json", *args).stdout)


GOOD = [
    [2026, "Krakeel", "korte klap", "Speeltuin", "spelen", "afgerond", 12500, 12000, 11250.5,
     dt.date(2026, 2, 3), dt.date(2026, 3, 10), dt.date(2026, 6, 20), dt.date(2026, 9, 1), 2500,
     "Oranje Fonds", 45, 8],
    [2026, "pesse", "Lange klap", "Buurtkamer", "ontmoeting", "in uitvoering", "8.000", None,
     "2.000", "01-03-2026", "2026-04-01", "2026-05-01", None, None, None, 30, 4],
    [2026, "Noordscheschut", "korte-klap", "Bankjes", None, "voorgesteld", 1500],
    [2026, "Elim", "korte-klap", "Vuurwerk", None, "afgewezen", 500, None, None, "2026-01-05",
     "2026-02-01"],
    [2026, "Elim", "korte-klap", "Jeu de boules", "voorzieningen", "ingetrokken", 900, 900, 100,
     None, "2026-02-01", "2026-03-01", "2026-04-01"],
    [2026, "Stuifzand", "korte-klap", "Bloembakken", "groen", "goedgekeurd", 700],
]


def test_a_register_is_booked_through_the_ledgers_rules(cli_ledger, tmp_path, db_path):
    cli = cli_ledger
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "lange-klap", "--smederij",
           "pesse", "--amount", "10.000", "--date", "2026-01-15")
    path = workbook(tmp_path / "register.xlsx", GOOD)
    before = dump(db_path)
    dry = json.loads(cli.ok("import", "projects", str(path), "--dry-run", "--json").stdout)
    assert dump(db_path) == before
    assert dry["imported"] == 6 and dry["dry_run"]
    out = json.loads(cli.ok("import", "projects", str(path), "--json").stdout)
    assert {k: out[k] for k in ("rows", "imported", "already_imported", "committed_cents",
                                "paid_cents")} == {
        "rows": 6, "imported": 6, "already_imported": 0,
        "committed_cents": 12_000_00 + 8_000_00 + 900_00 + 700_00,
        "paid_cents": 11_250_50 + 2_000_00 + 100_00}
    assert out["statuses"] == {"completed": 1, "in_progress": 1, "proposed": 1, "rejected": 1,
                               "withdrawn": 1, "approved": 1}
    rows = {p["title"]: p for p in projects(cli)}
    done = rows["Speeltuin"]
    assert (done["smederij"], done["stream"], done["theme"], done["status"]) == (
        "krakeel", "korte-klap", "play", "completed")
    assert (done["committed_cents"], done["paid_cents"], done["cofunding_cents"],
            done["supporters"], done["volunteers"]) == (0, 11_250_50, 2_500_00, 45, 8)
    shown = json.loads(cli.ok("project", "show", str(done["id"]), "--json").stdout)
    assert shown["released_cents"] == 12_000_00 - 11_250_50  # completion released the rest
    assert shown["cofunding"] == {"Oranje Fonds": 2_500_00}
    assert [(h["date"], h["to_status"]) for h in shown["history"]] == [
        ("2026-02-03", "proposed"), ("2026-03-10", "approved"), ("2026-03-10", "in_progress"),
        ("2026-09-01", "completed")]
    assert [(p["date"], p["amount_cents"]) for p in shown["payments"]] == [
        ("2026-06-20", 11_250_50)]
    busy = rows["Buurtkamer"]
    assert (busy["status"], busy["committed_cents"], busy["paid_cents"]) == (
        "in_progress", 6_000_00, 2_000_00)
    assert rows["Bloembakken"]["committed_cents"] == 700_00  # committed defaults to requested
    assert rows["Jeu de boules"]["status"] == "withdrawn"
    assert rows["Jeu de boules"]["committed_cents"] == 0
    assert rows["Vuurwerk"]["status"] == "rejected" and rows["Bankjes"]["status"] == "proposed"
    cli.ok("check")
    # the same file again books nothing
    again = json.loads(cli.ok("import", "projects", str(path), "--json").stdout)
    assert (again["imported"], again["already_imported"]) == (0, 6)
    assert len(projects(cli)) == 6
    log = json.loads(cli.ok("log", "--json").stdout)
    assert sum("imported 6 project(s)" in r["summary"] for r in log) == 1


def test_a_csv_with_english_names_and_amounts_in_the_language(cli_ledger, tmp_path):
    cli = cli_ledger
    path = tmp_path / "register.csv"
    path.write_text("year;smederij;stream;title;status;requested;paid\n"
                    "2026;krakeel;korte-klap;Hekwerk;approved;3.000;1.250,50\n",
                    encoding="utf-8")
    cli.ok("import", "projects", str(path))
    p = projects(cli)[0]
    assert (p["requested_cents"], p["paid_cents"], p["status"]) == (3_000_00, 1_250_50,
                                                                     "approved")
    english = tmp_path / "english.csv"
    english.write_text("year,smederij,stream,title,status,requested\n"
                       "2026,pesse,korte-klap,Fence,proposed,\"3,000\"\n", encoding="utf-8")
    cli.ok("--lang", "en", "import", "projects", str(english))
    assert projects(cli, "--smederij", "pesse")[0]["requested_cents"] == 3_000_00


BAD_ROWS = [  # (row, the field and reason that line must name)
    ([2026, "Nergens", "korte-klap", "A", None, "voorgesteld", 100], "Smederij: unknown Smederij"),
    ([2026, "krakeel", "middel-klap", "B", None, "voorgesteld", 100],
     "Budgetsoort: unknown stream 'middel-klap'"),
    ([2026, "krakeel", "korte-klap", "C", None, "goedgekeurt", 100],
     "Status: unknown status 'goedgekeurt': did you mean goedgekeurd?"),
    ([2026, "krakeel", "korte-klap", "D", "vuurwerk", "voorgesteld", 100],
     "Thema: unknown theme 'vuurwerk'"),
    ([2026, "krakeel", "korte-klap", "E", None, "voorgesteld", "1.234"],
     "Aangevraagd: amount '1.234' has three decimals"),
    ([2026, "krakeel", "korte-klap", "F", None, "voorgesteld", 100, None, None, "31-02-2026"],
     "Datum voorstel: date '31-02-2026' is not a day in the calendar"),
    ([2026, "krakeel", "korte-klap", "G", None, "goedgekeurd", 100, 100, 150],
     "Betaald: €150.00 paid is more than the €100.00 committed"),
    ([2026, "krakeel", "korte-klap", "H", None, "afgerond", 100, None, None, "2026-05-01",
      "2026-04-01"], "Datum besluit: 2026-04-01 is before Datum voorstel 2026-05-01"),
    ([2025, "krakeel", "korte-klap", "I", None, "voorgesteld", 100],
     "Jaar: budget year 2025 is closed"),
    ([2026, "krakeel", "korte-klap", "Dubbel", None, "voorgesteld", 100],
     "Titel: 'Dubbel' is also on line 12 for the same Smederij and year"),
    ([2026, "krakeel", "korte-klap", "J", None, "voorgesteld", 100, None, None, "2027-01-01"],
     "Datum voorstel: 2027-01-01 is not in 2026"),
    ([2026, "krakeel", "korte-klap", "K", None, "voorgesteld", 100, None, 50],
     "Betaald: a proposed project has no payments"),
    ([2026, "krakeel", "korte-klap", "", None, "voorgesteld", 100], "Titel: the title is empty"),
    ([2026, "krakeel", "korte-klap", "L", None, "voorgesteld", -5], "is negative"),
    (["twintig", "krakeel", "korte-klap", "M", None, "voorgesteld", 5], "Jaar: year 'twintig'"),
]


@pytest.fixture
def closed_2025(cli_ledger, db_path):
    import sqlite3

    with sqlite3.connect(db_path) as conn:  # 2025 closed, as after its rollover
        conn.execute("INSERT INTO year (year, closed_at) VALUES (2025, '2026-01-02')")
    return cli_ledger


@pytest.mark.usefixtures("english")
def test_every_bad_row_is_named_with_its_line_and_field(closed_2025, tmp_path, db_path):
    cli = closed_2025
    rows = [GOOD[2]] + [row for row, _ in BAD_ROWS]
    rows.insert(10, [2026, "krakeel", "korte-klap", "Dubbel", None, "voorgesteld", 100])
    path = workbook(tmp_path / "bad.xlsx", rows)
    before = dump(db_path)
    for args in ([], ["--dry-run"]):
        result = cli("import", "projects", str(path), *args)
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert lines[-1].endswith(f"{len(BAD_ROWS)} of {len(rows)} rows cannot be booked; "
                                  "nothing was imported")
        text = "\n".join(lines)
        for n, (_, reason) in enumerate(BAD_ROWS):
            line = n + 3 + (n >= 9)  # header, the good row; the first 'Dubbel' is line 12
            assert f"bad.xlsx line {line}: " in text
            assert reason in [x for x in lines if f"line {line}:" in x][0], (line, reason)
        assert "Traceback" not in result.output
    assert dump(db_path) == before


def test_a_row_the_ledger_refuses_refuses_the_file(cli_ledger, tmp_path, db_path):
    cli = cli_ledger  # krakeel has about € 18.000 korte-klap
    path = workbook(tmp_path / "short.xlsx", [
        [2026, "krakeel", "korte-klap", "Klein", None, "goedgekeurd", 100],
        [2026, "krakeel", "korte-klap", "Te groot", None, "goedgekeurd", 900_000],
        [2026, "pesse", "korte-klap", "Ook klein", None, "goedgekeurd", 100]])
    before = dump(db_path)
    result = cli("import", "projects", str(path))
    assert result.exit_code == 1
    # the ledger's own refusal, named by the row's line, field and title
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert ("short.xlsx regel 3: Toegekend: 'Te groot' goedkeuren kan niet: daarvoor is "
            "€ 900.000,00 nodig, maar Krakeel heeft") in line, line
    assert line.endswith("; er is niets geïmporteerd"), line
    assert dump(db_path) == before


@pytest.mark.parametrize("name, content, message", [
    ("empty.xlsx", b"", "is empty"),
    ("empty.csv", b"\n\n", "is empty"),
    ("fake.xlsx", b"PK\x03\x04 not really a zip file", "is not an xlsx workbook"),
    ("binary.dat", bytes(range(256)), "neither an xlsx workbook nor a CSV file"),
    ("columns.csv", "Jaar;Smederij;Titel\n2026;krakeel;X\n".encode(),
     "line 1: the header has no column Budgetsoort, Status, Aangevraagd"),
    ("width.csv", "Jaar;Smederij;Budgetsoort;Titel;Status;Aangevraagd\n2026;krakeel\n".encode(),
     "line 2: has 2 fields but the header has 6"),
    ("twice.csv", "Jaar;Year;Smederij\n".encode(), "both give Jaar"),
])
@pytest.mark.usefixtures("english")
def test_a_file_that_is_not_a_register_is_refused(cli_ledger, tmp_path, db_path, name, content,
                                                  message):
    path = tmp_path / name
    path.write_bytes(content)
    before = dump(db_path)
    result = cli_ledger("import", "projects", str(path))
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert dump(db_path) == before


@pytest.mark.parametrize("where", ["/dev/zero", "{tmp}"])
@pytest.mark.usefixtures("english")
def test_a_folder_or_a_device_is_refused(cli_ledger, tmp_path, where):
    result = cli_ledger("import", "projects", where.replace("{tmp}", str(tmp_path)))
    assert result.exit_code == 1 and "is not a file (a folder or a device)" in result.stderr


@pytest.mark.usefixtures("english")
def test_an_empty_workbook_sheet_is_refused(cli_ledger, tmp_path):
    path = tmp_path / "blank.xlsx"
    Workbook().save(path)
    result = cli_ledger("import", "projects", str(path))
    assert result.exit_code == 1 and "is empty" in result.stderr


# -- the template ---------------------------------------------------------------------------------


def test_the_template_has_dutch_headers_an_example_and_drop_downs(cli_ledger, tmp_path, db_path):
    path = tmp_path / "projecten.xlsx"
    before = dump(db_path)
    cli_ledger.ok("import", "template", "--output", str(path))
    assert dump(db_path) == before  # a reading command
    book = load_workbook(path)
    sheet = book["Projecten"]
    assert [c.value for c in sheet[1]] == HEADER
    example = [c.value for c in sheet[2]]
    assert example[:7] == [2026, "Centrum", "Korte klap", "Speeltuin Brink", "spelen",
                           "afgerond", 12500]
    lists = book["Lijsten"]
    assert lists.sheet_state == "hidden"
    columns = {lists.cell(1, c).value: [lists.cell(r, c).value
                                        for r in range(2, lists.max_row + 1)
                                        if lists.cell(r, c).value]
               for c in range(1, 5)}
    assert len(columns["Smederij"]) == 24 and "Noordscheschut" in columns["Smederij"]
    assert columns["Budgetsoort"] == ["Korte klap", "Lange klap"]
    assert columns["Status"] == ["voorgesteld", "goedgekeurd", "in uitvoering", "afgerond",
                                 "afgewezen", "ingetrokken"]
    assert "spelen" in columns["Thema"] and len(columns["Thema"]) == 11
    checks = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert checks == {"B2:B1001": "=Lijsten!$A$2:$A$25", "C2:C1001": "=Lijsten!$B$2:$B$3",
                      "F2:F1001": "=Lijsten!$C$2:$C$7", "E2:E1001": "=Lijsten!$D$2:$D$12"}
    assert all(v.type == "list" for v in sheet.data_validations.dataValidation)


def test_the_filled_template_imports(cli_ledger, tmp_path):
    path = tmp_path / "projecten.xlsx"
    cli_ledger.ok("import", "template", "--output", str(path))
    book = load_workbook(path)
    sheet = book["Projecten"]
    sheet.append([2026, "Krakeel", "Korte klap", "Hekwerk", "verkeer", "goedgekeurd", 2000,
                  1800, 500, dt.date(2026, 3, 1), dt.date(2026, 3, 2), dt.date(2026, 4, 1)])
    book.save(path)
    out = json.loads(cli_ledger.ok("import", "projects", str(path), "--json").stdout)
    assert out["imported"] == 2 and out["statuses"] == {"completed": 1, "approved": 1}
    titles = {p["title"]: p for p in projects(cli_ledger)}
    assert titles["Speeltuin Brink"]["smederij"] == "centrum"
    assert titles["Hekwerk"]["paid_cents"] == 500_00


# -- rebuilding history: per year, allocate, import that year's projects, roll over ------------


def history_rows():
    """Three years of a register; the last year leaves two projects open."""
    rows = []
    for year in (2023, 2024, 2025):
        for n, (smederij, status, requested, committed, paid) in enumerate([
                ("krakeel", "afgerond", 4000, 3500, 3400.25),
                ("pesse", "afgerond", 2500, None, 2500),
                ("elim", "afgewezen", 900, None, None),
                ("krakeel", "ingetrokken", 1200, 1200, 200),
                ("stuifzand", "goedgekeurd" if year == 2025 else "afgerond", 3000, 2800, 1000),
                ("pesse", "in uitvoering" if year == 2025 else "afgerond", 1500, None, 750)]):
            rows.append([year, smederij, "korte-klap", f"Plan {year}-{n}", None, status,
                         requested, committed, paid, f"{year}-02-01", f"{year}-03-01",
                         f"{year}-06-01" if paid else None,
                         f"{year}-10-01" if status in ("afgerond", "ingetrokken") else None])
    return rows


def test_three_years_rebuilt_from_a_workbook_match_its_totals(cli, tmp_path, db_path):
    rows = history_rows()
    path = workbook(tmp_path / "historie.xlsx", rows)
    book = load_workbook(path)
    cli.ok("init")
    for year in (2023, 2024, 2025):
        for smederij in ("krakeel", "pesse", "stuifzand"):
            cli.ok("budget", "allocate", "--year", str(year), "--stream", "korte-klap",
                   "--smederij", smederij, "--amount", "10.000", "--date", f"{year}-01-02")
        cli.ok("budget", "allocate", "--year", str(year), "--stream", "korte-klap",
               "--total", "24.000", "--method", "equal", "--date", f"{year}-01-02")
        out = json.loads(cli.ok("import", "projects", str(path), "--year", str(year),
                                "--json").stdout)
        assert out["imported"] == 6  # this year's rows only
        if year < 2025:
            cli.ok("rollover", "--year", str(year))
    assert book  # the workbook itself read back
    report = json.loads(cli.ok("report", "--from", "2023", "--to", "2025", "--format",
                               "json").stdout)

    def cents(value):
        return round(float(value or 0) * 100)

    for year_report in report["years"]:
        year = year_report["year"]
        mine = [r for r in rows if r[0] == year]
        paid = sum(cents(r[8]) for r in mine)
        open_left = sum(cents(r[7] or r[6]) - cents(r[8]) for r in mine
                        if r[5] in ("goedgekeurd", "in uitvoering"))
        assert year_report["totals"]["spent_cents"] == paid, year
        assert year_report["totals"]["allocated_cents"] == 54_000_00
        assert year_report["totals"]["committed_cents"] == open_left, year
    totals = report["totals"]
    assert totals["spent_cents"] == sum(cents(r[8]) for r in rows)
    assert totals["allocated_cents"] == 3 * 54_000_00
    counts = {y["year"]: sum(sum(s["projects"].values()) for s in y["smederijen"])
              for y in report["years"]}
    assert counts == {2023: 6, 2024: 6, 2025: 6}
    cli.ok("check")
    # the whole register again, closed years and all: everything is there already
    again = json.loads(cli.ok("import", "projects", str(path), "--json").stdout)
    assert (again["imported"], again["already_imported"]) == (0, 18)


def test_the_refusals_come_in_dutch_too(cli_ledger, tmp_path):
    path = workbook(tmp_path / "fout.xlsx", [
        [2026, "krakeel", "korte-klap", "K", None, "voorgesteld", 100, None, 50],
        [2026, "krakeel", "korte-klap", "", None, "voorgesteld", 100]])
    result = cli_ledger("--lang", "nl", "import", "projects", str(path))
    assert result.exit_code == 1
    assert "regel 2: Betaald: een voorgesteld project heeft geen betalingen" in result.stderr
    assert "regel 3: Titel: de titel is leeg" in result.stderr
    assert result.stderr.rstrip().endswith(
        "fout.xlsx: 2 van de 2 rijen kunnen niet worden geboekt; er is niets geïmporteerd")
    out = cli_ledger.ok("--lang", "nl", "import", "template", "--output",
                        str(tmp_path / "t.xlsx")).stdout
    assert out.startswith("sjabloon voor het projectenregister geschreven naar")
