"""The ledger file: all SQL of the program lives here.

A ``Store`` opens (or creates) a SQLite ledger, applies pending migrations, and offers small,
named queries to the rules in ``ledger.py``. It knows the schema, not the rules: it will post any
balanced transaction it is given, and it is ``ledger.py`` that decides which ones are allowed.

Storage choices: STRICT tables, money as INTEGER cents, foreign keys on, WAL so readers never block
the writer, a busy timeout so concurrent clerks wait instead of failing, and every write inside
``Store.write()``: one ``BEGIN IMMEDIATE`` transaction that takes the write lock before it reads a
balance, so two clerks can never both spend the last euro.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from smederij_cli.errors import LedgerFileError, NotAllowed, NotFound
from smederij_cli.files import os_reason
from smederij_cli import labels
from smederij_cli.labels import say

if TYPE_CHECKING:
    import subprocess

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

BUSY_TIMEOUT_MS = 30_000
SQLITE_HEADER = b"SQLite format 3\x00"
# Reading every page of the file (quick_check before a write, integrity_check and
# foreign_key_check in 'smederij check') is done by default only up to this size: ~0.7 s of
# quick_check and ~2 s of integrity_check here; for the 840 MB national benchmark ledger ~2 s of
# quick_check and ~11 s of integrity_check and foreign_key_check with the file in the OS cache
# (11 s and 36 s read cold). A Hoogeveen ledger is ~10 MB. 'smederij check --deep' reads every
# page at any size.
PAGE_CHECK_MAX_BYTES = 64 * 2**20
# From this size 'smederij check' reads the postings by transaction in a helper process while it
# reads the balances itself (Store.check_facts): ~2.7 s instead of ~5.5 s for a national ledger
# of 840 MB on two cores. Below it, starting a second Python (~0.1 s) would cost more than it saves.
CHECK_HELPER_MIN_BYTES = 64 * 2**20
CHECK_HELPER_MIN_WAIT_S = 60.0  # a helper still busy after this (and 3x this process's time) is stuck
ROLLOVER_CACHE_KIB = 32 * 1024  # page cache while a rollover books: saves ~0.1 s nationally


class _Migrations:
    """The schema steps, registered with ``@migrations()`` and applied by sqlite_utils'
    ``Migrations``, which is only imported when a ledger has steps pending: importing sqlite_utils
    costs about 65 ms, a third of a command's start-up. Whether steps are pending is read from
    sqlite_utils' own ``_sqlite_migrations`` table with plain SQL. Anything else (``apply``,
    ``applied``, ``pending``, ``_migrations``) is sqlite_utils' object itself."""

    name = "smederij"

    def __init__(self) -> None:
        self._steps: list[tuple[Any, dict]] = []
        self._real: Migrations | None = None

    def __call__(self, **options: Any):
        def register(fn):
            # Steps apply in the order of their names (m001, m002, ...), whichever module
            # registers them and when it is imported (the idea rounds' m005 is in its own room).
            self._steps.append((fn, options))
            self._steps.sort(key=lambda step: step[1].get("name") or step[0].__name__)
            return fn
        return register

    def names(self) -> list[str]:
        return [options.get("name") or fn.__name__ for fn, options in self._steps]

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                            "AND name = '_sqlite_migrations'").fetchone():
            return []
        return [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [self.name])]

    def real(self) -> Migrations:
        if self._real is None or len(self._real._migrations) != len(self._steps):
            from sqlite_utils.migrations import Migrations

            self._real = Migrations(self.name)
            for fn, options in self._steps:
                self._real(**options)(fn)
        return self._real

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.real(), attribute)


migrations = _Migrations()

# Postings, transactions, payments, status history: written once, never changed. The triggers make
# that a property of the file, not only of this program.
_APPEND_ONLY = ("txn", "posting", "payment", "project_event")


@migrations()
def m001_ledger(db: Database) -> None:
    statements = [
        """CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT""",
        """CREATE TABLE team (
            code TEXT PRIMARY KEY, name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))) STRICT""",
        """CREATE TABLE stream (
            code TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
            carry_over TEXT NOT NULL DEFAULT '{"policy": "none"}',
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))) STRICT""",
        """CREATE TABLE smederij (
            code TEXT PRIMARY KEY, name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('wijk', 'dorp')),
            team TEXT REFERENCES team(code),
            inhabitants INTEGER NOT NULL DEFAULT 0 CHECK (inhabitants >= 0),
            carry_over TEXT NOT NULL DEFAULT '{}',
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))) STRICT""",
        """CREATE TABLE year (year INTEGER PRIMARY KEY, closed_at TEXT) STRICT""",
        """CREATE TABLE project (
            id INTEGER PRIMARY KEY,
            smederij TEXT NOT NULL REFERENCES smederij(code),
            stream TEXT NOT NULL REFERENCES stream(code),
            year INTEGER NOT NULL,
            title TEXT NOT NULL,
            theme TEXT,
            requested_cents INTEGER NOT NULL CHECK (requested_cents > 0),
            supporters INTEGER NOT NULL DEFAULT 0 CHECK (supporters >= 0),
            volunteers INTEGER NOT NULL DEFAULT 0 CHECK (volunteers >= 0),
            status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'in_progress',
                                                   'completed', 'rejected', 'withdrawn')),
            recorded_at TEXT NOT NULL) STRICT""",
        """CREATE INDEX project_year ON project(year, smederij, stream)""",
        """CREATE TABLE cofunding (
            project_id INTEGER NOT NULL REFERENCES project(id),
            source TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            PRIMARY KEY (project_id, source)) STRICT""",
        """CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('funding', 'available', 'committed', 'spent')),
            stream TEXT NOT NULL REFERENCES stream(code),
            year INTEGER,
            smederij TEXT REFERENCES smederij(code),
            project_id INTEGER REFERENCES project(id)) STRICT""",
        """CREATE INDEX account_year ON account(year, smederij, stream)""",
        """CREATE INDEX account_project ON account(project_id)""",
        """CREATE TABLE txn (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('allocation', 'transfer', 'commitment', 'payment',
                                               'release', 'carry_over', 'lapse')),
            description TEXT NOT NULL,
            project_id INTEGER REFERENCES project(id),
            reverses INTEGER UNIQUE REFERENCES txn(id),
            recorded_at TEXT NOT NULL) STRICT""",
        """CREATE INDEX txn_project ON txn(project_id)""",
        """CREATE TABLE posting (
            id INTEGER PRIMARY KEY,
            txn_id INTEGER NOT NULL REFERENCES txn(id),
            account_id INTEGER NOT NULL REFERENCES account(id),
            amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0)) STRICT""",
        """CREATE INDEX posting_txn ON posting(txn_id)""",
        """CREATE INDEX posting_account ON posting(account_id, amount_cents)""",
        """CREATE TABLE payment (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project(id),
            txn_id INTEGER NOT NULL UNIQUE REFERENCES txn(id),
            date TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            payee TEXT NOT NULL DEFAULT '',
            reference TEXT) STRICT""",
        """CREATE INDEX payment_project ON payment(project_id)""",
        """CREATE INDEX payment_reference ON payment(reference)""",
        """CREATE TABLE project_event (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES project(id),
            date TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            txn_id INTEGER REFERENCES txn(id),
            recorded_at TEXT NOT NULL) STRICT""",
        """CREATE INDEX project_event_project ON project_event(project_id)""",
    ]
    for table in _APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            statements.append(
                f"""CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}
                BEGIN SELECT RAISE(ABORT, '{table} rows are append-only: book a reversal'); END"""
            )
    for statement in statements:
        db.execute(statement)



@migrations()
def m002_plan_allocation(db: Database) -> None:
    """Which yearly allocation plan from the configuration was applied to which year, so that
    ``budget allocate --from-config`` can never apply the same plan twice: the primary key makes
    that a property of the file, and the row is written in the allocation's own transaction."""
    db.execute("""CREATE TABLE plan_allocation (
        year INTEGER NOT NULL,
        stream TEXT NOT NULL REFERENCES stream(code),
        txn_id INTEGER NOT NULL UNIQUE REFERENCES txn(id),
        PRIMARY KEY (year, stream)) STRICT""")


@migrations()
def m003_audit(db: Database) -> None:
    """The audit trail: who changed what, when, with which command. Append-only."""
    db.execute("""CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        command TEXT NOT NULL,
        summary TEXT NOT NULL,
        project_id INTEGER) STRICT""")
    db.execute("CREATE INDEX audit_project ON audit(project_id)")
    for action in ("UPDATE", "DELETE"):
        db.execute(f"""CREATE TRIGGER audit_no_{action.lower()} BEFORE {action} ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""")


@migrations()
def m004_query_indexes(db: Database) -> None:
    """Covering indexes for the national-size queries (issue 6). Each replaces an index of
    ``m001_ledger`` that is a prefix of it, so writes maintain no more indexes than before:

    - account (year, smederij, stream, kind): a year's report and check read every account of a
      year in group order without visiting the table;
    - account (project_id, kind): a project's committed and spent accounts;
    - posting (account_id, txn_id, amount_cents): a year's postings with their transaction, and
      every balance, from the index alone;
    - posting (txn_id, account_id, amount_cents): whether each transaction sums to zero, and
      where a kind of transaction booked its money, from the index;
    - project (year, smederij, stream, status): filtered project lists and status counts;
    - and a partial index of the commitment transactions by project (a tenth of all
      transactions; the imports' payments do not enter it), for what each project was promised.
    """
    for old, name, table, columns in (
            ("account_year", "account_year_kind", "account", "year, smederij, stream, kind"),
            ("account_project", "account_project_kind", "account", "project_id, kind"),
            ("posting_account", "posting_account_txn", "posting",
             "account_id, txn_id, amount_cents"),
            ("posting_txn", "posting_txn_account", "posting",
             "txn_id, account_id, amount_cents"),
            ("project_year", "project_year_status", "project", "year, smederij, stream, status")):
        db.execute(f"DROP INDEX {old}")
        db.execute(f"CREATE INDEX {name} ON {table}({columns})")
    db.execute("CREATE INDEX txn_commitment ON txn(project_id) WHERE kind = 'commitment'")


# The projects a budget year counts: those of the year itself, and those whose money a rollover
# (or an approval from a later budget) brought into it, i.e. that have a committed account of the
# year. ``:status`` is the SQL of a project's status (``p`` is the project row).
_MEMBERS = (
    "SELECT p.smederij, p.stream, {status} AS status, 0 AS carried FROM project p "
    "WHERE p.year = :year {own} "
    "UNION ALL "
    "SELECT p.smederij, p.stream, {status}, 1 FROM account a JOIN project p "
    "ON p.id = a.project_id WHERE a.year = :year AND a.kind = 'committed' AND p.year < :year")
# A project's status as at the close of :year, from its history: the last step recorded before
# the year was closed (:closed_at, the rollover's time).
_STATUS_AT_CLOSE = (
    "(SELECT e.to_status FROM project_event e WHERE e.project_id = p.id "
    "AND e.recorded_at <= :closed_at ORDER BY e.id DESC LIMIT 1)")
_SNAPSHOT = (
    "INSERT INTO closed_year_projects (year, smederij, stream, status, projects, carried_in) "
    "SELECT :year, smederij, stream, status, count(*), sum(carried) FROM ({members}) "
    "WHERE status IS NOT NULL GROUP BY smederij, stream, status")


