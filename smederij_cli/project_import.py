"""A project register from a spreadsheet into the ledger, and the workbook to fill in for it.

``read_project_file`` reads an ``.xlsx`` (the first sheet) or a ``.csv`` into rows of text and
values; ``import_projects`` checks every row (each bad field named with its line) and then books
each one through the ledger's own rules, in one transaction: ``add_project``, then ``approve``
(commits), ``start``, ``pay`` (spends), ``complete`` (releases what is left), or ``reject`` /
``withdraw``. Any row refused, by the checks or by the ledger, and nothing is booked; a dry run
books everything inside the transaction and undoes it, so it says exactly what would happen.
``write_template`` writes the workbook: Dutch headers, one example row, and drop-down lists for
Smederij, stream, status and theme. openpyxl is imported only here, and only when needed.

No SQL here (``store.py``), no terminal (``render.py``).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from smederij_cli import domain as d
from smederij_cli.errors import InvalidInput, NotFound, SmederijError
from smederij_cli import labels
from smederij_cli.labels import label, say
from smederij_cli.ledger import Ledger, check_year
from smederij_cli.money import format_cents, parse_amount, parse_date
from smederij_cli.words import normalise

#: (field, the Dutch header of the template, other names accepted, required)
COLUMNS: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("year", "Jaar", ("year",), True),
    ("smederij", "Smederij", (), True),
    ("stream", "Budgetsoort", ("stream",), True),
    ("title", "Titel", ("title", "project"), True),
    ("theme", "Thema", ("theme",), False),
    ("status", "Status", (), True),
    ("requested", "Aangevraagd", ("requested",), True),
    ("committed", "Toegekend", ("verplicht", "committed", "approved amount"), False),
    ("paid", "Betaald", ("paid",), False),
    ("proposed_on", "Datum voorstel", ("ingediend", "proposed on"), False),
    ("decided_on", "Datum besluit", ("decided on",), False),
    ("paid_on", "Datum betaling", ("paid on",), False),
    ("closed_on", "Datum afronding", ("closed on",), False),
    ("cofunding", "Cofinanciering", ("cofunding", "co-funding"), False),
    ("cofunder", "Cofinancier", ("cofunder", "co-funder"), False),
    ("supporters", "Steunbetuigers", ("handtekeningen", "supporters"), False),
    ("volunteers", "Vrijwilligers", ("volunteers",), False),
)
HEADERS = {name: header for name, header, _, _ in COLUMNS}
REQUIRED = tuple(name for name, _, _, required in COLUMNS if required)
_NAMES = {normalise(word): name for name, header, others, _ in COLUMNS
          for word in (name, header, *others)}
DATES = ("proposed_on", "decided_on", "paid_on", "closed_on")
MONEY_STATUSES = (d.APPROVED, d.IN_PROGRESS, d.COMPLETED)
TEMPLATE_ROWS = 1000  # rows of the template that get the drop-down lists


@dataclass(frozen=True)
class ProjectFile:
    """A register read from a file, not yet checked: (line, {field: cell}) per row."""

    source: str
    columns: dict[str, str]  # field -> the header as the file writes it
    rows: list[tuple[int, dict[str, Any]]]
    short: list[tuple[int, int]] = field(default_factory=list)
    """CSV rows with fewer fields than the header: (line, fields)."""
    width: int = 0


@dataclass
class _Row:
    line: int
    year: int = 0
    smederij: str = ""
    stream: str = ""
    title: str = ""
    theme: str | None = None
    status: str = ""
    requested: int = 0
    committed: int = 0
    paid: int = 0
    dates: dict[str, _dt.date] = field(default_factory=dict)
    cofunding: dict[str, int] = field(default_factory=dict)
    supporters: int = 0
    volunteers: int = 0


@dataclass(frozen=True)
class ProjectImport:
    """What an import booked (or, dry, would book)."""

    rows: int
    imported: int
    already: int
    statuses: dict[str, int]
    committed_cents: int
    paid_cents: int
    dry_run: bool


class _DryRun(Exception):
    """Raised at the end of a dry run's transaction, so that it is undone."""


