"""A command killed (SIGKILL) in the middle of a large write leaves all of its changes or none.

The harness is ``tests/crash.py``; point it at any command that writes many rows at once."""

from __future__ import annotations

from smederij_cli.config import default_config_path, load_config
from smederij_cli.ledger import Ledger
from smederij_cli.store import Store
from tests.conftest import DAY, Cli
from tests.crash import kill_at_random

STREAMS = ("korte-klap", "lange-klap")


def test_demo_killed_at_random_moments_is_all_or_nothing(tmp_path):
    pristine = tmp_path / "empty.db"
    Store(pristine).close()  # schema only: what demo expects
    outcomes = kill_at_random(pristine, ["demo"], tmp_path, kills=6, seed=5)
    # demo's transaction lasts some 30 ms: whether a kill lands before its commit varies from
    # run to run, so only the harness's checks of each kill are asserted here
    assert outcomes["none"] + outcomes["all"] == 6


def test_weighted_allocation_killed_at_random_moments_is_all_or_nothing(tmp_path):
    pristine = tmp_path / "registry.db"
    Cli(pristine).ok("init")
    outcomes = kill_at_random(
        pristine, ["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total",
                   "300.000,00", "--method", "weighted", "--base", "5.000,00"],
        tmp_path, kills=4, seed=7)
    assert outcomes["none"] + outcomes["all"] == 4


def _busy_ledger(path, projects: int) -> list[int]:
    """A closed ledger with 2026 allocated and ``projects`` approved projects of € 1.000,00 over
    all Smederijen and both streams, built in one transaction (fast)."""
    with Store(path) as store:
        led = Ledger(store)
        led.load_registry(load_config(default_config_path()))
        codes = [s["code"] for s in store.smederijen()]
        with store.write():
            for stream in STREAMS:
                led.allocate(2026, stream, DAY, total_cents=10_000_000_00, method="equal")
            ids = []
            for n in range(projects):
                ids.append(led.add_project(smederij=codes[n % len(codes)],
                                           stream=STREAMS[n % 2], year=2026, title=f"Plan {n}",
                                           amount_cents=1_000_00, date=DAY))
                led.approve(ids[-1], DAY)
                if n % 3 == 0:
                    led.pay(ids[-1], 250_00, DAY, reference=f"V-{n}")
    return ids


def test_a_large_payments_import_killed_at_random_moments_is_all_or_nothing(tmp_path):
    """8,000 rows: checking them against the ledger and booking them, in one transaction, takes
    about a third of the command's second; half the kills aim at that transaction."""
    pristine = tmp_path / "projects.db"
    ids = _busy_ledger(pristine, 48)
    csv = tmp_path / "betalingen.csv"
    csv.write_text("project,date,amount,payee,reference\n" + "".join(
        f"{ids[i % len(ids)]},2026-05-04,\"1,25\",Leverancier {i % 7},R-{i}\n"
        for i in range(8000)), encoding="utf-8")
    outcomes = kill_at_random(pristine, ["import", "payments", str(csv)], tmp_path, kills=5,
                              seed=11)
    assert outcomes["none"] + outcomes["all"] == 5
    assert outcomes["none"] >= 2, outcomes  # the aimed kills landed before the commit


def test_a_large_rollover_killed_at_random_moments_is_all_or_nothing(tmp_path):
    """2,000 open commitments and 48 Smederij budgets to carry or lapse: some 2,000
    transactions in one, long enough to be killed in the middle."""
    pristine = tmp_path / "year.db"
    _busy_ledger(pristine, 2000)
    outcomes = kill_at_random(pristine, ["rollover", "--year", "2026", "--early"], tmp_path,
                              kills=5, seed=13)
    assert outcomes["none"] + outcomes["all"] == 5
    assert outcomes["none"] >= 2, outcomes  # the aimed kills landed before the commit
