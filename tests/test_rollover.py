"""Year end: carry-over policies, the rollover transaction, closed years, plans from config."""

from __future__ import annotations

import datetime as dt
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smederij_cli import domain as d
from smederij_cli.errors import NotAllowed, SmederijError
from smederij_cli.ledger import FIGURES, Ledger
from smederij_cli.store import Store
from tests.conftest import DAY, dump

ROOT = Path(__file__).resolve().parent.parent
KK, LK = "korte-klap", "lange-klap"


def set_policy(led: Ledger, stream: str, policy: dict, smederij: str | None = None) -> None:
    """Give a stream (or one Smederij's stream) a carry-over policy, as 'init' would store it."""
    with led.store.write():
        if smederij is None:
            led.store.conn.execute("UPDATE stream SET carry_over = ? WHERE code = ?",
                                   [json.dumps(policy), stream])
        else:
            led.store.conn.execute("UPDATE smederij SET carry_over = ? WHERE code = ?",
                                   [json.dumps({stream: policy}), smederij])


def spend(led: Ledger, year: int, smederij: str, stream: str, cents: int, *,
          paid: int = 0) -> int:
    """A project of ``year`` approved for ``cents`` with ``paid`` of it paid."""
    pid = led.add_project(smederij=smederij, stream=stream, year=year, title="Plan",
                          amount_cents=cents, date=dt.date(year, 2, 1))
    led.approve(pid, dt.date(year, 3, 1))
    if paid:
        led.pay(pid, paid, dt.date(year, 4, 1))
    return pid


def roll(led: Ledger, year: int, **kwargs) -> dict:
    """Roll a year over as if it were the next January."""
    return led.rollover(year, today=dt.date(year + 1, 1, 2), **kwargs)


def move(result: dict, smederij: str, stream: str) -> dict:
    return next((m for m in result["moves"]
                 if (m["smederij"], m["stream"]) == (smederij, stream)),
                {"carried_cents": 0, "lapsed_cents": 0, "commitments_carried_cents": 0})


def figures(led: Ledger, year: int, smederij: str, stream: str) -> dict:
    return led.report(year, smederij=smederij)["smederijen"][0]["streams"][stream]


def smederij_money(led: Ledger) -> int:
    """All money held by Smederijen (available, committed, spent) over all years."""
    return -led.store.balance(d.funding_account(KK)) - led.store.balance(d.funding_account(LK))


# -- policies, with exact numbers -------------------------------------------------------------------

POLICIES = [
    ({"policy": "none"}, 0, 7_000_00),
    ({"policy": "full"}, 7_000_00, 0),
    ({"policy": "capped", "percent": 25}, 2_500_00, 4_500_00),
    ({"policy": "capped", "amount_cents": 1_000_00}, 1_000_00, 6_000_00),
    ({"policy": "capped", "percent": 25, "amount_cents": 2_000_00}, 2_000_00, 5_000_00),
    ({"policy": "capped", "percent": 10, "amount_cents": 2_000_00}, 1_000_00, 6_000_00),
    ({"policy": "capped", "percent": 90}, 7_000_00, 0),  # the cap is above what is left
    ({"policy": "max_years", "years": 1}, 0, 7_000_00),
    ({"policy": "max_years", "years": 2}, 7_000_00, 0),
]


@pytest.mark.parametrize("policy, carried, lapsed", POLICIES, ids=[json.dumps(p[0])
                                                                   for p in POLICIES])
def test_each_policy_carries_and_lapses_exactly(funded, policy, carried, lapsed):
    led = funded
    set_policy(led, KK, policy)
    spend(led, 2026, "krakeel", KK, 3_000_00, paid=1_000_00)  # 10.000 allocated, 7.000 left
    before = smederij_money(led)
    result = roll(led, 2026)
    assert result["status"] == "rolled_over"
    assert move(result, "krakeel", KK) == {
        "smederij": "krakeel", "stream": KK, "carried_cents": carried, "lapsed_cents": lapsed,
        "commitments_carried_cents": 2_000_00}
    assert led.store.balance(d.available_account(2027, "krakeel", KK)) == carried
    assert led.store.balance(d.available_account(2026, "krakeel", KK)) == 0
    assert smederij_money(led) == before - result["totals"]["lapsed_cents"]
    assert led.check() == []


