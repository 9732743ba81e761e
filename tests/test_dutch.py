"""Issue 15, done when: a Dutch session (init -> allocate -> projects -> payments -> report ->
rollover) shows no English word outside codes and --help; English runs show no Dutch sentence.

The programme's language is Dutch (data/smederijen.yaml), so nothing here sets a language: this
is what a clerk in Hoogeveen sees.
"""

from __future__ import annotations

import pytest

from tests.conftest import Cli
from tests.dutch import english_words

# (arguments, exit status): the README's day, what a clerk checks, and what a clerk gets wrong.
SESSION = [
    (["init"], 0),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total", "300.000,00",
      "--method", "weighted", "--base", "5.000,00", "--dry-run"], 0),
    (["budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--total", "300.000,00",
      "--method", "weighted", "--base", "5.000,00", "--date", "2026-01-15"], 0),
    (["budget", "allocate", "--year", "2026", "--stream", "lange klap", "--smederij", "pesse",
      "--amount", "8.000", "--date", "2026-01-15"], 0),
    (["budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from", "krakeel",
      "--to", "pesse", "--amount", "500", "--date", "2026-02-01", "--note", "afspraak"], 0),
    (["project", "add", "--smederij", "Pesse", "--stream", "korte klap", "--title",
      "Jeu de boules-baan Brink", "--amount", "4.500,00", "--theme", "spelen", "--supporters",
      "41", "--volunteers", "6", "--cofunding", "Oranje Fonds=1.000,00", "--date",
      "2026-02-02"], 0),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title",
      "Bankjes bij de vijver", "--amount", "1.200", "--theme", "groen", "--date",
      "2026-02-03"], 0),
    (["project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title",
      "Vuurkorf", "--amount", "300", "--date", "2026-02-04"], 0),
    (["project", "approve", "1", "--date", "2026-03-03", "--note", "stuurgroep akkoord"], 0),
    (["project", "approve", "2", "--date", "2026-03-03"], 0),
    (["project", "start", "1", "--date", "2026-04-01"], 0),
    (["payment", "add", "--project", "1", "--amount", "€ 3.975,50", "--date", "15-05-2026",
      "--payee", "Bouwbedrijf Hoogeveen", "--ref", "F2026-117"], 0),
    (["payment", "add", "--project", "2", "--amount", "200", "--date", "2026-05-20",
      "--payee", "Hoveniersbedrijf Pesse", "--ref", "F2026-118"], 0),
    (["payment", "reverse", "2", "--reason", "dubbel betaald", "--date", "2026-05-21"], 0),
    (["project", "complete", "1", "--date", "2026-06-01", "--note", "opgeleverd"], 0),
    (["project", "reject", "3", "--date", "2026-03-03", "--note", "past niet"], 0),
    (["project", "show", "1"], 0),
    (["project", "list", "--year", "2026"], 0),
    (["project", "list", "--status", "goedgekeurd"], 0),
    (["payment", "list"], 0),
    (["budget", "show", "--year", "2026"], 0),
    (["smederijen", "list"], 0),
    (["smederijen", "show", "pesse", "--year", "2026"], 0),
    (["report", "--year", "2026"], 0),
    (["report", "projects", "--year", "2026"], 0),
    (["log"], 0),
    (["log", "--project", "1"], 0),
    (["check"], 0),
    (["status"], 0),
    (["info"], 0),
    (["rollover", "--year", "2026", "--dry-run"], 0),
    (["rollover", "--year", "2026", "--early"], 0),
    (["budget", "allocate", "--year", "2027", "--from-config"], 0),
    (["report", "--from", "2026", "--to", "2027"], 0),
    (["rollover", "--year", "2027"], 1),  # not yet: the year has not ended
    # mistakes a clerk makes
    (["project", "approve", "1"], 1),
    (["payment", "add", "--project", "2", "--amount", "1,234", "--date", "2027-06-02"], 1),
    (["payment", "add", "--project", "2", "--amount", "10", "--date", "2026-06-02"], 1),
    (["payment", "add", "--project", "2", "--amount", "99.999", "--date", "2027-06-02"], 1),
    (["project", "add", "--smederij", "krakel", "--stream", "korte klap", "--title", "X",
      "--amount", "5"], 1),
    (["project", "list", "--status", "goedgekeurt"], 1),
    (["project", "show", "999"], 1),
    (["payment", "reverse", "999", "--reason", "x"], 1),
    (["project", "start", "3"], 1),
    (["budget", "transfer", "--year", "2027", "--stream", "korte-klap", "--from", "krakeel",
      "--to", "pesse", "--amount", "9.999.999"], 1),
    (["report", "--year", "2026", "--format", "pdf"], 1),
    (["rollover", "--year", "2026"], 0),  # already done: says so, changes nothing
]


def test_a_dutch_session_shows_no_english_word(db_path):
    cli = Cli(db_path)
    spoken = {}
    for args, status in SESSION:
        result = cli(*args)
        assert result.exit_code == status, (args, result.stdout, result.stderr)
        words = english_words(result.stdout + result.stderr)
        if words:
            spoken[" ".join(args)] = words
    assert spoken == {}


def test_a_missing_ledger_is_named_in_dutch(tmp_path):
    result = Cli(tmp_path / "nergens.db")("report", "--year", "2026")
    assert result.exit_code == 1
    assert english_words(result.stderr) == [], result.stderr


def test_a_reversal_and_a_count_read_in_the_run_s_language(db_path):
    cli = Cli(db_path)
    for args in (["init"], ["budget", "allocate", "--year", "2026", "--stream", "korte-klap",
                            "--smederij", "krakeel", "--amount", "1000", "--date", "2026-01-15"],
                 ["project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                  "--title", "Bank", "--amount", "300", "--date", "2026-01-20"],
                 ["project", "approve", "1", "--date", "2026-01-21"],
                 ["payment", "add", "--project", "1", "--amount", "100", "--date", "2026-02-01"],
                 ["payment", "reverse", "1", "--reason", "dubbel", "--date", "2026-02-02"]):
        assert cli(*args).exit_code == 0, args
    dutch = cli("payment", "list").stdout
    english = cli("--lang", "en", "payment", "list").stdout
    assert "2 feb 2026: dubbel" in dutch and " 1 betaling " in dutch
    assert "2 Feb 2026: dubbel" in english and " 1 payment " in english
    assert "Reversal" not in dutch + english  # the words stored around the reason, for exports
    backup = cli("backup", str(db_path.parent / "kopie.db")).stdout
    assert "(24 Smederijen, 1 project, 1 betaling, 4 transacties, " in backup, backup
    # the data keep what was booked
    data = cli("payment", "list", "--json").stdout
    assert '"reversal_reason": "Reversal of payment 1: dubbel"' in data
