"""The ledger's operations: what a budget administrator can do, and the rules each one keeps.

Every operation that moves money books one balanced transaction (or, where it must, several)
inside one ``Store.write()``: it happens entirely or not at all. Every refusal is a
``SmederijError`` raised before anything is written. This module never prints and holds no SQL.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from smederij_cli import dates
from smederij_cli import domain as d
from smederij_cli import labels, movements
from smederij_cli.errors import (InsufficientFunds, InvalidInput, LedgerFileError, NotAllowed,
                                  NotFound)
from smederij_cli.labels import label, say
from smederij_cli.money import format_cents
from smederij_cli.store import Store, stage_backup
from smederij_cli.text import refuse_controls

FIGURES = ("carried_in_cents", "allocated_cents", "spent_cents", "committed_cents",
           "available_cents", "carried_out_cents", "lapsed_cents")
# A year's end: what was carried out, split into available budget and open commitments.
YEAR_END = ("carried_out_available_cents", "carried_out_committed_cents")

MAX_TEXT = 500  # titles, notes, payees: one line a person typed
MAX_COUNT = 1_000_000  # supporters, volunteers: people, not a 64-bit overflow
MAX_ID = 2**63 - 1  # SQLite's largest rowid: a larger "id" cannot exist

#: Each status named as the step that leads to it, for the messages on dates out of order
#: (the catalogue's ``ledger_noun_<status>``).
_STEP_NOUNS = frozenset(d.STATUSES)

#: The fields ``clean_text`` knows by their code, named in the run's language.
_FIELDS = frozenset(("title", "note", "payee", "reference", "reason", "cofunding_source"))


def _lang() -> str:
    return labels.message_language


def _money(cents: int) -> str:
    """An amount in a sentence, in the run's language."""
    return format_cents(cents, _lang())


def _day(date: _dt.date | str) -> str:
    """A date in a sentence, in the run's language: 3 maart 2026."""
    if isinstance(date, str):
        date = _dt.date.fromisoformat(date[:10])
    return labels.format_date(date, _lang())


def _step_noun(status: str | None) -> str:
    return say(f"ledger_noun_{status}") if status in _STEP_NOUNS else say("ledger_noun_last")


def check_year(year: int) -> int:
    if not 2000 <= year <= 2200:
        raise InvalidInput(say("ledger_year_range", year=year, first=dates.MIN_YEAR,
                               last=dates.MAX_YEAR))
    return year


def clean_text(value: str | None, what: str, *, required: bool = False) -> str:
    """Text a person typed, stored as given but refused when empty, huge, or holding control
    characters: line breaks, C0, DEL, C1 and bidirectional overrides (``text.CONTROL``).
    ``what`` names the field: one of ``_FIELDS`` (said in the run's language) or words."""
    if what in _FIELDS:
        what = say(f"ledger_field_{what}")
    text = (value or "").strip()
    if required and not text:
        raise InvalidInput(say("ledger_text_empty", what=what))
    refuse_controls(value or "", what)  # before stripping too: str.strip drops U+0085
    if len(text) > MAX_TEXT:
        raise InvalidInput(say("ledger_text_long", what=what,
                               n=labels.format_count(len(text), _lang()), most=MAX_TEXT))
    return text


def describe_payment(pm: dict) -> str:
    """A booked payment in a message: ``payment 12 (project 3, € 10,00 on 1 August 2026)``."""
    return say("ledger_payment_described", id=pm["id"], project=pm["project_id"],
               amount=_money(pm["amount_cents"]), date=_day(pm["date"]))


def payment_description(project_id: int, payee: str, reference: str | None) -> str:
    """The description of a payment's transaction (``pay`` and the payments import)."""
    return (f"Payment for project {project_id}" + (f" to {payee}" if payee else "")
            + (f" ({reference})" if reference else ""))


@dataclass(frozen=True)
class Allocation:
    """The outcome of an allocation: shares per Smederij, and the transaction (None if dry)."""

    year: int
    stream: str
    shares: dict[str, int]
    txn_id: int | None