def test_a_smederij_override_beats_the_stream_policy(funded):
    led = funded
    set_policy(led, KK, {"policy": "none"})
    set_policy(led, KK, {"policy": "full"}, smederij="pesse")
    result = roll(led, 2026)
    assert move(result, "krakeel", KK)["lapsed_cents"] == 10_000_00
    assert move(result, "pesse", KK)["carried_cents"] == 10_000_00


def test_the_example_configuration_policies(funded):
    """korte-klap capped at 25%, lange-klap max 3 years, Tiendeveen keeps all its korte klap."""
    led = funded
    led.allocate(2026, KK, DAY, smederij="tiendeveen", amount_cents=4_000_00)
    result = roll(led, 2026)
    assert move(result, "krakeel", KK)["carried_cents"] == 2_500_00
    assert move(result, "krakeel", LK)["carried_cents"] == 5_000_00
    assert move(result, "tiendeveen", KK)["carried_cents"] == 4_000_00


def test_max_years_uses_the_oldest_money_first(led):
    """Max 3 years: money of 2026 still unspent after 2028 lapses at the 2028 rollover."""
    set_policy(led, LK, {"policy": "max_years", "years": 3})
    for year in (2026, 2027, 2028, 2029):
        led.allocate(year, LK, dt.date(year, 1, 15), smederij="krakeel", amount_cents=1_000_00)
    roll(led, 2026)  # {2026: 1.000}
    assert led.vintages(2026, "krakeel", LK) == {2026: 1_000_00}
    spend(led, 2027, "krakeel", LK, 400_00)  # uses 2026's money first
    roll(led, 2027)
    assert led.vintages(2027, "krakeel", LK) == {2026: 600_00, 2027: 1_000_00}
    spend(led, 2028, "krakeel", LK, 100_00)
    assert led.vintages(2028, "krakeel", LK) == {2026: 500_00, 2027: 1_000_00,
                                                 2028: 1_000_00}
    result = roll(led, 2028)
    assert move(result, "krakeel", LK)["lapsed_cents"] == 500_00  # what is left of 2026
    assert move(result, "krakeel", LK)["carried_cents"] == 2_000_00
    spend(led, 2029, "krakeel", LK, 300_00)
    assert led.vintages(2029, "krakeel", LK) == {2027: 700_00, 2028: 1_000_00,
                                                 2029: 1_000_00}
    result = roll(led, 2029)
    assert move(result, "krakeel", LK)["lapsed_cents"] == 700_00
    assert move(result, "krakeel", LK)["carried_cents"] == 2_000_00
    assert led.check() == []


def test_a_release_of_a_carried_commitment_is_money_of_the_year_before(led):
    set_policy(led, LK, {"policy": "max_years", "years": 2})
    led.allocate(2026, LK, DAY, smederij="krakeel", amount_cents=1_000_00)
    pid = spend(led, 2026, "krakeel", LK, 600_00)
    roll(led, 2026)
    led.allocate(2027, LK, dt.date(2027, 1, 15), smederij="krakeel", amount_cents=100_00)
    led.change_status(pid, "withdraw", dt.date(2027, 5, 1))
    assert led.vintages(2027, "krakeel", LK) == {2026: 1_000_00, 2027: 100_00}
    assert move(roll(led, 2027), "krakeel", LK) == {
        "smederij": "krakeel", "stream": LK, "carried_cents": 100_00,
        "lapsed_cents": 1_000_00, "commitments_carried_cents": 0}


def test_carry_split_refuses_vintages_that_do_not_add_up():
    with pytest.raises(ValueError):
        d.carry_split({"policy": "max_years", "years": 2}, 2026, 100, 100, {2026: 99})


# -- across the boundary ---------------------------------------------------------------------------


