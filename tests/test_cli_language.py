"""What the command line says, in the run's language (issue 15, section 1): the success line of
every writing command, the payments import's bad rows, and Click's own usage errors (exit 2),
in Dutch (the programme's language) and in English (--lang en).

A Dutch run shows no English word (tests/dutch.py). The ``error:`` prefix of a refusal is drawn
by render.py (its own part of the sweep) and is left out before looking.
"""

from __future__ import annotations

import re

import pytest
from openpyxl import Workbook

from tests.conftest import dump
from tests.dutch import english_words


def dutch(text: str) -> list[str]:
    """The English words of a Dutch run's output (without render's ``error:`` prefix)."""
    return english_words(re.sub(PREFIX, "", text))


PREFIX = re.compile(r"(?m)^(?:error|fout): ")  # render.error's prefix, in either language


@pytest.fixture
def booked(cli_ledger):
    """Project 1 (krakeel, € 1.000,00) approved and started, with payment 1 of € 400,00."""
    cli = cli_ledger
    cli.ok("project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title",
           "Bankjes", "--amount", "1.000", "--date", "2026-02-02")
    cli.ok("project", "approve", "1", "--date", "2026-02-03")
    cli.ok("project", "start", "1", "--date", "2026-02-04")
    cli.ok("payment", "add", "--project", "1", "--amount", "400", "--date", "2026-02-05",
           "--ref", "F-1")
    return cli


# -- the success line of each writing command ---------------------------------------------------

ALLOCATE = ["budget", "allocate", "--year", "2026", "--stream", "lange-klap", "--smederij",
            "pesse", "--amount", "8000", "--date", "2026-01-15"]
TRANSFER = ["budget", "transfer", "--year", "2026", "--stream", "korte-klap", "--from",
            "krakeel", "--to", "pesse", "--amount", "500", "--date", "2026-02-01"]
APPROVE = ["project", "add", "--smederij", "pesse", "--stream", "korte-klap", "--title",
           "Vuurkorf", "--amount", "1.250,50", "--date", "2026-02-02"]


def test_allocate_transfer_and_approve_say_it_in_dutch(cli_ledger):
    cli = cli_ledger
    dry = cli.ok(*ALLOCATE, "--dry-run").stdout
    assert "Toekenning lange-klap 2026 (proefrun: niets geschreven)" in " ".join(dry.split())
    done = cli.ok(*ALLOCATE).stdout
    assert re.search(r"Toekenning lange-klap 2026, transactie \d+", " ".join(done.split()))
    moved = cli.ok(*TRANSFER).stdout
    assert re.fullmatch(r"€ 500,00 overgeheveld van krakeel naar pesse \(korte-klap 2026\), "
                        r"transactie \d+\n", moved), moved
    cli.ok(*APPROVE)
    approved = cli.ok("project", "approve", "1", "--date", "2026-02-03").stdout
    assert approved == "project 1 goedgekeurd: € 1.250,50 verplicht\n"
    for out in (moved, approved):
        assert dutch(out) == [], out


def test_allocate_transfer_and_approve_say_it_in_english(cli_ledger):
    cli = cli_ledger
    dry = cli.ok("--lang", "en", *ALLOCATE, "--dry-run").stdout
    assert "Would allocate lange-klap 2026 (dry run: nothing written)" in " ".join(dry.split())
    done = cli.ok("--lang", "en", *ALLOCATE).stdout
    assert re.search(r"Allocated lange-klap 2026, transaction \d+", " ".join(done.split()))
    moved = cli.ok("--lang", "en", *TRANSFER).stdout
    assert re.fullmatch(r"transferred €500\.00 from krakeel to pesse \(korte-klap 2026\), "
                        r"transaction \d+\n", moved), moved
    cli.ok("--lang", "en", *APPROVE[:-3], "1,250.50", "--date", "2026-02-02")
    approved = cli.ok("--lang", "en", "project", "approve", "1", "--date", "2026-02-03").stdout
    assert approved == "project 1 approved: €1,250.50 committed\n"


