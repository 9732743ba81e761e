"""What the public site shows, read from the ledger as plain data (money in integer cents).

Privacy is decided here and only here: in public mode a payment keeps its date and amount but
loses its payee and reference, a project's history keeps its dates and steps but loses its notes,
and nothing of the audit trail is read at all. ``internal=True`` keeps payees and notes for the
stuurgroep. The pages and open-data files only ever see what this module hands them.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

FIGURES = ("carried_in_cents", "allocated_cents", "committed_cents", "spent_cents",
           "available_cents", "carried_out_cents", "lapsed_cents")
# Where a project stands on its way, for the progress shown beside it (step, of steps).
PROGRESS = {"proposed": 1, "approved": 2, "in_progress": 3, "completed": 4}
PROGRESS_STEPS = 4


@dataclass
class SiteContent:
    programme: dict
    lang: str
    year: int                          # the year the home page shows
    years: list[dict]                  # every budget year: {"year", "status"}
    streams: list[dict]                # {"code", "name"}
    teams: dict[str, str]              # team code -> name
    smederijen: list[dict]             # {"code", "name", "kind", "team", "team_name"}
    reports: dict[int, dict]           # year -> ``Ledger.report(year)``
    projects: list[dict]               # project details (see ``_project``), by id
    rounds: list[dict] = field(default_factory=list)  # idea rounds, when the ledger has them
    internal: bool = False
    updated: str | None = None         # the date of the newest booking


def gather(led: Any, *, year: int | None = None, lang: str | None = None,
           internal: bool = False) -> SiteContent:
    """Everything the site shows, read in one consistent snapshot of the ledger."""
    from smederij_cli.ledger import check_year

    store = led.store
    with store.snapshot():
        programme = led.programme()
        years = [{"year": y["year"], "status": "closed" if y["closed_at"] else "open"}
                 for y in store.years()]
        if year is None:
            open_years = [y["year"] for y in years if y["status"] == "open"]
            year = (open_years[0] if open_years else years[-1]["year"] if years
                    else _dt.date.today().year)
        check_year(year)
        known = [y["year"] for y in years]
        if year not in known:
            years.append({"year": year, "status": "open"})
            years.sort(key=lambda y: y["year"])
        reports = {y["year"]: led.report(y["year"]) for y in years}
        smederijen = [{"code": s["code"], "name": s["name"], "kind": s["kind"],
                       "team": s["team"], "team_name": s["team_name"] or ""}
                      for s in store.smederijen()]
        projects = [_project(led.project_detail(p["id"]), internal)
                    for p in sorted(store.projects(), key=lambda p: p["id"])]
        dates = [e["date"] for p in projects for e in p["history"]]
        dates += [pm["date"] for p in projects for pm in p["payments"]]
        return SiteContent(
            programme=programme, lang=lang or programme.get("language") or "nl", year=year,
            years=years,
            streams=[{"code": s["code"], "name": s["name"]} for s in store.streams()],
            teams={t["code"]: t["name"] for t in store.teams()},
            smederijen=smederijen, reports=reports, projects=projects,
            rounds=_rounds(led, internal), internal=internal,
            updated=max(dates) if dates else None)


def _project(p: dict, internal: bool) -> dict:
    """A project as published: money, people and its dated story; payees, references and notes
    only for the stuurgroep."""
    history = [{"date": e["date"], "from": e["from_status"], "to": e["to_status"],
                **({"note": e["note"] or ""} if internal else {})} for e in p["history"]]
    payments = [{"date": pm["date"], "amount_cents": pm["amount_cents"],
                 "reversed": bool(pm["reversal_txn"]),
                 **({"payee": pm["payee"] or "", "reference": pm["reference"] or ""}
                    if internal else {})}
                for pm in p["payments"]]
    return {
        "id": p["id"], "year": p["year"], "smederij": p["smederij"], "stream": p["stream"],
        "title": p["title"], "theme": p["theme"], "status": p["status"],
        "requested_cents": p["requested_cents"], "committed_cents": p["committed_cents"],
        "paid_cents": p["paid_cents"], "left_cents": p["left_cents"],
        "released_cents": p["released_cents"], "supporters": p["supporters"],
        "volunteers": p["volunteers"], "cofunding": dict(p["cofunding"]),
        "progress": PROGRESS.get(p["status"]), "history": history, "payments": payments,
    }


def _rounds(led: Any, internal: bool) -> list[dict]:
    """The idea rounds, once the ledger keeps them (none before)."""
    return []


def smederij_figures(content: SiteContent, code: str, year: int) -> dict[str, dict[str, int]]:
    """Per stream, the figures of one Smederij in one year, exactly as the report has them."""
    for row in content.reports[year]["smederijen"]:
        if row["code"] == code:
            return row["streams"]
    return {}


def stream_totals(content: SiteContent, year: int) -> dict[str, dict[str, int]]:
    """Per stream, the year's figures summed over every Smederij."""
    totals: dict[str, dict[str, int]] = {}
    for row in content.reports[year]["smederijen"]:
        for stream, figures in row["streams"].items():
            into = totals.setdefault(stream, dict.fromkeys(FIGURES, 0))
            for key in FIGURES:
                into[key] += figures[key]
    return totals


def summed(streams: dict[str, dict[str, int]]) -> dict[str, int]:
    return {key: sum(f[key] for f in streams.values()) for key in FIGURES}
