"""Issue 15, section 1, for the idea rounds: a round speaks the run's language. The README's
Noordscheschut round (new, idea add, close-ideas, ballot add/import/void, count, award, show, list)
shows no English word in a Dutch run, and English words in an English one; refusals name the
mistake in the run's language, with amounts and dates as that language writes them."""

from __future__ import annotations

import json
import re

import pytest

from smederij_cli import labels
from smederij_cli.rounds import sheets
from tests.conftest import Cli, dump
from tests.dutch import english_words

IDEAS = (("Jeu de boules-baan", "3.500,00", "52"), ("Veegmachine ijsbaan", "3.000,00", "47"),
         ("Bankjes langs de Vaart", "3.400,00", "40"), ("Kunstgras trapveldje", "2.840,00", "59"),
         ("Jongerenhonk", "3.500,00", "12"), ("Skatebaan", "4.800,00", "80"))
# Dutch words of the round's lines that an English run never shows
DUTCH = ("ronde", "idee", "stembiljet", "geldig", "toegekend", "verplicht", "telling",
         "handtekening", "winnaars", "stemming", "Stand", "Uitslag")


def _own(text: str) -> str:
    """The output without cli.py's "error: " prefix (not the rounds' words: cli.py's part)."""
    return re.sub(r"^(error|fout): ", "", text, flags=re.MULTILINE)


