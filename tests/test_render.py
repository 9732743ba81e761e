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
                  warn=[r[-1] > 0.9 for r in rows])
    lean = render.sheet_text(sheet)
    assert lean == _rich(sheet, monkeypatch)
    if rows:
        assert "\n│                     │ lange-klap  │" in lean  # repeated name left blank


def test_lean_table_gives_way_to_rich_where_it_cannot_draw_the_same():
    # a line break in a cell, a title wider than the table, a table wider than the page
    assert render._lean_table("", ["a"], [False], [["x\ny"]], [], [False], 200, False) is None
    assert render._lean_table("t" * 20, ["a"], [False], [["x"]], [], [False], 200, False) is None
    assert render._lean_table("", ["a"], [False], [["x" * 300]], [], [False], 200, False) is None
    many = [["x" * 300]] * (render.LEAN_MAX_ROWS + 1)  # too slow for rich: drawn wide instead
    assert render._lean_table("", ["a"], [False], many, [], [False] * len(many), 200, False)


def test_lean_table_styles_rows_over_budget_and_totals():
    text = render._lean_table("T", ["a", "b"], [False, True], [["x", "1"], ["y", "2"]],
                              [["t", "3"]], [False, True], 200, "1;33")
    lines = text.splitlines()
    assert lines[0] == "\x1b[3mT        \x1b[0m"  # padded to the table width
    assert lines[4] == "│ x │ 1 │"  # an ordinary row stays plain
    assert lines[5] == "│\x1b[1;33m y \x1b[0m│\x1b[1;33m 2 \x1b[0m│"
    assert lines[7] == "│\x1b[1m t \x1b[0m│\x1b[1m 3 \x1b[0m│"


@pytest.mark.parametrize("status", ["rolled_over", "dry_run"])
@pytest.mark.parametrize("moves", [2, 0])
def test_the_rollover_table_is_what_rich_drew(monkeypatch, capsys, status, moves):
    """The rollover prints its table through the lean drawer: the same text rich drew."""
    data = {"year": 2026, "next_year": 2027, "status": status,
            "moves": [{"smederij": "krakeel", "stream": "korte-klap", "carried_cents": 250_00,
                       "lapsed_cents": 4_750_00, "commitments_carried_cents": 0},
                      {"smederij": "x", "stream": "lange-klap", "carried_cents": 0,
                       "lapsed_cents": 0, "commitments_carried_cents": 1_234_567_89}][:moves],
            "totals": {"carried_cents": 250_00, "lapsed_cents": 4_750_00,
                       "commitments_carried_cents": 1_234_567_89}}
    names = {"krakeel": "Krakeel Ärger 日本"}
    render.rollover(data, names, None)
    lean = capsys.readouterr().out
    monkeypatch.setattr(render, "_lean_table", lambda *args: None)
    render.rollover(data, names, None)
    assert lean == capsys.readouterr().out
    assert lean.startswith("Rollover 2026 -> 2027") and "│ Total " in lean
    assert ("Krakeel Ärger 日本" in lean) == bool(moves)
