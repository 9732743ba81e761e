"""The site's figures as open data: CSV and JSON files with a stable, documented schema.

Column names are English and stable (``schema.json`` says what each means); money is integer euro
cents; text that residents typed is neutralised in CSV so that no spreadsheet evaluates it. The
files hold exactly what the pages show: the privacy rule was applied when the content was read.
"""

from __future__ import annotations

import csv
import io
import json

from smederij_cli.site.content import FIGURES, SiteContent

SCHEMA_VERSION = 1
BUDGET_COLUMNS = {
    "year": "budget year (calendar year)",
    "smederij": "the Smederij's code (stable; also its page: /<code>/)",
    "smederij_name": "the Smederij's name",
    "kind": "wijk (neighbourhood) or dorp (village)",
    "team": "the code of the wijkteam it belongs to",
    "stream": "the stream (budgetsoort), e.g. korte-klap or lange-klap",
    "carried_in_cents": "carried in from the year before (overheveling)",
    "allocated_cents": "allocated this year, net of transfers between Smederijen (toekenning)",
    "committed_cents": "reserved for approved projects and not yet paid (verplichting)",
    "spent_cents": "paid (besteed)",
    "available_cents": "still free to spend (bestedingsruimte)",
    "carried_out_cents": "carried into the next year at the year end",
    "lapsed_cents": "returned to the municipality at the year end (teruggevloeid)",
}
PROJECT_COLUMNS = {
    "id": "the project's number (stable; also its page: /project/<id>/)",
    "year": "the budget year it was proposed in",
    "smederij": "the Smederij's code",
    "stream": "the stream",
    "title": "the title, as the residents gave it",
    "theme": "greenery, play, traffic, facilities, meeting, activities, health, care, safety, "
             "jobs or language (empty: none)",
    "status": "proposed, approved, in_progress, completed, rejected or withdrawn",
    "requested_cents": "the amount asked for",
    "committed_cents": "the amount reserved for it in all (paid + left + released)",
    "paid_cents": "paid so far, net of reversals",
    "left_cents": "reserved and not yet paid",
    "released_cents": "reserved but returned to the Smederij's budget when it finished",
    "cofunding_cents": "raised from funds, sponsors or partners",
    "supporters": "residents who signed for it",
    "volunteers": "residents who work on it",
}


def _csv(columns: list[str], rows: list[dict]) -> bytes:
    from smederij_cli.writers import neutralise

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(v) if isinstance(v, str) else ("" if v is None else v)
                         for v in (row[c] for c in columns)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json(data: object) -> bytes:
    # One line per file, written by json's C encoder (an indented dump takes the pure-Python
    # one: a second for the Hoogeveen ledger's ten years).
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def budget_rows(c: SiteContent) -> list[dict]:
    smederijen = {s["code"]: s for s in c.smederijen}
    rows = []
    for year in sorted(c.reports):
        for row in c.reports[year]["smederijen"]:
            sm = smederijen.get(row["code"], {})
            for stream, figures in row["streams"].items():
                rows.append({"year": year, "smederij": row["code"],
                             "smederij_name": row["name"], "kind": row.get("kind", ""),
                             "team": sm.get("team") or "", "stream": stream,
                             **{k: figures[k] for k in FIGURES}})
    return rows


def project_rows(c: SiteContent) -> list[dict]:
    return [{**{k: p[k] for k in PROJECT_COLUMNS if k in p},
             "theme": p["theme"] or "", "cofunding_cents": sum(p["cofunding"].values())}
            for p in c.projects]


def files(c: SiteContent) -> dict[str, bytes]:
    """Every open-data file, by its path below the site's ``data/`` folder."""
    budget = budget_rows(c)
    projects = project_rows(c)
    out = {
        "budget.csv": _csv(list(BUDGET_COLUMNS), budget),
        "budget.json": _json({"schema_version": SCHEMA_VERSION, "currency": "EUR",
                              "rows": budget}),
        "projects.csv": _csv(list(PROJECT_COLUMNS), projects),
        # JSON adds what a flat file cannot hold: co-funding by source, the dated story and the
        # payments (date and amount; payee and reference only in an --internal site).
        "projects.json": _json({"schema_version": SCHEMA_VERSION, "currency": "EUR",
                                "projects": [{**row, "cofunding": p["cofunding"],
                                              "history": p["history"], "payments": p["payments"]}
                                             for row, p in zip(projects, c.projects)]}),
        "schema.json": _json({"schema_version": SCHEMA_VERSION, "money": "integer euro cents",
                              "budget": BUDGET_COLUMNS, "projects": PROJECT_COLUMNS}),
    }
    for r in c.rounds:
        if r.get("pb"):
            out[f"rounds/{r['id']}.pb"] = r["pb"].encode("utf-8")
    return out
