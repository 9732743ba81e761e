"""Errors a user can cause. Each carries one line that says what is wrong and how to fix it.

The CLI prints the message on stderr and exits 1; nothing of a user's mistake ever reaches
them as a traceback. Rules raise these; they never print.
"""


class SmederijError(Exception):
    """Base class: a mistake in what the user asked, or a state the ledger refuses."""


class InvalidInput(SmederijError):
    """A value that cannot be read: an amount, a date, a code."""


class ConfigError(SmederijError):
    """The configuration file is unreadable or invalid (the message names file, line and field)."""


class NotFound(SmederijError):
    """An unknown Smederij, stream, project, payment or year."""


class NotAllowed(SmederijError):
    """A step the rules forbid: a lifecycle transition, a write to a closed year."""


class InsufficientFunds(NotAllowed):
    """Approving or paying beyond what is there."""


class LedgerFileError(SmederijError):
    """The ledger file cannot be used: not SQLite, corrupt, read-only, or from a newer version."""
