"""A command killed (SIGKILL) in the middle of a large write leaves all of its changes or none.

The harness is ``tests/crash.py``; point it at any command that writes many rows at once."""

from __future__ import annotations

from smederij_cli.store import Store
from tests.conftest import Cli
from tests.crash import kill_at_random


def test_demo_killed_at_random_moments_is_all_or_nothing(tmp_path):
    pristine = tmp_path / "empty.db"
    Store(pristine).close()  # schema only: what demo expects
    outcomes = kill_at_random(pristine, ["demo"], tmp_path, kills=8, seed=5)
    assert sum(outcomes.values()) == 8
    assert outcomes["none"] >= 1  # at least one kill landed before the commit


def test_weighted_allocation_killed_at_random_moments_is_all_or_nothing(tmp_path):
    pristine = tmp_path / "registry.db"
    Cli(pristine).ok("init")
    outcomes = kill_at_random(
        pristine, ["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total",
                   "300.000,00", "--method", "weighted", "--base", "5.000,00"],
        tmp_path, kills=6, seed=7)
    assert sum(outcomes.values()) == 6