@pytest.mark.parametrize("lang, says", [
    ("nl", ["1\n", "betaling 1 teruggeboekt met transactie {txn}\n",
            "project 1 is nu afgerond; € 1.000,00 vrijgevallen naar de bestedingsruimte\n"]),
    ("en", ["1\n", "payment 1 reversed by transaction {txn}\n",
            "project 1 is now completed; €1,000.00 released to the available budget\n"]),
])
def test_pay_reverse_and_complete_with_release(cli_ledger, lang, says):
    cli = cli_ledger
    run = (lambda *a: cli.ok(*a).stdout) if lang == "nl" else (
        lambda *a: cli.ok("--lang", "en", *a).stdout)
    run("project", "add", "--smederij", "krakeel", "--stream", "korte-klap", "--title", "Bank",
        "--amount", "1000", "--date", "2026-02-02")
    run("project", "approve", "1", "--date", "2026-02-03")
    started = run("project", "start", "1", "--date", "2026-02-04")
    assert started == {"nl": "project 1 is nu in uitvoering\n",
                       "en": "project 1 is now in progress\n"}[lang]
    paid = run("payment", "add", "--project", "1", "--amount", "400", "--date", "2026-02-05")
    reversed_ = run("payment", "reverse", "1", "--reason", "fout", "--date", "2026-02-06")
    txn = re.search(r"\d+\n$", reversed_).group().strip()
    completed = run("project", "complete", "1", "--date", "2026-02-07")
    assert [paid, reversed_, completed] == [s.format(txn=txn) for s in says]
    if lang == "nl":
        assert dutch(started + reversed_ + completed) == []


def test_init_reports_and_refusals_in_both_languages(cli_ledger, tmp_path):
    cli = cli_ledger
    assert cli.ok("init").stdout.endswith(" is al bijgewerkt\n")
    assert cli.ok("--lang", "en", "init").stdout.endswith(" already up to date\n")
    out = tmp_path / "r.json"
    assert cli.ok("report", "--year", "2026", "--output", str(out)).stdout == \
        f"rapport 2026 (json) geschreven naar {out}\n"
    assert cli.ok("--lang", "en", "report", "projects", "--year", "2026", "--output",
                  str(out)).stdout == \
        f"wrote projects 2026 (json) to {out}\n"
    for args, nl, en in (
            (["report", "--format", "xlsx"],
             "xlsx is een binair bestand: geef --output BESTAND",
             "xlsx is a binary file: give --output FILE"),
            (["report", "--from", "2025"], "een meerjarenoverzicht heeft zowel --from als --to "
             "nodig", "a multi-year overview needs both --from and --to"),
            (["export", "--format", "pdf"], "onbekend formaat 'pdf': gebruik een van hledger, "
             "beancount, csv", "unknown format 'pdf': use one of hledger, beancount, csv"),
            (["budget", "allocate", "--year", "2026"], "geef --stream (of --from-config",
             "give --stream (or --from-config")):
        dutch_run, english_run = cli(*args), cli("--lang", "en", *args)
        assert dutch_run.exit_code == english_run.exit_code == 1
        assert nl in dutch_run.stderr and dutch(dutch_run.stderr) == [], dutch_run.stderr
        assert en in english_run.stderr


def test_init_speaks_the_language_of_the_registry_it_loads(db_path, tmp_path):
    from pathlib import Path

    from smederij_cli.config import default_config_path
    from tests.conftest import Cli

    english = tmp_path / "english.yaml"
    english.write_text(Path(default_config_path()).read_text(encoding="utf-8").replace(
        "language: nl", "language: en"), encoding="utf-8")
    out = Cli(db_path).ok("init", "--config", str(english)).stdout
    assert out.startswith(f"ledger {db_path}: registry from {english} loaded (teams: 4 added; "
                          "streams: 2 added; smederijen: 24 added)"), out


# -- the imports ------------------------------------------------------------------------------------