class Ledger:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- registry --------------------------------------------------------------------------------

    def load_registry(self, config) -> dict[str, dict[str, int]]:
        """Bring the registry in line with a configuration; idempotent, never deletes."""
        s = self.store
        with s.write():
            changes = {
                "teams": s.sync_rows("team", [{"code": t.code, "name": t.name}
                                              for t in config.teams]),
                "streams": s.sync_rows("stream", [
                    {"code": st.code, "name": st.name, "description": st.description,
                     "carry_over": json.dumps(st.carry_over.to_dict(), sort_keys=True)}
                    for st in config.streams]),
                "smederijen": s.sync_rows("smederij", [
                    {"code": sm.code, "name": sm.name, "kind": sm.kind, "team": sm.team,
                     "inhabitants": sm.inhabitants,
                     "carry_over": json.dumps({k: v.to_dict() for k, v in
                                               dict(sm.carry_over).items()}, sort_keys=True)}
                    for sm in config.smederijen]),
            }
            s.set_setting("programme", json.dumps({
                "name": config.name, "municipality": config.municipality,
                "currency": config.currency, "language": config.language}))
            s.set_setting("allocations", json.dumps([
                {"stream": a.stream, "total_cents": a.total_cents, "method": a.method,
                 "base_cents": a.base_cents} for a in config.allocations]))
            s.set_setting("config_path", str(config.path))
            groups = [["log_registry_group", {"group": what, "changes": [
                [_REGISTRY_CHANGES[k], {"n": n}] for k, n in c.items() if n]}]
                for what, c in changes.items() if any(c.values())]
            s.note("log_registry_changed" if groups else "log_registry", path=str(config.path),
                   **({"groups": groups} if groups else {}))
        return changes

    def words(self):
        """The registry's words (``words.Words``): what people type for a Smederij, stream,
        status or theme, read as its code."""
        from smederij_cli.words import Words

        return Words([(r["code"], r["name"]) for r in self.store.smederijen(active_only=False)],
                     [(r["code"], r["name"]) for r in self.store.streams(active_only=False)])

    def programme(self) -> dict:
        raw = self.store.get_setting("programme")
        return json.loads(raw) if raw else {"name": "", "municipality": "", "currency": "EUR",
                                            "language": "nl"}

    def is_empty(self) -> bool:
        counts = self.store.counts()
        return counts["smederijen"] == 0 and counts["transactions"] == 0

    def smederij(self, code: str, *, active: bool = False) -> dict:
        row = self.store.smederij(code)
        if row is None:
            known = ", ".join(r["code"] for r in self.store.smederijen()[:8])
            raise NotFound(say("ledger_unknown_smederij", code=repr(code),
                               known=known or say("ledger_none_yet_init")))
        if active and not row["active"]:
            raise NotAllowed(say("ledger_smederij_inactive", code=repr(code)))
        return row

    def stream(self, code: str, *, active: bool = True) -> dict:
        """A stream of the registry: an active one (to book in), or with ``active=False`` also
        one the configuration no longer lists (to report on: its money is still there)."""
        row = self.store.stream(code)
        if row is None or (active and not row["active"]):
            known = ", ".join(r["code"] for r in self.store.streams())
            raise NotFound(say("ledger_unknown_stream", code=repr(code),
                               known=known or say("ledger_none_yet")))
        return row

    # -- years -----------------------------------------------------------------------------------

    def ensure_open(self, year: int, doing: str, remedy: str | None = None) -> None:
        """Refuse a write to a closed year, naming it and the open year to book in instead.

        Years close in order, so a year before the last closed one counts as closed too, even
        if nothing was ever booked in it."""
        check_year(year)
        closed_at = self.store.year_closed_at(year)
        last = self.store.last_closed_year()
        if closed_at:
            why = say("ledger_year_closed", year=year, date=_day(closed_at))
        elif last is not None and year < last:
            why = say("ledger_year_before_closed", year=year, last=last)
        else:
            return
        raise NotAllowed(say("ledger_not_in_closed", why=why, doing=doing,
                             remedy=remedy or say("ledger_remedy_book"),
                             open=self.first_open_year()))

    def is_closed(self, year: int) -> bool:
        last = self.store.last_closed_year()
        return last is not None and year <= last

    def first_open_year(self) -> int:
        last = self.store.last_closed_year()
        return last + 1 if last is not None else dates.today().year

    def _check_date_open(self, date: _dt.date, doing: str) -> None:
        if self.is_closed(date.year):
            self.ensure_open(date.year, say("ledger_doing_dated", doing=doing,
                                            date=date.isoformat()),
                             say("ledger_remedy_date"))

    def _entry_date(self, date: _dt.date | None, year: int, what: str,
                    doing: str) -> _dt.date:
        """The date of a money entry booking into ``year`` (see ``dates.entry_date``); one in
        a closed year is refused as ``_check_date_open`` says it (``doing`` it there)."""
        if date is not None:
            dates.check_range(date)
            self._check_date_open(date, doing)
        return dates.entry_date(date, year, what, last_closed=self.store.last_closed_year(),
                                today=dates.today())

    def _event_date(self, date: _dt.date | None, what: str, doing: str) -> _dt.date:
        """The date of a step that moves no money (see ``dates.event_date``)."""
        if date is not None:
            dates.check_range(date)
            self._check_date_open(date, doing)
        return dates.event_date(date, what, last_closed=self.store.last_closed_year(),
                                today=dates.today())

    def _after_steps(self, p: dict, date: _dt.date, what: str) -> None:
        """A project's steps in date order: ``date`` is not before its last step."""
        events = self.store.project_events(p["id"])
        if events:
            last = events[-1]
            dates.check_after(date, _dt.date.fromisoformat(last["date"]),
                              say("ledger_project_step", step=_step_noun(last["to_status"]),
                                  id=p["id"]), what)

    # -- budget ----------------------------------------------------------------------------------

    def allocate(self, year: int, stream: str, date: _dt.date | None, *,
                 smederij: str | None = None, amount_cents: int | None = None,
                 total_cents: int | None = None, method: str | None = None, base_cents: int = 0,
                 dry_run: bool = False) -> Allocation:
        """Give money from ``funding:<stream>`` to one Smederij, or split a total over all
        active Smederijen (``equal``, or ``weighted``: a base each, the rest by inhabitants)."""
        self.stream(stream)
        allocating = say("ledger_doing_allocate")
        self.ensure_open(year, allocating)
        date = self._entry_date(date, year, say("ledger_an_allocation", year=year), allocating)
        if smederij is not None:
            if amount_cents is None or total_cents is not None or method is not None:
                raise InvalidInput(say("ledger_allocate_one"))
            self.smederij(smederij, active=True)
            shares = {smederij: amount_cents}
            how = self.smederij(smederij)["name"]
        else:
            if total_cents is None or method is None or amount_cents is not None:
                raise InvalidInput(say("ledger_allocate_how"))
            if method not in ("equal", "weighted"):
                raise InvalidInput(say("ledger_unknown_method", method=repr(method)))
            if method == "equal" and base_cents:
                raise InvalidInput(say("ledger_base_weighted"))
            rows = self.store.smederijen()
            weights = [(r["code"], 1 if method == "equal" else r["inhabitants"]) for r in rows]
            shares = d.split_total(total_cents, weights, base_cents)
            how = f"{method} split of {format_cents(total_cents)}"
        if dry_run:
            return Allocation(year, stream, shares, None)
        with self.store.write():
            self.store.ensure_year(year)
            postings = [(self._account(d.funding_account(stream), d.FUNDING, stream),
                         -sum(shares.values()))]
            postings += [(self._available(year, code, stream), cents)
                         for code, cents in shares.items()]
            txn = self.store.post(date, d.ALLOCATION,
                                  f"Allocation {year} {stream}: {how}", postings)
            self.store.note("log_allocated_one" if smederij is not None
                            else "log_allocated_split", amount_cents=sum(shares.values()),
                            stream=stream, year=year, n=len(shares), txn=txn,
                            **({"name": how} if smederij is not None
                               else {"method": method, "total_cents": total_cents}))
        return Allocation(year, stream, shares, txn)

    def transfer(self, year: int, stream: str, source: str, target: str, amount_cents: int,
                 date: _dt.date | None, note: str = "") -> int:
        self.stream(stream)
        self.smederij(source)
        self.smederij(target, active=True)
        if source == target:
            raise InvalidInput(say("ledger_same_smederij"))
        note = clean_text(note, "note")
        transferring = say("ledger_doing_transfer")
        self.ensure_open(year, transferring)
        date = self._entry_date(date, year, say("ledger_a_transfer", year=year), transferring)
        with self.store.write():
            self._require_available(year, source, stream, amount_cents,
                                    say("ledger_doing_transfer_to", target=target))
            giver, taker = (self._available(year, source, stream),
                            self._available(year, target, stream))
            money = self._take_available(year, source, stream, amount_cents)
            txn = self.store.post(
                date, d.TRANSFER,
                f"Transfer {year} {stream} {source} -> {target}" + (f": {note}" if note else ""),
                [(giver, -amount_cents), (taker, amount_cents)])
            self._keep_vintages(txn, year, money, giver, taker)
            self.store.note("log_transferred", amount_cents=amount_cents, stream=stream,
                            year=year, source=source, target=target, txn=txn)
        return txn

    def budget(self, year: int) -> dict:
        """Allocations and transfers of a year, with what each Smederij has per stream."""
        check_year(year)
        figures = {(r["smederij"], r["stream"]): r for r in self.store.stream_figures(year)}
        streams = self._report_streams(figures)
        rows = []
        for sm in self._report_smederijen(figures):
            rows.append({"code": sm["code"], "name": sm["name"], "streams": {
                st: {k: figures.get((sm["code"], st), {}).get(k, 0)
                     for k in ("allocated_cents", "available_cents")} for st in streams}})
        return {"year": year, "streams": streams, "smederijen": rows,
                "moves": self.store.budget_moves(year)}

    def allocate_from_config(self, year: int, date: _dt.date | None, *,
                             dry_run: bool = False) -> list[Allocation]:
        """Apply the yearly allocation plans stored by ``init`` (one per stream) to ``year``,
        in one transaction. A plan already applied to the year is never applied again (table
        ``plan_allocation``); when every plan was, the call is refused."""
        plans = json.loads(self.store.get_setting("allocations") or "[]")
        if not plans:
            raise NotAllowed(say("ledger_no_plans"))
        self.ensure_open(year, say("ledger_doing_allocate"))
        with self._writing(not dry_run):
            applied = self.store.applied_plans(year)
            todo = [plan for plan in plans if plan["stream"] not in applied]
            if not todo:
                raise NotAllowed(say("ledger_plans_applied", year=year, applied=", ".join(
                    say("ledger_plan_txn", stream=st, txn=txn) for st, txn in applied.items())))
            results = []
            for plan in todo:
                result = self.allocate(year, plan["stream"], date,
                                       total_cents=plan["total_cents"], method=plan["method"],
                                       base_cents=plan["base_cents"], dry_run=dry_run)
                if not dry_run:
                    self.store.record_plan(year, plan["stream"], result.txn_id)
                results.append(result)
            if not dry_run:
                self.store.note("log_plans", year=year, plans=[
                    ["log_plan", {"stream": r.stream, "amount_cents": sum(r.shares.values()),
                                  "n": len(r.shares), "txn": r.txn_id}] for r in results],
                    headline=True)
        return results

    # -- year end --------------------------------------------------------------------------------

    def rollover(self, year: int, *, dry_run: bool = False, today: _dt.date | None = None,
                 early: bool = False, on_moves_written=None) -> dict:
        """Close ``year`` and carry what is left into ``year + 1``, in one transaction.

        Per Smederij and stream, the unspent available budget carries or lapses by its policy
        (the Smederij's override, else the stream's), and every open commitment moves in full to
        the same project's committed account of the next year, so its later payments and
        releases book there; the project keeps its id, history and totals. All transactions are
        dated the last day of ``year``. Proposed projects are left as they are: they stay
        proposed in ``year``, and approving one later commits from the first open year.

        Safe to run twice: a closed year is reported as ``already_rolled_over`` with the moves
        read back from the ledger. ``dry_run`` computes the same moves and writes nothing.
        A year after ``today``'s (default: ``dates.today()``) cannot be closed: it has not
        ended, and a mistyped year would otherwise close a budget in use beyond repair; the
        current year only from 31 December, or before with ``early``; a year that never held
        money (no allocation, nothing carried in) not at all. ``dry_run`` may always look.
        ``on_moves_written`` (tests only) is called inside the transaction after the moves are
        booked and before the year is marked closed.
        """
        check_year(year)
        with self._writing(not dry_run):  # checked under the write lock: two runs cannot race
            if self.is_closed(year):
                status, moves = "already_rolled_over", self.store.rollover_moves(year)
            else:
                self._check_can_close(year, dry_run, today or dates.today(), early)
                money = self._rollover_money(year)
                budget = {key: (sum(carried.values()), sum(lapsed.values()))
                          for key, (carried, lapsed) in money.items()}
                held = (self.store.open_commitments(year) if dry_run
                        else self._book_rollover(year, budget, money))
                moves = [{"smederij": key[0], "stream": key[1], "carried_cents": carried,
                          "lapsed_cents": lapsed, "commitments": count,
                          "commitments_carried_cents": cents}
                         for key in budget.keys() | held.keys()
                         for carried, lapsed in [budget.get(key, (0, 0))]
                         for count, cents in [held.get(key, (0, 0))]]
                if not dry_run:
                    if on_moves_written:
                        on_moves_written()
                    # its project counts as at the close, before any later step changes them
                    self.store.snapshot_project_counts(year)
                    self.store.close_year(year)
                    self.store.note("log_rollover", **_rollover_summary(year, moves))
                status = "dry_run" if dry_run else "rolled_over"
        order = {sm["code"]: i for i, sm in enumerate(self.store.smederijen(active_only=False))}
        keys = ("carried_cents", "lapsed_cents", "commitments_carried_cents")
        moves = sorted(({"smederij": m["smederij"], "stream": m["stream"],
                         **{k: m[k] for k in keys}} for m in moves if any(m[k] for k in keys)),
                       key=lambda m: (order.get(m["smederij"], 0), m["stream"]))
        return {"year": year, "next_year": year + 1, "status": status, "moves": moves,
                "totals": {k: sum(m[k] for m in moves) for k in keys}}

    def closing_note(self, year: int) -> str:
        """When ``year`` may be closed, for a dry run to say (``_check_can_close``'s rules)."""
        if not self.store.year_has_money(year):
            return say("ledger_cannot_close_empty", year=year)
        day, today = dates.may_close_from(year), dates.today()
        return (say("ledger_may_close", year=year, first=_day(day))
                + (" " + say("ledger_may_close_early", today=_day(today))
                   if today < day and year == today.year else ""))

    def _check_can_close(self, year: int, dry_run: bool, today: _dt.date,
                         early: bool = False) -> None:
        years = self.store.years()
        earlier = [y["year"] for y in years if y["year"] < year and not y["closed_at"]]
        if earlier:
            raise NotAllowed(say("ledger_earlier_open", year=earlier[0]))
        if dry_run:
            return
        if not self.store.year_has_money(year):
            held = [y["year"] for y in years if not y["closed_at"]
                    and self.store.year_has_money(y["year"])]
            instead = (say("ledger_close_instead", year=held[0]) if held else
                       say("ledger_allocate_first", year=year))
            raise NotAllowed(say("ledger_nothing_to_close", year=year, instead=instead))
        dates.check_can_close(year, today, early=early)

    def _rollover_money(self, year: int) -> dict[tuple[str, str], tuple[dict[int, int],
                                                                         dict[int, int]]]:
        """(Smederij, stream) -> (carried, lapsed) money by vintage of its available budget at
        the rollover of ``year``, by its policy: how much carries is the policy's to say, which
        money carries is the rule's (the newest; the oldest lapses). One set-based query of the
        year's available accounts (``Store.available_money``) whatever the size."""
        policies = self._policies()
        result = {}
        for key, (vintages, allocated) in self.store.available_money(year).items():
            if any(c < 0 for c in vintages.values()):  # a broken ledger: 'check' says so
                total = max(sum(vintages.values()), 0)
                carried, lapsed = d.carry_split(policies[key], year, total, allocated,
                                                {year: total})
                result[key] = ({year: carried} if carried else {},
                               {year: lapsed} if lapsed else {})
            else:
                result[key] = d.rollover_split(policies[key], year, vintages, allocated)
        return result

    def _book_rollover(self, year: int, budget: dict[tuple[str, str], tuple[int, int]],
                       money: dict[tuple[str, str], tuple[dict[int, int], dict[int, int]]]
                       ) -> dict[tuple[str, str], tuple[int, int]]:
        """Book the rollover: the available budget carried and lapsed per Smederij and stream,
        and every open commitment of ``year`` carried to the same project's account of the
        next, set-based in SQL (a national rollover carries hundreds of thousands of them).
        The same transactions, in the same order, as posting each with ``Store.post``: the
        carry-overs (per Smederij and stream its available budget, then its commitments by
        project), then the lapses, with the age of the money carried and lapsed (``money``).
        Returns the commitments carried, as ``open_commitments``."""
        nxt = year + 1
        rows = [(code, stream, carried, lapsed, d.available_account(year, code, stream),
                 d.available_account(nxt, code, stream), d.funding_account(stream),
                 f"Carry-over {year} -> {nxt} {code} {stream}",
                 f"Lapse {year} {code} {stream} to funding")
                for (code, stream), (carried, lapsed) in budget.items() if carried or lapsed]
        ages = []  # the vintage rows: wherever the money is not all of its account's year
        for (code, stream), (carried, lapsed) in money.items():
            if carried and carried != {year: sum(carried.values())}:
                ages += [(code, stream, d.CARRY_OVER, 0, v, -c) for v, c in carried.items()]
            ages += [(code, stream, d.CARRY_OVER, 1, v, c) for v, c in carried.items()]
            if lapsed and lapsed != {year: sum(lapsed.values())}:
                ages += [(code, stream, d.LAPSE, 0, v, -c) for v, c in lapsed.items()]
        held = self.store.book_rollover(
            year, _dt.date(year, 12, 31), rows,
            committed_account=lambda code, stream, pid: d.committed_account(nxt, code, stream,
                                                                            pid),
            commitment_text=lambda pid: f"Commitment of project {pid} carried {year} -> {nxt}",
            ages=ages)
        if held or any(carried for carried, _ in budget.values()):
            self.store.ensure_year(nxt)
        return held

    def _policies(self) -> dict[tuple[str, str], dict]:
        """(Smederij, stream) -> its carry-over policy: the Smederij's override, else the
        stream's. Every Smederij and stream of the registry, read once."""
        streams = {s["code"]: json.loads(s["carry_over"])
                   for s in self.store.streams(active_only=False)}
        return {(sm["code"], stream): overrides.get(stream) or policy
                for sm in self.store.smederijen(active_only=False)
                for overrides in [json.loads(sm["carry_over"] or "{}")]
                for stream, policy in streams.items()}

    def vintages(self, year: int, smederij: str, stream: str) -> dict[int, int]:
        """How old the money in a Smederij's available budget of ``year`` is: {year it was
        allocated: cents}, summing to its balance (for a closed year: as it was before its
        rollover took it out). Kept with each posting (table ``vintage``) as the money moves:
        an allocation is money of its year; a commitment, a transfer out and a lapse use the
        oldest money first; a transfer in, a release and a refund bring money with its age;
        the rollover carries the newest."""
        check_year(year)
        return self.store.available_money(year, smederij, stream).get((smederij, stream),
                                                                        ({}, 0))[0]

    def commitment_vintages(self, project_id: int) -> dict[int, int]:
        """How old the money still committed to a project is: {year allocated: cents}."""
        self.project(project_id)
        return d.project_money(self.store.commitment_postings(project_id))[0]

    def _take_available(self, year: int, smederij: str, stream: str,
                        amount: int) -> dict[int, int]:
        """The money ``amount`` cents take from an available budget: its oldest."""
        return d.split_oldest(self.vintages(year, smederij, stream), amount, year)[0]

    def _keep_vintages(self, txn: int, year: int, money: dict[int, int], source: int,
                       target: int) -> None:
        """Keep the age of ``money`` moved by ``txn`` from account ``source`` to ``target``
        (both of ``year``), unless it is all money of that year."""
        if money and money != {year: sum(money.values())}:
            self.store.add_vintages(txn, [(source, {v: -c for v, c in money.items()}),
                                          (target, money)])

    # -- projects --------------------------------------------------------------------------------

    def add_project(self, *, smederij: str, stream: str, year: int, title: str,
                    amount_cents: int, theme: str | None = None, supporters: int = 0,
                    volunteers: int = 0, cofunding: dict[str, int] | None = None,
                    date: _dt.date | None = None, note: str = "") -> int:
        self.smederij(smederij, active=True)
        self.stream(stream)
        check_year(year)
        title = clean_text(title, "title", required=True)
        d.check_theme(theme)
        if supporters < 0 or volunteers < 0:
            raise InvalidInput(say("ledger_counts_negative"))
        if max(supporters, volunteers) > MAX_COUNT:
            raise InvalidInput(say("ledger_counts_large",
                                   most=labels.format_count(MAX_COUNT, _lang())))
        cofunding = {clean_text(k, "cofunding_source", required=True): v
                     for k, v in (cofunding or {}).items()}
        with self.store.write():  # under the write lock: no rollover can close the year between
            adding = say("ledger_doing_add_project")
            self.ensure_open(year, adding)
            date = self._event_date(date, say("ledger_a_proposal"), adding)
            project_id = self.store.insert_project(
                {"smederij": smederij, "stream": stream, "year": year, "title": title,
                 "theme": theme, "requested_cents": amount_cents, "supporters": supporters,
                 "volunteers": volunteers, "status": d.PROPOSED}, cofunding)
            self.store.set_project_status(project_id, date, None, d.PROPOSED,
                                          clean_text(note, "note"))
            self.store.note("log_project_added", project_id, project=project_id,
                            smederij=smederij, stream=stream, year=year, title=title,
                            requested_cents=amount_cents)
        return project_id

    def project(self, project_id: int) -> dict:
        row = self.store.project(project_id) if 0 < project_id <= MAX_ID else None
        if row is None:
            raise NotFound(say("ledger_unknown_project", id=project_id))
        return row

    def approve(self, project_id: int, date: _dt.date | None, *, amount_cents: int | None = None,
                note: str = "") -> int:
        """Approve a proposed project and commit its money (the requested amount unless given)."""
        with self.store.write():
            p = self.project(project_id)
            target = d.next_status("approve", p["status"], project_id)
            amount = amount_cents or p["requested_cents"]
            year = self._project_year(p)
            approving = say("ledger_doing_approve_project")
            self.ensure_open(year, approving)
            what = say("ledger_step_of", step=_step_noun(d.APPROVED), id=project_id)
            date = self._entry_date(date, year, what, approving)
            self._after_steps(p, date, what)
            self._require_available(year, p["smederij"], p["stream"], amount,
                                    say("ledger_doing_step", step=say("ledger_step_approve"),
                                        id=project_id))
            txn = self._commit(p, year, amount, date, f"Commitment for project {project_id}: "
                                                      f"{p['title']}"
                               + (f" (from the {year} budget)" if year != p["year"] else ""))
            self.store.set_project_status(project_id, date, p["status"], target,
                                          clean_text(note, "note"), txn)
            self.store.note("log_approved", project_id, project=project_id,
                            amount_cents=amount)
        return txn

    def change_status(self, project_id: int, step: str, date: _dt.date | None,
                      note: str = "") -> None:
        """start, complete, reject or withdraw; complete and withdraw release what is left."""
        with self.store.write():
            p = self.project(project_id)
            target = d.next_status(step, p["status"], project_id)
            # A closed year is read-only: its projects' histories too, not only its money.
            what = say("ledger_step_of", step=_step_noun(target), id=project_id)
            doing = say("ledger_doing_step", step=say(f"ledger_step_{step}"), id=project_id)
            year = self._project_year(p)
            if (target in (d.COMPLETED, d.WITHDRAWN)
                    and self.store.balance(self._committed(p, year))):
                date = self._entry_date(date, year, what + " " + say("ledger_releases_money"),
                                        doing)
            else:
                date = self._event_date(date, what, doing)
            self._after_steps(p, date, what)
            note = clean_text(note, "note")
            txn = None
            released = 0
            if target in (d.COMPLETED, d.WITHDRAWN):
                txn, released = self._release(p, date)
            self.store.set_project_status(project_id, date, p["status"], target, note, txn)
            self.store.note("log_status_released" if released else "log_status", project_id,
                            project=project_id, from_status=p["status"], status=target,
                            **({"released_cents": released} if released else {}))

    def project_detail(self, project_id: int) -> dict:
        p = self.project(project_id)
        money = self.store.project_money(project_id)
        return {
            **{k: p[k] for k in ("id", "year", "smederij", "smederij_name", "stream", "title",
                                 "theme", "status", "requested_cents", "supporters",
                                 "volunteers")},
            "cofunding": self.store.cofunding(project_id),
            "committed_cents": money["committed_total"],
            "paid_cents": money["paid"],
            "left_cents": money["committed_now"],
            "released_cents": money["committed_total"] - money["paid"] - money["committed_now"],
            "history": self.store.project_events(project_id),
            "payments": self.store.payments(project_id=project_id),
        }

    def projects(self, **filters) -> list[dict]:
        if filters.get("year") is not None:
            check_year(filters["year"])
        if filters.get("smederij"):
            self.smederij(filters["smederij"])
        if filters.get("stream"):
            self.stream(filters["stream"], active=False)  # a stream left out keeps its projects
        if filters.get("status") and filters["status"] not in d.STATUSES:
            raise InvalidInput(say("unknown_word", kind=say("kind_status"),
                                   text=repr(filters["status"]),
                                   known=", ".join(label(s, _lang()) for s in d.STATUSES)))
        d.check_theme(filters.get("theme"))
        return self.store.projects(**filters)

    # -- payments --------------------------------------------------------------------------------

    def pay(self, project_id: int, amount_cents: int, date: _dt.date, *, payee: str = "",
            reference: str | None = None, raise_commitment: bool = False,
            duplicate_ref: bool = False) -> int:
        """Pay an invoice from a project's commitment; with ``raise_commitment`` commit the
        shortfall from the Smederij's available budget first (or refuse)."""
        payee = clean_text(payee, "payee")
        reference = clean_text(reference, "reference") or None
        with self.store.write():
            p = self.project(project_id)
            if p["status"] not in d.OPEN_STATUSES:
                raise NotAllowed(say("ledger_pay_status", id=project_id,
                                     status=label(p["status"], _lang())))
            year = self._project_year(p)
            paying = say("ledger_doing_pay")
            self.ensure_open(year, paying)
            what = say("ledger_payment_on", id=project_id)
            date = self._entry_date(date, year, what, paying)
            twins = (self.store.live_payments_by_reference([reference]).get(reference, [])
                     if reference else [])
            if twins and not duplicate_ref:
                raise NotAllowed(say("ledger_duplicate_ref", ref=reference,
                                     payment=describe_payment(twins[0])))
            committed = self._committed(p, year)
            left = self.store.balance(committed)
            if amount_cents > left:
                short = amount_cents - left
                if not raise_commitment:
                    raise InsufficientFunds(say(
                        "ledger_overpay", amount=_money(amount_cents), id=project_id,
                        left=_money(left), short=_money(short)))
                self._require_available(year, p["smederij"], p["stream"], short,
                                        say("ledger_doing_raise", id=project_id))
                self._commit(p, year, short, date,
                             f"Raised commitment for project {project_id}: {p['title']}")
            txn = self.store.post(
                date, d.PAYMENT, payment_description(project_id, payee, reference),
                [(self._account_for(committed), -amount_cents),
                 (self._account(d.spent_account(year, p["smederij"], p["stream"], project_id),
                                d.SPENT, p["stream"], year, p["smederij"], project_id),
                  amount_cents)],
                project_id=project_id)
            payment_id = self.store.insert_payment(project_id, txn, date, amount_cents, payee,
                                                   reference)
            self.store.note("log_paid", project_id, amount_cents=amount_cents,
                            project=project_id, payment=payment_id,
                            reference=[["log_paid_reference", {"reference": reference}]]
                            if reference else [],
                            twins=[["log_paid_twins", {"payments": [
                                ["log_payment", {"payment": t["id"]}] for t in twins]}]]
                            if twins else [])
            return payment_id

    def payment(self, payment_id: int) -> dict:
        row = self.store.payment(payment_id) if 0 < payment_id <= MAX_ID else None
        if row is None:
            raise NotFound(say("ledger_unknown_payment", id=payment_id))
        return row

    def reverse_payment(self, payment_id: int, reason: str, date: _dt.date | None) -> int:
        """Book the reverse of a payment. The money goes back into the project's commitment if
        the project is still open, else back to the Smederij's available budget."""
        reason = clean_text(reason, "reason", required=True)
        with self.store.write():
            pm = self.payment(payment_id)
            if pm["reversal_txn"]:
                raise NotAllowed(say("ledger_already_reversed", id=payment_id,
                                     txn=pm["reversal_txn"]))
            p = self.project(pm["project_id"])
            postings = self.store.transaction_postings(pm["txn_id"])
            spent = next(x for x in postings if x["kind"] == d.SPENT)
            year = spent["year"]
            if self.is_closed(year):
                open_year = self.first_open_year()
                raise NotAllowed(say("ledger_reverse_closed", id=payment_id, year=year,
                                     open=open_year, stream=p["stream"],
                                     smederij=p["smederij"]))
            what = say("ledger_reversal_of", id=payment_id)
            date = dates.check_after(
                self._entry_date(date, year, what, say("ledger_doing_reverse", id=payment_id)),
                _dt.date.fromisoformat(pm["date"]), say("ledger_payment_n", id=payment_id), what)
            if p["status"] in d.OPEN_STATUSES:
                back = self._committed(p, year)
            else:
                back = d.available_account(year, p["smederij"], p["stream"])
            txn = self.store.post(
                date, d.PAYMENT, f"Reversal of payment {payment_id}: {reason}",
                [(spent["account_id"], -pm["amount_cents"]),
                 (self._account_for(back), pm["amount_cents"])],
                project_id=p["id"], reverses=pm["txn_id"])
            if p["status"] not in d.OPEN_STATUSES:  # the refund is available money again
                paid = d.project_money(self.store.commitment_postings(p["id"]))[1]
                money = paid.get(pm["txn_id"], {year: pm["amount_cents"]})
                if money != {year: pm["amount_cents"]}:
                    self.store.add_vintages(txn, [(self._account_for(back), money)])
            self.store.note("log_reversed", p["id"], payment=payment_id, project=p["id"],
                            amount_cents=pm["amount_cents"], reason=reason)
            return txn

    def payments(self, **filters) -> list[dict]:
        if filters.get("year") is not None:
            check_year(filters["year"])
        if filters.get("project_id") is not None:
            self.project(filters["project_id"])
        if filters.get("smederij"):
            self.smederij(filters["smederij"])
        return self.store.payments(**filters)

    # -- report ----------------------------------------------------------------------------------

    def report(self, year: int, *, smederij: str | None = None,
               stream: str | None = None) -> dict:
        """Where every cent of a year stands, per Smederij and stream (the JSON interface).

        Besides FIGURES each stream has its year end (YEAR_END: carried out, as available budget
        and as commitments); the totals also have ``to_spend_cents`` (carried in + allocated,
        "te besteden"). ``projects`` counts
        the year's projects by status: its own and those carried into it (``carried_in``
        says how many of them were), as at the close for a closed year (``closed``)."""
        check_year(year)
        self._check_filters(smederij, stream)
        figures = {(r["smederij"], r["stream"]): r for r in self.store.stream_figures(year)}
        counts = self.store.project_status_counts(year, stream, d.STATUSES)
        streams = [s for s in self._report_streams(figures) if stream in (None, s)]
        keys = (*FIGURES, *YEAR_END)
        nothing, no_projects = dict.fromkeys(keys, 0), dict.fromkeys(d.STATUSES, 0)
        rows, shown = [], []  # shown: every figures dict in the report, for the totals
        for sm in self._report_smederijen(figures):
            code = sm["code"]
            if smederij not in (None, code):
                continue
            per_stream = {}
            for st in streams:
                row = figures.get((code, st))
                per_stream[st] = {k: row[k] for k in keys} if row else nothing.copy()
            shown.extend(per_stream.values())
            count = counts.get(code)
            rows.append({
                "code": code, "name": sm["name"], "kind": sm["kind"],
                "team": sm["team_name"] or sm["team"], "streams": per_stream,
                "projects": ({st: count[st] for st in d.STATUSES} if count
                             else no_projects.copy()),
                "projects_carried_in": count["carried_in"] if count else 0,
            })
        totals = {k: sum(map(itemgetter(k), shown)) for k in keys}
        totals["to_spend_cents"] = movements.to_spend(totals)
        all_projects = dict.fromkeys((*d.STATUSES, "carried_in"), 0)
        for sm in rows:
            for k, n in sm["projects"].items():
                all_projects[k] += n
            all_projects["carried_in"] += sm["projects_carried_in"]
        return {"year": year, "currency": self.programme().get("currency", "EUR"),
                "smederijen": rows, "totals": totals, "closed": self.is_closed(year),
                "filters": {"smederij": smederij, "stream": stream},
                "projects": all_projects}

    def overview(self, start: int, end: int, *, smederij: str | None = None,
                 stream: str | None = None) -> dict:
        """Several years: each year's report, and a statement of movements over them.

        ``years`` is an iterator: each year's report is built when it is reached and can be
        dropped once used, so a report over ten national years holds one year at a time.
        ``totals`` is complete once ``years`` has been read, and ``smederijen`` (an iterator)
        is to be read after it (JSON writes them in that order). The arguments are checked here, before anything is read or written.

        ``totals`` is the statement of movements (``movements.py``; ``smederijen`` has its
        STATEMENT keys per Smederij and stream): the opening balance carried into the first year,
        allocated, spent and lapsed over the years, and the closing balance (committed +
        available + carried out of the last year); carried-in money is never summed over the
        years. opening + allocated = spent + lapsed + closing."""
        years = self.report_years(start, end)
        self._check_filters(smederij, stream)
        totals: dict = movements.statement([])
        per: dict[str, tuple[str, dict[str, list[int]]]] = {}

        def reports() -> Iterator[dict]:
            whole = movements.Statement()
            for year in years:
                report = self.report(year, smederij=smederij, stream=stream)
                whole.add(report["totals"])
                for sm in report["smederijen"]:
                    entry = per.get(sm["code"])
                    if entry is None:
                        entry = per[sm["code"]] = (sm["name"], {})
                    accs = entry[1]
                    for st, f in sm["streams"].items():
                        acc = accs.get(st)
                        if acc is None:
                            accs[st] = movements.compact(None, f)
                        else:  # movements.compact, inline: 100,000 times in a national report
                            acc[1] += f["allocated_cents"]
                            acc[2] += f["spent_cents"]
                            acc[3] += f["lapsed_cents"]
                            acc[4] += f["committed_cents"] + f["available_cents"]
                            acc[5] = f["carried_out_cents"]
                if year == years[-1]:  # complete before the last report is handed out
                    totals.update(whole.figures())
                yield report

        def smederijen() -> Iterator[dict]:
            for code, (name, accs) in per.items():
                yield {"code": code, "name": name,
                       "streams": {st: movements.compact_figures(acc)
                                   for st, acc in accs.items()}}

        return {"from": start, "to": end, "currency": self.programme().get("currency", "EUR"),
                "filters": {"smederij": smederij, "stream": stream},
                "years": reports(), "totals": totals, "smederijen": smederijen()}

    @staticmethod
    def report_years(start: int, end: int) -> list[int]:
        for year in (start, end):
            if not 2000 <= year <= 2200:
                raise InvalidInput(say("ledger_years_range", year=year, first=dates.MIN_YEAR,
                                       last=dates.MAX_YEAR))
        if start > end:
            raise InvalidInput(say("ledger_years_order", start=start, end=end))
        return list(range(start, end + 1))

    def report_projects(self, start: int, end: int, *, smederij: str | None = None,
                        stream: str | None = None) -> list[dict]:
        """The projects of budget years ``start`` to ``end`` (for the report listings)."""
        return list(self.iter_report_projects(start, end, smederij=smederij, stream=stream))

    def annual_projects(self, year: int, *, smederij: str | None = None,
                        stream: str | None = None) -> Iterator[dict]:
        """The projects of one year's annual report: ``iter_report_projects``, and of a closed
        year with their committed and paid as at its close (so its report never changes)."""
        projects = self.iter_report_projects(year, year, smederij=smederij, stream=stream)
        if not self.is_closed(year):
            return projects
        at_close = self.store.project_money_at_close(year)
        return ({**p, "committed_cents": at_close.get(p["id"], (0, 0))[0],
                 "paid_cents": at_close.get(p["id"], (0, 0))[1]} for p in projects)

    def iter_report_projects(self, start: int, end: int, *, smederij: str | None = None,
                             stream: str | None = None) -> Iterator[dict]:
        """``report_projects`` read a year at a time (arguments checked at once): for what
        only counts them, such as the HTML report, so that not all are in memory at once."""
        years = self.report_years(start, end)
        self._check_filters(smederij, stream)

        def each_once() -> Iterator[dict]:
            """Over several years a carried project is listed once: in its own year if that
            is in the range, else in the first year of the range it was carried into."""
            seen: set[int] = set()
            for y in years:  # of those carried in, only those from before the range
                for p in self.projects(year=y, smederij=smederij, stream=stream,
                                       carried_before=start):
                    if p["carried_from"] is None:
                        yield p
                    elif p["carried_from"] < start and p["id"] not in seen:
                        seen.add(p["id"])
                        yield p
        if len(years) == 1:
            return iter(self.projects(year=start, smederij=smederij, stream=stream))
        return each_once()

    def iter_report_payments(self, start: int, end: int, *, smederij: str | None = None,
                             stream: str | None = None) -> Iterator[dict]:
        """The payments dated in years ``start`` to ``end``, reversed ones included, read a
        year at a time from the cursor (arguments checked at once)."""
        years = self.report_years(start, end)
        self._check_filters(smederij, stream)
        return (pm for y in years for pm in self.store.iter_payments(year=y, smederij=smederij)
                if stream in (None, pm["stream"]))

    def _check_filters(self, smederij: str | None, stream: str | None) -> None:
        if smederij:
            self.smederij(smederij)
        if stream:
            self.stream(stream, active=False)

    def _report_streams(self, figures: dict) -> list[str]:
        """Active streams, and inactive ones that still have money in the year: a stream
        left out of the configuration keeps its money in every report (issue 12)."""
        with_money = {st for _, st in figures}
        return [st["code"] for st in self.store.streams(active_only=False)
                if st["active"] or st["code"] in with_money]

    def _report_smederijen(self, figures: dict) -> list[dict]:
        """Active Smederijen, and inactive ones that still have money in the year."""
        with_money = {code for code, _ in figures}
        return [sm for sm in self.store.smederijen(active_only=False)
                if sm["active"] or sm["code"] in with_money]

    def smederij_balances(self, code: str, year: int) -> dict[str, dict[str, int]]:
        report = self.report(year, smederij=code)
        return report["smederijen"][0]["streams"] if report["smederijen"] else {}

    # -- check -----------------------------------------------------------------------------------

    def check(self, *, deep: bool = False) -> list[str]:
        """Every invariant of DOMAIN.md; returns one line per violation (empty: all hold).

        The file itself (every page and index, every reference) and the age of money (every
        vintage row: ``Store.vintage_problems``) are checked too when ``deep`` or when the file
        is small enough (``Store.small_enough_to_read_whole``): reading a national ledger's
        gigabyte takes half a minute, the invariants a few seconds."""
        s = self.store
        with s.snapshot():  # one consistent view, even while a clerk is booking
            problems = ([say("ledger_check_file", problem=p) for p in s.file_problems()]
                        if self.checks_file(deep) else [])
            facts = s.check_facts(d.OPEN_STATUSES, (d.PROPOSED, d.REJECTED))
            years = s.years()
            ages = s.vintage_problems() if self.checks_file(deep) else []
            unbalanced = s.unbalanced_transactions() if (
                facts["transactions"]["unbalanced"] or facts["transactions"]["with_postings"]
                != facts["transactions"]["count"]) else []
        lang = _lang()
        problems += [say("ledger_check_unbalanced", id=t["id"], description=t["description"],
                         n=t["n"], total=_money(t["total"])) for t in unbalanced]
        problems += [say("ledger_check_negative", account=a["name"], balance=_money(a["balance"]))
                     for a in facts["negative"]]
        for p in facts["projects"]:  # those that may break a rule; the rules are these
            if p["paid"] > p["committed_total"]:
                problems.append(say("ledger_check_overpaid", id=p["id"], paid=_money(p["paid"]),
                                    committed=_money(p["committed_total"])))
            if p["status"] not in d.OPEN_STATUSES and p["committed_now"] != 0:
                problems.append(say("ledger_check_left", id=p["id"],
                                    status=label(p["status"], lang),
                                    committed=_money(p["committed_now"])))
            if p["status"] in (d.PROPOSED, d.REJECTED) and p["paid"]:
                problems.append(say("ledger_check_paid", id=p["id"],
                                    status=label(p["status"], lang)))
        for f in facts["unsound"]:
            sources = f["carried_in_cents"] + f["allocated_cents"]
            uses = sum(f[k] for k in FIGURES[2:])
            problems.append(say("ledger_check_unsound", year=f["year"], smederij=f["smederij"],
                                stream=f["stream"], sources=_money(sources), uses=_money(uses)))
        none = dict.fromkeys(("available_cents", "committed_cents", "carried_in_cents",
                              "carried_out_cents"), 0)
        for y in years:
            year = y["year"]
            if y["closed_at"]:
                this = facts["years"].get(year, none)
                if this["available_cents"] or this["committed_cents"]:
                    problems.append(say("ledger_check_closed_holds", year=year,
                                        available=_money(this["available_cents"]),
                                        committed=_money(this["committed_cents"])))
                out = this["carried_out_cents"]
                into = facts["years"].get(year + 1, none)["carried_in_cents"]
                if out != into:
                    problems.append(say("ledger_check_rollover", year=year, out=_money(out),
                                        into=_money(into), next=year + 1))
        problems += [say("ledger_check_ages", problem=p) for p in ages]
        total = facts["total"]
        if total:
            problems.append(say("ledger_check_total", total=_money(total)))
        from smederij_cli.rounds.service import check as check_rounds
        return problems + check_rounds(self)

    def checks_file(self, deep: bool = False) -> bool:
        """Whether ``check(deep=deep)`` reads the whole file (see ``check``)."""
        return deep or self.store.small_enough_to_read_whole()

    def info(self) -> dict:
        version, step = self.store.schema_version()
        return {"path": str(self.store.path), "schema_version": version, "schema_step": step,
                **self.store.counts(),
                "years": [{"year": y["year"], "status": "closed" if y["closed_at"] else "open"}
                          for y in self.store.years()]}

    def audit_log(self, *, since: _dt.date | None = None,
                  project_id: int | None = None) -> list[dict]:
        if project_id is not None:
            self.project(project_id)
        return self.store.audit_rows(since=since, project_id=project_id)

    # -- helpers ---------------------------------------------------------------------------------

    def _writing(self, write: bool):
        """A write transaction, or (for a dry run, which must work on a read-only file) none."""
        return self.store.write() if write else contextlib.nullcontext()

    def _account(self, name: str, kind: str, stream: str, year: int | None = None,
                 smederij: str | None = None, project_id: int | None = None) -> int:
        return self.store.account_id(name, kind, stream, year, smederij, project_id)

    def _account_for(self, name: str) -> int:
        """The id of an account known only by name (its parts are in the name)."""
        year, smederij, stream, kind, *rest = name.split(":")
        return self._account(name, kind, stream, int(year), smederij,
                             int(rest[0]) if rest else None)

    def _available(self, year: int, smederij: str, stream: str) -> int:
        return self._account(d.available_account(year, smederij, stream), d.AVAILABLE, stream,
                             year, smederij)

    def _committed(self, p: dict, year: int) -> str:
        return d.committed_account(year, p["smederij"], p["stream"], p["id"])

    def _project_year(self, p: dict) -> int:
        """The budget year where a project's money now lives: its own year, or later once a
        rollover has carried its commitment on. A rollover carries every non-zero commitment,
        so when that year is closed nothing of the project is left there (it was still proposed,
        or fully paid): new money for it (approval, --raise-commitment) comes from the first
        open year."""
        year = self.store.commitment_year(p["id"]) or p["year"]
        return self.first_open_year() if self.is_closed(year) else year

    def _require_available(self, year: int, smederij: str, stream: str, amount: int,
                           doing: str) -> None:
        available = self.store.balance(d.available_account(year, smederij, stream))
        if amount > available:
            name = self.smederij(smederij)["name"]
            raise InsufficientFunds(say(
                "ledger_short", doing=doing, amount=_money(amount), name=name,
                available=_money(available), stream=stream, year=year,
                short=_money(amount - available)))

    def _commit(self, p: dict, year: int, amount: int, date: _dt.date, text: str) -> int:
        source = self._available(year, p["smederij"], p["stream"])
        target = self._account_for(self._committed(p, year))
        money = self._take_available(year, p["smederij"], p["stream"], amount)
        txn = self.store.post(date, d.COMMITMENT, text, [(source, -amount), (target, amount)],
                              project_id=p["id"])
        self._keep_vintages(txn, year, money, source, target)
        return txn

    def _release(self, p: dict, date: _dt.date) -> tuple[int | None, int]:
        """Release what is left of a project's commitment: (transaction, cents released)."""
        year = self._project_year(p)
        left = self.store.balance(self._committed(p, year))
        if not left:
            return None, 0
        releasing = say("ledger_doing_release", id=p["id"])
        self.ensure_open(year, releasing)
        self._check_date_open(date, releasing)
        source = self._account_for(self._committed(p, year))
        target = self._available(year, p["smederij"], p["stream"])
        money = d.project_money(self.store.commitment_postings(p["id"]))[0]
        if sum(money.values()) != left:  # a broken ledger ('check' says so): as of the year
            money = {year: left}
        txn = self.store.post(
            date, d.RELEASE, f"Release of project {p['id']}: {p['title']}",
            [(source, -left), (target, left)], project_id=p["id"])
        self._keep_vintages(txn, year, money, source, target)
        return txn, left


