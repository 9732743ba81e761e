"""The terminal speaks the run's language (issue 15, section 1, render.py): every header, title,
status, date and count a table or line of the terminal shows, in Dutch (the programme's
language) or in English (--lang en). JSON stays as it was: ISO dates, English keys."""

from __future__ import annotations

import json
import re

import pytest

from smederij_cli import labels, render
from tests.dutch import english_words


@pytest.fixture
def day(cli_ledger):
    """A Dutch ledger with a project's whole story (steps in February, March and May), a
    payment, and 2026's money: what the reading commands show."""
    cli = cli_ledger
    cli.ok("budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from", "krakeel",
           "--to", "pesse", "--amount", "500", "--date", "2026-02-01", "--note", "afspraak")
    cli.ok("project", "add", "--smederij", "pesse", "--stream", "korte-klap", "--title",
           "Jeu de boules-baan", "--amount", "4.500", "--theme", "spelen", "--supporters",
           "1200", "--date", "2026-02-02")
    cli.ok("project", "approve", "1", "--date", "2026-03-03", "--note", "akkoord")
    cli.ok("project", "start", "1", "--date", "2026-04-01")
    cli.ok("payment", "add", "--project", "1", "--amount", "3.975,50", "--date", "2026-05-15",
           "--payee", "Bouwbedrijf", "--ref", "F-117")
    cli.ok("project", "complete", "1", "--date", "2026-06-01")
    return cli


def _words_of(cli, *args: str, key: str) -> frozenset[str]:
    """The words of the ledger's own texts (``key`` of each row of ``args --json``): not
    render.py's to translate."""
    rows = json.loads(cli.ok(*args, "--json").stdout)
    rows = rows["moves"] if isinstance(rows, dict) else rows
    return frozenset(w.lower() for r in rows for w in english_words(r[key] or ""))


def test_project_show_in_dutch(day):
    text = day.ok("project", "show", "1").stdout
    assert english_words(text) == [], text
    assert "Project 1: Jeu de boules-baan" in text
    assert "thema spelen, status afgerond" in text
    assert "aangevraagd € 4.500,00; steunbetuigers 1.200, vrijwilligers 0" in text
    assert "verplicht € 4.500,00, betaald € 3.975,50, vrijgevallen € 524,50" in text
    assert "Geschiedenis" in text and "Notitie" in text
    assert "│ 3 mrt 2026 │ voorgesteld   │ goedgekeurd   │ akkoord" in text
    assert "in uitvoering" in text and "in_progress" not in text
    assert "Betalingen" in text and "15 mei 2026" in text and "2026-05-15" not in text


def test_project_show_in_english(day):
    text = day.ok("--lang", "en", "project", "show", "1").stdout
    assert "theme play, status completed" in text
    assert "requested €4,500.00; supporters 1,200, volunteers 0" in text
    assert "History" in text
    assert "│ 3 Mar 2026 │ proposed    │ approved    │ akkoord" in text
    assert "Payments" in text and "15 May 2026" in text


def test_budget_show_in_dutch_and_english(day):
    text = day.ok("budget", "show", "--year", "2026").stdout
    descriptions = _words_of(day, "budget", "show", "--year", "2026", key="description")
    assert english_words(text, descriptions) == [], text
    for words in ("Korte klap toegekend", "Korte klap beschikbaar", "Totaal",
                  "Toekenningen en overboekingen", "Boeking", "Soort", "Omschrijving",
                  "│ toekenning ", "│ overboeking ", "15 jan 2026", "1 feb 2026"):
        assert words in text, words
    english = day.ok("--lang", "en", "budget", "show", "--year", "2026").stdout
    for words in ("Korte klap allocated", "Korte klap available", "Total",
                  "Allocations and transfers", "Txn", "Kind", "Description", "│ allocation ",
                  "│ transfer ", "15 Jan 2026"):
        assert words in english, words


def test_smederijen_in_dutch_and_english(day):
    text = day.ok("smederijen", "list").stdout
    assert english_words(text) == [], text
    assert "Naam" in text and "Wijk/dorp" in text and "Inwoners" in text
    assert "Korte klap beschikbaar" in text and "4.315" in text  # krakeel's inhabitants
    english = day.ok("--lang", "en", "smederijen", "list").stdout
    assert "Name" in english and "Kind" in english and "Inhabitants" in english
    assert "│ neighbourhood " in english and "Korte klap available" in english
    assert "4,315" in english
    one = day.ok("smederijen", "show", "krakeel", "--year", "2026").stdout
    assert english_words(one) == [], one
    assert "Krakeel (krakeel), wijk, wijkteam Wijkteam Zuid, 4.315 inwoners" in one
    assert "Budgetsoort" in one and "Toegekend" in one
    one = day.ok("--lang", "en", "smederijen", "show", "krakeel", "--year", "2026").stdout
    assert "(krakeel), neighbourhood, wijkteam Wijkteam Zuid, 4,315 inhabitants" in one
    assert "Stream" in one and "Allocated" in one


