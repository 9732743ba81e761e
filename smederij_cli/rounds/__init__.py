"""Idea rounds (ideeënrondes): residents propose ideas for one Smederij, stream and year, sign
and vote; the count decides which ideas are funded, and the award books them in the ledger.

The rooms:
- ``model``: the plain values every other room speaks in (ideas, ballots, the round's rules,
  the result of a count). No SQL, no terminal.
- ``counting``: the counting rules, pure functions of (ideas, ballots, rules).
- ``pabulib``: reading and writing pabulib ``.pb`` files, the exchange format.
- ``store``: the round's tables (SQL only).
- ``service``: what a clerk can do with a round, and the rules each step keeps; the award books
  through the ``Ledger``.
- ``sheets``: a round laid out for people (``writers.Sheet``s and lines of text), for the
  terminal and the export files. The commands are in ``smederij_cli/cli_rounds.py``.
"""
