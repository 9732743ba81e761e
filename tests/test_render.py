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


def test_rows_kept_in_blocks_draw_what_rich_draws(monkeypatch):
    # more rows than a block holds, wide and narrow rows mixed: kept compactly, drawn the same
    monkeypatch.setattr(render._Rows, "BLOCK", 3)
    rows = [[f"s{n}", ROWS[n % 3][1], "korte-klap", n * 1001, n / 10] for n in range(11)]
    over = lambda r: r[-1] > 0.9  # noqa: E731
    lean = render.sheet_text(Sheet("x", "Rapport", COLUMNS, rows=iter(rows), totals=TOTALS,
                                   warn=over))
    assert lean == _rich(Sheet("x", "Rapport", COLUMNS, rows=rows, totals=TOTALS, warn=over),
                         monkeypatch)
    assert lean.count("Wijk 日本 Ärger [/]") == 3 and "€ 100,10" in lean


JSON_SAMPLES = [
    {}, [], (), "", 0, -7, 2.5, None, True, {"a": []}, {"a": {}}, [[[]]], (1, (2, 3)),
    {"é \"q\"\n\t\u2028": ["日本", 1.0e100, float("inf"), -0.0, None, False, {"k": {"z": 3}}]},
    {1: "int key", "s": {2.5: [True]}, None: 1},  # keys that are not strings, as json has them
    {"year": 2026, "smederijen": [{"code": "k", "streams": {"korte-klap": {"spent": -1}}}]},
]


@pytest.mark.parametrize("data", JSON_SAMPLES)
def test_json_text_is_what_json_dumps_writes(data):
    import json

    assert render.json_text(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert "".join(render.json_chunks(data)) == render.json_text(data)


def test_json_chunks_write_long_lists_an_item_at_a_time_as_json_dumps_would(monkeypatch):
    import json

    rows = [{"code": f"s{i}", "streams": {"k": {"a": i, "b": [i, "é"]}}, "none": []}
            for i in range(render.STREAMED_LIST + 1)]
    data = {"year": 2026, "smederijen": rows, "nested": {"list": rows[:3], "empty": {}},
            "deep": [rows, []]}
    chunks = list(render.json_chunks(data))
    assert "".join(chunks) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    monkeypatch.setattr(render, "STREAMED_PARTS", 10)
    chunks = list(render.json_chunks(data))
    assert "".join(chunks) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert len(chunks) > render.STREAMED_LIST / 10  # not one piece for the whole list


def test_json_chunks_write_iterators_as_arrays_and_read_values_when_reached():
    import json

    totals = {"n": 0}

    def years():
        for year in (2025, 2026):
            totals["n"] += 1
            yield {"year": year, "rows": iter([{"a": 1}, []])}

    data = {"from": 2025, "years": years(), "empty": iter(()), "totals": totals}
    chunks = render.json_chunks(data)
    head = next(chunks) + next(chunks)
    assert head == '{\n  "from": 2025' and totals["n"] == 0  # nothing built yet
    whole = {"from": 2025, "years": [{"year": y, "rows": [{"a": 1}, []]} for y in (2025, 2026)],
             "empty": [], "totals": {"n": 2}}
    assert head + "".join(chunks) == json.dumps(whole, indent=2) + "\n"


@pytest.mark.parametrize("lang, head, total", [("nl", "Jaarafsluiting 2026 -> 2027", "Totaal"),
                                               ("en", "Rollover 2026 -> 2027", "Total")])
@pytest.mark.parametrize("status", ["rolled_over", "dry_run"])
@pytest.mark.parametrize("moves", [2, 0])
def test_the_rollover_table_is_what_rich_drew(monkeypatch, capsys, status, moves, lang, head,
                                              total):
    """The rollover prints its table through the lean drawer: the same text rich drew."""
    data = {"year": 2026, "next_year": 2027, "status": status,
            "moves": [{"smederij": "krakeel", "stream": "korte-klap", "carried_cents": 250_00,
                       "lapsed_cents": 4_750_00, "commitments_carried_cents": 0},
                      {"smederij": "x", "stream": "lange-klap", "carried_cents": 0,
                       "lapsed_cents": 0, "commitments_carried_cents": 1_234_567_89}][:moves],
            "totals": {"carried_cents": 250_00, "lapsed_cents": 4_750_00,
                       "commitments_carried_cents": 1_234_567_89}}
    names = {"krakeel": "Krakeel Ärger 日本"}
    render.rollover(data, names, None, lang)
    lean = capsys.readouterr().out
    monkeypatch.setattr(render, "_lean_table", lambda *args: None)
    render.rollover(data, names, None, lang)
    assert lean == capsys.readouterr().out
    assert lean.startswith(head) and f"│ {total} " in lean
    assert ("Krakeel Ärger 日本" in lean) == bool(moves)