def test_payment_list_in_dutch_and_english(day):
    text = day.ok("payment", "list").stdout
    assert english_words(text) == [], text
    assert "Datum" in text and "│ 15 mei 2026 │" in text
    english = day.ok("--lang", "en", "payment", "list").stdout
    assert "Date" in english and "│ 15 May 2026 │" in english
    assert json.loads(day.ok("payment", "list", "--json").stdout)[0]["date"] == "2026-05-15"


def test_rollover_in_dutch_and_english(day):
    text = day.ok("rollover", "--year", "2026", "--dry-run").stdout
    *ours, note = text.strip().splitlines()
    assert note.startswith("2026 ")  # the ledger's note on when the year may close: not ours
    assert english_words("\n".join(ours)) == [], text
    assert ours[0].startswith("Jaarafsluiting 2026 -> 2027 (proefrun: niets geschreven)")
    for words in ("Budgetsoort", "Overgeheveld", "Teruggevloeid", "Verplichtingen overgeheveld",
                  "Totaal"):
        assert words in text, words
    assert ours[-1].startswith("budgetjaar 2026 blijft open: zou € ")
    english = day.ok("--lang", "en", "rollover", "--year", "2026", "--dry-run").stdout
    assert english.startswith("Rollover 2026 -> 2027 (dry run: nothing written)")
    assert "Commitments carried" in english and "budget year 2026 stays open: would" in english
    closed = day.ok("rollover", "--year", "2026", "--early").stdout
    assert english_words(closed) == [], closed
    assert "budgetjaar 2026 is afgesloten: € " in closed
    again = day.ok("rollover", "--year", "2026").stdout
    # the day it was closed (the clock's, as the ledger keeps it), in words
    assert re.fullmatch(r"budgetjaar 2026 is al afgesloten op \d{1,2} [a-z]+ 20\d\d: er is "
                        r"niets veranderd\n", again), again
    again = day.ok("--lang", "en", "rollover", "--year", "2026").stdout
    assert re.fullmatch(r"budget year 2026 was already rolled over on \d{1,2} [A-Z][a-z]+ "
                        r"20\d\d: nothing changed\n", again), again


def test_check_info_and_status_in_dutch_and_english(day):
    text = day.ok("check").stdout
    assert text == "ok: alle regels van het grootboek kloppen\n"
    assert day.ok("--lang", "en", "check").stdout == "ok: every invariant holds\n"
    text = day.ok("info").stdout
    # "Smederijen" is Dutch too (the programme's own name), though tests/dutch.py lists it
    assert english_words(text, frozenset({"smederijen"})) == [], text
    assert "grootboek:" in text and "schemaversie:" in text and "jaren:" in text
    assert "2026 (open)" in text
    english = day.ok("--lang", "en", "info").stdout
    assert "ledger:" in english and "schema version:" in english and "years:" in english
    text = day.ok("status").stdout
    assert english_words(text) == [], text
    assert "Budgetjaar 2026 is open" in text and "(31 december 2026)" in text
    assert "(31 December 2026)" in day.ok("--lang", "en", "status").stdout


def test_the_error_prefix_follows_the_run(day):
    dutch = day("project", "show", "999")
    assert dutch.exit_code == 1 and dutch.stderr.startswith("fout: ")
    english = day("--lang", "en", "project", "show", "999")
    assert english.exit_code == 1 and english.stderr.startswith("error: ")


@pytest.mark.parametrize("lang, ok, violation, found, pages", [
    ("nl", "ok: alle regels van het grootboek kloppen", "overtreding: x", "2 overtreding(en) "
     "gevonden", "(de pagina's van het bestand zijn niet gelezen"),
    ("en", "ok: every invariant holds", "violation: x", "2 violation(s) found",
     "(the file's pages were not read"),
])
def test_check_lines(capsys, lang, ok, violation, found, pages):
    render.check([], True, lang)
    assert capsys.readouterr().out == ok + "\n"
    render.check([], False, lang)
    out = capsys.readouterr().out
    assert out.startswith(ok + " " + pages) and "'smederij check --deep'" in out
    render.check(["x", "y"], True, lang)
    assert capsys.readouterr().out.splitlines() == [violation, violation[:-1] + "y", found]


def test_check_speaks_the_message_language_when_given_none(capsys, monkeypatch):
    monkeypatch.setattr(labels, "message_language", "nl")
    render.check(["x"])
    assert capsys.readouterr().out.splitlines()[-1] == "1 overtreding(en) gevonden"


def test_an_inactive_smederij_and_short_dates(capsys):
    render.smederijen([{"code": "oud", "name": "Oud", "kind": "dorp", "team": None,
                        "inhabitants": 1200, "active": False, "available": {}}], "nl")
    out = capsys.readouterr().out
    assert "Oud (inactief)" in out and "1.200" in out
    assert render.short_date("2026-03-01", "nl") == "1 mrt 2026"
    assert render.short_date("2026-03-01T10:00:00+00:00", "en") == "1 Mar 2026"
    assert render.short_date("", "nl") == "" and render.short_date("gisteren", "nl") == "gisteren"
    assert render.long_date("2026-12-01", "nl") == "1 december 2026"
