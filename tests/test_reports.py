"""Reports as people use them: CSV, Markdown, XLSX, HTML, Dutch and English, several years."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smederij_cli.writers import neutralise, plain_euros
from tests.conftest import DAY, Cli, dump

ROOT = Path(__file__).resolve().parent.parent
EVIL_TITLE = '=HYPERLINK("http://evil.example/x","klik")'
SCRIPT_TITLE = "<script>alert('buurt')</script> Speeltuin"


@pytest.fixture
def rep(funded, db_path):
    """krakeel and pesse funded for 2026; three projects (two with hostile titles), payments
    (one by a payee that looks like a formula), one project over 90% used."""
    led = funded
    evil = led.add_project(smederij="krakeel", stream="korte-klap", year=2026, title=EVIL_TITLE,
                           amount_cents=9_500_00, theme="play", volunteers=4,
                           cofunding={"@Fonds": 1_000_00}, date=DAY)
    led.approve(evil, DAY)
    led.change_status(evil, "start", DAY)
    led.pay(evil, 1_234_56, DAY, payee="+31 Hovenier", reference="-F1")
    script = led.add_project(smederij="pesse", stream="lange-klap", year=2026,
                             title=SCRIPT_TITLE, amount_cents=500_00, theme="meeting",
                             volunteers=7, date=DAY)
    led.approve(script, DAY)
    led.add_project(smederij="pesse", stream="korte-klap", year=2026, title="Bankjes",
                    amount_cents=300_00, theme="facilities", date=DAY)
    led.store.close()
    return Cli(db_path)


def run(cli, *args):
    return cli.ok("report", *args)


def report_json(cli, *args):
    return json.loads(run(cli, "--year", "2026", "--format", "json", *args).stdout)


# -- CSV ------------------------------------------------------------------------------------------


def read_csv(text: str, delimiter: str = ";") -> list[dict]:
    """The rows of a report's CSV, which starts with UTF-8's byte order mark."""
    assert text.startswith("\ufeff"), "a CSV report starts with a BOM"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=delimiter))


def test_csv_has_english_headers_plain_numbers_and_matches_the_json(rep):
    rows = read_csv(run(rep, "--year", "2026", "--format", "csv", "--lang", "nl").stdout)
    data = report_json(rep)
    assert list(rows[0]) == ["smederij", "name", "stream", "carried_in", "allocated",
                             "committed", "spent", "available", "carried_out",
                             "carried_out_available", "carried_out_committed", "lapsed", "used"]
    krakeel = next(r for r in rows if r["smederij"] == "krakeel" and r["stream"] == "korte-klap")
    assert krakeel["allocated"] == "10000,00" and krakeel["spent"] == "1234,56"
    assert krakeel["committed"] == "8265,44" and krakeel["used"] == "0,9500"
    for key in ("allocated", "committed", "spent", "available"):
        total = sum(round(float(r[key].replace(",", ".")) * 100) for r in rows)
        assert total == data["totals"][f"{key}_cents"]


def test_csv_follows_the_report_language(rep):
    """nl: ';' and decimal comma (what Dutch Excel opens by double-click); en: ',' and point."""
    english = run(rep, "--year", "2026", "--format", "csv", "--lang", "en").stdout
    rows = read_csv(english, ",")
    krakeel = next(r for r in rows if r["smederij"] == "krakeel" and r["stream"] == "korte-klap")
    assert krakeel["allocated"] == "10000.00" and krakeel["spent"] == "1234.56"
    assert ";" not in english
    dutch = run(rep, "--year", "2026", "--format", "csv").stdout  # the programme's language: nl
    assert dutch.splitlines()[0].startswith("\ufeffsmederij;name;stream;carried_in;allocated;")


def test_csv_delimiter_and_decimal_options_override_the_language(rep, tmp_path):
    out = run(rep, "--year", "2026", "--format", "csv", "--lang", "en", "--delimiter", ";",
              "--decimal-comma").stdout
    krakeel = next(r for r in read_csv(out, ";") if r["smederij"] == "krakeel"
                   and r["stream"] == "korte-klap")
    assert krakeel["spent"] == "1234,56"
    out = run(rep, "--year", "2026", "--format", "csv", "--delimiter", ",",
              "--decimal-comma").stdout
    assert '"1234,56"' in out  # quoted by the csv module, read back whole
    path = tmp_path / "r.csv"
    run(rep, "--year", "2026", "--format", "csv", "--decimal-point", "--output", str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    krakeel = next(r for r in read_csv(raw.decode("utf-8"), ";") if r["smederij"] == "krakeel"
                   and r["stream"] == "korte-klap")
    assert krakeel["spent"] == "1234.56"


def test_csv_neutralises_formulas_in_typed_text(rep):
    out = rep.ok("report", "projects", "--year", "2026", "--format", "csv").stdout
    rows = read_csv(out)
    assert rows[0]["title"] == "'" + EVIL_TITLE
    assert rows[0]["status"] == "in_progress" and rows[0]["theme"] == "play"  # codes, not labels
    assert rows[0]["requested"] == "9500,00"


def test_neutralise_and_plain_euros():
    for evil in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(evil) == "'" + evil
    assert neutralise("Speeltuin = leuk") == "Speeltuin = leuk"
    assert plain_euros(123456) == "1234.56" and plain_euros(-5, ",") == "-0,05"
    assert plain_euros(100_000_000_00) == "100000000.00"


# -- XLSX -----------------------------------------------------------------------------------------


def test_xlsx_sheets_numbers_frozen_header_totals_and_no_formulas(rep, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "jaarverslag.xlsx"
    result = run(rep, "--year", "2026", "--format", "xlsx", "--output", str(path))
    assert f"geschreven naar {path}" in result.stdout
    book = load_workbook(path)
    assert book.sheetnames == ["Smederijen 2026", "Projecten 2026", "Betalingen 2026"]
    ws = book["Smederijen 2026"]
    assert ws.freeze_panes == "A3"
    assert ws["A1"].value == "Smederijen 2026: waar elke cent staat"
    header = [c.value for c in ws[2]]
    assert header[:3] == ["Smederij", "Budgetsoort", "Overgeheveld in"]
    assert "Toegekend" in header
    col = header.index("Toegekend")
    body = [r for r in ws.iter_rows(min_row=3, values_only=True)]
    total_row = next(r for r in body if r[0] == "Totaal")
    amounts = [r[col] for r in body if r[0] != "Totaal"]
    assert all(isinstance(a, (int, float)) for a in amounts)
    assert total_row[col] == pytest.approx(sum(amounts)) == 30_000
    assert "€" in ws.cell(row=3, column=col + 1).number_format
    spent = header.index("Besteed")
    assert any(r[spent] == pytest.approx(1234.56) for r in body)
    assert ws.column_dimensions["A"].width > 8

    projects = book["Projecten 2026"]
    titles = [r[4] for r in projects.iter_rows(min_row=3, values_only=True)]
    assert EVIL_TITLE in titles  # as typed: a text cell, which no spreadsheet evaluates
    assert not any(c.data_type == "f" for row in projects.iter_rows() for c in row)
    assert next(c for c in projects["E"] if c.value == EVIL_TITLE).data_type == "s"
    statuses = {r[6] for r in projects.iter_rows(min_row=3, values_only=True)}
    assert {"in uitvoering", "goedgekeurd", "voorgesteld"} <= statuses
    payments = [r for r in book["Betalingen 2026"].iter_rows(min_row=3, values_only=True)]
    assert payments[0][6] == "+31 Hovenier" and payments[0][7] == "-F1"
    assert payments[0][8] == pytest.approx(1234.56)


def test_xlsx_in_english_has_english_sheet_names(rep, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "report.xlsx"
    rep.ok("report", "projects", "--year", "2026", "--format", "xlsx", "--lang", "en",
           "--output", str(path))
    book = load_workbook(path)
    assert book.sheetnames == ["Projects 2026", "Payments 2026"]
    assert [c.value for c in book["Projects 2026"][2]][:3] == ["Id", "Year", "Smederij"]


# -- HTML -----------------------------------------------------------------------------------------


def test_html_is_self_contained_with_charts_and_escapes_typed_text(rep, tmp_path):
    path = tmp_path / "jaarverslag.html"
    run(rep, "--year", "2026", "--format", "html", "--output", str(path))
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="chart"' in page
    assert "http://" not in page.replace("HYPERLINK(&quot;http://evil", "")
    assert "https://" not in page and "<script" not in page and " src=" not in page
    # the funded projects are listed by title, escaped
    assert "&lt;script&gt;alert(&#x27;buurt&#x27;)&lt;/script&gt; Speeltuin" in page
    assert "Jaarverslag 2026" in page and "Cofinanciering per euro budget" in page
    assert "€ 30.000,00" in page  # allocated, Dutch money
    assert "€ 0,03" in page  # 1.000,00 co-funding per 30.000,00 allocated
    assert ">11<" in page  # volunteers of the two approved projects
    listing = rep.ok("report", "projects", "--year", "2026", "--format", "html").stdout
    assert "&lt;script&gt;alert(&#x27;buurt&#x27;)&lt;/script&gt;" in listing
    assert "<script" not in listing and "http" not in listing.replace(
        "HYPERLINK(&quot;http://evil", "")


def test_html_in_english(rep):
    page = run(rep, "--year", "2026", "--format", "html", "--lang", "en").stdout
    assert "Annual report 2026" in page and "€30,000.00" in page and "Jaarverslag" not in page


# -- Markdown and terminal tables -----------------------------------------------------------------


def test_markdown_has_labels_and_a_totals_row(rep):
    nl = run(rep, "--year", "2026", "--format", "markdown", "--lang", "nl").stdout
    assert "| Smederij | Budgetsoort |" in nl
    assert "| **Totaal** |" in nl and "**€ 30.000,00**" in nl
    en = run(rep, "--year", "2026", "--format", "markdown", "--lang", "en").stdout
    assert "| Smederij | Stream |" in en and "**Total**" in en and "**€30,000.00**" in en
    projects = rep.ok("report", "projects", "--year", "2026", "--format", "markdown").stdout
    assert "&lt;" not in projects and "in uitvoering" in projects and "3 projecten" in projects


def test_table_speaks_the_chosen_language(rep):
    nl = run(rep, "--year", "2026", "--lang", "nl").stdout
    assert "Toegekend" in nl and "Beschikbaar" in nl and "€ 10.000,00" in nl and "Totaal" in nl
    en = run(rep, "--year", "2026", "--lang", "en").stdout
    assert "Allocated" in en and "Available" in en and "€10,000.00" in en and "Toegekend" not in en
    default = run(rep, "--year", "2026").stdout  # the programme's language: nl
    assert "Toegekend" in default
    projects = rep.ok("report", "projects", "--year", "2026", "--lang", "nl").stdout
    assert "in uitvoering" in projects and "voorgesteld" in projects


def test_report_projects_json_is_the_project_list(rep):
    listed = json.loads(rep.ok("project", "list", "--year", "2026", "--json").stdout)
    assert json.loads(rep.ok("report", "projects", "--year", "2026", "--format",
                             "json").stdout) == listed


def test_piped_output_has_no_colour_codes(rep, db_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-m", "smederij_cli", "--db", str(db_path), "report",
                          "--year", "2026"], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True).stdout
    assert "Pesse" in out and "\x1b[" not in out


# -- --output, several years ----------------------------------------------------------------------


def test_output_writes_the_file_and_says_where(rep, tmp_path):
    path = tmp_path / "report.json"
    result = run(rep, "--year", "2026", "--format", "json", "--output", str(path))
    assert result.stdout.strip() == f"rapport 2026 (json) geschreven naar {path}"
    assert path.read_text(encoding="utf-8") == run(rep, "--year", "2026", "--format",
                                                   "json").stdout
    table = tmp_path / "report.txt"
    run(rep, "--year", "2026", "--output", str(table))
    assert "Toegekend" in table.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))


def test_overview_totals_are_a_statement_of_movements_over_the_years(rep):
    data = json.loads(run(rep, "--from", "2025", "--to", "2026", "--format", "json").stdout)
    assert (data["from"], data["to"]) == (2025, 2026)
    assert [y["year"] for y in data["years"]] == [2025, 2026]
    assert data["years"][1] == report_json(rep)
    for key in ("allocated_cents", "spent_cents", "lapsed_cents", "committed_cents",
                "available_cents"):
        assert data["totals"][key] == sum(y["totals"][key] for y in data["years"])
    assert data["totals"]["opening_cents"] == data["years"][0]["totals"]["carried_in_cents"]
    assert data["totals"]["allocated_cents"] == 30_000_00
    md = run(rep, "--from", "2025", "--to", "2026", "--format", "markdown", "--lang", "en").stdout
    assert "| **2025–2026** | **Total** |" in md and "| **2026** | **Total** |" in md
    rows = read_csv(run(rep, "--from", "2025", "--to", "2026", "--format", "csv").stdout)
    assert {r["year"] for r in rows} == {"2025", "2026"}


def test_overview_prints_each_years_report_in_every_text_format(rep, tmp_path):
    """Built and written a year at a time, the multi-year report still says what each year's
    report says."""
    def year_json(year):
        return json.loads(run(rep, "--year", year, "--format", "json").stdout)

    def csv_rows(*args):
        return read_csv(run(rep, *args, "--format", "csv").stdout)

    data = json.loads(run(rep, "--from", "2024", "--to", "2026", "--format", "json").stdout)
    assert data["years"] == [year_json(y) for y in ("2024", "2025", "2026")]
    overview = csv_rows("--from", "2024", "--to", "2026")
    assert [{k: v for k, v in r.items() if k != "year"} for r in overview] == [
        r for y in ("2024", "2025", "2026") for r in csv_rows("--year", y)]
    assert [r["year"] for r in overview] == sorted(r["year"] for r in overview)
    table = tmp_path / "overview.txt"
    run(rep, "--from", "2025", "--to", "2026", "--output", str(table))
    lines = table.read_text(encoding="utf-8").splitlines()
    assert sum("│ Totaal " in line for line in lines) == 3  # per year and overall
    assert lines[-2].startswith("│ 2025–2026 │") and "€ 30.000,00" in lines[-2]


def test_overview_builds_one_year_at_a_time_and_checks_its_arguments_first(funded,
                                                                          monkeypatch):
    from smederij_cli.errors import NotFound
    from smederij_cli.ledger import Ledger

    built, report = [], Ledger.report
    monkeypatch.setattr(Ledger, "report",
                        lambda self, year, **kw: built.append(year) or report(self, year, **kw))
    data = funded.overview(2024, 2026)
    assert built == [] and data["totals"]["allocated_cents"] == 0  # nothing read yet
    first = next(data["years"])
    assert built == [2024]
    reports = [first, *data["years"]]
    assert built == [2024, 2025, 2026] and reports[2] == report(funded, 2026)
    assert data["totals"]["allocated_cents"] == 30_000_00
    assert data["totals"]["closing_cents"] == 30_000_00  # nothing spent yet, nothing lapsed
    assert [sm["code"] for sm in data["smederijen"]] == [
        sm["code"] for sm in reports[-1]["smederijen"]]
    with pytest.raises(NotFound):
        funded.overview(2025, 2026, smederij="atlantis")  # at once, not when the years are read


def test_a_streamed_report_stops_quietly_when_the_reader_has_had_enough(rep, db_path):
    proc = subprocess.Popen([sys.executable, "-m", "smederij_cli", "--db", str(db_path),
                             "report", "--from", "2000", "--to", "2200", "--format", "json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"{\n"  # `| head -1`; 201 years do not fit in a pipe
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0 and proc.stderr.read() == b""


# -- mistakes: exit 1, one line, nothing written --------------------------------------------------

REPORT_ERRORS = [
    (["report", "--year", "2026", "--format", "pdf", "--output", "{out}"], "unknown format"),
    (["report", "projects", "--format", "docx", "--output", "{out}"], "unknown format"),
    (["report", "--format", "csv", "--output", "/nonexistent/dir/r.csv"], "cannot write"),
    (["report", "--format", "csv", "--output", "{tmp}"], "is a directory"),
    (["report", "--from", "2027", "--to", "2025", "--format", "csv", "--output", "{out}"],
     "--from 2027 is after --to 2025"),
    (["report", "--from", "2025", "--format", "csv", "--output", "{out}"], "both --from and --to"),
    (["report", "--format", "xlsx"], "give --output"),
    (["report", "--lang", "de", "--output", "{out}"], "unknown language"),
    (["report", "--format", "csv", "--delimiter", ";;", "--output", "{out}"], "one character"),
    (["report", "--smederij", "atlantis", "--format", "html", "--output", "{out}"],
     "unknown Smederij"),
]


@pytest.mark.parametrize("args, message", REPORT_ERRORS, ids=[m for _, m in REPORT_ERRORS])
@pytest.mark.usefixtures("english")
def test_report_mistakes_are_one_line_and_write_nothing(rep, db_path, tmp_path, args, message):
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "out.file"
    before = dump(db_path)
    result = rep(*(a.format(out=out, tmp=folder) for a in args))
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines
    assert result.stdout == ""
    assert list(folder.iterdir()) == []
    assert dump(db_path) == before


def test_report_help_has_an_example(cli):
    for args in (["report", "--help"], ["report", "projects", "--help"]):
        result = cli(*args)
        assert result.exit_code == 0 and "Example" in result.stdout


def test_xlsx_refuses_a_sheet_longer_than_excel_opens_and_writes_nothing(rep, tmp_path,
                                                                         monkeypatch):
    out = tmp_path / "r.xlsx"
    monkeypatch.setattr("smederij_cli.writers.XLSX_MAX_ROWS", 4)  # title, header, two rows
    result = rep("report", "projects", "--year", "2026", "--format", "xlsx", "--output",
                 str(out))  # three projects
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "blad Projecten 2026 heeft meer dan de 2 rijen die Excel kan " \
        "openen" in lines[0] and "--format csv" in lines[0]
    assert not out.exists()
    monkeypatch.undo()
    rep.ok("report", "projects", "--year", "2026", "--format", "xlsx", "--output", str(out))
    assert out.exists()


def test_xlsx_columns_are_sized_from_the_header_and_the_first_rows(rep, tmp_path,
                                                                   monkeypatch):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    rep.ok("report", "projects", "--year", "2026", "--format", "xlsx", "--output", str(out))
    wide = load_workbook(out)["Projecten 2026"].column_dimensions["E"].width  # the titles
    assert wide >= len(EVIL_TITLE)
    monkeypatch.setattr("smederij_cli.writers.XLSX_WIDTH_ROWS", 0)  # the header alone
    out.unlink()
    rep.ok("report", "projects", "--year", "2026", "--format", "xlsx", "--output", str(out))
    assert load_workbook(out)["Projecten 2026"].column_dimensions["E"].width < wide


def test_project_counts_follow_the_stream_filter(rep):
    def counts(*args):
        data = json.loads(rep.ok("report", "--year", "2026", "--format", "json", *args).stdout)
        return {s["code"]: {status: n for status, n in s["projects"].items() if n}
                for s in data["smederijen"]}

    assert counts()["pesse"] == {"approved": 1, "proposed": 1}
    assert counts("--stream", "lange-klap")["pesse"] == {"approved": 1}
    assert counts("--stream", "korte-klap")["pesse"] == {"proposed": 1}
    assert counts()["krakeel"] == {"in_progress": 1}
    assert counts("--stream", "lange-klap").get("krakeel", {}) == {}
