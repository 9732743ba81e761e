"""Their words are accepted: Smederijen and streams by code or name, statuses and themes in
either language, case and accents ignored, the closest matches for a typing error; amounts in the
run's language; Dutch column names in 'import payments'."""

from __future__ import annotations

import json

import pytest

from smederij_cli.errors import InvalidInput, NotFound
from smederij_cli.words import Words, normalise

WORDS = Words([("noordscheschut", "Noordscheschut"), ("grote-kerk", "Grote Kerk"),
               ("krakeel", "Krakeel"), ("de-weide", "De Weide")],
              [("korte-klap", "Korte klap"), ("lange-klap", "Lange klap")])


@pytest.mark.parametrize("text, plain", [
    ("  Grote-Kerk ", "grote kerk"), ("KORTE_KLAP", "korte klap"), ("Spélen", "spelen"),
    ("in  uitvoering", "in uitvoering"), ("ideeënronde", "ideeenronde"),
])
def test_normalise_drops_case_accents_and_separators(text, plain):
    assert normalise(text) == plain


@pytest.mark.parametrize("kind, text, code", [
    ("smederij", "noordscheschut", "noordscheschut"), ("smederij", "NOORDSCHESCHUT",
                                                       "noordscheschut"),
    ("smederij", "Grote Kerk", "grote-kerk"), ("smederij", "grote kerk", "grote-kerk"),
    ("smederij", "de weide", "de-weide"),
    ("stream", "korte klap", "korte-klap"), ("stream", "Lange Klap", "lange-klap"),
    ("stream", "korte-klap", "korte-klap"),
    ("status", "goedgekeurd", "approved"), ("status", "approved", "approved"),
    ("status", "In Uitvoering", "in_progress"), ("status", "in progress", "in_progress"),
    ("status", "in_progress", "in_progress"), ("status", "voorgesteld", "proposed"),
    ("status", "afgewezen", "rejected"), ("status", "ingetrokken", "withdrawn"),
    ("theme", "spelen", "play"), ("theme", "Spélen", "play"), ("theme", "groen", "greenery"),
    ("theme", "greenery", "greenery"), ("theme", "zorg", "care"),
])
def test_codes_names_and_both_languages_read_as_the_code(kind, text, code):
    assert WORDS.read(kind, text) == code


def test_none_stays_none():
    assert WORDS.smederij(None) is None and WORDS.theme(None) is None


@pytest.mark.parametrize("kind, text, error, fragment", [
    ("status", "goedgekeurt", InvalidInput, "did you mean goedgekeurd?"),
    ("smederij", "krakel", NotFound, "did you mean Krakeel?"),
    ("smederij", "noordschescut", NotFound, "did you mean Noordscheschut?"),
    ("stream", "kort klap", NotFound, "did you mean Korte klap?"),
    ("theme", "speeltuin", InvalidInput, "unknown theme 'speeltuin'"),
    ("smederij", "nergens", NotFound, "see 'smederij smederijen list'"),
    ("stream", "middel-klap", NotFound, "choose from korte-klap, lange-klap"),
])
def test_an_unknown_word_gets_the_closest_matches(kind, text, error, fragment):
    with pytest.raises(error) as e:
        WORDS.read(kind, text)
    assert fragment in str(e.value)


def test_the_suggestion_comes_in_the_message_language(monkeypatch):
    from smederij_cli import labels

    monkeypatch.setattr(labels, "message_language", "nl")
    with pytest.raises(InvalidInput, match="onbekende status 'goedgekeurt': bedoelde u "
                                           "goedgekeurd?"):
        WORDS.status("goedgekeurt")


# -- through the command line -------------------------------------------------------------------


def test_every_option_takes_their_words(cli_ledger):
    cli = cli_ledger
    pid = cli.ok("project", "add", "--smederij", "Noordscheschut", "--stream", "korte klap",
                 "--title", "Speeltuin", "--amount", "3.000", "--theme", "spelen").stdout.strip()
    p = json.loads(cli.ok("project", "show", pid, "--json").stdout)
    assert (p["smederij"], p["stream"], p["theme"], p["requested_cents"]) == (
        "noordscheschut", "korte-klap", "play", 300_000)
    cli.ok("project", "approve", pid)
    for args in (["--status", "goedgekeurd"], ["--status", "Approved"],
                 ["--smederij", "NOORDSCHESCHUT"], ["--stream", "Korte Klap"],
                 ["--theme", "Spelen"]):
        rows = json.loads(cli.ok("project", "list", "--json", *args).stdout)
        assert [r["id"] for r in rows] == [int(pid)], args
    assert json.loads(cli.ok("project", "list", "--json", "--status", "voorgesteld").stdout) == []
    cli.ok("payment", "add", "--project", pid, "--amount", "1.000", "--date", "2026-05-01")
    assert len(json.loads(cli.ok("payment", "list", "--smederij", "noordscheschut ",
                                 "--json").stdout)) == 1
    cli.ok("budget", "transfer", "--year", "2026", "--stream", "Korte klap", "--from",
           "Grote Kerk", "--to", "de weide", "--amount", "10")
    shown = json.loads(cli.ok("smederijen", "show", "Grote Kerk", "--json").stdout)
    assert shown["code"] == "grote-kerk"
    report = json.loads(cli.ok("report", "--year", "2026", "--format", "json", "--smederij",
                               "Noordscheschut", "--stream", "korte klap").stdout)
    assert [s["code"] for s in report["smederijen"]] == ["noordscheschut"]
    cli.ok("budget", "allocate", "--year", "2026", "--stream", "lange klap", "--smederij",
           "Krakeel", "--amount", "1.500")


