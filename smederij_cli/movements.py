"""The figures of several budget years as one statement of movements (issue 13).

Pure arithmetic on the per-year figures that ``Ledger.report`` gives (money in integer cents), no
SQL and no terminal. Carried-in money is not new money: summed over the years it would count the
same euros once for every year they were carried, so a multi-year statement takes

- ``opening_cents``: what was carried into the first year (its ``carried_in_cents``);
- ``allocated_cents``, ``spent_cents``, ``lapsed_cents``: summed over the years (each euro is
  allocated, spent or lapsed in one year only);
- ``committed_cents``, ``available_cents``: summed over the years (a closed year holds none: it
  carried them on), so what is still committed and available at the end;
- ``carried_out_cents`` (and its split into available and commitments): of the last year;
- ``closing_cents``: committed + available + carried out of the last year.

Per Smederij and stream, and so in total: opening + allocated = spent + lapsed + closing.
``carried_in_cents`` is the opening balance and ``to_spend_cents`` is opening + allocated, the
base of the share used.
"""

from __future__ import annotations

SUMMED = ("allocated_cents", "spent_cents", "lapsed_cents", "committed_cents",
          "available_cents")
LAST = ("carried_out_cents", "carried_out_available_cents", "carried_out_committed_cents")
STATEMENT = ("opening_cents", "allocated_cents", "spent_cents", "lapsed_cents", "closing_cents")


def to_spend(f: dict) -> int:
    """What a Smederij (or all) had to spend: carried in + allocated ("te besteden")."""
    return f["carried_in_cents"] + f["allocated_cents"]


def used_share(f: dict) -> float:
    """Committed and spent as a share of what there was to spend (0 when nothing was)."""
    total = to_spend(f)
    return (f["spent_cents"] + f["committed_cents"]) / total if total > 0 else 0.0


class Statement:
    """Figures of consecutive years added one at a time (oldest first); ``figures()`` is the
    statement so far, in the keys of one year's figures plus ``opening_cents``,
    ``closing_cents`` and ``to_spend_cents``."""

    def __init__(self) -> None:
        self.years = 0
        self.opening = 0
        self.summed = dict.fromkeys(SUMMED, 0)
        self.last = dict.fromkeys(LAST, 0)

    def add(self, f: dict) -> None:
        if not self.years:
            self.opening = f["carried_in_cents"]
        self.years += 1
        for k in SUMMED:
            self.summed[k] += f[k]
        self.last = {k: f.get(k, 0) for k in LAST}

    def figures(self) -> dict:
        closing = (self.summed["committed_cents"] + self.summed["available_cents"]
                   + self.last["carried_out_cents"])
        return {"carried_in_cents": self.opening, **self.summed, **self.last,
                "to_spend_cents": self.opening + self.summed["allocated_cents"],
                "opening_cents": self.opening, "closing_cents": closing}


def compact(acc: list[int] | None, f: dict) -> list[int]:
    """``Statement`` for many Smederijen and streams at once (a national report has 10,000):
    [opening, allocated, spent, lapsed, committed + available, carried out of the last year],
    ``f`` added; start with None. ``compact_figures`` turns it into the statement's keys."""
    if acc is None:
        acc = [f["carried_in_cents"], 0, 0, 0, 0, 0]
    acc[1] += f["allocated_cents"]
    acc[2] += f["spent_cents"]
    acc[3] += f["lapsed_cents"]
    acc[4] += f["committed_cents"] + f["available_cents"]
    acc[5] = f["carried_out_cents"]
    return acc


def compact_figures(acc: list[int]) -> dict:
    opening, allocated, spent, lapsed, held, out = acc
    return {"opening_cents": opening, "allocated_cents": allocated, "spent_cents": spent,
            "lapsed_cents": lapsed, "closing_cents": held + out}


def statement(years: list[dict]) -> dict:
    """The statement of movements of the figures of consecutive years, oldest first."""
    result = Statement()
    for f in years:
        result.add(f)
    return result.figures()
