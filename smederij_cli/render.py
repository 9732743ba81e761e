"""Everything the terminal shows. The only module that imports rich.

Functions take the plain data the ledger returns (dicts of integer cents) and print it. Colour and
styles are rich's: it drops them when output is piped or when NO_COLOR is set.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from smederij_cli.money import format_cents

FIGURE_LABELS = {
    "carried_in_cents": "Carried in",
    "allocated_cents": "Allocated",
    "committed_cents": "Committed",
    "spent_cents": "Spent",
    "available_cents": "Available",
    "carried_out_cents": "Carried out",
    "lapsed_cents": "Lapsed",
}
USED_WARNING = 0.9  # a budget more than 90% committed or spent is shown in colour


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


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def money(cents: int, lang: str = "nl") -> str:
    return format_cents(cents, lang)


def _table(title: str | None = None, **kwargs) -> Table:
    return Table(title=title, title_justify="left", show_footer=False, **kwargs)


def _used_share(figures: dict) -> float:
    total = figures["carried_in_cents"] + figures["allocated_cents"]
    return (figures["spent_cents"] + figures["committed_cents"]) / total if total > 0 else 0.0


def report(data: dict, lang: str = "nl") -> None:
    figures = list(FIGURE_LABELS)
    table = _table(f"Smederijen {data['year']}: where every cent stands", show_lines=False)
    table.add_column("Smederij")
    table.add_column("Stream")
    for key in figures:
        table.add_column(FIGURE_LABELS[key], justify="right")
    table.add_column("Used", justify="right")
    for sm in data["smederijen"]:
        for i, (stream, f) in enumerate(sm["streams"].items()):
            used = _used_share(f)
            style = "bold yellow" if used > USED_WARNING else None
            table.add_row(sm["name"] if i == 0 else "", stream,
                          *(money(f[k], lang) for k in figures), f"{used:.0%}", style=style)
    totals = data["totals"]
    table.add_section()
    table.add_row("Total", "", *(money(totals[k], lang) for k in figures),
                  f"{_used_share(totals):.0%}", style="bold")
    console().print(table)


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
    for label in FIGURE_LABELS.values():
        table.add_column(label, justify="right")
    for stream, f in row["streams"].items():
        table.add_row(stream, *(money(f[k], lang) for k in FIGURE_LABELS))
    out.print(table)


def projects(rows: list[dict], lang: str = "nl") -> None:
    table = _table()
    for column in ("Id", "Year", "Smederij", "Stream", "Title", "Theme", "Status"):
        table.add_column(column, overflow="fold")
    for column in ("Requested", "Committed", "Paid"):
        table.add_column(column, justify="right")
    for r in rows:
        table.add_row(str(r["id"]), str(r["year"]), r["smederij"], r["stream"], r["title"],
                      r["theme"] or "", r["status"], money(r["requested_cents"], lang),
                      money(r["committed_cents"], lang), money(r["paid_cents"], lang))
    if rows:
        table.add_section()
        table.add_row("", "", "", "", f"{len(rows)} projects", "", "",
                      *(money(sum(r[k] for r in rows), lang)
                        for k in ("requested_cents", "committed_cents", "paid_cents")),
                      style="bold")
    console().print(table)


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
    table = _table(title)
    for column in ("Id", "Date", "Project", "Payee", "Reference"):
        table.add_column(column, overflow="fold")
    table.add_column("Amount", justify="right")
    table.add_column("Reversed")
    for r in rows:
        table.add_row(str(r["id"]), r["date"], f"{r['project_id']} {r['title']}", r["payee"],
                      r["reference"] or "", money(r["amount_cents"], lang),
                      f"{r['reversal_date']}: {r['reversal_reason']}" if r["reversal_txn"]
                      else "", style="dim" if r["reversal_txn"] else None)
    if rows:
        booked = sum(r["amount_cents"] for r in rows if not r["reversal_txn"])
        table.add_section()
        table.add_row("", "", f"{len(rows)} payments", "", "net paid", money(booked, lang), "",
                      style="bold")
    console().print(table)


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
