"""The lean table drawer must draw exactly what rich draws, only faster."""

from __future__ import annotations

import io

import pytest

from smederij_cli import render
from smederij_cli.writers import Column, Sheet

COLUMNS = [Column("smederij", human=False), Column("name", heading="smederij"),
           Column("stream"), Column("allocated", "money"), Column("used", "share")]
ROWS = [["k", "Krakeel", "korte-klap", 1234567, 0.5], ["k", "Krakeel", "lange-klap", 99, 0.95],
        ["w", "Wijk 日本 Ärger [/]", "korte-klap", 5, 0.1]]
TOTALS = [["", "Totaal", "", 1234671, 0.3]]


def _rich(sheet: Sheet, monkeypatch) -> str:
    monkeypatch.setattr(render, "_lean_table", lambda *args: None)
    buffer = io.StringIO()
    render.sheet(sheet, file=buffer)
    monkeypatch.undo()
    return buffer.getvalue()


@pytest.mark.parametrize("rows", [ROWS, []])
@pytest.mark.parametrize("totals", [TOTALS, []])
@pytest.mark.parametrize("title", ["Rapport 2026", ""])
def test_lean_table_is_what_rich_draws(monkeypatch, rows, totals, title):
    sheet = Sheet("x", title, COLUMNS, rows=[list(r) for r in rows], totals=totals,
                  warn=lambda r: r[-1] > 0.9)
    lean = render.sheet_text(sheet)
    assert lean == _rich(sheet, monkeypatch)
    if rows:
        assert "\n│                     │ lange-klap  │" in lean  # repeated name left blank


def test_lean_table_gives_way_to_rich_where_it_cannot_draw_the_same():
    # a line break in a cell, a title wider than the table, a table wider than the page
    def lean(title, rows):
        return render._lean_table(title, ["a"], [False], render._Rows.of(rows), [], 200, False)

    assert lean("", [["x\ny"]]) is None
    assert lean("t" * 20, [["x"]]) is None
    assert lean("", [["x" * 300]]) is None
    many = [["x" * 300]] * (render.LEAN_MAX_ROWS + 1)  # too slow for rich: drawn wide instead
    assert lean("", many)


def test_lean_table_styles_rows_over_budget_and_totals():
    text = "".join(render._lean_table("T", ["a", "b"], [False, True],
                                      render._Rows.of([["x", "1"], ["y", "2"]], [False, True]),
                                      [["t", "3"]], 200, "1;33"))
    lines = text.splitlines()
    assert lines[0] == "\x1b[3mT        \x1b[0m"  # padded to the table width
    assert lines[4] == "│ x │ 1 │"  # an ordinary row stays plain
    assert lines[5] == "│\x1b[1;33m y \x1b[0m│\x1b[1;33m 2 \x1b[0m│"
    assert lines[7] == "│\x1b[1m t \x1b[0m│\x1b[1m 3 \x1b[0m│"
