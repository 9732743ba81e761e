"""pabulib .pb files: reading real files as published, clear errors, writing files the pabulib
checker accepts, and import -> export -> import giving the same round."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from smederij_cli.errors import InvalidInput
from smederij_cli.rounds.model import Ballot, Idea, Rules
from smederij_cli.rounds.pabulib import PbRound, count_file, read_pb, write_pb
from tests.pabulib_data import DATA, needs_data, pb_files

SMALL = (
    "META\r\n"
    "key;value\r\n"
    "description;Noordscheschut; test\r\n"
    "num_projects;3\r\n"
    "num_votes;3\r\n"
    "budget;24000\r\n"
    "vote_type;approval\r\n"
    "rule;greedy\r\n"
    "max_length;2\r\n"
    "PROJECTS\r\n"
    "project_id;cost;votes;name;selected\r\n"
    '1;12000;2;"Speeltuin; nieuwe toestellen";1\r\n'
    "2;10500;2;Bankjes bij de vaart;1\r\n"
    "3;2840.50;1;Veegmachine ijsbaan;0\r\n"
    "VOTES\r\n"
    "voter_id;vote;age\r\n"
    "v1;1,2;34\r\n"
    "v2;2,3;51\r\n"
    "v3;1;\r\n"
)


def test_reads_the_sections_columns_and_money_in_cents():
    pb = read_pb(SMALL, name="small.pb")
    assert [i.external_id for i in pb.ideas] == ["1", "2", "3"]
    assert [i.id for i in pb.ideas] == [1, 2, 3]
    assert pb.ideas[0].title == "Speeltuin; nieuwe toestellen"     # ; inside double quotes
    assert pb.ideas[2].cost_cents == 284050
    assert pb.rules == Rules(vote_type="approval", rule="greedy", budget_cents=2_400_000,
                             tie_break="id-as-text", max_marks=2)
    assert pb.ballots == (Ballot("v1", (1, 2)), Ballot("v2", (2, 3)), Ballot("v3", (1,)))
    assert pb.selected == {"1": "1", "2": "1", "3": "0"}
    assert pb.voter_columns["v1"] == {"age": "34"}
    assert pb.meta["description"] == "Noordscheschut; test"


def test_line_ends_and_byte_order_mark_do_not_matter(tmp_path):
    lf = SMALL.replace("\r\n", "\n")
    crlf_bom = tmp_path / "bom.pb"
    crlf_bom.write_bytes(b"\xef\xbb\xbf" + SMALL.encode("utf-8"))
    lf_file = tmp_path / "lf.pb"
    lf_file.write_bytes(lf.encode("utf-8"))
    base = read_pb(SMALL)
    assert read_pb(crlf_bom) == base
    assert read_pb(str(lf_file)) == base
    assert read_pb("\ufeff" + lf) == base


@pytest.mark.parametrize("broken, message", [
    (SMALL.replace("v2;2,3;51", "v2;2,9;51"), "line 18: voter v2 votes for project '9'"),
    (SMALL.replace("2840.50", "2840.505"), "line 14: cost of project 3 '2840.505' has more"),
    (SMALL.replace("2840.50", "veel"), "line 14: cost of project 3 'veel' is not a number"),
    (SMALL.replace("v3;1;", "v1;1;"), "line 19: voter v1 votes twice (first on line 17)"),
    (SMALL.replace("vote_type;approval", "vote_type;borda"), "META vote_type 'borda'"),
    (SMALL.replace("budget;24000\r\n", ""), "META has no budget"),
    (SMALL.replace("VOTES\r\n", ""), "no VOTES section"),
    (SMALL.replace("3;2840.50", "2;2840.50"), "line 14: project 2 appears twice"),
    (SMALL.replace("v2;2,3;51", "v2;2,2;51"), "line 18: voter v2 names a project twice"),
    (SMALL.replace("vote_type;approval", "vote_type;cumulative").replace(
        "voter_id;vote;age", "voter_id;vote;points").replace("v1;1,2;34", "v1;1,2;3"),
     "line 17: voter v1 names 2 projects but gives 1 points"),
])
def test_bad_files_name_file_line_and_what_is_wrong(broken, message):
    with pytest.raises(InvalidInput) as err:
        read_pb(broken, name="ronde.pb")
    assert str(err.value).startswith("ronde.pb")
    assert message in str(err.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInput, match="nope.pb: cannot read the file"):
        read_pb(tmp_path / "nope.pb")


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.pb"
    path.write_bytes(SMALL.replace("Bankjes", "Bänkjes").encode("latin-1"))
    with pytest.raises(InvalidInput, match="latin1.pb: not UTF-8"):
        read_pb(path)


# --- every real file -------------------------------------------------------------------------

def _real_files():
    return [pytest.param(p, id=p.stem) for p in pb_files()] or [
        pytest.param(None, marks=needs_data)]


def _sections(text: str) -> dict[str, list[list[str]]]:
    """An independent, minimal reading of a .pb text, as pabulib's checker does its structural
    checks: section -> rows (header first)."""
    out: dict[str, list[list[str]]] = {}
    current = None
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        if not row:
            continue
        if len(row) == 1 and row[0].strip() in ("META", "PROJECTS", "VOTES"):
            current = row[0].strip()
            out[current] = []
            continue
        out[current].append(row)
    return out


def check_like_pabulib_checker(text: str) -> None:
    """The structural checks pabulib-checker makes: three sections in order, META counts equal
    the rows, every vote names a known project, votes and score columns equal the ballots, the
    vote lengths and points within the stated limits, costs within the budget's format."""
    assert [line.strip() for line in text.splitlines()
            if line.strip() in ("META", "PROJECTS", "VOTES")] == ["META", "PROJECTS", "VOTES"]
    sec = _sections(text)
    meta = {r[0]: r[1] for r in sec["META"][1:]}
    assert sec["META"][0] == ["key", "value"]
    for key in ("num_projects", "num_votes", "budget", "vote_type"):
        assert key in meta, key
    p_head, *projects = sec["PROJECTS"]
    v_head, *votes = sec["VOTES"]
    assert int(meta["num_projects"]) == len(projects)
    assert int(meta["num_votes"]) == len(votes)
    assert p_head[:3] == ["project_id", "cost", "votes"]
    assert v_head[:2] == ["voter_id", "vote"]
    pid = {r[0]: dict(zip(p_head, r)) for r in projects}
    assert len(pid) == len(projects)
    counted = {p: 0 for p in pid}
    points = {p: 0 for p in pid}
    voters = set()
    for row in votes:
        cells = dict(zip(v_head, row))
        assert cells["voter_id"] not in voters
        voters.add(cells["voter_id"])
        marks = cells["vote"].split(",") if cells["vote"] else []
        assert len(set(marks)) == len(marks)
        for m in marks:
            counted[m] += 1
        if "points" in cells:
            pts = [int(x) for x in cells["points"].split(",")] if cells["points"] else []
            assert len(pts) == len(marks)
            for m, x in zip(marks, pts):
                points[m] += x
        elif meta["vote_type"] == "ordinal":
            length = int(meta.get("max_length") or len(marks))
            for pos, m in enumerate(marks):
                points[m] += length - pos
        if meta.get("max_length"):
            assert len(marks) <= int(meta["max_length"])
    for p, cells in pid.items():
        assert int(cells["votes"]) == counted[p], p
        if "score" in cells:
            assert int(cells["score"]) == points[p], p
        float(cells["cost"])