def test_reports_show_the_rollover_on_both_sides_and_the_identity_holds(funded):
    led = funded
    spend(led, 2026, "krakeel", KK, 3_000_00, paid=1_000_00)
    before, total_before = smederij_money(led), led.store.total_posted()
    result = roll(led, 2026)
    old, new = figures(led, 2026, "krakeel", KK), figures(led, 2027, "krakeel", KK)
    assert old["carried_out_cents"] == 2_500_00 + 2_000_00
    assert old["lapsed_cents"] == 4_500_00
    assert old["spent_cents"] == 1_000_00
    assert old["available_cents"] == old["committed_cents"] == 0
    assert new["carried_in_cents"] == old["carried_out_cents"]
    assert new["available_cents"] == 2_500_00 and new["committed_cents"] == 2_000_00
    for year in (2026, 2027):
        for sm in led.report(year)["smederijen"]:
            for f in sm["streams"].values():
                assert f["carried_in_cents"] + f["allocated_cents"] == sum(
                    f[k] for k in FIGURES[2:])
    assert (led.report(2026)["totals"]["carried_out_cents"]
            == led.report(2027)["totals"]["carried_in_cents"]
            == result["totals"]["carried_cents"] + result["totals"]["commitments_carried_cents"])
    assert smederij_money(led) == before - result["totals"]["lapsed_cents"]
    assert led.store.total_posted() == total_before == 0


def test_a_project_approved_in_one_year_and_paid_in_the_next_keeps_its_story(funded):
    led = funded
    pid = spend(led, 2026, "krakeel", KK, 3_000_00, paid=1_000_00)
    history = led.project_detail(pid)["history"]
    roll(led, 2026)
    pay_id = led.pay(pid, 500_00, dt.date(2027, 2, 1), payee="Hovenier")
    assert led.payment(pay_id)["project_id"] == pid
    spent = led.store.balance(d.spent_account(2027, "krakeel", KK, pid))
    assert spent == 500_00
    detail = led.project_detail(pid)
    assert (detail["id"], detail["year"], detail["status"]) == (pid, 2026, "approved")
    assert detail["history"] == history
    assert (detail["committed_cents"], detail["paid_cents"], detail["left_cents"]) == (
        3_000_00, 1_500_00, 1_500_00)
    led.change_status(pid, "start", dt.date(2027, 3, 1))
    led.change_status(pid, "complete", dt.date(2027, 4, 1))
    assert led.store.balance(d.available_account(2027, "krakeel", KK)) == 2_500_00 + 1_500_00
    assert led.project_detail(pid)["released_cents"] == 1_500_00
    assert led.check() == []


def test_a_proposed_project_of_a_closed_year_is_approved_from_the_open_year(funded):
    led = funded
    pid = led.add_project(smederij="krakeel", stream=KK, year=2026, title="Bankjes",
                          amount_cents=2_000_00, date=DAY)
    roll(led, 2026)
    assert led.project(pid)["status"] == "proposed"
    with pytest.raises(NotAllowed, match="2026 is closed.*open year 2027"):
        led.approve(pid, dt.date(2026, 12, 31))
    led.approve(pid, dt.date(2027, 1, 10))
    assert led.store.balance(d.committed_account(2027, "krakeel", KK, pid)) == 2_000_00
    assert led.store.balance(d.available_account(2027, "krakeel", KK)) == 500_00
    assert led.check() == []


def test_a_fully_paid_project_raises_its_commitment_in_the_open_year(funded):
    led = funded
    pid = spend(led, 2026, "krakeel", KK, 1_000_00, paid=1_000_00)
    roll(led, 2026)
    with pytest.raises(SmederijError, match="raise-commitment"):
        led.pay(pid, 100_00, dt.date(2027, 1, 20))
    led.pay(pid, 100_00, dt.date(2027, 1, 20), raise_commitment=True)
    assert led.store.balance(d.spent_account(2027, "krakeel", KK, pid)) == 100_00
    assert led.check() == []


def test_years_close_in_order_and_a_second_run_changes_nothing(funded, db_path):
    led = funded
    led.allocate(2027, KK, dt.date(2027, 1, 4), smederij="krakeel", amount_cents=1_000_00)
    with pytest.raises(NotAllowed, match="2026 is still open.*rollover --year 2026"):
        roll(led, 2027)
    first = roll(led, 2026)
    before = dump(db_path)
    again = roll(led, 2026)
    assert again["status"] == "already_rolled_over"
    assert again["moves"] == first["moves"] and again["totals"] == first["totals"]
    assert dump(db_path) == before


def test_check_finds_money_left_in_a_closed_year(funded):
    led = funded
    roll(led, 2026)
    s = led.store
    with s.write():
        s.post(DAY, d.ALLOCATION, "sneaked in", [
            (led._account(d.funding_account(KK), d.FUNDING, KK), -1),
            (led._available(2026, "krakeel", KK), 1)])
    assert any("closed year 2026 still holds €0.01 available" in p for p in led.check())


# -- the command line ------------------------------------------------------------------------------


