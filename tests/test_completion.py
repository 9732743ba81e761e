"""Shell completion (issue 15, section 4), asked of the real shells with the script that
'smederij completion SHELL' prints sourced: bash through its completion function, zsh through
its completion system in a pseudo-terminal, fish through 'complete -C'; PowerShell (not in
Debian) through the protocol its script speaks, on the real process."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.dutch import english_words
from tests.proc import ROOT, env
from tests.test_startup import PROBE  # a run of the program that names the modules it loaded

BIN = Path(sys.executable).parent
TITLE = "Jeu de boules-baan"
# what a shell's quoting could eat or run: shown exactly as typed, never run
TRICKY = "Speeltuin 't Haantje: \"groot\" & $HOME `id` \\ 50% <meer>;"


def _env(home: Path, **extra: str) -> dict[str, str]:
    """The venv's ``smederij`` first on PATH; a home of its own (zsh's and fish's files)."""
    return {**env(), "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache"),
            **extra}


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    if not (BIN / "smederij").exists():
        pytest.skip(f"no smederij script in {BIN}")
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def ledger(home, tmp_path_factory) -> dict:
    """The demo's 2026 (projects in every state), one project more, an idea round with one
    ballot that counts and one voided, and 2026 rolled over into 2027."""
    db = tmp_path_factory.mktemp("completion") / "ledger.db"

    def run(*args: str) -> str:
        return subprocess.run([sys.executable, "-m", "smederij_cli", "--db", str(db), *args],
                              env=env(), cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout

    run("demo")
    added = json.loads(run("project", "add", "--smederij", "krakeel", "--stream", "korte-klap",
                           "--title", TITLE, "--amount", "4.500,00", "--year", "2026",
                           "--json"))["id"]
    tricky = json.loads(run("project", "add", "--smederij", "pesse", "--stream", "korte-klap",
                            "--title", TRICKY, "--amount", "100", "--year", "2026",
                            "--json"))["id"]
    run("round", "new", "--smederij", "noordscheschut", "--stream", "korte-klap", "--year",
        "2026", "--name", "voorjaar", "--budget", "5.000,00", "--vote", "approval",
        "--max-marks", "3", "--rule", "greedy", "--tie-break", "cheaper")
    run("round", "idea", "add", "1", "--title", "Veegmachine", "--amount", "3.000,00",
        "--signatures", "41")
    run("round", "idea", "add", "1", "--title", "Bankje", "--amount", "3.000,00",
        "--signatures", "41")
    run("round", "close-ideas", "1")
    run("round", "ballot", "add", "1", "--ref", "P-0001", "--marks", "1")
    run("round", "ballot", "add", "1", "--ref", "P-0002", "--marks", "2")
    run("round", "ballot", "void", "1", "P-0002", "--reason", "dubbel")
    run("rollover", "--year", "2026", "--early")
    conn = sqlite3.connect(db)
    status = dict(conn.execute("SELECT status, min(id) FROM project GROUP BY status"))
    conn.close()
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{db}{suffix}").exists()
    return {"db": db, "added": added, "status": status, "tricky": tricky}


def _script(home: Path, shell: str) -> Path:
    out = subprocess.run([str(BIN / "smederij"), "completion", shell], env=_env(home),
                         capture_output=True, text=True, check=True).stdout
    path = home / f"smederij.{shell}"
    path.write_text(out)
    return path


# -- bash -----------------------------------------------------------------------------------------

def bash(home: Path, line: str, **extra: str) -> list[str]:
    """What bash offers for a Tab at the end of ``line`` (words split at spaces)."""
    words = line.split(" ")
    program = (f'source "$1"; COMP_WORDS=({" ".join(_quote(w) for w in words)}); '
               f'COMP_CWORD={len(words) - 1}; _smederij_completion smederij; '
               'printf "%s\\n" "${COMPREPLY[@]}"')
    out = subprocess.run(["bash", "--norc", "--noprofile", "-c", program, "bash",
                          str(_script(home, "bash"))], env=_env(home, **extra),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and not out.stderr, out.stderr
    return [w for w in out.stdout.splitlines() if w]


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


def test_bash_completes_commands_options_and_the_ledgers_values(home, ledger):
    db = f"smederij --db {ledger['db']}"
    assert bash(home, "smederij pro") == ["project"]
    assert set(bash(home, "smederij project ")) >= {"add", "approve", "list", "show"}
    assert set(bash(home, f"{db} project list --st")) == {"--status", "--stream"}
    assert bash(home, f"{db} project list --smederij kr") == ["krakeel"]
    assert set(bash(home, f"{db} project list --stream ")) == {"korte-klap", "lange-klap"}
    # statuses as codes and in Dutch (a space written as a hyphen: input reads it the same)
    assert bash(home, f"{db} project list --status goed") == ["goedgekeurd"]
    assert set(bash(home, f"{db} project list --status in")) == {
        "in_progress", "in-uitvoering", "ingetrokken"}
    assert set(bash(home, f"{db} project add --theme sp")) == {"spelen"}
    assert bash(home, f"{db} report --year ") == ["2027", "2026"]
    assert str(ledger["added"]) in bash(home, f"{db} project show ")
    assert bash(home, f"{db} round ballot void 1 ") == ["P-0001"]  # P-0002 was voided


def test_bash_takes_the_ledger_from_smederij_db_too(home, ledger):
    assert bash(home, "smederij project list --smederij kr",
                SMEDERIJ_DB=str(ledger["db"])) == ["krakeel"]


def test_a_step_completes_only_the_projects_it_may_be_taken_on(home, ledger):
    db, status = f"smederij --db {ledger['db']}", ledger["status"]
    approve = set(bash(home, f"{db} project approve "))
    assert str(status["proposed"]) in approve and str(ledger["added"]) in approve
    assert str(status["approved"]) not in approve and str(status["completed"]) not in approve
    pay = set(bash(home, f"{db} payment add --project "))
    assert {str(status["approved"]), str(status["in_progress"])} <= pay
    assert str(status["proposed"]) not in pay
    assert str(status["completed"]) in set(bash(home, f"{db} project show "))


# -- zsh ------------------------------------------------------------------------------------------

# An interactive zsh in a pseudo-terminal (zpty) with the completion system and our script loaded;
# compadd is wrapped to print each match (with its description) instead of inserting it.
ZSH_INIT = r"""
PROMPT=
stty columns 1000 2>/dev/null; COLUMNS=1000  # descriptions are cut at the terminal's width
autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump"
bindkey '^M' undefined; bindkey '^J' undefined; bindkey '^I' complete-word
null-line () { echo -E - $'\0' }
compprefuncs=( null-line ); comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then eval "__dscr=$__tmp"; else __dscr=( "${(@P)__tmp}" ); fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  [[ -n $__hits ]] || return
  local i
  for i in {1..$#__hits}; do print -r -- "MATCH ${__hits[$i]}	${__dscr[$i]}"; done
}
source "$SMEDERIJ_SCRIPT"
echo ready
"""

ZSH_CAPTURE = r"""
zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "source ${(q)1}"
integer n=0
local line
while zpty -r z line; do [[ $line == *ready* ]] && break; (( ++n > 100 )) && exit 2; done
zpty -w z "$2"$'\t'
integer tog=0
while zpty -r z line; do
  if [[ $line == *$'\0'* ]]; then (( tog++ )) && break || continue; fi
  (( tog )) && print -r -- ${line%$'\r'}
done
zpty -d z
"""


def zsh(home: Path, line: str) -> dict[str, str]:
    """What zsh's completion system offers for a Tab after ``line``: match -> description."""
    if not shutil.which("zsh"):
        pytest.skip("zsh is not installed (.ci/run installs it)")
    (home / "init.zsh").write_text(ZSH_INIT)
    (home / "capture.zsh").write_text(ZSH_CAPTURE)
    out = subprocess.run(["zsh", "-f", str(home / "capture.zsh"), str(home / "init.zsh"), line],
                         env=_env(home, SMEDERIJ_SCRIPT=str(_script(home, "zsh"))),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    matches = {}
    for row in out.stdout.splitlines():
        if row.startswith("MATCH "):
            value, _, described = row[6:].partition("\t")
            matches[value] = described.partition(" -- ")[2].strip()
    return matches


def test_zsh_completes_commands_statuses_and_project_ids_with_their_titles(home, ledger):
    db = f"smederij --db {ledger['db']}"
    assert set(zsh(home, "smederij pro")) == {"project"}
    assert set(zsh(home, f"{db} project list --status in")) == {
        "in_progress", "in-uitvoering", "ingetrokken"}
    shown = zsh(home, f"{db} project show ")
    assert shown[str(ledger["added"])] == f"{TITLE} (krakeel 2026)"
    tricky = str(ledger["tricky"])
    assert zsh(home, f"{db} project show {tricky}")[tricky] == f"{TRICKY} (pesse 2026)"
    smederijen = zsh(home, f"{db} budget transfer --from noord")
    assert smederijen == {"noord": "Noord", "noordscheschut": "Noordscheschut"}


# -- fish -----------------------------------------------------------------------------------------

def fish(home: Path, line: str) -> dict[str, str]:
    """fish's own answer to 'complete -C LINE': match -> description."""
    if not shutil.which("fish"):
        pytest.skip("fish is not installed (.ci/run installs it)")
    out = subprocess.run(["fish", "--no-config", "-c", 'source $argv[1]; complete -C $argv[2]',
                          str(_script(home, "fish")), line],
                         env=_env(home), capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return dict((row.split("\t", 1) + [""])[:2] for row in out.stdout.splitlines())


def test_fish_completes_codes_years_rounds_and_project_ids_with_their_titles(home, ledger):
    db = f"smederij --db {ledger['db']}"
    assert fish(home, f"{db} project show {ledger['added']}")[str(ledger["added"])] == (
        f"{TITLE} (krakeel 2026)")
    assert fish(home, f"{db} project show {ledger['tricky']}") == {
        str(ledger["tricky"]): f"{TRICKY} (pesse 2026)"}
    assert fish(home, f"{db} project list --smederij kra") == {"krakeel": "Krakeel"}
    assert fish(home, f"{db} project list --status goed") == {"goedgekeurd": "approved"}
    assert set(fish(home, f"{db} smederijen list --year ")) == {"2026", "2027"}
    assert fish(home, f"{db} round show ") == {"1": "voorjaar (noordscheschut 2026)"}
    assert "--smederij" in fish(home, f"{db} project add --")


# -- PowerShell: its script's protocol on the real process ----------------------------------------

def powershell(home: Path, line: str, word: str) -> subprocess.CompletedProcess:
    """What the script's completer gets from smederij for ``line`` (``word``: being typed)."""
    assert "_TYPER_COMPLETE_WORD_TO_COMPLETE" in _script(home, "powershell").read_text()
    return subprocess.run([str(BIN / "smederij")], capture_output=True, text=True, timeout=60,
                          env=_env(home, _SMEDERIJ_COMPLETE="complete_powershell",
                                   _TYPER_COMPLETE_ARGS=line,
                                   _TYPER_COMPLETE_WORD_TO_COMPLETE=word))


def test_powershell_protocol_gives_project_ids_with_titles_and_dutch_statuses(home, ledger):
    db = f"smederij --db {ledger['db']}"
    out = powershell(home, f"{db} project show {ledger['added']}", str(ledger["added"]))
    assert out.returncode == 0
    assert f"{ledger['added']}:::{TITLE} (krakeel 2026)" in out.stdout.splitlines()
    out = powershell(home, f"{db} project show {ledger['tricky']}", str(ledger["tricky"]))
    assert out.stdout.splitlines() == [f"{ledger['tricky']}:::{TRICKY} (pesse 2026)"]
    out = powershell(home, f"{db} project list --status afg", "afg")
    assert out.stdout.split() == ["afgerond:::completed", "afgewezen:::rejected"]


# -- a ledger that cannot be read completes nothing -----------------------------------------------

@pytest.mark.parametrize("kind", ["missing", "empty", "text", "folder", "foreign"])
def test_an_unreadable_ledger_completes_nothing_silently_and_stays_as_it_was(home, tmp_path,
                                                                             kind):
    db = tmp_path / "ledger.db"
    if kind == "empty":
        db.write_bytes(b"")
    elif kind == "text":
        db.write_text("project;titel\n1;Speeltuin\n")
    elif kind == "folder":
        db.mkdir()
    elif kind == "foreign":
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE project (id INTEGER PRIMARY KEY, naam TEXT)")
            conn.execute("INSERT INTO project VALUES (1, 'iets anders')")
        conn.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    content = db.read_bytes() if db.is_file() else None
    line = f"smederij --db {db} project show "
    for shell, extra in (("bash", {"COMP_WORDS": line, "COMP_CWORD": "5"}),
                         ("fish", {"_TYPER_COMPLETE_ARGS": line,
                                   "_TYPER_COMPLETE_FISH_ACTION": "get-args"}),
                         ("powershell", {"_TYPER_COMPLETE_ARGS": line.strip(),
                                         "_TYPER_COMPLETE_WORD_TO_COMPLETE": ""})):
        out = subprocess.run([str(BIN / "smederij")], capture_output=True, text=True,
                             env=_env(home, _SMEDERIJ_COMPLETE=f"complete_{shell}", **extra))
        assert (out.returncode, out.stdout.strip(), out.stderr) == (0, "", ""), (shell, out)
    assert bash(home, f"smederij --db {db} project list --smederij ") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing made, not even -wal
    assert (db.read_bytes() if db.is_file() else None) == content


def test_reading_a_ledger_for_a_tab_leaves_no_files_beside_it(home, ledger):
    assert bash(home, f"smederij --db {ledger['db']} project list --smederij kr") == ["krakeel"]
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(f"{ledger['db']}{suffix}").exists(), suffix


def test_a_tab_after_version_or_a_wrong_lang_still_completes_quietly(home, ledger):
    assert bash(home, "smederij --version pro") == ["project"]  # not the version as a match
    assert bash(home, f"smederij --lang xx --db {ledger['db']} project list --smederij kr"
                ) == ["krakeel"]


# -- the command that prints the scripts ----------------------------------------------------------

@pytest.mark.parametrize("shell,line", [
    ("bash", "complete -o default -F _smederij_completion smederij"),
    ("zsh", "compdef _smederij_completion smederij"),
    ("fish", "complete --command smederij --no-files"),
    ("powershell", "Register-ArgumentCompleter -Native -CommandName smederij"),
    ("pwsh", "Register-ArgumentCompleter -Native -CommandName smederij"),
])
def test_completion_prints_the_script_for_each_shell(cli, shell, line):
    result = cli.ok("completion", shell)
    assert line in result.stdout and "_SMEDERIJ_COMPLETE" in result.stdout


def test_an_unknown_shell_is_refused_in_the_runs_language(cli, monkeypatch):
    result = cli("completion", "tcsh")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "fout: onbekende shell 'tcsh': kies uit bash, zsh, fish, powershell")
    assert english_words(result.stderr.partition(": ")[2]) == []  # "error:" is render's
    monkeypatch.setenv("SMEDERIJ_LANG", "en")
    result = cli("completion", "tcsh")
    assert result.stderr.strip() == (
        "error: unknown shell 'tcsh': choose one of bash, zsh, fish, powershell")


def test_install_completion_is_not_offered(cli):
    assert "--install-completion" not in cli.ok("--help").stdout


# -- start-up: a Tab loads nothing heavy ----------------------------------------------------------


def test_a_tab_loads_no_heavy_module(home, ledger):
    line = f"smederij --db {ledger['db']} project show "
    out = subprocess.run([sys.executable, "-c", PROBE, "[]"], capture_output=True, text=True,
                         cwd=ROOT, check=True, env=_env(
                             home, _SMEDERIJ_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS=line))
    text, _, modules = out.stdout.rpartition("\nLOADED ")
    assert f'"{ledger["added"]}":"{TITLE} (krakeel 2026)"' in text
    heavy = {"rich", "sqlite_utils", "pydantic", "markdown_it", "openpyxl", "yaml"}
    assert heavy.isdisjoint(json.loads(modules)), heavy & set(json.loads(modules))
