"""Everything the terminal shows. The only module that imports rich.

Functions take the plain data the ledger returns (dicts of integer cents) and print it. Colour and
styles are rich's: it drops them when output is piped or when NO_COLOR is set.

rich is imported inside the functions that draw with it, never at the top: JSON output and large
report tables (drawn by ``_lean_table`` in rich's look, a thousand times faster) do without it.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from json.encoder import encode_basestring as _encode_string  # C, when built
from typing import TYPE_CHECKING, Any

from smederij_cli import labels
from smederij_cli.labels import counted, format_count, format_date, label, say
from smederij_cli.money import format_cents
from smederij_cli.text import escape
from smederij_cli.writers import Column, Sheet, show, shower

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

FIGURE_KEYS = ("carried_in_cents", "allocated_cents", "committed_cents", "spent_cents",
               "available_cents", "carried_out_cents", "lapsed_cents")


WIDE = False  # --wide: a table on a terminal gets its full rows, as piped output does


def show_wide(wide: bool) -> None:
    """``--wide`` given: tables keep every column and never wrap, whatever the terminal."""
    global WIDE
    WIDE = wide


def on_terminal() -> bool:
    """Whether standard output is a terminal (or FORCE_COLOR says to treat it as one)."""
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


class Text:
    """What ``rich.text.Text`` is to the functions here (text, parts of it styled), without
    loading rich (~20 ms of a ~90 ms start): printed plain when output is piped
    (``_PlainConsole``), drawn by rich on a terminal (``__rich__``: the same rich Text)."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts, self._made = [(text, style)], ("init", text, style)

    @classmethod
    def assemble(cls, *parts: str | tuple[str, str]) -> Text:
        made = cls()
        made.parts = [(p, "") if isinstance(p, str) else p for p in parts]
        made._made = ("assemble", *parts)
        return made

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def __rich__(self) -> Any:
        from rich.text import Text as RichText

        how, *args = self._made
        return RichText(args[0], style=args[1]) if how == "init" else RichText.assemble(*args)


# What rich turns into an emoji in a printed string (":smile:"): such a line is left to rich.
_EMOJI_CODE = re.compile(r":\S*?:")


class _PlainConsole:
    """A rich Console's ``print`` for output that is not a terminal (no styles there), without
    loading rich: a line is written as it is when rich would write it so (narrow characters,
    no wider than ``width`` unless ``soft_wrap``, no emoji code in a string); anything else goes
    to the rich console ``make()`` returns, as before."""

    is_terminal, color_system, no_color = False, None, False

    def __init__(self, make: Callable[[], Console], width: int | None, file: Any) -> None:
        self._make, self._rich, self.width, self._file = make, None, width, file

    def print(self, *objects: Any, soft_wrap: bool = False, **options: Any) -> None:
        if len(objects) == 1 and not set(options) - {"markup", "highlight"}:
            item = objects[0]
            text = item.plain if isinstance(item, Text) else item
            if isinstance(text, str) and _NARROW(text) and not (
                    isinstance(item, str) and _EMOJI_CODE.search(text)) and (
                    soft_wrap or all(len(line) <= self.width for line in text.split("\n"))):
                (self._file or sys.stdout).write(text + "\n")
                return
        if self._rich is None:
            self._rich = self._make()
        self._rich.print(*objects, soft_wrap=soft_wrap, **options)


def _piped(stream: Any) -> bool:
    """Whether rich would see ``stream`` as no terminal (no styles, a fixed width)."""
    environ = os.environ
    return not (stream.isatty() or environ.get("FORCE_COLOR")
                or environ.get("TTY_COMPATIBLE") == "1")


def console() -> Console:
    if _piped(sys.stdout):  # piped: plain lines, rich only for what only it can draw
        return _PlainConsole(_rich_console, 200, None)  # type: ignore[return-value]
    return _rich_console()


def _rich_console() -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich ends the program with status 1 when the reader has gone (`| head`); hand it
            # to the console script's one rule instead (cli.main: a closed pipe is quiet, 0)
            import errno

            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    # Piped output gets a wide fixed width so tables are not wrapped at 80 columns; a terminal
    # its own width (or COLUMNS).
    # markup=False: titles, payees and notes are people's text, shown as typed ("[/]" included);
    # styles are applied explicitly with Text or markup=True on escaped text.
    return _Console(width=None if on_terminal() else 200, highlight=False, markup=False)


