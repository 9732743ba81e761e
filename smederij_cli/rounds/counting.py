"""The counting rules of an idea round: pure functions of (ideas, ballots, rules).

No SQL, no terminal, no I/O; money in integer cents; every comparison exact.

Scores. ``votes`` is the number of ballots naming an idea. ``score`` is what the ranking uses:
approval and choose-1: ballots naming the idea; cumulative and scoring: the points given to it;
ordinal: L - position + 1 for the idea at ``position`` (1 = first choice), with L the round's
``max_marks`` when set, else the length of that ballot (3-2-1 for a top 3; never below 0).

Eligibility. Ideas with ``eligible=False`` are "ineligible": never ranked, never funded. With a
``min_score``, eligible ideas scoring below it are "below_threshold": ranked, never funded.

Ranks. Eligible ideas are ranked by score, highest first; equal scores share a rank and the next
rank skips ("1, 2, 2, 4", standard competition ranking). The rank never breaks a tie: the
tie-break does, and only where the order decides something.

Rules.
- ``all-fit``: when every eligible idea fits the budget together, all are funded (Stuifzand:
  no vote needed). When they do not, the rule refuses (InvalidInput): such a round needs a rule
  that chooses.
- ``greedy``: down the ranking; fund an idea when it fits the money left, skip it when it does
  not, go on.
- ``greedy-no-skip``: down the ranking; stop at the first idea that does not fit.
- ``greedy-partial``: as no-skip, and the first idea that does not fit gets what is left
  (outcome "partial", ``awarded_cents`` = the remainder, still to be co-funded). It is listed in
  ``winners`` (last) because it receives money.
- ``mes``: the Method of Equal Shares. Every voter holds budget / number of ballots; an idea is
  bought by its supporters, each paying in proportion to their utility (approval: the idea's
  cost, so equal shares; cumulative/scoring: the points given) while they can, the poorer paying
  all they have; each step buys the idea with the lowest price per unit of utility (rho).
  Refused for choose-1 and ordinal rounds.
- ``mes-add1``: MES, then again with every voter's share raised by ``rules.add1_unit_cents``
  (100 cents: pabutools' ``voter_budget_increment=1`` in a .pb file's whole units; 1 euro in a
  ledger round) while the outcome still fits the budget, until no supported idea fits the money
  left (as pabulib's ``equalshares/add1``).
- ``mes-add1-greedy``: mes-add1, then ``greedy`` by score over the ideas not yet funded with
  the money left.

Tie-breaks, a total order of the ideas used only among ideas of equal score (greedy) or equal
price (MES): ``id-as-text`` the external id compared as text ("10" before "9"; pabutools'
lexicographic tie-breaking), ``id`` the idea id as a number, ``cheaper`` the lower cost first,
``signatures`` more signatures first, ``submitted`` the earlier submitted first (the last three
fall back on ``id``), ``lot`` a seeded draw: the order of sha256("<seed>:<external id>"), the
same on every machine and whatever order the ideas are listed in. A tie is reported in
``CountResult.ties`` when it decided something: for the greedy rules, when another order of the
tied ideas would give another outcome; for MES, when ideas were tied for a step and the outcome
funds some but not all of them.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import replace
from collections.abc import Sequence
from fractions import Fraction
from operator import mul, truediv

from smederij_cli import labels
from smederij_cli.errors import InvalidInput
from smederij_cli.labels import say
from smederij_cli.money import format_cents
from smederij_cli.rounds.model import (RULES, TIE_BREAKS, VOTE_TYPES, Ballot, CountResult, Idea,
                                       IdeaResult, Rules, Tie)

GREEDY_RULES = ("greedy", "greedy-no-skip", "greedy-partial")
MES_RULES = ("mes", "mes-add1", "mes-add1-greedy")
POINT_TYPES = ("cumulative", "scoring")
# Float steps whose decisions were closer than this (relative) are redone in exact fractions.
_FLOAT_MARGIN = 1e-9


# --- scores ----------------------------------------------------------------------------------

def scores(ideas: Sequence[Idea], ballots: Sequence[Ballot],
           rules: Rules) -> tuple[dict[int, int], dict[int, int]]:
    """(votes, score) per idea id, as the module docstring defines them."""
    votes = {i.id: 0 for i in ideas}
    score = {i.id: 0 for i in ideas}
    vote_type = rules.vote_type
    for ballot in ballots:
        if vote_type in POINT_TYPES and (ballot.points is None
                                         or len(ballot.points) != len(ballot.marks)):
            raise InvalidInput(say("round_points_per_idea", ref=ballot.ref, vote=vote_type))
        length = rules.max_marks or len(ballot.marks)
        for pos, mark in enumerate(ballot.marks):
            if mark not in votes:
                raise InvalidInput(say("round_ballot_foreign_idea", ref=ballot.ref, idea=mark))
            votes[mark] += 1
            if vote_type in POINT_TYPES:
                score[mark] += ballot.points[pos]
            elif vote_type == "ordinal":
                score[mark] += max(0, length - pos)
            else:
                score[mark] += 1
    return votes, score


# --- tie-breaks ------------------------------------------------------------------------------

def _unknown(what: str, value: str, known) -> str:
    """An unknown vote type, rule or tie-break (``what``: its catalogue key), with the known."""
    return say("round_unknown_one_of", what=say(what), value=repr(value), known=", ".join(known))


def tie_key(rules: Rules):
    """A function idea -> sort key giving the round's tie-break order (first = preferred)."""
    tb = rules.tie_break
    if tb == "id-as-text":
        return lambda i: (i.external_id, i.id)
    if tb == "id":
        return lambda i: (i.id,)
    if tb == "cheaper":
        return lambda i: (i.cost_cents, i.id)
    if tb == "signatures":
        return lambda i: (-i.signatures, i.id)
    if tb == "submitted":
        return lambda i: (i.submitted, i.id)
    if tb == "lot":
        seed = rules.seed
        return lambda i: (hashlib.sha256(f"{seed}:{i.external_id}".encode()).hexdigest(), i.id)
    raise InvalidInput(_unknown("round_what_tie_break", tb, TIE_BREAKS))


