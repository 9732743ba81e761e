"""``smederij round``: idea rounds from ideas to approved projects (parse, call, render).

Registered by ``cli.py`` with one ``add_typer`` line. The rules are in ``rounds.service``; the
tables are drawn from ``rounds.sheets`` by ``render``.
"""

from pathlib import Path
from typing import Annotated, Any

import typer

from smederij_cli import completion as tab, labels
from smederij_cli.cli import (DateOpt, Json, StreamOpt, YearOpt, _amount, _date, _deliver,
                              _words, ledger)
from smederij_cli.labels import say
from smederij_cli.money import format_cents

round_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help=(
    "Idea rounds (ideeënrondes): residents propose ideas, sign and vote; the count funds the "
    "winners as approved projects.\n\n"
    "\b\nExample: smederij round new --smederij noordscheschut --stream korte-klap --year 2027 "
    "--name voorjaar --budget 24.000,00 --vote approval --max-marks 5 --rule greedy-partial"))
idea_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                       help="The ideas of a round.\n\n\b\nExample: smederij round idea add 7 "
                            "--title 'Veegmachine ijsbaan' --amount 3.000,00 --signatures 41")
ballot_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="Ballots typed in by clerks: add, import, void.\n\n\b\nExample: "
                              "smederij round ballot add 7 --ref P-0113 --marks 3,5,8")
round_app.add_typer(idea_app, name="idea")
round_app.add_typer(ballot_app, name="ballot")

RoundId = Annotated[int, typer.Argument(metavar="ROUND", help="Round id (see 'round list').",
                                        autocompletion=tab.rounds)]
OptInt = Annotated[int | None, typer.Option(show_default=False)]
SmederijOpt = Annotated[str, typer.Option("--smederij", help="Smederij code.",
                                          autocompletion=tab.smederijen)]


def _rounds(led) -> Any:
    from smederij_cli.rounds.service import Rounds

    return Rounds(led)


def _say(text: str) -> None:
    from smederij_cli import render

    render.message(text)


def _lang() -> str:
    """The run's language: set by ``ledger`` (--lang, SMEDERIJ_LANG, else the programme's)."""
    return labels.message_language


def _money(cents: int) -> str:
    return format_cents(cents, _lang())


@round_app.command("new")
def round_new(
    ctx: typer.Context,
    smederij: SmederijOpt,
    stream: StreamOpt,
    year: Annotated[int, typer.Option(help="Budget year the winners are funded from.",
                                      autocompletion=tab.years)],
    name: Annotated[str, typer.Option(help="The round's name, e.g. voorjaar.")],
    budget: Annotated[str, typer.Option(help="What the round may spend, e.g. 24.000,00.")],
    vote: Annotated[str, typer.Option(
        help="approval, choose-1, cumulative (points), scoring or ordinal (ranked).")],
    rule: Annotated[str, typer.Option(
        help="all-fit, greedy, greedy-no-skip, greedy-partial, mes, mes-add1 or "
             "mes-add1-greedy.")],
    tie_break: Annotated[str, typer.Option(
        help="lot (with --seed), cheaper, signatures, submitted, id or id-as-text.")
    ] = "submitted",
    seed: Annotated[int | None, typer.Option(
        help="The lot's seed, stated before the vote (default: drawn now and stored).",
        show_default=False)] = None,
    max_marks: Annotated[int | None, typer.Option(
        help="At most this many ideas per ballot.", show_default=False)] = None,
    min_marks: Annotated[int | None, typer.Option(
        help="At least this many ideas per ballot.", show_default=False)] = None,
    max_points: Annotated[int | None, typer.Option(
        help="cumulative: the points each voter has.", show_default=False)] = None,
    max_points_per_idea: Annotated[int | None, typer.Option(
        help="cumulative/scoring: at most this many points for one idea.",
        show_default=False)] = None,
    min_score: Annotated[int | None, typer.Option(
        help="Ideas scoring less are not funded.", show_default=False)] = None,
    min_signatures: Annotated[int, typer.Option(
        help="Signatures an idea needs to be voted on (draagvlak).")] = 0,
    min_request: Annotated[str | None, typer.Option(
        help="Least an idea may ask.", show_default=False)] = None,
    max_request: Annotated[str | None, typer.Option(
        help="Most an idea may ask.", show_default=False)] = None,
    json_: Json = False,
) -> None:
    """Start an idea round for one Smederij, stream and year; prints its id.

    The vote type, rule and tie-break are fixed now, before any idea comes in.

    \b
    Example: smederij round new --smederij noordscheschut --stream korte-klap --year 2027 --name voorjaar --budget 24.000,00 --vote approval --max-marks 5 --rule greedy-partial --min-signatures 30 --max-request 3.500,00 --tie-break lot --seed 4711
    """
    from smederij_cli import render

    budget_cents = _amount(budget, "--budget")
    low, high = _amount(min_request, "--min-request"), _amount(max_request, "--max-request")
    with ledger(ctx) as led:
        # a Smederij and stream by code or name, as every command reads them (issue 15, 2)
        smederij, stream = _words(led, smederij=smederij, stream=stream).values()
        round_id = _rounds(led).new(
            smederij=smederij, stream=stream, year=year, name=name, budget_cents=budget_cents,
            vote_type=vote, rule=rule, tie_break=tie_break, seed=seed, max_marks=max_marks,
            min_marks=min_marks, max_points=max_points,
            max_points_per_idea=max_points_per_idea, min_score=min_score,
            min_signatures=min_signatures, min_request_cents=low, max_request_cents=high)
    render.print_json({"id": round_id}) if json_ else _say(str(round_id))