def err_console() -> Console:
    if _piped(sys.stderr):
        return _PlainConsole(_rich_err_console, 500, sys.stderr)  # type: ignore[return-value]
    return _rich_err_console()


def _rich_err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 500,
                   markup=False)


def error(message: str) -> None:
    """One line on stderr; a control character in it (from what was typed) shown escaped."""
    from smederij_cli.text import escape

    err_console().print(Text.assemble((say("render_error") + ":", "bold red"), " ",
                                      escape(message)), soft_wrap=True)


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
    """A rich table whose text cells show control characters escaped (``text.escape``)."""
    from rich.table import Table

    class EscapedTable(Table):
        def add_row(self, *cells: Any, **options: Any) -> None:
            super().add_row(*(escape(c) if isinstance(c, str) else c for c in cells), **options)

    return EscapedTable(title=title and escape(title), title_justify="left", show_footer=False,
                        **kwargs)


# Which columns of a sheet give way first when a terminal is too narrow for all of them (by
# their key; a column not named is always shown): in the report the flows between years before
# what a year holds; in a project list the counts and what was asked before what was promised;
# in a payment list what identifies the payment (date, project, amount) stays longest.
SHEET_DROP_ORDERS = (
    ("status", ("volunteers", "supporters", "cofunding", "theme", "requested", "paid", "year",
                "stream", "committed", "smederij")),
    ("payee", ("reversed", "reference", "payee", "stream", "smederij", "title")),
    ("available", ("carried_out_committed", "carried_out_available", "carried_out",
                   "carried_in", "lapsed", "used", "spent", "committed")),
)


def sheet_drop_order(keys: list[str]) -> list[int]:
    """The indices of a sheet's columns (``keys``) in the order they give way."""
    order = next((o for signature, o in SHEET_DROP_ORDERS if signature in keys), ())
    return [keys.index(k) for k in order if k in keys]


def sheet(data: Sheet, lang: str = "nl", file=None) -> None:
    """A report laid out by ``writers``: labels in ``lang``, totals rows in bold, budgets over
    90% used in colour. The first column is left blank where it repeats the row above."""
    keys = [data.columns[i].key for i in data.human_columns()]
    kinds = [data.columns[i].kind for i in data.human_columns()]
    _print_table(*_sheet_table(data, lang), overflow="fold", file=file,
                 loose=[kind == "text" and key != "reference" or key == "name"
                        for key, kind in zip(keys, kinds)],
                 drop=sheet_drop_order(keys))


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
    shown = [(_terminal_shower(data.columns[i], lang), i) for i in cols]
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


COUNTS = ("supporters", "volunteers")  # int columns that count people (1.200), not ids or years


def _terminal_shower(column: Column, lang: str) -> Callable[[Any], str]:
    """``writers.shower``, but a date as the terminal shows it (``short_date``: "1 dec 2026")
    and a count of people as the language writes it (``format_count``)."""
    if column.kind == "date":
        return lambda value: short_date(value, lang)
    if column.kind == "int" and column.key in COUNTS:
        return lambda value: format_count(value, lang) if type(value) is int else (
            show(column, value, lang))
    return shower(column, lang)


def short_date(value: Any, lang: str) -> str:
    """An ISO date (or timestamp) as a table column shows it: "1 dec 2026" (nl), "1 Dec 2026"
    (en); anything else as it is."""
    if value is None or value == "":
        return ""
    try:
        day = _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return escape(str(value))
    return format_date(day, lang, short=True)


def long_date(value: Any, lang: str) -> str:
    """An ISO date in a sentence: "1 december 2026" (nl), "1 December 2026" (en)."""
    try:
        return format_date(_dt.date.fromisoformat(str(value)[:10]), lang)
    except ValueError:
        return escape(str(value))