def _rollover_summary(year: int, moves: list[dict]) -> dict:
    """The values of a rollover's audit line: what moved into the next year and what lapsed."""
    return {"year": year, "next_year": year + 1,
            "carried_cents": sum(m["carried_cents"] for m in moves),
            "lapsed_cents": sum(m["lapsed_cents"] for m in moves),
            "n": sum(m["commitments"] for m in moves),
            "held_cents": sum(m["commitments_carried_cents"] for m in moves)}


# The audit words of the registry's changes (Store.sync_rows).
_REGISTRY_CHANGES = {"added": "log_registry_added", "updated": "log_registry_updated",
                     "deactivated": "log_registry_deactivated"}


def parse_cofunding(items: Sequence[str], parse_amount) -> dict[str, int]:
    """``SOURCE=AMOUNT`` pairs (repeatable) into {source: cents}; a source given twice adds up."""
    result: dict[str, int] = {}
    for item in items:
        source, sep, amount = item.rpartition("=")  # a source may hold "=", an amount not
        refuse_controls(source, say("ledger_field_cofunding_source"))
        if not sep or not source.strip():
            raise InvalidInput(say("ledger_cofunding_form", item=repr(item)))
        cents = parse_amount(amount, what=say("ledger_cofunding_amount", source=source.strip()))
        result[source.strip()] = result.get(source.strip(), 0) + cents
    return result


