"""Reading and writing pabulib ``.pb`` files, the exchange format of participatory budgeting.

A ``.pb`` file has three sections, each a ``;``-separated table under a header row:
``META`` (key;value), ``PROJECTS`` (project_id;cost;... one row per project) and ``VOTES``
(voter_id;vote[;points]... one row per voter). The reader takes files as they are published:
CRLF or LF line ends, an optional UTF-8 byte-order mark, ``;`` inside double quotes, every vote
type, and extra columns (``selected``, ``category``, a voter's ``age``...) which it keeps so that
a written file carries them again. Money in a file is in whole currency units (at most two
decimals); here it is cents.

No SQL, no terminal: the round's storage and the command line call these functions.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from smederij_cli.errors import InvalidInput
from smederij_cli.labels import say
from smederij_cli.rounds.model import VOTE_TYPES, Ballot, CountResult, Idea, Rules

SECTIONS = ("META", "PROJECTS", "VOTES")

# How a rule is written in META, in words pabulib's checker knows (its VALID_RULES), and read
# back. Three rules have no pabulib name of their own and are stated with a second key:
# - greedy-partial: ``rule;greedy-no-skip`` and a ``leftover_budget`` saying the first project
#   that does not fit gets the remainder (that project is ``selected`` 2, not 1);
# - mes-add1-greedy: ``rule;equalshares/add1`` and Amsterdam's ``leftover_budget`` sentence
#   (projects funded from the leftover are ``selected`` 2);
# - all-fit: ``rule;greedy`` and ``fully_funded;1`` (every project fits the budget).
# Other pabulib rules (``unknown``, ``greedy-custom``, ``greedy-exclusive``...) are counted with
# ``greedy``, the usual rule; the file's own word stays in ``PbRound.meta``.
RULE_FROM_PB = {
    "greedy": "greedy",
    "greedy-threshold": "greedy",
    "greedy-no-skip": "greedy-no-skip",
    "equalshares": "mes",
    "equalshares/add1": "mes-add1",
}
RULE_TO_PB = {
    "greedy": "greedy", "greedy-no-skip": "greedy-no-skip", "greedy-partial": "greedy-no-skip",
    "all-fit": "greedy", "mes": "equalshares", "mes-add1": "equalshares/add1",
    "mes-add1-greedy": "equalshares/add1",
}
PARTIAL_LEFTOVER = ("The first project that does not fit gets the remainder as a partial "
                    "award (selected 2)")
COMPLETION_LEFTOVER = "Fund additional projects that fit within leftover budget ordered by score"
DEFAULT_RULE = "greedy"


def rule_from_meta(meta: dict[str, str]) -> str:
    """The counting rule a file's META states (see RULE_FROM_PB)."""
    word = meta.get("rule", "").strip().lower()
    rule = RULE_FROM_PB.get(word, DEFAULT_RULE)
    leftover = meta.get("leftover_budget", "").lower()
    if rule == "greedy-no-skip" and "remainder" in leftover:
        return "greedy-partial"
    if rule == "mes-add1" and "ordered by score" in leftover:
        return "mes-add1-greedy"
    if word == "greedy" and meta.get("fully_funded", "").strip() == "1":
        return "all-fit"
    return rule


def _rule_meta(meta: dict[str, str], rules: Rules, total_cost: int) -> dict[str, str]:
    """META with the round's rule stated (unchanged when it already states it)."""
    if rule_from_meta(meta) == rules.rule and "rule" in meta:
        return meta
    meta = {k: v for k, v in meta.items() if k not in ("leftover_budget", "fully_funded")}
    meta["rule"] = RULE_TO_PB[rules.rule]
    if rules.rule == "greedy" and rules.min_score is not None:
        meta["rule"] = "greedy-threshold"        # the checker's word for greedy with one
    elif rules.rule == "greedy-partial":
        meta["leftover_budget"] = PARTIAL_LEFTOVER
    elif rules.rule == "mes-add1-greedy":
        meta["leftover_budget"] = COMPLETION_LEFTOVER
    elif rules.rule == "all-fit" and total_cost <= rules.budget_cents:
        meta["fully_funded"] = "1"
    return meta
POINT_TYPES = ("cumulative", "scoring")

