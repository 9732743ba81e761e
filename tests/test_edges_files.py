"""Issue 12, sections 1 and 2: writing a file never destroys another, and only init and demo make
a ledger. Every refusal: exit 1, one line on stderr, and the file it is about unchanged (bytes)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from smederij_cli import files
from smederij_cli.files import is_unc, network_fs
from tests import proc
from tests.conftest import Cli, dump

CSV_REPORT = ["report", "--year", "2026", "--format", "csv"]


def one_error_line(result, exit_code: int = 1) -> str:
    code = result.returncode if hasattr(result, "returncode") else result.exit_code
    assert code == exit_code, (result.stdout, result.stderr)
    if hasattr(result, "exception"):
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            repr(result.exception)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: "), result.stderr
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes: 'nothing written' means this is the same. The
    ledger's -wal and -shm are SQLite's to make and remove as connections come and go: for them,
    only that neither became something else (a report, a copy of the ledger)."""
    seen = {}
    for p in sorted(folder.iterdir()):
        if p.is_symlink():
            seen[p.name] = os.readlink(p).encode()
            continue
        if not p.is_file():
            continue
        data = p.read_bytes()
        if p.name.endswith(("-wal", "-shm")):
            assert not data.startswith((b"smederij;", b"{", b"[", b"SQLite format 3\x00",
                                        b"; ", b"txn_id")) and b"funding:" not in data[:4096], \
                p.name
            continue
        seen[p.name] = data
    return seen


# -- 1. --output and backup never write over the ledger, its side files or a database --------------


def _targets(db: Path) -> dict[str, Path]:
    """Names for the ledger and its WAL made through a symlink, a hard link, '..' and a relative
    path (the test runs in the ledger's folder)."""
    folder = db.parent
    (folder / "sub").mkdir(exist_ok=True)
    links = {"symlink": folder / "link.db", "hardlink": folder / "hard.db",
             "wal-symlink": folder / "wal-link"}
    for link in links.values():
        link.unlink(missing_ok=True)
    links["symlink"].symlink_to(db)
    os.link(db, links["hardlink"])
    links["wal-symlink"].symlink_to(Path(f"{db}-wal"))
    return {"direct": db, **links, "dotdot": folder / "sub" / ".." / db.name,
            "relative": Path(db.name), "wal": Path(f"{db}-wal"), "shm": Path(f"{db}-shm")}


@pytest.mark.parametrize("how", ["direct", "symlink", "hardlink", "dotdot", "relative", "wal",
                                 "shm", "wal-symlink"])
@pytest.mark.parametrize("command", [CSV_REPORT, ["report", "projects", "--format", "json"],
                                     ["export", "--format", "hledger"], ["backup", "--force"]])
def test_output_that_is_the_ledger_or_its_side_files_is_refused(cli_ledger, db_path, monkeypatch,
                                                               how, command):
    monkeypatch.chdir(db_path.parent)
    target = _targets(db_path)[how]
    before_dump, before = dump(db_path), snapshot(db_path.parent)
    if command[0] == "backup":
        args = [command[0], str(target), *command[1:]]
    else:
        args = [*command, "--output", str(target)]
    line = one_error_line(cli_ledger(*args))
    assert "het grootboek" in line and "geef een andere bestandsnaam" in line
    assert snapshot(db_path.parent) == before
    assert dump(db_path) == before_dump
    cli_ledger.ok("check")


def test_a_hard_link_to_the_wal_is_refused_too(cli_ledger, db_path):
    reader = sqlite3.connect(db_path)  # another clerk's open connection keeps the WAL there
    try:
        reader.execute("SELECT count(*) FROM txn").fetchone()
        wal = Path(f"{db_path}-wal")
        assert wal.exists()  # the test's premise: a WAL file is there to be linked
        os.link(wal, db_path.parent / "copy-of-wal.csv")
        before = wal.read_bytes()
        line = one_error_line(cli_ledger(*CSV_REPORT, "--output",
                                         db_path.parent / "copy-of-wal.csv"))
        assert "het -wal-bestand van het grootboek" in line
        assert wal.read_bytes() == before
    finally:
        reader.close()


