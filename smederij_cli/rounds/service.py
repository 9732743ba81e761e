"""What a clerk can do with an idea round, and the rules each step keeps.

A round goes ``open`` (ideas come in) -> ``voting`` (ideas closed, eligibility decided, ballots
typed in) -> ``counted`` (a count was shown) -> ``awarded`` (the winners are approved projects).
Every refusal is a ``SmederijError`` raised before anything is written; every write is one
``Store.write()`` with one audit line. No SQL (``rounds.store``), no terminal (the CLI renders).

The count shown last. ``count`` itself is pure: a function of the stored ideas, ballots, rule
and tie-break. What the clerk was shown (and announced at the meeting) is kept in the round, so
that ``award`` can refuse when a ballot typed in or voided since would change what was
announced. Keeping it is a write of round state, not of money: ``round count`` under the round's
own rule and tie-break stores the result it shows, with one audit row, when it differs from the
one stored (counting again with nothing changed writes nothing); a count under another rule or
tie-break (``--rule``, ``--tie-break``: "what if") is shown only and never stored.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from smederij_cli import dates, labels
from smederij_cli import domain as d
from smederij_cli.errors import InsufficientFunds, InvalidInput, NotAllowed, NotFound
from smederij_cli.labels import say
from smederij_cli.ledger import MAX_COUNT, MAX_ID, Ledger, check_year, clean_text
from smederij_cli.money import format_cents
from smederij_cli.rounds.model import (RULES, TIE_BREAKS, VOTE_TYPES, Ballot, CountResult, Idea,
                                       Rules)
from smederij_cli.rounds.store import RoundStore

POINTS = ("cumulative", "scoring")  # vote types whose marks carry points
MES = ("mes", "mes-add1", "mes-add1-greedy")
MAX_REF = 40
_REF = re.compile(r"[^\s;,]+")


@dataclass(frozen=True)
class Closing:
    """What closing the ideas decided."""

    round_id: int
    eligible: list[int]
    ineligible: list[tuple[int, str]]
    no_vote: bool
    eligible_cents: int


class Rounds:
    """The idea rounds of one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.store = ledger.store
        self.rs = RoundStore(ledger.store)

    # -- a new round, its ideas ------------------------------------------------------------------

    def new(self, *, smederij: str, stream: str, year: int, name: str, budget_cents: int,
            vote_type: str, rule: str, tie_break: str = "submitted", seed: int | None = None,
            max_marks: int | None = None, min_marks: int | None = None,
            max_points: int | None = None, max_points_per_idea: int | None = None,
            min_score: int | None = None, min_signatures: int = 0,
            min_request_cents: int | None = None, max_request_cents: int | None = None,
            meta: dict | None = None) -> int:
        led = self.ledger
        led.smederij(smederij, active=True)
        led.stream(stream)
        check_year(year)
        name = clean_text(name, say("round_field_name"), required=True)
        _one_of(vote_type, VOTE_TYPES, "round_what_vote", "--vote")
        _one_of(rule, RULES, "round_what_rule", "--rule")
        _one_of(tie_break, TIE_BREAKS, "round_what_tie_break", "--tie-break")
        if rule in MES and vote_type in ("choose-1", "ordinal"):
            raise InvalidInput(say("round_mes_needs", rule=rule, vote=vote_type))
        for what, value in (("--max-marks", max_marks), ("--max-points", max_points),
                            ("--max-points-per-idea", max_points_per_idea)):
            if value is not None and not 0 < value <= MAX_COUNT:
                raise InvalidInput(say("round_limit_range", option=what, value=value,
                                       most=_count(MAX_COUNT)))
        if min_marks is not None and not 0 <= min_marks <= (max_marks or MAX_COUNT):
            raise InvalidInput(say("round_min_marks_range", value=min_marks))
        if not 0 <= min_signatures <= MAX_COUNT:
            raise InvalidInput(say("round_min_signatures_range", value=min_signatures))
        if vote_type == "choose-1" and (max_marks or 1) != 1:
            raise InvalidInput(say("round_choose_1_max_marks"))
        if (min_request_cents and max_request_cents
                and min_request_cents > max_request_cents):
            raise InvalidInput(say("round_request_order"))
        if tie_break == "lot" and seed is None:
            import secrets  # here only: random, hashlib and hmac cost every start

            seed = secrets.randbelow(10**6)  # stated before the vote: shown by 'round show'
        with self.store.write():
            led.ensure_open(year, say("round_doing_start"))
            if self.rs.round_named(smederij, stream, year, name):
                raise NotAllowed(say("round_name_taken", smederij=smederij, stream=stream,
                                     name=repr(name), year=year))
            round_id = self.rs.insert_round({
                "smederij": smederij, "stream": stream, "year": year, "name": name,
                "budget_cents": budget_cents, "vote_type": vote_type, "rule": rule,
                "tie_break": tie_break, "seed": seed, "max_marks": max_marks,
                "min_marks": min_marks, "max_points": max_points,
                "max_points_per_idea": max_points_per_idea, "min_score": min_score,
                "min_signatures": min_signatures, "min_request_cents": min_request_cents,
                "max_request_cents": max_request_cents,
                "meta": json.dumps(meta or {}, ensure_ascii=False)})
            self.store.note("log_round_new_seed" if tie_break == "lot" else "log_round_new",
                            round=round_id, smederij=smederij, stream=stream, year=year,
                            name=name, budget_cents=budget_cents, vote_type=vote_type,
                            rule=rule, tie_break=tie_break,
                            **({"seed": seed} if tie_break == "lot" else {}))
        return round_id

    def round(self, round_id: int) -> dict:
        row = self.rs.round(round_id) if 0 < round_id <= MAX_ID else None
        if row is None:
            raise NotFound(say("round_unknown", round=round_id))
        return row

    def add_idea(self, round_id: int, *, title: str, amount_cents: int, signatures: int = 0,
                 theme: str | None = None) -> int:
        title = clean_text(title, say("round_field_title"), required=True)
        d.check_theme(theme)
        if not 0 <= signatures <= MAX_COUNT:
            raise InvalidInput(say("round_signatures_range", value=signatures,
                                   most=_count(MAX_COUNT)))
        with self.store.write():
            r = self.round(round_id)
            if r["state"] != "open":
                raise NotAllowed(say("round_ideas_closed", round=round_id,
                                     state=state_word(r["state"])))
            self.ledger.ensure_open(r["year"], say("round_doing_idea"))
            idea_id = self.rs.insert_idea(round_id, title=title, theme=theme,
                                          amount_cents=amount_cents, signatures=signatures)
            self.store.note("log_idea_added", idea=idea_id, round=round_id, title=title,
                            amount_cents=amount_cents, n=signatures)
        return idea_id

    def close_ideas(self, round_id: int) -> Closing:
        """Decide which ideas may be voted on (signatures, request limits, the budget); when all
        eligible ideas fit the budget together no vote is needed."""
        with self.store.write():
            r = self.round(round_id)
            if r["state"] != "open":
                raise NotAllowed(say("round_ideas_closed_already", round=round_id,
                                     state=state_word(r["state"])))
            self.ledger.ensure_open(r["year"], say("round_doing_close"))
            ideas = self.rs.ideas(round_id)
            if not ideas:
                raise NotAllowed(say("round_no_ideas", round=round_id))
            decided = [(i["id"], ineligible_reason(r, i)) for i in ideas]
            self.rs.set_eligibility([(iid, reason is None, reason)
                                     for iid, reason in decided])
            eligible = [iid for iid, reason in decided if reason is None]
            cents = sum(i["amount_cents"] for i in ideas if i["id"] in eligible)
            no_vote = cents <= r["budget_cents"]
            self.rs.set_state(round_id, "voting", no_vote=int(no_vote))
            self.store.note("log_ideas_closed", round=round_id, n=len(eligible),
                            n_ideas=len(ideas), amount_cents=cents,
                            no_vote=[["log_no_vote", {}]] if no_vote else [])
        return Closing(round_id, eligible, [(iid, why) for iid, why in decided if why],
                       no_vote, cents)

    # -- ballots ---------------------------------------------------------------------------------

    def add_ballot(self, round_id: int, ref: str, marks: str) -> int:
        with self.store.write():
            r = self._voting(round_id)
            ideas = self._eligible_ids(round_id)
            valid = self.rs.valid_refs(round_id)
            ref = _check_ref(ref)
            if ref in valid:
                raise NotAllowed(say("round_ballot_there", ref=ref, round=round_id))
            parsed = parse_marks(marks, r, ideas)
            self.rs.insert_ballots(round_id, [(ref, *parsed)])
            self.rs.set_state(round_id, "voting")
            self.store.note("log_ballot_added", ref=ref, round=round_id, marks=marks.strip())
        return len(valid) + 1

    def import_ballots(self, round_id: int, path: Path, *, dry_run: bool = False) -> dict:
        """Ballots from a CSV file with columns ``ref`` and ``marks`` (``;`` or ``,``), all or
        nothing: every bad row is listed with its line, and then nothing is written."""
        path = Path(path)
        text = _read_text(path)
        with self.ledger._writing(not dry_run):
            r = self._voting(round_id)
            ideas = self._eligible_ids(round_id)
            seen = dict(self.rs.valid_refs(round_id))
            rows, problems = [], []
            for line, ref, marks in _csv_rows(text, path):
                try:
                    if ref is None:  # a row that could not be split: marks says why
                        raise InvalidInput(marks)
                    ref = _check_ref(ref)
                    if ref in seen:
                        raise InvalidInput(say("round_ballot_there_already", ref=ref))
                    parsed = parse_marks(marks, r, ideas)
                except InvalidInput as e:
                    problems.append(say("round_row_problem", line=line, problem=e))
                    continue
                seen[ref] = 0
                rows.append((ref, *parsed))
            if problems:
                shown = "; ".join(problems[:20]) + ("; " + say("round_and_more",
                                                             n=_count(len(problems) - 20))
                                                    if len(problems) > 20 else "")
                raise InvalidInput(say("round_bad_rows", file=path, n=_count(len(problems)),
                                       problems=shown))
            if not rows:
                raise InvalidInput(say("round_csv_no_ballots", file=path))
            if not dry_run:
                self.rs.insert_ballots(round_id, rows)
                self.rs.set_state(round_id, "voting")
                self.store.note("log_ballots_imported", n=len(rows), round=round_id,
                                path=str(path))
        return {"round": round_id, "ballots": len(rows), "dry_run": dry_run}

    def void(self, round_id: int, ref: str, reason: str) -> None:
        reason = clean_text(reason, say("round_field_reason"), required=True)
        with self.store.write():
            self._voting(round_id)
            ballot_id = self.rs.valid_refs(round_id).get(ref)
            if ballot_id is None:
                raise NotFound(say("round_no_such_ballot", round=round_id, ref=repr(ref)))
            self.rs.void(ballot_id, reason)
            self.rs.set_state(round_id, "voting")
            self.store.note("log_ballot_voided", ref=ref, round=round_id, reason=reason)

    # -- count and award -------------------------------------------------------------------------

    def rules(self, r: dict, *, rule: str | None = None,
              tie_break: str | None = None) -> Rules:
        rule = rule or ("all-fit" if r["no_vote"] else r["rule"])
        tie_break = tie_break or r["tie_break"]
        _one_of(rule, RULES, "round_what_rule", "--rule")
        _one_of(tie_break, TIE_BREAKS, "round_what_tie_break", "--tie-break")
        if rule in MES and r["vote_type"] == "choose-1":
            raise InvalidInput(say("round_mes_one_mark", rule=rule, round=r["id"]))
        return Rules(vote_type=r["vote_type"], rule=rule, budget_cents=r["budget_cents"],
                     tie_break=tie_break, seed=r["seed"], max_marks=r["max_marks"],
                     min_marks=r["min_marks"], max_points=r["max_points"],
                     max_points_per_idea=r["max_points_per_idea"], min_score=r["min_score"])

    def count(self, round_id: int, *, rule: str | None = None,
              tie_break: str | None = None) -> CountResult:
        """The pure count of the stored ballots (writes nothing)."""
        with self.store.snapshot():
            r = self.round(round_id)
            if r["state"] == "open":
                raise NotAllowed(say("round_still_open_count", round=round_id))
            return self._count(r, self.rules(r, rule=rule, tie_break=tie_break))

    def _count(self, r: dict, rules: Rules) -> CountResult:
        from smederij_cli.rounds.counting import count

        ideas = [Idea(id=i["id"], external_id=i["external_id"], title=i["title"],
                      cost_cents=i["amount_cents"], signatures=i["signatures"],
                      submitted=i["submitted"], eligible=bool(i["eligible"]))
                 for i in self.rs.ideas(r["id"])]
        ballots = [Ballot(ref=b["ref"], marks=tuple(b["marks"]),
                          points=None if b["points"] is None else tuple(b["points"]))
                   for b in self.rs.ballots(r["id"])]
        return count(ideas, ballots, rules, void=self.rs.void_count(r["id"]))

    def show_count(self, round_id: int, *, rule: str | None = None,
                   tie_break: str | None = None) -> tuple[CountResult, bool]:
        """``count``; under the round's own rule and tie-break also kept as the count shown
        last (see the module's note). Returns (result, whether this count was stored now)."""
        r = self.round(round_id)
        own = rule in (None, r["rule"]) and tie_break in (None, r["tie_break"])
        if not own or r["state"] == "awarded" or self.store.read_only:
            return self.count(round_id, rule=rule, tie_break=tie_break), False
        with self.store.write():
            r = self.round(round_id)
            result = self.count(round_id)
            shown = json.dumps(result.to_json(), sort_keys=True)
            if shown == r["shown_count"] and r["state"] == "counted":
                return result, False
            self.rs.set_state(round_id, "counted", shown_count=shown)
            self.store.note("log_counted", round=round_id, rule=result.rule, n=result.valid,
                            winners=list(result.winners), spent_cents=result.spent_cents,
                            budget_cents=result.budget_cents)
        return result, True

    def award(self, round_id: int, date: _dt.date | None, note: str = "") -> dict:
        """Recount, and if the count is the one shown last and the Smederij's available budget
        covers it, make every winning idea an approved project: all in one transaction."""
        note = clean_text(note, say("round_field_note"))
        led = self.ledger
        with self.store.write():
            r = self.round(round_id)
            if r["state"] == "awarded":
                raise NotAllowed(say("round_awarded_already", round=round_id,
                                     date=_date(r["award_date"])))
            if r["state"] == "open":
                raise NotAllowed(say("round_still_open_award", round=round_id))
            led.ensure_open(r["year"], say("round_doing_award"))
            if date is None:  # as every money entry: today, or 1 January of a later year
                date = dates.entry_date(None, r["year"], say("round_doing_award_of",
                                                             round=round_id),
                                        last_closed=self.store.last_closed_year(),
                                        today=dates.today())
            if date.year != r["year"]:
                raise InvalidInput(say("round_award_year", year=r["year"],
                                       date=date.isoformat()))
            if not r["shown_count"]:
                raise NotAllowed(say("round_not_counted", round=round_id))
            result = self._count(r, self.rules(r))
            now = result.to_json()
            shown = json.loads(r["shown_count"])
            if now != shown:
                raise NotAllowed(say("round_count_differs", round=round_id,
                                     difference=_difference(shown, now)))
            winners = [i for i in result.ideas if i.id in result.winners
                       and i.awarded_cents > 0]
            total = sum(i.awarded_cents for i in winners)
            available = self.store.balance(d.available_account(r["year"], r["smederij"],
                                                               r["stream"]))
            if total > available:
                name = led.smederij(r["smederij"])["name"]
                raise InsufficientFunds(say(
                    "round_award_short", round=round_id, n=_count(len(winners)),
                    total=_money(total), name=name, available=_money(available),
                    stream=r["stream"], year=r["year"], short=_money(total - available)))
            ideas = {i["id"]: i for i in self.rs.ideas(round_id)}
            projects = []
            for w in sorted(winners, key=lambda w: result.winners.index(w.id)):
                idea = ideas[w.id]
                pid = led.add_project(
                    smederij=r["smederij"], stream=r["stream"], year=r["year"],
                    title=idea["title"], amount_cents=idea["amount_cents"], theme=idea["theme"],
                    supporters=idea["signatures"], date=date,
                    note=say("round_project_note", idea=w.id, round=round_id, name=r["name"]))
                rest = idea["amount_cents"] - w.awarded_cents
                led.approve(pid, date, amount_cents=w.awarded_cents, note="; ".join(
                    x for x in (say("round_approve_note", round=round_id), note,
                                say("round_approve_cofund", rest=_money(rest)) if rest > 0
                                else "") if x))
                self.rs.set_award(w.id, pid, w.awarded_cents)
                projects.append({"idea": w.id, "project": pid, "title": idea["title"],
                                 "awarded_cents": w.awarded_cents,
                                 "to_cofund_cents": max(rest, 0)})
            self.rs.set_state(round_id, "awarded", awarded_count=json.dumps(now, sort_keys=True),
                              award_date=date.isoformat())
            self.store.note(
                "log_awarded", round=round_id, smederij=r["smederij"], stream=r["stream"],
                year=r["year"], name=r["name"], n=len(projects),
                projects=[p["project"] for p in projects], amount_cents=total, headline=True)
        return {"round": round_id, "date": date.isoformat(), "projects": projects,
                "committed_cents": total,
                "left_cents": r["budget_cents"] - total}

    # -- pabulib ---------------------------------------------------------------------------------

    def import_pb(self, path: Path, *, smederij: str, stream: str, year: int,
                  name: str | None = None) -> int:
        """A round from a ``.pb`` file, in one transaction: its rule, ideas (with their
        ``project_id`` as external id) and ballots (the voter id as ref); ideas closed, every
        idea eligible, ready to count. What else the file holds (its META, other columns) is
        kept with the round, so that ``export_pb`` writes the same round."""
        from smederij_cli.rounds.pabulib import read_pb

        path = Path(path)
        if not path.is_file():
            raise NotFound(say("round_no_pb_file", file=path))
        pb = read_pb(path)
        rules = pb.rules
        with self.store.write():
            round_id = self.new(
                smederij=smederij, stream=stream, year=year, name=name or path.stem,
                budget_cents=rules.budget_cents, vote_type=rules.vote_type, rule=rules.rule,
                tie_break=rules.tie_break, seed=rules.seed, max_marks=rules.max_marks,
                min_marks=rules.min_marks, max_points=rules.max_points,
                max_points_per_idea=rules.max_points_per_idea, min_score=rules.min_score,
                meta={"pb_meta": pb.meta,
                      "project_columns": {i.external_id: pb.project_columns.get(i.id, {})
                                          for i in pb.ideas},
                      "voter_columns": pb.voter_columns, "source": path.name})
            ids = {}
            for i in pb.ideas:
                ids[i.id] = self.rs.insert_idea(round_id, title=i.title, theme=None,
                                                amount_cents=i.cost_cents,
                                                signatures=i.signatures,
                                                external_id=i.external_id)
            self.rs.set_eligibility([(iid, True, None) for iid in ids.values()])
            self.rs.insert_ballots(round_id, [
                (b.ref, [ids[m] for m in b.marks], None if b.points is None else list(b.points))
                for b in pb.ballots])
            self.rs.set_state(round_id, "voting")
            self.store.note("log_round_imported", round=round_id, smederij=smederij,
                            stream=stream, year=year, file=path.name, n_ideas=len(ids),
                            n_ballots=len(pb.ballots), vote_type=rules.vote_type,
                            rule=rules.rule, headline=True)
        return round_id

    def export_pb(self, round_id: int) -> str:
        """The round as ``.pb`` text (pabulib's format): the ideas that were on the ballot (by
        their external ids), the valid ballots, and once the ideas are closed the count's
        outcome as the ``selected`` column."""
        with self.store.snapshot():
            return self._export_pb(round_id)

    def _export_pb(self, round_id: int) -> str:
        from smederij_cli.rounds.pabulib import PbRound, write_pb

        r = self.round(round_id)
        ideas = [i for i in self.rs.ideas(round_id) if i["eligible"] != 0]
        ballots = self.rs.ballots(round_id)
        meta = json.loads(r["meta"] or "{}")
        pb_meta = dict(meta.get("pb_meta") or {})
        pb_meta.setdefault("description", f"{r['smederij']} {r['stream']} {r['year']} "
                                          f"{r['name']}")
        pb_meta.setdefault("country", "Netherlands")
        pb_meta.setdefault("unit", "Hoogeveen")
        pb_meta.setdefault("instance", str(r["year"]))
        pb_meta.setdefault("currency", "EUR")
        if not meta.get("pb_meta"):  # a clerk's round: say where and in which language
            pb_meta.setdefault("subunit", self.ledger.smederij(r["smederij"])["name"])
            pb_meta.setdefault("language", "nl")
        columns = meta.get("project_columns") or {}
        voters = meta.get("voter_columns") or {}
        position = {i["id"]: n for n, i in enumerate(ideas, 1)}
        pb = PbRound(
            ideas=tuple(Idea(id=position[i["id"]], external_id=i["external_id"],
                             title=i["title"], cost_cents=i["amount_cents"],
                             signatures=i["signatures"], submitted=i["submitted"],
                             eligible=bool(i["eligible"] if i["eligible"] is not None else 1))
                        for i in ideas),
            ballots=tuple(Ballot(ref=b["ref"], marks=tuple(position[m] for m in b["marks"]),
                                 points=None if b["points"] is None else tuple(b["points"]))
                          for b in ballots),
            rules=self.rules(r), meta=pb_meta,
            project_columns={position[i["id"]]: columns.get(i["external_id"], {})
                             for i in ideas},
            voter_columns={b["ref"]: voters.get(b["ref"], {}) for b in ballots})
        if r["state"] != "open" and pb.selected is None:
            # the count's outcome as the file's selected column, so that the file states it
            # and pabulib's checker can verify it (a file that came with one keeps its own)
            result = self._count(r, pb.rules)
            pb = pb.with_selected(replace(
                result, ideas=tuple(replace(i, id=position[i.id]) for i in result.ideas
                                    if i.id in position),
                winners=tuple(position[w] for w in result.winners),
                completion=tuple(position[c] for c in result.completion)))
        return write_pb(pb)

    # -- reading ---------------------------------------------------------------------------------

    def list(self, *, year: int | None = None, smederij: str | None = None) -> list[dict]:
        if year is not None:
            check_year(year)
        if smederij:
            self.ledger.smederij(smederij)
        return self.rs.rounds(year=year, smederij=smederij)

    def show(self, round_id: int) -> dict:
        with self.store.snapshot():
            r = self.round(round_id)
            ideas = self.rs.ideas(round_id)
            ballots = self.rs.ballots(round_id, valid_only=False)
        keys = ("id", "smederij", "stream", "year", "name", "budget_cents", "vote_type", "rule",
                "tie_break", "seed", "max_marks", "min_marks", "max_points",
                "max_points_per_idea", "min_score", "min_signatures", "min_request_cents",
                "max_request_cents", "state", "award_date")
        return {**{k: r[k] for k in keys}, "no_vote": bool(r["no_vote"]),
                "ideas": [{"id": i["id"], "external_id": i["external_id"], "title": i["title"],
                           "theme": i["theme"], "amount_cents": i["amount_cents"],
                           "signatures": i["signatures"], "submitted": i["submitted"],
                           "eligible": None if i["eligible"] is None else bool(i["eligible"]),
                           "ineligible_reason": i["ineligible_reason"],
                           "project_id": i["project_id"], "awarded_cents": i["awarded_cents"]}
                          for i in ideas],
                "ballots": {"valid": sum(1 for b in ballots if b["void_reason"] is None),
                            "void": sum(1 for b in ballots if b["void_reason"] is not None)},
                "voids": [{"ref": b["ref"], "reason": b["void_reason"],
                           "voided_at": b["voided_at"]}
                          for b in ballots if b["void_reason"] is not None],
                "shown_count": json.loads(r["shown_count"]) if r["shown_count"] else None}

    def ballots(self, round_id: int) -> list[dict]:
        self.round(round_id)
        return self.rs.ballots(round_id, valid_only=False)

    def meta(self, round_id: int) -> dict:
        return json.loads(self.round(round_id)["meta"] or "{}")

    # -- helpers ---------------------------------------------------------------------------------

    def _voting(self, round_id: int) -> dict:
        r = self.round(round_id)
        if r["state"] == "open":
            raise NotAllowed(say("round_still_open_ballots", round=round_id))
        if r["state"] == "awarded":
            raise NotAllowed(say("round_ballots_final", round=round_id,
                                 date=_date(r["award_date"])))
        if r["no_vote"]:
            raise NotAllowed(say("round_needs_no_vote", round=round_id))
        self.ledger.ensure_open(r["year"], say("round_doing_ballots"))
        return r

    def _eligible_ids(self, round_id: int) -> dict[int, dict]:
        return {i["id"]: i for i in self.rs.ideas(round_id) if i["eligible"]}