def _print_table(title: str, headers: list[str], right: list[bool], rows: _Rows,
                 totals: list[list[str]], overflow: str = "ellipsis", file=None,
                 loose: list[bool] | None = None, drop: list[int] = ()) -> None:
    """A table of text cells with totals rows in bold (and rows marked warn in colour), as rich
    draws it: on a terminal at its width and with the styles it can show, else plain.

    On a terminal no amount, date or code is ever broken across lines: only the ``loose``
    columns (people's text: names, titles, notes) may wrap, and where the columns still do not
    fit, those of ``drop`` give way in that order, named in a note under the table (``_fit``).
    ``--wide`` (``WIDE``) draws every column at full width instead, as piped output has it."""
    if file is not None or not on_terminal():  # piped: full rows, however wide (issue 12)
        for chunk in _table_chunks(title, headers, right, rows, totals, PIPED_WIDTH, False,
                                   None, overflow):
            (file or sys.stdout).write(chunk)
        return
    out = console()  # a terminal: rich decides its width and which styles it can show
    warn_style = (out.is_terminal and out.color_system is not None
                  and ("1" if out.no_color else "1;33"))
    loose = loose or [False] * len(headers)
    content = [max([w, *(_cell_len(t[i]) for t in totals)]) for i, w in
               enumerate(rows.widths if len(rows) else [0] * len(headers))]
    if WIDE:
        full = sum(max(w, _cell_len(h)) for w, h in zip(content, headers)) + 3 * len(headers) + 1
        chunks = _table_chunks(title, headers, right, rows, totals, max(out.width, full),
                               warn_style, None, overflow)
        kept, sizes = list(range(len(headers))), None
    else:
        kept, sizes = _fit(headers, loose, content, out.width, drop)
    dropped = [h for i, h in enumerate(headers) if i not in kept]
    if dropped:
        headers, right, loose = ([xs[i] for i in kept] for xs in (headers, right, loose))
        totals = [[cells[i] for i in kept] for cells in totals]
        shown = _Rows(len(kept))
        for cells, w, _ in rows:
            shown.add([cells[i] for i in kept], w)
        rows = shown
    if sizes is not None and len(rows) > LEAN_MAX_ROWS:  # too many rows for rich: cut the text
        headers = [_cut(h, w) for h, w in zip(headers, sizes)]
        totals = [[_cut(c, size) if wraps else c for c, size, wraps in zip(cells, sizes, loose)]
                  for cells in totals]
        cut = _Rows(len(headers))
        for cells, warn, _ in rows:
            cut.add([_cut(c, size) if wraps else c
                     for c, size, wraps in zip(cells, sizes, loose)], warn)
        rows, sizes = cut, None
    if WIDE:
        pass
    elif sizes is None:
        chunks = _table_chunks(title, headers, right, rows, totals, out.width, warn_style, out,
                               overflow)
    else:
        chunks = _sized_table(title, headers, right, loose, rows, totals, sizes, overflow, out)
    for chunk in chunks:
        sys.stdout.write(chunk)
    if dropped:
        out.print(Text(say("render_left_out", n=len(dropped), width=out.width,
                           columns=", ".join(" ".join(h.split()) for h in dropped)),
                       style="dim"))


# What wrapping text must keep on one line: an amount with its currency sign, else a word.
_UNBROKEN = re.compile(r"(?:€|EUR) -?[\d.,]*\d|\S+")


def _wrap(text: str, width: int) -> str:
    """``text`` wrapped at its spaces into lines of ``width`` cells, an amount with its
    currency sign kept together; a word longer than a line is cut (rich folds it)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in _UNBROKEN.findall(paragraph):
            if line and _cell_len(line) + 1 + _cell_len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in an ellipsis where it was cut."""
    if _cell_len(text) <= width:
        return text
    if _NARROW(text):
        return text[:width - 1] + "…"
    from rich.text import Text

    cut = Text(text)
    cut.truncate(width, overflow="ellipsis")
    return cut.plain


TEXT_MIN = 15  # a column of people's text is squeezed to no less than this (or its widest cell)


