"""Shell completion (bash, zsh, fish, PowerShell): Tab completes commands, options and the
values of the ledger in use.

The protocol is Typer's (``_SMEDERIJ_COMPLETE=complete_bash`` and friends, set by the script
``smederij completion SHELL`` prints); this module supplies the values. The option declarations
in ``cli.py`` and ``cli_rounds.py`` name a completer here (``autocompletion=completion.years``);
each is called with Click's context and the word typed so far and returns (value, description)
pairs: Typer keeps those that start with the word. Their parameters go unannotated on purpose:
Typer reads a completer's signature whenever the commands are built, for every command run, and
resolving annotations costs ~4 times as much.

Completion runs the whole program on every Tab, so nothing here is imported until a Tab asks
for it, and the ledger is read by ``lookups`` with plain read-only ``sqlite3``. The ledger is the
one ``--db`` (or ``SMEDERIJ_DB``) on the command line names, else the default; one that is
missing or cannot be read completes nothing, silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

COMPLETE_VAR = "_SMEDERIJ_COMPLETE"
PROG = "smederij"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

Pairs = list[tuple[str, str]]


# -- the scripts and the protocol -----------------------------------------------------------------

def script(shell: str) -> str:
    """The script that switches completion on in ``shell`` (Typer's, for ``smederij``)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell)


def register() -> None:
    """Install Typer's completion classes, which speak the protocol of Typer's scripts.

    Typer does this itself only with ``add_completion=True``, which would also add
    ``--install-completion``; see ``cli.SmederijGroup``. Typer passes every description
    through rich to strip markup; ours has none (``rich_markup_mode=None``), and importing rich
    would cost every Tab tens of milliseconds, so descriptions are passed as they are."""
    from typer import _completion_classes
    from typer._click.shell_completion import add_completion_class

    _completion_classes._sanitize_help_text = _plain
    _completion_classes.completion_init()
    add_completion_class(_zsh_class(_completion_classes.ZshComplete), "zsh")


def _plain(text: str) -> str:
    return " ".join(text.split())


def _zsh_class(base: type) -> type:
    """Typer's zsh class, with values and descriptions quoted so that zsh shows them as they
    are: Typer's loses apostrophes, double quotes and backslashes ("Speeltuin 't Haantje")."""

    def quote(text: str) -> str:
        # inner layer: a double-quoted word of _arguments' action, in which a colon separates
        # the value from its description; outer layer: the single-quoted _arguments spec
        text = text.replace("\\", "\\\\\\\\")  # _describe takes one level off again
        for special in '"$`':
            text = text.replace(special, "\\" + special)
        return text.replace(":", "\\\\:").replace("'", "'\\''")

    def format_completion(self, item) -> str:
        if item.help:
            return f'"{quote(item.value)}":"{quote(_plain(item.help))}"'
        return f'"{quote(item.value)}"'

    return type("ZshComplete", (base,), {"format_completion": format_completion})


# -- where the values come from -------------------------------------------------------------------

def ledger_path(ctx: Any) -> Path | None:
    """The ledger this command line names: --db, SMEDERIJ_DB (Click has read both into the root
    context's parameters), else the default; None when the name cannot be a ledger file."""
    db = ctx.find_root().params.get("db")
    try:
        if db is None:
            from smederij_cli.cli import default_db_path

            return default_db_path()
        text = os.fspath(db)
        if not text.strip() or text.lower().startswith("file:"):
            return None
        return Path(text).expanduser()
    except (OSError, ValueError, TypeError):
        return None


def _from_ledger(read: Callable[[Path], list], ctx: Any) -> list:
    db = ledger_path(ctx)
    return read(db) if db is not None else []


def _started(incomplete: str | None, pairs: Pairs) -> Pairs:
    typed = incomplete or ""
    return [(value, _plain(help)) for value, help in pairs if value.startswith(typed)]


# -- completers (named by the declarations in cli.py and cli_rounds.py) ---------------------------

def smederijen(ctx, incomplete):
    """Smederij codes, with their names."""
    from smederij_cli import lookups

    return _started(incomplete, _from_ledger(lookups.smederijen, ctx))


def streams(ctx, incomplete):
    """Stream codes, with their names."""
    from smederij_cli import lookups

    return _started(incomplete, _from_ledger(lookups.streams, ctx))


def years(ctx, incomplete):
    """The budget years in the ledger, newest first."""
    from smederij_cli import lookups

    return _started(incomplete, [(str(year), "") for year, _ in _from_ledger(lookups.years, ctx)])


def _codes_and_words(codes: tuple[str, ...]) -> Pairs:
    """Each code described by its Dutch word, and each Dutch word (input accepts it; a space
    written as a hyphen, which reads the same) described by its code."""
    from smederij_cli.labels import label

    words = {code: label(code, "nl") for code in codes}
    return [*((code, words[code]) for code in codes),
            *((words[code].replace(" ", "-"), code) for code in codes if words[code] != code)]


def statuses(incomplete):
    """Project statuses: codes and Dutch words."""
    from smederij_cli.domain import STATUSES

    return _started(incomplete, _codes_and_words(STATUSES))


def themes(incomplete):
    """Project themes: codes and Dutch words."""
    from smederij_cli.domain import ALL_THEMES

    return _started(incomplete, _codes_and_words(ALL_THEMES))


def languages(incomplete):
    return _started(incomplete, [("nl", "Nederlands"), ("en", "English")])


def shells(incomplete):
    return _started(incomplete, [(shell, "") for shell in SHELLS])


def choices(*values: str) -> Callable[[str], Pairs]:
    """A completer of fixed words (e.g. report formats)."""
    def complete(incomplete):
        return _started(incomplete, [(value, "") for value in values])
    return complete


def _projects(ctx, incomplete: str, statuses: tuple[str, ...] = ()) -> Pairs:
    from smederij_cli import lookups

    db = ledger_path(ctx)
    if db is None:
        return []
    return _started(incomplete, [(str(pid), f"{title} ({smederij} {year})")
                                 for pid, title, smederij, year, _ in
                                 lookups.projects(db, statuses)])


def projects(ctx, incomplete):
    """Project ids with their titles (and Smederij and year)."""
    return _projects(ctx, incomplete)


def projects_for(step: str) -> Callable[..., Pairs]:
    """Project ids for a lifecycle step (``approve``, ...; ``pay``: open projects): only the
    projects the step may be taken on."""
    def complete(ctx, incomplete):
        from smederij_cli import domain

        sources = domain.OPEN_STATUSES if step == "pay" else domain.STEPS[step].sources
        return _projects(ctx, incomplete, tuple(sources))
    return complete


def rounds(ctx, incomplete):
    """Idea-round ids with their names (and Smederij and year)."""
    from smederij_cli import lookups

    return _started(incomplete, [(str(rid), f"{name} ({smederij} {year})")
                                 for rid, name, smederij, year in
                                 _from_ledger(lookups.rounds, ctx)])


def ballot_refs(ctx, incomplete):
    """The refs of the ballots of the round named before (that still count)."""
    from smederij_cli import lookups

    round_id, db = ctx.params.get("round_id"), ledger_path(ctx)
    if not isinstance(round_id, int) or db is None:
        return []
    return _started(incomplete, [(ref, "") for ref in lookups.ballot_refs(db, round_id)])
