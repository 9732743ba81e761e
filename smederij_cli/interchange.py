"""Interchange: the whole ledger out to hledger, beancount or CSV, and payments in from CSV.

Exports stream the postings from the store one at a time (a national ledger holds millions) and
write money from integer cents with integer arithmetic. The payments import reads every row,
validates all of them against the ledger with a few set-based queries, and then books them all in
one transaction with bulk inserts, or books nothing. No SQL here (see store.py), no terminal.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from smederij_cli import dates
from smederij_cli import domain as d
from smederij_cli import labels
from smederij_cli.errors import InvalidInput, NotFound, SmederijError
from smederij_cli.files import os_reason
from smederij_cli.labels import label, say
from smederij_cli.ledger import Ledger, clean_text, describe_payment, payment_description
from smederij_cli.money import format_cents, parse_amount, parse_date

EXPORT_FORMATS = ("hledger", "beancount", "csv")
CURRENCY = "EUR"

# -- text and money ------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# text.CONTROL but for the line ends and tabs of a CSV file (fields still refuse those)
_CONTROL_IN_FILE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_amount(cents: int) -> str:
    """``-1234.56``: euros with a dot and two decimals, no grouping, from integer cents."""
    return format_cents(cents, "en", symbol=False).replace(",", "")


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _one_line(text: str) -> str:
    return _CONTROL.sub(" ", text)


# -- account names per tool ----------------------------------------------------------------------

_BEANCOUNT_ROOT = {d.FUNDING: "Equity", d.AVAILABLE: "Assets", d.COMMITTED: "Assets",
                   d.SPENT: "Expenses"}
_HLEDGER_TYPE = {d.FUNDING: "E", d.AVAILABLE: "A", d.COMMITTED: "A", d.SPENT: "X"}


def _cap(code: str) -> str:
    return code[:1].upper() + code[1:]


def beancount_account(kind: str, stream: str, year: int | None = None,
                      smederij: str | None = None, project_id: int | None = None) -> str:
    """The beancount name of a ledger account. Beancount wants a root of Assets, Liabilities,
    Equity, Income or Expenses and components that start with a capital or a digit, so:

    ``funding:korte-klap``                   -> ``Equity:Funding:Korte-klap``
    ``2026:krakeel:korte-klap:available``    -> ``Assets:2026:Krakeel:Korte-klap:Available``
    ``2026:krakeel:korte-klap:committed:17`` -> ``Assets:2026:Krakeel:Korte-klap:Committed:P17``
    ``2026:krakeel:korte-klap:spent:17``     -> ``Expenses:2026:Krakeel:Korte-klap:Spent:P17``

    Codes are lowercase (``[a-z0-9][a-z0-9-]*``), so capitalising their first letter is undone by
    ``ledger_account_from_beancount``.
    """
    if kind == d.FUNDING:
        return f"Equity:Funding:{_cap(stream)}"
    name = f"{_BEANCOUNT_ROOT[kind]}:{year}:{_cap(smederij)}:{_cap(stream)}:{_cap(kind)}"
    return f"{name}:P{project_id}" if project_id is not None else name


def ledger_account_from_beancount(name: str) -> str:
    """The inverse of ``beancount_account``: the ledger's own account name."""
    root, *parts = name.split(":")
    if root == "Equity":
        return d.funding_account(parts[1].lower())
    year, smederij, stream, kind, *project = parts
    return ":".join([year, smederij.lower(), stream.lower(), kind.lower()]
                    + [p.removeprefix("P") for p in project])


# -- export --------------------------------------------------------------------------------------


def _transactions(led: Ledger, by_date: bool = False) -> Iterator[tuple]:
    """(first posting row, all posting rows) per transaction, in booking order (or in date
    order, then booking order), streamed."""
    for _, rows in itertools.groupby(led.store.export_postings(by_date=by_date),
                                     key=lambda r: r["txn_id"]):
        rows = list(rows)  # one transaction's postings: a handful
        yield rows[0], rows


def _tags(t) -> list[tuple[str, int | str]]:
    tags: list[tuple[str, int | str]] = [("kind", t["kind"])]
    if t["project_id"] is not None:
        tags.append(("project", t["project_id"]))
    if t["reverses"] is not None:
        tags.append(("reverses", t["reverses"]))
    return tags