@pytest.fixture
def year_end(cli_ledger):
    """2026 allocated (korte-klap), a project with a payment, ready for year end."""
    cli = cli_ledger
    pid = cli.ok("project", "add", "--smederij", "krakeel", "--stream", KK, "--title", "Baan",
                 "--amount", "3.000,00", "--year", "2026").stdout.strip()
    cli.ok("project", "approve", pid, "--date", "2026-03-01")
    pay = cli.ok("payment", "add", "--project", pid, "--amount", "1.000,00", "--date",
                 "2026-04-01").stdout.strip()
    proposed = cli.ok("project", "add", "--smederij", "pesse", "--stream", KK, "--title", "Idee",
                      "--amount", "100", "--year", "2026").stdout.strip()
    return cli, {"project": pid, "payment": pay, "proposed": proposed}


def test_rollover_json_dry_run_and_rerun(year_end, db_path):
    cli, ids = year_end
    before = dump(db_path)
    dry = json.loads(cli.ok("rollover", "--year", "2026", "--dry-run", "--json").stdout)
    assert dry["status"] == "dry_run"
    assert dump(db_path) == before
    done = json.loads(cli.ok("rollover", "--year", "2026", "--early", "--json").stdout)
    assert done["status"] == "rolled_over"
    assert (done["year"], done["next_year"]) == (2026, 2027)
    assert done["moves"] == dry["moves"] and done["totals"] == dry["totals"]
    assert set(done["moves"][0]) == {"smederij", "stream", "carried_cents", "lapsed_cents",
                                     "commitments_carried_cents"}
    assert done["totals"]["commitments_carried_cents"] == 2_000_00
    assert done["totals"]["carried_cents"] + done["totals"]["lapsed_cents"] == 300_000_00 - (
        3_000_00)
    info = json.loads(cli.ok("info", "--json").stdout)
    assert {"year": 2026, "status": "closed"} in info["years"]
    after = dump(db_path)
    again = cli.ok("rollover", "--year", "2026", "--early")
    assert "is al afgesloten" in again.stdout and "er is niets veranderd" in again.stdout
    assert json.loads(cli.ok("rollover", "--year", "2026", "--early", "--json").stdout)[
        "status"] == "already_rolled_over"
    assert dump(db_path) == after
    text = cli.ok("rollover", "--year", "2027", "--dry-run").stdout
    assert "Jaarafsluiting 2027 -> 2028 (proefrun: niets geschreven)" in text
    cli.ok("check")


CLOSED = [
    (["budget", "allocate", "--year", "2026", "--stream", KK, "--smederij", "krakeel",
      "--amount", "100"], "budgetjaar 2026 is afgesloten"),
    (["budget", "allocate", "--year", "2025", "--stream", KK, "--smederij", "krakeel",
      "--amount", "100"], "budgetjaar 2025 ligt voor het afgesloten jaar 2026"),
    (["budget", "allocate", "--year", "2026", "--from-config"], "budgetjaar 2026 is afgesloten"),
    (["budget", "transfer", "--year", "2026", "--stream", KK, "--from", "krakeel", "--to",
      "pesse", "--amount", "10"], "budgetjaar 2026 is afgesloten"),
    (["project", "add", "--smederij", "krakeel", "--stream", KK, "--title", "Laat",
      "--amount", "10", "--year", "2026"], "een project toevoegen kan daar niet meer"),
    (["payment", "add", "--project", "{project}", "--amount", "10", "--date", "2026-12-15"],
     "een betaling boeken op 2026-12-15 kan daar niet meer"),
    (["payment", "reverse", "{payment}", "--reason", "dubbel", "--date", "2027-01-05"],
     "betaling {payment} is geboekt in budgetjaar 2026, dat is afgesloten"),
    (["project", "approve", "{proposed}", "--date", "2026-12-20"],
     "een project goedkeuren op 2026-12-20"),
    (["project", "withdraw", "{project}", "--date", "2026-12-30"],
     "project {project} intrekken op 2026-12-30 kan daar niet meer"),
    (["project", "start", "{project}", "--date", "2026-12-30"],
     "project {project} starten op 2026-12-30 kan daar niet meer"),
    (["project", "reject", "{proposed}", "--date", "2026-12-30"],
     "project {proposed} afwijzen op 2026-12-30 kan daar niet meer"),
    (["project", "add", "--smederij", "krakeel", "--stream", KK, "--title", "Laat",
      "--amount", "10", "--year", "2027", "--date", "2026-12-30"],
     "een project toevoegen op 2026-12-30 kan daar niet meer"),
]