@idea_app.command("add")
def idea_add(
    ctx: typer.Context,
    round_id: RoundId,
    title: Annotated[str, typer.Option(help="What residents propose.")],
    amount: Annotated[str, typer.Option(help="What the idea asks.")],
    signatures: Annotated[int, typer.Option(help="Signatures of support.")] = 0,
    theme: Annotated[str | None, typer.Option(
        help="greenery, play, traffic, facilities, meeting, activities, health, care, safety, "
             "jobs or language.", show_default=False)] = None,
    json_: Json = False,
) -> None:
    """Add an idea to a round still open for ideas; prints the idea's id (its number on the
    ballot).

    \b
    Example: smederij round idea add 7 --title 'Veegmachine ijsbaan' --amount 3.000,00 --signatures 41
    """
    from smederij_cli import render

    cents = _amount(amount, "--amount")
    with ledger(ctx) as led:
        theme = _words(led, theme=theme)["theme"]
        idea_id = _rounds(led).add_idea(round_id, title=title, amount_cents=cents,
                                        signatures=signatures, theme=theme)
    render.print_json({"id": idea_id}) if json_ else _say(str(idea_id))


@round_app.command("close-ideas")
def close_ideas(ctx: typer.Context, round_id: RoundId, json_: Json = False) -> None:
    """Close a round for ideas and decide which may be voted on (signatures, request limits).

    When all eligible ideas fit the budget together, no vote is needed: count and award.

    \b
    Example: smederij round close-ideas 7
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        c = _rounds(led).close_ideas(round_id)
    if json_:
        render.print_json({"round": c.round_id, "eligible": c.eligible,
                           "ineligible": [{"id": i, "reason": why} for i, why in c.ineligible],
                           "eligible_cents": c.eligible_cents, "no_vote": c.no_vote})
        return
    _say(say("round_closed_line", round=round_id,
             n=labels.format_count(len(c.eligible), _lang()),
             ideas=", ".join(map(str, c.eligible)) or say("round_none"),
             total=_money(c.eligible_cents)))
    for idea_id, why in c.ineligible:
        _say(say("round_not_eligible_line", idea=idea_id, why=why))
    _say(say("round_no_vote_line") if c.no_vote else say("round_vote_starts_line"))


@ballot_app.command("add")
def ballot_add(
    ctx: typer.Context,
    round_id: RoundId,
    ref: Annotated[str, typer.Option(help="The number on the paper ballot, e.g. P-0113.")],
    marks: Annotated[str, typer.Option(
        help="Idea ids: 3,5,8 (approval, choose-1; ordinal: in the voter's order); "
             "points: 3:2,8:1 (cumulative, scoring).")],
) -> None:
    """Type in one paper ballot; it is checked against the round's rules.

    \b
    Example: smederij round ballot add 7 --ref P-0113 --marks 3,5,8
    """
    with ledger(ctx) as led:
        n = _rounds(led).add_ballot(round_id, ref, marks)
    _say(say("round_ballot_added", ref=ref.strip(), round=round_id,
             n=labels.format_count(n, _lang())))


@ballot_app.command("import")
def ballot_import(
    ctx: typer.Context,
    round_id: RoundId,
    file: Annotated[Path, typer.Argument(help="CSV with columns ref and marks.")],
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check every row and write nothing.")] = False,
) -> None:
    """Import ballots from a CSV file (ref;marks), all or nothing: every bad row is listed.

    \b
    Example: smederij round ballot import 7 stembiljetten.csv --dry-run
    """
    with ledger(ctx) as led:
        done = _rounds(led).import_ballots(round_id, file, dry_run=dry_run)
    n = labels.format_count(done["ballots"], _lang())
    _say(say("round_ballots_checked", n=n) if dry_run
         else say("round_ballots_imported", n=n, round=round_id))


@ballot_app.command("void")
def ballot_void(
    ctx: typer.Context,
    round_id: RoundId,
    ref: Annotated[str, typer.Argument(help="The ballot's ref.", autocompletion=tab.ballot_refs)],
    reason: Annotated[str, typer.Option(help="Why it does not count.")],
) -> None:
    """Take a ballot out of the count, with the reason (ballots are never edited).

    \b
    Example: smederij round ballot void 7 P-0113 --reason 'dubbel ingevoerd'
    """
    with ledger(ctx) as led:
        _rounds(led).void(round_id, ref, reason)
    _say(say("round_ballot_voided", ref=ref, round=round_id))


@round_app.command("count")
def round_count(
    ctx: typer.Context,
    round_id: Annotated[int | None, typer.Argument(
        metavar="[ROUND]", help="Round id; leave out with --pb.", show_default=False,
        autocompletion=tab.rounds)] = None,
    rule: Annotated[str | None, typer.Option(
        help="Count under another rule (what if: not stored).", show_default=False)] = None,
    tie_break: Annotated[str | None, typer.Option(
        help="Break ties another way (what if: not stored).", show_default=False)] = None,
    pb: Annotated[Path | None, typer.Option(
        "--pb", help="Recount a pabulib .pb file; no ledger needed.", show_default=False)
    ] = None,
    json_: Json = False,
) -> None:
    """Count a round's ballots under its rule: which ideas are funded, with what.

    The count itself writes nothing. Under the round's own rule and tie-break the result is
    kept as the count shown last (one audit row when it changed): 'round award' refuses if the
    ballots give another result by then.

    \b
    Example: smederij round count 7 --json
    Example: smederij round count --pb Poland_Swiecie_2023.pb --rule mes-add1 --json
    """
    from smederij_cli import render
    from smederij_cli.errors import InvalidInput
    from smederij_cli.rounds import sheets

    if (pb is None) == (round_id is None):
        raise InvalidInput(say("round_count_what"))
    kept = False
    if pb is not None:
        from smederij_cli.rounds.pabulib import count_file

        result = count_file(pb, rule, tie_break or "id-as-text").to_json()
        title = labels.label("round_count_of", _lang(), what=pb.name)
    else:
        with ledger(ctx) as led:
            data, kept = _rounds(led).show_count(round_id, rule=rule, tie_break=tie_break)
            result = data.to_json()
        title = labels.label("round_count_title", _lang(), round=round_id)
    if json_:
        render.print_json(result)
        return
    lang = _lang()
    render.sheet(sheets.count_sheet(result, title, lang), lang)
    for line in sheets.count_lines(result, lang):
        _say(line)
    if kept:
        _say(say("round_kept_line", round=round_id))


@round_app.command("award")
def round_award(
    ctx: typer.Context,
    round_id: RoundId,
    date: DateOpt = None,
    note: Annotated[str, typer.Option(help="Why: kept in each project's history.")] = "",
    json_: Json = False,
) -> None:
    """Make the winners approved projects with their commitments, in one transaction.

    Refused when the ballots no longer give the count shown last, or when the Smederij's
    available budget cannot cover the awards (the shortfall is named).

    \b
    Example: smederij round award 7 --date 2027-07-01 --note 'bewonersavond 24 juni'
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        done = _rounds(led).award(round_id, _date(date), note)
    if json_:
        render.print_json(done)
        return
    for p in done["projects"]:
        _say(say("round_award_line", idea=p["idea"], project=p["project"], title=p["title"],
                 amount=_money(p["awarded_cents"]))
             + (say("round_award_cofund", amount=_money(p["to_cofund_cents"]))
                if p["to_cofund_cents"] else ""))
    _say(say("round_awarded_line", round=round_id,
             n=labels.format_count(len(done["projects"]), _lang()),
             amount=_money(done["committed_cents"])))


