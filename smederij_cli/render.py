"""Everything the terminal shows. The only module that imports rich.

Functions take the plain data the ledger returns (dicts of integer cents) and print it. Colour and
styles are rich's: it drops them when output is piped or when NO_COLOR is set.

rich is imported inside the functions that draw with it, never at the top: JSON output and large
report tables (drawn by ``_lean_table`` in rich's look, a thousand times faster) do without it.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from smederij_cli.labels import label
from smederij_cli.money import format_cents
from smederij_cli.writers import Sheet, show

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

FIGURE_KEYS = ("carried_in_cents", "allocated_cents", "committed_cents", "spent_cents",
               "available_cents", "carried_out_cents", "lapsed_cents")


def console() -> Console:
    from rich.console import Console

    # Piped output gets a wide fixed width so tables are not wrapped at 80 columns.
    # markup=False: titles, payees and notes are people's text, shown as typed ("[/]" included);
    # styles are applied explicitly with Text or markup=True on escaped text.
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False, markup=False)


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 500,
                   markup=False)


def error(message: str) -> None:
    from rich.text import Text

    err_console().print(Text.assemble(("error:", "bold red"), " ", message), soft_wrap=True)


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


PROGRESS_MIN = 5_000  # rows: smaller files are done before a bar would be worth drawing


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for ``total`` steps; yields ``advance(n)``. Shown only for large
    jobs and only when stderr is a terminal (never in pipes, logs or cron mail)."""
    if total < PROGRESS_MIN or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import Progress

    with Progress(console=err_console(), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(data))


def money(cents: int, lang: str = "nl") -> str:
    return format_cents(cents, lang)


def _table(title: str | None = None, **kwargs) -> Table:
    from rich.table import Table

    return Table(title=title, title_justify="left", show_footer=False, **kwargs)


def sheet(data: Sheet, lang: str = "nl", file=None) -> None:
    """A report laid out by ``writers``: labels in ``lang``, totals rows in bold, budgets over
    90% used in colour. The first column is left blank where it repeats the row above."""
    cols = data.human_columns()
    headers = [data.columns[i].title(lang) for i in cols]
    right = [data.columns[i].numeric for i in cols]
    rows, previous = [], None
    for row in data.rows:
        cells = [show(data.columns[i], row[i], lang) for i in cols]
        first = cells[0]
        if first == previous:
            cells[0] = ""
        previous = first
        rows.append(cells)
    totals = [[show(data.columns[i], row[i], lang) for i in cols] for row in data.totals]
    _print_table(data.title, headers, right, rows, totals, data.warn, file, overflow="fold")


def _print_table(title: str, headers: list[str], right: list[bool], rows: list[list[str]],
                 totals: list[list[str]], warn: list[bool] | None = None, file=None,
                 overflow: str = "ellipsis") -> None:
    """A table of text cells with totals rows in bold (and ``warn`` rows in colour), as rich
    draws it: by ``_lean_table`` where it can, else by rich (``overflow`` for its columns)."""
    warn = warn or [False] * len(rows)
    if file is None and (sys.stdout.isatty() or os.environ.get("FORCE_COLOR")):
        out = console()  # a terminal: rich decides its width and which styles it can show
        width = out.width
        styles = out.is_terminal and out.color_system is not None
        warn_style = "1" if out.no_color else "1;33"
    else:
        out, width, styles, warn_style = None, 200, False, ""
    text = _lean_table(title, headers, right, rows, totals, warn, width, styles and warn_style)
    if text is not None:
        (file or sys.stdout).write(text)
        return
    table = _table(title)
    for header, numeric in zip(headers, right):
        table.add_column(header, justify="right" if numeric else "left", overflow=overflow)
    for cells, w in zip(rows, warn):
        table.add_row(*cells, style="bold yellow" if w else None)
    if rows or totals:
        table.add_section()
    for cells in totals:
        table.add_row(*cells, style="bold")
    if file is not None:
        from rich.console import Console

        out = Console(file=file, width=200, no_color=True, highlight=False, markup=False)
    (out or console()).print(table)


LEAN_MAX_ROWS = 1_000  # beyond this a table too wide for the screen is drawn lean all the same


# Characters one cell wide (ASCII, Latin, Greek, Cyrillic, punctuation such as – and €, box
# drawing): a cell made of only these is as wide as it is long, the fast and common case.
_NARROW = re.compile("[ -~\xa0-\xac\xae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e"
                     "\u20a0-\u20bf\u2500-\u25ff]*").fullmatch


def _cell_len(text: str) -> int:
    if _NARROW(text):
        return len(text)
    from rich.cells import cell_len  # wide characters (CJK, emoji) take two cells

    return cell_len(text)