# -- reading -------------------------------------------------------------------------------------


def read_project_file(path: Path) -> ProjectFile:
    """An ``.xlsx`` workbook (its first sheet) or a ``.csv`` file with a header row."""
    import stat

    source = str(path)
    try:
        if not stat.S_ISREG(Path(path).stat().st_mode):  # a folder; /dev/zero would never end
            raise InvalidInput(say("register_not_file", source=source))
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise NotFound(say("register_no_file", source=source)) from None
    except (OSError, ValueError) as e:
        raise InvalidInput(say("cannot_read", source=source,
                               why=getattr(e, "strerror", None) or e)) from None
    if not data.strip():
        raise InvalidInput(say("register_empty", source=source, hint=_hint()))
    workbook = source.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK"
    if workbook:
        table = _xlsx_rows(source, data)
    elif b"\x00" in data:
        raise InvalidInput(say("register_binary", source=source))
    else:
        table = _csv_rows(source, data)
    header_line, header = next(((n, r) for n, r in table
                                if any(not _blank(c) for c in r)), (0, []))
    if not header:
        raise InvalidInput(say("register_empty", source=source, hint=_hint()))
    columns: dict[str, int] = {}
    written: dict[str, str] = {}
    for i, cell in enumerate(header):
        name = _NAMES.get(normalise(str(cell or "")))
        if name is None:
            continue  # extra columns are ignored
        if name in columns:
            raise InvalidInput(say("register_column_twice", source=source, line=header_line,
                                   a=repr(written[name]), b=repr(str(cell).strip()),
                                   column=HEADERS[name]))
        columns[name], written[name] = i, str(cell).strip()
    missing = [HEADERS[name] for name in REQUIRED if name not in columns]
    if missing:
        raise InvalidInput(say("register_missing", source=source, line=header_line,
                               columns=", ".join(missing), hint=_hint()))
    rows, short = [], []
    width = len(header)
    for line, cells in table:
        if line <= header_line or all(_blank(c) for c in cells):
            continue
        if len(cells) < width and not workbook:  # a CSV row cut short (a sheet's are whole)
            short.append((line, len(cells)))
            continue
        rows.append((line, {name: cells[i] if i < len(cells) else None
                            for name, i in columns.items()}))
    return ProjectFile(source, written, rows, short, width)


