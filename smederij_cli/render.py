"""Everything the terminal shows. The only module that imports rich.

Functions take the plain data the ledger returns (dicts of integer cents) and print it. Colour and
styles are rich's: it drops them when output is piped or when NO_COLOR is set.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from smederij_cli.labels import label
from smederij_cli.money import format_cents
from smederij_cli.writers import Sheet, show

FIGURE_KEYS = ("carried_in_cents", "allocated_cents", "committed_cents", "spent_cents",
               "available_cents", "carried_out_cents", "lapsed_cents")


def console() -> Console:
    # Piped output gets a wide fixed width so tables are not wrapped at 80 columns.
    # markup=False: titles, payees and notes are people's text, shown as typed ("[/]" included);
    # styles are applied explicitly with Text or markup=True on escaped text.
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False, markup=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 500,
                   markup=False)


def error(message: str) -> None:
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
    return Table(title=title, title_justify="left", show_footer=False, **kwargs)


def sheet(data: Sheet, lang: str = "nl", file=None) -> None:
    """A report laid out by ``writers``: labels in ``lang``, totals rows in bold, budgets over
    90% used in colour. The first column is left blank where it repeats the row above."""
    table = _table(data.title)
    cols = data.human_columns()
    for i in cols:
        column = data.columns[i]
        table.add_column(column.title(lang), justify="right" if column.numeric else "left",
                         overflow="fold")
    previous = None
    for n, row in enumerate(data.rows):
        cells = [show(data.columns[i], row[i], lang) for i in cols]
        first = cells[0]
        if first == previous:
            cells[0] = ""
        previous = first
        warn = data.warn[n] if data.warn else False
        table.add_row(*cells, style="bold yellow" if warn else None)
    if data.rows or data.totals:
        table.add_section()
    for row in data.totals:
        table.add_row(*(show(data.columns[i], row[i], lang) for i in cols), style="bold")
    out = Console(file=file, width=200, no_color=True, highlight=False) if file else console()
    out.print(table)


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
    table = _table(title)
    for column in ("Smederij", "Stream"):
        table.add_column(column)
    for column in ("Carried", "Lapsed", "Commitments carried"):
        table.add_column(column, justify="right")
    keys = ("carried_cents", "lapsed_cents", "commitments_carried_cents")
    for m in data["moves"]:
        table.add_row(names.get(m["smederij"], m["smederij"]), m["stream"],
                      *(money(m[k], lang) for k in keys))
    table.add_section()
    table.add_row("Total", "", *(money(totals[k], lang) for k in keys), style="bold")
    console().print(table)
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
    console().print(text, markup=False, highlight=False)
