"""Issue 15, section 1, the ledger's rules: a refusal of ledger.py, domain.py, dates.py or
money.py speaks the run's language, with its amounts, dates and statuses in that language.

The test programme is Dutch, so a plain run is what a clerk in Hoogeveen reads; the same mistakes
with SMEDERIJ_LANG=en (the ``english`` fixture) read in English.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from conftest import dump
from smederij_cli import dates, domain, labels
from smederij_cli.errors import InvalidInput, NotAllowed
from smederij_cli.ledger import Ledger
from smederij_cli.money import parse_date
from smederij_cli.store import Store
from tests.dutch import english_words

KK = "korte-klap"
# Dutch "of" is "or": tests/dutch.py counts it as English (see the report of this branch).
DUTCH_OR = frozenset({"of"})


@pytest.fixture
def booked(cli_ledger):
    """krakeel's project 1 (€ 1.000,00) approved, € 400,00 paid; project 2 (€ 50.000,00, more
    than krakeel has) proposed; today is 1 March 2026."""
    cli = cli_ledger
    cli.ok("project", "add", "--smederij", "krakeel", "--stream", KK, "--title", "Bankjes",
           "--amount", "1.000,00", "--date", "2026-02-01")
    cli.ok("project", "add", "--smederij", "krakeel", "--stream", KK, "--title", "Plein",
           "--amount", "50.000,00", "--date", "2026-02-01")
    cli.ok("project", "approve", "1", "--date", "2026-02-02")
    cli.ok("payment", "add", "--project", "1", "--amount", "400", "--date", "2026-02-03")
    return cli


# Each mistake: the command, what a Dutch clerk reads, what an English run reads.
MISTAKES = {
    "approve twice": (
        ["project", "approve", "1"],
        "project 1 is goedgekeurd: goedkeuren kan alleen als het voorgesteld is; nu mogelijk: "
        "starten, intrekken",
        "project 1 is approved; cannot approve it (only from proposed); possible now: start, "
        "withdraw"),
    "pay more than committed": (
        ["payment", "add", "--project", "1", "--amount", "700", "--date", "2026-03-01"],
        "een betaling van € 700,00 is € 100,00 meer dan er over is van de verplichting van "
        "project 1 (€ 600,00)",
        "payment of €700.00 exceeds what is left of project 1's commitment (€600.00) by "
        "€100.00"),
    "unknown project": (
        ["project", "show", "99"],
        "onbekend project 99: zie 'smederij project list'",
        "unknown project 99: see 'smederij project list'"),
    "a date outside the budget year": (
        ["payment", "add", "--project", "1", "--amount", "10", "--date", "2027-01-05"],
        "--date 2027-01-05 valt niet in budgetjaar 2026, waarin een betaling op project 1 wordt "
        "geboekt: dateer het van 1 januari 2026 tot en met 31 december 2026",
        "--date 2027-01-05 is not in budget year 2026, which a payment on project 1 books "
        "into: date it 1 January 2026 to 31 December 2026"),
    "insufficient budget": (
        ["project", "approve", "2", "--date", "2026-03-01"],
        "project 2 goedkeuren kan niet: daarvoor is € 50.000,00 nodig, maar Krakeel heeft",
        "cannot approve project 2: it needs €50,000.00 but Krakeel has"),
    "a step out of date order": (
        ["project", "start", "1", "--date", "2026-02-01"],
        "--date 2026-02-01 ligt voor de goedkeuring van project 1 op 2 februari 2026: de start "
        "van project 1 moet gedateerd zijn op 2 februari 2026 of later",
        "--date 2026-02-01 is before project 1's approval on 2 February 2026: the start of "
        "project 1 must be dated 2 February 2026 or later"),
}


def _refused(cli, db_path, args) -> str:
    before = dump(db_path)
    result = cli(*args)
    assert result.exit_code == 1, (args, result.stdout)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert dump(db_path) == before
    return lines[0].split(": ", 1)[1]  # without the command line's "error: "


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_dutch_clerk_reads_the_ledgers_refusals_in_dutch(booked, db_path, mistake):
    args, dutch, _ = MISTAKES[mistake]
    said = _refused(booked, db_path, args)
    assert dutch in said
    assert english_words(said, DUTCH_OR) == [], said


@pytest.mark.parametrize("mistake", MISTAKES)
def test_an_english_run_reads_them_in_english(booked, db_path, monkeypatch, mistake):
    args, _, english = MISTAKES[mistake]
    monkeypatch.setenv("SMEDERIJ_LANG", "en")
    assert english in _refused(booked, db_path, args)


def test_a_closed_year_is_named_in_the_runs_language(booked, db_path, monkeypatch):
    monkeypatch.setenv(dates.TODAY_ENV, "2027-01-04")
    booked.ok("rollover", "--year", "2026")
    args = ["budget", "allocate", "--year", "2026", "--stream", KK, "--smederij", "pesse",
            "--amount", "10"]
    # (rolled over on the real day: the moment a rollover is recorded is never frozen)
    on = labels.format_date(dt.datetime.now(dt.timezone.utc).date(), "nl")
    said = _refused(booked, db_path, args)
    assert said == (f"budgetjaar 2026 is afgesloten (jaarafsluiting op {on}); budget "
                    "toekennen kan daar niet meer: boek het in het open jaar 2027")
    assert english_words(said) == []
    monkeypatch.setenv("SMEDERIJ_LANG", "en")
    on = labels.format_date(dt.datetime.now(dt.timezone.utc).date(), "en")
    assert _refused(booked, db_path, args) == (
        f"budget year 2026 is closed (rolled over on {on}); cannot allocate in it: "
        "book it in the open year 2027 instead")


def test_the_dry_runs_closing_note_is_in_the_runs_language(booked):
    note = booked.ok("rollover", "--year", "2026", "--dry-run").stdout
    assert "2026 kan worden afgesloten vanaf 31 december 2026 (vandaag is het 1 maart 2026; " \
           "met --early wordt het eerder afgesloten)" in " ".join(note.split())


# -- the rules themselves, in both languages --------------------------------------------------

@pytest.fixture(params=["nl", "en"])
def lang(request, monkeypatch):
    monkeypatch.setattr(labels, "message_language", request.param)
    return request.param


def test_the_lifecycle_refuses_in_the_runs_language(lang):
    with pytest.raises(NotAllowed) as refused:
        domain.next_status("start", domain.COMPLETED, 7)
    assert str(refused.value) == {
        "nl": "project 7 is afgerond: starten kan alleen als het goedgekeurd is; het is "
              "afgesloten",
        "en": "project 7 is completed; cannot start it (only from approved); it is closed",
    }[lang]
    with pytest.raises(InvalidInput, match={"nl": "onbekende thema 'speeltuin': kies uit "
                                                  "groen, spelen",
                                            "en": "unknown theme 'speeltuin': choose from "
                                                  "greenery, play"}[lang]):
        domain.check_theme("speeltuin")


def test_dates_are_refused_in_the_runs_language(lang):
    with pytest.raises(NotAllowed) as refused:
        dates.entry_date(None, 2026, "x", last_closed=None, today=dt.date(2027, 1, 3))
    assert str(refused.value).startswith({
        "nl": "vandaag 3 januari 2027 valt niet in budgetjaar 2026",
        "en": "today 3 January 2027 is not in budget year 2026"}[lang])
    with pytest.raises(NotAllowed, match={"nl": "jaarafsluiting|afgesloten vanaf 31 december "
                                                "2026",
                                          "en": "may be closed from 31 December 2026"}[lang]):
        dates.check_can_close(2026, dt.date(2026, 6, 1), early=False)
    with pytest.raises(InvalidInput, match={"nl": "^datum '31-02-2026' is geen dag",
                                            "en": "^date '31-02-2026' is not a day"}[lang]):
        parse_date("31-02-2026")


def test_check_names_amounts_and_statuses_in_the_runs_language(funded, db_path, lang):
    funded.allocate(2026, KK, dt.date(2026, 1, 2), smederij="pesse", amount_cents=1_000_00)
    pid = funded.add_project(smederij="krakeel", stream=KK, year=2026, title="Bank",
                             amount_cents=1_000_00, date=dt.date(2026, 1, 2))
    funded.approve(pid, dt.date(2026, 1, 3))
    funded.store.close()
    conn = sqlite3.connect(db_path)  # a hand edit: an unbalanced posting, a status gone wrong
    conn.execute("INSERT INTO posting (txn_id, account_id, amount_cents) VALUES (1, 1, -123457)")
    conn.execute("UPDATE project SET status = 'rejected' WHERE id = ?", [pid])
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        problems = Ledger(store).check()
    assert {"nl": "het grootboek als geheel telt niet op tot nul: € -1.234,57",
            "en": "the ledger as a whole does not sum to zero: €-1,234.57"}[lang] in problems
    assert {"nl": f"project {pid} is afgewezen maar heeft nog € 1.000,00 verplicht",
            "en": f"project {pid} is rejected but still has €1,000.00 committed"}[lang] \
        in problems
    if lang == "nl":  # (a transaction's description is data, kept as booked: left out)
        assert all(english_words(p.split(" (")[0] + p.split(")")[-1]) == []
                   for p in problems if not p.startswith("database:")), problems