def test_a_typing_error_is_answered_with_what_was_meant(cli_ledger, db_path):
    from tests.conftest import dump

    before = dump(db_path)
    result = cli_ledger("project", "list", "--status", "goedgekeurt")
    assert result.exit_code == 1
    assert "onbekende status 'goedgekeurt': bedoelde u goedgekeurd?" in result.stderr
    result = cli_ledger("project", "add", "--smederij", "Noordschescut", "--stream",
                        "korte-klap", "--title", "X", "--amount", "5")
    assert result.exit_code == 1 and "bedoelde u Noordscheschut?" in result.stderr
    assert dump(db_path) == before


def test_amounts_follow_the_language_of_the_run(cli_ledger, monkeypatch):
    cli = cli_ledger
    dutch = cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                   "--title", "A", "--amount", "3.000", "--json").stdout
    english = cli.ok("--lang", "en", "project", "add", "--smederij", "krakeel", "--stream",
                     "korte-klap", "--title", "B", "--amount", "3,000", "--json").stdout
    cofunded = json.loads(cli.ok("--lang", "en", "project", "add", "--smederij", "krakeel",
                                 "--stream", "korte-klap", "--title", "E", "--amount", "100",
                                 "--cofunding", "Oranje Fonds=2,500", "--json").stdout)["id"]
    assert json.loads(cli.ok("project", "show", str(cofunded), "--json").stdout)[
        "cofunding"] == {"Oranje Fonds": 2_500_00}
    monkeypatch.setenv("SMEDERIJ_LANG", "en")
    env = cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                 "--title", "C", "--amount", "2,500", "--json").stdout
    monkeypatch.delenv("SMEDERIJ_LANG")
    amounts = [json.loads(cli.ok("project", "show", str(json.loads(out)["id"]),
                                 "--json").stdout)["requested_cents"]
               for out in (dutch, english, env)]
    assert amounts == [300_000, 300_000, 250_000]
    refused = cli("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                  "--title", "D", "--amount", "3,000")
    assert refused.exit_code == 1
    assert "--amount '3,000' heeft drie decimalen" in refused.stderr
    assert "schrijf 3.000 voor 3000 euro, of 3,00" in refused.stderr
    dutch_words = cli("--lang", "nl", "project", "add", "--smederij", "krakeel", "--stream",
                      "korte-klap", "--title", "D", "--amount", "0,001")
    assert dutch_words.exit_code == 1
    assert "--amount '0,001' heeft meer dan twee decimalen" in dutch_words.stderr
    bad = cli("--lang", "fr", "info")
    assert bad.exit_code == 1 and "onbekende taal 'fr' (--lang of SMEDERIJ_LANG)" in bad.stderr


def test_import_payments_takes_dutch_column_names(cli_ledger, tmp_path):
    cli = cli_ledger
    pid = cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                 "--title", "A", "--amount", "5.000").stdout.strip()
    cli.ok("project", "approve", pid)
    path = tmp_path / "betalingen.csv"
    path.write_text("Project;Datum;Bedrag;Begunstigde;Kenmerk\n"
                    f"{pid};04-05-2026;1.250;Hovenier;F-1\n{pid};2026-05-05;250,50;Smid;F-2\n",
                    encoding="utf-8")
    out = json.loads(cli.ok("import", "payments", str(path), "--json").stdout)
    assert (out["booked"], out["total_cents"]) == (2, 150_050)
    rows = json.loads(cli.ok("payment", "list", "--project", pid, "--json").stdout)
    assert [(r["payee"], r["reference"], r["amount_cents"]) for r in rows] == [
        ("Hovenier", "F-1", 125_000), ("Smid", "F-2", 25_050)]
