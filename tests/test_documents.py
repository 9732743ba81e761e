"""The report files opened by the programs their readers use: CSV and XLSX in LibreOffice Calc set
to Dutch, the HTML annual report in headless Chromium (on a desktop, on a phone, printed on A4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import office
from tests.test_reports import rep, run  # noqa: F401  (rep is a fixture)

AMOUNTS = ("carried_in", "allocated", "committed", "spent", "available", "carried_out", "lapsed",
           "used")


def _sheet_rows(path: Path) -> list[dict]:
    from openpyxl import load_workbook

    rows = list(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


# -- CSV in LibreOffice Calc, Dutch ---------------------------------------------------------------


def test_dutch_csv_opens_in_dutch_calc_with_every_amount_a_number(rep, tmp_path):
    path = tmp_path / "jaarverslag.csv"
    run(rep, "--year", "2026", "--format", "csv", "--output", str(path))
    rows = _sheet_rows(office.dutch_csv(path, tmp_path / "calc"))
    assert rows and list(rows[0])[0] == "smederij"  # the BOM is read as such, not as text
    for row in rows:
        for key in AMOUNTS:
            assert isinstance(row[key], (int, float)), (key, row)
    krakeel = next(r for r in rows if r["smederij"] == "krakeel" and r["stream"] == "korte-klap")
    assert krakeel["spent"] == pytest.approx(1234.56)
    assert krakeel["allocated"] == pytest.approx(10000)
    # the control: decimal points, as the CSV had before, are not what Dutch Calc reads as money
    run(rep, "--year", "2026", "--format", "csv", "--decimal-point", "--output", str(path))
    rows = _sheet_rows(office.dutch_csv(path, tmp_path / "calc-points"))
    krakeel = next(r for r in rows if r["smederij"] == "krakeel" and r["stream"] == "korte-klap")
    assert krakeel["spent"] != pytest.approx(1234.56)


# -- XLSX -----------------------------------------------------------------------------------------


@pytest.fixture
def workbook(rep, tmp_path):
    path = tmp_path / "jaarverslag.xlsx"
    run(rep, "--year", "2026", "--format", "xlsx", "--output", str(path))
    return path


def test_xlsx_every_sheet_has_its_year_a_title_a_filter_and_a_print_setup(workbook):
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    assert book.properties.title == "Smederijen 2026: waar elke cent staat"
    for ws in book.worksheets:
        assert "2026" in ws.title and "2026" in ws["A1"].value, ws.title
        assert ws.freeze_panes == "A3"
        last = ws.max_column
        assert ws.auto_filter.ref == f"A2:{ws.cell(2, last).column_letter}{ws.max_row}"
        assert ws.cell(2, last).value and ws.cell(2, last + 1).value is None  # every column
        assert ws.print_title_rows == "$1:$2"  # title and header on every printed page
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.oddFooter.center.text == "Pagina &P van &N"
        assert ws.oddHeader.center.text == ws["A1"].value
    payments = book["Betalingen 2026"]
    date = payments["B3"]
    assert date.is_date and date.value.date().isoformat() == "2026-03-01"
    projects = book["Projecten 2026"]
    assert [c.value for c in projects[3]][2:4] == ["Krakeel", "Korte klap"]  # names, not codes


def test_xlsx_in_libreoffice_shows_dates_euros_and_typed_text_as_typed(workbook, tmp_path):
    from tests.test_reports import EVIL_TITLE

    shown = office.sheets_as_csv(workbook, tmp_path / "shown", as_shown=True)
    values = office.sheets_as_csv(workbook, tmp_path / "values", as_shown=False)
    assert sorted(shown) == ["Betalingen 2026", "Projecten 2026", "Smederijen 2026"]
    titles = [row[4] for row in shown["Projecten 2026"][2:]]
    assert EVIL_TITLE in titles and not any(t.startswith("'") for t in titles)
    payment = shown["Betalingen 2026"][2]
    assert payment[1] == "1-3-2026"  # a date cell in the Dutch date format, not ISO text
    assert payment[6:8] == ["+31 Hovenier", "-F1"]  # not a number, not a formula
    assert "€" in payment[8] and values["Betalingen 2026"][2][8] == "1234.56"
    for row in values["Smederijen 2026"][2:]:
        for cell in row[2:-1]:
            float(cell)  # every amount a number (the last column, used, is a percentage)


def test_xlsx_printed_by_libreoffice_has_every_column_and_page_numbers(workbook, tmp_path):
    pages = office.pdf_text(office.convert(workbook, "pdf", tmp_path / "pdf"))
    first = pages[0]
    for heading in ("Smederij", "Budgetsoort", "Overgeheveld in", "Toegekend", "Verplicht",
                    "Besteed", "Beschikbaar", "Overgeheveld uit", "Teruggevloeid", "Benut"):
        assert heading in first, heading
    assert "Smederijen 2026: waar elke cent staat" in first
    assert "Pagina 1 van" in first
    projects = next(p for p in pages if "Projecten 2026" in p)
    for heading in ("Titel", "Aangevraagd", "Cofinanciering", "Vrijwilligers"):
        assert heading in projects, heading


def test_multi_year_xlsx_has_each_years_totals_below_its_rows(rep, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "overzicht.xlsx"
    run(rep, "--from", "2025", "--to", "2026", "--format", "xlsx", "--output", str(path))
    book = load_workbook(path)
    assert book.sheetnames == ["Smederijen 2025–2026", "Projecten 2025-2026",
                               "Betalingen 2025-2026"]
    rows = list(book.worksheets[0].iter_rows(min_row=3, values_only=True))
    kinds = [("total" if r[1] == "Totaal" else "row", r[0]) for r in rows]
    first_2026 = kinds.index(("row", 2026))
    assert kinds[first_2026 - 1] == ("total", 2025)
    assert kinds[-2:] == [("total", 2026), ("total", "2025–2026")]
    assert all(k == ("row", 2025) for k in kinds[:first_2026 - 1])
