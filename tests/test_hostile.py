"""Hostile and broken input, across every command: each bad input ends in exit 1, one line on
stderr starting with ``error:``, no traceback, and a ledger whose content is unchanged.

Usage errors that Click itself catches (a missing option, ``--year abc``) exit 2 by convention
and are tested in test_cli.py; they are left out of this catalogue on purpose. Text that is odd
but valid (SQL or shell metacharacters, Unicode in a title) is not an error at all: it is stored
verbatim, see the last tests here.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import dump
from tests.dutch import english_words

BIG = "9" * 30  # beyond any 64-bit integer

# A YAML registry with one thing wrong each (a valid file is data/hoogeveen.yaml).
GOOD = """programme: {name: X, municipality: Y, currency: EUR, language: nl}
streams:
  - {code: korte-klap, name: Korte klap, carry_over: {policy: none}}
teams:
  - {code: noord, name: Noord}
smederijen:
  - {code: krakeel, name: Krakeel, kind: wijk, team: noord, inhabitants: 10}
"""
CONFIGS = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "not-utf8": GOOD.replace("Krakeel", "Kr\xe4keel").encode("latin-1"),
    "python-object": b"programme: !!python/object/apply:os.system ['touch pwned']\n",
    "python-name": b"smederijen: !!python/name:os.system\n",
    "list-at-top": b"- a\n- b\n",
    "wrong-type": GOOD.replace("inhabitants: 10", "inhabitants: veel").encode(),
    "negative-inhabitants": GOOD.replace("inhabitants: 10", "inhabitants: -10").encode(),
    "duplicate-code": GOOD.replace(
        "smederijen:\n", "smederijen:\n  - {code: krakeel, name: K2, kind: dorp, team: noord}\n"
    ).encode(),
    "duplicate-key": GOOD.replace("name: Krakeel,", "name: Krakeel, name: Pesse,").encode(),
    "unknown-key": GOOD.replace("programme:", "budgetten: 3\nprogramme:").encode(),
    "unknown-field": GOOD.replace("inhabitants: 10", "inhabitants: 10, mayor: Jan").encode(),
    "tabs": GOOD.replace("  - {code: noord", "\t- {code: noord").encode(),
    "unknown-team": GOOD.replace("team: noord, inhab", "team: nergens, inhab").encode(),
    "unknown-kind": GOOD.replace("kind: wijk", "kind: stad").encode(),
    "unknown-policy": GOOD.replace("policy: none", "policy: sometimes").encode(),
    "unclosed-bracket": GOOD.replace("inhabitants: 10}", "inhabitants: 10").encode(),
    "bad-code": GOOD.replace("code: krakeel", "code: \"Kra keel; rm -rf /\"").encode(),
}

# Payment files for 'import payments' with one thing wrong each; {approved} is a project that
# could take the payment.
HEADER = "project,date,amount,payee,reference\n"
PAYMENT_FILES = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "wrong-headers": b"projectnummer;datum;bedrag\n{approved};2026-05-01;10\n",
    "ambiguous-amount": (HEADER + "{approved},2026-05-01,1.234,X,A-1\n").encode(),
    "impossible-date": (HEADER + "{approved},2026-02-30,10,X,A-2\n").encode(),
    "unknown-project": (HEADER + "99999,2026-05-01,10,X,A-3\n").encode(),
}

CATALOGUE = [
    # -- amounts ------------------------------------------------------------------------------
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "1.234"], "three decimals"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "1.000.00"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "1,2,3"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "12,345.678"], "more than two decimals"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "1e5"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "NaN"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "inf"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "0x10"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "1_000"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "\uff11\uff12\uff13"], "not an amount"),  # fullwidth digits
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", BIG], "too large"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "0,00"], "zero"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "0,0001"], "more than two decimals"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "-0,01"], "negative"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "  "], "empty"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "100; DROP TABLE posting"], "not an amount"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total", "10",
      "--method", "equal", "--base", "1"], "--base goes with --method weighted"),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "5", "--total", "5"], "--smederij"),
    (["budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from", "krakeel",
      "--to", "krakeel", "--amount", "5"], "the same Smederij"),
    (["payment", "add", "--project", "{approved}", "--amount", "$100", "--date", "2026-05-01"],
     "not an amount"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "5", "--cofunding", "Fonds=abc"], "not an amount"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "5", "--cofunding", "=5"], "SOURCE=AMOUNT"),
    # -- years, dates, numbers ------------------------------------------------------------------
    (["budget", "allocate", "--year", "1066", "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "5"], "out of range"),
    (["budget", "allocate", "--year", BIG, "--stream", "korte-klap", "--smederij", "krakeel",
      "--amount", "5"], "out of range"),
    (["report", "--year", BIG], "out of range"),
    (["budget", "show", "--year", "-2026"], "out of range"),
    (["smederijen", "list", "--year", "0"], "out of range"),
    (["payment", "add", "--project", "{approved}", "--amount", "5", "--date", "2026-02-30"],
     "not a day in the calendar"),
    (["payment", "add", "--project", "{approved}", "--amount", "5", "--date", "31-04-2026"],
     "not a day in the calendar"),
    (["payment", "add", "--project", "{approved}", "--amount", "5", "--date", "2026/05/01"],
     "not a date"),
    (["payment", "add", "--project", "{approved}", "--amount", "5", "--date", "\uff12\uff10"
      "\uff12\uff16-05-01"], "not a date"),
    (["project", "approve", "{proposed}", "--date", "2026-13-01"], "not a day in the calendar"),
    (["log", "--since", "gisteren"], "not a date"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "5", "--supporters", "-1"], "0 or more"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "5", "--volunteers", BIG], "too large"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "X",
      "--amount", "5", "--year", BIG], "out of range"),
    # -- unknown and negative ids ---------------------------------------------------------------
    (["project", "approve", BIG], "unknown project"),
    (["project", "show", "0"], "unknown project 0"),
    (["project", "withdraw", "999999"], "unknown project"),
    (["payment", "add", "--project", "-5", "--amount", "5", "--date", "2026-05-01"],
     "unknown project -5"),
    (["payment", "add", "--project", BIG, "--amount", "5", "--date", "2026-05-01"],
     "unknown project"),
    (["payment", "list", "--project", "-1"], "unknown project -1"),
    (["payment", "reverse", BIG, "--reason", "x"], "unknown payment"),
    (["payment", "reverse", "{payment}", "--reason", "x", "--date", "2026-02-29"],
     "not a day in the calendar"),
    (["log", "--project", "-3"], "unknown project -3"),
    (["smederijen", "show", "krakeel'; DROP TABLE smederij; --"], "unknown Smederij"),
    (["project", "list", "--smederij", "$(rm -rf ~)"], "unknown Smederij"),
    (["project", "list", "--stream", "korte-klap' OR '1'='1"], "unknown stream"),
    (["project", "list", "--theme", "play; echo pwned"], "unknown theme"),
    (["project", "add", "--smederij", "KRAKEEL!", "--stream", "korte-klap", "--title", "X",
      "--amount", "5"], "unknown Smederij"),
    (["budget", "allocate", "--year", "2026", "--stream", "*", "--smederij", "krakeel",
      "--amount", "5"], "unknown stream"),
    # -- text that cannot be one line -----------------------------------------------------------
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title",
      "Regel 1\nRegel 2", "--amount", "5"], "line breaks"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title",
      "Bel\x07", "--amount", "5"], "control characters"),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title",
      "x" * 501, "--amount", "5"], "501 characters"),
    (["payment", "add", "--project", "{approved}", "--amount", "5", "--date", "2026-05-01",
      "--payee", "Evil\x1b[2J"], "control characters"),
    (["payment", "reverse", "{payment}", "--reason", "\t\n"], "reason is empty"),
    (["project", "reject", "{proposed}", "--note", "a\rb"], "control characters"),
    # -- files --------------------------------------------------------------------------------
    *[(["init", "--config", f"{{cfg:{name}}}"], f"{name}.yaml") for name in CONFIGS],
    (["init", "--config", "{tmp}"], "is a folder"),
    (["--db", "{tmp}", "report"], "is a directory"),
    (["backup", "{cfg:empty}"], "already exists"),
    (["backup", "{db}", "--force"], "the ledger itself"),
    (["restore", "{db}"], "the ledger itself"),
    (["restore", "{cfg:binary}"], "not a smederij ledger"),
    (["restore", "{csv:wrong-headers}"], "not an SQLite file): not restored"),
    # -- the newer commands: import, rollover, reports over years, export, plans ----------------
    (["import", "payments", "{csv:empty}"], "is empty"),
    (["import", "payments", "{csv:binary}"], "not a CSV file"),
    (["import", "payments", "{csv:wrong-headers}"], "the header has no column project"),
    (["import", "payments", "{csv:ambiguous-amount}"], "line 2: amount '1.234' has three decimals"),
    (["import", "payments", "{csv:impossible-date}"], "line 2: date '2026-02-30' is not a day"),
    (["import", "payments", "{csv:unknown-project}"], "line 2: project 99999 does not exist"),
    (["import", "payments", "{tmp}/nowhere.csv"], "no file"),
    (["rollover", "--year", "1999"], "year 1999 is out of range"),
    (["rollover", "--year", BIG], "out of range"),
    (["rollover", "--year", "2027"], "budget year 2026 is still open"),
    (["report", "--from", "2030", "--to", "2020"], "--from 2030 is after --to 2020"),
    (["export", "--format", "nonsense"], "unknown format 'nonsense'"),
    (["budget", "allocate", "--year", "2027", "--from-config"], "were already applied"),
]


@pytest.fixture
def busy(cli_ledger, db_path):
    cli = cli_ledger
    ids = {}
    ids["proposed"] = cli.ok("project", "add", "--smederij", "krakeel", "--stream",
                             "korte-klap", "--title", "Plan", "--amount", "1.000,00").stdout.strip()
    ids["approved"] = cli.ok("project", "add", "--smederij", "krakeel", "--stream",
                             "korte-klap", "--title", "Plan 2", "--amount", "2.000,00"
                             ).stdout.strip()
    cli.ok("project", "approve", ids["approved"])
    ids["payment"] = cli.ok("payment", "add", "--project", ids["approved"], "--amount", "100",
                            "--date", "2026-04-01").stdout.strip()
    cli.ok("budget", "allocate", "--year", "2027", "--from-config")  # applying it again: refused
    return cli, ids


def test_the_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 50


# The registry file's own keys and values (a YAML file is written with them, in English).
REGISTRY_KEYS = frozenset({"programme", "streams", "teams", "smederijen", "allocations", "code",
                           "name", "kind", "team", "inhabitants", "carry_over", "none", "full",
                           "capped", "max_years", "policy"})


def _run_case(busy, db_path, tmp_path, args, dutch=False):
    """One case of the catalogue on the busy ledger: (the result, the ledger's rows before).
    ``dutch``: amounts as a Dutch clerk mistypes them (1,234 is ambiguous in Dutch, 1.234 in
    English)."""
    cli, ids = busy
    configs = tmp_path / "configs"
    configs.mkdir()
    for name, content in CONFIGS.items():
        (configs / f"{name}.yaml").write_bytes(content)
    for name, content in PAYMENT_FILES.items():
        content = content.replace(b",1.234,", b',"1,234",') if dutch else content
        (configs / f"{name}.csv").write_bytes(content.replace(b"{approved}",
                                                              ids["approved"].encode()))
    places = {**ids, "tmp": str(tmp_path), "db": str(db_path),
              **{f"cfg:{name}": str(configs / f"{name}.yaml") for name in CONFIGS},
              **{f"csv:{name}": str(configs / f"{name}.csv") for name in PAYMENT_FILES}}
    for key, value in places.items():
        args = [a.replace(f"{{{key}}}", value) for a in args]
    if dutch:
        args = [a.replace("1.234", "1,234") for a in args]
    before = dump(db_path)
    return cli(*args), before


@pytest.mark.parametrize("args, message", CATALOGUE,
                         ids=[f"{i:02d} " + " ".join(a[:2]) for i, (a, _) in
                              enumerate(CATALOGUE)])
@pytest.mark.usefixtures("english")
def test_bad_input_is_one_line_exit_1_and_changes_nothing(busy, db_path, tmp_path, args,
                                                          message):
    result, before = _run_case(busy, db_path, tmp_path, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and message in lines[0], lines[0]
    assert "Traceback" not in result.output
    assert dump(db_path) == before
    assert not (tmp_path / "pwned").exists() and not (proc_root() / "pwned").exists()


@pytest.mark.parametrize("args", [a for a, _ in CATALOGUE],
                         ids=[f"{i:02d} " + " ".join(a[:2]) for i, (a, _) in
                              enumerate(CATALOGUE)])
def test_bad_input_in_a_dutch_run_is_one_dutch_line(busy, db_path, tmp_path, args):
    """The same catalogue as a Dutch clerk meets it (the programme's language): one line, in
    Dutch, and nothing changed."""
    result, before = _run_case(busy, db_path, tmp_path, args, dutch=True)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: "), result.stderr
    line = lines[0]
    if "ongeldige YAML: " in line:  # the YAML parser's own words, quoted after ours
        line = line.split("ongeldige YAML: ")[0] + line.rsplit("; ", 1)[-1]
    assert english_words(line, allowed=REGISTRY_KEYS) == [], lines[0]
    assert dump(db_path) == before


def proc_root():
    from tests.proc import ROOT

    return ROOT


def test_yaml_cannot_construct_python_objects(tmp_path, monkeypatch):
    """The loader is a safe one: the tag is refused, and nothing ran."""
    from smederij_cli.config import load_config
    from smederij_cli.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.yaml"
    path.write_text("programme: !!python/object/apply:os.system ['touch pwned']\n")
    with pytest.raises(ConfigError, match="evil.yaml"):
        load_config(path)
    assert not (tmp_path / "pwned").exists()


# -- odd but valid: stored and shown verbatim --------------------------------------------------

VERBATIM = [
    "'; DROP TABLE project; --",
    "Robert'); DELETE FROM posting WHERE ('1'='1",
    "$(rm -rf ~) `reboot` | tee /etc/passwd && echo $HOME > x",
    "[bold red]niet vet[/] [/] [link=file:///etc/passwd]klik[/link]",
    "Speeltuin Ôöst – café “De Brink” ✓ 🎪",
    "שלום مرحبا 你好 (right to left; a bidi override is refused: test_edges_text.py)",
    "%s %d {0} {title} \\x00 \\n",
]


@pytest.mark.parametrize("title", VERBATIM)
def test_odd_text_is_stored_and_shown_verbatim(busy, title):
    cli, _ = busy
    pid = cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                 "--title", title, "--amount", "5", "--cofunding", f"{title}=1",
                 "--note", title).stdout.strip()
    cli.ok("project", "approve", pid, "--note", title)
    cli.ok("payment", "add", "--project", pid, "--amount", "1", "--date", "2026-05-01",
           "--payee", title, "--ref", title)
    shown = json.loads(cli.ok("project", "show", pid, "--json").stdout)
    assert shown["title"] == title and shown["cofunding"] == {title: 100}
    assert shown["history"][0]["note"] == title and shown["payments"][0]["payee"] == title
    assert shown["payments"][0]["reference"] == title
    for args in (["project", "show", pid], ["project", "list"], ["payment", "list"], ["log"]):
        cli.ok(*args)  # rendering never chokes on markup-like or bidi text
    assert json.loads(cli.ok("info", "--json").stdout)["projects"] == 3  # nothing dropped
    cli.ok("check")
