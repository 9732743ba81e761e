"""Reports as files: CSV, Markdown, XLSX and self-contained HTML listings (the HTML annual
report is ``annual.py``).

Rendering only: these functions take the plain dicts the ledger returns (money in integer cents)
and turn them into text or bytes. No SQL, no rules, no terminal. A report is first laid out as
``Sheet``s (columns, rows of raw values, totals rows); each format then draws the same sheets, and
``render.py`` draws them in the terminal.

Two promises: CSV headers and cell values are stable English names and codes (money as plain
numbers), while table, Markdown, HTML and XLSX use the chosen language's labels and money; and text
that residents typed never becomes a spreadsheet formula in CSV or XLSX (CSV: a leading ' ;
XLSX: a plain text cell, shown as typed). CSV follows the report's language: ';' and a decimal
comma for nl, ',' and a decimal point for en, UTF-8 with a byte order mark.
"""

from __future__ import annotations

import datetime as _dt
import io
import itertools
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from smederij_cli import labels
from smederij_cli.labels import counted, format_count, format_date, label, say
from smederij_cli.money import format_cents
from smederij_cli.text import escape

FIGURES = ("carried_in", "allocated", "committed", "spent", "available", "carried_out",
           "lapsed")
# The columns of a report: FIGURES, with what was carried out split into available budget and
# commitments for the people reading it (CSV also keeps the whole carried_out).
COLUMN_FIGURES = ("carried_in", "allocated", "committed", "spent", "available", "carried_out",
                  "carried_out_available", "carried_out_committed", "lapsed")
USED_WARNING = 0.9  # a budget more than 90% committed or spent is highlighted
ACTIVE = ("approved", "in_progress", "completed")  # projects that got money
STATUSES = ("proposed", "approved", "in_progress", "completed", "rejected", "withdrawn")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# -- the layout shared by every format ------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column. ``key`` is the stable English header (CSV); ``kind`` says how to show it:
    ``text`` (typed by a person: neutralised in spreadsheets), ``code`` (shown as is), ``label``
    (a code shown in the reader's language), ``name`` (a code shown as its name from ``names``,
    e.g. a Smederij's or a stream's), ``date`` (an ISO date), ``money`` (cents), ``int`` or
    ``share`` (0..1). CSV shows codes and ISO dates whatever the kind."""

    key: str
    kind: str = "code"
    human: bool = True  # shown in table, Markdown, HTML and XLSX (False: CSV and JSON only)
    heading: str = ""  # the label's key when it is not ``key``
    names: dict[str, str] | None = field(default=None, compare=False)  # code -> name
    terminal: bool = True  # False: in the files, but not in the terminal's narrow table

    def title(self, lang: str) -> str:
        return label(self.heading or self.key, lang)

    @property
    def numeric(self) -> bool:
        return self.kind in ("money", "int", "share")


@dataclass
class Sheet:
    """``rows`` may be a one-pass iterator, read once by whichever format draws the sheet (a
    multi-year report is laid out a year at a time, never whole); ``totals`` is complete once
    ``rows`` has been read."""

    name: str  # the XLSX sheet's name
    title: str
    columns: list[Column]
    rows: Iterable[list[Any]] = field(default_factory=list)
    totals: list[list[Any]] = field(default_factory=list)
    warn: Callable[[list[Any]], bool] | None = None  # row -> budget over USED_WARNING used

    def human_columns(self, terminal: bool = False) -> list[int]:
        """The columns people read (in the terminal: without those it has no room for)."""
        return [i for i, c in enumerate(self.columns) if c.human and (c.terminal or not terminal)]


def used_share(f: dict) -> float:
    total = f["carried_in_cents"] + f["allocated_cents"]  # to spend (movements.to_spend)
    return (f["spent_cents"] + f["committed_cents"]) / total if total > 0 else 0.0


def scope(filters: dict | None, lang: str) -> str:
    """What a filtered report is limited to, for its title ("" when it is not filtered)."""
    filters = filters or {}
    parts = [f"{label(key, lang)} {filters[key]}" for key in ("smederij", "stream")
             if filters.get(key)]
    return f" ({', '.join(parts)})" if parts else ""


def sheet_name(what: str, lang: str, when: Any, filters: dict | None = None) -> str:
    """An XLSX sheet's name: what it holds, its year(s) and its filters, e.g. "Projecten 2026
    krakeel" (Excel allows 31 characters)."""
    filters = filters or {}
    codes = [filters[key] for key in ("smederij", "stream") if filters.get(key)]
    return " ".join([label(what, lang), str(when), *codes])[:31]