@pytest.mark.parametrize("path", _real_files())
def test_every_real_file_reads_and_recounts_its_own_columns(path):
    pb = read_pb(path)
    assert len(pb.ideas) == int(pb.meta["num_projects"])
    assert len(pb.ballots) == int(pb.meta["num_votes"])
    from smederij_cli.rounds.counting import scores
    votes, score = scores(pb.ideas, pb.ballots, pb.rules)
    for idea in pb.ideas:
        cols = pb.project_columns[idea.id]
        assert "votes" not in cols       # derived, recounted from the ballots
    raw = _sections(path.read_text(encoding="utf-8-sig"))
    head, *rows = raw["PROJECTS"]
    for row, idea in zip(rows, pb.ideas):
        cells = dict(zip(head, row))
        assert cells["project_id"] == idea.external_id
        if cells.get("votes"):
            assert int(cells["votes"]) == votes[idea.id]
        if cells.get("score") and pb.rules.vote_type != "approval":
            assert int(cells["score"]) == score[idea.id]


@pytest.mark.parametrize("path", _real_files())
def test_every_real_file_round_trips_and_passes_the_checker(path):
    pb = read_pb(path)
    text = write_pb(pb)
    check_like_pabulib_checker(text)
    again = read_pb(text, name="written.pb")
    assert again == pb
    assert write_pb(again) == text