def _check(ideas: Sequence[Idea], rules: Rules) -> None:
    if rules.vote_type not in VOTE_TYPES:
        raise InvalidInput(_unknown("round_what_vote", rules.vote_type, VOTE_TYPES))
    if rules.rule not in RULES:
        raise InvalidInput(_unknown("round_what_rule", rules.rule, RULES))
    if rules.tie_break not in TIE_BREAKS:
        raise InvalidInput(_unknown("round_what_tie_break", rules.tie_break, TIE_BREAKS))
    if rules.tie_break == "lot" and rules.seed is None:
        raise InvalidInput(say("round_lot_seed"))
    if rules.budget_cents < 0:
        raise InvalidInput(say("round_budget_negative"))
    if rules.rule in MES_RULES and rules.vote_type == "choose-1":
        raise InvalidInput(say("round_mes_choose_1", rule=rules.rule))
    if rules.rule in MES_RULES and rules.vote_type == "ordinal":
        raise InvalidInput(say("round_mes_ordinal", rule=rules.rule))
    if rules.rule == "mes-add1" or rules.rule == "mes-add1-greedy":
        if rules.add1_unit_cents <= 0:
            raise InvalidInput(say("round_add1_step"))
    ids = [i.id for i in ideas]
    if len(set(ids)) != len(ids):
        raise InvalidInput(say("round_ideas_share_id"))
    for idea in ideas:
        if idea.cost_cents < 0:
            raise InvalidInput(say("round_idea_negative", idea=idea.external_id))


# --- the count -------------------------------------------------------------------------------