def show(column: Column, value: Any, lang: str) -> str:
    """A cell as a person reads it."""
    if value is None or value == "":
        return ""
    if column.kind == "money":
        return format_cents(value, lang)
    if column.kind == "share":
        return f"{value:.0%}"
    if column.kind == "label":
        return label(value, lang)
    if column.kind == "name":
        return escape(str((column.names or {}).get(value, value)))
    return escape(str(value))  # a person's text as one line, control characters escaped


def shower(column: Column, lang: str) -> Callable[[Any], str]:
    """``show`` for one column, decided once: what tables of many rows format cells with. Money
    (most cells of a report, a third of them zero) goes straight to ``format_cents``."""
    if column.kind != "money":
        return lambda value: show(column, value, lang)
    zero = format_cents(0, lang)

    def money(value: Any) -> str:
        if type(value) is int:
            return format_cents(value, lang) if value else zero
        return show(column, value, lang)
    return money


def _figure_columns() -> list[Column]:
    return ([Column(k, "money", human=k != "carried_out") for k in COLUMN_FIGURES]
            + [Column("used", "share")])


def _figure_cells(f: dict) -> list[Any]:
    return [f.get(f"{k}_cents", 0) for k in COLUMN_FIGURES] + [used_share(f)]


def _over_budget(row: list[Any]) -> bool:
    return row[-1] > USED_WARNING  # the figure rows end with the used share


def _figure_rows(report: dict, *lead: Any) -> Iterator[list[Any]]:
    for sm in report["smederijen"]:
        for stream, f in sm["streams"].items():
            yield [*lead, sm["code"], sm["name"], stream, *_figure_cells(f)]


def _stream_column(names: dict[str, dict[str, str]] | None) -> Column:
    return Column("stream", "name", names=(names or {}).get("stream"))


def report_sheet(data: dict, lang: str, names: dict[str, dict[str, str]] | None = None
                 ) -> Sheet:
    """One year, per Smederij and stream, with a totals row. ``names``: {"smederij": {code:
    name}, "stream": {code: name}}, what people read instead of the codes."""
    filters = data.get("filters")
    return Sheet(sheet_name("smederijen", lang, data["year"], filters),
                 label("report_title", lang, year=data["year"]) + scope(filters, lang),
                 [Column("smederij", human=False), Column("name", heading="smederij"),
                  _stream_column(names)] + _figure_columns(), rows=_figure_rows(data),
                 totals=[["", label("total", lang), "", *_figure_cells(data["totals"])]],
                 warn=_over_budget)


def overview_sheet(data: dict, lang: str, names: dict[str, dict[str, str]] | None = None
                   ) -> Sheet:
    """Several years: per year, Smederij and stream; a totals row per year and one overall.
    ``data`` is ``Ledger.overview``'s: its years are read one at a time, as the rows are."""
    when = f"{data['from']}–{data['to']}"
    filters = data.get("filters")
    sheet = Sheet(sheet_name("smederijen", lang, when, filters),
                  label("overview_title", lang, start=data["from"], end=data["to"])
                  + scope(filters, lang),
                  [Column("year", "int"), Column("smederij", human=False),
                   Column("name", heading="smederij"),
                   _stream_column(names)] + _figure_columns(), warn=_over_budget)

    def rows() -> Iterator[list[Any]]:
        for report in data["years"]:
            yield from _figure_rows(report, report["year"])
            sheet.totals.append([report["year"], "", label("total", lang), "",
                                 *_figure_cells(report["totals"])])
        sheet.totals.append([f"{data['from']}–{data['to']}", "", label("total", lang), "",
                             *_figure_cells(data["totals"])])

    sheet.rows = rows()
    return sheet