# META keys the writer derives from the round itself (counts, money, vote type).
_DERIVED_META = ("num_projects", "num_votes", "budget", "vote_type")
# META keys pabulib's checker requires that only the caller can give (a ledger round:
# description, "Netherlands", "Hoogeveen", the year, and the voting dates as YYYY or DD.MM.YYYY).
REQUIRED_META = ("description", "country", "unit", "instance", "date_begin", "date_end")
# The order pabulib's checker expects (pabulib-checker 1.0.8, pabulib_helpers/fields.py); keys
# it does not know follow in the order the round has them.
META_ORDER = (
    "description", "country", "unit", "district", "subunit", "instance", "num_projects",
    "num_votes", "budget", "vote_type", "rule", "date_begin", "date_end", "min_length",
    "max_length", "min_sum_cost", "max_sum_cost", "min_points", "max_points", "min_sum_points",
    "max_sum_points", "default_score", "min_project_cost", "max_project_cost",
    "min_project_score_threshold", "neighborhoods", "subdistricts", "categories", "edition",
    "language", "currency", "fully_funded", "experimental", "comment", "acknowledgments",
    "leftover_budget", "budget_per_category", "budget_per_neighborhood",
    "min_length_per_category", "max_length_per_category", "min_sum_cost_per_category",
    "max_sum_cost_per_category")
PROJECT_ORDER = ("category", "beneficiaries", "selected", "neighborhood", "subunit", "district",
                 "description", "proposer", "public_id", "latitude", "longitude")
VOTER_ORDER = ("age", "sex", "voting_method", "district", "neighborhood", "education")


def _ordered(keys, order):
    known = [k for k in order if k in keys]
    return known + [k for k in keys if k not in order]
# PROJECTS columns the writer derives from the round itself.
_DERIVED_PROJECT_COLUMNS = ("project_id", "cost", "votes", "score", "name")


@dataclass(frozen=True)
class PbRound:
    """A round as a ``.pb`` file holds it. ``ideas`` are numbered 1.. in file order (``id``) and
    carry the file's ``project_id`` as ``external_id`` and its ``name`` as ``title``; ballots name
    ideas by that ``id``. ``project_columns`` keeps every other PROJECTS column per idea id
    (``selected``, ``category``...), ``voter_columns`` every other VOTES column per voter id."""

    ideas: tuple[Idea, ...]
    ballots: tuple[Ballot, ...]
    rules: Rules
    meta: dict[str, str] = field(default_factory=dict)
    project_columns: dict[int, dict[str, str]] = field(default_factory=dict)
    voter_columns: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def selected(self) -> dict[str, str] | None:
        """The file's ``selected`` column by project id (``"1"`` funded by the rule, ``"0"`` not,
        ``"2"``/``"3"`` funded for another stated reason), or None when the file has none."""
        if not any("selected" in cols for cols in self.project_columns.values()):
            return None
        return {i.external_id: self.project_columns.get(i.id, {}).get("selected", "")
                for i in self.ideas}

    def with_selected(self, result: CountResult) -> PbRound:
        """The round with a ``selected`` column from a count, so that a written file states its
        outcome and pabulib's checker can verify it: 1 for an idea the rule funds, 2 for one
        funded otherwise (greedy-partial's partial award, mes-add1-greedy's completion), 0 for
        the others."""
        code = {i.id: ("2" if i.outcome == "partial" or i.id in result.completion else
                       "1" if i.outcome == "funded" else "0") for i in result.ideas}
        columns = {i.id: {**self.project_columns.get(i.id, {}), "selected": code.get(i.id, "0")}
                   for i in self.ideas}
        return replace(self, project_columns=columns)


# --- reading ---------------------------------------------------------------------------------

def _line(label: str, line: int) -> str:
    """Where in a file: its name and line, in the run's language."""
    return say("round_pb_where", file=label, line=line)


def _units_to_cents(text: str, where: str, what: str) -> int:
    raw = text.strip().replace(",", ".")
    try:
        value = Fraction(raw) * 100
    except (ValueError, ZeroDivisionError):
        raise InvalidInput(say("round_pb_not_number", where=where, what=what,
                               text=repr(text))) from None
    if value.denominator != 1:
        raise InvalidInput(say("round_pb_decimals", where=where, what=what, text=repr(text)))
    if value < 0:
        raise InvalidInput(say("round_pb_negative", where=where, what=what, text=repr(text)))
    return int(value)


