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