def _fit(headers: list[str], loose: list[bool], content: list[int], width: int,
         drop: Sequence[int]) -> tuple[list[int], list[int] | None]:
    """Which columns a terminal ``width`` wide shows, and how wide each is (None: as wide as
    they come, which fits): (the columns kept, by index; their widths or None).

    A column's cells (``content``: the widest of each) never break, except in the ``loose``
    columns, which may wrap down to ``TEXT_MIN``; headers wrap at their spaces. While even
    that is too wide, the columns of ``drop`` are left out, in that order; only when that is
    not enough either may a header break inside a word. Room left over goes to the text
    first, then to whole headers."""
    n = len(headers)
    words = [max((_cell_len(w) for w in h.split()), default=0) for h in headers]
    natural = [max(c, _cell_len(h)) for c, h in zip(content, headers)]

    def total(cols: list[int], sizes: list[int]) -> int:
        return sum(sizes[i] for i in cols) + 3 * len(cols) + 1

    kept = list(range(n))
    if total(kept, natural) <= width:
        return kept, None
    text_least = [min(natural[i], TEXT_MIN) if loose[i] else 0 for i in range(n)]
    for least in ([text_least[i] or max(content[i], words[i], 1) for i in range(n)],
                  [text_least[i] or max(content[i], 1) for i in range(n)]):
        kept, order = list(range(n)), [i for i in drop if i < n]
        while total(kept, least) > width and order:
            kept.remove(order.pop(0))
        if total(kept, least) <= width:
            break
    if total(kept, natural) <= width:
        return kept, None
    sizes = list(least)
    spare = width - total(kept, sizes)
    fixed = [i for i in kept if not loose[i]]
    text = [i for i in kept if loose[i]]
    for goal, columns in ((natural, text), (natural, fixed)):
        for i in columns:
            give = max(0, min(spare, goal[i] - sizes[i]))
            sizes[i] += give
            spare -= give
    return kept, [sizes[i] for i in kept]


def _sized_table(title: str, headers: list[str], right: list[bool], loose: list[bool],
                 rows: _Rows, totals: list[list[str]], sizes: list[int], overflow: str,
                 out: Console) -> Iterator[str]:
    """The table drawn by rich with the column widths ``_fit`` chose, printed to ``out``. The
    text of the ``loose`` columns is wrapped here (``_wrap``), so that an amount in it stays
    whole too."""
    table = _table(title)
    for header, numeric, size, wraps in zip(headers, right, sizes, loose):
        table.add_column(header, justify="right" if numeric else "left", width=size,
                         overflow=overflow if wraps else "fold")

    from rich.text import Text

    def wrapped(cells: list[str]) -> list[str | Text]:
        # escaped before it is wrapped: the line breaks of the wrapping are not shown as \x0a
        return [Text(_wrap(escape(c), size)) if wraps else c
                for c, size, wraps in zip(cells, sizes, loose)]

    for cells, w, _ in rows:
        table.add_row(*wrapped(cells), style="bold yellow" if w else None)
    if len(rows) or totals:
        table.add_section()
    for cells in totals:
        table.add_row(*wrapped(cells), style="bold")
    out.print(table)
    return iter(())


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


PIPED_WIDTH = 100_000  # piped output is never wrapped: a script or a file gets whole rows
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


def budget(data: dict, lang: str = "nl", streams: dict[str, str] | None = None) -> None:
    """``budget show``; ``streams``: the streams' names (code -> name) for the headers."""
    names = streams or {}
    headers = [label("smederij", lang)]
    for stream in data["streams"]:
        name = names.get(stream, stream)
        headers += [label("stream_allocated", lang, stream=name),
                    label("stream_available", lang, stream=name)]
    rows = _Rows(len(headers))
    totals = {s: [0, 0] for s in data["streams"]}
    for sm in data["smederijen"]:
        cells = []
        for stream in data["streams"]:
            f = sm["streams"][stream]
            cells += [money(f["allocated_cents"], lang), money(f["available_cents"], lang)]
            totals[stream][0] += f["allocated_cents"]
            totals[stream][1] += f["available_cents"]
        rows.add([sm["name"], *cells])
    _print_table(label("budget_title", lang, year=data["year"]), headers,
                 [False] + [True] * (len(headers) - 1), rows,
                 [[label("total", lang),
                   *(money(c, lang) for s in data["streams"] for c in totals[s])]],
                 loose=[True] + [False] * (len(headers) - 1))
    moves: dict[int, dict] = {}
    for m in data["moves"]:
        moves.setdefault(m["txn"], {**m, "total": 0})["total"] += max(m["amount_cents"], 0)
    if moves:
        from smederij_cli.history import move_text

        postings: dict[int, list[dict]] = {}
        for m in data["moves"]:
            postings.setdefault(m["txn"], []).append(m)
        history = _Rows(5)
        for m in moves.values():
            history.add([str(m["txn"]), short_date(m["date"], lang),
                         label(f"move_{m['kind']}", lang),
                         move_text(data["year"], postings[m["txn"]], lang),
                         money(m["total"], lang)])
        _print_table(label("moves_title", lang),
                     [label(k, lang) for k in ("txn", "date", "move_kind", "description",
                                               "amount")],
                     [False, False, False, False, True], history, [],
                     loose=[False, False, False, True, False], drop=[2])