@migrations()
def m007_project_years(db: Database) -> None:
    """A closed year's project counts, as at its close (issue 13). A project belongs to every
    year its money is in: which years that are is read from the accounts (a committed account
    of the year, written by the rollover and by approvals), so it needs no table of its own.
    But its status goes on changing after its year is closed, and a closed year's report must
    never change: the rollover stores the counts by Smederij, stream and status of the year's
    projects (its own and those carried into it) as they were when it closed. Ledgers closed
    before this step get them from the projects' history (each step's recorded time against
    the year's closing time)."""
    db.execute("""CREATE TABLE closed_year_projects (
        year INTEGER NOT NULL,
        smederij TEXT NOT NULL REFERENCES smederij(code),
        stream TEXT NOT NULL REFERENCES stream(code),
        status TEXT NOT NULL,
        projects INTEGER NOT NULL CHECK (projects > 0),
        carried_in INTEGER NOT NULL CHECK (carried_in >= 0),
        PRIMARY KEY (year, smederij, status, stream)) STRICT, WITHOUT ROWID""")
    # The projects carried into a year, from its committed accounts without reading them.
    db.execute("CREATE INDEX account_year_project ON account(year, project_id) "
               "WHERE kind = 'committed'")
    for action in ("UPDATE", "DELETE"):
        db.execute(f"""CREATE TRIGGER closed_year_projects_no_{action.lower()} BEFORE {action}
            ON closed_year_projects BEGIN
            SELECT RAISE(ABORT, 'a closed year''s project counts never change'); END""")
    members = _MEMBERS.format(status=_STATUS_AT_CLOSE,
                              own="AND p.recorded_at <= :closed_at")
    for year, closed_at in db.execute(
            "SELECT year, closed_at FROM year WHERE closed_at IS NOT NULL ORDER BY year"
    ).fetchall():
        db.execute(_SNAPSHOT.format(members=members), {"year": year, "closed_at": closed_at})


@migrations()
def m009_vintages(db: Database) -> None:
    """The age of money (DOMAIN.md, "Money keeps its age"): per posting on an available or a
    committed account, how many of its cents were allocated in which year, where that is not
    simply the year of its account (a posting without rows is all money of its account's year).
    A commitment, a transfer, a release, a refund to the available budget, a carry-over and a
    lapse write them; payments need none (a project's commitment is replayed from its own few
    postings: ``domain.project_money``). Append-only, like the postings they belong to.

    A ledger written before this step gets the rows the rule gives its history, replayed from
    its first transaction (``domain.replay_vintages``)."""
    from smederij_cli.domain import replay_vintages  # a pure rule, needed by this step only

    db.execute("""CREATE TABLE vintage (
        txn_id INTEGER NOT NULL REFERENCES txn(id),
        account_id INTEGER NOT NULL REFERENCES account(id),
        year INTEGER NOT NULL,
        cents INTEGER NOT NULL CHECK (cents <> 0),
        PRIMARY KEY (txn_id, account_id, year)) STRICT, WITHOUT ROWID""")
    db.execute("CREATE INDEX vintage_account ON vintage(account_id, year, cents)")
    for action in ("UPDATE", "DELETE"):
        db.execute(f"""CREATE TRIGGER vintage_no_{action.lower()} BEFORE {action} ON vintage
            BEGIN SELECT RAISE(ABORT, 'vintage rows are append-only: book a reversal'); END""")
    reversed_payments = {r[0] for r in db.conn.execute(
        "SELECT reverses FROM txn WHERE reverses IS NOT NULL")}
    cursor = db.conn.execute(
        "SELECT p.txn_id, t.kind, t.reverses, p.account_id, a.kind AS account_kind, "
        "a.project_id, a.year, p.amount_cents AS cents FROM posting p "
        "JOIN txn t ON t.id = p.txn_id JOIN account a ON a.id = p.account_id "
        "WHERE a.kind IN ('available', 'committed') ORDER BY p.txn_id, p.id")
    names = [c[0] for c in cursor.description]
    rows = list(replay_vintages((dict(zip(names, row)) for row in cursor), reversed_payments))
    db.conn.executemany("INSERT INTO vintage (txn_id, account_id, year, cents) "
                        "VALUES (?, ?, ?, ?)", rows)


@migrations()
def m010_audit_said(db: Database) -> None:
    """What each audit row says, as catalogue keys and values (issue 15): JSON
    ``[[key, {values}], ...]``, one pair per note, from which ``smederij log`` makes the line in
    the reader's language (``smederij_cli.history``). ``summary`` keeps the English line as
    before; rows written before this step have no keys and show their summary as stored."""
    db.execute("ALTER TABLE audit ADD COLUMN said TEXT")


def current_actor() -> str:
    """The OS user running the program, as well as it can be known."""
    try:
        for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # getpass.getuser's own order,
            if user := os.environ.get(name):                 # without loading it each start
                return user
        import getpass

        return getpass.getuser()
    except Exception:  # no login name and no passwd entry (containers): fall back to the uid
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _quote(text: str) -> str:
    """An SQL string literal (for the few fixed words, such as statuses, put into a query)."""
    return "'" + text.replace("'", "''") + "'"


def _check_file(path: Path, fix: str = "file_fix_db") -> None:
    """Refuse a file that exists but is not a SQLite database, before SQLite touches it;
    ``fix`` is the catalogue's key for what to do then."""
    if path.is_dir():
        raise LedgerFileError(say("file_ledger_folder", path=path))
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as f:
                header = f.read(len(SQLITE_HEADER))
        except OSError as e:
            raise LedgerFileError(say("file_ledger_unreadable", path=path,
                                      why=os_reason(e))) from None
        if header != SQLITE_HEADER:
            raise LedgerFileError(say("file_not_sqlite", path=path, fix=say(fix)))