PAYMENTS = "project,datum,bedrag,begunstigde,kenmerk\n1,2026-03-01,100,Hovenier,R-1\n" \
           "1,2026-03-02,\"50,25\",Hovenier,R-2\n"


def test_import_payments_says_what_it_booked_in_both_languages(booked, tmp_path):
    path = tmp_path / "betalingen.csv"
    path.write_text(PAYMENTS)
    dry = booked.ok("import", "payments", str(path), "--dry-run").stdout
    assert dry == (f"{path}: zou 2 betaling(en) boeken, € 150,25; 0 al eerder geboekt; "
                   "proefrun: niets geschreven\n")
    done = booked.ok("import", "payments", str(path)).stdout
    assert re.fullmatch(rf"{re.escape(str(path))}: 2 betaling\(en\) geboekt, € 150,25; 0 al "
                        r"eerder geboekt; transacties (\d+)-(\d+)\n", done), done
    assert dutch(dry + done) == []
    again = booked.ok("--lang", "en", "import", "payments", str(path)).stdout
    assert again == f"{path}: booked 0 payment(s), €0.00; 2 already booked\n"


BAD_PAYMENTS = ("project,date,amount,payee,reference\n"
                "1,2026-03-01,700,A,B-1\n"     # 2: more than the € 600,00 left
                "99,2026-03-01,10,A,B-2\n"     # 3: no such project
                "x,2026-03-01,10,A,B-3\n"      # 4: not a project id
                "1,2026-03-01,10,A,\n"         # 5: no reference
                "1,2026-03-01,10,A,B-3\n"      # 6: the reference of line 4 again
                "1,2026-03-01\n")              # 7: too few fields