def _write_hledger(led: Ledger, out: TextIO) -> None:
    """A journal that hledger and Ledger both read: the DOMAIN.md account names, declared with
    their types, ``; kind: ...`` tags, and the transaction id as the transaction code; the
    transactions in date order (``hledger check ordereddates``)."""
    out.write(f"; {led.programme().get('name') or 'smederij'}: the whole ledger, exported by "
              "smederij. Amounts in EUR; the code in brackets is the transaction id.\n"
              f"commodity {CURRENCY}\n")
    for tag in ("kind", "project", "reverses", "type"):
        out.write(f"tag {tag}\n")
    out.write("\n")
    for a in led.store.export_accounts():
        out.write(f"account {a['account']}\n    ; type: {_HLEDGER_TYPE[a['account_kind']]}\n")
    for t, postings in _transactions(led, by_date=True):
        # hledger ends a description at ';' (a comment follows): it becomes ','.
        out.write(f"\n{t['date']} * ({t['txn_id']}) "
                  f"{_one_line(t['description']).replace(';', ',')}\n")
        out.writelines(f"    ; {key}: {value}\n" for key, value in _tags(t))
        out.writelines(f"    {p['account']}  {plain_amount(p['amount_cents'])} {CURRENCY}\n"
                       for p in postings)


def _bean_string(text: str) -> str:
    return '"' + _one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _bean_name(row) -> str:
    return beancount_account(row["account_kind"], row["stream"], row["year"], row["smederij"],
                             row["account_project"])


FINISHED = (d.COMPLETED, d.WITHDRAWN, d.REJECTED)


def _bean_meta(a) -> list[tuple[str, str | int]]:
    """What people call an account, as metadata of its ``open`` (fava shows it): the year, the
    Smederij's and stream's names, and the project's id and title."""
    meta: list[tuple[str, str | int]] = []
    if a["year"] is not None:
        meta.append(("year", a["year"]))
    if a["smederij_name"]:
        meta.append(("smederij", a["smederij_name"]))
    meta.append(("stream", a["stream_name"] or a["stream"]))
    if a["account_project"] is not None:
        meta += [("project", a["account_project"]), ("title", a["project_title"] or "")]
    return meta


def _closes(a) -> bool:
    """Whether an account is done with: nothing left on it (so never spent, which keeps what was
    paid, nor funding) and nothing can come (its year is closed, or its project finished)."""
    return (a["balance_cents"] == 0 and a["account_kind"] in (d.AVAILABLE, d.COMMITTED)
            and (bool(a["year_closed_at"]) or a["project_status"] in FINISHED))


def _write_beancount(led: Ledger, out: TextIO) -> None:
    """A beancount file: the accounts renamed by ``beancount_account``, each opened on the date
    of its first posting with readable names as metadata (``_bean_meta``) and closed on the date
    of its last when it is done with (``_closes``); the transactions in date order, with their
    kind, id and project as metadata. Narrations are text residents typed: escaped for
    beancount, but a viewer must escape them too."""
    title = led.programme().get("name") or "smederij"
    out.write(f"; {title}: the whole ledger, exported by smederij. Account names map back to the\n"
              "; ledger's own: see beancount_account in smederij_cli/interchange.py.\n"
              f"option \"title\" {_bean_string(title)}\n"
              f"option \"operating_currency\" \"{CURRENCY}\"\n\n")
    closes = []
    for a in led.store.export_account_names():
        out.write(f"{a['first_date']} open {_bean_name(a)} {CURRENCY}\n")
        out.writelines(f"  {key}: {_bean_string(value) if isinstance(value, str) else value}\n"
                       for key, value in _bean_meta(a))
        if _closes(a):
            closes.append((a["last_date"], _bean_name(a)))
    for t, postings in _transactions(led, by_date=True):
        out.write(f"\n{t['date']} * {_bean_string(t['description'])}\n"
                  f"  txn-id: {t['txn_id']}\n")
        out.writelines(f"  {key}: {_bean_string(value) if isinstance(value, str) else value}\n"
                       for key, value in _tags(t))
        out.writelines(f"  {_bean_name(p)}  {plain_amount(p['amount_cents'])} {CURRENCY}\n"
                       for p in postings)
    if closes:
        out.write("\n; accounts done with: nothing left on them and nothing can come\n")
        out.writelines(f"{day} close {name}\n" for day, name in sorted(closes))


CSV_EXPORT_COLUMNS = ("txn", "date", "kind", "project", "description", "account", "amount")


def _write_csv(led: Ledger, out: TextIO) -> None:
    """One row per posting; amounts as plain numbers with a dot; text cells neutralised."""
    writer = csv.writer(out)
    writer.writerow(CSV_EXPORT_COLUMNS)
    for p in led.store.export_postings():
        writer.writerow((p["txn_id"], p["date"], p["kind"],
                         "" if p["project_id"] is None else p["project_id"],
                         neutralise(p["description"]), neutralise(p["account"]),
                         plain_amount(p["amount_cents"])))