def _foreign_db(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Jan')")
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("command", [CSV_REPORT, ["export", "--format", "csv"], ["backup"],
                                     ["backup", "--force"]])
def test_another_programs_database_is_never_written_over(cli_ledger, tmp_path, command):
    other = tmp_path / "contacts.db"
    before = _foreign_db(other)
    args = ([command[0], str(other), *command[1:]] if command[0] == "backup"
            else [*command, "--output", str(other)])
    line = one_error_line(cli_ledger(*args))
    assert "is een SQLite-database" in line or "bestaat al" in line
    assert other.read_bytes() == before


def test_backup_force_may_not_replace_another_ledger_in_use(cli_ledger, tmp_path):
    other = tmp_path / "other.db"
    Cli(other).ok("init")
    before = other.read_bytes()
    line = one_error_line(cli_ledger("backup", str(other), "--force"))
    assert "is een SQLite-database" in line
    assert other.read_bytes() == before


def test_a_symlink_is_followed_and_stays_a_link(cli_ledger, tmp_path):
    real = tmp_path / "reports" / "real.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    cli_ledger.ok(*CSV_REPORT, "--output", str(link))
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text().startswith("\ufeffsmederij;name;stream")  # BOM: Excel reads UTF-8
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.csv"]  # no temporary left


def test_a_fifo_is_written_as_a_stream_and_stays_a_fifo(cli_ledger, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    cli_ledger.ok(*CSV_REPORT, "--output", str(fifo))
    reader.join(timeout=30)
    assert received and received[0].startswith("\ufeffsmederij;name;stream".encode())
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if "-" not in p.name) == ["ledger.db",
                                                                                "pipe"]


def _char_device(tmp_path: Path) -> Path:
    """A null device of the test's own where the tests may make one (root), else /dev/null."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return node
    except (PermissionError, AttributeError, OSError):
        return Path(os.devnull)


@pytest.mark.parametrize("command", [CSV_REPORT, ["report", "--year", "2026", "--format", "xlsx"],
                                     ["export", "--format", "beancount"], ["backup"]])
def test_a_character_device_is_written_through_never_replaced(cli_ledger, tmp_path, command):
    device = _char_device(tmp_path)
    args = ([command[0], str(device)] if command[0] == "backup"
            else [*command, "--output", str(device)])
    cli_ledger.ok(*args)
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".null", ".ledger"))]


def test_dash_is_standard_output(cli_ledger):
    out = cli_ledger.ok(*CSV_REPORT, "--output", "-").stdout
    assert out.startswith("\ufeffsmederij;name;stream") and "wrote" not in out
    assert not Path("-").exists()


def test_a_backup_through_a_pipe_is_a_whole_ledger(cli_ledger, tmp_path):
    copy = tmp_path / "from-pipe.db"
    with copy.open("wb") as out:
        done = subprocess.run(proc.command(cli_ledger.db, "backup", "-"), env=proc.env(),
                              cwd=proc.ROOT, stdout=out, stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    data = copy.read_bytes()
    assert data.startswith(b"SQLite format 3\x00") and b"back-up van" not in data[-400:]
    assert proc.integrity(copy) == "ok" and dump(copy) == dump(cli_ledger.db)


@pytest.mark.parametrize("target", ["report", "export"])
def test_standard_output_on_a_full_disk_is_one_line_and_exit_1(cli_ledger, target):
    args = ([*CSV_REPORT] if target == "report" else ["export", "--format", "hledger"])
    with open("/dev/full", "w") as full:
        done = subprocess.run(proc.command(cli_ledger.db, *args), env=proc.env(), cwd=proc.ROOT,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines == ["fout: kan de uitvoer niet schrijven: de schijf is vol; controleer de schijf "
                     "of het bestand waar de standaarduitvoer heen gaat"], lines


def test_a_closed_pipe_stays_quiet(cli_ledger):
    head = subprocess.run(f"{' '.join(proc.command(cli_ledger.db, 'export', '--format', 'csv'))}"
                          " | head -c 10", shell=True, env=proc.env(), cwd=proc.ROOT,
                          capture_output=True, text=True, timeout=60)
    assert head.returncode == 0 and len(head.stdout) == 10 and head.stderr == ""


# -- the format from the file name ------------------------------------------------------------


@pytest.mark.parametrize("name, check", [
    ("r.xlsx", lambda b: b.startswith(b"PK")),
    ("r.html", lambda b: b.lstrip().lower().startswith(b"<!doctype html")),
    ("r.csv", lambda b: b.startswith("\ufeffsmederij;name;stream".encode())),
    ("r.md", lambda b: b"| ---" in b or b"|---" in b or b"| :" in b),
    ("r.JSON", lambda b: json.loads(b)["year"] == 2026),
    ("r.txt", lambda b: "Totaal".encode() in b and b"\xe2\x94" in b),  # a table: box drawing
])
def test_the_output_name_gives_the_format(cli_ledger, tmp_path, name, check):
    cli_ledger.ok("report", "--year", "2026", "--output", str(tmp_path / name))
    assert check((tmp_path / name).read_bytes())


@pytest.mark.parametrize("command", [["report", "--year", "2026", "--format", "csv"],
                                     ["report", "projects", "--format", "json"],
                                     ["export", "--format", "beancount"]])
def test_a_format_that_contradicts_the_name_is_refused(cli_ledger, tmp_path, command):
    target = tmp_path / ("r.xlsx" if command[0] == "report" else "r.csv")
    line = one_error_line(cli_ledger(*command, "--output", str(target)))
    assert f"spreekt --output {target} tegen" in line and not target.exists()


def test_export_takes_its_format_from_the_name(cli_ledger, tmp_path):
    cli_ledger.ok("export", "--output", str(tmp_path / "l.journal"))
    assert "funding:korte-klap" in (tmp_path / "l.journal").read_text()
    assert "geef --format: een van hledger" in one_error_line(cli_ledger("export", "--output",
                                                                         str(tmp_path / "l.txt")))


# -- 2. only init and demo make a ledger --------------------------------------------------------

READERS_AND_WRITERS = [["report", "--year", "2026"], ["check"], ["info"], ["log"],
                       ["project", "list"], ["export", "--format", "csv"],
                       ["budget", "allocate", "--year", "2026", "--stream", "korte-klap",
                        "--smederij", "krakeel", "--amount", "10"],
                       ["rollover", "--year", "2026"], ["backup", "{tmp}/b.db"]]


@pytest.mark.parametrize("args", READERS_AND_WRITERS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("state", ["missing", "empty"])
def test_no_command_but_init_and_demo_makes_a_ledger(tmp_path, args, state):
    db = tmp_path / "typo.db"
    if state == "empty":
        db.write_bytes(b"")
    line = one_error_line(Cli(db)(*(a.replace("{tmp}", str(tmp_path)) for a in args)))
    assert line == f"fout: geen grootboek in {db}: maak het met 'smederij init'"
    assert (db.exists(), db.stat().st_size if db.exists() else None) == \
        ((False, None) if state == "missing" else (True, 0))
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if state == "missing"
                                                          else ["typo.db"])


@pytest.mark.parametrize("command", ["init", "demo"])
def test_init_and_demo_make_a_ledger_of_an_empty_file(tmp_path, command):
    db = tmp_path / "new.db"
    db.write_bytes(b"")
    Cli(db).ok(command)
    assert Cli(db).ok("info", "--json").stdout


@pytest.mark.parametrize("args", [["init"], ["demo"], *READERS_AND_WRITERS],
                         ids=lambda a: " ".join(a[:2]))
def test_another_programs_sqlite_file_is_refused_by_every_command(tmp_path, args):
    db = tmp_path / "contacts.db"
    before = _foreign_db(db)
    line = one_error_line(Cli(db)(*(a.replace("{tmp}", str(tmp_path)) for a in args)))
    assert f"{db} is geen smederij-grootboek (een SQLite-database van een ander programma)" in line
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_tilde_is_the_home_folder_in_db_and_the_environment(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    Cli(Path("~/a.db")).ok("init")
    assert (home / "a.db").exists() and not Path("~").exists()
    from typer.testing import CliRunner

    from smederij_cli.cli import app

    monkeypatch.setenv("SMEDERIJ_DB", "~/b.db")
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.stderr
    assert (home / "b.db").exists()
    info = json.loads(CliRunner().invoke(app, ["info", "--json"]).stdout)
    assert info["path"] == str(home / "b.db")


@pytest.mark.parametrize("uri", ["file:{tmp}/l.db", "file:l.db?mode=rwc", "FILE:///{tmp}/l.db"])
def test_an_sqlite_uri_is_refused(tmp_path, monkeypatch, uri):
    monkeypatch.chdir(tmp_path)
    line = one_error_line(Cli(Path(uri.replace("{tmp}", str(tmp_path))))("init"))
    assert "is een SQLite-URI" in line
    assert list(tmp_path.iterdir()) == []


# -- network file systems -----------------------------------------------------------------------

# Real /proc/self/mountinfo lines (from Debian, Ubuntu and WSL machines).
MOUNTINFO = r"""
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
25 22 0:5 / /dev rw,nosuid,relatime shared:2 - devtmpfs udev rw,size=8132324k,mode=755
120 22 0:48 / /srv/nfs rw,relatime shared:60 - nfs4 fs01:/export/gemeente rw,vers=4.2,addr=10.0.0.5
121 120 8:17 / /srv/nfs/local-disk rw,relatime shared:61 - ext4 /dev/sdb1 rw
130 22 0:52 / /mnt/gemeente\040share rw,relatime shared:70 - cifs //fs02/Smederij rw,vers=3.1.1
131 22 0:53 / /home/els/remote rw,nosuid,nodev,relatime shared:71 - fuse.sshfs els@server: rw
132 22 0:54 / /mnt/c rw,noatime - 9p drvfs rw,dirsync,aname=drvfs;path=C:\;uid=1000
133 22 0:55 / /mnt/old rw,relatime - nfs server:/old rw,vers=3
134 22 0:56 / /mnt/afs rw,relatime - afs AFS rw
135 22 0:57 / /tmp rw,nosuid,nodev shared:5 - tmpfs tmpfs rw
""".strip()


@pytest.mark.parametrize("path, kind", [
    ("/srv/nfs/smederij.db", "nfs4"), ("/srv/nfs", "nfs4"),
    ("/srv/nfs/local-disk/smederij.db", None),  # a local disk mounted inside the share
    ("/srv/nfsx/smederij.db", None),  # only a look-alike name
    ("/mnt/gemeente share/smederij.db", "cifs"), ("/home/els/remote/l.db", "fuse.sshfs"),
    ("/mnt/c/Users/els/l.db", "9p"), ("/mnt/old/l.db", "nfs"), ("/mnt/afs/l.db", "afs"),
    ("/home/els/smederij.db", None), ("/tmp/l.db", None),
])
def test_network_file_systems_are_found_in_the_mount_table(path, kind):
    assert network_fs(path, MOUNTINFO) == kind


def test_the_mount_table_of_this_machine_is_read(tmp_path):
    assert files.network_location(tmp_path / "l.db") in (None, *files.NETWORK_FS)


@pytest.mark.parametrize("path, unc", [
    (r"\\fs01\Smederij\smederij.db", True), ("//fs01/Smederij/smederij.db", True),
    (r"\\?\UNC\fs01\Smederij\l.db", True), (r"\\?\C:\Users\els\l.db", False),
    (r"\\.\PhysicalDrive0", False), (r"C:\Users\els\smederij.db", False), ("l.db", False),
])
def test_unc_paths_are_network_paths(path, unc):
    assert is_unc(path) is unc


@pytest.fixture
def on_nfs(tmp_path, monkeypatch):
    """Pretend tmp_path is an NFS mount: the mount table is read from a file of the test's."""
    _pretend_nfs(tmp_path, monkeypatch)
    return tmp_path


def _pretend_nfs(folder: Path, monkeypatch) -> None:
    table = folder / "mountinfo.txt"
    table.write_text(MOUNTINFO + f"\n140 22 0:60 / {folder} rw - nfs4 fs01:/x rw\n")
    monkeypatch.setattr(files, "MOUNTINFO", str(table))


def test_a_new_ledger_on_a_network_file_system_is_refused(on_nfs):
    db = on_nfs / "gedeeld.db"
    for command in ("init", "demo"):
        line = one_error_line(Cli(db)(command))
        assert "netwerkbestandssysteem (nfs4)" in line and "eigen schijf van één computer" in line
        assert "ssh" in line
    assert not db.exists()


def test_a_ledger_on_a_network_file_system_is_read_but_never_written(cli_ledger, db_path,
                                                                    monkeypatch, tmp_path):
    before = dump(db_path)
    _pretend_nfs(tmp_path, monkeypatch)
    fingerprint = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix == ".db"}
    report = cli_ledger.ok("report", "--year", "2026", "--format", "json").stdout
    assert json.loads(report)["totals"]["allocated_cents"] == 300_000_00
    for args in (["budget", "allocate", "--year", "2026", "--stream", "lange-klap",
                  "--smederij", "krakeel", "--amount", "10"], ["init"],
                 ["project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                  "--title", "X", "--amount", "5"]):
        line = one_error_line(cli_ledger(*args))
        assert "netwerkbestandssysteem (nfs4)" in line and "eigen schijf" in line
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix == ".db"} == \
        fingerprint
    assert dump(db_path) == before


def test_the_template_and_a_round_export_never_replace_the_ledger(tmp_path):
    """Every --output goes through the one rule, also the commands that came later."""
    from conftest import Cli, dump

    db = tmp_path / "ledger.db"
    cli = Cli(db)
    cli.ok("init")
    rid = cli.ok("round", "new", "--smederij", "krakeel", "--stream", "korte-klap", "--year",
                 "2026", "--name", "r", "--budget", "1000", "--vote", "approval", "--rule",
                 "greedy").stdout.strip()
    before = dump(db)
    for args in (["import", "template"], ["round", "export", rid, "--format", "json"]):
        result = cli(*args, "--output", str(db))
        assert result.exit_code == 1 and "het grootboek zelf" in result.stderr, result.output
        assert dump(db) == before


@pytest.mark.parametrize("args", [["project", "show", "1"], ["budget", "show", "--year", "2026"],
                                  ["smederijen", "show", "krakeel"], ["info"],
                                  ["report", "--year", "2026"], ["project", "list"]],
                         ids=" ".join)
def test_every_reading_command_ends_quietly_with_0_when_the_reader_goes(cli_ledger, args):
    """`| head -c 1` closes the pipe after one byte, whether rich or plain text was writing:
    status 0 and nothing on stderr (rich and Click would both make it status 1)."""
    cli_ledger.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                  "--title", "Bankjes", "--amount", "100", "--date", "2026-02-01")
    command = " ".join(f"'{a}'" for a in proc.command(cli_ledger.db, *args))
    done = subprocess.run(f"set -o pipefail; {command} | head -c 1 >/dev/null", shell=True,
                          executable="/bin/bash", env=proc.env(), cwd=proc.ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", (done.returncode, done.stderr)
