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
from json.encoder import encode_basestring as _encode_string  # C, when built
from typing import TYPE_CHECKING, Any

from smederij_cli.labels import label
from smederij_cli.money import format_cents
from smederij_cli.writers import Sheet, shower

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
    """``json.dumps(data, ensure_ascii=False, indent=2)`` and a newline, character for
    character, but about three times faster: with an indent the standard library encodes in pure
    Python (a national report is 620,000 calls); here keys and strings go through its C string
    encoder and each container costs one loop."""
    out: list[str] = []
    _json_parts(data, "", out)
    out.append("\n")
    return "".join(out)


def json_chunks(data: Any) -> Iterator[str]:
    """``json_text`` piece by piece, for output too big to hold: iterators (generators) in
    ``data`` are written as JSON arrays, one item at a time, and a value is encoded only when
    the writing reaches it (so a dict that a generator before it fills in is complete)."""
    yield from _json_chunks(data)
    yield "\n"


STREAMED_LIST = 256  # a list this long is written an item at a time, as an iterator is
STREAMED_PARTS = 20_000  # parts of such items joined into one piece (about 1 MB)


_PLAIN = frozenset((dict, int, str, type(None), bool, float, tuple))


def _streamed(value: Any) -> bool:
    kind = type(value)  # the common kinds first: the isinstance of an ABC costs more
    if kind is list:
        return len(value) >= STREAMED_LIST
    return kind not in _PLAIN and isinstance(value, Iterator)


def _json_chunks(data: Any, pad: str = "") -> Iterator[str]:
    """The pieces of ``data`` written at indent ``pad``. Iterators and long lists go an item at
    a time, and so does a dict holding one (a year of a national report: its 5,000 Smederijen
    are encoded one by one, never all into one list of parts at once)."""
    if _streamed(data):
        inner = pad + "  "
        lead = "[\n" + inner
        out: list[str] = []  # the parts of the plain items since the last piece handed out
        for item in data:
            out.append(lead)
            lead = ",\n" + inner
            if _streamed(item) or type(item) is dict and any(map(_streamed, item.values())):
                yield "".join(out)
                out.clear()
                yield from _json_chunks(item, inner)
            else:
                _json_parts(item, inner, out)
                if len(out) >= STREAMED_PARTS:
                    yield "".join(out)
                    out.clear()
        out.append("[]" if lead == "[\n" + inner else "\n" + pad + "]")
        yield "".join(out)
    elif (type(data) is dict and any(map(_streamed, data.values()))
          and all(type(key) is str for key in data)):
        inner = pad + "  "
        lead = "{\n" + inner
        for key, value in data.items():
            yield f"{lead}{_encode_string(key)}: "
            lead = ",\n" + inner
            yield from _json_chunks(value, inner)
        yield "\n" + pad + "}"
    else:
        out: list[str] = []
        _json_parts(data, pad, out)
        yield "".join(out)


_JSON_LITERALS = {None: "null", True: "true", False: "false"}