PROJECT_MONEY = ("requested_cents", "committed_cents", "paid_cents", "cofunding_cents")


def status(p: dict) -> str:
    """The status a report counts a project in: as at the close of a closed year
    (``status_at_close``), else as it is now."""
    return p.get("status_at_close") or p["status"]


def counts_people(p: dict) -> bool:
    """Whether a project's co-funding and volunteers count, in every format: a funded project
    (approved, in progress or completed) in its own year. A project carried into a later year
    is listed there too, but counted once, in its own year (``carried_from`` is None there)."""
    return status(p) in ACTIVE and not p.get("carried_from")


def projects_sheet(rows: Iterable[Any], lang: str, title: str, name: str | None = None, *,
                   names: dict[str, dict[str, str]] | None = None) -> Sheet:
    """Projects; ``carried_from`` is the project's own year when it is listed in a later year
    its money was carried into (see ``Store.projects``). ``name``: the sheet's name (with its
    year); ``names`` as for ``report_sheet``."""
    names = names or {}
    sheet = Sheet(name or label("projects", lang), title, [
        Column("id", "int"), Column("year", "int"),
        Column("smederij", "name", names=names.get("smederij")), _stream_column(names),
        Column("title", "text"), Column("theme", "label"), Column("status", "label"),
        Column("requested", "money"), Column("committed", "money"), Column("paid", "money"),
        Column("cofunding", "money"), Column("supporters", "int"), Column("volunteers", "int"),
        Column("carried_from", "int"), Column("submitted", "date", terminal=False),
        Column("approved", "date", heading="approved_on", terminal=False)])

    def laid_out() -> Iterator[list[Any]]:  # only if a format reads it; totals as it goes
        n, money, people = 0, [0] * len(PROJECT_MONEY), [0, 0]
        funded = [0, 0, 0]  # projects, co-funding, volunteers that count (counts_people)
        for p in rows:
            n += 1
            cents = [p[k] for k in PROJECT_MONEY]
            money = [a + b for a, b in zip(money, cents)]
            people = [people[0] + p["supporters"], people[1] + p["volunteers"]]
            if counts_people(p):
                funded = [funded[0] + 1, funded[1] + p["cofunding_cents"],
                          funded[2] + p["volunteers"]]
            yield [p["id"], p["year"], p["smederij"], p["stream"], p["title"], p["theme"],
                   p["status"], *cents, p["supporters"], p["volunteers"],
                   p.get("carried_from"), p.get("submitted"), p.get("approved")]
        sheet.totals.append(["", "", "", "", counted(n, "n_projects", lang), "", "",
                             *money, *people, "", "", ""])
        sheet.totals.append(["", "", "", "", label("n_counted", lang, n=funded[0]), "", "",
                             "", "", "", funded[1], "", funded[2], "", "", ""])

    sheet.rows = laid_out()
    return sheet


def reversal_text(pm: Any, lang: str) -> str:
    """When and why a payment was reversed, in ``lang``: the reason as typed, without the words
    the ledger stores around it in the reversal's description (kept as booked, for exports)."""
    reason = pm["reversal_reason"] or ""
    booked = f"Reversal of payment {pm['id']}: "
    reason = reason[len(booked):] if reason.startswith(booked) else reason
    day = _dt.date.fromisoformat(pm["reversal_date"][:10])
    return label("reversed_on", lang, date=format_date(day, lang, short=True), reason=reason)


