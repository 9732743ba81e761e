"""The values an idea round is made of: plain, frozen data, shared by the counting rules, the
pabulib reader/writer, the round's storage and the command line. No SQL, no terminal, no I/O.

Money is integer cents. A ``.pb`` file counts in whole currency units; its reader turns them into
cents (x 100) so that every rule works on one unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

VOTE_TYPES = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
RULES = ("all-fit", "greedy", "greedy-no-skip", "greedy-partial", "mes", "mes-add1",
         "mes-add1-greedy")
TIE_BREAKS = ("lot", "cheaper", "signatures", "submitted", "id", "id-as-text")
OUTCOMES = ("funded", "partial", "not_funded", "below_threshold", "ineligible")


@dataclass(frozen=True)
class Idea:
    """One idea in a round. ``id`` is the ledger's idea id (for a round read from a ``.pb`` file
    without a ledger: its position, 1-based); ``external_id`` is the ``.pb`` project_id, or
    ``str(id)`` for an idea typed in by a clerk. ``submitted`` orders ideas by when they came in
    (the ``submitted`` tie-break)."""

    id: int
    external_id: str
    title: str
    cost_cents: int
    signatures: int = 0
    submitted: int = 0
    eligible: bool = True


@dataclass(frozen=True)
class Ballot:
    """One voter's valid marks. ``marks`` are idea ids; for ``ordinal`` in the voter's order
    (first = most preferred). ``points`` is parallel to ``marks`` for ``cumulative`` and
    ``scoring`` (None for the other vote types). A voided ballot is never handed to a count."""

    ref: str
    marks: tuple[int, ...]
    points: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Rules:
    """How a round is decided, fixed before the vote."""

    vote_type: str
    rule: str
    budget_cents: int
    tie_break: str = "id-as-text"
    seed: int | None = None           # for tie_break == "lot"
    max_marks: int | None = None      # approval/ordinal: at most this many ideas per ballot
    min_marks: int | None = None
    max_points: int | None = None     # cumulative/scoring: per-voter total of points
    max_points_per_idea: int | None = None
    min_score: int | None = None      # ideas scoring below it: "below_threshold"
    add1_unit_cents: int = 100        # mes-add1: each voter's share grows this much per step


@dataclass(frozen=True)
class IdeaResult:
    id: int
    external_id: str
    title: str
    cost_cents: int
    score: int
    votes: int
    rank: int | None
    outcome: str                      # one of OUTCOMES
    awarded_cents: int


@dataclass(frozen=True)
class Tie:
    """A tie that decided something: the ideas (ids) that tied, in the order the tie-break put
    them, and what it decided (e.g. "which idea is funded with the last € 1.500,00")."""

    ideas: tuple[int, ...]
    tie_break: str
    decided: str


@dataclass(frozen=True)
class CountResult:
    rule: str
    vote_type: str
    budget_cents: int
    valid: int
    void: int
    ideas: tuple[IdeaResult, ...]
    winners: tuple[int, ...]          # idea ids in selection order
    spent_cents: int
    left_cents: int
    ties: tuple[Tie, ...] = field(default=())
    # mes-add1-greedy: the winners the greedy completion added after MES (a subset of winners)
    completion: tuple[int, ...] = field(default=())

    def to_json(self) -> dict:
        """The stable ``round count --json`` shape (keys English, money in cents)."""
        by_id = {i.id: i for i in self.ideas}
        return {
            "rule": self.rule, "vote_type": self.vote_type, "budget_cents": self.budget_cents,
            "ballots": {"valid": self.valid, "void": self.void},
            "ideas": [{"id": i.id, "external_id": i.external_id, "title": i.title,
                       "cost_cents": i.cost_cents, "score": i.score, "votes": i.votes,
                       "rank": i.rank, "outcome": i.outcome, "awarded_cents": i.awarded_cents}
                      for i in self.ideas],
            "winners": list(self.winners),
            "winners_external": [by_id[w].external_id for w in self.winners],
            "spent_cents": self.spent_cents, "left_cents": self.left_cents,
            "ties": [{"ideas": list(t.ideas), "tie_break": t.tie_break, "decided": t.decided}
                     for t in self.ties],
        }