_WRITERS = {"hledger": _write_hledger, "beancount": _write_beancount, "csv": _write_csv}


def export(led: Ledger, fmt: str, out: TextIO) -> None:
    """Write the whole ledger in ``fmt`` (hledger, beancount or csv) to ``out``, from one
    consistent snapshot of the ledger."""
    if fmt not in _WRITERS:
        raise InvalidInput(say("cli_unknown_export_format", text=repr(fmt),
                               formats=", ".join(EXPORT_FORMATS)))
    with led.store.snapshot():
        _WRITERS[fmt](led, out)


# -- import payments -----------------------------------------------------------------------------

PAYMENT_COLUMNS = ("project", "date", "amount", "payee", "reference")
#: The Dutch column names a clerk's spreadsheet uses, read as the English ones
#: (``read_payment_file``).
DUTCH_PAYMENT_COLUMNS = {"datum": "date", "bedrag": "amount", "begunstigde": "payee",
                         "kenmerk": "reference"}
BOOK_CHUNK = 5_000  # rows per bulk insert: the progress bar moves between chunks


def _column(name: str) -> str:
    """A column of the payments file as the run's language names it (datum, bedrag, ...)."""
    return say(f"cli_column_{name}")


def _columns_hint() -> str:
    return say("cli_payments_hint", columns=",".join(map(_column, PAYMENT_COLUMNS)))


class RowErrors(InvalidInput):
    """Rows of an import that cannot be booked: every one of them, with its line number.
    ``nothing``: the catalogue's words for what did not happen (nothing booked, imported)."""

    def __init__(self, source: str, problems: list[tuple[int, str]], rows: int,
                 nothing: str = "cli_nothing_booked") -> None:
        self.source, self.problems, self.rows = source, sorted(problems), rows
        if len(problems) == 1:  # one bad row: one line says it all
            line, reason = self.problems[0]
            said = say("cli_row", source=source, line=line, reason=reason)
        else:
            said = say("cli_rows_refused", source=source, bad=len(problems), rows=rows)
        super().__init__(f"{said}; {say(nothing)}")

    def lines(self) -> list[str]:
        """One line per bad row, printed before the message (none when the message is it)."""
        if len(self.problems) == 1:
            return []
        return [say("cli_row", source=self.source, line=line, reason=reason)
                for line, reason in self.problems]


@dataclass(frozen=True)
class PaymentFile:
    """A payments CSV read and split into rows, not yet checked: (line number, fields)."""

    source: str
    delimiter: str
    columns: dict[str, int]
    width: int
    rows: list[tuple[int, list[str]]]
    lang: str = "nl"
    """The language amounts are written in (``money.parse_amount``): the run's language,
    set with ``dataclasses.replace`` by whoever knows it."""


@dataclass(frozen=True)
class ImportResult:
    rows: int
    booked: int
    already_booked: int
    total_cents: int
    txn_ids: range | None
    dry_run: bool


def read_payment_file(path: Path) -> PaymentFile:
    """Read a payments CSV: UTF-8 (with or without Excel's BOM) or Windows-1252, ``,`` or ``;``
    as the header shows, a header naming at least PAYMENT_COLUMNS (extra columns are ignored)."""
    import stat

    source = str(path)
    try:
        mode = Path(path).stat().st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):  # /dev/zero would never end
            raise InvalidInput(say("cli_payments_not_file", source=source))
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise NotFound(say("cli_payments_no_file", source=source)) from None
    except OSError as e:
        raise InvalidInput(say("cannot_read", source=source, why=os_reason(e))) from None
    if b"\x00" in data:
        raise InvalidInput(say("cli_payments_binary", source=source, hint=_columns_hint()))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InvalidInput(say("cli_payments_encoding", source=source)) from None
    if not text.strip():
        raise InvalidInput(say("register_empty", source=source, hint=_columns_hint()))
    if found := _CONTROL_IN_FILE.search(text):  # before fields are stripped (U+0085 is a space)
        line = text.count("\n", 0, found.start()) + 1
        raise InvalidInput(say("cli_payments_controls", source=source, line=line,
                               code=f"U+{ord(found.group()):04X}"))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        header = [h.strip().lower() for h in next(reader)]
        header = [DUTCH_PAYMENT_COLUMNS.get(h, h) for h in header]
        missing = [c for c in PAYMENT_COLUMNS if c not in header]
        if missing:
            raise InvalidInput(say("register_missing", source=source, line=1,
                                   columns=", ".join(map(_column, missing)),
                                   hint=_columns_hint()))
        twice = sorted({c for c in PAYMENT_COLUMNS if header.count(c) > 1})
        if twice:
            raise InvalidInput(say("cli_payments_column_twice", source=source,
                                   columns=", ".join(map(_column, twice))))
        start = reader.line_num + 1
        for fields in reader:
            line, start = start, reader.line_num + 1
            if any(f.strip() for f in fields):
                rows.append((line, fields))
    except csv.Error as e:
        raise InvalidInput(say("register_not_csv", source=source, line=reader.line_num,
                               why=e)) from None
    return PaymentFile(source, delimiter, {c: header.index(c) for c in PAYMENT_COLUMNS},
                       len(header), rows)


