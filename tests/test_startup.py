"""Start-up stays fast by not loading what a command does not use (measured in bench/, guarded
here by what gets imported, never by the clock)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.proc import ROOT, env

HEAVY = ("rich", "sqlite_utils", "pydantic", "markdown_it", "openpyxl")

PROBE = """
import json, sys
sys.argv = ["smederij", *json.loads(sys.argv[1])]
from smederij_cli.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\nLOADED " + json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def loaded(*args: str) -> tuple[str, set[str]]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True,
                         text=True, env={**env(), "USER": "clerk"}, cwd=ROOT, check=True).stdout
    text, _, modules = out.rpartition("\nLOADED ")
    return text, set(json.loads(modules))


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("startup") / "l.db"
    subprocess.run([sys.executable, "-m", "smederij_cli", "--db", str(db), "init"], env=env(),
                   cwd=ROOT, check=True, capture_output=True)
    return db


def test_help_loads_no_heavy_module_and_keeps_examples_on_one_line():
    text, modules = loaded("budget", "allocate", "--help")
    assert modules.isdisjoint(HEAVY), modules & set(HEAVY)
    example = [line.strip() for line in text.splitlines() if line.strip().startswith("Example:")]
    assert example == ["Example: smederij budget allocate --year 2026 --stream korte-klap "
                       "--total 300.000,00 --method weighted --base 5.000,00 --dry-run"]
    assert "[bold]" not in text and "[/]" not in text


@pytest.mark.parametrize("args", [["report", "--year", "2026", "--format", "json"],
                                  ["report", "--year", "2026"], ["info", "--json"]])
def test_reading_commands_load_no_heavy_module(ledger_db, args):
    text, modules = loaded("--db", str(ledger_db), *args)
    assert text.strip()
    assert modules.isdisjoint(HEAVY), modules & set(HEAVY)


def test_a_pending_migration_still_loads_sqlite_utils_to_apply_it(tmp_path):
    text, modules = loaded("--db", str(tmp_path / "new.db"), "init")
    assert "sqlite_utils" in modules and "register uit" in text


# -- what a reading command loads, and builds ----------------------------------------------------

# Loaded only by the paths that need them: rich draws for a terminal (or what only it can draw);
# html, csv and decimal serve their own report formats; getpass only when the environment does
# not name the user; secrets (random, hashlib) only to draw a lot's seed; cli_rounds only for
# 'smederij round ...' (and help listing it).
LIGHT = ("html", "csv", "decimal", "getpass", "secrets", "random", "hashlib")

BUILT = """
import json, sys
sys.argv = ["smederij", *json.loads(sys.argv[1])]
from smederij_cli import tree
built = []
real = tree.get_command_from_info
tree.get_command_from_info = lambda info, **kw: built.append(real(info, **kw).name) or real(
    info, **kw)
from smederij_cli.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\nBUILT " + json.dumps(built))
"""


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("startup-demo") / "demo.db"
    subprocess.run([sys.executable, "-m", "smederij_cli", "--db", str(db), "demo"], env=env(),
                   cwd=ROOT, check=True, capture_output=True)
    return db


@pytest.mark.parametrize("args", [
    ["report", "--year", "2026"], ["report", "--year", "2026", "--format", "json"],
    ["report", "--year", "2026", "--format", "markdown"], ["report", "projects"],
    ["project", "list"], ["project", "show", "1"], ["payment", "list"],
    ["budget", "show", "--year", "2026"], ["smederijen", "list"],
    ["smederijen", "show", "krakeel"], ["log"], ["status"], ["info"]],
    ids=" ".join)
def test_piped_reading_commands_load_neither_rich_nor_what_other_paths_need(demo_db, args):
    text, modules = loaded("--db", str(demo_db), *args)
    assert text.strip()
    assert modules.isdisjoint((*HEAVY, *LIGHT)), modules & {*HEAVY, *LIGHT}
    assert "smederij_cli.cli_rounds" not in modules  # (top-level names only: see below)


def test_check_reads_the_rounds_too_but_prints_without_rich(demo_db):
    text, modules = loaded("--db", str(demo_db), "check")
    assert text.startswith("ok: ")
    assert modules.isdisjoint((*HEAVY, "html", "getpass")), modules & {*HEAVY, *LIGHT}


def test_round_commands_load_the_rounds_but_not_what_drawing_a_lot_needs(demo_db):
    text, modules = loaded("--db", str(demo_db), "round", "list")
    assert text.strip()
    drawing = ("secrets", "random", "hashlib")
    assert modules.isdisjoint((*HEAVY, *drawing, "getpass")), modules & {*HEAVY, *LIGHT}


def test_a_refusal_on_a_pipe_is_one_plain_line_without_rich(demo_db):
    probe = subprocess.run([sys.executable, "-c", PROBE.replace("sys.stdout.flush()",
                                                                "sys.stderr.flush()"),
                            json.dumps(["--db", str(demo_db), "project", "show", "999"])],
                           capture_output=True, text=True, env={**env(), "USER": "clerk"},
                           cwd=ROOT, check=True)
    assert probe.stderr.startswith("fout: ") and probe.stderr.count("\n") == 1
    assert "999" in probe.stderr
    modules = set(json.loads(probe.stdout.rpartition("LOADED ")[2]))
    assert "rich" not in modules


def built(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", BUILT, json.dumps(args)], capture_output=True,
                         text=True, env=env(), cwd=ROOT, check=True).stdout
    return json.loads(out.rpartition("\nBUILT ")[2])


def test_a_command_is_built_when_it_is_used_not_all_of_them_on_every_start(demo_db):
    assert built("--db", str(demo_db), "info", "--json") == ["info"]
    assert built("--db", str(demo_db), "project", "list", "--json") == ["list"]
    assert built("--db", str(demo_db), "round", "list", "--json") == ["list"]


def test_help_lists_every_command_from_its_help_text_without_building_one():
    names, help_text = built("--help"), loaded("--help")[0]
    assert names == []
    listed = help_text.split("Commands:")[1].split()
    for command in ("init", "info", "status", "report", "project", "payment", "round", "site"):
        assert command in listed
    assert "Where the ledger is, its schema version, and what it holds." in help_text
    assert built("project", "--help") == []
    assert "A project's details, status history, payments, and committed" in loaded(
        "project", "--help")[0]


@pytest.mark.parametrize("soft_wrap", [False, True])
def test_piped_lines_printed_without_rich_are_what_rich_prints(soft_wrap):
    """render's plain console writes a line itself only where rich would write it unchanged:
    long lines (rich wraps them at the width), wide characters, emoji codes go to rich."""
    import io

    from rich.console import Console

    from smederij_cli import render

    lines = ["", "  ledger:         /tmp/x.db ", "x" * 40, "y " * 25 + "z", "€ 1.250,00 café",
             "a :smile: b", "a:b:c", "[bold]as typed[/]", "日本語のプロジェクト", "tab\there",
             "two\nlines", "Ω–ŀ\xa0"]
    for text in lines:
        for item in (text, render.Text(text, style="bold"),
                     render.Text.assemble(("error:", "bold red"), " ", text)):
            mine, theirs = io.StringIO(), io.StringIO()

            def rich(out=theirs):
                return Console(file=out, width=40, highlight=False, markup=False)

            render._PlainConsole(lambda: rich(mine), 40, mine).print(item, soft_wrap=soft_wrap)
            rich().print(item.__rich__() if isinstance(item, render.Text) else item,
                         soft_wrap=soft_wrap)
            assert mine.getvalue() == theirs.getvalue(), (text, item)