@pytest.mark.parametrize("args, message", CLOSED, ids=[" ".join(a[:2]) + f" ({m[:30]})"
                                                        for a, m in CLOSED])
def test_writes_to_a_closed_year_are_refused(year_end, db_path, args, message):
    cli, ids = year_end
    cli.ok("rollover", "--year", "2026", "--early")
    before = dump(db_path)
    result = cli(*(a.format(**ids) for a in args))
    assert result.exit_code == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: ")
    assert message.format(**ids) in lines[0]
    assert "open jaar 2027" in lines[0]
    assert dump(db_path) == before
    report = json.loads(cli.ok("report", "--year", "2026", "--format", "json").stdout)
    assert report["totals"]["available_cents"] == report["totals"]["committed_cents"] == 0


def test_rollover_refuses_a_year_after_an_open_one(year_end, db_path):
    cli, _ = year_end
    cli.ok("budget", "allocate", "--year", "2027", "--stream", KK, "--smederij", "krakeel",
           "--amount", "100")
    before = dump(db_path)
    result = cli("rollover", "--year", "2027")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("fout: budgetjaar 2026 is nog open: jaren worden op "
                                     "volgorde afgesloten, voer eerst 'smederij rollover "
                                     "--year 2026' uit")
    assert dump(db_path) == before


def test_allocate_from_config_applies_each_plan_once(cli, db_path):
    cli.ok("init")
    before = dump(db_path)
    dry = json.loads(cli.ok("budget", "allocate", "--year", "2027", "--from-config",
                            "--dry-run", "--json").stdout)
    assert dump(db_path) == before
    assert [(r["stream"], r["total_cents"]) for r in dry] == [(KK, 300_000_00),
                                                               (LK, 250_000_00)]
    done = json.loads(cli.ok("budget", "allocate", "--year", "2027", "--from-config",
                             "--date", "2027-01-01", "--json").stdout)
    assert [r["shares"] for r in done] == [r["shares"] for r in dry]
    assert all(r["transaction"] for r in done)
    report = json.loads(cli.ok("report", "--year", "2027", "--format", "json").stdout)
    assert report["totals"]["allocated_cents"] == 550_000_00
    after = dump(db_path)
    for args in (["--from-config"], ["--from-config", "--stream", KK]):
        result = cli("budget", "allocate", "--year", "2027", *args)
        assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
        assert dump(db_path) == after
    assert "al toegepast" in cli("budget", "allocate", "--year", "2027",
                                    "--from-config").stderr
    cli.ok("budget", "allocate", "--year", "2028", "--from-config")


# -- an interrupted rollover -----------------------------------------------------------------------