def _hint() -> str:
    return say("register_hint", columns=", ".join(HEADERS[n] for n in REQUIRED))


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _xlsx_rows(source: str, data: bytes) -> list[tuple[int, list[Any]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise InvalidInput(say("register_not_xlsx", source=source)) from None
    try:
        sheet = book.worksheets[0]
        return [(n, row) for n, row in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        book.close()


def _csv_rows(source: str, data: bytes) -> list[tuple[int, list[Any]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for fields in reader:
            rows.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as e:
        raise InvalidInput(say("register_not_csv", source=source, line=reader.line_num,
                               why=e)) from None
    return rows


# -- checking ------------------------------------------------------------------------------------


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _cents(cell: Any, what: str, lang: str, *, required: bool = False) -> int:
    if _blank(cell):
        if required:
            raise InvalidInput(say("amount_empty", what=what, example="1.234,56"))
        return 0
    if isinstance(cell, bool):
        raise InvalidInput(say("amount_not_number", what=what, text=repr(cell),
                               example="1.234,56"))
    if isinstance(cell, (int, float)):  # a number cell of the spreadsheet: euros
        try:
            euros = Decimal(str(cell))
        except InvalidOperation:
            raise InvalidInput(say("amount_not_number", what=what, text=repr(cell),
                                   example="1.234,56")) from None
        if euros < 0:
            raise InvalidInput(say("amount_negative", what=what, text=repr(cell)))
        if euros != euros.quantize(Decimal("0.01")):
            raise InvalidInput(say("amount_decimals", what=what, text=repr(cell),
                                   example=format(euros.quantize(Decimal("0.01")), "f")))
        return parse_amount(format(euros, "f"), what=what, allow_zero=not required, lang="en")
    return parse_amount(str(cell), what=what, allow_zero=not required, lang=lang)


def _date(cell: Any, what: str) -> _dt.date | None:
    if _blank(cell):
        return None
    if isinstance(cell, _dt.datetime):
        return cell.date()
    if isinstance(cell, _dt.date):
        return cell
    return parse_date(_text(cell), what)


def _count(cell: Any, what: str) -> int:
    text = _text(cell)
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()):
        raise InvalidInput(say("register_count", what=what, text=repr(text)))
    return int(text)


def _check_row(led: Ledger, words, f: ProjectFile, line: int, cells: dict[str, Any],
               lang: str) -> tuple[_Row, list[str]]:
    """One row read into values; every field that cannot be read adds its reason."""
    row, problems = _Row(line), []

    def read(name: str, reader: Callable[[Any], Any]) -> Any:
        try:
            return reader(cells.get(name))
        except SmederijError as e:
            problems.append(f"{f.columns.get(name, HEADERS[name])}: {e}")
            return None

    def year(cell: Any) -> int:
        text = _text(cell)
        if not (text.isascii() and text.isdigit()):
            raise InvalidInput(say("register_year", text=repr(text)))
        return check_year(int(text))

    row.year = read("year", year) or 0
    row.smederij = read("smederij", lambda c: _required(words.smederij(_text(c) or None),
                                                        "smederij")) or ""
    row.stream = read("stream", lambda c: _required(words.stream(_text(c) or None),
                                                    "stream")) or ""
    row.title = _text(cells.get("title"))
    if not row.title:
        problems.append(f"{f.columns['title']}: {say('register_no_title')}")
    row.theme = read("theme", lambda c: words.theme(_text(c) or None))
    row.status = read("status", lambda c: _required(words.status(_text(c) or None),
                                                    "status")) or ""
    row.requested = read("requested", lambda c: _cents(c, "amount", lang, required=True)) or 0
    row.committed = read("committed", lambda c: _cents(c, "amount", lang)) or 0
    row.paid = read("paid", lambda c: _cents(c, "amount", lang)) or 0
    cofunding = read("cofunding", lambda c: _cents(c, "amount", lang)) or 0
    if cofunding:
        row.cofunding = {_text(cells.get("cofunder")) or label("cofunding", "nl"): cofunding}
    row.supporters = read("supporters", lambda c: _count(c, "supporters")) or 0
    row.volunteers = read("volunteers", lambda c: _count(c, "volunteers")) or 0
    for name in DATES:
        value = read(name, lambda c, name=name: _date(c, "date"))
        if value is not None:
            row.dates[name] = value
            if row.year and value.year != row.year:
                problems.append(f"{f.columns[name]}: " + say(
                    "register_date_year", date=value.isoformat(), year=row.year))
    # the story must hang together
    column = f.columns.get
    if row.status in MONEY_STATUSES or (row.status == d.WITHDRAWN and row.committed):
        if not row.committed:
            row.committed = row.requested
    elif row.status and row.committed:
        problems.append(f"{column('committed', HEADERS['committed'])}: " + say(
            "register_nothing_committed", status=label(row.status, labels.message_language)))
    if row.paid and row.status not in MONEY_STATUSES and not (row.status == d.WITHDRAWN
                                                              and row.committed):
        if row.status:
            problems.append(f"{column('paid', HEADERS['paid'])}: " + say(
                "register_no_payments", status=label(row.status, labels.message_language)))
    elif row.paid > row.committed:
        problems.append(f"{column('paid', HEADERS['paid'])}: " + say(
            "register_overpaid", paid=format_cents(row.paid, lang),
            committed=format_cents(row.committed, lang)))
    ordered = [(name, row.dates[name]) for name in DATES if name in row.dates]
    for (a, first), (b, then) in zip(ordered, ordered[1:]):
        if then < first:
            problems.append(f"{column(b, HEADERS[b])}: " + say(
                "register_date_order", date=then.isoformat(), other=column(a, HEADERS[a]),
                other_date=first.isoformat()))
    return row, problems


def _required(value: str | None, what: str) -> str:
    if value is None:
        raise InvalidInput(say("register_empty_word", kind=say(f"kind_{what}")))
    return value


# -- booking -------------------------------------------------------------------------------------


def import_projects(led: Ledger, f: ProjectFile, *, dry_run: bool = False,
                    lang: str = "nl", year: int | None = None) -> ProjectImport:
    """Check every row of ``f`` and book them all, each through the ledger's rules, in one
    transaction (or, with ``dry_run``, undo it at the end). A row whose Smederij, year and
    title are already a project of the ledger is skipped as imported before, so importing the
    same file twice books it once. With ``year``, only the rows of that year are read (a
    register of many years, rebuilt one year at a time). Raises ``RowErrors`` listing every
    bad row."""
    from smederij_cli.interchange import RowErrors

    words = led.words()
    problems: list[tuple[int, str]] = []
    checked: list[_Row] = []
    seen: dict[tuple[int, str, str], int] = {}
    problems += [(line, say("register_width", got=got, want=f.width)) for line, got in f.short]
    if year is not None:
        f = ProjectFile(f.source, f.columns, [(line, cells) for line, cells in f.rows
                                              if _text(cells.get("year")) == str(year)],
                        f.short, f.width)
    known: dict[int, set[tuple[int, str, str]]] = {}  # year -> its projects in the ledger
    already = 0
    for line, cells in f.rows:
        row, reasons = _check_row(led, words, f, line, cells, lang)
        key = (row.year, row.smederij, normalise(row.title))
        if row.year and row.year not in known:
            known[row.year] = {(p["year"], p["smederij"], normalise(p["title"]))
                               for p in led.projects(year=row.year)}
        if row.title and row.smederij and key in known.get(row.year, ()):
            already += 1  # imported before (its year may be closed since): nothing to do
            continue
        if row.year and led.is_closed(row.year):
            reasons.insert(0, f"{f.columns['year']}: " + say("register_closed", year=row.year))
        if row.title and row.smederij and key in seen:
            reasons.append(f"{f.columns['title']}: " + say(
                "register_twice", title=repr(row.title), line=seen[key]))
        seen.setdefault(key, line)
        if reasons:
            problems.append((line, "; ".join(reasons)))
        else:
            checked.append(row)
    if problems:  # the ledger's own checks would only add noise to rows already refused
        raise RowErrors(f.source, problems, len(f.rows), "cli_nothing_imported")
    store = led.store
    statuses: dict[str, int] = {}
    committed = paid = imported = 0
    try:
        with store.write():
            for row in checked:
                try:
                    with store.savepoint():
                        _book(led, row, f)
                except SmederijError as e:
                    problems.append((row.line, str(e)))
                    continue
                imported += 1
                statuses[row.status] = statuses.get(row.status, 0) + 1
                committed += row.committed
                paid += row.paid
            if problems:
                raise RowErrors(f.source, problems, len(f.rows), "cli_nothing_imported")
            store.note("log_projects_imported", n=imported, source=str(f.source),
                       statuses=[["log_status_count", {"n": n, "status": s}]
                                 for s, n in statuses.items()],
                       committed_cents=committed, paid_cents=paid,
                       already=[["log_projects_already", {"n": already}]] if already else [],
                       headline=True)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return ProjectImport(len(f.rows), imported, already, statuses, committed, paid, dry_run)


def _book(led: Ledger, row: _Row, f: ProjectFile) -> None:
    """One row through the ledger's own steps, each dated by the row (or the step before)."""
    day = row.dates.get("proposed_on") or _dt.date(row.year, 1, 1)
    pid = led.add_project(smederij=row.smederij, stream=row.stream, year=row.year,
                          title=row.title, amount_cents=row.requested, theme=row.theme,
                          supporters=row.supporters, volunteers=row.volunteers,
                          cofunding=row.cofunding, date=day, note="import")
    day = row.dates.get("decided_on") or day
    if row.status == d.REJECTED:
        led.change_status(pid, "reject", day, "import")
        return
    if row.status == d.PROPOSED:
        return
    if row.committed:
        try:
            led.approve(pid, day, amount_cents=row.committed, note="import")
        except SmederijError as e:
            raise type(e)(f"{f.columns.get('committed', HEADERS['committed'])}: "
                          f"{str(e).replace(f'project {pid}', repr(row.title))}") from None
        if row.status in (d.IN_PROGRESS, d.COMPLETED):
            led.change_status(pid, "start", day, "import")
        if row.paid:
            day = row.dates.get("paid_on") or day
            led.pay(pid, row.paid, day, payee="", reference=None)
    day = row.dates.get("closed_on") or day
    if row.status == d.COMPLETED:
        led.change_status(pid, "complete", day, "import")
    elif row.status == d.WITHDRAWN:
        led.change_status(pid, "withdraw", day, "import")


# -- the template --------------------------------------------------------------------------------


def write_template(led: Ledger, output: Path) -> Path:
    """The workbook to fill in: Dutch headers, one example row, drop-down lists (data
    validation from a hidden sheet of lists) for Smederij, stream, status and theme, amounts
    as euros and dates as dates. Written as any --output is (``files.open_output``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    smederijen = [s["name"] for s in led.store.smederijen()]
    streams = [s["name"] for s in led.store.streams()]
    lists = {"smederij": smederijen, "stream": streams,
             "status": [label(s, "nl") for s in d.STATUSES],
             "theme": [label(t, "nl") for t in d.ALL_THEMES]}
    book = Workbook()
    sheet = book.active
    sheet.title = "Projecten"
    names = [name for name, _, _, _ in COLUMNS]
    sheet.append([HEADERS[n] for n in names])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    year = led.first_open_year()
    example = {"year": year, "smederij": smederijen[0] if smederijen else "",
               "stream": streams[0] if streams else "", "title": "Speeltuin Brink",
               "theme": label("play", "nl"), "status": label(d.COMPLETED, "nl"),
               "requested": 12500, "committed": 12000, "paid": 11250.5,
               "proposed_on": _dt.date(year, 2, 3), "decided_on": _dt.date(year, 3, 10),
               "paid_on": _dt.date(year, 6, 20), "closed_on": _dt.date(year, 9, 1),
               "cofunding": 2500, "cofunder": "Oranje Fonds", "supporters": 45,
               "volunteers": 8}
    sheet.append([example[n] for n in names])
    for i, name in enumerate(names, 1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = max(12, len(HEADERS[name]) + 4)
        if name in ("requested", "committed", "paid", "cofunding"):
            sheet[f"{letter}2"].number_format = "#,##0.00"
        if name in DATES:
            sheet[f"{letter}2"].number_format = "dd-mm-yyyy"
    sheet.column_dimensions[get_column_letter(names.index("title") + 1)].width = 40
    hidden = book.create_sheet("Lijsten")
    hidden.sheet_state = "hidden"
    for col, (kind, values) in enumerate(lists.items(), 1):
        letter = get_column_letter(col)
        hidden.cell(1, col, HEADERS[kind])
        for r, value in enumerate(values, 2):
            hidden.cell(r, col, value)
        target = get_column_letter(names.index(kind) + 1)
        check = DataValidation(
            type="list", formula1=f"=Lijsten!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=kind == "theme", showErrorMessage=True,
            errorTitle=HEADERS[kind],
            error=say("template_choose", "nl", what=HEADERS[kind].lower()))
        check.add(f"{target}2:{target}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(check)
    sheet.freeze_panes = "A2"
    from smederij_cli.files import open_output

    # through the one rule for --output: never the ledger or another database, a regular file
    # whole or not at all, a pipe as a stream
    data = io.BytesIO()
    book.save(data)
    output = Path(output)
    with open_output(output, led.store.path, "--output") as out:
        out.file.write(data.getvalue())
    return output
