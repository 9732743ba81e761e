"""What needs attention today (``smederij status``): plain data, each item with the command that
deals with it. No SQL (``store.py``), no terminal (``render.status``).

- the open budget year and the days to its end (or how long ago it ended, if not rolled over);
- projects proposed more than four weeks ago without a decision;
- approved and in-progress projects with no payment for a year (since approval, if none);
- budgets of the open year 90% or more committed or spent;
- idea rounds waiting for a count or an award (where the ledger has idea rounds);
- the last backup and the last successful check.
"""

from __future__ import annotations

import datetime as _dt

from smederij_cli.writers import USED_WARNING, used_share

PROPOSAL_DAYS = 28  # four weeks without a decision
IDLE_DAYS = 365  # a year without a payment


def overview(led, today: _dt.date | None = None) -> dict:
    """Everything ``smederij status`` shows, as JSON-ready data (money in cents, dates ISO)."""
    today = today or _dt.date.today()
    store = led.store
    year = led.first_open_year()
    end = _dt.date(year, 12, 31)
    proposals = [{**p, "days": (today - _dt.date.fromisoformat(p["since"])).days,
                  "command": f"smederij project approve {p['id']}  |  smederij project reject "
                             f"{p['id']}"}
                 for p in store.waiting_proposals(today - _dt.timedelta(days=PROPOSAL_DAYS))]
    idle = []
    for p in store.idle_commitments(today - _dt.timedelta(days=IDLE_DAYS)):
        since = p["last_payment"] or p["approved_on"]
        idle.append({**p, "since": since, "days": (today - _dt.date.fromisoformat(since)).days,
                     "command": f"smederij payment add --project {p['id']}  |  smederij "
                                f"project complete {p['id']}  |  smederij project withdraw "
                                f"{p['id']}"})
    budgets = []
    report = led.report(year)
    for sm in report["smederijen"]:
        for stream, f in sm["streams"].items():
            share = used_share(f)
            if share >= USED_WARNING:
                budgets.append({"year": year, "smederij": sm["code"], "name": sm["name"],
                                "stream": stream, "used": round(share, 4),
                                "available_cents": f["available_cents"],
                                "command": f"smederij smederijen show {sm['code']} --year "
                                           f"{year}"})
    rounds = [{**r, "waiting_for": "count" if r["state"] == "voting" else "award",
               "command": f"smederij round {'count' if r['state'] == 'voting' else 'award'} "
                          f"{r['id']}"}
              for r in store.waiting_rounds()]
    marks = store.marks()

    def mark(name: str, command: str) -> dict:
        at = marks.get(name, {}).get("at")
        days = None if at is None else (today - _dt.datetime.fromisoformat(at).date()).days
        return {"at": at, "days": days, "detail": marks.get(name, {}).get("detail", ""),
                "command": command}

    return {
        "today": today.isoformat(),
        "open_year": {"year": year, "ends": end.isoformat(), "days_left": (end - today).days,
                      "command": f"smederij rollover --year {year}"},
        "proposals_waiting": proposals,
        "commitments_idle": idle,
        "budgets_used": budgets,
        "rounds_waiting": rounds,
        "last_backup": mark("backup", "smederij backup FILE"),
        "last_check": mark("check", "smederij check"),
        "attention": len(proposals) + len(idle) + len(budgets) + len(rounds),
    }