def _one_of(value: str, allowed: Sequence[str], what: str, option: str) -> None:
    if value not in allowed:
        raise InvalidInput(say("round_unknown_choice", what=say(what), value=repr(value),
                               option=option, known=", ".join(allowed)))


def _money(cents: int, lang: str | None = None) -> str:
    return format_cents(cents, lang or labels.message_language)


def _count(n: int) -> str:
    return labels.format_count(n, labels.message_language)


def _date(iso: str | None) -> str:
    """A stored ISO date in a sentence, in the run's language ("1 juli 2026")."""
    if not iso:
        return ""
    return labels.format_date(_dt.date.fromisoformat(iso[:10]), labels.message_language)


STATES = ("open", "voting", "counted", "awarded")


def state_word(state: str, lang: str | None = None) -> str:
    """A round's state (a code) as a person reads it."""
    return say(f"round_state_{state}", lang) if state in STATES else state


def ineligible_reason(r: dict, idea: dict, lang: str | None = None) -> str | None:
    """None when an idea may be voted on, else why not, in ``lang`` (default: the run's). A
    pure function of the round's limits and the idea: ``round show`` words it again in the
    language of its own run."""
    cents = idea["amount_cents"]
    if idea["signatures"] < r["min_signatures"]:
        return say("round_why_signatures", lang, signatures=idea["signatures"],
                   needed=r["min_signatures"])
    if r["max_request_cents"] and cents > r["max_request_cents"]:
        return say("round_why_max_request", lang, amount=_money(cents, lang),
                   most=_money(r["max_request_cents"], lang))
    if r["min_request_cents"] and cents < r["min_request_cents"]:
        return say("round_why_min_request", lang, amount=_money(cents, lang),
                   least=_money(r["min_request_cents"], lang))
    if cents > r["budget_cents"] and r["rule"] != "greedy-partial":
        return say("round_why_budget", lang, amount=_money(cents, lang))
    return None