def allocation(shares: dict[str, int], names: dict[str, str], title: str,
               lang: str = "nl") -> None:
    table = _table(title)
    table.add_column(label("smederij", lang))
    table.add_column(label("share", lang), justify="right")
    for code, cents in shares.items():
        table.add_row(names.get(code, code), money(cents, lang))
    table.add_section()
    table.add_row(label("total", lang), money(sum(shares.values()), lang), style="bold")
    console().print(table)


def rollover(data: dict, names: dict[str, str], closed_at: str | None,
             lang: str = "nl") -> None:
    year, nxt, totals = data["year"], data["next_year"], data["totals"]
    if data["status"] == "already_rolled_over":
        message(say("render_rollover_already_on", lang, year=year,
                    date=long_date(closed_at, lang)) if closed_at else
                say("render_rollover_already", lang, year=year))
        return
    dry_run = data["status"] == "dry_run"
    title = (label("rollover_title", lang, year=year, next=nxt)
             + (f" ({say('dry_run_nothing', lang)})" if dry_run else ""))
    keys = ("carried_cents", "lapsed_cents", "commitments_carried_cents")
    rows = _Rows(2 + len(keys))
    for m in data["moves"]:
        rows.add([names.get(m["smederij"], m["smederij"]), m["stream"],
                  *(money(m[k], lang) for k in keys)])
    _print_table(title, [label(k, lang) for k in ("smederij", "stream", "carried", "lapsed",
                                                   "commitments_carried")],
                 [False, False, True, True, True], rows,
                 [[label("total", lang), "", *(money(totals[k], lang) for k in keys)]])
    message(say("render_rollover_would" if dry_run else "render_rollover_done", lang,
                year=year, next=nxt, carried=money(totals["carried_cents"], lang),
                commitments=money(totals["commitments_carried_cents"], lang),
                lapsed=money(totals["lapsed_cents"], lang)))


def smederijen(rows: list[dict], lang: str = "nl", streams: dict[str, str] | None = None
               ) -> None:
    """``smederijen list``; ``streams``: the streams' names (code -> name) for the headers."""
    codes = sorted({s for r in rows for s in r.get("available", {})})
    names = streams or {}
    headers = [*(label(k, lang)
                 for k in ("code", "name", "kind_column", "team", "inhabitants")),
               *(label("stream_available", lang, stream=names.get(s, s)) for s in codes)]
    inactive = f" ({say('render_inactive', lang)})"
    table = _Rows(len(headers))
    for r in rows:
        table.add([r["code"], r["name"] + ("" if r["active"] else inactive),
                   label(r["kind"], lang), r["team"] or "", format_count(r["inhabitants"], lang),
                   *(money(r["available"].get(s, 0), lang) for s in codes)])
    _print_table("", headers, [False] * 4 + [True] * (1 + len(codes)), table, [],
                 loose=[False, True] + [False] * (len(headers) - 2),
                 drop=[2, 4, 3])