@dataclass(slots=True)
class _Row:
    line: int
    project_id: int | None
    date: _dt.date | None
    cents: int | None
    payee: str
    reference: str | None


def _project_id(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise InvalidInput(say("cli_not_project_id", text=repr(text)))
    return int(text)


def _reference(text: str) -> str:
    text = clean_text(text, _column("reference"))
    if not text:
        raise InvalidInput(say("cli_reference_empty"))
    return text


# Dates, amounts and payees repeat over a file's rows (a few hundred days, a few suppliers): each
# distinct text is read once. Refusals are not cached, so every bad row still gets its reason.
_read_project = lru_cache(maxsize=65536)(_project_id)
_read_date = lru_cache(maxsize=4096)(lambda text: parse_date(text, _column("date")))
_read_amount = lru_cache(maxsize=65536)(
    lambda text, lang="nl": parse_amount(text, what=_column("amount"), lang=lang))
_read_payee = lru_cache(maxsize=65536)(lambda text: clean_text(text, _column("payee")))
_READERS = (("project", _read_project), ("date", _read_date), ("amount", _read_amount),
            ("payee", _read_payee), ("reference", _reference))


def _parse_row(line: int, fields: list[str], columns: dict[str, int],
               problems: list[str], lang: str = "nl") -> _Row:
    """One row's fields read as values; each unreadable field adds a reason to ``problems``."""
    try:  # the common case, a good row, in one go
        return _Row(line, _read_project(fields[columns["project"]].strip()),
                    _read_date(fields[columns["date"]].strip()),
                    _read_amount(fields[columns["amount"]].strip(), lang),
                    _read_payee(fields[columns["payee"]].strip()),
                    _reference(fields[columns["reference"]].strip()))
    except InvalidInput:
        pass
    values = []
    for column, read in _READERS:
        try:
            text = fields[columns[column]].strip()
            values.append(read(text, lang) if column == "amount" else read(text))
        except InvalidInput as e:
            problems.append(str(e))
            values.append(None)
    project_id, date, cents, payee, reference = values
    return _Row(line, project_id, date, cents, payee or "", reference)


def _width_problem(fields: int, f: PaymentFile) -> str:
    hint = (say("cli_width_comma") if f.delimiter == "," and fields > f.width else
            say("cli_width_separate", delimiter=repr(f.delimiter)))
    return say("cli_width", fields=fields, width=f.width, hint=hint)


def _date_problems(row: _Row, p: dict | None, last_closed: int) -> list[str]:
    """Why a row's date cannot be booked (``dates``, as ``Ledger.pay`` checks it)."""
    assert row.date is not None
    try:
        if (p is not None and p["status"] in d.OPEN_STATUSES
                and p["money_year"] > last_closed):
            dates.entry_date(row.date, p["money_year"],
                             say("cli_a_payment_on", id=row.project_id),
                             last_closed=last_closed or None, today=row.date,
                             what=_column("date"))
        else:
            dates.check_range(row.date, _column("date"))
            if row.date.year <= last_closed:
                return [say("cli_date_closed", date=row.date.isoformat(), year=row.date.year)]
    except SmederijError as e:
        return [str(e)]
    return []


def import_payments(led: Ledger, f: PaymentFile, *, dry_run: bool = False,
                    advance: Callable[[int], None] = lambda n: None) -> ImportResult:
    """Validate every row of ``f``, then book them all as payments in one transaction (or, with
    ``dry_run``, book nothing). Rows whose reference is already on a payment that was not
    reversed are skipped as already booked. Raises ``RowErrors`` listing every bad row.

    Each payment books the same as ``Ledger.pay``: committed -> spent of the project's current
    budget year, a ``payment`` transaction and a payment row. ``advance(n)`` reports progress
    in steps of rows read and rows booked (2 x rows in all).
    """
    store = led.store
    said_in = labels.message_language  # amounts and statuses in a reason: as its sentence
    problems: list[tuple[int, str]] = []
    parsed: list[tuple[_Row, list[str]]] = []
    for i, (line, fields) in enumerate(f.rows, 1):
        if i % 1000 == 0:
            advance(1000)
        reasons: list[str] = []
        if len(fields) != f.width:  # never guess which field is which: a row is as wide as
            problems.append((line, _width_problem(len(fields), f)))  # its header

        else:
            parsed.append((_parse_row(line, fields, f.columns, reasons, f.lang), reasons))
    seen: dict[str, int] = {}
    for row, reasons in parsed:
        if row.reference is not None:
            if row.reference in seen:
                reasons.append(say("cli_reference_twice", reference=repr(row.reference),
                                   line=seen[row.reference]))
            seen.setdefault(row.reference, row.line)

    with store.snapshot() if dry_run else store.write():
        projects = store.payment_projects(r.project_id for r, _ in parsed
                                          if r.project_id is not None)
        booked_before = store.live_payments_by_reference(seen)
        last_closed = store.last_closed_year() or 0  # years close in order: all up to it
        left = {pid: p["left_cents"] for pid, p in projects.items()}
        todo: list[_Row] = []
        already = 0
        for row, reasons in parsed:
            twins = booked_before.get(row.reference) if row.reference is not None else None
            if twins:
                if not reasons and any(
                        (t["project_id"], t["amount_cents"], t["date"])
                        == (row.project_id, row.cents, row.date.isoformat()) for t in twins):
                    already += 1
                    continue
                reasons.append(say(
                    "cli_reference_booked", reference=repr(row.reference),
                    payment=describe_payment(twins[0]), project=row.project_id,
                    amount=format_cents(row.cents, said_in) if row.cents is not None else "?",
                    date=row.date or "?"))
            p = projects.get(row.project_id)
            if row.project_id is not None and p is None:
                reasons.append(say("cli_no_project", id=row.project_id))
            elif p is not None:
                if p["status"] not in d.OPEN_STATUSES:
                    reasons.append(say("cli_project_not_open", id=row.project_id,
                                       status=label(p["status"], said_in)))
                elif p["money_year"] <= last_closed:
                    reasons.append(say("cli_project_year_closed", id=row.project_id,
                                       year=p["money_year"]))
                elif row.cents is not None:
                    if row.cents > left[row.project_id]:
                        reasons.append(say(
                            "cli_exceeds_left", amount=format_cents(row.cents, said_in),
                            id=row.project_id, left=format_cents(left[row.project_id], said_in)))
                    else:
                        left[row.project_id] -= row.cents
            if row.date is not None:
                reasons.extend(_date_problems(row, p, last_closed))
            if reasons:
                problems.append((row.line, "; ".join(reasons)))
            else:
                todo.append(row)
        if problems:
            raise RowErrors(f.source, problems, len(f.rows))
        total = sum(r.cents for r in todo)
        if dry_run or not todo:
            return ImportResult(len(f.rows), len(todo), already, total, None, dry_run)
        names = {pid: d.spent_account(projects[pid]["money_year"], projects[pid]["smederij"],
                                      projects[pid]["stream"], pid)
                 for pid in {r.project_id for r in todo}}
        ids = store.account_ids((names[pid], d.SPENT, projects[pid]["stream"],
                                 projects[pid]["money_year"], projects[pid]["smederij"], pid)
                                for pid in names)  # one bulk call, not one query per project
        spent = {pid: ids[name] for pid, name in names.items()}
        first = None
        for start in range(0, len(todo), BOOK_CHUNK):
            chunk = todo[start:start + BOOK_CHUNK]
            ids = store.book_payments([
                (r.project_id, r.date, r.cents, projects[r.project_id]["committed_account"],
                 spent[r.project_id], r.payee, r.reference,
                 payment_description(r.project_id, r.payee, r.reference)) for r in chunk])
            first = ids[0] if first is None else first
            advance(len(chunk))
        store.note("log_payments_imported", n=len(todo), total_cents=total,
                   source=str(f.source),
                   already=[["log_payments_already", {"n": already}]] if already else [],
                   first=first, last=ids[-1])
        return ImportResult(len(f.rows), len(todo), already, total,
                            range(first, ids[-1] + 1), False)