def _check_ref(ref: str) -> str:
    ref = (ref or "").strip()
    if not ref:
        raise InvalidInput(say("round_ref_empty"))
    if len(ref) > MAX_REF or not _REF.fullmatch(ref):
        raise InvalidInput(say("round_ref_word", ref=repr(ref), most=MAX_REF))
    return ref


def parse_marks(text: str, r: dict, ideas: dict[int, dict]
                ) -> tuple[list[int], list[int] | None]:
    """A ballot's marks as typed (``3,5,8``; points ``3:2,8:1``; ranked: in order), checked
    against the round: known eligible ideas, each once, the number of marks, the points."""
    vote = r["vote_type"]
    items = [x.strip() for x in (text or "").replace(";", ",").split(",")]
    if not any(items):
        raise InvalidInput(say("round_marks_none"))
    if "" in items:
        raise InvalidInput(say("round_marks_empty_item", marks=repr(text)))
    marks, points = [], []
    for item in items:
        idea, sep, pts = item.partition(":")
        if vote in POINTS and not sep:
            raise InvalidInput(say("round_mark_no_points", mark=repr(item), vote=vote))
        if vote not in POINTS and sep:
            raise InvalidInput(say("round_mark_points", mark=repr(item), round=r["id"],
                                   vote=vote))
        if not idea.strip().isdigit() or (sep and not pts.strip().isdigit()):
            raise InvalidInput(say("round_mark_not_points" if sep else "round_mark_not_idea",
                                   mark=repr(item)))
        number = int(idea)
        if number not in ideas:
            known = ", ".join(map(str, sorted(ideas))) or say("round_none")
            raise InvalidInput(say("round_mark_foreign", idea=number, round=r["id"],
                                   known=known))
        if number in marks:
            raise InvalidInput(say("round_mark_twice", idea=number))
        marks.append(number)
        if sep:
            value = int(pts)
            if value <= 0:
                raise InvalidInput(say("round_points_zero", idea=number, points=value))
            if r["max_points_per_idea"] and value > r["max_points_per_idea"]:
                raise InvalidInput(say("round_points_per_idea_most", idea=number, points=value,
                                       most=r["max_points_per_idea"]))
            points.append(value)
    if vote == "choose-1" and len(marks) != 1:
        raise InvalidInput(say("round_choose_1_one", n=len(marks)))
    if r["max_marks"] and len(marks) > r["max_marks"]:
        raise InvalidInput(say("round_marks_most", n=len(marks), most=r["max_marks"]))
    if r["min_marks"] and len(marks) < r["min_marks"]:
        raise InvalidInput(say("round_marks_least", n=len(marks), least=r["min_marks"]))
    if vote == "cumulative" and r["max_points"] and sum(points) > r["max_points"]:
        raise InvalidInput(say("round_points_most", points=sum(points), most=r["max_points"]))
    return marks, (points if vote in POINTS else None)


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise NotFound(say("round_no_csv_file", file=path))
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(say("round_csv_not_utf8", file=path)) from None
    except OSError as e:
        raise InvalidInput(say("cannot_read", source=path, why=e.strerror)) from None


