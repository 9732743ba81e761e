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
                         text=True, env=env(), cwd=ROOT, check=True).stdout
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