@pytest.mark.parametrize("lang, says", [
    ("nl", ["regel 2: bedrag € 700,00 is meer dan er over is van de verplichting van project 1 "
            "(€ 600,00,", "regel 3: project 99 bestaat niet",
            "regel 4: project 'x' is geen projectnummer", "regel 5: het kenmerk is leeg",
            "regel 6: kenmerk 'B-3' staat ook op regel 4",
            "regel 7: heeft 2 velden maar de kopregel 5",
            "betalingen.csv: 6 van de 6 rijen kunnen niet worden geboekt; er is niets geboekt"]),
    ("en", ["line 2: amount €700.00 exceeds what is left of project 1's commitment (€600.00,",
            "line 3: project 99 does not exist", "line 4: project 'x' is not a project id",
            "line 5: reference is empty", "line 6: reference 'B-3' is also on line 4",
            "line 7: has 2 fields but the header has 5",
            "betalingen.csv: 6 of 6 rows cannot be booked; nothing was booked"]),
])
def test_import_payments_names_every_bad_row_in_the_runs_language(booked, tmp_path, db_path,
                                                                   lang, says):
    path = tmp_path / "betalingen.csv"
    path.write_text(BAD_PAYMENTS)
    before = dump(db_path)
    result = booked(*(["--lang", "en"] if lang == "en" else []), "import", "payments",
                    str(path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 7, lines
    for line, said in zip(lines, says):
        assert said in line, (said, line)
    assert dump(db_path) == before
    if lang == "nl":
        assert dutch(result.stderr) == [], result.stderr
    else:
        assert "regel" not in result.stderr and "geboekt" not in result.stderr


def _register(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["Jaar", "Smederij", "Budgetsoort", "Titel", "Thema", "Status", "Aangevraagd",
                  "Toegekend", "Betaald"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


def test_import_projects_in_both_languages(cli_ledger, tmp_path):
    path = _register(tmp_path / "projecten.xlsx", [
        [2026, "krakeel", "korte-klap", "Bank", "groen", "goedgekeurd", 1000, 900, 300],
        [2026, "pesse", "korte klap", "Feest", None, "voorgesteld", 200]])
    dry = cli_ledger.ok("import", "projects", path, "--dry-run").stdout
    assert dry == (f"{path}: zou 2 project(en) importeren (1 goedgekeurd, 1 voorgesteld), "
                   "€ 900,00 verplicht, € 300,00 betaald; 0 al in het grootboek; proefrun: "
                   "niets geschreven\n")
    assert dutch(dry) == []
    done = cli_ledger.ok("--lang", "en", "import", "projects", path).stdout
    assert done == (f"{path}: imported 2 project(s) (1 approved, 1 proposed), €900.00 "
                    "committed, €300.00 paid; 0 already in the ledger\n")
    bad = _register(tmp_path / "fout.xlsx", [
        [2026, "krakeel", "korte-klap", "", None, "voorgesteld", 100],
        [2026, "krakeel", "korte-klap", "K", None, "voorgesteld", 100, None, 50]])
    for args, last in (([], "2 van de 2 rijen kunnen niet worden geboekt; er is niets "
                            "geïmporteerd"),
                       (["--lang", "en"], "2 of 2 rows cannot be booked; nothing was imported")):
        result = cli_ledger(*args, "import", "projects", bad)
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines()[-1].endswith(f"fout.xlsx: {last}")


# -- Click's usage errors -------------------------------------------------------------------------

USAGE = [
    (["budget", "allocate", "--stream", "korte-klap"],
     "de optie '--year' ontbreekt (zie 'smederij budget allocate --help')",
     "Missing option '--year'. (see 'smederij budget allocate --help')"),
    (["budget", "show", "--year", "twintig"],
     "ongeldige waarde voor '--year': 'twintig' is geen geheel getal (zie 'smederij budget "
     "show --help')",
     "Invalid value for '--year': 'twintig' is not a valid int. (see 'smederij budget show "
     "--help')"),
    (["project", "list", "--staus", "goedgekeurd"],
     "onbekende optie --staus: bedoelde u --status of --stream? (zie 'smederij project list "
     "--help')",
     "No such option: --staus (Possible options: --status, --stream) (see 'smederij project "
     "list --help')"),
    (["projekt", "list"],
     "onbekende opdracht 'projekt': bedoelde u 'project'? (zie 'smederij --help')",
     "No such command 'projekt'. Did you mean 'project'? (see 'smederij --help')"),
    (["payment", "reverse", "--reason", "fout"],
     "het argument 'ID' ontbreekt (zie 'smederij payment reverse --help')",
     "Missing argument 'ID'. (see 'smederij payment reverse --help')"),
    (["project", "show", "1", "2"],
     "onverwacht extra argument: 2 (zie 'smederij project show --help')",
     "Got unexpected extra argument(s) (2) (see 'smederij project show --help')"),
    (["budget", "show", "--year"], "de optie '--year' heeft een waarde nodig",
     "Option '--year' requires an argument."),
]


@pytest.mark.parametrize("args, nl, en", USAGE, ids=[" ".join(a) for a, _, _ in USAGE])
def test_click_usage_errors_speak_the_runs_language(cli_ledger, args, nl, en):
    result = cli_ledger(*args)
    assert result.exit_code == 2
    assert said(result) == f"{nl}\n"
    assert dutch(said(result)) == [], result.stderr
    result = cli_ledger("--lang", "en", *args)
    assert result.exit_code == 2
    assert said(result) == f"{en}\n"


def said(result) -> str:
    """stderr without render's prefix, with the program named as a person runs it (the test
    runner calls it 'root')."""
    return PREFIX.sub("", result.stderr).replace("'root ", "'smederij ")


def test_a_usage_error_before_the_language_is_read_follows_smederij_lang(cli_ledger,
                                                                          monkeypatch):
    # an unknown option of the program itself: Click stops before --lang is read
    assert said(cli_ledger("--bogus", "info")) == \
        "onbekende optie --bogus (zie 'smederij --help')\n"
    assert said(cli_ledger("--lang", "en", "--bogus", "info")) == \
        "No such option: --bogus (see 'smederij --help')\n"
    monkeypatch.setenv("SMEDERIJ_LANG", "en")
    assert said(cli_ledger("--bogus", "info")) == \
        "No such option: --bogus (see 'smederij --help')\n"
