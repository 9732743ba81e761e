"""The idea rounds laid out for people: ``writers.Sheet``s (drawn in the terminal by ``render``,
written as CSV, Markdown or XLSX by ``writers``) and a few lines of text. Plain data in (the
dicts of ``service`` and ``CountResult.to_json()``), no SQL, no rules, no rich.

Every word comes from the catalogue (``labels``) in ``lang``, the run's language; CSV keeps the
codes (an outcome as ``not_funded``), as JSON does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from smederij_cli.labels import format_count, format_date, label, say
from smederij_cli.money import format_cents
from smederij_cli.writers import Column, Sheet

OUTCOMES = ("funded", "partial", "not_funded", "below_threshold", "ineligible")


def outcome_words(lang: str) -> dict[str, str]:
    """An idea's outcome (a code) as a person reads it."""
    return {code: label(f"round_outcome_{code}", lang) for code in OUTCOMES}


def count_sheet(result: dict, title: str, lang: str = "nl") -> Sheet:
    """One row per idea, in rank order (unranked ideas last), with the totals."""
    def order(i: dict) -> tuple:
        return (i["rank"] is None, i["rank"] or 0, i["id"])

    rows = [[i["rank"], i["id"], i["external_id"], i["title"], i["cost_cents"], i["score"],
             i["votes"], i["outcome"], i["awarded_cents"],
             i["cost_cents"] - i["awarded_cents"] if i["outcome"] == "partial" else 0]
            for i in sorted(result["ideas"], key=order)]
    return Sheet(label("round_sheet_count", lang), title, [
        Column("rank", "int", heading="round_rank"), Column("id", "int"),
        Column("external_id", human=False), Column("title", "text"),
        Column("cost", "money", heading="round_cost"),
        Column("score", "int", heading="round_score"),
        Column("votes", "int", heading="round_votes"),
        Column("outcome", "name", heading="round_outcome", names=outcome_words(lang)),
        Column("awarded", "money", heading="round_awarded"),
        # the line under the table names what is still to be co-funded (count_lines)
        Column("to_cofund", "money", human=False)], rows=rows,
        totals=[["", "", "", label("round_spent_of", lang, budget=format_cents(
                     result["budget_cents"], lang)), "", "", "", "", result["spent_cents"], 0],
                ["", "", "", label("round_left", lang), "", "", "", "", result["left_cents"],
                 0]])


def count_lines(result: dict, lang: str = "nl") -> Iterator[str]:
    """What the table does not say: the ballots, the winners, the ties that decided."""
    b = result["ballots"]
    yield say("round_count_line", lang, rule=result["rule"], vote=result["vote_type"],
              valid=format_count(b["valid"], lang), void=format_count(b["void"], lang),
              winners=", ".join(map(str, result["winners"])) or say("round_none", lang))
    for i in result["ideas"]:
        if i["outcome"] == "partial":
            yield say("round_partial_line", lang, idea=i["id"], title=i["title"],
                      awarded=format_cents(i["awarded_cents"], lang),
                      cost=format_cents(i["cost_cents"], lang),
                      rest=format_cents(i["cost_cents"] - i["awarded_cents"], lang))
    for t in result["ties"]:
        yield say("round_tie_line", lang, ideas=", ".join(map(str, t["ideas"])),
                  tie_break=tie_break_word(t["tie_break"], lang),
                  decided=tie_words(t["decided"], lang))


def tie_break_word(code: str, lang: str) -> str:
    """A tie-break (a code: lot, cheaper, ...) as a person reads it ("loting")."""
    return label(f"round_tie_break_{code}", lang) if code else code


# What a tie decided, as ``counting`` states it in the count (English, stored with the count
# shown and compared at the award, so never translated there): worded again for the reader.
_DECIDED = re.compile(r"(?P<lead>equal score (?P<score>-?\d+)|equal price per unit of support "
                      r"\(MES\)): (?P<rest>.*)", re.DOTALL)
_PART = re.compile(r"(?P<idea>.*?) (?:(?P<funded>funded)|partly funded \((?P<cents>\d+) "
                   r"cents\)|(?P<not>not funded))$", re.DOTALL)


def tie_words(decided: str, lang: str) -> str:
    """``decided`` (e.g. "equal score 5: 2 funded, 3 not funded") in ``lang``."""
    found = _DECIDED.fullmatch(decided)
    if not found:
        return decided
    parts = []
    for part in found["rest"].split(", "):
        p = _PART.fullmatch(part)
        if p is None:
            return decided
        if p["funded"]:
            parts.append(say("round_tie_funded", lang, idea=p["idea"]))
        elif p["not"]:
            parts.append(say("round_tie_not_funded", lang, idea=p["idea"]))
        else:
            parts.append(say("round_tie_partly", lang, idea=p["idea"],
                             amount=format_cents(int(p["cents"]), lang)))
    lead = (say("round_tie_score", lang, score=found["score"]) if found["score"] is not None
            else say("round_tie_mes", lang))
    return f"{lead}: {', '.join(parts)}"


