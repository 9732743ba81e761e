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
from smederij_cli.rounds.model import VOTE_TYPES, Ballot, CountResult, Idea, Rules

SECTIONS = ("META", "PROJECTS", "VOTES")

# META ``rule`` values of pabulib and the rule they mean here. Anything else (``unknown``,
# ``greedy-threshold``, ``greedy-custom``...) is counted with ``greedy``, the usual rule, and the
# file's own word stays in ``PbRound.meta``.
RULE_FROM_PB = {
    "greedy": "greedy",
    "greedy-no-skip": "greedy-no-skip",
    "greedy-partial": "greedy-partial",
    "all-fit": "all-fit",
    "equalshares": "mes",
    "equalshares/add1": "mes-add1",
    "equalshares/add1/greedy": "mes-add1-greedy",
}
RULE_TO_PB = {
    "greedy": "greedy", "greedy-no-skip": "greedy-no-skip", "greedy-partial": "greedy-partial",
    "all-fit": "all-fit", "mes": "equalshares", "mes-add1": "equalshares/add1",
    "mes-add1-greedy": "equalshares/add1/greedy",
}
DEFAULT_RULE = "greedy"
POINT_TYPES = ("cumulative", "scoring")

# META keys the writer derives from the round itself (counts, money, vote type).
_DERIVED_META = ("num_projects", "num_votes", "budget", "vote_type")
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


# --- reading ---------------------------------------------------------------------------------

def _units_to_cents(text: str, where: str, what: str) -> int:
    raw = text.strip().replace(",", ".")
    try:
        value = Fraction(raw) * 100
    except (ValueError, ZeroDivisionError):
        raise InvalidInput(f"{where}: {what} {text!r} is not a number; write it like 12500 or "
                           f"12500.50") from None
    if value.denominator != 1:
        raise InvalidInput(f"{where}: {what} {text!r} has more than two decimals; round it to "
                           f"cents")
    if value < 0:
        raise InvalidInput(f"{where}: {what} {text!r} is negative; it must be 0 or more")
    return int(value)


def _int(text: str, where: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput(f"{where}: {what} {text!r} is not a whole number") from None


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
            raise InvalidInput(f"{label}: cannot read the file ({exc.strerror or exc}); check the "
                               f"path") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"{label}: not UTF-8 text (byte {exc.start}); save the file as "
                               f"UTF-8") from None
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
                    raise InvalidInput(f"{label}, line {line}: a second {word} section; a file "
                                       f"has one each of META, PROJECTS and VOTES")
                section, header, rows = word, None, []
                continue
            if section is None:
                raise InvalidInput(f"{label}, line {line}: text before the META section; a .pb "
                                   f"file starts with a line META")
            if header is None:
                header = [cell.strip() for cell in row]
                header_line = line
                continue
            rows.append((line, row))
    except csv.Error as exc:
        raise InvalidInput(f"{label}, line {reader.line_num}: {exc}; check the quotes") from None
    if section is not None:
        tables[section] = (header_line, header or [], rows)
    for needed in SECTIONS:
        if needed not in tables:
            raise InvalidInput(f"{label}: no {needed} section; a .pb file has META, PROJECTS and "
                               f"VOTES sections, each a line of its own")

    meta = _read_meta(tables["META"], label)
    vote_type = meta.get("vote_type", "").strip().lower()
    if vote_type not in VOTE_TYPES:
        raise InvalidInput(f"{label}: META vote_type {meta.get('vote_type', '')!r} is not one of "
                           f"{', '.join(VOTE_TYPES)}")
    if "budget" not in meta:
        raise InvalidInput(f"{label}: META has no budget; add a line budget;AMOUNT")
    budget_cents = _units_to_cents(meta["budget"], f"{label}, META", "budget")
    ideas, project_columns = _read_projects(tables["PROJECTS"], label)
    rules = _rules_from_meta(meta, vote_type, budget_cents, label)
    ballots, voter_columns = _read_votes(tables["VOTES"], label, ideas, vote_type)
    return PbRound(ideas=tuple(ideas), ballots=tuple(ballots), rules=rules, meta=meta,
                   project_columns=project_columns, voter_columns=voter_columns)


def _cells(label, line, header, row, section):
    if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
        raise InvalidInput(f"{label}, line {line}: {len(row)} fields but the {section} header has "
                           f"{len(header)}; quote a value that contains ';'")
    if len(row) < len(header):
        row = row + [""] * (len(header) - len(row))
    return dict(zip(header, row))


def _read_meta(table, label) -> dict[str, str]:
    header_line, header, rows = table
    meta: dict[str, str] = {}
    for line, row in rows:
        key = row[0].strip()
        if not key:
            raise InvalidInput(f"{label}, line {line}: a META line without a key")
        meta[key] = ";".join(row[1:]).strip() if len(row) > 2 else (row[1].strip()
                                                                    if len(row) > 1 else "")
    return meta