def _lean_table(title: str, headers: list[str], right: list[bool], rows: list[list[str]],
                totals: list[list[str]], warn: list[bool], width: int,
                warn_style: str | bool) -> str | None:
    """The table exactly as rich draws it (box, padding, title, section line before the totals)
    when it fits in ``width`` without wrapping; None when rich must lay it out (a cell with a
    line break or control character, a table or title wider than the screen). rich's Table costs
    about 2 ms a row, so a national report of 10,000 rows took 20 s; this takes milliseconds.
    ``warn_style`` is the SGR code for rows over budget, or False for no styles at all."""
    every = [headers, *rows, *totals]
    narrow = True
    for cells in every:
        for cell in cells:
            if not _NARROW(cell):
                if not cell.isprintable():
                    return None
                narrow = False
    measure = len if narrow else _cell_len
    widths = [max(map(measure, column)) for column in zip(*every)]
    table_width = sum(widths) + 3 * len(widths) + 1
    if len(rows) <= LEAN_MAX_ROWS and table_width > width or _cell_len(title or "") > table_width:
        return None

    def line(left: str, fill: str, mid: str, end: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + end + "\n"

    def template(edge: str, style: str | bool) -> str:
        on, off = (f"\x1b[{style}m", "\x1b[0m") if style else ("", "")
        return edge + edge.join(on + " {} " + off for _ in widths) + edge + "\n"

    def draw(cells: list[str], form: str) -> str:
        gaps = [" " * (w - measure(c)) for c, w in zip(cells, widths)]
        return form.format(*(g + c if n else c + g for c, g, n in zip(cells, gaps, right)))

    bold = "1" if warn_style else False
    out = []
    if title:
        heading = title + " " * (table_width - _cell_len(title))
        out.append(f"\x1b[3m{heading}\x1b[0m\n" if warn_style else heading + "\n")
    out.append(line("┏", "━", "┳", "┓"))
    out.append(draw(headers, template("┃", bold)))
    out.append(line("┡", "━", "╇", "┩"))
    plain, warned = template("│", False), template("│", warn_style)
    out.extend(draw(cells, warned if w else plain) for cells, w in zip(rows, warn))
    if rows and totals:
        out.append(line("├", "─", "┼", "┤"))
    out.extend(draw(cells, template("│", bold)) for cells in totals)
    out.append(line("└", "─", "┴", "┘"))
    return "".join(out)


def sheet_text(data: Sheet, lang: str = "nl") -> str:
    """The terminal table as plain text, for --output."""
    buffer = io.StringIO()
    sheet(data, lang, file=buffer)
    return buffer.getvalue()


def budget(data: dict, lang: str = "nl") -> None:
    table = _table(f"Budget {data['year']}")
    table.add_column("Smederij")
    for stream in data["streams"]:
        table.add_column(f"{stream} allocated", justify="right")
        table.add_column(f"{stream} available", justify="right")
    totals = {s: [0, 0] for s in data["streams"]}
    for sm in data["smederijen"]:
        cells = []
        for stream in data["streams"]:
            f = sm["streams"][stream]
            cells += [money(f["allocated_cents"], lang), money(f["available_cents"], lang)]
            totals[stream][0] += f["allocated_cents"]
            totals[stream][1] += f["available_cents"]
        table.add_row(sm["name"], *cells)
    table.add_section()
    table.add_row("Total", *(money(c, lang) for s in data["streams"] for c in totals[s]),
                  style="bold")
    out = console()
    out.print(table)
    moves: dict[int, dict] = {}
    for m in data["moves"]:
        moves.setdefault(m["txn"], {**m, "total": 0})["total"] += max(m["amount_cents"], 0)
    if moves:
        history = _table("Allocations and transfers")
        for column in ("Txn", "Date", "Kind", "Description"):
            history.add_column(column)
        history.add_column("Amount", justify="right")
        for m in moves.values():
            history.add_row(str(m["txn"]), m["date"], m["kind"], m["description"],
                            money(m["total"], lang))
        out.print(history)


def allocation(shares: dict[str, int], names: dict[str, str], title: str,
               lang: str = "nl") -> None:
    table = _table(title)
    table.add_column("Smederij")
    table.add_column("Share", justify="right")
    for code, cents in shares.items():
        table.add_row(names.get(code, code), money(cents, lang))
    table.add_section()
    table.add_row("Total", money(sum(shares.values()), lang), style="bold")
    console().print(table)


def rollover(data: dict, names: dict[str, str], closed_at: str | None,
             lang: str = "nl") -> None:
    year, nxt, totals = data["year"], data["next_year"], data["totals"]
    if data["status"] == "already_rolled_over":
        when = f" on {closed_at[:10]}" if closed_at else ""
        message(f"budget year {year} was already rolled over{when}: nothing changed")
        return
    title = (f"Rollover {year} -> {nxt}"
             + (" (dry run: nothing written)" if data["status"] == "dry_run" else ""))
    keys = ("carried_cents", "lapsed_cents", "commitments_carried_cents")
    rows = [[names.get(m["smederij"], m["smederij"]), m["stream"],
             *(money(m[k], lang) for k in keys)] for m in data["moves"]]
    _print_table(title, ["Smederij", "Stream", "Carried", "Lapsed", "Commitments carried"],
                 [False, False, True, True, True], rows,
                 [["Total", "", *(money(totals[k], lang) for k in keys)]])
    verb = "would carry" if data["status"] == "dry_run" else "carried"
    message(f"budget year {year} {'stays open' if data['status'] == 'dry_run' else 'is closed'}"
            f": {verb} {money(totals['carried_cents'], lang)} and "
            f"{money(totals['commitments_carried_cents'], lang)} of open commitments into {nxt}"
            f", {money(totals['lapsed_cents'], lang)} "
            f"{'would lapse' if data['status'] == 'dry_run' else 'lapsed'} to funding")


def smederijen(rows: list[dict], lang: str = "nl") -> None:
    table = _table()
    for column in ("Code", "Name", "Kind", "Wijkteam"):
        table.add_column(column)
    table.add_column("Inhabitants", justify="right")
    streams = sorted({s for r in rows for s in r.get("available", {})})
    for stream in streams:
        table.add_column(f"{stream} available", justify="right")
    for r in rows:
        table.add_row(r["code"], r["name"] + ("" if r["active"] else " (inactive)"), r["kind"],
                      r["team"] or "", str(r["inhabitants"]),
                      *(money(r["available"].get(s, 0), lang) for s in streams))
    console().print(table)


def smederij(row: dict, lang: str = "nl") -> None:
    from rich.text import Text

    out = console()
    out.print(Text.assemble((row["name"], "bold"), f" ({row['code']}), {row['kind']}, wijkteam "
                            f"{row['team'] or '-'}, {row['inhabitants']} inhabitants"
                            + ("" if row["active"] else ", inactive")))
    table = _table(f"Budget {row['year']}")
    table.add_column("Stream")
    for key in FIGURE_KEYS:
        table.add_column(label(key.removesuffix("_cents"), lang), justify="right")
    for stream, f in row["streams"].items():
        table.add_row(stream, *(money(f[k], lang) for k in FIGURE_KEYS))
    out.print(table)


def projects(rows: list[dict], lang: str = "nl", title: str | None = None) -> None:
    from smederij_cli.writers import projects_sheet

    sheet(projects_sheet(rows, lang, title), lang)


def project(p: dict, lang: str = "nl") -> None:
    from rich.text import Text

    out = console()
    out.print(Text(f"Project {p['id']}: {p['title']}", style="bold"))
    out.print(Text.assemble(f"{p['smederij_name']} ({p['smederij']}), {p['stream']} {p['year']}, "
                            f"theme {p['theme'] or '-'}, status ", (p["status"], "bold")))
    out.print(f"requested {money(p['requested_cents'], lang)}; supporters {p['supporters']}, "
              f"volunteers {p['volunteers']}")
    for source, cents in p["cofunding"].items():
        out.print(f"co-funding: {source} {money(cents, lang)}")
    out.print(f"committed {money(p['committed_cents'], lang)}, paid "
              f"{money(p['paid_cents'], lang)}, released {money(p['released_cents'], lang)}, "
              f"left {money(p['left_cents'], lang)}")
    history = _table("History")
    for column in ("Date", "From", "To", "Note"):
        history.add_column(column)
    for e in p["history"]:
        history.add_row(e["date"], e["from_status"] or "", e["to_status"], e["note"])
    out.print(history)
    if p["payments"]:
        payments(p["payments"], lang, title="Payments")


def payments(rows: list[dict], lang: str = "nl", title: str | None = None) -> None:
    from smederij_cli.writers import payments_sheet

    sheet(payments_sheet(rows, lang, title), lang)


def audit_log(rows: list[dict]) -> None:
    from rich.text import Text

    if not rows:
        console().print("no changes recorded")
        return
    table = _table("Audit trail (times in UTC)")
    for column in ("Id", "When", "Who", "What", "Command"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(*(Text(str(v)) for v in (r["id"], r["recorded_at"].replace("+00:00", "Z"),
                                                 r["actor"], r["summary"], r["command"])))
    console().print(table)


def check(problems: list[str]) -> None:
    from rich.text import Text

    if not problems:
        console().print(Text.assemble(("ok", "green"), ": every invariant holds"))
        return
    out = console()
    for p in problems:
        out.print(Text.assemble(("violation:", "red"), " ", p), soft_wrap=True)
    out.print(f"{len(problems)} violation(s) found")


def info(data: dict) -> None:
    out = console()
    out.print(f"ledger:         {data['path']}")
    out.print(f"schema version: {data['schema_version']} ({data['schema_step']})")
    for key in ("smederijen", "projects", "payments", "transactions", "postings"):
        out.print(f"{key + ':':<16}{data[key]}")
    years = ", ".join(f"{y['year']} ({y['status']})" for y in data["years"]) or "none yet"
    out.print(f"{'years:':<16}{years}")


def message(text: str) -> None:
    if not sys.stdout.isatty():  # piped or captured: the line as it is, without loading rich
        sys.stdout.write(text + "\n")
        return
    console().print(text, markup=False, highlight=False)