def _json_parts(obj: Any, pad: str, out: list[str]) -> None:
    kind = type(obj)
    if kind is dict and obj:
        inner, start = pad + "  ", len(out)
        lead = "{\n" + inner
        for key, value in obj.items():
            if type(key) is not str:  # json's own rules for other keys: let it write the dict
                del out[start:]
                out.append(json.dumps(obj, ensure_ascii=False, indent=2).replace("\n",
                                                                                  "\n" + pad))
                return
            kind = type(value)
            if kind is int:
                out.append(f"{lead}{_encode_string(key)}: {value}")
            elif kind is str:
                out.append(f"{lead}{_encode_string(key)}: {_encode_string(value)}")
            else:
                out.append(f"{lead}{_encode_string(key)}: ")
                _json_parts(value, inner, out)
            lead = ",\n" + inner
        out.append("\n" + pad + "}")
    elif (kind is list or kind is tuple) and obj:
        inner = pad + "  "
        lead = "[\n" + inner
        for value in obj:
            out.append(lead)
            _json_parts(value, inner, out)
            lead = ",\n" + inner
        out.append("\n" + pad + "]")
    elif kind is str:
        out.append(_encode_string(obj))
    elif kind is int:
        out.append(int.__repr__(obj))
    elif obj is None or kind is bool:
        out.append(_JSON_LITERALS[obj])
    else:  # floats, empty or unusual containers, errors for what JSON cannot hold: as json does
        out.append(json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n" + pad))


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
    _print_table(*_sheet_table(data, lang), overflow="fold", file=file)


def sheet_chunks(data: Sheet, lang: str = "nl") -> Iterator[str]:
    """The terminal table as plain text (200 wide, no styles), in pieces: for --output."""
    return _table_chunks(*_sheet_table(data, lang), 200, False, None, "fold")


def sheet_text(data: Sheet, lang: str = "nl") -> str:
    return "".join(sheet_chunks(data, lang))


def _sheet_table(data: Sheet, lang: str
                 ) -> tuple[str, list[str], list[bool], _Rows, list[list[str]]]:
    """A sheet's title, headers, alignment, formatted rows and totals (its rows read once)."""
    cols = data.human_columns(terminal=True)
    headers = [data.columns[i].title(lang) for i in cols]
    right = [data.columns[i].numeric for i in cols]
    shown = [(shower(data.columns[i], lang), i) for i in cols]
    rows, previous, warn = _Rows(len(cols)), None, data.warn
    for row in data.rows:
        cells = [cell(row[i]) for cell, i in shown]
        first = cells[0]
        if first == previous:
            cells[0] = ""
        previous = first
        rows.add(cells, bool(warn and warn(row)))
    totals = [[cell(row[i]) for cell, i in shown] for row in data.totals]
    return data.title, headers, right, rows, totals


def _print_table(title: str, headers: list[str], right: list[bool], rows: _Rows,
                 totals: list[list[str]], overflow: str = "ellipsis", file=None) -> None:
    """A table of text cells with totals rows in bold (and rows marked warn in colour), as rich
    draws it: on a terminal at its width and with the styles it can show, else plain."""
    if file is None and (sys.stdout.isatty() or os.environ.get("FORCE_COLOR")):
        out = console()  # a terminal: rich decides its width and which styles it can show
        warn_style = (out.is_terminal and out.color_system is not None
                      and ("1" if out.no_color else "1;33"))
        chunks = _table_chunks(title, headers, right, rows, totals, out.width, warn_style, out,
                               overflow)
    else:
        chunks = _table_chunks(title, headers, right, rows, totals, 200, False, None, overflow)
    write = (file or sys.stdout).write
    for chunk in chunks:
        write(chunk)


def _table_chunks(title: str, headers: list[str], right: list[bool], rows: _Rows,
                  totals: list[list[str]], width: int, warn_style: str | bool,
                  out: Console | None, overflow: str) -> Iterator[str]:
    """The table in pieces: by ``_lean_table`` where it can, else by rich (``overflow`` for
    its columns; printed straight to ``out`` when that is the terminal's console)."""
    lines = _lean_table(title, headers, right, rows, totals, width, warn_style)
    if lines is not None:
        yield from lines
        return
    table = _table(title)
    for header, numeric in zip(headers, right):
        table.add_column(header, justify="right" if numeric else "left", overflow=overflow)
    for cells, w, _ in rows:
        table.add_row(*cells, style="bold yellow" if w else None)
    if len(rows) or totals:
        table.add_section()
    for cells in totals:
        table.add_row(*cells, style="bold")
    if out is not None:
        out.print(table)
        return
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, highlight=False, markup=False).print(table)
    yield buffer.getvalue()


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


class _Rows:
    """A table's formatted rows, held compactly: the table of a national multi-year report has
    200,000 rows, which as lists of strings took hundreds of MiB. A row of only narrow
    characters (so without tabs or line breaks) is kept UTF-8 encoded, ``BLOCK`` rows to a
    bytes object, cells joined by tabs; any other row as it is. Column widths, and whether
    every cell is printable (else rich must draw the table), are measured on the way in."""

    BLOCK = 1_000

    def __init__(self, columns: int) -> None:
        self.widths = [0] * columns
        self.printable = True
        self.warn = bytearray()
        self._kept: list[bytes | list[str]] = []
        self._block: list[str] = []

    def add(self, cells: list[str], warn: bool = False) -> None:
        self.warn.append(warn)
        if _NARROW("".join(cells)):
            self.widths = list(map(max, self.widths, map(len, cells)))
            self._block.append("\t".join(cells))
            if len(self._block) == self.BLOCK:
                self._flush()
            return
        self.widths = list(map(max, self.widths, map(_cell_len, cells)))
        self.printable = self.printable and all(c.isprintable() for c in cells)
        self._flush()
        self._kept.append(list(cells))

    def _flush(self) -> None:
        if self._block:
            self._kept.append("\n".join(self._block).encode())
            self._block = []

    def __len__(self) -> int:
        return len(self.warn)

    def __iter__(self) -> Iterator[tuple[list[str], bool, Callable[[str], int]]]:
        """(cells, over budget, how to measure a cell) per row."""
        self._flush()
        warn = iter(self.warn)
        for kept in self._kept:
            if isinstance(kept, list):
                yield kept, next(warn), _cell_len
            else:
                for line in kept.decode().split("\n"):
                    yield line.split("\t"), next(warn), len

    @classmethod
    def of(cls, rows: list[list[str]], warn: list[bool] | None = None) -> _Rows:
        kept = cls(len(rows[0]) if rows else 0)
        for n, cells in enumerate(rows):
            kept.add(cells, bool(warn and warn[n]))
        return kept


