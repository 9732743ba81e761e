"""smederij: the ledger behind De Smederijen van Hoogeveen."""

__version__ = "0.1.0"
