"""The rules of the programme that need no ledger: names, the project lifecycle, fair splits.

Pure functions and constants only: no SQL, no terminal. ``ledger.py`` applies them to a store.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from smederij_cli import labels
from smederij_cli.errors import InvalidInput, NotAllowed
from smederij_cli.labels import label, say

# -- accounts (DOMAIN.md, "The ledger model") ----------------------------------------------------

FUNDING, AVAILABLE, COMMITTED, SPENT = "funding", "available", "committed", "spent"


def funding_account(stream: str) -> str:
    return f"funding:{stream}"


def available_account(year: int, smederij: str, stream: str) -> str:
    return f"{year}:{smederij}:{stream}:available"


def committed_account(year: int, smederij: str, stream: str, project_id: int) -> str:
    return f"{year}:{smederij}:{stream}:committed:{project_id}"


def spent_account(year: int, smederij: str, stream: str, project_id: int) -> str:
    return f"{year}:{smederij}:{stream}:spent:{project_id}"


# -- transaction kinds ---------------------------------------------------------------------------

ALLOCATION, TRANSFER, COMMITMENT, PAYMENT, RELEASE, CARRY_OVER, LAPSE = (
    "allocation", "transfer", "commitment", "payment", "release", "carry_over", "lapse")

# -- projects ------------------------------------------------------------------------------------

PROPOSED, APPROVED, IN_PROGRESS, COMPLETED, REJECTED, WITHDRAWN = (
    "proposed", "approved", "in_progress", "completed", "rejected", "withdrawn")
STATUSES = (PROPOSED, APPROVED, IN_PROGRESS, COMPLETED, REJECTED, WITHDRAWN)
OPEN_STATUSES = (APPROVED, IN_PROGRESS)  # money is committed; payments are allowed

THEMES = {
    "physical": ("greenery", "play", "traffic", "facilities"),
    "social": ("meeting", "activities", "health", "care", "safety", "jobs", "language"),
}
ALL_THEMES = tuple(t for group in THEMES.values() for t in group)


@dataclass(frozen=True)
class Step:
    """One lifecycle step: the statuses it may start from and the status it leads to."""

    name: str
    sources: tuple[str, ...]
    target: str


STEPS = {
    step.name: step
    for step in (
        Step("approve", (PROPOSED,), APPROVED),
        Step("start", (APPROVED,), IN_PROGRESS),
        Step("complete", (IN_PROGRESS,), COMPLETED),
        Step("reject", (PROPOSED,), REJECTED),
        Step("withdraw", (PROPOSED, APPROVED, IN_PROGRESS), WITHDRAWN),
    )
}


def next_status(step_name: str, status: str, project_id: int) -> str:
    """The status after ``step_name``, or NotAllowed naming the steps that are possible."""
    step = STEPS[step_name]
    if status not in step.sources:
        lang = labels.message_language
        possible = [say(f"ledger_step_{s.name}") for s in STEPS.values() if status in s.sources]
        hint = (say("ledger_steps_possible", steps=", ".join(possible)) if possible
                else say("ledger_steps_none"))
        raise NotAllowed(say(
            "ledger_step_refused", id=project_id, status=label(status, lang),
            step=say(f"ledger_step_{step_name}"), hint=hint,
            sources=f" {say('or')} ".join(label(s, lang) for s in step.sources)))
    return step.target


def check_theme(theme: str | None) -> str | None:
    if theme is not None and theme not in ALL_THEMES:
        lang = labels.message_language
        raise InvalidInput(say("unknown_word", kind=say("kind_theme"), text=repr(theme),
                               known=", ".join(label(t, lang) for t in ALL_THEMES)))
    return theme


# -- allocation ----------------------------------------------------------------------------------

def split_total(total_cents: int, weights: Sequence[tuple[str, int]],
                base_cents: int = 0) -> dict[str, int]:
    """Split ``total_cents`` over the keys: ``base_cents`` each, the rest in proportion to the
    weights, by largest remainder so the shares add up to the total to the cent.

    Ties in the remainder go to the earlier key, so the split is reproducible. With all weights
    zero the rest is split equally.
    """
    if not weights:
        raise NotAllowed(say("ledger_no_smederij"))
    n = len(weights)
    rest = total_cents - base_cents * n
    if rest < 0:
        from smederij_cli.money import format_cents

        lang = labels.message_language
        raise InvalidInput(say("ledger_base_too_large", base=format_cents(base_cents, lang),
                               n=n, total=format_cents(total_cents, lang)))
    if any(w < 0 for _, w in weights):
        raise InvalidInput(say("ledger_negative_weights"))
    if sum(w for _, w in weights) == 0:
        weights = [(key, 1) for key, _ in weights]
    weight_sum = sum(w for _, w in weights)
    floors = {key: rest * w // weight_sum for key, w in weights}
    remainders = sorted(range(n), key=lambda i: (-(rest * weights[i][1] % weight_sum), i))
    for i in remainders[: rest - sum(floors.values())]:
        floors[weights[i][0]] += 1
    return {key: base_cents + floors[key] for key, _ in weights}


# -- rollover (DOMAIN.md, "The year") --------------------------------------------------------------

NONE, FULL, CAPPED, MAX_YEARS = "none", "full", "capped", "max_years"


def carry_split(policy: dict, year: int, available_cents: int, allocated_cents: int,
                vintages: dict[int, int] | None = None) -> tuple[int, int]:
    """(carried, lapsed) cents of a Smederij's unspent ``available_cents`` at the rollover of
    ``year``, under a carry-over policy (``CarryOverPolicy.to_dict()``).

    ``capped``: at most ``percent`` of that year's allocation (rounded down to the cent) and/or
    ``amount_cents``; with both, the smaller cap wins. ``max_years``: money allocated in year V
    lapses after year V+N-1, so at the rollover of ``year`` the vintages V <= year-N+1 lapse;
    ``vintages`` (year -> cents, summing to ``available_cents``) says how old the money is.
    """
    available = max(available_cents, 0)
    kind = policy.get("policy", NONE)
    if kind == FULL:
        carried = available
    elif kind == CAPPED:
        caps = [available]
        if policy.get("percent") is not None:
            caps.append(max(allocated_cents, 0) * policy["percent"] // 100)
        if policy.get("amount_cents") is not None:
            caps.append(policy["amount_cents"])
        carried = min(caps)
    elif kind == MAX_YEARS:
        if vintages is None or sum(vintages.values()) != available:
            raise ValueError(f"vintages {vintages} do not add up to {available}")
        carried = sum(c for v, c in vintages.items() if v > year - policy["years"] + 1)
    elif kind == NONE:
        carried = 0
    else:
        raise ValueError(f"unknown carry-over policy {policy!r}")
    return carried, available - carried


# -- the age of money (DOMAIN.md, "Money keeps its age") ------------------------------------------

Vintages = dict[int, int]  # year the money was allocated -> cents


def add_vintages(money: Vintages, more: Vintages) -> Vintages:
    """``money`` and ``more`` together (neither is changed); zero entries are dropped."""
    total = dict(money)
    for vintage, cents in more.items():
        total[vintage] = total.get(vintage, 0) + cents
    return {v: c for v, c in sorted(total.items()) if c}


def split_oldest(money: Vintages, amount: int, fallback: int) -> tuple[Vintages, Vintages]:
    """(taken, left): ``amount`` cents of ``money`` taken oldest first, and what is left.

    The ledger never takes more than there is; should it, the shortfall counts as money of
    ``fallback`` (the year of the account it is taken from), so the figures still add up."""
    taken: Vintages = {}
    left = dict(money)
    for vintage in sorted(money):
        if amount <= 0:
            break
        used = min(amount, money[vintage])
        if used > 0:
            taken[vintage] = used
            left[vintage] -= used
            amount -= used
    if amount > 0:
        taken[fallback] = taken.get(fallback, 0) + amount
        left[fallback] = left.get(fallback, 0) - amount
    return taken, {v: c for v, c in sorted(left.items()) if c}


def split_newest(money: Vintages, amount: int, fallback: int) -> tuple[Vintages, Vintages]:
    """(kept, rest): the newest ``amount`` cents of ``money``, and the older rest."""
    rest, kept = split_oldest(money, sum(money.values()) - amount, fallback)
    return kept, rest


def rollover_split(policy: dict, year: int, money: Vintages, allocated_cents: int
                   ) -> tuple[Vintages, Vintages]:
    """(carried, lapsed) money by vintage of a Smederij's available ``money`` at the rollover
    of ``year``: ``carry_split`` says how much carries; what carries is the newest money and
    what lapses the oldest, whatever the policy."""
    available = sum(money.values())
    carried, _ = carry_split(policy, year, available, allocated_cents, money)
    return split_newest(money, carried, year)


def project_money(postings: Sequence[dict]) -> tuple[Vintages, dict[int, Vintages]]:
    """A project's committed money by vintage, replayed from the postings on its committed
    accounts in booking order: (what is committed now, {payment transaction: what it took}).

    Each posting is a dict of ``txn_id``, ``kind`` (of its transaction), ``reverses``,
    ``cents``, ``year`` (of the account) and ``vintages`` (stored, or None: all of ``year``).
    A commitment adds the money it took from the available budget; a payment and a release use
    the oldest money first; a reversed payment gives back what the payment took; a carry-over
    moves the commitment between the project's own accounts and changes nothing."""
    money: Vintages = {}
    paid: dict[int, Vintages] = {}
    for p in postings:
        if p["kind"] == CARRY_OVER:
            continue
        if p["kind"] == PAYMENT and p["reverses"] is not None and p["reverses"] in paid:
            money = add_vintages(money, paid[p["reverses"]])
        elif p["vintages"]:
            money = add_vintages(money, p["vintages"])
        elif p["cents"] > 0:
            money = add_vintages(money, {p["year"]: p["cents"]})
        else:
            taken, money = split_oldest(money, -p["cents"], p["year"])
            if p["kind"] == PAYMENT:
                paid[p["txn_id"]] = taken
    return money, paid


