"""Is this Dutch? The words of an English sentence that a Dutch run must never show.

Issue 15: a Dutch session shows no English word outside codes and ``--help``. Codes (stream and
status codes such as ``korte-klap`` and ``in_progress``), options (``--year``), commands in
quotes (``'smederij payment add'``), paths and the program's own name are not words a person
reads as language, so they are taken out before looking.
"""

from __future__ import annotations

import re

# Words that are English and not Dutch: a Dutch sentence has none of them. (Words both
# languages share, such as "is", "in", "status", "budget", "project", "open", "over", are left
# out on purpose; so is "of", the Dutch "or": "bedoelde u goedgekeurd of afgerond?".)
ENGLISH = frozenset("""
    the a an and or not no nor to for from with without by at on into onto than then this
    that these those there here which who whom whose what when where why how
    is_not isn't can't cannot won't don't doesn't didn't wasn't
    has have had was were be been being does did do done would should could must may might
    will shall
    unknown give use choose write wrote written read run try see add added remove removed
    already only still yet more less most least every each any some none nothing all both
    either neither other another same
    paid pay payment payments payee reference approved approve rejected reject withdrawn
    withdraw completed complete proposed propose started released release committed
    commit available allocated allocate spent spend transferred transfer reversed reverse
    reversal lapsed carried rolled rollover rolls
    year years day days month date dates amount amounts total totals
    stream streams theme themes line lines file files folder row rows column columns header
    ledger ledgers backup checked error errors warning note notes
    closed close closes opens opened
    projects idea ideas round rounds ballot ballots vote votes voter voters
    winner winners count counted award awarded rule rules
    would dry empty missing wrong invalid too large small negative zero
    when who what command commands changes changed recorded
""".split())
# "smederijen" is English only in lower case ("24 smederijen"): Dutch writes the name with a
# capital ("Smederijen 2026: waar elke cent staat").
LOWER_CASE_ENGLISH = frozenset({"smederijen"})

_CODES = re.compile(
    r"(?<![\w'])'[^'\n]*'(?![\w'])"  # what was typed, quoted
    r"|(?<![\w\"])\"[^\"\n]*\"(?![\w\"])"
    r"|U\+[0-9A-F]{4,6}"          # a character's code point
    r"|\b\w+\[\d+\](?:\.\w+(?:\[\d+\])?)*"  # a place in a YAML file: smederijen[0].name
    r"|'smederij[^']*'"            # a command in quotes
    r"|\bsmederij(?: (?:--db \S+|--lang [a-z]+|[a-z-]+))+"  # a command without quotes:
    #                                  smederij payment add, smederij --db FILE payment add (log)
    r"|--?[a-z][a-z-]*"            # an option
    r"|[\w./~-]*/[\w./~-]*"        # a path
    r"|\b[a-z]+(?:[-_][a-z]+)+\b"  # a code: korte-klap, in_progress
    r"|\S+\.(?:db|csv|xlsx|json|yaml|html|md|pb)\b", re.IGNORECASE)


def english_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The English words in ``text`` (codes, options, commands and paths left out)."""
    words = re.findall(r"[A-Za-z']+", _CODES.sub(" ", text))
    return [w for w in words if (w.lower().strip("'") in ENGLISH or w in LOWER_CASE_ENGLISH)
            and w.lower() not in allowed]