def smederij(row: dict, lang: str = "nl") -> None:
    out = console()
    about = say("render_smederij_about", lang, code=row["code"], kind=label(row["kind"], lang),
                team=row["team"] or "-", inhabitants=format_count(row["inhabitants"], lang))
    out.print(Text.assemble((escape(row["name"]), "bold"), " ", escape(about)
                            + ("" if row["active"] else f", {say('render_inactive', lang)}")))
    rows = _Rows(1 + len(FIGURE_KEYS))
    for stream, f in row["streams"].items():
        rows.add([stream, *(money(f[k], lang) for k in FIGURE_KEYS)])
    keys = ["stream", *(k.removesuffix("_cents") for k in FIGURE_KEYS)]
    _print_table(label("budget_title", lang, year=row["year"]), [label(k, lang) for k in keys],
                 [False] + [True] * len(FIGURE_KEYS), rows, [],
                 drop=sheet_drop_order(keys))


def projects(rows: list[dict], lang: str = "nl", title: str | None = None) -> None:
    from smederij_cli.writers import projects_sheet

    sheet(projects_sheet(rows, lang, title), lang)


def project(p: dict, lang: str = "nl") -> None:
    out = console()
    out.print(Text(say("render_project_title", lang, id=p["id"], title=escape(p["title"])),
                   style="bold"))
    where = say("render_project_where", lang, name=escape(p["smederij_name"]),
                code=p["smederij"], stream=p["stream"], year=p["year"],
                theme=label(p["theme"], lang) if p["theme"] else "-")
    out.print(Text.assemble(where, " ", (label(p["status"], lang), "bold")))
    out.print(say("render_project_people", lang, requested=money(p["requested_cents"], lang),
                  supporters=format_count(p["supporters"], lang),
                  volunteers=format_count(p["volunteers"], lang)))
    for source, cents in p["cofunding"].items():
        out.print(say("render_project_cofunding", lang, source=escape(source),
                      amount=money(cents, lang)))
    out.print(say("render_project_money", lang, committed=money(p["committed_cents"], lang),
                  paid=money(p["paid_cents"], lang), released=money(p["released_cents"], lang),
                  left=money(p["left_cents"], lang)))
    history = _Rows(4)
    for e in p["history"]:
        history.add([short_date(e["date"], lang),
                     label(e["from_status"], lang) if e["from_status"] else "",
                     label(e["to_status"], lang), e["note"]])
    _print_table(label("history", lang),
                 [label(k, lang) for k in ("date", "from_status", "to_status", "note")],
                 [False] * 4, history, [], loose=[False, False, False, True])
    if p["payments"]:
        payments(p["payments"], lang, title=label("payments", lang))


def payments(rows: list[dict], lang: str = "nl", title: str | None = None) -> None:
    from smederij_cli.writers import payments_sheet

    sheet(payments_sheet(rows, lang, title), lang)


def audit_log(rows: list[dict], lang: str = "nl") -> None:
    """``smederij log``: each row's line made in the reader's language from its notes
    (``history.text``), its time as the reader writes dates."""
    from smederij_cli import history
    from smederij_cli.labels import say

    if not rows:
        console().print(say("log_nothing", lang))
        return
    table = _Rows(5)
    for r in rows:
        table.add([escape(str(v)) for v in (r["id"], history.when(r["recorded_at"], lang),
                                            r["actor"], history.text(r, lang), r["command"])])
    _print_table(say("log_title", lang),
                 [label(k, lang) for k in ("id", "log_when", "log_who", "log_what",
                                           "log_command")],
                 [False] * 5, table, [], overflow="fold",
                 loose=[False, False, False, True, True], drop=[4, 2])


def check(problems: list[str], file_checked: bool = True, lang: str | None = None) -> None:
    """``check``: its ok line, or each problem (in the words ledger.py chose) and their
    number; ``lang``: the run's language (default ``labels.message_language``)."""
    from smederij_cli.store import PAGE_CHECK_MAX_BYTES

    if not problems:
        ok = say("render_check_ok", lang)
        if not file_checked:
            ok += f" ({say('render_check_pages', lang, mib=PAGE_CHECK_MAX_BYTES // 2**20)})"
        console().print(Text.assemble(("ok", "green"), ": " + ok), soft_wrap=True)
        return
    out = console()
    for p in problems:
        out.print(Text.assemble((say("render_violation", lang) + ":", "red"), " ", p),
                  soft_wrap=True)
    out.print(say("render_violations", lang, n=format_count(len(problems), lang
                                                            or labels.message_language)))