def test_writer_output_keeps_quoted_semicolons_and_derives_counts():
    pb = read_pb(SMALL)
    text = write_pb(pb)
    check_like_pabulib_checker(text)
    assert '"Speeltuin; nieuwe toestellen"' in text
    assert "3;2840.50;1;Veegmachine ijsbaan;0" in text
    assert read_pb(text) == pb


def test_writer_takes_a_ledger_round_with_its_own_ids():
    """A clerk's round: idea ids from the ledger, points ballots; the file names ideas by their
    external ids and the scores are the points."""
    ideas = (Idea(id=41, external_id="41", title="Jeu de boules", cost_cents=150_000),
             Idea(id=42, external_id="42", title="Moestuin", cost_cents=600_000))
    ballots = (Ballot("P-1", (42, 41), (2, 1)), Ballot("P-2", (42,), (3,)))
    rules = Rules(vote_type="cumulative", rule="greedy-partial", budget_cents=700_000,
                  max_points=3)
    text = write_pb(PbRound(ideas=ideas, ballots=ballots, rules=rules,
                            meta={"description": "Krakeel 2027"}))
    check_like_pabulib_checker(text)
    assert "42;6000;2;5;Moestuin" in text
    assert "rule;greedy-no-skip" in text and "max_sum_points;3" in text
    assert "leftover_budget;The first project that does not fit gets the remainder" in text
    back = read_pb(text)
    assert [(i.external_id, i.cost_cents) for i in back.ideas] == [("41", 150_000),
                                                                   ("42", 600_000)]
    assert back.rules == replace(rules, tie_break="id-as-text")
    assert [b.points for b in back.ballots] == [(2, 1), (3,)]


@needs_data
def test_count_file_reads_and_counts_with_the_rule_asked():
    path = DATA / "Poland_Warszawa_2017_Sadul.pb"
    result = count_file(path)
    assert result.rule == "greedy"
    assert result.to_json()["winners_external"] == ["1549", "1547"]     # selection order
    assert result.left_cents == 80_00
    mes = count_file(path, rule="mes")
    assert sorted(mes.to_json()["winners_external"]) == ["1549", "2290"]


@needs_data
def test_file_threshold_becomes_the_rounds_minimum_score():
    pb = read_pb(DATA / "Poland_Gdynia_2020_Babie_Doly__small.pb")
    assert pb.rules.min_score == 50
    assert pb.rules.rule == "greedy-no-skip"
    assert (pb.rules.min_marks, pb.rules.max_marks) == (1, 3)


@needs_data
def test_scoring_files_read_like_cumulative_ones():
    """No real scoring file exists in pabulib; a cumulative one relabelled is read, counted and
    written the same way (as pabutools parses scoring like cumulative)."""
    text = (DATA / "Poland_Czestochowa_2020_Grabowka.pb").read_text(encoding="utf-8")
    scoring = read_pb(text.replace("vote_type;cumulative", "vote_type;scoring"))
    cumulative = read_pb(text)
    assert scoring.rules.vote_type == "scoring"
    assert scoring.ballots == cumulative.ballots
    from smederij_cli.rounds.counting import count
    assert (count(scoring.ideas, scoring.ballots, scoring.rules).winners
            == count(cumulative.ideas, cumulative.ballots, cumulative.rules).winners)
    written = write_pb(scoring)
    check_like_pabulib_checker(written)
    assert read_pb(written) == scoring


# --- pabulib's own checker -------------------------------------------------------------------

def pabulib_checker(text_or_path) -> tuple[dict, dict]:
    """(errors, warnings) of pabulib-checker on one file or text."""
    checker = pytest.importorskip("pabulib.checker", reason="pabulib-checker not installed "
                                  "(pip install -e '.[test]')")
    results = checker.Checker().process_files([str(text_or_path)])
    [found] = [v for k, v in results.items() if k not in ("metadata", "summary")]
    return found["results"]["errors"], found["results"]["warnings"]