def _session(cli_ledger: Cli, tmp_path, lang: str) -> dict[str, str]:
    """The README's round, run in ``lang``; what each step printed."""
    cli, out = cli_ledger, {}

    def run(name: str, *args: str) -> str:
        result = cli("--lang", lang, *args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        out[name] = result.stdout + result.stderr
        return result.stdout

    cli.ok("budget", "allocate", "--year", "2026", "--stream", "korte-klap", "--smederij",
           "noordscheschut", "--amount", "24.000,00", "--date", "2026-01-20")
    rid = run("new", "round", "new", "--smederij", "noordscheschut", "--stream", "korte-klap",
              "--year", "2026", "--name", "voorjaar", "--budget", "9.500,00" if lang == "nl"
              else "9,500.00", "--vote", "approval", "--max-marks", "3", "--rule",
              "greedy-partial", "--min-signatures", "30", "--max-request",
              "3.500,00" if lang == "nl" else "3,500.00", "--tie-break", "lot",
              "--seed", "4711").strip()
    ids = [run(f"idea {n}", "round", "idea", "add", rid, "--title", title, "--amount",
               amount if lang == "nl" else amount.replace(".", "#").replace(",", ".")
               .replace("#", ","), "--signatures", signatures).strip()
           for n, (title, amount, signatures) in enumerate(IDEAS)]
    run("close-ideas", "round", "close-ideas", rid)
    a, b, c, d = ids[:4]
    run("ballot add", "round", "ballot", "add", rid, "--ref", "P-0001", "--marks", f"{a},{b},{c}")
    run("ballot add 2", "round", "ballot", "add", rid, "--ref", "P-0002", "--marks", f"{a},{d}")
    ballots = tmp_path / f"stembiljetten-{lang}.csv"
    ballots.write_text(f"ref;marks\nP-0003;{a},{b},{d}\nP-0004;{b},{c}\nP-0005;{c}\n")
    run("ballot import --dry-run", "round", "ballot", "import", rid, str(ballots), "--dry-run")
    run("ballot import", "round", "ballot", "import", rid, str(ballots))
    run("ballot void", "round", "ballot", "void", rid, "P-0005", "--reason",
        "dubbel ingevoerd")
    run("count", "round", "count", rid)
    run("award", "round", "award", rid, "--date", "2026-07-01", "--note", "bewonersavond")
    run("show", "round", "show", rid)
    run("list", "round", "list", "--year", "2026")
    return out


def test_a_dutch_round_shows_no_english_word(cli_ledger, tmp_path):
    out = _session(cli_ledger, tmp_path, "nl")
    assert {step: english_words(text) for step, text in out.items()
            if english_words(text)} == {}
    # and it is Dutch: the words of DOMAIN.md, amounts and dates as Dutch writes them
    assert "idee 5 niet in stemming: 12 handtekening(en), 30 nodig" in out["close-ideas"]
    assert ("idee 6 niet in stemming: vraagt € 4.800,00, meer dan de € 3.500,00 die een idee "
            "mag vragen") in out["close-ideas"]
    assert "3 stembiljet(ten) ingevoerd in ronde 1" in out["ballot import"]
    assert "stembiljet P-0005 van ronde 1 ongeldig verklaard" in out["ballot void"]
    assert "4 geldig(e) stembiljet(ten), 1 ongeldig" in out["count"]
    assert "Uitslag" in out["count"] and "deels toegekend" in out["count"]
    assert "nog te cofinancieren" in out["award"]
    assert "stand: toegekend op 1 juli 2026" in out["show"]
    assert "bij gelijke stand loting (startgetal 4711)" in out["show"]
    assert "gelijke stand tussen ideeën 4, 3, beslist met loting: gelijke score 2" in out["count"]
    assert "Ideeënrondes" in out["list"]


def test_an_english_round_speaks_english(cli_ledger, tmp_path):
    out = _session(cli_ledger, tmp_path, "en")
    text = "".join(out.values())
    assert "idea 5 not eligible: 12 signature(s), 30 needed" in out["close-ideas"]
    assert ("idea 6 not eligible: asks €4,800.00, more than the €3,500.00 an idea may ask"
            in out["close-ideas"])
    assert "4 valid ballot(s), 1 void; winners in order" in out["count"]
    assert "Outcome" in out["count"] and "partly funded" in out["count"]
    assert "state awarded on 1 July 2026" in out["show"]
    assert "tie between ideas 4, 3, broken by lot: equal score 2: 4 funded, 3 partly funded " \
        "(€160.00)" in out["count"]
    assert "Idea rounds" in out["list"]
    assert [w for w in DUTCH if w.lower() in text.lower()] == []


@pytest.fixture
def voting(cli_ledger):
    """Round 1 of krakeel, korte-klap 2026: ideas 1 and 2 (600 each, budget 1.000), voting."""
    cli = cli_ledger
    cli.ok("round", "new", "--smederij", "krakeel", "--stream", "korte-klap", "--year", "2026",
           "--name", "r", "--budget", "1.000,00", "--vote", "approval", "--rule", "greedy")
    for title in ("A", "B"):
        cli.ok("round", "idea", "add", "1", "--title", title, "--amount", "600")
    cli.ok("round", "close-ideas", "1")
    return cli


REFUSALS = [  # (arguments, Dutch, English)
    (["round", "ballot", "add", "1", "--ref", "X", "--marks", "77"],
     "idee 77 staat niet op het stembiljet van ronde 1 (de ideeën: 1, 2)",
     "idea 77 is not on round 1's ballot (its ideas: 1, 2)"),
    (["round", "ballot", "add", "1", "--ref", "X", "--marks", "1,1"],
     "idee 1 heeft twee stemmen: stem elk idee één keer",
     "idea 1 is marked twice: mark each idea once"),
    (["round", "count", "99"], "onbekende ideeënronde 99: zie 'smederij round list'",
     "unknown idea round 99: see 'smederij round list'"),
    (["round", "award", "1"], "ronde 1 is nog niet geteld",
     "round 1 has not been counted"),
    (["round", "count", "1", "--rule", "loudest"],
     "onbekende telregel 'loudest': geef --rule met een van all-fit",
     "unknown rule 'loudest': give --rule one of all-fit"),
    (["round", "idea", "add", "1", "--title", "C", "--amount", "5"],
     "de ideeën van ronde 1 zijn gesloten (stemming)",
     "the ideas of round 1 are closed (voting)"),
    (["round", "ballot", "void", "1", "P-9", "--reason", "x"],
     "ronde 1 heeft geen geldig stembiljet 'P-9'", "round 1 has no valid ballot 'P-9'"),
    (["round", "export", "1", "--format", "pdf"], "onbekend formaat 'pdf': gebruik pb",
     "unknown format 'pdf': use pb"),
    (["round", "new", "--smederij", "krakeel", "--stream", "korte-klap", "--year", "2026",
      "--name", "r", "--budget", "5", "--vote", "approval", "--rule", "greedy"],
     "krakeel heeft in 2026 al een korte-klap-ronde 'r'",
     "krakeel already has a korte-klap round 'r' in 2026"),
]


@pytest.mark.parametrize("args, dutch, english", REFUSALS, ids=lambda v: " ".join(v)[:40]
                         if isinstance(v, list) else None)
def test_a_refusal_is_in_the_runs_language(voting, db_path, args, dutch, english):
    before = dump(db_path)
    for lang, words in (("nl", dutch), ("en", english)):
        result = voting("--lang", lang, *args)
        assert result.exit_code == 1, result.output
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
        if lang == "nl":
            assert english_words(_own(result.stderr)) == [], result.stderr
    assert dump(db_path) == before


def test_a_bad_ballot_file_names_its_lines_in_the_runs_language(voting, tmp_path, db_path):
    bad = tmp_path / "stembiljetten.csv"
    bad.write_text("ref;marks\nP-1;1\nP-2;9\nP-1;2\n")
    before = dump(db_path)
    nl = voting("--lang", "nl", "round", "ballot", "import", "1", str(bad)).stderr
    en = voting("--lang", "en", "round", "ballot", "import", "1", str(bad)).stderr
    assert "2 foute regel(s), niets geïmporteerd: regel 3: idee 9 staat niet op" in nl
    assert "regel 4: stembiljet P-1 staat er al" in nl
    assert english_words(_own(nl)) == [], nl
    assert "2 bad row(s), nothing imported: line 3: idea 9 is not on" in en
    assert "line 4: ballot P-1 is there already" in en
    assert dump(db_path) == before


def test_a_bad_pb_file_names_its_line_in_the_runs_language(tmp_path, cli):
    pb = tmp_path / "kapot.pb"
    pb.write_text("META\nkey;value\nvote_type;approval\nbudget;1000\nPROJECTS\n"
                  "project_id;cost;name\n1;abc;A\nVOTES\nvoter_id;vote\nv1;1\n")
    nl = cli("--lang", "nl", "round", "count", "--pb", str(pb)).stderr
    en = cli("--lang", "en", "round", "count", "--pb", str(pb)).stderr
    assert "kapot.pb, regel 7: kosten van project 1 'abc' is geen getal" in nl
    assert english_words(_own(nl)) == [], nl
    assert "kapot.pb, line 7: cost of project 1 'abc' is not a number" in en


def test_ties_and_award_dates_are_worded_in_the_language():
    decided = "equal score 5: 2 funded, 3 partly funded (150000 cents), 4 not funded"
    assert sheets.tie_words(decided, "en") == (
        "equal score 5: 2 funded, 3 partly funded (€1,500.00), 4 not funded")
    assert sheets.tie_words(decided, "nl") == (
        "gelijke score 5: 2 toegekend, 3 deels toegekend (€ 1.500,00), 4 niet toegekend")
    mes = "equal price per unit of support (MES): B funded, C not funded"
    assert sheets.tie_words(mes, "nl") == (
        "gelijke prijs per eenheid steun (MES): B toegekend, C niet toegekend")
    assert english_words(sheets.tie_words(decided, "nl")) == []


def test_every_round_word_has_both_languages():
    keys = [k for k in labels._LABELS["en"] if k.startswith("round_")]
    assert keys and all(labels._LABELS["nl"][k] != k for k in keys)
    for key in keys:
        assert english_words(_blanks(labels._LABELS["nl"][key])) == [], key
    for key, (nl, _) in labels._MESSAGES.items():
        if key.startswith("round_"):
            # choose-1 is a vote type's code, as greedy-partial is
            assert english_words(_blanks(nl), frozenset({"choose"})) == [], (key, nl)


def _blanks(text: str) -> str:
    """A catalogue entry without its blanks and the .pb format's section names (codes)."""
    return re.sub(r"{\w+}|\b(?:META|PROJECTS|VOTES)\b", "", text)


def test_a_round_takes_the_words_the_tables_show(cli_ledger):
    """A Smederij and stream by name, a theme in Dutch, as the other commands read them."""
    cli = cli_ledger
    rid = cli.ok("round", "new", "--smederij", "Noordscheschut", "--stream", "korte klap",
                 "--year", "2026", "--name", "najaar", "--budget", "1.000", "--vote",
                 "approval", "--rule", "greedy").stdout.strip()
    cli.ok("round", "idea", "add", rid, "--title", "Speeltuin", "--amount", "500", "--theme",
           "spelen")
    listed = json.loads(cli.ok("round", "list", "--smederij", "noordscheschut",
                               "--json").stdout)
    assert [(r["smederij"], r["stream"]) for r in listed] == [("noordscheschut", "korte-klap")]
    shown = json.loads(cli.ok("round", "show", rid, "--json").stdout)
    assert [i["theme"] for i in shown["ideas"]] == ["play"]
    assert "spelen" in cli.ok("round", "show", rid).stdout
