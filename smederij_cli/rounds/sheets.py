"""The idea rounds laid out for people: ``writers.Sheet``s (drawn in the terminal by ``render``,
written as CSV, Markdown or XLSX by ``writers``) and a few lines of text. Plain data in (the
dicts of ``service`` and ``CountResult.to_json()``), no SQL, no rules, no rich."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from smederij_cli.money import format_cents
from smederij_cli.writers import Column, Sheet

OUTCOME_WORDS = {"funded": "funded", "partial": "partly funded: still to be co-funded",
                 "not_funded": "not funded", "below_threshold": "below the minimum score",
                 "ineligible": "not eligible"}


def count_sheet(result: dict, title: str) -> Sheet:
    """One row per idea, in rank order (unranked ideas last), with the totals."""
    def order(i: dict) -> tuple:
        return (i["rank"] is None, i["rank"] or 0, i["id"])

    rows = [[i["rank"], i["id"], i["external_id"], i["title"], i["cost_cents"], i["score"],
             i["votes"], i["outcome"], i["awarded_cents"],
             i["cost_cents"] - i["awarded_cents"] if i["outcome"] == "partial" else 0]
            for i in sorted(result["ideas"], key=order)]
    return Sheet("count", title, [
        Column("rank", "int"), Column("id", "int"), Column("external_id", human=False),
        Column("title", "text"), Column("cost", "money"), Column("score", "int"),
        Column("votes", "int"), Column("outcome"), Column("awarded", "money"),
        # the line under the table names what is still to be co-funded (count_lines)
        Column("to_cofund", "money", human=False)], rows=rows,
        totals=[["", "", "", f"spent of {format_cents(result['budget_cents'])}", "", "", "", "",
                 result["spent_cents"], 0],
                ["", "", "", "left", "", "", "", "", result["left_cents"], 0]])


def count_lines(result: dict) -> Iterator[str]:
    """What the table does not say: the ballots, the winners, the ties that decided."""
    b = result["ballots"]
    yield (f"{result['rule']} ({result['vote_type']}): {b['valid']} valid ballot(s), "
           f"{b['void']} void; winners in order: "
           + (", ".join(map(str, result["winners"])) or "none"))
    for i in result["ideas"]:
        if i["outcome"] == "partial":
            yield (f"idea {i['id']} ({i['title']}) gets the remaining "
                   f"{format_cents(i['awarded_cents'])} of {format_cents(i['cost_cents'])}: "
                   f"{format_cents(i['cost_cents'] - i['awarded_cents'])} still to be "
                   "co-funded")
    for t in result["ties"]:
        yield (f"tie between ideas {', '.join(map(str, t['ideas']))}, broken by "
               f"{t['tie_break']}: {t['decided']}")


def rounds_sheet(rows: list[dict]) -> Sheet:
    return Sheet("rounds", "Idea rounds", [
        Column("id", "int"), Column("year", "int"), Column("smederij"), Column("stream"),
        Column("name", "text"), Column("budget", "money"), Column("vote_type"),
        Column("rule"), Column("state"), Column("ideas", "int"), Column("ballots", "int"),
        Column("awarded", "money")],
        rows=[[r["id"], r["year"], r["smederij"], r["stream"], r["name"], r["budget_cents"],
               r["vote_type"], r["rule"], r["state"] + (" (no vote)" if r["no_vote"] else ""),
               r["ideas"], r["ballots"], r["awarded_cents"]] for r in rows])


def ideas_sheet(data: dict) -> Sheet:
    def eligible(i: dict) -> str:
        if i["eligible"] is None:
            return ""
        return "yes" if i["eligible"] else f"no: {i['ineligible_reason']}"

    return Sheet("ideas", f"Ideas of round {data['id']}", [
        Column("id", "int"), Column("external_id", human=False), Column("title", "text"),
        Column("theme", "label"), Column("amount", "money"), Column("signatures", "int"),
        Column("eligible", "text"), Column("project", "int"), Column("awarded", "money")],
        rows=[[i["id"], i["external_id"], i["title"], i["theme"], i["amount_cents"],
               i["signatures"], eligible(i), i["project_id"], i["awarded_cents"] or 0]
              for i in data["ideas"]])


def ballots_sheet(rows: list[dict], idea_names: dict[int, str]) -> Sheet:
    """Every ballot typed in, voided ones with their reason (marks as the ideas' external ids)."""
    def marks(b: dict) -> str:
        names = [idea_names.get(m, str(m)) for m in b["marks"]]
        if b["points"] is None:
            return ",".join(names)
        return ",".join(f"{n}:{p}" for n, p in zip(names, b["points"]))

    return Sheet("ballots", "Ballots", [
        Column("ref", "text"), Column("entry", "int"), Column("marks", "text"),
        Column("entered_at"), Column("entered_by", "text"), Column("void_reason", "text")],
        rows=[[b["ref"], b["entry"], marks(b), b["entered_at"], b["entered_by"],
               b["void_reason"] or ""] for b in rows])


def round_lines(data: dict) -> Iterator[str]:
    """The head of ``round show``: who, what, under which rules, where it stands."""
    yield (f"Round {data['id']}: {data['name']} ({data['smederij']}, {data['stream']} "
           f"{data['year']}), budget {format_cents(data['budget_cents'])}")
    limits = [f"{k.replace('_', ' ')} {v}" for k in ("max_marks", "min_marks", "max_points",
                                                    "max_points_per_idea", "min_score",
                                                    "min_signatures") if (v := data[k])]
    limits += [f"{k.replace('_cents', '').replace('_', ' ')} {format_cents(v)}"
               for k in ("min_request_cents", "max_request_cents") if (v := data[k])]
    yield (f"vote {data['vote_type']}, rule {data['rule']}, tie-break {data['tie_break']}"
           + (f" (seed {data['seed']})" if data["tie_break"] == "lot" else "")
           + (f"; {', '.join(limits)}" if limits else ""))
    state = data["state"] + ("; no vote needed: all eligible ideas fit the budget"
                             if data["no_vote"] else "")
    if data["award_date"]:
        state += f" on {data['award_date']}"
    yield (f"state {state}; ballots {data['ballots']['valid']} valid, "
           f"{data['ballots']['void']} void")
    for v in data["voids"]:
        yield f"void ballot {v['ref']}: {v['reason']} ({v['voided_at'][:10]})"


def export_json(data: dict, ballots: list[dict], count: dict | None) -> dict[str, Any]:
    """The whole round as JSON: its settings, ideas, every ballot and its count."""
    return {**data, "ballot_list": [
        {"ref": b["ref"], "entry": b["entry"], "marks": b["marks"], "points": b["points"],
         "entered_at": b["entered_at"], "entered_by": b["entered_by"],
         "void_reason": b["void_reason"]} for b in ballots], "count": count}