def rounds_sheet(rows: list[dict], lang: str = "nl") -> Sheet:
    from smederij_cli.rounds.service import state_word

    return Sheet(label("round_sheet_rounds", lang), label("round_rounds_title", lang), [
        Column("id", "int"), Column("year", "int"), Column("smederij"), Column("stream"),
        Column("name", "text"), Column("budget", "money", heading="round_budget"),
        Column("vote_type", heading="round_vote_type"), Column("rule", heading="round_rule"),
        Column("state", heading="round_state"), Column("ideas", "int", heading="round_ideas"),
        Column("ballots", "int", heading="round_ballots"),
        Column("awarded", "money", heading="round_awarded")],
        rows=[[r["id"], r["year"], r["smederij"], r["stream"], r["name"], r["budget_cents"],
               r["vote_type"], r["rule"], state_word(r["state"], lang)
               + (f" ({label('round_no_vote', lang)})" if r["no_vote"] else ""),
               r["ideas"], r["ballots"], r["awarded_cents"]] for r in rows])


def ideas_sheet(data: dict, lang: str = "nl") -> Sheet:
    from smederij_cli.rounds.service import ineligible_reason

    def eligible(i: dict) -> str:
        if i["eligible"] is None:
            return ""
        if i["eligible"]:
            return label("round_yes", lang)
        # worded again in this run's language (the stored reason is in the language of the run
        # that closed the ideas); an idea from a .pb file keeps the file's reason
        why = ineligible_reason(data, i, lang) or i["ineligible_reason"]
        return label("round_no_because", lang, why=why)

    return Sheet(label("round_sheet_ideas", lang),
                 label("round_ideas_title", lang, round=data["id"]), [
        Column("id", "int"), Column("external_id", human=False), Column("title", "text"),
        Column("theme", "label"), Column("amount", "money"),
        Column("signatures", "int", heading="round_signatures"),
        Column("eligible", "text", heading="round_eligible"), Column("project", "int"),
        Column("awarded", "money", heading="round_awarded")],
        rows=[[i["id"], i["external_id"], i["title"], i["theme"], i["amount_cents"],
               i["signatures"], eligible(i), i["project_id"], i["awarded_cents"] or 0]
              for i in data["ideas"]])


def ballots_sheet(rows: list[dict], idea_names: dict[int, str], lang: str = "nl") -> Sheet:
    """Every ballot typed in, voided ones with their reason (marks as the ideas' external ids)."""
    def marks(b: dict) -> str:
        names = [idea_names.get(m, str(m)) for m in b["marks"]]
        if b["points"] is None:
            return ",".join(names)
        return ",".join(f"{n}:{p}" for n, p in zip(names, b["points"]))

    return Sheet(label("round_sheet_ballots", lang), label("round_ballots_title", lang), [
        Column("ref", "text", heading="round_ref"), Column("entry", "int", heading="round_entry"),
        Column("marks", "text", heading="round_marks"),
        Column("entered_at", heading="round_entered_at"),
        Column("entered_by", "text", heading="round_entered_by"),
        Column("void_reason", "text", heading="round_void_reason")],
        rows=[[b["ref"], b["entry"], marks(b), b["entered_at"], b["entered_by"],
               b["void_reason"] or ""] for b in rows])


LIMITS = ("max_marks", "min_marks", "max_points", "max_points_per_idea", "min_score",
          "min_signatures")


def round_lines(data: dict, lang: str = "nl") -> Iterator[str]:
    """The head of ``round show``: who, what, under which rules, where it stands."""
    from smederij_cli.rounds.service import state_word

    yield say("round_show_head", lang, round=data["id"], name=data["name"],
              smederij=data["smederij"], stream=data["stream"], year=data["year"],
              budget=format_cents(data["budget_cents"], lang))
    limits = [say(f"round_limit_{k}", lang, value=format_count(v, lang))
              for k in LIMITS if (v := data[k])]
    limits += [say(f"round_limit_{k.removesuffix('_cents')}", lang,
                   value=format_cents(v, lang))
               for k in ("min_request_cents", "max_request_cents") if (v := data[k])]
    yield (say("round_show_rules", lang, vote=data["vote_type"], rule=data["rule"],
               tie_break=tie_break_word(data["tie_break"], lang))
           + (" " + say("round_show_seed", lang, seed=data["seed"])
              if data["tie_break"] == "lot" else "")
           + (f"; {', '.join(limits)}" if limits else ""))
    state = state_word(data["state"], lang)
    if data["no_vote"]:
        state += "; " + say("round_show_no_vote", lang)
    if data["award_date"]:
        state += " " + say("round_show_on", lang, date=_date(data["award_date"], lang))
    yield say("round_show_state", lang, state=state,
              valid=format_count(data["ballots"]["valid"], lang),
              void=format_count(data["ballots"]["void"], lang))
    for v in data["voids"]:
        yield say("round_show_void", lang, ref=v["ref"], reason=v["reason"],
                  date=_date(v["voided_at"], lang))


def _date(iso: str, lang: str) -> str:
    import datetime as dt

    return format_date(dt.date.fromisoformat(iso[:10]), lang)


def export_json(data: dict, ballots: list[dict], count: dict | None) -> dict[str, Any]:
    """The whole round as JSON: its settings, ideas, every ballot and its count."""
    return {**data, "ballot_list": [
        {"ref": b["ref"], "entry": b["entry"], "marks": b["marks"], "points": b["points"],
         "entered_at": b["entered_at"], "entered_by": b["entered_by"],
         "void_reason": b["void_reason"]} for b in ballots], "count": count}
