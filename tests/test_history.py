"""History in the reader's language (issue 15, section 1): each audit row keeps its notes as
catalogue keys and values, and 'smederij log' makes the line when it is read, in Dutch for a
Dutch clerk and in English for an English auditor, from the same rows."""

from __future__ import annotations

import json
import sqlite3

import pytest

from smederij_cli import history
from smederij_cli.rounds.service import Rounds
from tests.conftest import DAY, Cli
from tests.dutch import english_words


@pytest.fixture
def booked(funded):
    """Every kind of money step once, and an idea round from start to award."""
    led = funded
    led.allocate(2026, "korte-klap", DAY, total_cents=240_00, method="equal")
    led.transfer(2026, "korte-klap", "krakeel", "pesse", 500_00, DAY, "afspraak")
    a = led.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="Bankjes",
                        amount_cents=1_200_00)
    b = led.add_project(smederij="pesse", stream="korte-klap", year=2026, title="Vuurkorf",
                        amount_cents=300_00)
    led.approve(a, DAY)
    led.change_status(a, "start", DAY)
    pay = led.pay(a, 1_000_00, DAY, reference="F-1")
    led.reverse_payment(pay, "dubbel", DAY)
    led.change_status(a, "complete", DAY)
    led.change_status(b, "reject", DAY)
    rounds = Rounds(led)
    one = rounds.new(smederij="krakeel", stream="korte-klap", year=2026, vote_type="approval",
                     rule="greedy", name="najaar", budget_cents=300_00)
    rounds.add_idea(one, title="C", amount_cents=200_00, signatures=31)
    rounds.add_idea(one, title="D", amount_cents=250_00)
    rounds.close_ideas(one)
    rounds.add_ballot(one, "N-1", "1")
    rounds.void(one, "N-1", "dubbel")
    rounds.show_count(one)
    rounds.award(one, DAY)
    led.rollover(2026, early=True)
    return led


def _texts(led, lang):
    return {r["summary"]: history.text(r, lang) for r in led.store.audit_rows()}


# (stored English summary, Dutch line, English line)
LINES = [
    ("allocated € 10.000,00 korte-klap 2026 to 1 Smederij(en): Krakeel (transaction 1)",
     "€ 10.000,00 korte-klap 2026 toegekend aan 1 Smederij: Krakeel (transactie 1)",
     "allocated €10,000.00 korte-klap 2026 to 1 Smederij(en): Krakeel (transaction 1)"),
    ("allocated € 240,00 korte-klap 2026 to 24 Smederij(en): equal split of € 240,00 "
     "(transaction 5)",
     "€ 240,00 korte-klap 2026 toegekend aan 24 Smederij(en): gelijke verdeling van € 240,00 "
     "(transactie 5)",
     "allocated €240.00 korte-klap 2026 to 24 Smederij(en): equal split of €240.00 "
     "(transaction 5)"),
    ("transferred € 500,00 korte-klap 2026 from krakeel to pesse (transaction 6)",
     "€ 500,00 korte-klap 2026 overgeboekt van krakeel naar pesse (transactie 6)",
     "transferred €500.00 korte-klap 2026 from krakeel to pesse (transaction 6)"),
    ("added project 1 (krakeel, korte-klap 2026): Bankjes, € 1.200,00 requested",
     "project 1 toegevoegd (krakeel, korte-klap 2026): Bankjes, € 1.200,00 aangevraagd",
     "added project 1 (krakeel, korte-klap 2026): Bankjes, €1,200.00 requested"),
    ("approved project 1: € 1.200,00 committed",
     "project 1 goedgekeurd: € 1.200,00 verplicht",
     "approved project 1: €1,200.00 committed"),
    ("project 1 approved -> in_progress",
     "project 1 goedgekeurd -> in uitvoering",
     "project 1 approved -> in progress"),
    ("paid € 1.000,00 on project 1 (payment 1, F-1)",
     "€ 1.000,00 betaald op project 1 (betaling 1, F-1)",
     "paid €1,000.00 on project 1 (payment 1, F-1)"),
    ("reversed payment 1 of project 1 (€ 1.000,00): dubbel",
     "betaling 1 van project 1 teruggeboekt (€ 1.000,00): dubbel",
     "reversed payment 1 of project 1 (€1,000.00): dubbel"),
    ("project 1 in_progress -> completed: € 1.200,00 released",
     "project 1 in uitvoering -> afgerond: € 1.200,00 vrijgevallen",
     "project 1 in progress -> completed: €1,200.00 released"),
    ("project 2 proposed -> rejected",
     "project 2 voorgesteld -> afgewezen",
     "project 2 proposed -> rejected"),
    ("added idea 1 to round 1: C, € 200,00, 31 signature(s)",
     "idee 1 toegevoegd aan ronde 1: C, € 200,00, 31 handtekening(en)",
     "added idea 1 to round 1: C, €200.00, 31 signature(s)"),
    ("voided ballot N-1 of round 1: dubbel",
     "stembiljet N-1 van ronde 1 ongeldig gemaakt: dubbel",
     "voided ballot N-1 of round 1: dubbel"),
    ("counted round 1 (greedy): 0 valid ballot(s), winners 1, € 200,00 of € 300,00",
     "ronde 1 geteld (greedy): 0 geldig(e) stembiljet(ten), winnaars 1, € 200,00 van € 300,00",
     "counted round 1 (greedy): 0 valid ballot(s), winners 1, €200.00 of €300.00"),
    ("awarded round 1 (krakeel, korte-klap 2026, najaar): 1 idea(s) approved as project(s) 3, "
     "€ 200,00 committed",
     "uitslag van ronde 1 toegekend (krakeel, korte-klap 2026, najaar): 1 idee(ën) goedgekeurd "
     "als project(en) 3, € 200,00 verplicht",
     "awarded round 1 (krakeel, korte-klap 2026, najaar): 1 idea(s) approved as project(s) 3, "
     "€200.00 committed"),
]