def _csv_rows(text: str, path: Path):
    """(line, ref, marks) of a ballots CSV: a header with ``ref`` and ``marks``, then a row a
    ballot; ``;`` or ``,`` between fields (the marks quoted when it is ``,``). A row of the
    wrong width comes as (line, None, what is wrong)."""
    lines = text.splitlines()
    if not lines:
        raise InvalidInput(say("round_csv_empty", file=path))
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    if "ref" not in header or "marks" not in header:
        raise InvalidInput(say("round_csv_header", file=path,
                               columns=", ".join(header) or say("round_none")))
    ref_at, marks_at = header.index("ref"), header.index("marks")
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        line = reader.line_num
        if len(row) != len(header):
            yield line, None, say("round_csv_width", got=len(row), want=len(header),
                                  sep=repr(delimiter),
                                  example=f'"3{delimiter}5{delimiter}8"')
            continue
        yield line, row[ref_at], row[marks_at]


def _difference(shown: dict, now: dict) -> str:
    """What differs between two counts, in a few words."""
    parts = []
    if shown.get("ballots") != now.get("ballots"):
        parts.append(say("round_differs_ballots", valid=shown['ballots']['valid'],
                         void=shown['ballots']['void'], valid_now=now['ballots']['valid'],
                         void_now=now['ballots']['void']))
    if shown.get("winners") != now.get("winners"):
        parts.append(say("round_differs_winners", then=shown.get('winners'),
                         now=now.get('winners')))
    return "; ".join(parts) or say("round_differs_scores")