def payments_sheet(rows: Iterable[Any], lang: str, title: str, name: str | None = None, *,
                   names: dict[str, dict[str, str]] | None = None) -> Sheet:
    """``name``: the sheet's name (with its year); ``names`` as for ``report_sheet``."""
    names = names or {}
    sheet = Sheet(name or label("payments", lang), title, [
        Column("id", "int"), Column("date", "date"), Column("project", "int"),
        Column("title", "text"), Column("smederij", "name", names=names.get("smederij")),
        _stream_column(names), Column("payee", "text"),
        Column("reference", "text"), Column("amount", "money"), Column("reversed", "text")])

    def laid_out() -> Iterator[list[Any]]:  # only if a format reads it; totals as it goes
        n = net = 0
        for pm in rows:
            n += 1
            net += 0 if pm["reversal_txn"] else pm["amount_cents"]
            yield [pm["id"], pm["date"], pm["project_id"], pm["title"], pm["smederij"],
                   pm["stream"], pm["payee"], pm["reference"] or "", pm["amount_cents"],
                   reversal_text(pm, lang) if pm["reversal_txn"] else ""]
        sheet.totals.append(["", "", "", counted(n, "n_payments", lang), "", "", "",
                             label("net_paid", lang), net, ""])

    sheet.rows = laid_out()
    return sheet


# -- CSV -------------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """Text a spreadsheet must never run as a formula: a leading = + - @ tab or CR gets a '."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_euros(cents: int, decimal: str = ".") -> str:
    """Cents as a plain number for spreadsheets: 123456 -> 1234.56 (or 1234,56)."""
    whole, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole}{decimal}{rest:02d}"


CHUNK_ROWS = 2_000  # rows per piece of text handed out by the streaming writers
BOM = "\ufeff"  # UTF-8's byte order mark: how Excel knows a CSV file is UTF-8 (accents survive)


def csv_style(lang: str, delimiter: str | None = None, decimal_comma: bool | None = None
              ) -> tuple[str, bool]:
    """(delimiter, decimal comma) of a CSV file in ``lang``: what a spreadsheet set to that
    language opens by double-click. Dutch Excel and LibreOffice split on ';' and read 1234,56 as
    a number; English ones split on ',' and read 1234.56. Given values override."""
    dutch = lang == "nl"
    return (delimiter if delimiter is not None else (";" if dutch else ","),
            decimal_comma if decimal_comma is not None else dutch)


def write_csv(sheet: Sheet, *, delimiter: str = ";", decimal_comma: bool = False) -> str:
    return "".join(csv_chunks(sheet, delimiter=delimiter, decimal_comma=decimal_comma))


def csv_chunks(sheet: Sheet, *, delimiter: str = ";", decimal_comma: bool = False
               ) -> Iterator[str]:
    """One row per record with the stable English headers; no totals rows (sum them in the
    spreadsheet); money in euros as plain numbers; codes, not labels. UTF-8 with a byte order
    mark (the BOM is the first piece). Handed out in pieces of ``CHUNK_ROWS`` rows."""
    import csv  # csv, html and decimal: only the formats that use them load them

    decimal = "," if decimal_comma else "."
    yield BOM
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.key for c in sheet.columns])
    for n, row in enumerate(sheet.rows, 1):
        cells = []
        for column, value in zip(sheet.columns, row):
            if value is None:
                cells.append("")
            elif column.kind == "money":
                cells.append(plain_euros(value, decimal))
            elif column.kind == "share":
                cells.append(f"{value:.4f}".replace(".", decimal))
            elif isinstance(value, str):
                cells.append(neutralise(escape(value)))
            else:
                cells.append(value)
        writer.writerow(cells)
        if n % CHUNK_ROWS == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


# -- Markdown --------------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def write_markdown(sheets: list[Sheet], lang: str) -> str:
    return "".join(markdown_chunks(sheets, lang))