def _create_private(path: Path) -> None:
    """Create an empty ledger file readable and writable by its owner only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as e:
        raise LedgerFileError(say("file_create", path=path, why=os_reason(e))) from None


# The report's figures per Smederij, stream and year, from its inner sums (stream_figures and
# check_facts compute the same columns in two ways).
_FLOW_SUMS = (
    "coalesce(sum(CASE t.kind WHEN 'carry_over' THEN max(p.amount_cents, 0) END), 0) "
    "    AS carried_in_cents, "
    "coalesce(sum(CASE t.kind WHEN 'allocation' THEN p.amount_cents "
    "    WHEN 'transfer' THEN p.amount_cents END), 0) AS allocated_cents, "
    "coalesce(sum(CASE t.kind WHEN 'carry_over' THEN min(p.amount_cents, 0) END), 0) "
    "    AS carried_out, "
    "coalesce(sum(CASE t.kind WHEN 'lapse' THEN p.amount_cents END), 0) AS lapsed")
# The flows per year, Smederij and stream from the transactions of the flow kinds alone (no
# posting of a payment, commitment or release is read, no transaction looked up per posting).
_FLOWS = (
    f"SELECT a.year, a.smederij, a.stream, {_FLOW_SUMS} "
    # CROSS JOIN: from the transactions of the flow kinds to their postings
    "FROM txn t CROSS JOIN posting p ON p.txn_id = t.id CROSS JOIN account a "
    "ON a.id = p.account_id WHERE t.kind IN ('allocation', 'transfer', 'carry_over', 'lapse') "
    "AND a.year IS NOT NULL GROUP BY a.year, a.smederij, a.stream")
_FIGURES = (
    "carried_in_cents, allocated_cents, spent_cents, committed_cents, available_cents, "
    "-carried_out AS carried_out_cents, -lapsed AS lapsed_cents, "
    "total - carried_in_cents - carried_out - allocated_cents - lapsed AS internal_cents")


class Store:
    """One open ledger file. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path, *, create: bool = True,
                 read_uri: str | None = None) -> None:
        """``read_uri`` ("?mode=ro" or "?immutable=1") opens an existing ledger for reading
        only, as it is: no WAL switch, no migration (the check's helper process does this)."""
        from smederij_cli.files import network_location, refuse_network

        self.path = Path(path)
        _check_file(self.path)
        self._create = create and not read_uri
        if not self.path.exists() or self.path.stat().st_size == 0:
            # Only init and demo make a ledger; any other command leaves the path as it was.
            if not self._create:
                raise NotFound(say("file_no_ledger", path=self.path))
            refuse_network(self.path)
            _create_private(self.path)
        self.network = None if read_uri else network_location(self.path)
        """The network file system the ledger is on, if any: then it is only read."""
        if self.network and create:
            refuse_network(self.path)
        self.read_only = bool(read_uri)
        try:
            if self.network:
                raise sqlite3.OperationalError("attempt to write a readonly database")
            self._open(read_uri or "")
        except sqlite3.OperationalError as e:
            if read_uri or not _cannot_write(e):
                raise LedgerFileError(_describe_db_error(self.path, e)) from None
            # A read-only file or folder: read the ledger as it is (reports still work; a write
            # is refused with one line). In a read-only folder SQLite cannot make the WAL index,
            # so the file is opened as immutable: nobody can be writing to it there either.
            self.read_only = True
            try:
                self._open("?mode=ro")
            except sqlite3.OperationalError:
                self._open("?immutable=1")
        except sqlite3.DatabaseError as e:
            raise LedgerFileError(_describe_db_error(self.path, e)) from None
        self._accounts: dict[str, int] = {}
        self.audit_context: dict[str, str] = {"actor": current_actor(), "command": ""}
        """Who is writing and with which command; the CLI sets ``command``."""
        self._notes: list[tuple[tuple[str, dict], int | None]] = []
        self._headline: tuple[tuple[str, dict], int | None] | None = None
        self._has_audit = self._has_table("audit")

    # -- lifecycle -------------------------------------------------------------------------------

    def _open(self, uri_query: str) -> None:
        if uri_query:
            conn = sqlite3.connect(self.path.resolve().as_uri() + uri_query, uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
        self.conn = conn
        stat = self.path.stat()
        self.file_id = [stat.st_dev, stat.st_ino]
        """Which file was opened (device, inode): a file replaced under this path is another."""
        self.uri_query = uri_query
        """How the file was opened: "" (read and write), "?mode=ro" or "?immutable=1"."""
        self._db: Database | None = None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite_utils' Database sets it
            self._refuse_foreign()
            self._refuse_newer()
            if not uri_query:
                # WAL before the first write (migrations included): readers never block the
                # writer. The switch is itself a write, so a read-only file fails here.
                if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
                    raise sqlite3.OperationalError("attempt to write a readonly database")
                self._migrate()
        except BaseException:
            conn.close()
            raise

    @property
    def db(self) -> Database:
        """The connection as a sqlite_utils ``Database``, for the migrations."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 [name]).fetchone() is not None

    @contextlib.contextmanager
    def guard(self) -> Iterator[Store]:
        """Turn a database failure met while using the ledger (a corrupt page found by a query,
        a read-only file met by a write) into one clear ``LedgerFileError``."""
        try:
            yield self
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as e:
            if isinstance(e, (sqlite3.IntegrityError, sqlite3.ProgrammingError)):
                raise  # a broken rule of the schema is a bug, not the user's file
            raise LedgerFileError(_describe_db_error(self.path, e)) from None

    def _refuse_foreign(self) -> None:
        """Before anything is written: an SQLite database of another program is left as it is
        (by init too); one with no tables at all is a ledger only init or demo may make."""
        tables = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")]
        if not tables:
            if not getattr(self, "_create", True):
                raise NotFound(say("file_no_ledger", path=self.path))
            return
        if not migrations.applied_names(self.conn):
            raise LedgerFileError(say("file_foreign", path=self.path, fix=say("file_fix_db")))

    def _refuse_newer(self) -> None:
        """Before anything is written: a ledger from a newer smederij is left as it is."""
        known = set(migrations.names())
        applied = migrations.applied_names(self.conn)
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise LedgerFileError(say("file_newer", path=self.path, step=unknown[-1]))

    def _migrate(self) -> None:
        if set(migrations.names()) - set(migrations.applied_names(self.conn)):
            # Under the write lock, so two clerks opening an old ledger at once migrate it once:
            # the second waits, then finds nothing pending.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                migrations.apply(self.db)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.rollback()
                raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[Store]:
        """One all-or-nothing write. Takes the write lock at the start (BEGIN IMMEDIATE), so a
        balance read inside it cannot change before the write that depends on it."""
        if self.conn.in_transaction:  # nested: the outer write owns the transaction
            yield self
            return
        if self.network:
            from smederij_cli.files import refuse_network

            refuse_network(self.path)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            # Never write into a damaged file: that would spread the damage. quick_check reads
            # every page (2-11 s for a national ledger, before every write), so above
            # PAGE_CHECK_MAX_BYTES a write relies on SQLite refusing the damaged pages it
            # meets (the transaction then rolls back) and on 'smederij check --deep'.
            damage = (self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
                      if self.small_enough_to_read_whole() else "ok")
        except sqlite3.DatabaseError as e:
            self.conn.rollback()
            raise LedgerFileError(_describe_db_error(self.path, e)) from None
        if damage != "ok":
            self.conn.rollback()
            raise LedgerFileError(_describe_db_error(
                self.path, sqlite3.DatabaseError(f"database disk image is malformed: {damage}")))
        self._notes, self._headline = [], None
        changes = self.conn.total_changes
        try:
            yield self
            if self.conn.total_changes != changes:  # only a write that changed something is logged
                self._insert_audit()
        except BaseException:
            self.conn.rollback()
            raise
        finally:
            self._notes, self._headline = [], None
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            self.conn.rollback()
            raise LedgerFileError(_describe_db_error(self.path, e)) from None

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Store]:
        """One consistent read of many queries (an export): a clerk writing meanwhile is not
        seen halfway. Inside a ``write()`` it simply joins it."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            self.conn.rollback()

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[Store]:
        """Inside a ``write()``: a part that is undone alone when it fails (one row of an
        import), the rest of the write going on. The account ids cached since are forgotten on
        undo: an undone account's id may be given to another."""
        assert self.conn.in_transaction, "savepoint must run inside Store.write()"
        self.conn.execute("SAVEPOINT part")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK TO part")
            self.conn.execute("RELEASE part")
            self._accounts.clear()
            raise
        self.conn.execute("RELEASE part")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Rows one at a time from the cursor, never all in memory: for whole-ledger exports."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        yield from cursor.execute(sql, params)

    def note(self, key: str, project_id: int | None = None, /, *, headline: bool = False,
             **values: Any) -> None:
        """Say what the current write does, for the audit trail: the catalogue key of its line
        (``log_...``) and the line's values as plain JSON (cents, ids, codes, ISO dates, typed
        text), e.g. ``note("log_approved", 12, project=12, amount_cents=450000)``. The line is
        made in the reader's language when it is read (``smederij_cli.history``). A
        ``headline`` replaces the notes of nested operations."""
        if headline:
            self._headline = ((key, values), project_id)
        else:
            self._notes.append(((key, values), project_id))

    def _insert_audit(self) -> None:
        if not self._has_audit:  # a ledger opened at an older schema step (upgrade tests)
            return
        from smederij_cli.history import stored

        notes = [self._headline] if self._headline else self._notes
        summary, said = stored([note for note, _ in notes])
        projects = {pid for _, pid in notes if pid is not None}
        columns, values = ["recorded_at", "actor", "command", "summary", "project_id"], [
            _now(), self.audit_context.get("actor") or current_actor(),
            self.audit_context.get("command", ""), summary,
            projects.pop() if len(projects) == 1 else None]
        if self._audit_said():
            columns.append("said")
            values.append(said)
        self.conn.execute(f"INSERT INTO audit ({', '.join(columns)}) "
                          f"VALUES ({', '.join('?' for _ in columns)})", values)

    def _audit_said(self) -> bool:
        """Whether the audit table keeps its notes' keys (m010; not at an older schema step)."""
        return any(r[1] == "said" for r in self.conn.execute("PRAGMA table_info(audit)"))

    def audit_rows(self, *, since: _dt.date | None = None,
                   project_id: int | None = None) -> list[dict]:
        where, params = [], []
        if since is not None:
            where.append("recorded_at >= ?")
            params.append(since.isoformat())
        if project_id is not None:
            where.append("project_id = ?")
            params.append(project_id)
        said = "said" if self._audit_said() else "NULL AS said"
        return self._all(f"SELECT id, recorded_at, actor, command, summary, project_id, {said} "
                         "FROM audit "
                         + (f"WHERE {' AND '.join(where)} " if where else "") + "ORDER BY id",
                         params)

    def _all(self, sql: str, params: Sequence[Any] | dict = ()) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] | dict = ()) -> dict | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None

    def _scalar(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- backups ---------------------------------------------------------------------------------

    def backup_to(self, dest: str | Path, *, force: bool = False) -> str:
        """A consistent copy of the ledger (SQLite's online backup API: others may go on writing),
        verified, in rollback-journal mode so it is one self-contained file, mode 0600. Written
        to a temporary name first, so a crash never leaves a half backup under ``dest``. Where
        it may go is ``files.open_output``'s rule: never the ledger or one of its files, never
        another SQLite database but an earlier smederij backup (with --force); ``-``, a pipe or
        a device gets the copy's bytes as a stream."""
        import shutil
        import tempfile

        from smederij_cli.files import open_output, resolve_output

        dest = Path(dest)
        what = say("file_what_backup")
        kind, real = resolve_output(dest, self.path, what, may_replace=_is_backup)
        if kind == "file" and real.exists() and not force:
            raise NotAllowed(say("file_exists", path=dest))
        try:
            with open_output(dest, self.path, what, may_replace=_is_backup,
                             mode=0o600) as out:
                if out.path is not None:
                    _copy_database(self.conn, out.path)
                else:  # a stream: the verified copy in a private folder, then its bytes
                    with tempfile.TemporaryDirectory(prefix=".smederij-backup-") as folder:
                        copy = Path(folder) / "backup.db"
                        _copy_database(self.conn, copy)
                        with copy.open("rb") as f:
                            shutil.copyfileobj(f, out.file)
        except OSError as e:
            raise LedgerFileError(say("file_backup_write", path=dest, why=os_reason(e))) from None
        lang = labels.message_language
        counts = say("file_counts", **{what: labels.counted(n, f"n_{what}", lang)
                                       for what, n in self.counts().items()})
        return say("file_backed_up", path=self.path, target=dest, counts=counts)

    def restore_from(self, source: Path) -> None:
        """Replace the whole content of this ledger with that of ``source`` (a checked copy), in
        one step under SQLite's locks, so other clerks see either the old or the new ledger."""
        src = sqlite3.connect(str(source))
        try:
            src.backup(self.conn)
        finally:
            src.close()
        self._accounts.clear()
        self._has_audit = self._has_table("audit")

    # -- about the file --------------------------------------------------------------------------

    def schema_version(self) -> tuple[int, str]:
        applied = migrations.applied_names(self.conn)
        return len(applied), (applied[-1] if applied else "")

    def counts(self) -> dict[str, int]:
        tables = {"smederijen": "smederij", "projects": "project", "payments": "payment",
                  "transactions": "txn", "postings": "posting"}
        return {label: self._scalar(f"SELECT count(*) FROM {table}")
                for label, table in tables.items()}

    def small_enough_to_read_whole(self) -> bool:
        """Whether the file is small enough to read every page as a matter of course."""
        return self.path.stat().st_size <= PAGE_CHECK_MAX_BYTES

    def file_problems(self) -> list[str]:
        """SQLite's integrity_check of every page and index, and its foreign_key_check."""
        rows = [" ".join(r[0].split())
                for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [r for r in rows if r != "ok"]
        for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(say("file_row_orphan", table=table, rowid=rowid, parent=parent))
        return problems

    def get_setting(self, key: str) -> str | None:
        return self._scalar("SELECT value FROM setting WHERE key = ?", [key])

    def set_setting(self, key: str, value: str) -> None:
        if self.get_setting(key) == value:  # unchanged: no write, so no audit row for nothing
            return
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

    # -- registry --------------------------------------------------------------------------------

    def sync_rows(self, table: str, rows: list[dict]) -> dict[str, int]:
        """Make ``table`` (team, stream or smederij) match ``rows``: insert new codes, update the
        others, deactivate codes no longer listed. Never deletes. Returns what changed."""
        assert table in ("team", "stream", "smederij")
        existing = {r["code"]: r for r in self._all(f"SELECT * FROM {table}")}
        changes = {"added": 0, "updated": 0, "deactivated": 0}
        for position, row in enumerate(rows):
            row = {**row, "position": position, "active": 1}
            old = existing.pop(row["code"], None)
            if old is None:
                changes["added"] += 1
            elif any(old[k] != v for k, v in row.items()):
                changes["updated"] += 1
            else:
                continue
            columns = list(row)
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)}) ON CONFLICT (code) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in columns if c != "code"),
                [row[c] for c in columns],
            )
        for code, old in existing.items():
            if old["active"]:
                self.conn.execute(f"UPDATE {table} SET active = 0 WHERE code = ?", [code])
                changes["deactivated"] += 1
        return changes

    def teams(self) -> list[dict]:
        return self._all("SELECT * FROM team ORDER BY position, code")

    def streams(self, active_only: bool = True) -> list[dict]:
        where = "WHERE active = 1" if active_only else ""
        return self._all(f"SELECT * FROM stream {where} ORDER BY position, code")

    def stream(self, code: str) -> dict | None:
        return self._one("SELECT * FROM stream WHERE code = ?", [code])

    def smederijen(self, active_only: bool = True) -> list[dict]:
        where = "WHERE s.active = 1" if active_only else ""
        return self._all(
            "SELECT s.*, t.name AS team_name FROM smederij s LEFT JOIN team t ON t.code = s.team "
            f"{where} ORDER BY s.position, s.code")

    def smederij(self, code: str) -> dict | None:
        return self._one(
            "SELECT s.*, t.name AS team_name FROM smederij s LEFT JOIN team t ON t.code = s.team "
            "WHERE s.code = ?", [code])

    # -- years -----------------------------------------------------------------------------------

    def year_closed_at(self, year: int) -> str | None:
        return self._scalar("SELECT closed_at FROM year WHERE year = ?", [year])

    def ensure_year(self, year: int) -> None:
        self.conn.execute("INSERT OR IGNORE INTO year (year) VALUES (?)", [year])

    def close_year(self, year: int) -> None:
        self.ensure_year(year)
        self.conn.execute("UPDATE year SET closed_at = ? WHERE year = ?", [_now(), year])

    def last_closed_year(self) -> int | None:
        return self._scalar("SELECT max(year) FROM year WHERE closed_at IS NOT NULL")

    def year_has_money(self, year: int) -> bool:
        """Whether budget ``year`` ever received money: an allocation, or money (available or
        committed) carried in from the year before."""
        return bool(self._scalar(
            "SELECT EXISTS (SELECT 1 FROM account a JOIN posting p ON p.account_id = a.id "
            "JOIN txn t ON t.id = p.txn_id WHERE a.year = ? AND p.amount_cents > 0 "
            "AND t.kind IN ('allocation', 'carry_over'))", [year]))

    def years(self) -> list[dict]:
        return self._all(
            "SELECT year, closed_at FROM year UNION "
            "SELECT DISTINCT year, NULL FROM account WHERE year IS NOT NULL "
            "AND year NOT IN (SELECT year FROM year) ORDER BY year")

    # -- accounts and transactions ---------------------------------------------------------------

    def account_id(self, name: str, kind: str, stream: str, year: int | None = None,
                   smederij: str | None = None, project_id: int | None = None) -> int:
        """The id of the named account, created on first use."""
        if name in self._accounts:
            return self._accounts[name]
        row = self._scalar("SELECT id FROM account WHERE name = ?", [name])
        if row is None:
            row = self.conn.execute(
                "INSERT INTO account (name, kind, stream, year, smederij, project_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [name, kind, stream, year, smederij, project_id]).lastrowid
        self._accounts[name] = row
        return row

    def account_ids(self, accounts: Iterable[tuple[str, str, str, int | None, str | None,
                                                   int | None]]) -> dict[str, int]:
        """``account_id`` for many accounts at once, given as (name, kind, stream, year,
        smederij, project id): those missing are created, in the order given. Two statements."""
        wanted = {a[0]: a for a in accounts}
        self.conn.executemany(
            "INSERT OR IGNORE INTO account (name, kind, stream, year, smederij, project_id) "
            "VALUES (?, ?, ?, ?, ?, ?)", list(wanted.values()))
        ids = dict(self.conn.execute(
            "SELECT name, id FROM account WHERE name IN (SELECT value FROM json_each(?))",
            [json.dumps(list(wanted))]).fetchall())
        self._accounts.update(ids)
        return ids

    def post(self, date: _dt.date, kind: str, description: str,
             postings: Iterable[tuple[int, int]], project_id: int | None = None,
             reverses: int | None = None) -> int:
        """Book one transaction of (account id, cents) postings; they must sum to zero."""
        postings = [(account, cents) for account, cents in postings if cents]
        if len(postings) < 2 or sum(c for _, c in postings) != 0:
            raise ValueError(f"unbalanced transaction {description!r}: {postings}")
        txn = self.conn.execute(
            "INSERT INTO txn (date, kind, description, project_id, reverses, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [date.isoformat(), kind, description, project_id, reverses, _now()]).lastrowid
        self.conn.executemany(
            "INSERT INTO posting (txn_id, account_id, amount_cents) VALUES (?, ?, ?)",
            [(txn, account, cents) for account, cents in postings])
        return txn

    def balance(self, name: str) -> int:
        return self._scalar(
            "SELECT coalesce(sum(p.amount_cents), 0) FROM posting p "
            "JOIN account a ON a.id = p.account_id WHERE a.name = ?", [name])

    def commitment_year(self, project_id: int) -> int | None:
        """The latest year holding a commitment account of the project (None before approval)."""
        return self._scalar("SELECT max(year) FROM account WHERE project_id = ? "
                            "AND kind = 'committed'", [project_id])

    def transaction_postings(self, txn_id: int) -> list[dict]:
        return self._all(
            "SELECT a.name, a.kind, a.year, a.smederij, a.stream, a.project_id, p.amount_cents, "
            "p.account_id FROM posting p JOIN account a ON a.id = p.account_id "
            "WHERE p.txn_id = ? ORDER BY p.id", [txn_id])

    def transaction(self, txn_id: int) -> dict | None:
        return self._one(
            "SELECT t.*, r.id AS reversed_by FROM txn t LEFT JOIN txn r ON r.reverses = t.id "
            "WHERE t.id = ?", [txn_id])

    def budget_moves(self, year: int) -> list[dict]:
        """Allocations and transfers booked on a year's accounts, one row per posting."""
        return self._all(
            "SELECT t.id AS txn, t.date, t.kind, t.description, a.smederij, a.stream, "
            "p.amount_cents FROM posting p JOIN account a ON a.id = p.account_id "
            "JOIN txn t ON t.id = p.txn_id WHERE a.year = ? AND a.kind = 'available' "
            "AND t.kind IN ('allocation', 'transfer') ORDER BY t.id, p.id", [year])

    # -- the age of money ------------------------------------------------------------------------

    def add_vintages(self, txn_id: int, rows: Iterable[tuple[int, dict[int, int]]]) -> None:
        """Keep, for postings of transaction ``txn_id``, how old their money is: (account id,
        {vintage: signed cents}) pairs; nothing for a posting of its account's year only."""
        self.conn.executemany(
            "INSERT INTO vintage (txn_id, account_id, year, cents) VALUES (?, ?, ?, ?)",
            [(txn_id, account, vintage, cents) for account, money in rows
             for vintage, cents in money.items() if cents])

    def available_money(self, year: int, smederij: str | None = None, stream: str | None = None
                        ) -> dict[tuple[str, str], tuple[dict[int, int], int]]:
        """(Smederij, stream) -> (its money by vintage, allocated) of the available accounts of
        ``year`` (of every Smederij and stream, or of one), as they stand before the rollover
        of ``year``: {year allocated: cents}, and the allocations and transfers net.

        Two grouped queries: the accounts' balances from their postings (as ``stream_figures``
        reads them) and the vintage rows of the same accounts (index vintage_account); a
        posting without rows is money of its account's year, so that year holds the balance
        less what the rows hold."""
        where = ("AND a.smederij = :smederij AND a.stream = :stream "
                 if smederij is not None else "")
        params = {"year": year, "smederij": smederij, "stream": stream}
        # Leaving out what the rollover of the year took out: its carry-overs and lapses.
        held = "NOT (t.kind IN ('carry_over', 'lapse') AND {} < 0)"
        money: dict[tuple[str, str], tuple[dict[int, int], int]] = {}
        for r in self.conn.execute(
                "SELECT a.smederij, a.stream, sum(p.amount_cents), "
                "coalesce(sum(CASE WHEN t.kind IN ('allocation', 'transfer') "
                "    THEN p.amount_cents END), 0) "
                "FROM account a JOIN posting p ON p.account_id = a.id "
                "JOIN txn t ON t.id = p.txn_id WHERE a.kind = 'available' AND a.year = :year "
                f"AND {held.format('p.amount_cents')} {where}"
                "GROUP BY a.id", params):
            money[(r[0], r[1])] = ({year: r[2]}, r[3])
        for sm, st, vintage, cents in self.conn.execute(
                "SELECT a.smederij, a.stream, v.year, sum(v.cents) "
                "FROM vintage v JOIN account a ON a.id = v.account_id "
                "JOIN txn t ON t.id = v.txn_id WHERE a.kind = 'available' AND a.year = :year "
                f"AND {held.format('v.cents')} {where}"
                "GROUP BY a.id, v.year", params):
            vintages = money.setdefault((sm, st), ({year: 0}, 0))[0]
            vintages[year] -= cents
            vintages[vintage] = vintages.get(vintage, 0) + cents
        return {key: ({v: c for v, c in sorted(vintages.items()) if c}, allocated)
                for key, (vintages, allocated) in money.items()}

    def commitment_postings(self, project_id: int) -> list[dict]:
        """The postings on a project's committed accounts in booking order, each with its
        transaction's kind and the payment it reverses, its account's year and its vintage
        rows ({vintage: cents}, empty: all of the account's year): ``domain.project_money``."""
        rows = self._all(
            "SELECT p.txn_id, t.kind, t.reverses, p.amount_cents AS cents, a.year, "
            "(SELECT json_group_object(v.year, v.cents) FROM vintage v "
            "    WHERE v.txn_id = p.txn_id AND v.account_id = p.account_id) AS vintages "
            "FROM account a JOIN posting p ON p.account_id = a.id JOIN txn t ON t.id = p.txn_id "
            "WHERE a.project_id = ? AND a.kind = 'committed' ORDER BY p.txn_id, p.id",
            [project_id])
        for r in rows:
            r["vintages"] = {int(k): c for k, c in json.loads(r["vintages"] or "{}").items()}
        return rows

    def vintage_problems(self) -> list[str]:
        """What breaks the bookkeeping of the age of money: a rollover that carried older money
        than it let lapse (what carries is the newest), vintage rows that do not add up to their
        posting, and an available account holding less than nothing of some year. They read
        every vintage row: a second or so for a national ledger, so 'check' runs them where it
        reads the file's pages (``Ledger.checks_file``)."""
        problems = [
            say("file_age_order", year=r["year"], smederij=r["smederij"], stream=r["stream"],
                carried=r["carried"], lapsed=r["lapsed"])
            for r in self._all(
                # carry-overs and lapses of available money are the transactions of no
                # project (index txn_project); only a carry-over with vintage rows can have
                # carried money older than its account's year
                "WITH carried AS (SELECT v.account_id, min(v.year) AS year FROM txn t "
                "    JOIN vintage v ON v.txn_id = t.id WHERE t.project_id IS NULL "
                "    AND t.kind = 'carry_over' AND v.cents < 0 GROUP BY v.account_id), "
                "lapsed AS (SELECT p.account_id, max(coalesce(v.year, a.year)) AS year "
                "    FROM txn t JOIN posting p ON p.txn_id = t.id "
                "    JOIN account a ON a.id = p.account_id LEFT JOIN vintage v "
                "    ON v.txn_id = p.txn_id AND v.account_id = p.account_id "
                "    WHERE t.project_id IS NULL AND t.kind = 'lapse' AND a.kind = 'available' "
                "    GROUP BY p.account_id) "
                "SELECT a.year, a.smederij, a.stream, c.year AS carried, l.year AS lapsed "
                "FROM carried c JOIN lapsed l ON l.account_id = c.account_id "
                "JOIN account a ON a.id = c.account_id WHERE c.year < l.year "
                "ORDER BY 1, 2, 3")]
        problems += [
            say("file_age_sum", txn=r["txn_id"], account=r["name"], total=r["total"],
                posted=r["posted"]) for r in self._all(
                "SELECT g.txn_id, a.name, g.total, g.posted FROM ("
                "    SELECT v.txn_id, v.account_id, sum(v.cents) AS total, "
                "    p.amount_cents AS posted FROM vintage v LEFT JOIN posting p "
                "    ON p.txn_id = v.txn_id AND p.account_id = v.account_id "
                "    GROUP BY v.txn_id, v.account_id HAVING total IS NOT posted) g "
                "JOIN account a ON a.id = g.account_id ORDER BY 1")]
        # Only an account with vintage rows can hold money of another year than its own, and
        # only a carry-over with rows can have carried money older than its account's year:
        # both are found from table vintage, not from every posting of the ledger.
        problems += [
            say("file_age_held", account=r["name"], held=r["held"], vintage=r["vintage"])
            for r in self._all(
                "WITH touched AS (SELECT DISTINCT account_id FROM vintage) "
                "SELECT a.name, coalesce(v.year, a.year) AS vintage, "
                "sum(coalesce(v.cents, p.amount_cents)) AS held "
                "FROM touched JOIN account a ON a.id = touched.account_id "
                "JOIN posting p ON p.account_id = a.id "
                "LEFT JOIN vintage v ON v.txn_id = p.txn_id AND v.account_id = p.account_id "
                "WHERE a.kind = 'available' GROUP BY a.id, vintage HAVING held < 0 "
                "ORDER BY a.id, vintage")]
        return problems

    # open_commitment: what is still committed on each project's account of :year (non-zero
    # only), the commitments a rollover carries. Each balance summed once, from index
    # posting_account_txn (a correlated sum: no sort, unlike a join grouped by account).
    _OPEN_COMMITMENTS = (
        "WITH balance AS MATERIALIZED (SELECT a.id, a.smederij, a.stream, a.project_id, "
        "    (SELECT sum(p.amount_cents) FROM posting p WHERE p.account_id = a.id) AS cents "
        "    FROM account a WHERE a.year = :year AND a.kind = 'committed'), "
        "open_commitment AS (SELECT * FROM balance WHERE cents <> 0) ")

    def open_commitments(self, year: int) -> dict[tuple[str, str], tuple[int, int]]:
        """(Smederij, stream) -> (how many projects, cents) still committed on ``year``."""
        return {(sm, stream): (n, cents) for sm, stream, n, cents in self.conn.execute(
            f"{self._OPEN_COMMITMENTS} SELECT smederij, stream, count(*), sum(cents) "
            "FROM open_commitment GROUP BY smederij, stream", {"year": year})}

    def book_rollover(self, year: int, date: _dt.date, budget: Sequence[tuple],
                      committed_account: Callable[[str, str, int], str],
                      commitment_text: Callable[[int], str], ages: Sequence[tuple] = ()
                      ) -> dict[tuple[str, str], tuple[int, int]]:
        """Book a rollover inside a ``write()``, set-based: no row per commitment passes
        through Python. ``budget`` has per Smederij and stream with something to carry or
        lapse (smederij, stream, carried cents, lapsed cents, its available account of
        ``year``, of the next year, the funding account, the carry-over's description, the
        lapse's description).

        The transactions are those ``post`` would book (each posting from the paying account
        first), in this order: carry-overs (by Smederij and stream: the available budget, then
        every open commitment of ``year``, by project, from the project's committed account to
        ``committed_account(smederij, stream, project)``, described by
        ``commitment_text(project)``), then lapses. The receiving accounts are created where
        missing, in that order. The plan is one temporary table, then one statement each for
        the accounts, the transactions and the postings. ``ages`` are the vintage rows of the
        carry-overs and lapses of the available budget: (smederij, stream, kind of the
        transaction, 0 for the paying account or 1 for the receiving one, vintage, cents),
        written with one more statement. Returns the commitments carried, as
        ``open_commitments`` counts them.
        """
        assert self.conn.in_transaction, "book_rollover must run inside Store.write()"
        # The inserts touch index pages all over the file (a commitment's account, its project):
        # a larger page cache for the rollover keeps them in memory until the commit.
        cache = self._scalar("PRAGMA cache_size")
        self.conn.execute(f"PRAGMA cache_size = -{ROLLOVER_CACHE_KIB}")
        try:
            return self._book_rollover(year, date, budget, committed_account, commitment_text,
                                       ages)
        finally:
            self.conn.execute(f"PRAGMA cache_size = {cache}")

    def _book_rollover(self, year: int, date: _dt.date, budget: Sequence[tuple],
                       committed_account: Callable[[str, str, int], str],
                       commitment_text: Callable[[int], str], ages: Sequence[tuple]
                       ) -> dict[tuple[str, str], tuple[int, int]]:
        conn = self.conn
        conn.create_function("rollover_committed_account", 3, committed_account,
                             deterministic=True)
        conn.create_function("rollover_commitment_text", 1, commitment_text, deterministic=True)
        conn.execute("DROP TABLE IF EXISTS temp.rollover_budget")
        conn.execute("DROP TABLE IF EXISTS temp.rollover_entry")
        conn.execute("CREATE TEMP TABLE rollover_budget (smederij TEXT, stream TEXT, "
                     "carried INTEGER, lapsed INTEGER, here TEXT, there TEXT, funding TEXT, "
                     "carry_text TEXT, lapse_text TEXT)")
        conn.executemany("INSERT INTO temp.rollover_budget VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         budget)
        # seq: the order of the transactions. source: the account paying (its id when known,
        # else its name); target: the account receiving, with what creating it needs.
        conn.execute("""CREATE TEMP TABLE rollover_entry (
            seq INTEGER PRIMARY KEY, kind TEXT, description TEXT, project_id INTEGER,
            cents INTEGER, source INTEGER, source_name TEXT, stream TEXT, target_name TEXT,
            target_kind TEXT, target_year INTEGER, target_smederij TEXT, smederij TEXT)""")
        conn.execute(
            f"{self._OPEN_COMMITMENTS}"
            "INSERT INTO temp.rollover_entry (seq, kind, description, project_id, cents, source, "
            "    source_name, stream, target_name, target_kind, target_year, target_smederij, "
            "    smederij) "
            "SELECT row_number() OVER (ORDER BY lapse, smederij, stream, project_id), "
            "    CASE lapse WHEN 0 THEN 'carry_over' ELSE 'lapse' END, description, project_id, "
            "    cents, source, source_name, stream, target_name, target_kind, target_year, "
            "    target_smederij, smederij FROM ("
            "  SELECT 0 AS lapse, smederij, stream, NULL AS project_id, carried AS cents, "
            "      carry_text AS description, NULL AS source, here AS source_name, "
            "      there AS target_name, 'available' AS target_kind, :next AS target_year, "
            "      smederij AS target_smederij FROM temp.rollover_budget WHERE carried <> 0 "
            "  UNION ALL "
            "  SELECT 0, c.smederij, c.stream, c.project_id, c.cents, "
            "      rollover_commitment_text(c.project_id), c.id, NULL, "
            "      rollover_committed_account(c.smederij, c.stream, c.project_id), "
            "      'committed', :next, c.smederij "
            "      FROM open_commitment c "
            "  UNION ALL "
            "  SELECT 1, smederij, stream, NULL, lapsed, lapse_text, NULL, here, funding, "
            "      'funding', NULL, NULL FROM temp.rollover_budget WHERE lapsed <> 0)",
            {"year": year, "next": year + 1})
        # The accounts paying exist: their balances are what is carried.
        conn.execute(
            "INSERT OR IGNORE INTO account (name, kind, stream, year, smederij, project_id) "
            "SELECT target_name, target_kind, stream, target_year, target_smederij, project_id "
            "FROM temp.rollover_entry ORDER BY seq")
        first = (self._scalar("SELECT max(id) FROM txn") or 0) + 1
        conn.execute(
            "INSERT INTO txn (id, date, kind, description, project_id, recorded_at) "
            "SELECT :first + seq - 1, :date, kind, description, project_id, :now "
            "FROM temp.rollover_entry ORDER BY seq",
            {"first": first, "date": date.isoformat(), "now": _now()})
        conn.execute(
            "INSERT INTO posting (txn_id, account_id, amount_cents) "
            "SELECT :first + seq - 1, account_id, cents FROM ("
            "  SELECT seq, 0 AS leg, coalesce(source, "
            "      (SELECT id FROM account WHERE name = source_name)) AS account_id, "
            "      -cents AS cents FROM temp.rollover_entry "
            "  UNION ALL "
            "  SELECT seq, 1, (SELECT id FROM account WHERE name = target_name), cents "
            "      FROM temp.rollover_entry) ORDER BY seq, leg", {"first": first})
        if ages:
            conn.execute("CREATE TEMP TABLE rollover_age (smederij TEXT, stream TEXT, kind TEXT, "
                         "leg INTEGER, year INTEGER, cents INTEGER)")
            conn.executemany("INSERT INTO temp.rollover_age VALUES (?, ?, ?, ?, ?, ?)", ages)
            conn.execute(
                "INSERT INTO vintage (txn_id, account_id, year, cents) "
                "SELECT :first + e.seq - 1, (SELECT id FROM account WHERE name = "
                "    CASE g.leg WHEN 0 THEN e.source_name ELSE e.target_name END), g.year, g.cents "
                "FROM temp.rollover_age g JOIN temp.rollover_entry e ON e.smederij = g.smederij "
                "AND e.stream = g.stream AND e.kind = g.kind AND e.source IS NULL "
                "ORDER BY e.seq, g.leg, g.year", {"first": first})
            conn.execute("DROP TABLE temp.rollover_age")
        held = {(sm, stream): (n, cents) for sm, stream, n, cents in conn.execute(
            "SELECT target_smederij, stream, count(*), sum(cents) FROM temp.rollover_entry "
            "WHERE source IS NOT NULL GROUP BY target_smederij, stream")}
        conn.execute("DROP TABLE temp.rollover_entry")
        conn.execute("DROP TABLE temp.rollover_budget")
        return held

    def rollover_moves(self, year: int) -> list[dict]:
        """What the rollover of ``year`` booked, per Smederij and stream: available budget
        carried and lapsed, and commitments carried (read back from its postings)."""
        return self._all(
            "SELECT a.smederij, a.stream, "
            "coalesce(sum(CASE WHEN t.kind = 'carry_over' AND a.kind = 'available' "
            "    THEN -p.amount_cents END), 0) AS carried_cents, "
            "coalesce(sum(CASE WHEN t.kind = 'lapse' THEN -p.amount_cents END), 0) "
            "    AS lapsed_cents, "
            "coalesce(sum(CASE WHEN t.kind = 'carry_over' AND a.kind = 'committed' "
            "    THEN -p.amount_cents END), 0) AS commitments_carried_cents "
            "FROM posting p JOIN account a ON a.id = p.account_id JOIN txn t ON t.id = p.txn_id "
            "WHERE a.year = ? AND t.kind IN ('carry_over', 'lapse') AND p.amount_cents < 0 "
            "GROUP BY a.smederij, a.stream", [year])

    def applied_plans(self, year: int) -> dict[str, int]:
        """Stream -> transaction of the configuration's allocation plans applied to ``year``."""
        return {r["stream"]: r["txn_id"] for r in self._all(
            "SELECT stream, txn_id FROM plan_allocation WHERE year = ?", [year])}

    def record_plan(self, year: int, stream: str, txn_id: int) -> None:
        self.conn.execute("INSERT INTO plan_allocation (year, stream, txn_id) VALUES (?, ?, ?)",
                          [year, stream, txn_id])

    # -- projects --------------------------------------------------------------------------------

    def insert_project(self, row: dict, cofunding: dict[str, int]) -> int:
        row = {**row, "recorded_at": _now()}
        columns = list(row)
        project_id = self.conn.execute(
            f"INSERT INTO project ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})", [row[c] for c in columns]).lastrowid
        self.conn.executemany(
            "INSERT INTO cofunding (project_id, source, amount_cents) VALUES (?, ?, ?)",
            [(project_id, source, cents) for source, cents in cofunding.items()])
        return project_id

    def project(self, project_id: int) -> dict | None:
        return self._one(
            "SELECT p.*, s.name AS smederij_name FROM project p "
            "JOIN smederij s ON s.code = p.smederij WHERE p.id = ?", [project_id])

    def set_project_status(self, project_id: int, date: _dt.date, from_status: str | None,
                           to_status: str, note: str, txn_id: int | None = None) -> None:
        self.conn.execute("UPDATE project SET status = ? WHERE id = ?", [to_status, project_id])
        self.conn.execute(
            "INSERT INTO project_event (project_id, date, from_status, to_status, note, txn_id, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [project_id, date.isoformat(), from_status, to_status, note, txn_id, _now()])

    def project_events(self, project_id: int) -> list[dict]:
        return self._all(
            "SELECT date, from_status, to_status, note, txn_id, recorded_at FROM project_event "
            "WHERE project_id = ? ORDER BY id", [project_id])

    def cofunding(self, project_id: int) -> dict[str, int]:
        return {r["source"]: r["amount_cents"] for r in self._all(
            "SELECT source, amount_cents FROM cofunding WHERE project_id = ? ORDER BY source",
            [project_id])}

    def projects(self, *, year: int | None = None, smederij: str | None = None,
                 status: str | None = None, stream: str | None = None,
                 theme: str | None = None, carried_before: int | None = None
                 ) -> list[dict]:
        """Projects with their committed (left to pay), paid and co-funding totals; of a
        ``year``, also those carried into it, with ``carried_from`` (their own year; only
        those of years before ``carried_before``, if given).

        The filters pick the projects first (index project_year_status); only their accounts'
        postings are summed, one correlated probe each (account_project_kind,
        posting_account_txn)."""
        filters = {"p.smederij": smederij, "p.status": status, "p.stream": stream,
                   "p.theme": theme}
        where = [f"{column} = ?" for column, value in filters.items() if value is not None]
        params: list[Any] = [value for value in filters.values() if value is not None]

        def money(kind: str) -> str:
            return ("coalesce((SELECT sum(q.amount_cents) FROM account a "
                    "JOIN posting q ON q.account_id = a.id "
                    f"WHERE a.project_id = p.id AND a.kind = '{kind}'), 0)")

        columns = ("p.id, p.year, p.smederij, p.stream, p.title, p.theme, p.status, "
                   "p.requested_cents, p.supporters, p.volunteers, "
                   f"{money('committed')} AS committed_cents, {money('spent')} AS paid_cents, "
                   "coalesce((SELECT sum(amount_cents) FROM cofunding c "
                   "WHERE c.project_id = p.id), 0) AS cofunding_cents, "
                   # the days it was submitted and approved, from its history (one probe each,
                   # index project_event_project)
                   "(SELECT min(e.date) FROM project_event e WHERE e.project_id = p.id) "
                   "AS submitted, (SELECT min(e.date) FROM project_event e "
                   "WHERE e.project_id = p.id AND e.to_status = 'approved') AS approved")
        if year is None:
            return self._all(f"SELECT {columns}, NULL AS carried_from, "
                             "NULL AS status_at_close FROM project p "
                             + (f"WHERE {' AND '.join(where)} " if where else "")
                             + "ORDER BY p.id", params)
        # A closed year's projects also say their status as it was at the close (its report
        # counts them so), from their history.
        closed_at = self.year_closed_at(year)
        columns += (", " + _STATUS_AT_CLOSE.replace(":closed_at", _quote(closed_at))
                    if closed_at else ", NULL") + " AS status_at_close"
        # A year's projects are its own and those whose money was carried into it (a committed
        # account of the year): the second part reads the year's committed accounts (index
        # account_year_project, or account_year_kind for one Smederij).
        also = "".join(f" AND {w}" for w in where)
        # the account has the project's Smederij and stream: filtered there, by the index
        carried = also.replace("p.smederij", "ca.smederij").replace("p.stream", "ca.stream")
        return self._all(
            f"SELECT {columns}, NULL AS carried_from FROM project p WHERE p.year = ?{also} "
            "UNION ALL "
            f"SELECT {columns}, p.year AS carried_from FROM account ca JOIN project p "
            "ON p.id = ca.project_id WHERE ca.year = ? AND ca.kind = 'committed' "
            f"AND p.year < ?{carried} ORDER BY 1",
            [year, *params, year, min(year, carried_before or year), *params])

    def project_money_at_close(self, year: int) -> dict[int, tuple[int, int]]:
        """Per project of ``year`` (its own and those carried into it): (committed, paid) as at
        the year's close. Read only from accounts of ``year`` and before, which nothing changes
        once the year is closed: paid is what its spent accounts hold; committed is what the
        rollover carried out of its committed account of ``year`` (0 if it had none left)."""
        rows = self._all(
            "SELECT a.project_id AS id, "
            "coalesce(-sum(CASE WHEN a.kind = 'committed' AND a.year = :year "
            "AND t.kind = 'carry_over' THEN q.amount_cents END), 0) AS committed, "
            "coalesce(sum(CASE WHEN a.kind = 'spent' THEN q.amount_cents END), 0) AS paid "
            "FROM account a JOIN posting q ON q.account_id = a.id "
            "JOIN txn t ON t.id = q.txn_id "
            "WHERE a.project_id IN (SELECT id FROM project WHERE year = :year UNION "
            "SELECT project_id FROM account WHERE year = :year AND kind = 'committed' "
            "AND project_id IS NOT NULL) "
            "AND a.year <= :year AND a.kind IN ('committed', 'spent') GROUP BY a.project_id",
            {"year": year})
        return {r["id"]: (r["committed"], r["paid"]) for r in rows}

    def project_status_counts(self, year: int, stream: str | None = None,
                              statuses: Sequence[str] = ()) -> dict[str, dict[str, int]]:
        """Per Smederij, how many of the year's projects (of one stream, if given) have each
        of ``statuses`` (0 where none), and under ``"carried_in"`` how many of them came from
        an earlier year. The year's projects are its own and those carried into it
        (``_MEMBERS``). A closed year's counts are those stored when it closed
        (``closed_year_projects``), which never change; an open year's are the projects'
        statuses now. One row per Smederij: the statuses are summed into columns in SQL."""
        columns = "".join(f"coalesce(sum(CASE status WHEN {_quote(status)} THEN n END), 0), "
                          for status in statuses)
        if self.year_closed_at(year) and self._has_table("closed_year_projects"):
            source = ("SELECT smederij, status, projects AS n, carried_in AS carried "
                      "FROM closed_year_projects WHERE year = :year "
                      "AND (:stream IS NULL OR stream = :stream)")
        else:
            source = ("SELECT smederij, status, 1 AS n, carried FROM ("
                      + _MEMBERS.format(status="p.status", own="") + ") "
                      "WHERE :stream IS NULL OR stream = :stream")
        rows = self.conn.execute(f"SELECT smederij, {columns}sum(carried) FROM ({source}) "
                                 "GROUP BY smederij", {"year": year, "stream": stream})
        keys = (*statuses, "carried_in")
        return {code: dict(zip(keys, counts)) for code, *counts in rows}

    def snapshot_project_counts(self, year: int) -> None:
        """Store the counts of ``year``'s projects by status as they are now, inside the
        rollover's ``write()`` that closes the year (``project_status_counts``)."""
        assert self.conn.in_transaction, "snapshot_project_counts must run inside write()"
        if self._has_table("closed_year_projects"):
            self.conn.execute(_SNAPSHOT.format(members=_MEMBERS.format(status="p.status",
                                                                       own="")),
                              {"year": year})

    # -- payments --------------------------------------------------------------------------------

    def insert_payment(self, project_id: int, txn_id: int, date: _dt.date, amount_cents: int,
                       payee: str, reference: str | None) -> int:
        return self.conn.execute(
            "INSERT INTO payment (project_id, txn_id, date, amount_cents, payee, reference) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [project_id, txn_id, date.isoformat(), amount_cents, payee, reference]).lastrowid

    def book_payments(self, rows: Sequence[tuple[int, _dt.date, int, int, int, str, str | None,
                                                  str]]) -> range:
        """Book many payments at once, inside a ``write()``: rows of (project id, date, cents,
        committed account, spent account, payee, reference, description). Each books as
        ``Ledger.pay`` books one: a ``payment`` transaction moving the cents from committed to
        spent, and its payment row. Returns the new transaction ids, in the order of the rows.

        The rows go into a temporary table with one ``executemany``, and SQLite writes the
        transactions, postings and payments from it with INSERT ... SELECT: half the time of
        three ``executemany`` passes from Python. The ids are assigned here (the write lock is
        held, so nobody else takes them)."""
        assert self.conn.in_transaction, "book_payments must run inside Store.write()"
        first = (self._scalar("SELECT max(id) FROM txn") or 0) + 1
        self.conn.execute("CREATE TEMP TABLE booking (txn INTEGER PRIMARY KEY, project_id, "
                          "date, cents, committed, spent, payee, reference, description)")
        try:
            self.conn.executemany(
                "INSERT INTO temp.booking VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(txn, project_id, date.isoformat(), cents, committed, spent, payee, reference,
                  description)
                 for txn, (project_id, date, cents, committed, spent, payee, reference,
                           description) in enumerate(rows, first)])
            self.conn.execute(
                "INSERT INTO txn (id, date, kind, description, project_id, recorded_at) "
                "SELECT txn, date, 'payment', description, project_id, ? FROM temp.booking "
                "ORDER BY txn", [_now()])
            self.conn.execute(  # per transaction: committed first, as Ledger.pay posts them
                "INSERT INTO posting (txn_id, account_id, amount_cents) "
                "SELECT txn, account, cents FROM ("
                "  SELECT txn, committed AS account, -cents AS cents, 0 AS side FROM temp.booking"
                "  UNION ALL SELECT txn, spent, cents, 1 FROM temp.booking) ORDER BY txn, side")
            self.conn.execute(
                "INSERT INTO payment (project_id, txn_id, date, amount_cents, payee, reference) "
                "SELECT project_id, txn, date, cents, payee, reference FROM temp.booking "
                "ORDER BY txn")
        finally:
            self.conn.execute("DROP TABLE temp.booking")
        return range(first, first + len(rows))

    def payment_projects(self, project_ids: Iterable[int]) -> dict[int, dict]:
        """For an import: the named projects, each with its status, the budget year its money
        lives in now, that year's commitment account and what is left on it. One query."""
        rows = self._all(
            "WITH wanted(id) AS (SELECT DISTINCT value FROM json_each(?)), "
            "c AS (SELECT a.project_id, max(a.year) AS year FROM account a "
            "      JOIN wanted w ON w.id = a.project_id WHERE a.kind = 'committed' "
            "      GROUP BY a.project_id) "
            "SELECT pr.id, pr.status, pr.smederij, pr.stream, pr.title, "
            "coalesce(c.year, pr.year) AS money_year, ca.id AS committed_account, "
            "coalesce((SELECT sum(amount_cents) FROM posting WHERE account_id = ca.id), 0) "
            "    AS left_cents "
            "FROM wanted w JOIN project pr ON pr.id = w.id LEFT JOIN c ON c.project_id = pr.id "
            "LEFT JOIN account ca ON ca.project_id = pr.id AND ca.kind = 'committed' "
            "    AND ca.year = c.year",
            [json.dumps(sorted(set(project_ids)))])
        return {r["id"]: r for r in rows}

    def live_payments_by_reference(self, references: Iterable[str]) -> dict[str, list[dict]]:
        """The payments, not reversed, that carry each of these references: {reference:
        [{id, project_id, amount_cents, date}, ...]} (references on none are left out)."""
        found: dict[str, list[dict]] = {}
        for row in self.conn.execute(
                "SELECT pm.reference, pm.id, pm.project_id, pm.amount_cents, pm.date "
                "FROM payment pm LEFT JOIN txn r ON r.reverses = pm.txn_id "
                "WHERE r.id IS NULL AND pm.reference IN (SELECT value FROM json_each(?)) "
                "ORDER BY pm.id", [json.dumps(sorted(set(references)))]):
            found.setdefault(row[0], []).append(
                {"id": row[1], "project_id": row[2], "amount_cents": row[3], "date": row[4]})
        return found

    _PAYMENTS = (
        "SELECT pm.id, pm.project_id, pm.date, pm.amount_cents, pm.payee, pm.reference, "
        "pm.txn_id, p.title, p.smederij, p.stream, p.year, r.id AS reversal_txn, "
        "r.description AS reversal_reason, r.date AS reversal_date "
        "FROM payment pm JOIN project p ON p.id = pm.project_id "
        "LEFT JOIN txn r ON r.reverses = pm.txn_id ")

    def payment(self, payment_id: int) -> dict | None:
        return self._one(self._PAYMENTS + "WHERE pm.id = ?", [payment_id])

    def payments(self, *, project_id: int | None = None, year: int | None = None,
                 smederij: str | None = None) -> list[dict]:
        return self._all(*self._payments_query(project_id, year, smederij))

    def iter_payments(self, *, year: int | None = None, smederij: str | None = None
                      ) -> Iterator[sqlite3.Row]:
        """``payments`` one row at a time from the cursor: a national year holds 100,000."""
        return self._rows(*self._payments_query(None, year, smederij))

    def _payments_query(self, project_id: int | None, year: int | None,
                        smederij: str | None) -> tuple[str, list[Any]]:
        filters = {"pm.project_id": project_id, "p.smederij": smederij}
        where = [f"{column} = ?" for column, value in filters.items() if value is not None]
        params: list[Any] = [value for value in filters.values() if value is not None]
        if year is not None:
            where.append("substr(pm.date, 1, 4) = ?")
            params.append(f"{year:04d}")
        return (self._PAYMENTS + (f"WHERE {' AND '.join(where)} " if where else "")
                + "ORDER BY pm.id", params)

    # -- reports and checks ----------------------------------------------------------------------

    def stream_figures(self, year: int) -> list[dict]:
        """Per Smederij and stream of one year, where the money came from and where it is.

        Flows into the year's accounts are classified by transaction kind; positions are balances.
        ``internal`` sums the postings of kinds that only move money between a Smederij's own
        accounts of that year: it is zero when the books are sound (the check uses it).

        One pass over the year's postings in group order (indexes account_year_kind and
        posting_account_txn, so no table but ``txn`` is read and nothing is sorted). Only the
        flows need a transaction's kind; ``internal`` is the rest of the total, since every
        posting belongs to exactly one kind. (``check_facts`` has the same figures for every
        year, computed another way.)
        """
        return self._all(
            f"SELECT year, smederij, stream, {_FIGURES}, "
            "carried_out_committed - carried_out AS carried_out_available_cents, "
            "-carried_out_committed AS carried_out_committed_cents "
            "FROM (SELECT a.year, a.smederij, a.stream, sum(p.amount_cents) AS total, "
            f"{_FLOW_SUMS}, "
            "coalesce(sum(CASE a.kind WHEN 'spent' THEN p.amount_cents END), 0) AS spent_cents, "
            "coalesce(sum(CASE a.kind WHEN 'committed' THEN p.amount_cents END), 0) "
            "    AS committed_cents, "
            "coalesce(sum(CASE a.kind WHEN 'available' THEN p.amount_cents END), 0) "
            "    AS available_cents, "
            "coalesce(sum(CASE WHEN t.kind = 'carry_over' AND a.kind = 'committed' "
            "    THEN min(p.amount_cents, 0) END), 0) AS carried_out_committed "
            "FROM account a JOIN posting p ON p.account_id = a.id JOIN txn t ON t.id = p.txn_id "
            "WHERE a.year = ? GROUP BY a.year, a.smederij, a.stream)", [year])

    def check_facts(self, open_statuses: Sequence[str], unpaid_statuses: Sequence[str], *,
                    helper: bool | None = None) -> dict[str, Any]:
        """Everything ``Ledger.check`` judges, read in one snapshot with as few passes over the
        postings as the rules allow (a national ledger holds millions):

        - ``transactions`` (``posting_facts``) and the flows (``_FLOWS``), read by transaction;
        - every account's balance once, into a temporary table, from which come ``negative``
          (the negative available, committed and spent balances), ``total`` (the whole ledger's
          sum), ``projects`` and the positions of the figures;
        - ``projects``: the projects whose money may break a rule (paid more than was ever
          committed; committed money while not in ``open_statuses``; payments while in
          ``unpaid_statuses``), with what is committed now, paid, and ever committed (from the
          partial index txn_commitment): only these reach Python, not 250,000 sound ones;
        - the figures of ``stream_figures`` for every year: the positions from those balances
          and the flows, so no posting of a payment, commitment or release is read twice and no
          transaction is looked up per posting. Of them come ``unsound`` (the Smederijen,
          streams and years whose ``internal_cents`` is not zero) and ``years`` (per year the
          sums of available, committed, carried in and carried out).

        The two halves read different postings and take about as long, so on a large ledger
        (``helper`` None: above CHECK_HELPER_MIN_BYTES, with a second core) a helper process
        reads ``posting_facts`` and the flows while this one reads the balances: half the time
        on two cores. (Threads do not help: SQLite's memory allocator serialises them.) The
        helper reads in its own transaction, so it reports the newest txn, posting and account
        ids it saw; the ledger's txn and posting rows are append-only (triggers) and accounts are
        only ever added, so equal ids mean it saw this snapshot. When they differ (a clerk booked
        in between) or the helper fails in any way, this process reads them itself.
        """
        with self.snapshot():
            fingerprint = self._fingerprint()
            if helper is None:
                helper = (self.path.stat().st_size > CHECK_HELPER_MIN_BYTES
                          and _usable_cores() > 1
                          # a frozen build's executable is the program, not a Python
                          and bool(sys.executable) and not getattr(sys, "frozen", False))
            started = self._start_check_helper() if helper else None
            try:
                facts = self._balance_facts(open_statuses, unpaid_statuses, started,
                                            fingerprint)
            finally:
                if started is not None:
                    process, output, _ = started
                    if process.poll() is None:
                        process.kill()
                    process.wait()
                    output.close()
        return facts

    def _fingerprint(self) -> list[Any]:
        """Which state of which ledger a read saw, read by which code: this module's file, the
        ledger file's device and inode, and the newest txn, posting and account ids."""
        return [str(Path(__file__).resolve()), *self.file_id,
                *(self._scalar(f"SELECT coalesce(max(id), 0) FROM {table}")
                  for table in ("txn", "posting", "account"))]

    def posting_facts(self) -> dict[str, Any]:
        """What the check reads by transaction, in the caller's snapshot (the flows, the other
        thing it reads by transaction, come from ``_FLOWS``):

        - ``transactions``: how many there are, how many have postings, how many of those do not
          sum to zero or have fewer than two (one pass over index posting_txn_account);
        - ``fingerprint``: the ids of ``_fingerprint``.
        """
        return {
            "fingerprint": self._fingerprint(),
            "transactions": self._one(
                "SELECT (SELECT count(*) FROM txn) AS count, count(*) AS with_postings, "
                "coalesce(sum(total <> 0 OR n < 2), 0) AS unbalanced FROM ("
                "  SELECT sum(amount_cents) AS total, count(*) AS n FROM posting "
                "  GROUP BY txn_id)")}

    def _start_check_helper(self) -> tuple[subprocess.Popen, IO[bytes], float] | None:
        """A process that writes ``posting_facts`` and the flows of this ledger
        (``_check_helper``), the file it writes them to, and when it started; None if it
        cannot start."""
        import subprocess  # only here: every command's start-up would pay for them
        import tempfile

        read_uri = "?immutable=1" if self.uri_query == "?immutable=1" else "?mode=ro"
        # -P: nothing from the current directory. The folder this package was imported from
        # goes first unless it is on the path already (a source tree, not site-packages), so
        # the helper imports the same code; which file it imported is in its fingerprint.
        here = str(Path(__file__).resolve().parent.parent)
        code = (f"import sys; p = {here!r}; sys.path[:0] = [] if p in sys.path else [p]; "
                "from smederij_cli.store import _check_helper; _check_helper()")
        try:
            # A temporary file, not a pipe: the helper never waits for this process to read
            # (which happens once this process is done with the balances).
            output = tempfile.TemporaryFile()
        except OSError:
            return None
        try:
            return subprocess.Popen(
                [sys.executable, "-P", "-c", code, str(self.path.resolve()), read_uri],
                stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.DEVNULL
            ), output, time.monotonic()
        except OSError:
            output.close()
            return None

    def _helper_facts(self, started: tuple[subprocess.Popen, IO[bytes], float] | None,
                      fingerprint: list[Any]) -> dict[str, Any] | None:
        """The helper's ``posting_facts``, with its flows put into temp.flow as they arrive, if
        it read the same snapshot and finished; else None, and temp.flow is empty. It does
        about as much as this process did meanwhile: one that takes far longer is stuck."""
        if started is None:
            return None
        import subprocess

        process, output, since = started
        try:
            code = process.wait(timeout=max(CHECK_HELPER_MIN_WAIT_S,
                                            3 * (time.monotonic() - since)))
        except subprocess.TimeoutExpired:
            return None
        if code != 0:
            return None
        output.seek(0)
        try:
            facts = json.loads(output.readline())
            if not isinstance(facts, dict) or facts.get("fingerprint") != fingerprint:
                return None
            for line in output:
                self.conn.executemany("INSERT INTO temp.flow VALUES (?, ?, ?, ?, ?, ?, ?)",
                                      json.loads(line))
        except (ValueError, sqlite3.Error):
            self.conn.execute("DELETE FROM temp.flow")
            return None
        return facts

    def _balance_facts(self, open_statuses: Sequence[str], unpaid_statuses: Sequence[str],
                       started: tuple[subprocess.Popen, IO[bytes], float] | None,
                       fingerprint: list[Any]) -> dict[str, Any]:
        facts: dict[str, Any] = {}
        self.conn.execute("CREATE TEMP TABLE balance (account_id INTEGER PRIMARY KEY, "
                          "cents INTEGER NOT NULL)")
        try:
            self.conn.execute("INSERT INTO temp.balance SELECT account_id, "
                              "sum(amount_cents) FROM posting GROUP BY account_id")
            facts["total"] = self._scalar("SELECT coalesce(sum(cents), 0) FROM temp.balance")
            facts["negative"] = self._all(
                "SELECT a.name, a.kind, b.cents AS balance FROM temp.balance b "
                "JOIN account a ON a.id = b.account_id WHERE b.cents < 0 "
                "AND a.kind <> 'funding' ORDER BY a.id")
            facts["projects"] = self._all(
                # CROSS JOIN: start from the (partial index of) commitment transactions
                "WITH c AS (SELECT a.project_id, sum(p.amount_cents) AS cents FROM txn t "
                "    CROSS JOIN posting p ON p.txn_id = t.id CROSS JOIN account a "
                "    ON a.id = p.account_id WHERE t.kind = 'commitment' "
                "    AND a.kind = 'committed' GROUP BY a.project_id), "
                "m AS (SELECT a.project_id, "
                "    sum(CASE a.kind WHEN 'committed' THEN b.cents END) AS committed_now, "
                "    sum(CASE a.kind WHEN 'spent' THEN b.cents END) AS paid "
                "    FROM temp.balance b JOIN account a ON a.id = b.account_id "
                "    WHERE a.project_id IS NOT NULL GROUP BY a.project_id) "
                "SELECT * FROM (SELECT pr.id, pr.status, coalesce(c.cents, 0) "
                "    AS committed_total, coalesce(m.committed_now, 0) AS committed_now, "
                "    coalesce(m.paid, 0) AS paid "
                "    FROM project pr LEFT JOIN c ON c.project_id = pr.id "
                "    LEFT JOIN m ON m.project_id = pr.id) "
                "WHERE paid > committed_total "
                "OR (committed_now <> 0 AND status NOT IN (SELECT value FROM json_each(?))) "
                "OR (paid <> 0 AND status IN (SELECT value FROM json_each(?))) ORDER BY id",
                [json.dumps(list(open_statuses)), json.dumps(list(unpaid_statuses))])
            # The positions before the helper's flows are awaited: they need only the balances.
            self.conn.execute(
                "CREATE TEMP TABLE position AS "
                "SELECT a.year, a.smederij, a.stream, sum(b.cents) AS total, "
                "coalesce(sum(CASE a.kind WHEN 'spent' THEN b.cents END), 0) AS spent_cents, "
                "coalesce(sum(CASE a.kind WHEN 'committed' THEN b.cents END), 0) "
                "    AS committed_cents, "
                "coalesce(sum(CASE a.kind WHEN 'available' THEN b.cents END), 0) "
                "    AS available_cents "
                "FROM temp.balance b JOIN account a ON a.id = b.account_id "
                "WHERE a.year IS NOT NULL GROUP BY a.year, a.smederij, a.stream")
            self.conn.execute("CREATE TEMP TABLE flow (year INTEGER, smederij TEXT, "
                              "stream TEXT, carried_in_cents INTEGER, allocated_cents INTEGER, "
                              "carried_out INTEGER, lapsed INTEGER, "
                              "PRIMARY KEY (year, smederij, stream))")
            by_txn = self._helper_facts(started, fingerprint)
            if by_txn is None:
                by_txn = self.posting_facts()
                self.conn.execute(f"INSERT INTO temp.flow {_FLOWS}")
            facts["transactions"] = by_txn["transactions"]
            figures = (
                f"SELECT year, smederij, stream, {_FIGURES} FROM ("
                "  SELECT ps.year, ps.smederij, ps.stream, ps.total, ps.spent_cents, "
                "  ps.committed_cents, ps.available_cents, "
                "  coalesce(f.carried_in_cents, 0) AS carried_in_cents, "
                "  coalesce(f.allocated_cents, 0) AS allocated_cents, "
                "  coalesce(f.carried_out, 0) AS carried_out, coalesce(f.lapsed, 0) AS lapsed "
                "  FROM temp.position ps LEFT JOIN temp.flow f "
                "  ON f.year = ps.year AND f.smederij = ps.smederij AND f.stream = ps.stream)")
            facts["unsound"] = self._all(f"SELECT * FROM ({figures}) WHERE internal_cents <> 0 "
                                         "ORDER BY year, smederij, stream")
            facts["years"] = {r["year"]: r for r in self._all(
                "SELECT year, sum(available_cents) AS available_cents, "
                "sum(committed_cents) AS committed_cents, "
                "sum(carried_in_cents) AS carried_in_cents, "
                "sum(carried_out_cents) AS carried_out_cents "
                f"FROM ({figures}) GROUP BY year")}
        finally:
            for table in ("balance", "position", "flow"):
                self.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        return facts

    def unbalanced_transactions(self) -> list[dict]:
        """Transactions whose postings do not sum to zero, or that have fewer than two. The sums
        come from index posting_txn_account alone; a transaction without any posting is found
        by one probe of that index per transaction."""
        return self._all(
            "SELECT t.id, t.description, g.total, g.n FROM ("
            "  SELECT txn_id, sum(amount_cents) AS total, count(*) AS n FROM posting "
            "  GROUP BY txn_id HAVING total <> 0 OR n < 2) g JOIN txn t ON t.id = g.txn_id "
            "UNION ALL "
            "SELECT t.id, t.description, 0, 0 FROM txn t "
            "WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.txn_id = t.id) ORDER BY 1")

    def project_money(self, project_id: int) -> dict | None:
        """A project's status, what was committed to it over its life, what is committed now
        and what was paid, from its own accounts. (``check_facts`` has it for every project.)"""
        return self._one(
            "SELECT pr.id, pr.status, "
            "coalesce(sum(CASE WHEN a.kind = 'committed' AND t.kind = 'commitment' "
            "    THEN p.amount_cents END), 0) AS committed_total, "
            "coalesce(sum(CASE WHEN a.kind = 'committed' THEN p.amount_cents END), 0) "
            "    AS committed_now, "
            "coalesce(sum(CASE WHEN a.kind = 'spent' THEN p.amount_cents END), 0) AS paid "
            "FROM project pr LEFT JOIN account a ON a.project_id = pr.id "
            "LEFT JOIN posting p ON p.account_id = a.id LEFT JOIN txn t ON t.id = p.txn_id "
            "WHERE pr.id = ? GROUP BY pr.id", [project_id])

    # -- exports ---------------------------------------------------------------------------------

    def export_accounts(self) -> Iterator[sqlite3.Row]:
        """Every account that holds postings, by name, with the date of its first use and its
        balance (the ledger's own figure that exports are checked against)."""
        return self._rows(
            "SELECT a.name AS account, a.kind AS account_kind, a.stream, a.year, a.smederij, "
            "a.project_id AS account_project, min(t.date) AS first_date, "
            "sum(p.amount_cents) AS balance_cents "
            "FROM account a JOIN posting p ON p.account_id = a.id JOIN txn t ON t.id = p.txn_id "
            "GROUP BY a.id ORDER BY a.name")

    def export_postings(self, *, by_date: bool = False) -> Iterator[sqlite3.Row]:
        """Every posting with its transaction and account, in booking order (transaction id,
        then posting id), or ``by_date`` in date order (date, then booking order: what
        journals want, while clerks book a payment of March after one of April); streamed
        from the cursor (SQLite sorts in its temporary storage, not in this process)."""
        return self._rows(
            "SELECT t.id AS txn_id, t.date, t.kind, t.description, t.project_id, t.reverses, "
            "a.name AS account, a.kind AS account_kind, a.stream, a.year, a.smederij, "
            "a.project_id AS account_project, p.amount_cents "
            "FROM posting p JOIN txn t ON t.id = p.txn_id JOIN account a ON a.id = p.account_id "
            + ("ORDER BY t.date, p.txn_id, p.id" if by_date else "ORDER BY p.txn_id, p.id"))

    def export_account_names(self) -> Iterator[sqlite3.Row]:
        """``export_accounts`` with what people call them (the Smederij's and stream's names,
        the project's title and status), whether the account's year is closed, and the date
        of its last posting."""
        return self._rows(
            "SELECT a.name AS account, a.kind AS account_kind, a.stream, a.year, a.smederij, "
            "a.project_id AS account_project, min(t.date) AS first_date, "
            "max(t.date) AS last_date, sum(p.amount_cents) AS balance_cents, "
            "s.name AS smederij_name, st.name AS stream_name, pr.title AS project_title, "
            "pr.status AS project_status, y.closed_at AS year_closed_at "
            "FROM account a JOIN posting p ON p.account_id = a.id JOIN txn t ON t.id = p.txn_id "
            "LEFT JOIN smederij s ON s.code = a.smederij LEFT JOIN stream st ON st.code = a.stream "
            "LEFT JOIN project pr ON pr.id = a.project_id LEFT JOIN year y ON y.year = a.year "
            "GROUP BY a.id ORDER BY a.name")

    def total_posted(self) -> int:
        return self._scalar("SELECT coalesce(sum(amount_cents), 0) FROM posting")

    # -- what needs attention (smederij status) ----------------------------------------------------

    def record_mark(self, name: str, detail: str = "") -> bool:
        """Note that ``name`` (backup, check) happened now, beside the ledger and never in it
        (``smederij_cli.marks``): no audit row, no change to the file. False on a read-only
        ledger or where it cannot be written: the mark is a convenience, never a failure."""
        from smederij_cli import marks

        try:
            writable = not self.read_only and bool(self.path.stat().st_mode & 0o222)
        except OSError:
            writable = False
        return writable and marks.record(self.path, name, detail)

    def marks(self) -> dict[str, dict]:
        """{name: {"at": UTC time, "detail": text}} of ``record_mark``."""
        from smederij_cli import marks

        return marks.read(self.path)

    def waiting_proposals(self, before: _dt.date) -> list[dict]:
        """Proposed projects proposed on or before ``before``, oldest first."""
        return self._all(
            "SELECT p.id, p.year, p.smederij, p.stream, p.title, min(e.date) AS since "
            "FROM project p JOIN project_event e ON e.project_id = p.id "
            "AND e.to_status = 'proposed' WHERE p.status = 'proposed' "
            "GROUP BY p.id HAVING since <= ? ORDER BY since, p.id", [before.isoformat()])

    def idle_commitments(self, before: _dt.date) -> list[dict]:
        """Approved and in-progress projects whose last payment (or, with none, approval) is
        on or before ``before``, longest idle first."""
        return self._all(
            "SELECT * FROM (SELECT p.id, p.year, p.smederij, p.stream, p.title, p.status, "
            "(SELECT max(date) FROM payment pm WHERE pm.project_id = p.id) AS last_payment, "
            "(SELECT max(date) FROM project_event e WHERE e.project_id = p.id "
            " AND e.to_status = 'approved') AS approved_on "
            "FROM project p WHERE p.status IN ('approved', 'in_progress')) "
            "WHERE coalesce(last_payment, approved_on) <= ? "
            "ORDER BY coalesce(last_payment, approved_on), id", [before.isoformat()])

    def waiting_rounds(self) -> list[dict]:
        """Idea rounds voted on but not counted (``voting``) or counted but not awarded
        (``counted``), where the ledger has idea rounds at all."""
        if not self._has_table("idea_round"):
            return []
        return self._all("SELECT id, name, smederij, stream, year, state FROM idea_round "
                         "WHERE state IN ('voting', 'counted') ORDER BY year, id")


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy an open database into a new private file ``target`` and verify the copy."""
    target.unlink(missing_ok=True)
    _create_private(target)
    conn = sqlite3.connect(str(target))
    try:
        source.backup(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()
    if result != ["ok"]:
        raise LedgerFileError(say("file_copy_bad", path=target, why=result[0]))


def _is_backup(path: Path) -> bool:
    """Whether ``path`` is a smederij backup that ``backup --force`` may replace: a smederij
    ledger in rollback-journal mode, as ``backup`` writes them (a ledger in use is in WAL mode,
    and another program's database has no smederij schema)."""
    try:
        with path.open("rb") as f:
            header = f.read(20)
        if header[18:20] != b"\x01\x01":  # WAL mode: a ledger in use
            return False
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ? "
                                "AND name = 'm001_ledger'", [migrations.name]).fetchone()[0] > 0
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def stage_backup(backup: Path, staging: Path) -> None:
    """Copy a backup file to ``staging`` after checking, without writing to it, that it is an
    intact smederij ledger. The backup is opened read-only."""
    if not backup.exists():
        raise NotFound(say("file_no_backup", path=backup))
    _check_file(backup, fix="file_not_restored")  # this file is a backup, not the --db ledger
    if backup.stat().st_size == 0:
        raise LedgerFileError(say("file_backup_empty", path=backup))
    try:
        src = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise LedgerFileError(_describe_db_error(backup, e)) from None
    try:
        result = [r[0] for r in src.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise LedgerFileError(say("file_backup_damaged", path=backup, why=result[0]))
        has_set = src.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone()[0]
        if not has_set or not src.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
                [migrations.name, "m001_ledger"]).fetchone()[0]:
            raise LedgerFileError(say("file_backup_foreign", path=backup))
        _copy_database(src, staging)
    except sqlite3.DatabaseError as e:
        raise LedgerFileError(_describe_db_error(backup, e)) from None
    finally:
        src.close()


def _cannot_write(error: sqlite3.OperationalError) -> bool:
    text = str(error)
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _describe_db_error(path: Path, error: sqlite3.DatabaseError) -> str:
    text = " ".join(str(error).split())  # SQLite's reports may span lines; ours is one
    if "readonly" in text or "read-only" in text:
        return say("file_read_only", path=path)
    if "locked" in text or "busy" in text:
        return say("file_busy", path=path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return say("file_damaged", path=path, why=text)
    if "unable to open" in text:
        return say("file_cannot_open", path=path)
    return say("file_ledger_other", path=path, why=text)


def _usable_cores() -> int:
    """The CPUs this process may run on (its affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _check_helper() -> None:
    """The check's helper process (``Store._start_check_helper``) for the ledger at argv[1],
    opened read-only with the URI query argv[2]: on stdout a line of JSON with its
    ``posting_facts``, then the rows of ``_FLOWS`` as JSON arrays of up to 2,000 rows a line."""
    with Store(sys.argv[1], create=False, read_uri=sys.argv[2]) as store, store.snapshot():
        out = sys.stdout
        out.write(json.dumps(store.posting_facts()) + "\n")
        cursor = store.conn.execute(_FLOWS)
        while rows := cursor.fetchmany(2000):
            out.write(json.dumps(rows, separators=(",", ":")) + "\n")


# The idea rounds keep their tables in their own room; importing it registers their schema step
# (m005_idea_rounds, applied in its place by name) whenever a Store can be opened.
from smederij_cli.rounds import store as _rounds_store  # noqa: E402,F401
