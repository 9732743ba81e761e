"""Idea rounds bound to the ledger: the rules of each step, the award as one transaction, the
check, and a Noordscheschut round from ideas to paid projects through the command line."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from smederij_cli.errors import InsufficientFunds, InvalidInput, NotAllowed, NotFound
from smederij_cli.ledger import Ledger
from smederij_cli.rounds.service import Rounds
from tests.conftest import DAY, dump

PABULIB = Path(__file__).resolve().parents[2] / "shared" / "data" / "pabulib"
if not PABULIB.is_dir():  # a worktree beside the clone's shared/ folder, or CI's ../shared
    PABULIB = Path("/work/shared/data/pabulib")
SMALL_PB = PABULIB / "Poland_Gdynia_2020_Babie_Doly__small.pb"
AWARD_DAY = dt.date(2026, 7, 1)


@pytest.fixture
def rounds(led) -> Rounds:
    """Noordscheschut and Stuifzand with € 30.000,00 korte-klap 2026; Krakeel € 10.000,00."""
    for code, cents in (("noordscheschut", 30_000_00), ("stuifzand", 30_000_00),
                        ("krakeel", 10_000_00)):
        led.allocate(2026, "korte-klap", DAY, smederij=code, amount_cents=cents)
    return Rounds(led)


def noordscheschut(rounds: Rounds, **options) -> tuple[int, list[int]]:
    """The 2008 shape: € 24.000 budget, ideas funded down the ranking, the first that no
    longer fits gets the remainder (idea 3: € 1.500 of € 2.840)."""
    settings = dict(smederij="noordscheschut", stream="korte-klap", year=2026, name="voorjaar",
                    budget_cents=24_000_00, vote_type="approval", rule="greedy-partial",
                    max_marks=3, min_signatures=30, tie_break="lot", seed=4711)
    settings.update(options)
    rid = rounds.new(**settings)
    ideas = [rounds.add_idea(rid, title=t, amount_cents=c, signatures=s, theme=th)
             for t, c, s, th in (("Veegmachine ijsbaan", 10_500_00, 41, "facilities"),
                                 ("Jeu de boules-baan", 12_000_00, 55, "play"),
                                 ("Bloembakken Brink", 2_840_00, 33, "greenery"),
                                 ("Bankje bij de kerk", 1_000_00, 31, "meeting"),
                                 ("Te weinig steun", 500_00, 12, None))]
    return rid, ideas


def vote(rounds: Rounds, rid: int, ideas: list[int]) -> None:
    """Ballots giving the ranking ideas[0] (5) > ideas[1] (4) > ideas[2] (3) > ideas[3] (1)."""
    a, b, c, e = ideas[:4]
    for n, marks in enumerate([[a, b, c]] * 3 + [[a, b]] + [[a, e]], 1):
        rounds.add_ballot(rid, f"P-{n:04d}", ",".join(map(str, marks)))


# -- a round, its ideas, closing them ------------------------------------------------------------


def test_new_round_refuses_what_cannot_work(rounds):
    base = dict(smederij="stuifzand", stream="korte-klap", year=2026, name="x",
                budget_cents=1_000_00, vote_type="approval", rule="greedy")
    with pytest.raises(InvalidInput, match="unknown vote type 'raffle'"):
        rounds.new(**{**base, "vote_type": "raffle"})
    with pytest.raises(InvalidInput, match="unknown rule"):
        rounds.new(**{**base, "rule": "most-votes"})
    for vote_type in ("choose-1", "ordinal"):
        with pytest.raises(InvalidInput, match="needs approval, cumulative or scoring"):
            rounds.new(**{**base, "vote_type": vote_type, "rule": "mes-add1"})
    with pytest.raises(NotFound, match="unknown Smederij"):
        rounds.new(**{**base, "smederij": "nergens"})
    rid = rounds.new(**base)
    with pytest.raises(NotAllowed, match="already has a korte-klap round 'x' in 2026"):
        rounds.new(**base)
    lot = rounds.show(rounds.new(**{**base, "name": "y", "tie_break": "lot"}))
    assert lot["tie_break"] == "lot" and isinstance(lot["seed"], int)  # drawn and stated now
    assert rounds.show(rid)["state"] == "open"


def test_a_round_in_a_closed_year_is_refused(rounds):
    rounds.ledger.rollover(2026, today=dt.date(2027, 1, 2))
    with pytest.raises(NotAllowed, match="budget year 2026 is closed"):
        noordscheschut(rounds)


def test_close_ideas_decides_eligibility_by_signatures_and_request_limits(rounds):
    rid, ideas = noordscheschut(rounds, max_request_cents=11_000_00)
    closing = rounds.close_ideas(rid)
    assert closing.eligible == [ideas[0], ideas[2], ideas[3]]
    assert dict(closing.ineligible) == {
        ideas[1]: "asks €12,000.00, more than the €11,000.00 an idea may ask",
        ideas[4]: "12 signature(s), 30 needed"}
    assert closing.no_vote and closing.eligible_cents == 14_340_00  # they fit in 24.000
    with pytest.raises(NotAllowed, match="closed already"):
        rounds.close_ideas(rid)
    with pytest.raises(NotAllowed, match="only be added before"):
        rounds.add_idea(rid, title="Te laat", amount_cents=100_00, signatures=40)


def test_no_vote_is_held_when_all_eligible_ideas_fit_stuifzand(rounds):
    rid = rounds.new(smederij="stuifzand", stream="korte-klap", year=2026, name="2026",
                     budget_cents=10_000_00, vote_type="approval", rule="greedy",
                     min_signatures=30)
    a = rounds.add_idea(rid, title="Jeu de boules", amount_cents=4_500_00, signatures=30)
    b = rounds.add_idea(rid, title="Bloembollen", amount_cents=1_200_00, signatures=44)
    c = rounds.add_idea(rid, title="Zonder steun", amount_cents=9_000_00, signatures=3)
    closing = rounds.close_ideas(rid)
    assert closing.no_vote and closing.eligible == [a, b] and closing.eligible_cents == 5_700_00
    with pytest.raises(NotAllowed, match="needs no vote"):
        rounds.add_ballot(rid, "S-1", str(a))
    result, stored = rounds.show_count(rid)
    assert stored and result.winners == (a, b)
    assert {i.id: i.outcome for i in result.ideas}[c] == "ineligible"
    done = rounds.award(rid, AWARD_DAY)
    assert [p["awarded_cents"] for p in done["projects"]] == [4_500_00, 1_200_00]
    assert rounds.ledger.check() == []


# -- ballots -------------------------------------------------------------------------------------


@pytest.fixture
def voting(rounds):
    rid, ideas = noordscheschut(rounds)
    rounds.close_ideas(rid)
    return rounds, rid, ideas


def test_ballots_are_checked_when_typed_in(voting):
    rounds, rid, ideas = voting
    a, b, c, e, low = ideas
    refused = {
        "999": "idea 999 is not on round",
        str(low): f"idea {low} is not on round",  # not eligible: not on the ballot
        f"{a},{b},{c},{e}": "4 ideas marked, more than the 3 allowed",
        f"{a},{a}": f"idea {a} is marked twice",
        f"{a}:2": "gives points, but round",
        "": "no marks",
        f"{a},,{b}": "empty item",
        "drie": "is not an idea number",
    }
    for marks, message in refused.items():
        with pytest.raises(InvalidInput, match=message):
            rounds.add_ballot(rid, "P-1", marks)
    rounds.add_ballot(rid, "P-1", f"{a},{b}")
    with pytest.raises(NotAllowed, match="ballot P-1 is in round .* already"):
        rounds.add_ballot(rid, "P-1", f"{a}")
    with pytest.raises(InvalidInput, match="one word"):
        rounds.add_ballot(rid, "P 2", f"{a}")
    assert rounds.show(rid)["ballots"] == {"valid": 1, "void": 0}


def test_choose_one_and_points_rounds_check_their_marks(rounds):
    one = rounds.new(smederij="krakeel", stream="korte-klap", year=2026, name="kies",
                     budget_cents=5_000_00, vote_type="choose-1", rule="greedy")
    x = rounds.add_idea(one, title="X", amount_cents=1_000_00)
    y = rounds.add_idea(one, title="Y", amount_cents=5_000_00)
    rounds.close_ideas(one)
    with pytest.raises(InvalidInput, match="exactly one idea, this one 2"):
        rounds.add_ballot(one, "K-1", f"{x},{y}")
    rounds.add_ballot(one, "K-1", f"{y}")
    points = rounds.new(smederij="krakeel", stream="korte-klap", year=2026, name="punten",
                        budget_cents=6_000_00, vote_type="cumulative", rule="greedy",
                        max_points=3, max_points_per_idea=2)
    p, q = (rounds.add_idea(points, title=t, amount_cents=3_000_00) for t in "PQ")
    rounds.add_idea(points, title="R", amount_cents=4_000_00)
    rounds.close_ideas(points)
    with pytest.raises(InvalidInput, match="has no points"):
        rounds.add_ballot(points, "K-1", f"{p}")
    with pytest.raises(InvalidInput, match="3 points, more than the 2 one idea may get"):
        rounds.add_ballot(points, "K-1", f"{p}:3")
    with pytest.raises(InvalidInput, match="4 points given, more than the 3 a voter has"):
        rounds.add_ballot(points, "K-1", f"{p}:2,{q}:2")
    with pytest.raises(InvalidInput, match="give 1 or more"):
        rounds.add_ballot(points, "K-1", f"{p}:0")
    rounds.add_ballot(points, "K-1", f"{p}:2,{q}:1")
    assert rounds.ballots(points)[0]["points"] == [2, 1]


def test_ballots_and_voids_are_append_only_in_the_file(voting, db_path):
    rounds, rid, ideas = voting
    rounds.add_ballot(rid, "P-1", str(ideas[0]))
    rounds.void(rid, "P-1", "dubbel ingevoerd")
    with sqlite3.connect(db_path) as conn:
        for sql in ("UPDATE ballot SET marks = '[]'", "DELETE FROM ballot",
                    "UPDATE ballot_void SET reason = 'x'", "DELETE FROM ballot_void"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)


def test_a_void_takes_a_ballot_out_and_its_ref_may_be_typed_in_again(voting):
    rounds, rid, ideas = voting
    rounds.add_ballot(rid, "P-0113", f"{ideas[0]},{ideas[1]}")
    with pytest.raises(InvalidInput, match="reason is empty"):
        rounds.void(rid, "P-0113", " ")
    with pytest.raises(NotFound, match="no valid ballot 'P-9'"):
        rounds.void(rid, "P-9", "weg")
    rounds.void(rid, "P-0113", "verkeerd overgetypt")
    with pytest.raises(NotFound):
        rounds.void(rid, "P-0113", "nog eens")
    rounds.add_ballot(rid, "P-0113", f"{ideas[2]}")
    every = rounds.ballots(rid)
    assert [(b["ref"], b["entry"], b["marks"], b["void_reason"]) for b in every] == [
        ("P-0113", 1, [ideas[0], ideas[1]], "verkeerd overgetypt"),
        ("P-0113", 2, [ideas[2]], None)]
    assert rounds.show(rid)["ballots"] == {"valid": 1, "void": 1}


def test_ballot_import_lists_every_bad_row_and_writes_all_or_nothing(voting, db_path, tmp_path):
    rounds, rid, ideas = voting
    a, b, c, e, _ = ideas
    rounds.add_ballot(rid, "P-0001", f"{a}")
    bad = tmp_path / "stembiljetten.csv"
    bad.write_text(f"ref;marks\nP-0002;{a},{b}\nP-0001;{a}\nP-0003;999\n\nP-0004;{a},{a}\n"
                   f"P-0002;{c}\n", encoding="utf-8")
    before = dump(db_path)
    with pytest.raises(InvalidInput) as refused:
        rounds.import_ballots(rid, bad)
    message = str(refused.value)
    assert "4 bad row(s), nothing imported" in message
    for line in ("line 3: ballot P-0001 is there already", "line 4: idea 999 is not on",
                 f"line 6: idea {a} is marked twice", "line 7: ballot P-0002 is there already"):
        assert line in message
    assert dump(db_path) == before
    unquoted = tmp_path / "komma.csv"
    unquoted.write_text(f"ref,marks\nP-0002,{a},{b}\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"line 2: 3 field\(s\) where the header has 2: "
                                           r"quote marks that hold ','"):
        rounds.import_ballots(rid, unquoted)
    good = tmp_path / "goed.csv"
    good.write_text(f'\ufeffref,marks\nP-0002,"{a},{b}"\r\nP-0003,{c}\r\n', encoding="utf-8")
    assert rounds.import_ballots(rid, good, dry_run=True)["ballots"] == 2
    assert dump(db_path) == before
    assert rounds.import_ballots(rid, good)["ballots"] == 2
    assert [x["ref"] for x in rounds.ballots(rid)] == ["P-0001", "P-0002", "P-0003"]


# -- count and award -----------------------------------------------------------------------------


def test_greedy_partial_funds_down_the_ranking_and_the_next_gets_the_remainder(voting):
    rounds, rid, ideas = voting
    vote(rounds, rid, ideas)
    result = rounds.count(rid)
    by_id = {i.id: i for i in result.ideas}
    assert result.winners == tuple(ideas[:3])
    assert [by_id[i].outcome for i in ideas] == ["funded", "funded", "partial", "not_funded",
                                                 "ineligible"]
    assert by_id[ideas[2]].awarded_cents == 1_500_00
    assert result.spent_cents == 24_000_00 and result.left_cents == 0


def test_count_is_pure_and_the_count_shown_is_kept_once(voting, db_path):
    rounds, rid, ideas = voting
    vote(rounds, rid, ideas)
    before = dump(db_path)
    rounds.count(rid)
    rounds.show_count(rid, rule="greedy")  # what if: shown, never stored
    assert dump(db_path) == before
    audit = len(rounds.store.audit_rows())
    _, stored = rounds.show_count(rid)
    assert stored and len(rounds.store.audit_rows()) == audit + 1
    assert rounds.show(rid)["state"] == "counted"
    again = dump(db_path)
    _, stored = rounds.show_count(rid)
    assert not stored and dump(db_path) == again  # nothing changed: nothing written


def _count_and_award_ready(rounds, rid, ideas):
    vote(rounds, rid, ideas)
    rounds.show_count(rid)


def test_award_makes_winners_approved_projects_in_one_transaction(voting):
    rounds, rid, ideas = voting
    _count_and_award_ready(rounds, rid, ideas)
    led: Ledger = rounds.ledger
    available = led.smederij_balances("noordscheschut", 2026)["korte-klap"]["available_cents"]
    audit = len(led.store.audit_rows())
    done = rounds.award(rid, AWARD_DAY, note="bewonersavond")
    assert len(led.store.audit_rows()) == audit + 1
    assert led.store.audit_rows()[-1]["summary"].startswith(
        f"awarded round {rid} (noordscheschut, korte-klap 2026, voorjaar): 3 idea(s)")
    assert [(p["idea"], p["awarded_cents"], p["to_cofund_cents"]) for p in done["projects"]] == [
        (ideas[0], 10_500_00, 0), (ideas[1], 12_000_00, 0), (ideas[2], 1_500_00, 1_340_00)]
    partial = led.project_detail(done["projects"][2]["project"])
    assert (partial["title"], partial["theme"], partial["status"], partial["requested_cents"],
            partial["supporters"], partial["committed_cents"]) == (
        "Bloembakken Brink", "greenery", "approved", 2_840_00, 33, 1_500_00)
    assert "still to be co-funded: €1,340.00" in partial["history"][-1]["note"]
    assert partial["history"][-1]["date"] == "2026-07-01"
    # the losers' money stays available: only the awards were committed
    after = led.smederij_balances("noordscheschut", 2026)["korte-klap"]["available_cents"]
    assert available - after == 24_000_00
    shown = rounds.show(rid)
    assert shown["state"] == "awarded"
    assert [i["project_id"] is not None for i in shown["ideas"]] == [True] * 3 + [False] * 2
    with pytest.raises(NotAllowed, match="was awarded on 1 July 2026"):
        rounds.award(rid, AWARD_DAY)
    with pytest.raises(NotAllowed, match="ballots are final"):
        rounds.add_ballot(rid, "P-9999", str(ideas[0]))
    assert led.check() == []


def test_award_refusals_leave_the_ledger_byte_identical(voting, db_path):
    rounds, rid, ideas = voting
    vote(rounds, rid, ideas)
    before = dump(db_path)
    with pytest.raises(NotAllowed, match="has not been counted"):
        rounds.award(rid, AWARD_DAY)
    assert dump(db_path) == before
    rounds.show_count(rid)
    rounds.add_ballot(rid, "P-0100", f"{ideas[3]}")  # typed in after the count was shown
    before = dump(db_path)
    with pytest.raises(NotAllowed, match=r"differs from the one shown last \(ballots then 5 "
                                         r"valid, 0 void; now 6 valid, 0 void\)"):
        rounds.award(rid, AWARD_DAY)
    assert dump(db_path) == before
    rounds.show_count(rid)
    with pytest.raises(InvalidInput, match="date it in 2026"):
        rounds.award(rid, dt.date(2027, 1, 5))
    # the Smederij has spent most of its money meanwhile
    led = rounds.ledger
    pid = led.add_project(smederij="noordscheschut", stream="korte-klap", year=2026,
                          title="Dorpshuis", amount_cents=10_000_00, date=DAY)
    led.approve(pid, DAY)
    before = dump(db_path)
    with pytest.raises(InsufficientFunds, match=r"its 3 winner\(s\) need €24,000\.00 but "
                       r"Noordscheschut has €20,000\.00 available in korte-klap 2026 "
                       r"\(short €4,000\.00\)"):
        rounds.award(rid, AWARD_DAY)
    assert dump(db_path) == before


def test_an_award_that_fails_halfway_writes_nothing(voting, db_path, monkeypatch):
    rounds, rid, ideas = voting
    _count_and_award_ready(rounds, rid, ideas)
    before = dump(db_path)
    real, calls = Ledger.approve, []

    def approve_twice_then_fail(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Ledger, "approve", approve_twice_then_fail)
    with pytest.raises(RuntimeError):
        rounds.award(rid, AWARD_DAY)
    assert len(calls) == 3 and dump(db_path) == before


def test_check_catches_a_tampered_ballot_table_and_a_missing_commitment(voting, db_path):
    rounds, rid, ideas = voting
    _count_and_award_ready(rounds, rid, ideas)
    done = rounds.award(rid, AWARD_DAY)
    assert rounds.ledger.check() == []
    with sqlite3.connect(db_path) as conn:  # someone edits the file behind the program's back
        conn.execute("DROP TRIGGER ballot_no_update")
        conn.execute("UPDATE ballot SET marks = ? WHERE ref = 'P-0001'",
                     [json.dumps([ideas[3]])])
    problems = rounds.ledger.check()
    assert len(problems) == 1 and problems[0].startswith(
        f"round {rid}: the stored ballots no longer give the awarded result (")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE ballot SET marks = ? WHERE ref = 'P-0001'",
                     [json.dumps(ideas[:3])])
        conn.commit()
        assert rounds.ledger.check() == []
        # the award's project is swapped for one that never got money
        pid = done["projects"][0]["project"]
        conn.execute("INSERT INTO project (smederij, stream, year, title, requested_cents, "
                     "status, recorded_at) VALUES ('noordscheschut', 'korte-klap', 2026, "
                     "'Ander', 100, 'proposed', '2026-01-01')")
        other = conn.execute("SELECT max(id) FROM project").fetchone()[0]
        conn.execute("UPDATE idea SET project_id = ? WHERE project_id = ?", [other, pid])
    assert rounds.ledger.check() == [
        f"round {rid}: idea {ideas[0]} won 1050000 cents but project {other} has 0 cents "
        "committed"]


def test_points_round_krakeel(rounds):
    """Krakeel: each voter up to 3 points, ideas of € 1.000-6.000, funded down the points."""
    rid = rounds.new(smederij="krakeel", stream="korte-klap", year=2026, name="punten",
                     budget_cents=8_000_00, vote_type="cumulative", rule="greedy",
                     max_points=3, min_request_cents=1_000_00, max_request_cents=6_000_00)
    a = rounds.add_idea(rid, title="Speeltuin", amount_cents=6_000_00)
    b = rounds.add_idea(rid, title="Bankjes", amount_cents=3_000_00)
    c = rounds.add_idea(rid, title="Bloemen", amount_cents=1_500_00)
    d = rounds.add_idea(rid, title="Klein", amount_cents=500_00)
    assert rounds.close_ideas(rid).ineligible == [(d, "asks €500.00, less than the "
                                                      "€1,000.00 an idea must ask")]
    for n, marks in enumerate([f"{a}:3", f"{a}:2,{b}:1", f"{b}:3", f"{b}:2,{c}:1",
                               f"{c}:1"], 1):
        rounds.add_ballot(rid, f"K-{n}", marks)
    result, _ = rounds.show_count(rid)
    scores = {i.id: i.score for i in result.ideas}
    assert (scores[a], scores[b], scores[c]) == (5, 6, 2)
    assert result.winners == (b, c)  # a (6.000) no longer fits after b
    assert result.spent_cents == 4_500_00
    rounds.award(rid, AWARD_DAY)
    assert rounds.ledger.check() == []


# -- the command line ----------------------------------------------------------------------------


def test_a_noordscheschut_round_from_ideas_to_paid_projects(cli_ledger, db_path, tmp_path):
    cli = cli_ledger  # 2026 korte-klap allocated: Noordscheschut has its weighted share
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij",
           "noordscheschut", "--amount", "24.000,00", "--date", "2026-01-20")
    rid = cli.ok("round", "new", "--smederij", "noordscheschut", "--stream", "korte-klap",
                 "--year", "2026", "--name", "voorjaar", "--budget", "24.000,00", "--vote",
                 "approval", "--max-marks", "3", "--rule", "greedy-partial",
                 "--min-signatures", "30", "--max-request", "12.500,00", "--tie-break", "lot",
                 "--seed", "4711").stdout.strip()
    ideas = [cli.ok("round", "idea", "add", rid, "--title", t, "--amount", a, "--signatures",
                    s).stdout.strip()
             for t, a, s in (("Veegmachine ijsbaan", "10.500,00", "41"),
                             ("Jeu de boules-baan", "12.000,00", "55"),
                             ("Bloembakken Brink", "2.840,00", "33"),
                             ("Bankje bij de kerk", "1.000,00", "31"),
                             ("Te weinig steun", "500,00", "12"))]
    closed = cli.ok("round", "close-ideas", rid).stdout
    # the test ledger's programme is Dutch: what the clerk reads
    assert f"idee {ideas[4]} niet in stemming: 12 handtekening(en), 30 nodig" in closed
    assert "de stemming kan beginnen" in closed
    a, b, c, e, _ = ideas
    cli.ok("round", "ballot", "add", rid, "--ref", "P-0001", "--marks", f"{a},{b},{c}")
    cli.ok("round", "ballot", "add", rid, "--ref", "P-0002", "--marks", f"{a},{e}")
    csv_file = tmp_path / "stembiljetten.csv"
    csv_file.write_text(f"ref;marks\nP-0003;{a},{b},{c}\nP-0004;{a},{b},{c}\nP-0005;{a},{b}\n"
                        f"P-0006;{b}\n")
    assert "4 stembiljet(ten) gecontroleerd; proefrun" in cli.ok("round", "ballot", "import", rid,
                                                    str(csv_file), "--dry-run").stdout
    cli.ok("round", "ballot", "import", rid, str(csv_file))
    cli.ok("round", "ballot", "void", rid, "P-0006", "--reason", "dubbel ingevoerd")
    table = cli.ok("round", "count", rid).stdout
    assert "nog te cofinancieren" in table and "5 geldig(e) stembiljet(ten), 1 ongeldig" in table
    counted = json.loads(cli.ok("round", "count", rid, "--json").stdout)
    assert counted["winners"] == [int(a), int(b), int(c)]
    assert counted["spent_cents"] == 24_000_00 and counted["left_cents"] == 0
    assert {i["id"]: i["outcome"] for i in counted["ideas"]}[int(e)] == "not_funded"
    awarded = cli.ok("round", "award", rid, "--date", "2026-07-01", "--note",
                     "bewonersavond 24 juni").stdout
    assert "€ 1.340,00 nog te cofinancieren" in awarded
    shown = json.loads(cli.ok("round", "show", rid, "--json").stdout)
    projects = [i["project_id"] for i in shown["ideas"] if i["project_id"]]
    assert shown["state"] == "awarded" and len(projects) == 3
    for pid, paid in zip(projects, ("10.500,00", "11.800,00", "1.500,00")):
        cli.ok("payment", "add", "--project", str(pid), "--amount", paid, "--date",
               "2026-09-15", "--payee", "Aannemer")
    detail = json.loads(cli.ok("project", "show", str(projects[2]), "--json").stdout)
    assert (detail["committed_cents"], detail["paid_cents"]) == (1_500_00, 1_500_00)
    assert cli.ok("check").exit_code == 0
    listed = json.loads(cli.ok("round", "list", "--year", "2026", "--json").stdout)
    assert [(r["id"], r["state"], r["awarded_cents"]) for r in listed] == [
        (int(rid), "awarded", 24_000_00)]


def test_mistakes_are_one_line_and_leave_the_ledger_as_it_was(cli_ledger, db_path):
    cli = cli_ledger
    rid = cli.ok("round", "new", "--smederij", "krakeel", "--stream", "korte-klap", "--year",
                 "2026", "--name", "r", "--budget", "1.000,00", "--vote", "approval",
                 "--rule", "greedy").stdout.strip()
    idea = cli.ok("round", "idea", "add", rid, "--title", "A", "--amount", "600").stdout.strip()
    cli.ok("round", "idea", "add", rid, "--title", "B", "--amount", "600")
    cli.ok("round", "close-ideas", rid)
    before = dump(db_path)
    for args, message in (
            (["round", "ballot", "add", rid, "--ref", "X", "--marks", "77"],
             "idea 77 is not on round"),
            (["round", "award", rid], "has not been counted"),
            (["round", "count", "99"], "unknown idea round 99"),
            (["round", "count"], "give a round id, or --pb FILE"),
            (["round", "count", rid, "--rule", "loudest"], "unknown rule 'loudest'"),
            (["round", "new", "--smederij", "krakeel", "--stream", "korte-klap", "--year",
              "2026", "--name", "s", "--budget", "1.000", "--vote", "approval", "--rule",
              "greedy"], "three decimals"),
            (["round", "export", rid, "--format", "pdf"], "unknown format 'pdf'"),
            (["round", "ballot", "import", rid, "/nonexistent.csv"], "no file")):
        result = cli("--lang", "en", *args)
        assert result.exit_code == 1, (args, result.output)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output
    assert dump(db_path) == before
    assert idea


@pytest.mark.skipif(not SMALL_PB.exists(), reason="pabulib files not beside the clone")
def test_count_pb_needs_no_ledger(tmp_path, cli):
    missing = tmp_path / "nothing-here.db"
    result = cli.runner.invoke(__import__("smederij_cli.cli", fromlist=["app"]).app,
                               ["--db", str(missing), "round", "count", "--pb", str(SMALL_PB),
                                "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["winners_external"] == ["4", "2", "1"] and data["ballots"]["valid"] == 306
    assert not missing.exists()


@pytest.mark.skipif(not SMALL_PB.exists(), reason="pabulib files not beside the clone")
def test_pb_import_export_import_is_the_same_round(cli_ledger, tmp_path):
    cli = cli_ledger
    k = ["--smederij", "krakeel", "--stream", "korte-klap", "--year", "2026"]
    first = cli.ok("round", "import", str(SMALL_PB), *k).stdout.strip()
    out = tmp_path / "again.pb"
    said = cli.ok("round", "export", first, "--format", "pb", "--output", str(out)).stdout
    assert f"{first} (pb) geschreven naar {out}" in said and out.exists()
    second = cli.ok("round", "import", str(out), *k, "--name", "again").stdout.strip()
    one, two = (json.loads(cli.ok("round", "export", r, "--format", "json").stdout)
                for r in (first, second))
    same = ("budget_cents", "vote_type", "rule", "tie_break", "max_marks", "min_marks",
            "min_score")
    assert {k: one[k] for k in same} == {k: two[k] for k in same}
    strip = ("id", "submitted")
    assert ([{k: v for k, v in i.items() if k not in ("id", "project_id")} for i in one["ideas"]]
            == [{k: v for k, v in i.items() if k not in ("id", "project_id")}
                for i in two["ideas"]])
    external = [{i["id"]: i["external_id"] for i in r["ideas"]} for r in (one, two)]
    assert ([(b["ref"], [external[0][m] for m in b["marks"]]) for b in one["ballot_list"]]
            == [(b["ref"], [external[1][m] for m in b["marks"]]) for b in two["ballot_list"]])
    assert one["count"]["winners_external"] == two["count"]["winners_external"]
    assert one["count"]["winners_external"] == json.loads(cli.ok(
        "round", "count", "--pb", str(SMALL_PB), "--json").stdout)["winners_external"]
    assert strip


def test_exports_of_a_count(cli_ledger, tmp_path):
    cli = cli_ledger
    rid = cli.ok("round", "new", "--smederij", "krakeel", "--stream", "korte-klap", "--year",
                 "2026", "--name", "r", "--budget", "1.000,00", "--vote", "approval",
                 "--rule", "greedy").stdout.strip()
    a = cli.ok("round", "idea", "add", rid, "--title", "=SOM(A1)", "--amount",
               "600").stdout.strip()
    cli.ok("round", "idea", "add", rid, "--title", "B", "--amount", "600")
    cli.ok("round", "close-ideas", rid)
    cli.ok("round", "ballot", "add", rid, "--ref", "X-1", "--marks", a)
    csv_text = cli.ok("round", "export", rid, "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("\ufeffrank;id;external_id;title;cost;score")
    assert "'=SOM(A1)" in csv_text and ";600.00;1;1;funded;600.00" in csv_text
    assert "| 1 |" in cli.ok("round", "export", rid, "--format", "markdown").stdout
    assert cli("round", "export", rid, "--format", "xlsx").exit_code == 1
    book = tmp_path / "ronde.xlsx"
    cli.ok("round", "export", rid, "--format", "xlsx", "--output", str(book))
    from openpyxl import load_workbook

    assert load_workbook(book).sheetnames == ["Telling", "Ideeën", "Stembiljetten"]


# -- properties ----------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(costs=st.lists(st.integers(1, 40).map(lambda n: n * 250_00), min_size=2, max_size=7),
       rule=st.sampled_from(["greedy", "greedy-no-skip", "greedy-partial", "mes-add1-greedy"]),
       budget=st.integers(4, 60).map(lambda n: n * 500_00),
       votes=st.lists(st.lists(st.integers(0, 6), min_size=1, max_size=4, unique=True),
                      min_size=1, max_size=12))
def test_an_award_commits_exactly_the_count_and_never_more_than_the_budget(
        tmp_path_factory, config, costs, rule, budget, votes):
    from smederij_cli.store import Store

    with Store(tmp_path_factory.mktemp("prop") / "l.db") as store:
        led = Ledger(store)
        led.load_registry(config)
        led.allocate(2026, "korte-klap", DAY, smederij="krakeel", amount_cents=20_000_00)
        rounds = Rounds(led)
        rid = rounds.new(smederij="krakeel", stream="korte-klap", year=2026, name="p",
                         budget_cents=budget, vote_type="approval", rule=rule)
        ids = [rounds.add_idea(rid, title=f"I{n}", amount_cents=c) for n, c in enumerate(costs)]
        if not rounds.close_ideas(rid).no_vote:
            eligible = rounds._eligible_ids(rid)
            for n, marks in enumerate(votes):
                chosen = [ids[m % len(ids)] for m in marks if ids[m % len(ids)] in eligible]
                if chosen:
                    rounds.add_ballot(rid, f"V{n}", ",".join(map(str, dict.fromkeys(chosen))))
        result, _ = rounds.show_count(rid)
        before = led.smederij_balances("krakeel", 2026)["korte-klap"]["available_cents"]
        if result.spent_cents > before:
            with pytest.raises(InsufficientFunds):
                rounds.award(rid, AWARD_DAY)
            return
        done = rounds.award(rid, AWARD_DAY)
        after = led.smederij_balances("krakeel", 2026)["korte-klap"]["available_cents"]
        assert done["committed_cents"] == result.spent_cents == before - after
        assert result.spent_cents <= budget
        assert sorted(p["idea"] for p in done["projects"]) == sorted(
            i.id for i in result.ideas if i.awarded_cents)
        assert led.check() == []


PB_FILES = sorted(PABULIB.glob("*.pb")) if PABULIB.is_dir() else []


@pytest.mark.skipif(not PB_FILES, reason="pabulib files not beside the clone")
@pytest.mark.parametrize("path", PB_FILES, ids=[p.stem for p in PB_FILES])
def test_every_real_pb_file_imports_counts_and_exports_as_the_same_round(led, path, tmp_path):
    from smederij_cli.rounds.pabulib import count_file, read_pb

    rounds = Rounds(led)
    rid = rounds.import_pb(path, smederij="krakeel", stream="korte-klap", year=2026)
    in_ledger = rounds.count(rid).to_json()
    from_file = count_file(path, tie_break=rounds.show(rid)["tie_break"]).to_json()
    assert in_ledger["winners_external"] == from_file["winners_external"]
    assert (in_ledger["spent_cents"], in_ledger["ballots"]) == (from_file["spent_cents"],
                                                                from_file["ballots"])
    again = tmp_path / "again.pb"
    again.write_text(rounds.export_pb(rid), encoding="utf-8")
    first, second = read_pb(path), read_pb(again)

    def content(pb):
        ext = {i.id: i.external_id for i in pb.ideas}
        return ([(i.external_id, i.title, i.cost_cents) for i in pb.ideas],
                [(b.ref, [ext[m] for m in b.marks], b.points) for b in pb.ballots], pb.rules)

    assert content(first) == content(second)


@pytest.mark.skipif(not SMALL_PB.exists(), reason="pabulib files not beside the clone")
def test_count_pb_json_loads_no_heavy_module(tmp_path):
    from tests.test_startup import HEAVY, loaded

    text, modules = loaded("--db", str(tmp_path / "none.db"), "round", "count", "--pb",
                           str(SMALL_PB), "--json")
    assert json.loads(text)["ballots"]["valid"] == 306
    assert modules.isdisjoint(HEAVY), modules & set(HEAVY)


def test_a_clerks_round_exports_as_a_pb_file_that_states_its_outcome(voting):
    from smederij_cli.rounds.pabulib import read_pb
    from tests.test_pabulib import check_like_pabulib_checker

    rounds, rid, ideas = voting
    vote(rounds, rid, ideas)
    text = rounds.export_pb(rid)
    check_like_pabulib_checker(text)
    pb = read_pb(text)
    # the idea without enough signatures was not on the ballot, so it is not in the file
    assert [i.external_id for i in pb.ideas] == [str(i) for i in ideas[:4]]
    assert pb.selected == {str(ideas[0]): "1", str(ideas[1]): "1", str(ideas[2]): "2",
                           str(ideas[3]): "0"}
    assert pb.meta["subunit"] == "Noordscheschut" and pb.rules.rule == "greedy-partial"
    assert len(pb.ballots) == 5