def markdown_chunks(sheets: list[Sheet], lang: str) -> Iterator[str]:
    """Each sheet as a heading and a table, in pieces of ``CHUNK_ROWS`` lines."""
    for n, sheet in enumerate(sheets):
        cols = sheet.human_columns()
        lines = ["\n" if n else "", f"## {_md_cell(sheet.title)}\n\n",
                 "| " + " | ".join(sheet.columns[i].title(lang) for i in cols) + " |\n",
                 "|" + "|".join("---:" if sheet.columns[i].numeric else "---" for i in cols)
                 + "|\n"]
        shown = [(shower(sheet.columns[i], lang), i) for i in cols]
        for row in sheet.rows:
            lines.append("| " + " | ".join([_md_cell(cell(row[i])) for cell, i in shown])
                         + " |\n")
            if len(lines) >= CHUNK_ROWS:
                yield "".join(lines)
                lines = []
        for row in sheet.totals:
            cells = [show(sheet.columns[i], row[i], lang) for i in cols]
            lines.append("| " + " | ".join(f"**{_md_cell(c)}**" if c else "" for c in cells)
                         + " |\n")
        yield "".join(lines)


# -- XLSX ------------------------------------------------------------------------------------------

EURO_FORMAT = {"nl": '[$€-413] #,##0.00;[$€-413] -#,##0.00',
               "en": '[$€-1809]#,##0.00;-[$€-1809]#,##0.00'}
DATE_FORMAT = {"nl": "d-m-yyyy", "en": "d mmm yyyy"}
PAGE_FOOTER = {"nl": "Pagina &P van &N", "en": "Page &P of &N"}


XLSX_MAX_ROWS = 1_048_576  # Excel's limit per sheet, the title and header rows included
XLSX_WIDTH_ROWS = 2_000  # columns are sized to the header and the first rows
XLSX_HEAD_ROWS = 2  # the sheet's title (the document's title and its year), the column headers


def interleaved(sheet: Sheet) -> Iterator[tuple[list[Any], bool]]:
    """(row, is a totals row) in reading order: a totals row that a sheet's rows add while they
    are read (a multi-year report's totals of one year) comes right after that year's rows,
    before the next row; the rest (and those known before any row was read) come last."""
    known = len(sheet.totals)
    shown = known
    for row in sheet.rows:
        while shown < len(sheet.totals):
            yield sheet.totals[shown], True
            shown += 1
        yield row, False
    for row in sheet.totals[shown:] + sheet.totals[:known]:
        yield row, True