def test_a_rollover_killed_in_its_transaction_leaves_the_ledger_as_it_was(funded, db_path):
    led = funded
    spend(led, 2026, "krakeel", KK, 3_000_00, paid=1_000_00)
    led.store.close()
    before = dump(db_path)
    env = {**os.environ, "SMEDERIJ_TEST_PAUSE_ROLLOVER": "60", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "smederij_cli", "--db", str(db_path), "rollover", "--year",
         "2026", "--early"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([proc.stderr], [], [], 30)
        assert ready, "the rollover never reached its pause"
        assert b"paused inside its transaction" in proc.stderr.readline()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert dump(db_path) == before
    with Store(db_path) as store:
        again = Ledger(store)
        assert store.year_closed_at(2026) is None
        assert again.check() == []
        assert roll(again, 2026)["status"] == "rolled_over"


# -- property: any year of activity rolls over soundly ------------------------------------------

SMEDERIJEN = ("krakeel", "pesse", "elim")
POLICY = st.one_of(
    st.just({"policy": "none"}), st.just({"policy": "full"}),
    st.builds(lambda p, a: {"policy": "capped", **p, **a},
              st.one_of(st.just({}), st.builds(lambda n: {"percent": n}, st.integers(0, 100))),
              st.builds(lambda n: {"amount_cents": n}, st.integers(0, 5_000_00)))
    .filter(lambda p: len(p) > 1),
    st.builds(lambda n: {"policy": "max_years", "years": n}, st.integers(1, 3)))
OP = st.tuples(st.sampled_from(["allocate", "approve", "pay", "complete", "withdraw",
                                "transfer"]),
               st.integers(0, 2), st.sampled_from([KK, LK]), st.integers(1, 4_000_00))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(policies=st.tuples(POLICY, POLICY), years=st.lists(st.lists(OP, max_size=12),
                                                          min_size=1, max_size=3))
def test_rollover_conserves_money_over_random_years(config, policies, years):
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.db") as store:
        led = Ledger(store)
        led.load_registry(config)
        set_policy(led, KK, policies[0])
        set_policy(led, LK, policies[1])
        projects: list[int] = []
        for year, ops in enumerate(years, start=2026):
            day = dt.date(year, 6, 1)
            for kind, i, stream, cents in ops:
                sm = SMEDERIJEN[i]
                try:
                    if kind == "allocate":
                        led.allocate(year, stream, day, smederij=sm, amount_cents=cents)
                    elif kind == "transfer":
                        led.transfer(year, stream, sm, SMEDERIJEN[i - 1], cents, day)
                    elif kind == "approve":
                        projects.append(spend(led, year, sm, stream, cents))
                    elif projects:
                        pid = projects[cents % len(projects)]
                        if kind == "pay":
                            left = led.project_detail(pid)["left_cents"]
                            led.pay(pid, max(1, cents % (left + 1)), day)
                        elif kind == "complete":
                            led.change_status(pid, "start", day)
                            led.change_status(pid, "complete", day)
                        else:
                            led.change_status(pid, "withdraw", day)
                except SmederijError:
                    pass
            if not led.store.year_has_money(year):  # nothing allocated, nothing carried in
                with pytest.raises(NotAllowed, match=f"budget year {year} has no allocation"):
                    roll(led, year)
                continue
            held, funding_money = smederij_money(led), led.store.total_posted()
            result = roll(led, year)
            assert led.check() == []
            assert smederij_money(led) == held - result["totals"]["lapsed_cents"]
            assert led.store.total_posted() == funding_money == 0
            out, into = led.report(year)["totals"], led.report(year + 1)["totals"]
            assert out["carried_out_cents"] == into["carried_in_cents"] == (
                result["totals"]["carried_cents"]
                + result["totals"]["commitments_carried_cents"])
            assert out["available_cents"] == out["committed_cents"] == 0
            for report in (led.report(year), led.report(year + 1)):
                for sm in report["smederijen"]:
                    for f in sm["streams"].values():
                        assert f["carried_in_cents"] + f["allocated_cents"] == sum(
                            f[k] for k in FIGURES[2:])
            assert roll(led, year)["status"] == "already_rolled_over"


def test_a_year_that_has_not_ended_cannot_be_closed(funded, db_path):
    led = funded
    roll(led, 2026)
    before = dump(db_path)
    with pytest.raises(NotAllowed, match="2027 has not ended yet .today is 1 June 2026."):
        led.rollover(2027, today=dt.date(2026, 6, 1))
    assert led.rollover(2027, dry_run=True, today=dt.date(2026, 6, 1))["status"] == "dry_run"
    with pytest.raises(SmederijError, match="year 1999 is out of range"):
        led.rollover(1999)
    assert dump(db_path) == before


def test_two_rollovers_at_once_close_the_year_once(funded, db_path):
    """The second waits for the first's write lock, then finds the year closed."""
    led = funded
    spend(led, 2026, "krakeel", KK, 3_000_00, paid=1_000_00)
    led.store.close()
    command = [sys.executable, "-m", "smederij_cli", "--db", str(db_path), "rollover",
               "--year", "2026", "--early", "--json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**env, "SMEDERIJ_TEST_PAUSE_ROLLOVER": "1.5"})
    assert b"paused" in first.stderr.readline()
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=60)
    out, _ = first.communicate(timeout=60)
    assert (first.returncode, second.returncode) == (0, 0)
    one, two = json.loads(out), json.loads(second.stdout)
    assert (one["status"], two["status"]) == ("rolled_over", "already_rolled_over")
    assert one["totals"] == two["totals"]
    with Store(db_path) as store:
        assert Ledger(store).check() == []
        booked = sum(bool(m["carried_cents"]) + bool(m["lapsed_cents"]) for m in one["moves"])
        assert store.counts()["transactions"] == 6 + booked + 1  # before, moves, commitment
