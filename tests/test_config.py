"""The registry loader: the shipped example, and one clear line for every kind of bad file."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from smederij_cli.config import CarryOverPolicy, default_config_path, load_config
from smederij_cli.errors import ConfigError

# A small valid registry; the bad files below each change one line of it (line numbers matter).
GOOD = """\
programme:
  name: Test
  municipality: Hoogeveen
streams:
  - code: korte-klap
    name: Korte klap
    carry_over: {policy: capped, percent: 25}
teams:
  - {code: noord, name: Noord}
smederijen:
  - code: krakeel
    name: Krakeel
    kind: wijk
    team: noord
    inhabitants: 4300
  - code: pesse
    name: Pesse
    kind: dorp
    team: noord
    inhabitants: 2100
allocations:
  - {stream: korte-klap, total: "300.000,00", method: weighted, base: "5.000,00"}
"""


def good_with(line: int, text: str) -> str:
    """GOOD with its 1-based ``line`` replaced by ``text`` (which may hold several lines)."""
    lines = GOOD.splitlines()
    lines[line - 1] = text
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, content: str | bytes, name: str = "registry.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- the shipped example ---------------------------------------------------------------------


def test_default_config_path_exists():
    assert default_config_path().is_file()
    assert default_config_path().name == "hoogeveen.yaml"


def test_shipped_example_loads():
    config = load_config(default_config_path())
    assert (config.name, config.municipality, config.currency, config.language) == (
        "De Smederijen", "Hoogeveen", "EUR", "nl",
    )
    assert len(config.smederijen) == 24
    assert Counter(s.kind for s in config.smederijen) == {"wijk": 16, "dorp": 8}
    assert {s.name for s in config.smederijen if s.kind == "dorp"} == {
        "Hollandscheveld", "Elim", "Noordscheschut", "Pesse",
        "Nieuwlande", "Nieuweroord", "Tiendeveen", "Stuifzand",
    }
    assert len({s.code for s in config.smederijen}) == 24
    assert 45_000 < sum(s.inhabitants for s in config.smederijen) < 60_000

    assert len(config.teams) == 4
    team_codes = {t.code for t in config.teams}
    assert {s.team for s in config.smederijen} == team_codes  # every team used, none undefined

    streams = {s.code: s for s in config.streams}
    assert list(streams) == ["korte-klap", "lange-klap"]
    assert streams["korte-klap"].carry_over == CarryOverPolicy("capped", percent=25)
    assert streams["lange-klap"].carry_over == CarryOverPolicy("max_years", years=3)

    assert [(a.stream, a.total_cents, a.method, a.base_cents) for a in config.allocations] == [
        ("korte-klap", 300_000_00, "weighted", 5_000_00),
        ("lange-klap", 250_000_00, "weighted", 4_000_00),
    ]


def test_shipped_example_override_and_policy_for():
    config = load_config(default_config_path())
    overridden = [s for s in config.smederijen if s.carry_over]
    assert [s.code for s in overridden] == ["tiendeveen"]
    assert dict(overridden[0].carry_over) == {"korte-klap": CarryOverPolicy("full")}
    assert config.policy_for("tiendeveen", "korte-klap") == CarryOverPolicy("full")
    assert config.policy_for("tiendeveen", "lange-klap") == CarryOverPolicy("max_years", years=3)
    assert config.policy_for("krakeel", "korte-klap") == CarryOverPolicy("capped", percent=25)


def test_config_is_frozen_and_keeps_file_order(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    assert [s.code for s in config.smederijen] == ["krakeel", "pesse"]
    assert config.path == tmp_path / "registry.yaml"
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.smederijen[0].carry_over["korte-klap"] = CarryOverPolicy("full")  # type: ignore
    assert hash(config.smederijen[0]) == hash(load_config(write(tmp_path, GOOD)).smederijen[0])


@pytest.mark.parametrize(
    "policy",
    [
        CarryOverPolicy("none"),
        CarryOverPolicy("full"),
        CarryOverPolicy("capped", percent=25, amount_cents=10_000_00),
        CarryOverPolicy("max_years", years=3),
    ],
)
def test_policy_round_trips_through_a_compact_dict(policy):
    d = policy.to_dict()
    assert None not in d.values()
    assert CarryOverPolicy.from_dict(d) == policy


@pytest.mark.parametrize(
    ("line", "text", "check"),
    [
        (22, '  - {stream: korte-klap, total: 300000, method: equal}',
         lambda c: (c.allocations[0].total_cents, c.allocations[0].base_cents) == (300_000_00, 0)),
        (22, '  - {stream: korte-klap, total: "€ 1,234.56", method: weighted}',
         lambda c: c.allocations[0].total_cents == 1_234_56),
        (7, "    carry_over: {policy: capped, amount: \"10.000,00\"}",
         lambda c: c.streams[0].carry_over == CarryOverPolicy("capped", amount_cents=10_000_00)),
        (20, "    inhabitants: 2100\n    carry_over: {korte-klap: {policy: none}}",
         lambda c: c.policy_for("pesse", "korte-klap") == CarryOverPolicy("none")),
        (3, "  municipality: Hoogeveen\n  language: en", lambda c: c.language == "en"),
        (22, "  []", lambda c: c.allocations == ()),  # allocations: []
    ],
)
def test_valid_variants(tmp_path, line, text, check):
    assert check(load_config(write(tmp_path, good_with(line, text))))


# --- bad files: one ConfigError naming file, line and field ----------------------------------

BAD = [
    # (id, content, line in the message or None, text the message must contain)
    ("syntax", good_with(12, "    name: Krakeel: de wijk"), 12, "invalid YAML"),
    ("tab", good_with(15, "\tinhabitants: 4300"), 15, "tabs"),
    ("unknown-key", good_with(15, "    inhabitans: 4300"), 15, "smederijen[0].inhabitans"),
    ("unknown-top-key", good_with(21, "allocation:"), 21, "allocation: unknown key"),
    ("missing-key", good_with(15, "    # no inhabitants"), 11, "smederijen[0].inhabitants"),
    ("duplicate-key", good_with(13, "    name: Krakeel"), 13, "smederijen[0].name"),
    ("text-inhabitants", good_with(20, "    inhabitants: veel"), 20,
     "smederijen[1].inhabitants: must be a whole number of 0 or more, got 'veel'"),
    ("bool-inhabitants", good_with(15, "    inhabitants: yes"), 15, "got true"),
    ("float-inhabitants", good_with(15, "    inhabitants: 4300.5"), 15, "got 4300.5"),
    ("negative-inhabitants", good_with(15, "    inhabitants: -1"), 15, "got -1"),
    ("float-money", good_with(22, "  - {stream: korte-klap, total: 300.000, method: equal}"), 22,
     'allocations[0].total: got the decimal number 300.0'),
    ("text-money", good_with(22, '  - {stream: korte-klap, total: "drie ton", method: equal}'),
     22, "allocations[0].total: value 'drie ton' is not an amount"),
    ("bool-money", good_with(22, "  - {stream: korte-klap, total: true, method: equal}"), 22,
     "allocations[0].total"),
    ("bad-code", good_with(11, "  - code: Krakeel"), 11, "smederijen[0].code: must be a lowercase"),
    ("duplicate-code", good_with(16, "  - code: krakeel"), 16,
     "smederijen[1].code: 'krakeel' is used twice (also smederijen[0].code on line 11)"),
    ("unknown-team", good_with(19, "    team: zuid"), 19,
     "smederijen[1].team: unknown team 'zuid'; the teams are: noord"),
    ("bad-kind", good_with(18, "    kind: stad"), 18,
     "smederijen[1].kind: must be one of wijk, dorp"),
    ("bad-policy", good_with(7, "    carry_over: {policy: sometimes, percent: 5}"), 7,
     "streams[0].carry_over.policy: must be one of none, full, capped, max_years"),
    ("policy-not-mapping", good_with(7, "    carry_over: full"), 7,
     "streams[0].carry_over: must be a policy such as {policy: none}"),
    ("capped-bare", good_with(7, "    carry_over: {policy: capped}"), 7,
     "streams[0].carry_over: policy 'capped' needs percent"),
    ("capped-over-100", good_with(7, "    carry_over: {policy: capped, percent: 150}"), 7,
     "streams[0].carry_over.percent"),
    ("full-with-percent", good_with(7, "    carry_over: {policy: full, percent: 10}"), 7,
     "streams[0].carry_over.percent: unknown key"),
    ("max-years-0", good_with(7, "    carry_over: {policy: max_years, years: 0}"), 7,
     "streams[0].carry_over.years: must be a whole number of 1 or more, got 0"),
    ("max-years-missing", good_with(7, "    carry_over:\n      policy: max_years"), 7,
     "streams[0].carry_over.years: is missing"),
    ("override-unknown-stream",
     good_with(20, "    inhabitants: 2100\n    carry_over: {lange-klap: {policy: full}}"), 21,
     "smederijen[1].carry_over.lange-klap: unknown stream 'lange-klap'"),
    ("allocation-unknown-stream",
     good_with(22, "  - {stream: lange-klap, total: 1000, method: equal}"), 22,
     "allocations[0].stream: unknown stream 'lange-klap'"),
    ("allocation-twice", good_with(
        22, "  - {stream: korte-klap, total: 1000, method: equal}\n"
            "  - {stream: korte-klap, total: 2000, method: equal}"), 23,
     "allocations[1].stream: 'korte-klap' is used twice"),
    ("base-with-equal",
     good_with(22, '  - {stream: korte-klap, total: 1000, method: equal, base: 10}'), 22,
     "allocations[0].base: only a 'weighted' plan has a base"),
    ("base-over-total",
     good_with(22, '  - {stream: korte-klap, total: 1000, method: weighted, base: 600}'), 22,
     "allocations[0].base: €1,200.00 for 2 Smederijen is more than the total of €1,000.00"),
    ("bad-language", good_with(3, "  municipality: Hoogeveen\n  language: de"), 4,
     "programme.language: must be one of nl, en"),
    ("no-smederijen", GOOD.split("smederijen:")[0] + "smederijen: []\n", 10,
     "smederijen: must be a list of Smederijen, at least one, got an empty one"),
    ("nul-character", "programme:\n  name: \x00\n", 2, "#x0000"),
    ("top-level-list", "- a\n- b\n", 1, "top level: must be a mapping"),
    ("two-documents", GOOD + "---\nb: 1\n", 23, "expected a single document"),
    ("empty", "", None, "empty"),
    ("only-comments", "# nothing here\n", None, "empty"),
    ("not-utf8", good_with(12, "    name: Kr\xe4keel").encode("latin-1"), 12, "UTF-8"),
]


@pytest.mark.parametrize(("content", "line", "expected"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_file(tmp_path, content, line, expected):
    path = write(tmp_path, content)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    prefix = f"{path}:{line}: " if line else f"{path}: "
    assert message.startswith(prefix), message
    assert expected in message, message
    assert "\n" not in message


def test_python_tag_is_refused_not_run(tmp_path):
    marker = tmp_path / "ran"
    path = write(tmp_path, good_with(
        12, f'    name: !!python/object/apply:os.system ["touch {marker}"]'))
    with pytest.raises(ConfigError, match=rf"^{path}:12: invalid YAML: .*python/object/apply"):
        load_config(path)
    assert not marker.exists()


def test_missing_file(tmp_path):
    path = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError, match=rf"^{path}: configuration file not found"):
        load_config(path)


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ConfigError, match=rf"^{tmp_path}: is a folder"):
        load_config(tmp_path)