# -- check -------------------------------------------------------------------------------------


def check(ledger: Ledger) -> list[str]:
    """For ``smederij check``: every awarded idea has its project and commitment, and the stored
    ballots still give the result the round was awarded on."""
    store = ledger.store
    if not store._has_table("idea_round"):  # a ledger read as it is, from before the rounds
        return []
    rounds = Rounds(ledger)
    problems = []
    for r in rounds.rs.awarded_rounds():
        awarded = json.loads(r["awarded_count"] or "{}")
        ideas = {i["id"]: i for i in rounds.rs.ideas(r["id"])}
        recount = rounds._count(r, rounds.rules(r)).to_json()
        if recount != awarded:
            problems.append(say("round_check_result", round=r["id"],
                                difference=_difference(awarded, recount)))
        for i in awarded.get("ideas", []):
            if i["id"] not in awarded.get("winners", []) or not i["awarded_cents"]:
                continue
            idea = ideas.get(i["id"])
            pid = idea and idea["project_id"]
            if not pid:
                problems.append(say("round_check_no_project", round=r["id"], idea=i["id"],
                                    cents=i["awarded_cents"]))
                continue
            money = store.project_money(pid)
            if money is None or money["committed_total"] < i["awarded_cents"] or \
                    money["status"] in (d.PROPOSED, d.REJECTED):
                problems.append(say("round_check_commitment", round=r["id"], idea=i["id"],
                                    cents=i["awarded_cents"], project=pid,
                                    committed=money["committed_total"] if money else 0))
    return problems