def _read_projects(table, label) -> tuple[list[Idea], dict[int, dict[str, str]]]:
    header_line, header, rows = table
    for needed in ("project_id", "cost"):
        if needed not in header:
            raise InvalidInput(f"{label}, line {header_line}: the PROJECTS header has no "
                               f"{needed} column")
    ideas: list[Idea] = []
    extra: dict[int, dict[str, str]] = {}
    seen: dict[str, int] = {}
    for line, row in rows:
        cells = _cells(label, line, header, row, "PROJECTS")
        pid = cells["project_id"].strip()
        where = f"{label}, line {line}"
        if not pid:
            raise InvalidInput(f"{where}: a project without a project_id")
        if pid in seen:
            raise InvalidInput(f"{where}: project {pid} appears twice (first on line "
                               f"{seen[pid]}); every project_id must be unique")
        seen[pid] = line
        cost = _units_to_cents(cells["cost"], where, f"cost of project {pid}")
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
            raise InvalidInput(f"{label}, META: {key} {raw!r} is not a number") from None
        if value.denominator != 1:
            raise InvalidInput(f"{label}, META: {key} {raw!r} is not a whole number")
        return int(value)

    rule = RULE_FROM_PB.get(meta.get("rule", "").strip().lower(), DEFAULT_RULE)
    return Rules(
        vote_type=vote_type, rule=rule, budget_cents=budget_cents, tie_break="id-as-text",
        max_marks=number("max_length"), min_marks=number("min_length"),
        max_points=number("max_sum_points"), max_points_per_idea=number("max_points"),
        min_score=number("min_project_score_threshold"))


def _read_votes(table, label, ideas, vote_type) -> tuple[list[Ballot], dict[str, dict[str, str]]]:
    header_line, header, rows = table
    for needed in ("voter_id", "vote"):
        if needed not in header:
            raise InvalidInput(f"{label}, line {header_line}: the VOTES header has no {needed} "
                               f"column")
    with_points = vote_type in POINT_TYPES
    if with_points and "points" not in header:
        raise InvalidInput(f"{label}, line {header_line}: a {vote_type} file needs a points "
                           f"column in VOTES")
    by_pid = {i.external_id: i.id for i in ideas}
    ballots: list[Ballot] = []
    extra: dict[str, dict[str, str]] = {}
    seen: dict[str, int] = {}
    for line, row in rows:
        where = f"{label}, line {line}"
        cells = _cells(label, line, header, row, "VOTES")
        ref = cells["voter_id"].strip()
        if not ref:
            raise InvalidInput(f"{where}: a vote without a voter_id")
        if ref in seen:
            raise InvalidInput(f"{where}: voter {ref} votes twice (first on line {seen[ref]}); "
                               f"every voter_id must be unique")
        seen[ref] = line
        names = [p.strip() for p in cells["vote"].split(",")] if cells["vote"].strip() else []
        marks = []
        for pid in names:
            if pid not in by_pid:
                raise InvalidInput(f"{where}: voter {ref} votes for project {pid!r}, which is not "
                                   f"in PROJECTS")
            marks.append(by_pid[pid])
        if len(set(marks)) != len(marks):
            raise InvalidInput(f"{where}: voter {ref} names a project twice")
        points = None
        if with_points:
            raw = [p.strip() for p in cells["points"].split(",")] if cells["points"].strip() else []
            if len(raw) != len(marks):
                raise InvalidInput(f"{where}: voter {ref} names {len(marks)} projects but gives "
                                   f"{len(raw)} points; give one number per project")
            points = tuple(_int(p, where, f"points of voter {ref}") for p in raw)
            if any(p < 0 for p in points):
                raise InvalidInput(f"{where}: voter {ref} gives negative points")
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
    round carries are written as they came."""
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
    if RULE_FROM_PB.get(meta.get("rule", "").strip().lower(), DEFAULT_RULE) != rules.rule:
        meta["rule"] = RULE_TO_PB[rules.rule]
    for key, value in (("min_length", rules.min_marks), ("max_length", rules.max_marks),
                       ("max_sum_points", rules.max_points),
                       ("max_points", rules.max_points_per_idea),
                       ("min_project_score_threshold", rules.min_score)):
        if value is not None and key not in meta:
            meta[key] = str(value)
    w.writerow(["META"])
    w.writerow(["key", "value"])
    for key, value in meta.items():
        w.writerow([key, value])

    with_score = rules.vote_type not in ("approval", "choose-1")
    extra_cols: list[str] = []
    for cols in pb.project_columns.values():
        for key in cols:
            if key not in extra_cols and key not in _DERIVED_PROJECT_COLUMNS:
                extra_cols.append(key)
    w.writerow(["PROJECTS"])
    w.writerow(["project_id", "cost", "votes"] + (["score"] if with_score else []) + ["name"]
               + extra_cols)
    for idea in pb.ideas:
        cols = pb.project_columns.get(idea.id, {})
        w.writerow([idea.external_id, _cents_to_units(idea.cost_cents), votes[idea.id]]
                   + ([score[idea.id]] if with_score else []) + [idea.title]
                   + [cols.get(k, "") for k in extra_cols])

    with_points = rules.vote_type in POINT_TYPES
    voter_cols: list[str] = []
    for cols in pb.voter_columns.values():
        for key in cols:
            if key not in voter_cols:
                voter_cols.append(key)
    w.writerow(["VOTES"])
    w.writerow(["voter_id", "vote"] + (["points"] if with_points else []) + voter_cols)
    for ballot in pb.ballots:
        row = [ballot.ref, ",".join(ext[m] for m in ballot.marks)]
        if with_points:
            row.append(",".join(str(p) for p in (ballot.points or ())))
        cols = pb.voter_columns.get(ballot.ref, {})
        w.writerow(row + [cols.get(k, "") for k in voter_cols])
    return out.getvalue()