@round_app.command("import")
def round_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A pabulib .pb file.")],
    smederij: SmederijOpt,
    stream: StreamOpt,
    year: YearOpt,
    name: Annotated[str | None, typer.Option(
        help="The round's name (default: the file's name).", show_default=False)] = None,
    json_: Json = False,
) -> None:
    """Import a round from a pabulib .pb file (ideas, ballots, rule); prints its id.

    \b
    Example: smederij round import Netherlands_Assen_2024.pb --smederij krakeel --stream lange-klap --year 2027
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        smederij, stream = _words(led, smederij=smederij, stream=stream).values()
        round_id = _rounds(led).import_pb(file, smederij=smederij, stream=stream, year=year,
                                          name=name)
    render.print_json({"id": round_id}) if json_ else _say(str(round_id))


EXPORTS = ("pb", "csv", "xlsx", "markdown", "json")


@round_app.command("export")
def round_export(
    ctx: typer.Context,
    round_id: RoundId,
    format: Annotated[str, typer.Option("--format", help="pb, csv, xlsx, markdown or json.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (xlsx needs it).", show_default=False)
    ] = None,
) -> None:
    """Write a round: as a pabulib .pb file, its count as CSV, XLSX or Markdown, or all of it
    as JSON (settings, ideas, every ballot, the count).

    \b
    Example: smederij round export 7 --format pb --output noordscheschut-2027.pb
    """
    from smederij_cli import render, writers
    from smederij_cli.errors import InvalidInput
    from smederij_cli.rounds import sheets

    if format not in EXPORTS:
        raise InvalidInput(say("round_unknown_format", format=repr(format),
                               known=", ".join(EXPORTS)))
    if format == "xlsx" and output is None:
        raise InvalidInput(say("round_xlsx_output"))
    with ledger(ctx) as led:
        rounds = _rounds(led)
        with led.store.snapshot():
            data = rounds.show(round_id)
            ballots = rounds.ballots(round_id)
            result = (rounds.count(round_id).to_json() if data["state"] != "open" else None)
            pb = rounds.export_pb(round_id) if format == "pb" else None
    names = {i["id"]: i["external_id"] for i in data["ideas"]}
    lang = _lang()
    if format == "pb":
        content: list = [pb]
    elif format == "json":
        content = list(render.json_chunks(sheets.export_json(data, ballots, result)))
    else:
        if result is None:
            raise InvalidInput(say("round_no_count_yet", round=round_id))
        count = sheets.count_sheet(result, labels.label(
            "round_count_named", lang, round=round_id, name=data["name"]), lang)
        if format == "csv":
            content = list(writers.csv_chunks(count))
        elif format == "markdown":
            content = list(writers.markdown_chunks([count], lang))
        else:
            content = [writers.write_xlsx([count, sheets.ideas_sheet(data, lang),
                                           sheets.ballots_sheet(ballots, names, lang)], lang)]
    _deliver(ctx, content, output, say("round_export_what", round=round_id, format=format))


@round_app.command("list")
def round_list(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(help="Only this year.", show_default=False,
                                             autocompletion=tab.years)] = None,
    smederij: Annotated[str | None, typer.Option(help="Only this Smederij.", show_default=False,
                                                 autocompletion=tab.smederijen)] = None,
    json_: Json = False,
) -> None:
    """The idea rounds, with their state, ideas, ballots and what was awarded.

    \b
    Example: smederij round list --year 2027 --smederij noordscheschut
    """
    from smederij_cli import render
    from smederij_cli.rounds import sheets

    with ledger(ctx) as led:
        smederij = _words(led, smederij=smederij)["smederij"]
        rows = _rounds(led).list(year=year, smederij=smederij)
    if json_:
        render.print_json([{**r, "no_vote": bool(r["no_vote"])} for r in rows])
    else:
        render.sheet(sheets.rounds_sheet(rows, _lang()), _lang())


@round_app.command("show")
def round_show(ctx: typer.Context, round_id: RoundId, json_: Json = False) -> None:
    """One round: its rules, ideas (eligible or why not, the project each became), ballots.

    \b
    Example: smederij round show 7 --json
    """
    from smederij_cli import render
    from smederij_cli.rounds import sheets

    with ledger(ctx) as led:
        data = _rounds(led).show(round_id)
    if json_:
        render.print_json(data)
        return
    lang = _lang()
    for line in sheets.round_lines(data, lang):
        _say(line)
    render.sheet(sheets.ideas_sheet(data, lang), lang)
    if data["shown_count"]:
        _say(say("round_shown_last", line=next(sheets.count_lines(data["shown_count"], lang))))