@pytest.mark.parametrize("summary, dutch, english", LINES, ids=[s[:24] for s, _, _ in LINES])
def test_each_kind_of_row_is_read_in_dutch_and_in_english(booked, summary, dutch, english):
    assert _texts(booked, "nl")[summary] == dutch
    assert _texts(booked, "en")[summary] == english


def test_lines_with_parts_of_their_own_are_read_whole(booked):
    nl = list(_texts(booked, "nl").values())
    en = list(_texts(booked, "en").values())
    assert nl[0].endswith("(wijkteams: 4 toegevoegd; budgetsoorten: 2 toegevoegd; "
                          "wijken en dorpen: 24 toegevoegd)")
    assert en[0].endswith("(teams: 4 added; streams: 2 added; smederijen: 24 added)")
    assert nl[-1].startswith("jaarafsluiting 2026 naar 2027: ")
    assert nl[-1].endswith("1 open verplichting(en) van € 200,00 overgeheveld; "
                           "2026 is afgesloten")
    assert en[-1].endswith("1 open commitment(s) of €200.00 carried; 2026 is closed")
    assert ("ideeën van ronde 1 gesloten: 2 van 2 in stemming (€ 450,00)" in nl)
    assert ("ideeënronde 1 gestart (krakeel, korte-klap 2026, najaar): budget € 300,00, "
            "approval, greedy, bij gelijke stand submitted" in nl)
    for line in nl:
        assert english_words(line) == [], line


def test_an_empty_list_of_winners_says_none_in_the_language():
    values = {"round": 2, "rule": "greedy", "n": 0, "winners": [], "spent_cents": 0,
              "budget_cents": 1_000_00}
    assert history.sentence("log_counted", values, "nl") == (
        "ronde 2 geteld (greedy): 0 geldig(e) stembiljet(ten), winnaars geen, € 0,00 van "
        "€ 1.000,00")
    assert history.sentence("log_counted", values) == (  # the stored English, as always
        "counted round 2 (greedy): 0 valid ballot(s), winners none, € 0,00 of € 1.000,00")