def _lean_table(title: str, headers: list[str], right: list[bool], rows: _Rows,
                totals: list[list[str]], width: int, warn_style: str | bool
                ) -> Iterator[str] | None:
    """The table exactly as rich draws it (box, padding, title, section line before the totals)
    when it fits in ``width`` without wrapping, as pieces of text; None when rich must lay it
    out (a cell with a line break or control character, a table or title wider than the
    screen). rich's Table costs about 2 ms a row, so a national report of 10,000 rows took
    20 s; this takes milliseconds. ``warn_style`` is the SGR code for rows over budget, or
    False for no styles at all."""
    few = [headers, *totals]
    if not rows.printable or not all(_NARROW(c) or c.isprintable() for r in few for c in r):
        return None
    widths = rows.widths if len(rows) else [0] * len(headers)
    for cells in few:
        widths = list(map(max, widths, map(_cell_len, cells)))
    table_width = sum(widths) + 3 * len(widths) + 1
    if len(rows) <= LEAN_MAX_ROWS and table_width > width or _cell_len(title or "") > table_width:
        return None
    return _lean_lines(title, headers, right, rows, totals, widths, table_width, warn_style)


def _lean_lines(title: str, headers: list[str], right: list[bool], rows: _Rows,
                totals: list[list[str]], widths: list[int], table_width: int,
                warn_style: str | bool) -> Iterator[str]:
    def line(left: str, fill: str, mid: str, end: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + end + "\n"

    def template(edge: str, style: str | bool) -> str:
        on, off = (f"\x1b[{style}m", "\x1b[0m") if style else ("", "")
        return edge + edge.join(on + " {} " + off for _ in widths) + edge + "\n"

    def draw(cells: list[str], form: str, measure: Callable[[str], int] = _cell_len) -> str:
        if measure is len:  # as wide as long: str's own padding
            return form.format(*[pad(c, w) for pad, c, w in zip(justify, cells, widths)])
        gaps = [" " * (w - measure(c)) for c, w in zip(cells, widths)]
        return form.format(*(g + c if n else c + g for c, g, n in zip(cells, gaps, right)))

    justify = [str.rjust if n else str.ljust for n in right]

    bold = "1" if warn_style else False
    out = []
    if title:
        heading = title + " " * (table_width - _cell_len(title))
        out.append(f"\x1b[3m{heading}\x1b[0m\n" if warn_style else heading + "\n")
    out.append(line("┏", "━", "┳", "┓"))
    out.append(draw(headers, template("┃", bold)))
    out.append(line("┡", "━", "╇", "┩"))
    plain, warned = template("│", False), template("│", warn_style)
    for cells, w, measure in rows:
        out.append(draw(cells, warned if w else plain, measure))
        if len(out) >= _Rows.BLOCK:
            yield "".join(out)
            out = []
    if len(rows) and totals:
        out.append(line("├", "─", "┼", "┤"))
    out.extend(draw(cells, template("│", bold)) for cells in totals)
    out.append(line("└", "─", "┴", "┘"))
    yield "".join(out)


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
    rows = _Rows(2 + len(keys))
    for m in data["moves"]:
        rows.add([names.get(m["smederij"], m["smederij"]), m["stream"],
                  *(money(m[k], lang) for k in keys)])
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


def check(problems: list[str], file_checked: bool = True) -> None:
    from rich.text import Text

    from smederij_cli.store import PAGE_CHECK_MAX_BYTES

    if not problems:
        console().print(Text.assemble(("ok", "green"), ": every invariant holds"
                                      + ("" if file_checked else
                                         " (the file's pages were not read: it is larger than "
                                         f"{PAGE_CHECK_MAX_BYTES // 2**20} MiB; 'smederij "
                                         "check --deep' reads them too)")),
                        soft_wrap=True)
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