def count(ideas: Sequence[Idea], ballots: Sequence[Ballot], rules: Rules, *,
          void: int = 0) -> CountResult:
    """Count the (valid) ballots under ``rules``. ``void`` only reports how many ballots were
    voided. Pure and deterministic: the ballots' order does not matter."""
    ideas = tuple(ideas)
    _check(ideas, rules)
    votes, score = scores(ideas, ballots, rules)
    key = tie_key(rules)
    by_id = {i.id: i for i in ideas}

    eligible = [i for i in ideas if i.eligible]
    below = {i.id for i in eligible
             if rules.min_score is not None and score[i.id] < rules.min_score}
    candidates = [i for i in eligible if i.id not in below]
    ranking = sorted(candidates, key=lambda i: (-score[i.id], key(i)))

    ties: list[Tie] = []
    awarded: dict[int, int] = {}
    partial: set[int] = set()
    winners: list[int] = []
    completion: list[int] = []
    if rules.rule == "all-fit":
        total = sum(i.cost_cents for i in candidates)
        if total > rules.budget_cents:
            lang = labels.message_language
            raise InvalidInput(say("round_all_fit", total=format_cents(total, lang),
                                   more=format_cents(total - rules.budget_cents, lang)))
        winners = [i.id for i in ranking]
        awarded = {i.id: i.cost_cents for i in ranking}
    elif rules.rule in GREEDY_RULES:
        winners, awarded, partial = _greedy(ranking, rules.budget_cents, rules.rule)
        ties = _greedy_ties(ranking, score, rules, key, (winners, awarded))
    else:
        winners, ties, completion = _mes_rule(candidates, ballots, rules, key, score,
                                              len(ballots))
        awarded = {w: by_id[w].cost_cents for w in winners}

    spent = sum(awarded.values())
    results = []
    for idea in sorted(ideas, key=lambda i: (not i.eligible, -score[i.id], key(i))):
        if not idea.eligible:
            outcome, rank = "ineligible", None
        else:
            rank = 1 + sum(1 for o in eligible if score[o.id] > score[idea.id])
            if idea.id in below:
                outcome = "below_threshold"
            elif idea.id in partial:
                outcome = "partial"
            elif idea.id in awarded:
                outcome = "funded"
            else:
                outcome = "not_funded"
        results.append(IdeaResult(
            id=idea.id, external_id=idea.external_id, title=idea.title,
            cost_cents=idea.cost_cents, score=score[idea.id], votes=votes[idea.id], rank=rank,
            outcome=outcome, awarded_cents=awarded.get(idea.id, 0)))
    return CountResult(
        rule=rules.rule, vote_type=rules.vote_type, budget_cents=rules.budget_cents,
        valid=len(ballots), void=void, ideas=tuple(results), winners=tuple(winners),
        spent_cents=spent, left_cents=rules.budget_cents - spent, ties=tuple(ties),
        completion=tuple(completion))


# --- greedy ----------------------------------------------------------------------------------

def _greedy(order: Sequence[Idea], budget: int, rule: str):
    """(winners in order, awarded cents per id, ids with a partial award)."""
    left = budget
    winners: list[int] = []
    awarded: dict[int, int] = {}
    partial: set[int] = set()
    for idea in order:
        if idea.cost_cents <= left:
            winners.append(idea.id)
            awarded[idea.id] = idea.cost_cents
            left -= idea.cost_cents
        elif rule == "greedy":
            continue
        else:
            if rule == "greedy-partial" and left > 0:
                winners.append(idea.id)
                awarded[idea.id] = left
                partial.add(idea.id)
            break
    return winners, awarded, partial


def _greedy_ties(ranking, score, rules, key, outcome) -> list[Tie]:
    """The ties among equal scores whose order decides the outcome: each group of tied ideas is
    tried in other orders (all of them up to 6 ideas; else reversed and each one first)."""
    ties = []
    _, base_awarded = outcome
    for s, group in itertools.groupby(ranking, key=lambda i: score[i.id]):
        group = list(group)
        if len(group) < 2:
            continue
        start = ranking.index(group[0])
        if len(group) <= 6:
            orders = itertools.permutations(group)
        else:
            orders = [group[::-1]] + [[g] + [o for o in group if o is not g] for g in group]
        for alt in orders:
            alt = list(alt)
            if alt == group:
                continue
            order = ranking[:start] + alt + ranking[start + len(group):]
            _, awarded, _ = _greedy(order, rules.budget_cents, rules.rule)
            if awarded != base_awarded:
                ties.append(Tie(ideas=tuple(i.id for i in group), tie_break=rules.tie_break,
                                decided=_decided(group, base_awarded, s)))
                break
    return ties


def _decided(group, awarded, s) -> str:
    parts = []
    for idea in group:
        got = awarded.get(idea.id, 0)
        if got == idea.cost_cents:
            parts.append(f"{idea.external_id} funded")
        elif got:
            parts.append(f"{idea.external_id} partly funded ({got} cents)")
        else:
            parts.append(f"{idea.external_id} not funded")
    return f"equal score {s}: " + ", ".join(parts)


# --- the Method of Equal Shares ---------------------------------------------------------------