def info(data: dict, lang: str | None = None) -> None:
    """``info``: where the ledger is and what it holds (counts as ``lang`` writes them)."""
    lang = lang or labels.message_language
    years = ", ".join(f"{y['year']} ({label('year_' + y['status'], lang)})"
                      for y in data["years"]) or say("render_none_yet", lang)
    lines = [("info_ledger", data["path"]),
             ("info_schema", f"{data['schema_version']} ({data['schema_step']})"),
             *((f"info_{key}", format_count(data[key], lang))
               for key in ("smederijen", "projects", "payments", "transactions", "postings")),
             ("info_years", years)]
    width = max(16, *(len(label(key, lang)) + 2 for key, _ in lines))
    out = console()
    for key, value in lines:
        out.print(f"{label(key, lang) + ':':<{width}}{value}")


SHOWN = 5  # items shown under a line of 'smederij status' (all of them in --json)


def status(data: dict, lang: str = "nl") -> None:
    """``smederij status``: one line per thing that needs attention, each followed by the
    command that deals with it, and the items under it. Plain text: it runs often."""
    lines: list[str] = []

    def item(text: str, command: str, details: list[str] = ()) -> None:
        lines.append(text)
        lines.extend(f"    {d}" for d in details)
        lines.append(f"    → {command}")

    y = data["open_year"]
    if y["days_left"] >= 0:
        item(say("status_year", lang, year=y["year"], days=counted(y["days_left"], "n_days", lang),
                 end=long_date(y["ends"], lang)),
             y["command"])
    else:
        item(say("status_year_over", lang, year=y["year"],
                 days=counted(-y["days_left"], "n_days", lang)), y["command"])
    for key, rows, describe, command, things in (
            ("status_proposals", data["proposals_waiting"],
             lambda p: f"{p['id']:>5}  {p['smederij']}  {p['title']}  "
                       + say("status_since", lang, date=long_date(p["since"], lang),
                             days=counted(p["days"], "n_days", lang)),
             "smederij project approve ID  |  smederij project reject ID", "n_projects"),
            ("status_idle", data["commitments_idle"],
             lambda p: f"{p['id']:>5}  {p['smederij']}  {p['title']}  "
                       + say("status_since", lang, date=long_date(p["since"], lang),
                             days=counted(p["days"], "n_days", lang)),
             "smederij payment add --project ID  |  smederij project complete ID  |  "
             "smederij project withdraw ID", "n_projects"),
            ("status_budgets", data["budgets_used"],
             lambda b: f"{b['name']}  {b['stream']} {b['year']}  " + say(
                 "status_used", lang, used=f"{b['used']:.0%}",
                 available=money(b["available_cents"], lang)),
             "smederij smederijen show SMEDERIJ", "n_budgets"),
            ("status_rounds", data["rounds_waiting"],
             lambda r: f"{r['id']:>5}  {r['name']}  {r['smederij']}  {r['stream']} {r['year']}"
                       f"  " + say(f"status_waiting_{r['waiting_for']}", lang),
             "smederij round count ID  |  smederij round award ID", "n_rounds")):
        if rows:
            command = rows[0]["command"] if len(rows) == 1 else command
            item(say(key, lang, n=counted(len(rows), things, lang)), command, [describe(r) for r in rows[:SHOWN]]
                 + ([f"… (+{len(rows) - SHOWN}: --json)"] if len(rows) > SHOWN else []))
    for key, mark in (("status_backup", data["last_backup"]),
                      ("status_check", data["last_check"])):
        when = (say("status_never", lang) if mark["at"] is None else
                say("status_today", lang, date=long_date(mark["at"], lang)) if not mark["days"]
                else say("status_ago", lang, date=long_date(mark["at"], lang),
                         days=counted(mark["days"], "n_days", lang)))
        item(say(key, lang, when=when), mark["command"])
    if not data["attention"]:
        lines.append(say("status_nothing", lang))
    sys.stdout.write("\n".join(lines) + "\n")


def message(text: str) -> None:
    from smederij_cli.text import escape

    text = escape(text)
    if not on_terminal():  # piped or captured: the line as it is, without loading rich
        sys.stdout.write(text + "\n")
        return
    console().print(text, markup=False, highlight=False)