def write_xlsx(sheets: list[Sheet], lang: str, title: str = "") -> bytes:
    """A workbook with one sheet per ``Sheet``: numbers stored as numbers (euros as exact
    decimals) with a euro format, dates as dates, text typed by residents as plain text cells
    (shown as typed, never run as a formula). Each sheet opens with its title (and so its year)
    above the header row, which is frozen, filtered and printed on every page; a multi-year
    sheet has each year's totals below that year's rows; totals in bold; columns sized; printed
    landscape on A4, fit to the page's width, with the title and page numbers. ``title`` is the
    document's title (its properties); by default the first sheet's.

    Written in openpyxl's write-only mode, which streams the rows of each sheet to a temporary
    file instead of holding a cell object for every value: a national report has hundreds of
    thousands of rows (its normal mode took more than 300 MiB and minutes for one year). Column
    widths must be known before the first row is written, so they follow the header and the
    first XLSX_WIDTH_ROWS rows. A sheet longer than Excel can open is refused."""
    from openpyxl import Workbook  # only this format needs it

    book = Workbook(write_only=True)
    book.properties.title = title or (sheets[0].title if sheets else "")
    book.properties.creator = "smederij"
    book.properties.language = {"nl": "nl-NL", "en": "en-GB"}.get(lang, lang)
    try:
        for sheet in sheets:
            _xlsx_sheet(book, sheet, lang)
    except BaseException:
        for ws in book.worksheets:  # end each sheet's open stream, so nothing is left behind
            ws.close()
        raise
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_sheet(book, sheet: Sheet, lang: str) -> None:
    """One sheet of ``write_xlsx``, streamed into ``book``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from decimal import Decimal

    from openpyxl.worksheet.properties import PageSetupProperties

    from smederij_cli.errors import InvalidInput

    bold = Font(bold=True)
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid",
                                                                             fgColor="1F3A5F")
    warn_fill = PatternFill("solid", fgColor="FCE8C3")
    euro = EURO_FORMAT.get(lang, EURO_FORMAT["en"])
    date_format = DATE_FORMAT.get(lang, DATE_FORMAT["en"])
    ws = book.create_sheet(_sheet_name(sheet.name, book.sheetnames))
    cols = sheet.human_columns()
    columns = [sheet.columns[i] for i in cols]
    kinds = [c.kind for c in columns]
    over = sheet.warn or (lambda row: False)
    rows = ((row, is_total, not is_total and over(row)) for row, is_total in interleaved(sheet))
    first = list(itertools.islice(rows, XLSX_WIDTH_ROWS))
    titles = [c.title(lang) for c in columns]
    widths = [len(t) for t in titles]
    for row, _, _ in first:
        for n, i in enumerate(cols):
            widths[n] = max(widths[n], len(show(sheet.columns[i], row[i], lang)))
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = min(max(width + 2, 6), 60)
    ws.freeze_panes = f"A{XLSX_HEAD_ROWS + 1}"
    # printing: landscape A4, every column on the page's width, as many pages down as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)  # before any row
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"1:{XLSX_HEAD_ROWS}"
    ws.oddHeader.center.text = sheet.title.replace("&", "&&")
    ws.oddFooter.center.text = PAGE_FOOTER.get(lang, PAGE_FOOTER["en"])
    heading = WriteOnlyCell(ws, value=sheet.title)
    heading.font = Font(bold=True, size=14, color="1F3A5F")
    heading.data_type = "s"  # whatever it starts with
    ws.append([heading])
    header = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    ws.append(header)
    written = XLSX_HEAD_ROWS
    for row, is_total, warn in itertools.chain(first, rows):
        written += 1
        if written > XLSX_MAX_ROWS:
            raise InvalidInput(say("cli_sheet_too_long", sheet=sheet.name,
                                   most=format_count(XLSX_MAX_ROWS - XLSX_HEAD_ROWS,
                                                    labels.message_language)))
        cells = []
        for column, kind, i in zip(columns, kinds, cols):
            value = row[i]
            if kind == "money" and value != "":
                value = Decimal(value) / 100
            elif kind in ("label", "name") and value:
                value = show(column, value, lang)
            elif kind == "date" and value and not is_total:
                value = _dt.date.fromisoformat(str(value)[:10])
            elif isinstance(value, str):  # control characters escaped (openpyxl refuses them)
                value = escape(value) if value else None
            cell = WriteOnlyCell(ws, value=value)
            if cell.data_type == "f":  # text starting with '=': a string, never a formula
                cell.data_type = "s"
            if kind == "money":
                cell.number_format = euro
            elif kind == "share":
                cell.number_format = "0%"
            elif kind == "date":
                cell.number_format = date_format
            if is_total:
                cell.font = bold
            elif warn:
                cell.fill = warn_fill
            cells.append(cell)
        ws.append(cells)
    if written > XLSX_HEAD_ROWS or cols:
        ws.auto_filter.ref = (f"A{XLSX_HEAD_ROWS}:{get_column_letter(max(len(cols), 1))}"
                              f"{written}")


def _sheet_name(name: str, taken: list[str]) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\, not taken already."""
    for bad in "[]:*?/\\":
        name = name.replace(bad, "-")
    candidate, n = name[:31], 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = name[:31 - len(suffix)] + suffix, n + 1
    return candidate