class _Mes:
    """The fixed part of an MES count: voters with the same marks (and points) are one group
    with a weight; per idea the groups supporting it and their utility."""

    def __init__(self, candidates, ballots, rules, key):
        self.budget = rules.budget_cents
        self.n = len(ballots)
        self.key = key
        cand = {i.id: i for i in candidates}
        self.cost = {i.id: i.cost_cents for i in candidates}
        approval = rules.vote_type not in POINT_TYPES
        groups: dict[tuple, int] = {}
        for b in ballots:
            if approval:
                util = tuple(sorted((m, cand[m].cost_cents) for m in set(b.marks) if m in cand))
            else:
                points: dict[int, int] = {}
                for m, p in zip(b.marks, b.points):
                    if m in cand:
                        points[m] = points.get(m, 0) + p
                util = tuple(sorted((m, p) for m, p in points.items() if p > 0))
            groups[util] = groups.get(util, 0) + 1
        self.weights = list(groups.values())
        self.support: dict[int, list[tuple[int, int]]] = {i: [] for i in cand}
        for g, util in enumerate(groups):
            for m, u in util:
                self.support[m].append((g, u))
        self.total_util = {i: sum(self.weights[g] * u for g, u in self.support[i])
                           for i in cand}
        # supported ideas that cost nothing are bought before anything else (as pabutools does)
        self.free = sorted((cand[i] for i in cand
                            if self.total_util[i] > 0 and self.cost[i] == 0), key=key)
        self.priced = [cand[i] for i in cand if self.total_util[i] > 0 and self.cost[i] > 0]
        self.ideas = cand
        self.priced_ids = [i.id for i in self.priced]
        self.sup_groups = {i: [g for g, _ in sup] for i, sup in self.support.items()}
        self.sup_utils = {i: [u for _, u in sup] for i, sup in self.support.items()}
        self.sup_weights = {i: [self.weights[g] for g, _ in sup]
                            for i, sup in self.support.items()}

    def run(self, per_voter, exact: bool, payments: dict | None = None):
        """One MES pass with ``per_voter`` cents each. Returns (selection in order, ties as
        lists of tied idea ids with the chosen first, the smallest relative margin of any
        decision that floats could get wrong: inf for exact passes). ``payments``, when given,
        receives what each voter group paid for each idea bought: {(group, idea id): amount}.

        A float pass decides like the exact one as long as that margin stays above
        _FLOAT_MARGIN: prices that are equal are compared exactly whenever no supporter is poor
        (the price is then cost / total utility, two integers), which is how most ties arise."""
        zero = Fraction(0) if exact else 0.0
        weights = self.weights
        cost = self.cost
        key = self.key
        ideas = self.ideas
        budget = [per_voter] * len(weights)
        if exact:
            stale = {i: Fraction(cost[i], self.total_util[i]) for i in self.priced_ids}
        else:
            stale = {i: cost[i] / self.total_util[i] for i in self.priced_ids}
        alive = set(self.priced_ids)
        selected = [i.id for i in self.free]
        ties: list[list[int]] = []
        margin = float("inf")
        get = budget.__getitem__
        while alive:
            order = sorted(alive, key=lambda i: (stale[i], key(ideas[i])))
            best = None          # the lowest price so far
            best_exact = None    # ... as a Fraction when known exactly (float passes)
            tied: list[int] = []
            for i in order:
                if best is not None and stale[i] > best:
                    if exact or stale[i] > best * (1 + _FLOAT_MARGIN):
                        break
                groups, utils, wts = self.sup_groups[i], self.sup_utils[i], self.sup_weights[i]
                c = cost[i]
                here = list(map(get, groups))
                avail = sum(map(mul, wts, here))
                if not exact and avail and abs(avail - c) <= _FLOAT_MARGIN * c:
                    margin = 0.0
                if avail < c:
                    alive.discard(i)
                    continue
                util_total = self.total_util[i]
                if exact:
                    rho = Fraction(c, util_total)
                else:
                    rho = c / util_total
                low = min(map(truediv, here, utils))
                rho_exact = Fraction(c, util_total) if not exact else rho
                if low < rho:
                    # some supporters cannot pay their share: they pay all they have
                    rho_exact = None
                    paid = zero
                    util_left = util_total
                    for b, u, w in sorted(zip(here, utils, wts), key=lambda t: t[0] / t[1]):
                        rho = Fraction(c - paid, util_left) if exact else (c - paid) / util_left
                        need = rho * u
                        if not exact:
                            margin = min(margin, abs(need - b) / max(need, b))
                        if need <= b:
                            break
                        paid += w * b
                        util_left -= w * u
                elif not exact:
                    margin = min(margin, (low - rho) / rho if rho else float("inf"))
                stale[i] = rho
                if best is None:
                    best, best_exact, tied = rho, rho_exact, [i]
                    continue
                if exact:
                    if rho < best:
                        best, tied = rho, [i]
                    elif rho == best:
                        tied.append(i)
                    continue
                if abs(rho - best) <= _FLOAT_MARGIN * best:
                    if rho_exact is None or best_exact is None:
                        margin = 0.0      # a near tie floats cannot settle
                        if rho < best:
                            best, best_exact, tied = rho, rho_exact, [i]
                        continue
                    if rho_exact < best_exact:
                        best, best_exact, tied = rho, rho_exact, [i]
                    elif rho_exact == best_exact:
                        tied.append(i)
                elif rho < best:
                    best, best_exact, tied = rho, rho_exact, [i]
            if best is None:
                break
            if len(tied) > 1:
                tied.sort(key=lambda i: key(ideas[i]))
                ties.append(tied)
            chosen = tied[0]
            selected.append(chosen)
            alive.discard(chosen)
            if not exact and best_exact is not None:
                best = float(best_exact)
            for g, u in zip(self.sup_groups[chosen], self.sup_utils[chosen]):
                pay = best * u
                if payments is not None:
                    payments[(g, chosen)] = min(pay, budget[g])
                budget[g] = budget[g] - pay if pay < budget[g] else zero
        return selected, ties, (float("inf") if exact else margin)

    def exact_run(self, per_voter: Fraction):
        selected, ties, _ = self.run(per_voter, exact=True)
        return selected, ties

    def screened_run(self, per_voter: Fraction):
        """The selection of an exact pass, found in floats when every decision is clear by more
        than _FLOAT_MARGIN (relative), else redone in exact fractions."""
        selected, _, margin = self.run(float(per_voter), exact=False)
        if margin > _FLOAT_MARGIN:
            return selected
        return self.exact_run(per_voter)[0]

    def spent(self, selection) -> int:
        return sum(self.cost[i] for i in selection)

    def exhaustive(self, selection) -> bool:
        left = self.budget - self.spent(selection)
        chosen = set(selection)
        return all(self.cost[i.id] > left for i in self.priced if i.id not in chosen)


