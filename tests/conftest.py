"""Shared fixtures: every test works on its own temporary ledger and never on a user's data."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smederij_cli.cli import app
from smederij_cli.config import default_config_path, load_config
from smederij_cli.ledger import Ledger
from smederij_cli.store import Store

DAY = dt.date(2026, 3, 1)
TODAY = dt.date(2026, 3, 1)  # what the commands take for today, unless a test says otherwise
os.environ["SMEDERIJ_TEST_TODAY"] = TODAY.isoformat()  # also for module-scoped fixtures


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test may touch a real user's ledger: the default path points into tmp."""
    from smederij_cli import labels

    monkeypatch.setattr(labels, "message_language", "en")  # a run's --lang ends with its test
    monkeypatch.delenv("SMEDERIJ_LANG", raising=False)
    monkeypatch.setenv("SMEDERIJ_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("NO_COLOR", "1")
    # "Today" is frozen (smederij_cli.dates.today): default dates, and whether a year may be
    # closed, never depend on the day the suite runs. A test may set another day.
    monkeypatch.setenv("SMEDERIJ_TEST_TODAY", TODAY.isoformat())


@pytest.fixture
def english(monkeypatch):
    """This test's runs speak English (SMEDERIJ_LANG=en), whatever the programme's language: for
    tests that name a mistake by its English words. tests/dutch.py checks the Dutch runs."""
    monkeypatch.setenv("SMEDERIJ_LANG", "en")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def config():
    return load_config(default_config_path())


@pytest.fixture
def led(db_path, config):
    """A ledger with the example registry loaded and nothing booked."""
    store = Store(db_path)
    ledger = Ledger(store)
    ledger.load_registry(config)
    yield ledger
    store.close()


@pytest.fixture
def funded(led):
    """The example registry with 2026 allocated: 10.000,00 korte-klap and 5.000,00 lange-klap for
    krakeel and pesse, nothing for the others."""
    for code in ("krakeel", "pesse"):
        led.allocate(2026, "korte-klap", DAY, smederij=code, amount_cents=10_000_00)
        led.allocate(2026, "lange-klap", DAY, smederij=code, amount_cents=5_000_00)
    return led


def dump(path: Path) -> list[str]:
    """Every row of every table, for comparing a ledger before and after a refused command."""
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


class Cli:
    """Runs the real command line against one ledger file."""

    def __init__(self, db: Path):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(app, ["--db", str(self.db), *map(str, args)], input=input)

    def ok(self, *args: str):
        result = self(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result


@pytest.fixture
def cli(db_path) -> Cli:
    return Cli(db_path)


@pytest.fixture
def cli_ledger(cli) -> Cli:
    """A CLI on a ledger with the example registry and 2026 korte-klap allocated (weighted)."""
    cli.ok("init")
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total",
           "300.000,00", "--method", "weighted", "--base", "5.000,00", "--date", "2026-01-15")
    return cli