# -- HTML listings (the annual report is annual.py) ----------------------------------------------

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#eef1f5;color:#1d2733;font:15px/1.45 "Segoe UI",Roboto,"Helvetica Neue",
Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:0 28px 40px}
.wide main,.wide header .in{max-width:1600px}
header{background:#1f3a5f;color:#fff;padding:34px 0 30px;margin-bottom:26px}
header .in{max-width:1180px;margin:0 auto;padding:0 28px}
header h1{margin:0;font-size:32px;font-weight:600;letter-spacing:.2px}
header p{margin:6px 0 0;color:#c9d6e6;font-size:16px}
h2{font-size:20px;margin:34px 0 6px;color:#1f3a5f;border-bottom:2px solid #d5dce5;
padding-bottom:6px}
p.note{margin:0 0 12px;color:#5b6675;font-size:13.5px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:14px}
.card{background:#fff;border-radius:8px;padding:16px 18px;box-shadow:0 1px 2px rgba(0,0,0,.08);
border-top:4px solid #1f3a5f}
.card .k{font-size:13px;color:#5b6675;text-transform:uppercase;letter-spacing:.6px}
.card .v{font-size:24px;font-weight:600;margin-top:4px;white-space:nowrap}
.card .s{font-size:13px;color:#5b6675}
.panel{background:#fff;border-radius:8px;padding:18px 20px;box-shadow:0 1px 2px rgba(0,0,0,.08);
overflow-x:auto}
.legend{display:flex;gap:18px;flex-wrap:wrap;font-size:13px;margin:0 0 8px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;
vertical-align:-1px}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{padding:6px 8px;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:top}
td.n{white-space:nowrap}
th{background:#f4f6f9;color:#1f3a5f;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:700;border-top:2px solid #1f3a5f;background:#f4f6f9}
tr.warn td{background:#fff4df}
.two{display:grid;grid-template-columns:1fr 1fr;gap:18px}
svg text{font:12.5px "Segoe UI",Roboto,Arial,sans-serif;fill:#1d2733}
.gap{height:18px}
.card.spent{border-top-color:#1f4e79}.card.committed{border-top-color:#e39b2d}
.card.available{border-top-color:#7fb77e}.card.people{border-top-color:#8c6d9e}
footer{color:#5b6675;font-size:12.5px;margin-top:30px}
"""


def _sum_figures(items: list[dict]) -> dict:
    """The figures of consecutive years as one statement of movements (``movements.py``):
    carried-in money is counted once, as the opening balance, not once per year."""
    from smederij_cli.movements import statement

    return statement(items)


def _html_table(head: list[tuple[str, bool]], rows: list[tuple[list[str], str]]) -> str:
    """(header, numeric) columns; rows of (escaped-later cells, css class)."""
    import html

    out = ["<table><thead><tr>"]
    out += [f'<th{" class=n" if num else ""}>{html.escape(h)}</th>' for h, num in head]
    out.append("</tr></thead><tbody>")
    for cells, cls in rows:
        out.append(f'<tr class="{cls}">' if cls else "<tr>")
        out += [f'<td{" class=n" if num else ""}>{html.escape(c)}</td>'
                for c, (_, num) in zip(cells, head)]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _page(heading: str, subtitle: str, body: str, lang: str, wide: bool = False) -> str:
    import html

    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{html.escape(heading)}</title><style>{CSS}</style></head>"
            f"<body{' class=wide' if wide else ''}>"
            f'<header><div class="in"><h1>{html.escape(heading)}</h1>'
            f"<p>{html.escape(subtitle)}</p></div></header>"
            f"<main>{body}</main></body></html>\n")


def write_html_sheets(sheets: list[Sheet], lang: str, *, heading: str, subtitle: str) -> str:
    """Plain listings (projects, payments) as one self-contained page of tables."""
    import html

    body = []
    for sheet in sheets:
        cols = sheet.human_columns()
        head = [(sheet.columns[i].title(lang), sheet.columns[i].numeric) for i in cols]
        rows = [([show(sheet.columns[i], row[i], lang) for i in cols], "") for row in sheet.rows]
        rows += [([show(sheet.columns[i], row[i], lang) for i in cols], "total")
                 for row in sheet.totals]
        title = sheet.title or sheet.name
        body.append(("" if title == heading else f"<h2>{html.escape(title)}</h2>")
                    + f'<div class="panel">{_html_table(head, rows)}</div>')
    return _page(heading, subtitle, "".join(body), lang, wide=True)