def _mes_rule(candidates, ballots, rules, key, score, n_ballots):
    if n_ballots == 0 or not candidates:
        return [], [], []
    mes = _Mes(candidates, ballots, rules, key)
    start = Fraction(rules.budget_cents, n_ballots)
    if rules.rule == "mes":
        selection, ties = mes.exact_run(start)
    else:
        step = rules.add1_unit_cents
        per_voter = start
        previous = None
        while True:
            selection = mes.screened_run(per_voter)
            if mes.spent(selection) > rules.budget_cents:
                per_voter -= step
                break
            if mes.exhaustive(selection):
                break
            previous = selection
            per_voter += step
        if previous is None and per_voter < start:
            selection, ties = list(mes.free), []
        else:
            # the outcome reported is always an exact pass (with its ties)
            selection, ties = mes.exact_run(per_voter)
    winners = list(selection)
    completion_ties: list[Tie] = []
    more: list[int] = []
    if rules.rule == "mes-add1-greedy":
        left = rules.budget_cents - mes.spent(winners)
        chosen = set(winners)
        rest = sorted((i for i in candidates if i.id not in chosen),
                      key=lambda i: (-score[i.id], key(i)))
        more, awarded, _ = _greedy(rest, left, "greedy")
        winners += more
        completion_ties = _greedy_ties(rest, score, replace(rules, rule="greedy",
                                                            budget_cents=left),
                                       key, (more, awarded))
    funded = set(winners)
    decisive = []
    for group in ties:
        inside = [i for i in group if i in funded]
        if inside and len(inside) < len(group):
            ideas = [mes.ideas[i] for i in group]
            decisive.append(Tie(ideas=tuple(group), tie_break=rules.tie_break,
                                decided="equal price per unit of support (MES): "
                                + ", ".join(f"{i.external_id} "
                                            f"{'funded' if i.id in funded else 'not funded'}"
                                            for i in ideas)))
    return winners, decisive + completion_ties, more