def restore_ledger(ledger_path: Path, backup: Path, *, command: str = "") -> str:
    """Put ``backup`` back as the ledger at ``ledger_path``, keeping what it replaces.

    The backup is copied aside and checked first (SQLite, integrity, a smederij ledger, migrated
    to this version, every invariant of ``check``); any failure leaves the ledger untouched. The
    current ledger is then copied to ``<ledger>.replaced-<UTC timestamp>`` and overwritten in one
    step; the restore itself is the first line of the restored ledger's new audit trail.
    """
    ledger_path, backup = Path(ledger_path), Path(backup)
    if ledger_path.exists() and backup.exists() and backup.resolve() == ledger_path.resolve():
        raise InvalidInput(say("ledger_restore_itself", backup=backup))
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    staging = ledger_path.with_name(f".{ledger_path.name}.restoring-{stamp}")
    try:
        stage_backup(backup, staging)
        try:
            with Store(staging, create=False) as copy:
                problems = Ledger(copy).check()
        except LedgerFileError as e:
            raise LedgerFileError(str(e).replace(str(staging), str(backup))) from None
        if problems:
            raise NotAllowed(say("ledger_restore_fails_check", backup=backup, n=len(problems),
                                 first=problems[0]))
        existed = ledger_path.exists()
        with Store(ledger_path) as current:
            kept = ledger_path.with_name(f"{ledger_path.name}.replaced-{stamp}")
            if existed:
                current.backup_to(kept)
            current.restore_from(staging)
            current.audit_context["command"] = command
            with current.write():
                current.set_setting("restored_from", f"{backup} at {stamp}")
                current.note("log_restored_kept" if existed else "log_restored",
                             backup=str(backup), **({"kept": str(kept)} if existed else {}),
                             headline=True)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{staging}{suffix}").unlink(missing_ok=True)
    if existed:
        return say("ledger_restored_kept", ledger=ledger_path, backup=backup, kept=kept)
    return say("ledger_restored", ledger=ledger_path, backup=backup)
