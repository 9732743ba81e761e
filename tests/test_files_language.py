"""The ledger file, the registry and the outputs speak the run's language (issue 15, section 1):
Dutch by default and for a Dutch programme, English with --lang en / SMEDERIJ_LANG=en, and,
before any ledger is open, whatever --lang / SMEDERIJ_LANG says or else Dutch."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from smederij_cli import labels
from smederij_cli.config import default_config_path, load_config
from smederij_cli.errors import ConfigError
from smederij_cli.files import os_reason
from tests.conftest import Cli, dump
from tests.dutch import english_words


def error_line(result) -> str:
    """The one line a refused command printed, without the ``error:`` prefix (render's word)."""
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0].split(": ", 1)[1]


def dutch(text: str) -> str:
    assert english_words(text) == [], text
    return text


# -- a missing ledger, a file that is not a ledger: before the programme is known ---------------


def test_a_missing_ledger_is_named_in_dutch_by_default_and_in_english_when_asked(tmp_path,
                                                                                 monkeypatch):
    db = tmp_path / "nergens.db"
    line = dutch(error_line(Cli(db)("report", "--year", "2026")))
    assert line == f"geen grootboek in {db}: maak het met 'smederij init'"
    assert error_line(Cli(db)("--lang", "en", "report", "--year", "2026")) == \
        f"no ledger at {db}: run 'smederij init'"
    monkeypatch.setenv("SMEDERIJ_LANG", "en")
    assert error_line(Cli(db)("log")) == f"no ledger at {db}: run 'smederij init'"
    assert not db.exists()


def test_a_file_that_is_not_a_ledger_is_refused_in_the_run_s_language(tmp_path):
    text = tmp_path / "begroting.csv"
    text.write_text("naam;bedrag\nkrakeel;100\n")
    line = dutch(error_line(Cli(text)("info")))
    assert line == (f"{text} is geen smederij-grootboek (geen SQLite-bestand): controleer het "
                    "pad bij --db")
    assert error_line(Cli(text)("--lang", "en", "info")) == \
        f"{text} is not a smederij ledger (not an SQLite file): check the --db path"

    other = tmp_path / "contacten.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contact (naam TEXT)")
    conn.close()
    assert dutch(error_line(Cli(other)("report", "--year", "2026"))) == (
        f"{other} is geen smederij-grootboek (een SQLite-database van een ander programma): "
        "controleer het pad bij --db")


# -- the registry: file, line and field, in both languages ----------------------------------------

REGISTRY = (default_config_path().read_text("utf-8"))


def _registry(tmp_path, text: str):
    path = tmp_path / "register.yaml"
    path.write_text(text, "utf-8")
    return path


def test_a_registry_error_names_file_line_and_field_in_dutch_and_english(cli, tmp_path):
    bad = REGISTRY.replace("  municipality:", "  gemeente:", 1)
    line = REGISTRY.splitlines().index(next(x for x in REGISTRY.splitlines()
                                            if x.startswith("  municipality:"))) + 1
    path = _registry(tmp_path, bad)
    message = dutch(error_line(cli("init", "--config", str(path))))
    assert message == (f"{path}:{line}: programme.gemeente: onbekende sleutel; hier mogen: "
                       "name, municipality, currency, language")
    assert error_line(cli("--lang", "en", "init", "--config", str(path))) == (
        f"{path}:{line}: programme.gemeente: unknown key; allowed here: name, municipality, "
        "currency, language")
    assert not cli.db.exists()


def test_what_a_good_value_looks_like_is_said_in_the_language_of_the_run(tmp_path, monkeypatch):
    """The registry's 'add ... with <a good value>' is said when the file is read, not when
    the program starts: a run that turns to Dutch says it in Dutch."""
    path = _registry(tmp_path, REGISTRY.replace("  municipality: Hoogeveen\n", "", 1))
    for lang, expected in (("nl", "programme.municipality: ontbreekt: voeg 'municipality:' "
                                  "toe met tekst"),
                           ("en", "programme.municipality: is missing: add 'municipality:' "
                                  "with some text")):
        monkeypatch.setattr(labels, "message_language", lang)
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        assert str(caught.value).endswith(expected), str(caught.value)
    path = _registry(tmp_path, REGISTRY.replace("language: nl", "language: de", 1))
    monkeypatch.setattr(labels, "message_language", "nl")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).endswith("programme.language: moet een van nl, en zijn, maar is 'de'")


