"""Tables fit the terminal (issue 12, section 9).

From 80 columns up no amount, date or code is ever broken across lines: where the columns do not
fit, the least important are left out and a note under the table names them. Piped output and
--wide keep the full rows. A terminal is what FORCE_COLOR and COLUMNS make of the test runner's
output (as rich reads them); the ledger is the demo's.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from smederij_cli import labels, render
from smederij_cli.cli import app
from smederij_cli.render import _cell_len

COMMANDS = [
    ["report", "--year", "2026"],
    ["report", "--year", "2026", "--from", "2026", "--to", "2026"],
    ["report", "projects", "--year", "2026"],
    ["budget", "show", "--year", "2026"],
    ["project", "list", "--year", "2026"],
    ["project", "show", "4"],
    ["payment", "list"],
    ["smederijen", "list"],
    ["smederijen", "show", "hollandscheveld", "--year", "2026"],
    ["log"],
    ["rollover", "--year", "2026", "--dry-run"],
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
MONEY = re.compile(r"€ -?\d{1,3}(\.\d{3})*,\d\d|-?€-?\d{1,3}(,\d{3})*\.\d\d")  # nl, en
DATE = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ)?")
NOTE = re.compile(r"(\d+) (?:column\(s\) left out to fit|kolom\(men\) weggelaten om in) (\d+) "
                  r"(?:columns|kolommen te passen): (.*) \(--wide (?:shows every column|toont "
                  r"alle kolommen)\)", re.S)
# a piece of a table's date ("1 dec 2026", "1 Dec 2026": labels.format_date, short)
DATE_PIECE = re.compile(r"\d{1,2} ([A-Za-z]{3})|([A-Za-z]{3})(?: \d{4})?")
MONTHS = {labels.format_date(dt.date(2026, m, 1), lang, short=True).split()[1].lower()
          for lang in ("nl", "en") for m in range(1, 13)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("fit") / "demo.db"
    result = CliRunner().invoke(app, ["--db", str(db), "demo"])
    assert result.exit_code == 0, result.output
    codes = set(re.findall(r"^(\S+)\s", CliRunner().invoke(
        app, ["--db", str(db), "smederijen", "list", "--wide"]).stdout, re.M)) - {"Code"}
    return db, {"korte-klap", "lange-klap"} | {c for c in codes if re.fullmatch(r"[a-z-]+", c)}


def run(db, args, columns=None, *extra):
    env = {"COLUMNS": str(columns), "FORCE_COLOR": "1"} if columns else {"FORCE_COLOR": ""}
    render.show_wide(False)
    result = CliRunner().invoke(app, ["--db", str(db), *args, *extra], env=env)
    render.show_wide(False)
    assert result.exit_code == 0, (args, result.output)
    return ANSI.sub("", result.stdout)


def cells(text: str) -> list[str]:
    """Every cell of every table line (header, body and totals), stripped."""
    out = []
    for line in text.splitlines():
        if line[:1] in "│┃":
            out += [c.strip() for c in re.split("[│┃]", line)[1:-1]]
    return out


def headers_of(text: str) -> list[str]:
    """The table headers, their lines joined (a header may wrap at its spaces)."""
    lines = [line for line in text.splitlines() if line.startswith("┃")]
    columns = zip(*(re.split("┃", line)[1:-1] for line in lines))
    return [" ".join(part.strip() for part in col if part.strip()) for col in columns]


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_amount_date_or_code_breaks_and_the_note_names_what_is_left_out(demo, args, width):
    fits(demo, args, width)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_an_english_run_fits_80_columns_too(demo, args):
    fits(demo, ["--lang", "en", *args], 80)


def fits(demo, args, width):
    """Nothing breaks at ``width`` columns, and the note names what is left out."""
    db, codes = demo
    text = run(db, args, width)
    full = run(db, args)  # piped: every column
    for line in text.splitlines():
        assert _cell_len(line) <= width, line
    assert "\\x0a" not in text  # a wrapped cell's line breaks are breaks, not escapes
    for cell in cells(text):
        if "€" in cell and not re.search("[a-z]", cell):  # an amount's own cell
            assert MONEY.fullmatch(cell), (cell, args)
        for date in re.findall(r"(?<![\w-])\d{4}-[\d:TZ-]*", cell):
            assert DATE.fullmatch(date), (cell, args)
        if re.fullmatch(r"[\d.,%]+", cell):  # ids, counts and shares, never pieces of amounts
            assert re.fullmatch(r"\d+%?|\d{1,3}(\.\d{3})+", cell), (cell, args)
        piece = DATE_PIECE.fullmatch(cell)  # a table's date ("1 dec 2026"): whole or not at all
        assert not (piece and (piece[1] or piece[2]).lower() in MONTHS), (cell, args)
        if re.fullmatch(r"[a-z-]+", cell):  # a code: whole or not at all
            assert cell in codes or not any(c.startswith(cell) or c.endswith(cell)
                                            for c in codes), (cell, args)
    shown, every = headers_of(text), headers_of(full)
    note = NOTE.search(" ".join(text.split()))
    if len(shown) < len(every) or note:
        assert note, text
        named = [" ".join(n.split()) for n in note.group(3).split(", ")]
        assert int(note.group(1)) == len(named) and note.group(2) == str(width)
        assert set(named) >= set(every) - set(shown)
        assert set(shown) | set(named) >= set(every)


def test_the_report_leaves_out_the_flows_between_years_first(demo):
    db, _ = demo
    text = run(db, ["report", "--year", "2026"], 120)
    assert headers_of(text) == ["Smederij", "Budgetsoort", "Toegekend", "Verplicht", "Besteed",
                                "Beschikbaar", "Teruggevloeid", "Benut"]
    assert ("3 kolom(men) weggelaten om in 120 kolommen te passen: Overgeheveld in, "
            "Overgeheveld uit: budget, Overgeheveld uit: verplichtingen (--wide toont alle "
            "kolommen)") in " ".join(text.split())
    english = run(db, ["--lang", "en", "report", "--year", "2026"], 120)
    assert ("2 column(s) left out to fit 120 columns: Carried out: budget, Carried out: "
            "commitments (--wide shows every column)") in " ".join(english.split())
    at80 = run(db, ["report", "--year", "2026"], 80)
    assert headers_of(at80)[-1] == "Beschikbaar" and "€ 313.942,00" in at80


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_piped_output_and_wide_keep_every_column(demo, args):
    db, _ = demo
    piped = run(db, args)
    assert "left out" not in piped
    assert run(db, args, None, "--wide") == piped
    wide = run(db, args, 80, "--wide")
    assert "left out" not in wide and headers_of(wide) == headers_of(piped)


def test_text_wraps_but_keeps_an_amount_whole():
    assert render._wrap("weighted split of € 300.000,00 and more", 20) == (
        "weighted split of\n€ 300.000,00 and\nmore")


def test_fit_keeps_what_fits_and_drops_in_order():
    headers = ["Name", "Code", "Amount", "Carried in"]
    # everything fits: as wide as it comes
    assert render._fit(headers, [True, False, False, False], [10, 6, 12, 12], 80, [3]) == (
        [0, 1, 2, 3], None)
    # the text column wraps first (to no less than TEXT_MIN), then "Carried in" gives way
    loose, content = [True, False, False, False], [40, 6, 12, 12]
    assert render.TEXT_MIN == 15
    assert render._fit(headers, loose, content, 60, [3]) == ([0, 1, 2, 3], [17, 6, 12, 12])
    assert render._fit(headers, loose, content, 50, [3]) == ([0, 1, 2], [22, 6, 12])
    # a header wraps at its spaces ("Carried in" needs 7), and breaks a word only as a last resort
    assert render._fit(headers, [False] * 4, [4, 6, 12, 3], 42, []) == (
        [0, 1, 2, 3], [4, 6, 12, 7])
    assert render._fit(headers, [False] * 4, [4, 6, 12, 3], 38, []) == (
        [0, 1, 2, 3], [4, 6, 12, 3])


def test_a_long_table_is_cut_not_wrapped_and_drawn_lean(monkeypatch, capsys):
    """Over LEAN_MAX_ROWS rows rich would take seconds: the text is cut with an ellipsis."""
    monkeypatch.setattr(render, "LEAN_MAX_ROWS", 3)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "40")
    rows = render._Rows.of([[f"A title of project {n} that is long", "€ 1.234,56"]
                            for n in range(5)])
    render._print_table("", ["Title", "Amount"], [False, True], rows, [], loose=[True, False])
    lines = ANSI.sub("", capsys.readouterr().out).splitlines()
    assert all(_cell_len(line) <= 40 for line in lines)
    assert "│ A title of project 0 t… │ € 1.234,56 │" in lines