def _int(text: str, where: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput(say("round_pb_not_whole", where=where, what=what,
                               text=repr(text))) from None


def read_pb(source: str | Path, *, name: str | None = None) -> PbRound:
    """Read a ``.pb`` file: ``source`` is a path, or the file's text (anything containing a line
    break is taken as text; ``name`` then names it in messages). Raises InvalidInput naming the
    file, the line and what is wrong."""
    if isinstance(source, Path) or ("\n" not in source and "\r" not in source):
        path = Path(source)
        label = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(say("round_pb_unreadable", file=label,
                                   why=exc.strerror or exc)) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(say("round_pb_not_utf8", file=label, byte=exc.start)) from None
    else:
        label = name or "<pb text>"
        text = source[1:] if source.startswith("\ufeff") else source
    return _parse(text, label)


def _parse(text: str, label: str) -> PbRound:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"')
    tables: dict[str, tuple[int, list[str], list[tuple[int, list[str]]]]] = {}
    section = None
    header: list[str] | None = None
    header_line = 0
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            line = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            word = row[0].strip().upper()
            if len(row) == 1 and word in SECTIONS:
                if section is not None:
                    tables[section] = (header_line, header or [], rows)
                if word in tables:
                    raise InvalidInput(say("round_pb_second_section", where=_line(label, line),
                                           section=word))
                section, header, rows = word, None, []
                continue
            if section is None:
                raise InvalidInput(say("round_pb_before_meta", where=_line(label, line)))
            if header is None:
                header = [cell.strip() for cell in row]
                header_line = line
                continue
            rows.append((line, row))
    except csv.Error as exc:
        raise InvalidInput(say("round_pb_quotes", where=_line(label, reader.line_num),
                               why=exc)) from None
    if section is not None:
        tables[section] = (header_line, header or [], rows)
    for needed in SECTIONS:
        if needed not in tables:
            raise InvalidInput(say("round_pb_no_section", file=label, section=needed))

    meta = _read_meta(tables["META"], label)
    vote_type = meta.get("vote_type", "").strip().lower()
    if vote_type not in VOTE_TYPES:
        raise InvalidInput(say("round_pb_vote_type", file=label,
                               value=repr(meta.get('vote_type', '')),
                               known=", ".join(VOTE_TYPES)))
    if "budget" not in meta:
        raise InvalidInput(say("round_pb_no_budget", file=label))
    budget_cents = _units_to_cents(meta["budget"], f"{label}, META", say("round_pb_budget"))
    ideas, project_columns = _read_projects(tables["PROJECTS"], label)
    rules = _rules_from_meta(meta, vote_type, budget_cents, label)
    ballots, voter_columns = _read_votes(tables["VOTES"], label, ideas, vote_type)
    return PbRound(ideas=tuple(ideas), ballots=tuple(ballots), rules=rules, meta=meta,
                   project_columns=project_columns, voter_columns=voter_columns)


def _cells(label, line, header, row, section):
    if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
        raise InvalidInput(say("round_pb_width", where=_line(label, line), got=len(row),
                               section=section, want=len(header)))
    if len(row) < len(header):
        row = row + [""] * (len(header) - len(row))
    return dict(zip(header, row))


def _read_meta(table, label) -> dict[str, str]:
    header_line, header, rows = table
    meta: dict[str, str] = {}
    for line, row in rows:
        key = row[0].strip()
        if not key:
            raise InvalidInput(say("round_pb_meta_key", where=_line(label, line)))
        meta[key] = ";".join(row[1:]).strip() if len(row) > 2 else (row[1].strip()
                                                                    if len(row) > 1 else "")
    return meta


def _read_projects(table, label) -> tuple[list[Idea], dict[int, dict[str, str]]]:
    header_line, header, rows = table
    for needed in ("project_id", "cost"):
        if needed not in header:
            raise InvalidInput(say("round_pb_no_column", where=_line(label, header_line),
                                   section="PROJECTS", column=needed))
    ideas: list[Idea] = []
    extra: dict[int, dict[str, str]] = {}
    seen: dict[str, int] = {}
    for line, row in rows:
        cells = _cells(label, line, header, row, "PROJECTS")
        pid = cells["project_id"].strip()
        where = _line(label, line)
        if not pid:
            raise InvalidInput(say("round_pb_no_project_id", where=where))
        if pid in seen:
            raise InvalidInput(say("round_pb_project_twice", where=where, project=pid,
                                   first=seen[pid]))
        seen[pid] = line
        cost = _units_to_cents(cells["cost"], where, say("round_pb_cost", project=pid))
        idea_id = len(ideas) + 1
        ideas.append(Idea(id=idea_id, external_id=pid, title=cells.get("name", "").strip(),
                          cost_cents=cost, submitted=idea_id))
        extra[idea_id] = {k: v for k, v in cells.items() if k not in _DERIVED_PROJECT_COLUMNS}
    return ideas, extra


def _rules_from_meta(meta: dict[str, str], vote_type: str, budget_cents: int, label) -> Rules:
    def number(key):
        if not meta.get(key, "").strip():
            return None
        raw = meta[key].strip()
        try:
            value = Fraction(raw.replace(",", "."))
        except (ValueError, ZeroDivisionError):
            raise InvalidInput(say("round_pb_not_number", where=f"{label}, META", what=key,
                                   text=repr(raw))) from None
        if value.denominator != 1:
            raise InvalidInput(say("round_pb_not_whole", where=f"{label}, META", what=key,
                                   text=repr(raw)))
        return int(value)

    rule = rule_from_meta(meta)
    return Rules(
        vote_type=vote_type, rule=rule, budget_cents=budget_cents, tie_break="id-as-text",
        max_marks=number("max_length"), min_marks=number("min_length"),
        max_points=number("max_sum_points"), max_points_per_idea=number("max_points"),
        min_score=number("min_project_score_threshold"))


def _read_votes(table, label, ideas, vote_type) -> tuple[list[Ballot], dict[str, dict[str, str]]]:
    header_line, header, rows = table
    for needed in ("voter_id", "vote"):
        if needed not in header:
            raise InvalidInput(say("round_pb_no_column", where=_line(label, header_line),
                                   section="VOTES", column=needed))
    with_points = vote_type in POINT_TYPES
    if with_points and "points" not in header:
        raise InvalidInput(say("round_pb_points_column", where=_line(label, header_line),
                               vote=vote_type))
    by_pid = {i.external_id: i.id for i in ideas}
    ballots: list[Ballot] = []
    extra: dict[str, dict[str, str]] = {}
    seen: dict[str, int] = {}
    for line, row in rows:
        where = _line(label, line)
        cells = _cells(label, line, header, row, "VOTES")
        ref = cells["voter_id"].strip()
        if not ref:
            raise InvalidInput(say("round_pb_no_voter_id", where=where))
        if ref in seen:
            raise InvalidInput(say("round_pb_voter_twice", where=where, voter=ref,
                                   first=seen[ref]))
        seen[ref] = line
        names = [p.strip() for p in cells["vote"].split(",")] if cells["vote"].strip() else []
        marks = []
        for pid in names:
            if pid not in by_pid:
                raise InvalidInput(say("round_pb_foreign_project", where=where, voter=ref,
                                       project=repr(pid)))
            marks.append(by_pid[pid])
        if len(set(marks)) != len(marks):
            raise InvalidInput(say("round_pb_project_named_twice", where=where, voter=ref))
        points = None
        if with_points:
            raw = [p.strip() for p in cells["points"].split(",")] if cells["points"].strip() else []
            if len(raw) != len(marks):
                raise InvalidInput(say("round_pb_points_count", where=where, voter=ref,
                                       marks=len(marks), points=len(raw)))
            points = tuple(_int(p, where, say("round_pb_points_of", voter=ref)) for p in raw)
            if any(p < 0 for p in points):
                raise InvalidInput(say("round_pb_negative_points", where=where, voter=ref))
        ballots.append(Ballot(ref=ref, marks=tuple(marks), points=points))
        rest = {k: v for k, v in cells.items() if k not in ("voter_id", "vote", "points")}
        if rest:
            extra[ref] = rest
    return ballots, extra


# --- counting a file -------------------------------------------------------------------------

def count_file(path: str | Path, rule: str | None = None, tie_break: str = "id-as-text",
               **overrides) -> CountResult:
    """Read a ``.pb`` file and count it: with ``rule`` (one of model.RULES) instead of the one the
    file declares, and the given tie-break. ``overrides`` replace other ``Rules`` fields (e.g.
    ``min_score=None``). Pure: writes nothing."""
    from smederij_cli.rounds.counting import count

    pb = read_pb(path)
    rules = replace(pb.rules, tie_break=tie_break, **({"rule": rule} if rule else {}),
                    **overrides)
    return count(pb.ideas, pb.ballots, rules)


# --- writing ---------------------------------------------------------------------------------

def _cents_to_units(cents: int) -> str:
    return str(cents // 100) if cents % 100 == 0 else f"{cents // 100}.{cents % 100:02d}"


def idea_scores(ideas, ballots, rules) -> tuple[dict[int, int], dict[int, int]]:
    """(votes, score) per idea id: votes = ballots naming the idea; score as the counting rules
    define it (see counting.scores)."""
    from smederij_cli.rounds.counting import scores

    return scores(ideas, ballots, rules)


def write_pb(pb: PbRound) -> str:
    """The round as ``.pb`` text (LF line ends, UTF-8, no byte-order mark) that pabulib's checker
    accepts: META with num_projects, num_votes, budget and vote_type taken from the round itself;
    PROJECTS with votes (ballots naming the project) and, for points and ranked rounds, score
    recounted from the ballots; VOTES with one row per ballot. Other META keys and columns the
    round carries are written as they came, in the order the checker expects. The checker also
    requires the REQUIRED_META keys, which only the caller can give in ``pb.meta``."""
    rules = pb.rules
    votes, score = idea_scores(pb.ideas, pb.ballots, rules)
    ext = {i.id: i.external_id for i in pb.ideas}
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", quotechar='"', lineterminator="\n",
                   quoting=csv.QUOTE_MINIMAL)

    meta = dict(pb.meta)
    meta["num_projects"] = str(len(pb.ideas))
    meta["num_votes"] = str(len(pb.ballots))
    try:
        same_budget = _units_to_cents(meta.get("budget", ""), "", "") == rules.budget_cents
    except InvalidInput:
        same_budget = False
    if not same_budget:
        meta["budget"] = _cents_to_units(rules.budget_cents)
    meta["vote_type"] = rules.vote_type
    meta = _rule_meta(meta, rules, sum(i.cost_cents for i in pb.ideas))
    max_marks = rules.max_marks
    if max_marks is not None and rules.vote_type != "ordinal" and max_marks > len(pb.ideas):
        # the checker refuses max_length above num_projects; for a vote that only limits the
        # marks the two say the same (not for ordinal, where L gives the points)
        max_marks = len(pb.ideas)
        if "max_length" in meta:
            meta["max_length"] = str(max_marks)
    for key, value in (("min_length", rules.min_marks), ("max_length", max_marks),
                       ("max_sum_points", rules.max_points),
                       ("max_points", rules.max_points_per_idea),
                       ("min_project_score_threshold", rules.min_score)):
        if value is not None and key not in meta:
            meta[key] = str(value)
    w.writerow(["META"])
    w.writerow(["key", "value"])
    for key in _ordered(list(meta), META_ORDER):
        w.writerow([key, meta[key]])

    with_score = rules.vote_type not in ("approval", "choose-1")
    # a file without names (some published ones have none) stays without: the checker refuses
    # an empty name but accepts a missing column
    with_name = any(i.title for i in pb.ideas)
    extra_cols: list[str] = []
    for cols in pb.project_columns.values():
        for key in cols:
            if key not in extra_cols and key not in _DERIVED_PROJECT_COLUMNS:
                extra_cols.append(key)
    extra_cols = _ordered(extra_cols, PROJECT_ORDER)
    w.writerow(["PROJECTS"])
    w.writerow(["project_id", "cost", "votes"] + (["score"] if with_score else [])
               + (["name"] if with_name else []) + extra_cols)
    for idea in pb.ideas:
        cols = pb.project_columns.get(idea.id, {})
        w.writerow([idea.external_id, _cents_to_units(idea.cost_cents), votes[idea.id]]
                   + ([score[idea.id]] if with_score else [])
                   + ([idea.title] if with_name else []) + [cols.get(k, "") for k in extra_cols])

    with_points = rules.vote_type in POINT_TYPES
    voter_cols: list[str] = []
    for cols in pb.voter_columns.values():
        for key in cols:
            if key not in voter_cols:
                voter_cols.append(key)
    voter_cols = _ordered(voter_cols, VOTER_ORDER)
    w.writerow(["VOTES"])
    w.writerow(["voter_id", "vote"] + (["points"] if with_points else []) + voter_cols)
    for ballot in pb.ballots:
        row = [ballot.ref, ",".join(ext[m] for m in ballot.marks)]
        if with_points:
            row.append(",".join(str(p) for p in (ballot.points or ())))
        cols = pb.voter_columns.get(ballot.ref, {})
        w.writerow(row + [cols.get(k, "") for k in voter_cols])
    return out.getvalue()
