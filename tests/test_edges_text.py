"""Issue 12, section 8: text in and text out. Control characters are refused in every text a
person types (command line, CSV, YAML) and shown escaped where older text holds them; input that
is not UTF-8 gets one line; output to a stream that is not UTF-8 never ends in a traceback; the
registry reader refuses devices, pipes and huge files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import threading

import pytest

from smederij_cli.errors import InvalidInput
from smederij_cli.text import escape, refuse_controls
from tests import proc
from tests.conftest import dump
from tests.test_edges_files import one_error_line

# One of each kind: C0 (escape, next to a terminal sequence), DEL, C1 (next line, the 8-bit
# control sequence introducer) and the bidirectional overrides and isolates.
CONTROLS = ["\x1b[2J", "\x7f", "\x85", "\x9b31m", "\u202a", "\u202e", "\u2066", "\u2069"]


@pytest.mark.parametrize("char", CONTROLS)
def test_the_rule_refuses_each_kind_and_names_it(char):
    with pytest.raises(InvalidInput, match=f"U\\+{ord(char[0]):04X} at character 4"):
        refuse_controls(f"abc{char}def", "title")
    assert refuse_controls("Speeltuin Ôöst – café “De Brink” ✓ 🎪 שלום", "title")
    assert "\\" in escape(f"a{char}") and not any(c in escape(f"a{char}") for c in char[:1])


@pytest.fixture
def project(cli_ledger):
    pid = cli_ledger.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                        "--title", "Bankjes", "--amount", "2.000,00").stdout.strip()
    cli_ledger.ok("project", "approve", pid)
    return cli_ledger, pid


FIELDS = {
    "title": ["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--amount",
              "5", "--title", "{}"],
    "note": ["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--amount",
             "5", "--title", "T", "--note", "{}"],
    "co-funding source": ["project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                          "--amount", "5", "--title", "T", "--cofunding", "{}=1"],
    "payee": ["payment", "add", "--project", "{pid}", "--amount", "1", "--date", "2026-05-01",
              "--payee", "{}"],
    "reference": ["payment", "add", "--project", "{pid}", "--amount", "1", "--date",
                  "2026-05-01", "--ref", "{}"],
    "reason": ["payment", "reverse", "1", "--reason", "{}"],
    "transfer note": ["budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from",
                      "krakeel", "--to", "pesse", "--amount", "1", "--note", "{}"],
}


@pytest.mark.parametrize("char", CONTROLS)
@pytest.mark.parametrize("field", FIELDS)
def test_control_characters_on_the_command_line_are_refused(project, db_path, field, char):
    cli, pid = project
    cli.ok("payment", "add", "--project", pid, "--amount", "1", "--date", "2026-05-01")
    before = dump(db_path)
    args = [a.replace("{pid}", pid).replace("{}", f"Fijn{char}") for a in FIELDS[field]]
    line = one_error_line(cli(*args))
    assert "bevat stuurtekens of regeleinden" in line and f"U+{ord(char[0]):04X}" in line
    assert "\x1b" not in line and "\u202e" not in line and "\x85" not in line
    assert dump(db_path) == before


@pytest.mark.parametrize("char", CONTROLS)
def test_control_characters_in_a_payments_csv_are_refused(project, db_path, tmp_path, char):
    cli, pid = project
    csv = tmp_path / "betalingen.csv"
    csv.write_text("project,date,amount,payee,reference\n"
                   f"{pid},2026-05-01,10,Hovenier{char},F-1\n"
                   f"{pid},2026-05-02,10,Hovenier,F-2{char}\n", encoding="utf-8")
    before = dump(db_path)
    line = one_error_line(cli("import", "payments", str(csv)))
    assert "betalingen.csv regel 2: bevat stuurtekens" in line, line
    assert f"U+{ord(char[0]):04X}" in line
    assert dump(db_path) == before


REGISTRY = """programme: {{name: "Smederijen{name}", municipality: Hoogeveen}}
streams:
  - {{code: korte-klap, name: "Korte klap", description: "Snel{description}", carry_over: {{policy: none}}}}
teams:
  - {{code: noord, name: "Noord{team}"}}