def test_notes_with_optional_parts(funded):
    led = funded
    pid = led.add_project(smederij="krakeel", stream="korte-klap", year=2026, title="X",
                          amount_cents=100_00)
    led.approve(pid, DAY)
    led.pay(pid, 10_00, DAY)  # no reference
    led.pay(pid, 10_00, DAY, reference="F-9")
    led.pay(pid, 10_00, DAY, reference="F-9", duplicate_ref=True)
    rows = led.store.audit_rows()[-3:]
    assert [history.text(r, "nl") for r in rows] == [
        "€ 10,00 betaald op project 1 (betaling 1)",
        "€ 10,00 betaald op project 1 (betaling 2, F-9)",
        "€ 10,00 betaald op project 1 (betaling 3, F-9); dubbel kenmerk bewust geboekt "
        "(--duplicate-ref), ook op betaling 2"]
    assert history.text(rows[-1], "en") == (
        "paid €10.00 on project 1 (payment 3, F-9); duplicate reference booked on purpose "
        "(--duplicate-ref), also on payment 2")
    assert rows[-1]["summary"] == (
        "paid € 10,00 on project 1 (payment 3, F-9); duplicate reference booked on purpose "
        "(--duplicate-ref), also on payment 2")


def test_a_long_row_keeps_its_first_notes_and_a_count_in_the_language(funded):
    store = funded.store
    with store.write():
        for _ in range(12):
            funded.transfer(2026, "korte-klap", "krakeel", "pesse", 1_00, DAY)
    row = store.audit_rows()[-1]
    assert row["summary"].endswith(" (+12 notes)") and len(row["summary"]) <= 400
    assert history.text(row, "nl").endswith(" (+12 notities)")
    assert history.text(row, "nl").count("overgeboekt") < 12


def _cli_day(cli):
    cli.ok("init")
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total",
           "300.000,00", "--method", "weighted", "--base", "5.000,00", "--date", "2026-01-15")
    pid = cli.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap", "--title",
                 "Jeu de boules-baan", "--amount", "4.500,00", "--date", "2026-02-02"
                 ).stdout.strip()
    cli.ok("project", "approve", pid, "--date", "2026-02-03", "--note", "stuurgroep akkoord")
    cli.ok("payment", "add", "--project", pid, "--amount", "100", "--date", "2026-02-04",
           "--ref", "F-1")
    return pid


def test_a_dutch_log_has_no_english_word(cli):
    _cli_day(cli)
    out = cli.ok("log").stdout
    assert "Logboek (tijden in UTC)" in out
    assert "Wanneer" in out and "Opdracht" in out
    assert "project 1 goedgekeurd: € 4.500,00 verplicht" in out
    assert english_words(out) == [], out
    assert english_words(cli.ok("log", "--project", "1").stdout) == []


@pytest.mark.usefixtures("english")
def test_an_english_log_reads_the_same_rows_in_english(cli):
    _cli_day(cli)
    out = cli.ok("log").stdout
    assert "Audit trail (times in UTC)" in out and "When" in out
    assert "approved project 1: €4,500.00 committed" in out
    assert "goedgekeurd" not in out


def test_log_json_keeps_its_keys_and_adds_the_line_in_the_language(cli, db_path):
    _cli_day(cli)
    rows = json.loads(cli.ok("log", "--json").stdout)
    assert set(rows[0]) == {"id", "recorded_at", "actor", "command", "summary", "project_id",
                            "text"}
    assert rows[3]["summary"] == "approved project 1: € 4.500,00 committed"
    assert rows[3]["text"] == "project 1 goedgekeurd: € 4.500,00 verplicht"
    english = json.loads(Cli(db_path)("--lang", "en", "log", "--json").stdout)
    assert english[3]["text"] == "approved project 1: €4,500.00 committed"
    assert [r["summary"] for r in english] == [r["summary"] for r in rows]


def test_a_row_written_before_its_notes_were_kept_shows_as_stored(cli, db_path):
    _cli_day(cli)
    with sqlite3.connect(db_path) as conn:  # as a ledger written before m010 has them
        conn.execute("INSERT INTO audit (recorded_at, actor, command, summary, project_id) "
                     "VALUES ('2025-12-31T23:00:00+00:00', 'klerk', 'smederij oud', "
                     "'approved project 1: € 9,00 committed', 1)")
    rows = json.loads(cli.ok("log", "--json").stdout)
    assert rows[-1]["summary"] == rows[-1]["text"] == "approved project 1: € 9,00 committed"
    out = cli.ok("log", "--project", "1").stdout
    assert "approved project 1: € 9,00 committed" in out
    assert "31 dec 2025 23:00:00" in out