@pytest.mark.parametrize("path", _real_files())
def test_pabulib_checker_finds_nothing_new_in_what_the_writer_wrote(path):
    """The checker's verdict on the written file equals its verdict on the published one (all
    files pass except Toulouse's language;french, which is kept as published); with the
    rule's outcome as the selected column, files without one lose that warning too."""
    pb = read_pb(path)
    errors, warnings = pabulib_checker(write_pb(pb))
    assert errors == pabulib_checker(path)[0]
    if pb.selected is None and pb.rules.vote_type != "ordinal":
        from smederij_cli.rounds.counting import count
        result = count(pb.ideas, pb.ballots, pb.rules)
        errors, warnings = pabulib_checker(write_pb(pb.with_selected(result)))
        assert "missing selected field in projects" not in warnings
        assert errors == pabulib_checker(path)[0]


def test_pabulib_checker_accepts_a_hoogeveen_round():
    """A ledger round exported with the META a clerk's round has: no errors, no warnings."""
    ideas = (Idea(id=7, external_id="7", title="Veegmachine ijsbaan", cost_cents=300_000),
             Idea(id=8, external_id="8", title="Bankjes langs de vaart", cost_cents=90_000),
             Idea(id=9, external_id="9", title="Jeu-de-boulesbaan", cost_cents=1_200_000))
    ballots = (Ballot("P-0113", (7, 9)), Ballot("P-0114", (9,)), Ballot("P-0115", (8, 7, 9)))
    rules = Rules(vote_type="approval", rule="greedy", budget_cents=1_300_000, max_marks=5)
    meta = {"description": "Smederij Noordscheschut, korte klap, voorjaar 2027",
            "country": "Netherlands", "unit": "Hoogeveen", "subunit": "Noordscheschut",
            "instance": "2027", "date_begin": "01.03.2027", "date_end": "31.03.2027",
            "language": "nl", "currency": "EUR"}
    from smederij_cli.rounds.counting import count
    pb = PbRound(ideas=ideas, ballots=ballots, rules=rules, meta=meta)
    pb = pb.with_selected(count(ideas, ballots, rules))
    text = write_pb(pb)
    assert pabulib_checker(text) == ({}, {})
    # at most 5 marks among 3 ideas is at most 3: the checker wants max_length <= num_projects
    assert "max_length;3" in text
    back = read_pb(text)
    assert back.rules == replace(rules, max_marks=3)
    assert back.selected == {"7": "0", "8": "1", "9": "1"}
    assert [(b.ref, [back.ideas[m - 1].external_id for m in b.marks]) for b in back.ballots] == [
        ("P-0113", ["7", "9"]), ("P-0114", ["9"]), ("P-0115", ["8", "7", "9"])]


@pytest.mark.parametrize("rule", ["greedy", "greedy-no-skip", "greedy-partial", "mes",
                                  "mes-add1", "mes-add1-greedy", "all-fit"])
def test_every_rule_is_written_in_words_the_checker_knows_and_read_back(rule):
    """Counted and written with its outcome as selected, each rule's file passes pabulib's
    checker, which recomputes greedy, no-skip and equal shares itself; reading it back gives
    the same rule."""
    from smederij_cli.rounds.counting import count
    ideas = tuple(Idea(k, str(k), f"Idee {k}", cost) for k, cost in
                  enumerate((1_200_000, 1_050_000, 284_000, 90_000, 40_000), start=1))
    ballots = tuple(Ballot(f"v{n}", tuple(k for k in range(1, 6) if (n + k) % 3 or k == 1))
                    for n in range(1, 31))
    budget = 2_700_000 if rule == "all-fit" else 2_400_000
    rules = Rules(vote_type="approval", rule=rule, budget_cents=budget, max_marks=5)
    meta = {"description": "Noordscheschut", "country": "Netherlands", "unit": "Hoogeveen",
            "instance": "2027", "date_begin": "2027", "date_end": "2027"}
    result = count(ideas, ballots, rules)
    pb = PbRound(ideas=ideas, ballots=ballots, rules=rules, meta=meta).with_selected(result)
    text = write_pb(pb)
    errors, warnings = pabulib_checker(text)
    assert errors == {}
    assert read_pb(text).rules == rules
