"""The rules of the programme that need no ledger: names, the project lifecycle, fair splits.

Pure functions and constants only: no SQL, no terminal. ``ledger.py`` applies them to a store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from smederij_cli.errors import InvalidInput, NotAllowed

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
        possible = [s.name for s in STEPS.values() if status in s.sources]
        hint = f"possible now: {', '.join(possible)}" if possible else "it is closed"
        raise NotAllowed(
            f"project {project_id} is {status}; cannot {step_name} it "
            f"(only from {' or '.join(step.sources)}); {hint}")
    return step.target


def check_theme(theme: str | None) -> str | None:
    if theme is not None and theme not in ALL_THEMES:
        raise InvalidInput(f"unknown theme {theme!r}: choose one of {', '.join(ALL_THEMES)}")
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
        raise NotAllowed("there is no active Smederij to allocate to: run 'smederij init'")
    n = len(weights)
    rest = total_cents - base_cents * n
    if rest < 0:
        raise InvalidInput(
            f"a base of {base_cents} cents for each of {n} Smederijen is more than the total "
            f"{total_cents}: lower --base or raise --total")
    if any(w < 0 for _, w in weights):
        raise InvalidInput("weights must not be negative")
    if sum(w for _, w in weights) == 0:
        weights = [(key, 1) for key, _ in weights]
    weight_sum = sum(w for _, w in weights)
    floors = {key: rest * w // weight_sum for key, w in weights}
    remainders = sorted(range(n), key=lambda i: (-(rest * weights[i][1] % weight_sum), i))
    for i in remainders[: rest - sum(floors.values())]:
        floors[weights[i][0]] += 1
    return {key: base_cents + floors[key] for key, _ in weights}