def test_a_note_this_version_does_not_know_shows_its_summary():
    row = {"summary": "did something new", "said": json.dumps([["log_from_the_future", {}]])}
    assert history.text(row, "nl") == "did something new"
    row = {"summary": "approved", "said": json.dumps([["log_approved", {"project": 1}]])}
    assert history.text(row, "nl") == "approved"  # a value missing: the stored line


def test_times_are_the_readers_dates():
    assert history.when("2026-05-04T09:46:37+00:00", "nl") == "4 mei 2026 09:46:37"
    assert history.when("2026-10-04T09:46:37+00:00", "en") == "4 Oct 2026 09:46:37"
    assert history.when("gisteren", "nl") == "gisteren"


def test_no_changes_recorded_in_the_language(tmp_path):
    cli = Cli(tmp_path / "empty.db")
    cli.ok("init")
    assert "geen wijzigingen vastgelegd" in cli.ok("log", "--since", "2999-01-01").stdout
    assert "no changes recorded" in cli.ok("--lang", "en", "log", "--since",
                                           "2999-01-01").stdout


def test_budget_show_tells_each_movement_in_the_language_and_exports_keep_it(cli, db_path):
    cli.ok("init")
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total",
           "300.000,00", "--method", "weighted", "--date", "2026-01-15")
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "lange-klap", "--smederij",
           "pesse", "--amount", "8.000", "--date", "2026-01-15")
    cli.ok("budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from",
           "krakeel", "--to", "pesse", "--amount", "500", "--date", "2026-02-01", "--note",
           "afspraak")
    out = cli.ok("budget", "show", "--year", "2026").stdout
    assert "toekenning 2026 korte-klap: gewogen verdeling van € 300.000,00" in out
    assert "toekenning 2026 lange-klap: Pesse" in out
    assert "overboeking 2026 korte-klap van krakeel naar pesse: afspraak" in out
    assert "Allocation 2026" not in out and "Transfer 2026" not in out
    english = Cli(db_path)("--lang", "en", "budget", "show", "--year", "2026").stdout
    assert "Allocation 2026 korte-klap: weighted split of €300,000.00" in english
    assert "Transfer 2026 korte-klap krakeel -> pesse: afspraak" in english
    with sqlite3.connect(db_path) as conn:  # the stored narration, which the exports use
        assert [r[0] for r in conn.execute("SELECT description FROM txn ORDER BY id")] == [
            "Allocation 2026 korte-klap: weighted split of € 300.000,00",
            "Allocation 2026 lange-klap: Pesse",
            "Transfer 2026 korte-klap krakeel -> pesse: afspraak"]


def test_a_movement_of_another_form_is_shown_as_stored():
    posting = {"kind": "allocation", "stream": "korte-klap", "smederij": "pesse",
               "amount_cents": 100, "description": "Opening balance from the old sheet"}
    assert history.move_text(2026, [posting], "nl") == "Opening balance from the old sheet"
    posting["description"] = "Allocation 2026 korte-klap: Pesse (oude naam)"
    assert history.move_text(2026, [posting], "nl") == (
        "toekenning 2026 korte-klap: Pesse (oude naam)")


def test_a_ledger_from_before_m010_keeps_its_rows_and_notes_new_ones(funded, db_path):
    funded.store.close()
    with sqlite3.connect(db_path) as conn:  # the audit table as it was before m010_audit_said
        conn.execute("ALTER TABLE audit DROP COLUMN said")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_audit_said'")
        before = conn.execute("SELECT * FROM audit ORDER BY id").fetchall()
    conn.close()
    cli = Cli(db_path)
    cli.ok("budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from",
           "krakeel", "--to", "pesse", "--amount", "5", "--date", "2026-03-01")
    rows = json.loads(cli.ok("log", "--json").stdout)
    assert [tuple(r[k] for k in ("id", "recorded_at", "actor", "command", "summary",
                                 "project_id")) for r in rows[:-1]] == before
    assert [r["text"] for r in rows[:-1]] == [r["summary"] for r in rows[:-1]]
    assert rows[-1]["text"] == "€ 5,00 korte-klap 2026 overgeboekt van krakeel naar pesse " \
                               "(transactie 5)"