def replay_vintages(postings: Iterable[dict], reversed_payments: Container[int] | None = None
                    ) -> Iterator[tuple[int, int, int, int]]:
    """The vintage rows (transaction, account, vintage, cents) that the rule gives a history,
    replayed from its first transaction: for a ledger written before the rule was kept (the
    migration that introduced it), and to check the rows kept as it goes.

    ``postings``: those on available and committed accounts, in booking order, each a dict of
    ``txn_id``, ``kind`` (of the transaction), ``reverses``, ``account_id``, ``account_kind``,
    ``project_id`` (of the account), ``year`` (of the account) and ``cents``; read one
    transaction at a time. A posting gets rows only where its money is not all of its
    account's year (rows of a posting sum to it). What each payment took is remembered only for
    the ``reversed_payments`` (all, when None): a national ledger has millions of payments."""
    available: dict[int, Vintages] = {}
    committed: dict[int, Vintages] = {}
    paid: dict[int, Vintages] = {}

    def keep(p: dict, money: Vintages, sign: int) -> Iterator[tuple[int, int, int, int]]:
        if money != {p["year"]: abs(p["cents"])}:
            yield from ((p["txn_id"], p["account_id"], v, sign * c) for v, c in money.items())

    for _, group in groupby(postings, key=itemgetter("txn_id")):
        txn = list(group)
        kind, moving = txn[0]["kind"], None
        if kind == CARRY_OVER and txn[0]["project_id"] is not None:
            continue  # a commitment carried between the project's own accounts
        for p in sorted(txn, key=itemgetter("cents")):  # what pays first, then what receives
            pots, key = ((available, p["account_id"]) if p["account_kind"] == AVAILABLE
                         else (committed, p["project_id"]))
            pot = pots.get(key, {})
            if p["cents"] < 0:
                split = split_newest if kind == CARRY_OVER else split_oldest
                taken, pots[key] = split(pot, -p["cents"], p["year"])
                if kind == PAYMENT and p["account_kind"] == COMMITTED:
                    if reversed_payments is None or p["txn_id"] in reversed_payments:
                        paid[p["txn_id"]] = taken
                else:
                    yield from keep(p, taken, -1)
                moving = taken
            else:
                if kind == PAYMENT and p["reverses"] is not None:
                    money = paid.pop(p["reverses"], {p["year"]: p["cents"]})
                elif moving is not None and kind != ALLOCATION:
                    money = moving
                else:
                    money = {p["year"]: p["cents"]}
                pots[key] = add_vintages(pot, money)
                if p["account_kind"] == AVAILABLE or kind != PAYMENT:
                    yield from keep(p, money, 1)
            if not pots[key]:
                del pots[key]