smederijen:
  - {{code: krakeel, name: "Krakeel{smederij}", kind: wijk, team: noord, inhabitants: 10}}
"""


@pytest.mark.parametrize("char", ["\\x85", "\\u202e", "\\u2066", "\\x7f", "\\x1b", "\\x9b"])
@pytest.mark.parametrize("where, line", [("name", 1), ("description", 3), ("team", 5),
                                         ("smederij", 7)])
def test_control_characters_in_the_registry_are_refused(cli, db_path, tmp_path, where, line,
                                                        char):
    cli.ok("init")
    before = dump(db_path)
    fields = dict.fromkeys(("name", "description", "team", "smederij"), "")
    fields[where] = char  # a YAML escape in a double-quoted string: the character itself
    path = tmp_path / "registry.yaml"
    path.write_text(REGISTRY.format(**fields))
    message = one_error_line(cli("init", "--config", str(path)))
    assert f"registry.yaml:{line}:" in message and "stuurtekens" in message, message
    assert dump(db_path) == before


def test_text_stored_before_the_rule_is_shown_escaped(project, db_path):
    cli, pid = project
    with sqlite3.connect(db_path) as conn:  # an older version let these in
        conn.execute("UPDATE project SET title = ? WHERE id = ?",
                     ["Bank\x1b[2J\u202ejes\x85", int(pid)])
        conn.execute("UPDATE smederij SET name = 'Kra\x9bkeel' WHERE code = 'krakeel'")
    conn.close()
    for args in (["project", "list"], ["project", "show", pid], ["report", "projects"],
                 ["report", "--year", "2026"], ["smederijen", "list"],
                 ["report", "projects", "--format", "markdown"]):
        out = cli.ok(*args).stdout
        assert not any(c in out for c in ("\x1b", "\u202e", "\x85", "\x9b")), (args, out)
        if "markdown" in args:  # Markdown writes a backslash as two
            out = out.replace("\\\\", "\\")
        assert "\\x1b[2J\\u202ejes\\x85" in out or "Kra\\x9bkeel" in out, (args, out)
    data = json.loads(cli.ok("project", "show", pid, "--json").stdout)
    assert data["title"] == "Bank\x1b[2J\u202ejes\x85"  # JSON keeps the stored text exactly
    csv = cli.ok("report", "projects", "--format", "csv").stdout
    assert "Bank\\x1b[2J\\u202ejes\\x85" in csv and "\x1b" not in csv


def test_stored_control_characters_do_not_break_a_spreadsheet(project, db_path, tmp_path):
    from openpyxl import load_workbook

    cli, pid = project
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE project SET title = ? WHERE id = ?", ["=Bank\x07jes", int(pid)])
    conn.close()
    cli.ok("report", "projects", "--output", str(tmp_path / "p.xlsx"))
    book = load_workbook(tmp_path / "p.xlsx")
    sheet = book[next(n for n in book.sheetnames if n.startswith("Projecten"))]  # + its year
    cell = next(c for row in sheet.iter_rows() for c in row if "Bank" in str(c.value or ""))
    assert cell.value == "=Bank\\x07jes" and cell.data_type == "s", cell.value  # never run


# -- input that is not UTF-8 --------------------------------------------------------------------


def test_an_argument_that_is_not_utf8_is_one_line_naming_it(project, db_path):
    cli, pid = project
    before = dump(db_path)
    argv = [os.fsencode(a) for a in proc.command(db_path, "project", "add", "--smederij",
                                                 "krakeel", "--stream", "korte-klap",
                                                 "--amount", "5")]
    for extra in ([b"--title", b"Caf\xe9 De Brink"], [b"--title=Caf\xe9"],
                  [b"--title", b"T", b"--note", b"\xff\xfe"]):
        done = subprocess.run(argv + extra, env=proc.env(), cwd=proc.ROOT, capture_output=True,
                              timeout=60)
        stderr = done.stderr.decode("utf-8")
        assert done.returncode == 1 and "Traceback" not in stderr, stderr
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and "is geen geldige UTF-8-tekst" in lines[0], lines
        assert ("--note" if b"--note" in extra else "--title") in lines[0]
    assert dump(db_path) == before


def test_a_ledger_path_that_is_not_utf8_is_one_line(tmp_path):
    env = {**proc.env()}
    env_bytes = {os.fsencode(k): os.fsencode(v) for k, v in env.items()}
    env_bytes[b"SMEDERIJ_DB"] = os.fsencode(str(tmp_path)) + b"/caf\xe9.db"
    done = subprocess.run([proc.sys.executable, "-m", "smederij_cli", "info"], env=env_bytes,
                          cwd=proc.ROOT, capture_output=True, text=True, timeout=60)
    assert "is geen geldige UTF-8-tekst" in one_error_line(done)
    assert list(tmp_path.iterdir()) == []


def test_a_csv_that_is_no_text_encoding_is_one_line(project, db_path, tmp_path):
    cli, pid = project
    csv = tmp_path / "betalingen.csv"
    csv.write_bytes(b"project,date,amount,payee,reference\n"
                    + f"{pid},2026-05-01,10,".encode() + b"Caf\x81\x8d\xc3,F-1\n")
    before = dump(db_path)
    assert "geen tekst in UTF-8 of Windows-1252" in one_error_line(cli("import", "payments",
                                                                       str(csv)))
    assert dump(db_path) == before


# -- output to a stream that is not UTF-8 -------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "cp437", "ascii"])
def test_output_in_a_windows_code_page_never_fails(project, db_path, encoding):
    cli, pid = project
    cli.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap", "--amount", "5",
           "--title", "Speeltuin Ôöst – café “De Brink” ✓ 🎪 שלום")
    env = {**proc.env(), "PYTHONIOENCODING": encoding}
    for args in (["report", "--year", "2026"], ["project", "show", pid], ["project", "list"],
                 ["report", "projects", "--format", "markdown"], ["budget", "show", "--year",
                                                                   "2026"],
                 ["project", "approve", pid], ["log"], ["info"], ["smederijen", "list"]):
        done = subprocess.run(proc.command(db_path, *args), env=env, cwd=proc.ROOT,
                              capture_output=True, timeout=60)
        out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)
        assert "Traceback" not in err and "Error" not in err, (args, err)
        assert done.returncode == (1 if "approve" in args else 0), (args, err)
        if args[0] == "report" and args[1] == "--year":
            assert "EUR 300.000,00" in out and "€" not in out
    assert "Totaal" in out or "krakeel" in out


# -- the registry reader ------------------------------------------------------------------------


def test_the_registry_reader_refuses_a_device_a_pipe_and_a_huge_file(cli, db_path, tmp_path):
    cli.ok("init")
    before = dump(db_path)
    done = proc.run(db_path, "init", "--config", "/dev/zero", timeout=30)  # hung before
    assert "is geen gewoon bestand" in one_error_line(done)
    fifo = tmp_path / "registry.yaml"
    os.mkfifo(fifo)
    done = proc.run(db_path, "init", "--config", str(fifo), timeout=30)  # no writer: no wait
    assert "is geen gewoon bestand" in one_error_line(done)
    huge = tmp_path / "huge.yaml"
    huge.write_text("# " + "x" * 78 + "\n" * 1 + ("#" * 99 + "\n") * (2 * 2**20 // 100))
    assert "is groter dan 1 MiB" in one_error_line(cli("init", "--config", str(huge)))
    assert dump(db_path) == before


def test_import_refuses_a_device(project, db_path):
    cli, _ = project
    before = dump(db_path)
    done = proc.run(db_path, "import", "payments", "/dev/zero", timeout=30)
    assert "is geen bestand (een map of apparaat)" in one_error_line(done)
    assert dump(db_path) == before


def test_a_payments_file_may_come_through_a_pipe(project, db_path, tmp_path):
    cli, pid = project
    fifo = tmp_path / "betalingen.csv"
    os.mkfifo(fifo)
    text = f"project,date,amount,payee,reference\n{pid},2026-05-01,10,Hovenier,F-9\n"
    writer = threading.Thread(target=lambda: fifo.write_text(text), daemon=True)
    writer.start()
    out = cli.ok("import", "payments", str(fifo), "--json").stdout
    writer.join(timeout=30)
    assert json.loads(out)["booked"] == 1