def test_init_speaks_the_language_its_registry_names(tmp_path):
    """init --config with 'language: en': once the registry is read, the run speaks English;
    a Dutch registry (the example) keeps it Dutch."""
    foreign = tmp_path / "contacten.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contact (naam TEXT)")
    conn.close()
    before = dump(foreign)
    english = _registry(tmp_path, REGISTRY.replace("language: nl", "language: en", 1))
    assert "language: en" in english.read_text("utf-8")
    assert error_line(Cli(foreign)("init", "--config", str(english))) == (
        f"{foreign} is not a smederij ledger (an SQLite database of another program): check "
        "the --db path")
    assert "geen smederij-grootboek" in error_line(Cli(foreign)("init"))
    assert "geen smederij-grootboek" in error_line(
        Cli(foreign)("--lang", "nl", "init", "--config", str(english)))  # --lang wins
    assert dump(foreign) == before


# -- outputs ----------------------------------------------------------------------------------------


def test_an_output_refusal_in_dutch_and_english(cli_ledger, db_path):
    before = dump(db_path)
    args = ("report", "--year", "2026", "--format", "csv", "--output", str(db_path))
    assert dutch(error_line(cli_ledger(*args))) == \
        f"--output {db_path} is het grootboek zelf ({db_path}): geef een andere bestandsnaam"
    assert error_line(cli_ledger("--lang", "en", *args)) == \
        f"--output {db_path} is the ledger itself ({db_path}): give another file name"
    missing = db_path.parent / "nergens" / "rapport.csv"
    assert dutch(error_line(cli_ledger("report", "--year", "2026", "--format", "csv",
                                       "--output", str(missing)))) == \
        f"kan --output {missing} niet schrijven: map {missing.parent} bestaat niet"
    assert dump(db_path) == before


def test_backup_and_its_refusals_speak_dutch(cli_ledger, tmp_path):
    target = tmp_path / "kopie.db"
    said = dutch(cli_ledger.ok("backup", str(target)).stdout.strip())
    assert said.startswith(f"back-up van {cli_ledger.db} gemaakt in {target} (24 Smederijen, 0 "
                           "projecten, 0 betalingen, ")
    assert said.endswith("; de kopie doorstond integrity_check")
    assert dutch(error_line(cli_ledger("backup", str(target)))) == \
        f"{target} bestaat al: geef een ander bestand, of voeg --force toe om het te overschrijven"
    assert error_line(cli_ledger("--lang", "en", "backup", str(target))) == \
        f"{target} already exists: give another file, or add --force to overwrite it"


def test_typed_control_characters_are_refused_in_dutch(cli_ledger):
    line = error_line(cli_ledger("project", "add", "--smederij", "krakeel", "--stream",
                                 "korte-klap", "--title", "Bel\x07", "--amount", "5"))
    assert "bevat stuurtekens of regeleinden (U+0007 op teken 4): typ het als één regel gewone " \
        "tekst" in line


def test_the_demo_says_what_it_built_in_dutch(cli):
    said = dutch(cli.ok("demo").stdout.strip())
    assert said.startswith(f"demogrootboek {cli.db}: 24 Smederijen, ")
    assert "toegekend voor 2026" in said and "€ 550.000,00" in said
    assert said.endswith(f"Volgende stap: smederij --db {cli.db} report --year 2026")
    assert dutch(cli.ok("demo").stdout.strip()) == \
        f"grootboek {cli.db} bevat de demo al (seed 2026); niets gedaan"
    english = cli.ok("--lang", "en", "demo").stdout.strip()
    assert english == f"ledger {cli.db} already holds the demo (seed 2026); nothing done"


def test_the_site_says_what_it_wrote_in_dutch(cli_ledger, tmp_path):
    out = tmp_path / "site"
    said = dutch(cli_ledger.ok("site", "--output", str(out)).stdout.strip())
    assert said.startswith(f"site {out}: ") and "pagina's" in said and "0 verwijderd" in said
    file = tmp_path / "los.txt"
    file.write_text("x")
    assert dutch(error_line(cli_ledger("site", "--output", str(file)))) == \
        f"--output {file} is een bestand: geef een map voor de site"
    assert error_line(cli_ledger("--lang", "en", "site", "--output", str(file))) == \
        f"--output {file} is a file: give a folder for the site"


def test_why_the_system_refused_a_file_is_said_in_the_run_s_language(monkeypatch):
    denied = PermissionError(errno.EACCES, "Permission denied")
    full = OSError(errno.ENOSPC, "No space left on device")
    odd = OSError(errno.EXDEV, "Invalid cross-device link")
    monkeypatch.setattr(labels, "message_language", "nl")
    assert [os_reason(e) for e in (denied, full, odd)] == [
        "geen toestemming", "de schijf is vol", "Invalid cross-device link"]
    monkeypatch.setattr(labels, "message_language", "en")
    assert [os_reason(e) for e in (denied, full)] == ["Permission denied",
                                                       "No space left on device"]
