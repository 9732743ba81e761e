"""The registry: programme, streams, wijkteams, Smederijen and allocation plans, read from YAML.

``load_config`` reads the file with PyYAML's safe loader only, checks every field, and returns
frozen dataclasses in the order of the file. Any mistake becomes one ``ConfigError`` with a single
line ``<file>:<line>: <field>: <what is wrong and how to fix it>``. Line numbers come from the
YAML node tree, so they point at the key (or list item) at fault.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

import yaml

from smederij_cli import labels
from smederij_cli.errors import ConfigError, InvalidInput
from smederij_cli.labels import format_count, say
from smederij_cli.money import format_cents, parse_amount
from smederij_cli.text import refuse_controls


@dataclass(frozen=True)
class CarryOverPolicy:
    """What happens at rollover to budget that was neither committed nor spent."""

    policy: str
    """``none`` (lapses to the central pot), ``full``, ``capped`` or ``max_years``."""
    percent: int | None = None
    """``capped``: at most this whole percent (0-100) of that year's allocation moves on."""
    amount_cents: int | None = None
    """``capped``: at most this many cents move on. With ``percent`` too, the smaller cap wins."""
    years: int | None = None
    """``max_years``: money is carried for at most this many years (>= 1), then it lapses."""

    def to_dict(self) -> dict[str, Any]:
        """A compact JSON-able dict: the policy and only the fields that are set."""
        return {k: v for k, v in vars(self).items() if v is not None}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CarryOverPolicy:
        """The inverse of ``to_dict``."""
        return cls(**d)


@dataclass(frozen=True)
class StreamSpec:
    """A budget stream (budgetsoort), e.g. ``korte-klap``."""

    code: str
    name: str
    description: str
    carry_over: CarryOverPolicy


@dataclass(frozen=True)
class TeamSpec:
    """A wijkteam."""

    code: str
    name: str


@dataclass(frozen=True)
class SmederijSpec:
    """One Smederij: a wijk or dorp with its own budget."""

    code: str
    name: str
    kind: str
    """``wijk`` or ``dorp``."""
    team: str
    """Code of its wijkteam."""
    inhabitants: int
    carry_over: Mapping[str, CarryOverPolicy] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    """Stream code -> this Smederij's own policy, overriding the stream's (read-only)."""


@dataclass(frozen=True)
class AllocationPlan:
    """How one stream's yearly total is shared among the Smederijen."""

    stream: str
    total_cents: int
    method: str
    """``equal``: the same share for each; ``weighted``: ``base_cents`` each, the rest by
    inhabitants."""
    base_cents: int


@dataclass(frozen=True)
class Config:
    """The whole registry, in the order of the file."""

    path: Path
    name: str
    municipality: str
    currency: str
    language: str
    streams: tuple[StreamSpec, ...]
    teams: tuple[TeamSpec, ...]
    smederijen: tuple[SmederijSpec, ...]
    allocations: tuple[AllocationPlan, ...]

    def policy_for(self, smederij: str, stream: str) -> CarryOverPolicy:
        """The carry-over policy of one Smederij and stream: its override, else the stream's.

        Raises ``KeyError`` for a code that is not in the registry.
        """
        spec = {s.code: s for s in self.smederijen}[smederij]
        default = {s.code: s for s in self.streams}[stream].carry_over
        return spec.carry_over.get(stream, default)


def default_config_path() -> Path:
    """The example registry: shipped inside the package by a wheel, else in the repository."""
    packaged = resources.files("smederij_cli") / "data" / "hoogeveen.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "hoogeveen.yaml"


def load_config(path: str | Path) -> Config:
    """Read and check a registry file; raise one ``ConfigError`` for the first mistake found."""
    doc = _Document.read(Path(path))
    top = doc.record((), doc.data, _TOP)
    programme = top["programme"]

    stream_codes = doc.unique("streams", top["streams"], "code", "file_config_own_stream")
    team_codes = doc.unique("teams", top["teams"], "code", "file_config_own_team")
    doc.unique("smederijen", top["smederijen"], "code", "file_config_own_smederij")
    doc.unique("allocations", top["allocations"], "stream", "file_config_one_plan")
    for i, s in enumerate(top["smederijen"]):
        doc.known(("smederijen", i, "team"), s["team"], team_codes, "file_config_unknown_team")
        for code in s["carry_over"]:
            doc.known(("smederijen", i, "carry_over", code), code, stream_codes,
                      "file_config_unknown_stream")
    for i, plan in enumerate(top["allocations"]):
        doc.known(("allocations", i, "stream"), plan["stream"], stream_codes,
                  "file_config_unknown_stream")
        _check_weights(doc, ("allocations", i), plan, top["smederijen"])

    return Config(
        path=doc.path,
        name=programme["name"],
        municipality=programme["municipality"],
        currency=programme["currency"],
        language=programme["language"],
        streams=tuple(StreamSpec(**s) for s in top["streams"]),
        teams=tuple(TeamSpec(**t) for t in top["teams"]),
        smederijen=tuple(
            SmederijSpec(**{**s, "carry_over": MappingProxyType(dict(s["carry_over"]))})
            for s in top["smederijen"]
        ),
        allocations=tuple(
            AllocationPlan(a["stream"], a["total"], a["method"], a["base"] or 0)
            for a in top["allocations"]
        ),
    )


def _check_weights(doc: _Document, where: Where, plan: dict, smederijen: list[dict]) -> None:
    """A base belongs to a weighted plan, fits in its total, and leaves inhabitants to weigh."""
    base = plan["base"]
    if plan["method"] != "weighted":
        if base is not None:
            doc.fail((*where, "base"), say("file_config_no_base"))
        return
    bases = (base or 0) * len(smederijen)
    if bases > plan["total"]:
        lang = labels.message_language
        doc.fail((*where, "base"), say(
            "file_config_bases", bases=format_cents(bases, lang),
            n=format_count(len(smederijen), lang), total=format_cents(plan["total"], lang)))
    if bases < plan["total"] and not any(s["inhabitants"] for s in smederijen):
        doc.fail((*where, "method"), say("file_config_no_inhabitants"))


# --- reading the file ------------------------------------------------------------------------

Where = tuple[str | int, ...]
"""A field's place in the document, e.g. ``("smederijen", 5, "inhabitants")``."""


def _label(where: Where) -> str:
    text = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in where)
    return text.lstrip(".") or say("file_config_top")


def _show(value: Any) -> str:
    """A value as the user wrote it, for 'got ...' in messages."""
    if value is None:
        return say("file_config_nothing")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        if not value:
            return say("file_config_an_empty_one")
        return say("file_config_a_mapping" if isinstance(value, dict) else "file_config_a_list")
    return repr(value) if isinstance(value, str) else str(value)


MAX_BYTES = 2**20  # a registry of 25 Smederijen is 5 KB; a national one of 1,000 is ~200 KB


def _read_registry(path: Path) -> bytes:
    """The file's bytes, if it is a regular file of at most MAX_BYTES; opened without blocking
    (a FIFO with no writer), checked on the open file, read no further than the limit."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(say("file_config_not_regular", path=path))
        raw = f.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise ConfigError(say("file_config_too_large", path=path, mib=MAX_BYTES // 2**20))
    return raw


@dataclass
class _Document:
    """The parsed file: its data, and its node tree for line numbers."""

    path: Path
    data: Any
    root: yaml.Node

    @classmethod
    def read(cls, path: Path) -> _Document:
        try:
            raw = _read_registry(path)
        except FileNotFoundError:
            raise ConfigError(say("file_config_not_found", path=path)) from None
        except IsADirectoryError:
            raise ConfigError(say("file_config_folder", path=path)) from None
        except OSError as e:
            from smederij_cli.files import os_reason

            raise ConfigError(say("file_config_unreadable", path=path, why=os_reason(e))) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = raw[: e.start].count(b"\n") + 1
            raise ConfigError(say("file_config_not_utf8", path=path, line=line,
                                  byte=f"0x{raw[e.start]:02x}")) from None
        # What yaml.safe_load does, in its two steps: compose the node tree (which constructs no
        # objects), then construct plain data from it with the safe constructor.
        try:
            loader = yaml.SafeLoader(text)
            root = loader.get_single_node()
            if root is None:
                raise ConfigError(say("file_config_empty", path=path))
            _refuse_duplicate_keys(path, root, (), set())
            data = loader.construct_document(root)
        except yaml.YAMLError as e:
            raise ConfigError(_yaml_message(path, text, e)) from None
        return cls(path, data, root)

    def line(self, where: Where) -> int:
        """The line of the field at ``where``, or of the deepest part of it that exists."""
        node, line = self.root, self.root.start_mark.line
        for step in where:
            if isinstance(node, yaml.MappingNode):
                pairs = [(k, v) for k, v in node.value if getattr(k, "value", None) == str(step)]
                if not pairs:
                    break
                key, node = pairs[-1]  # the last one wins, as in the data (merge keys)
                line = key.start_mark.line
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                node = node.value[step]
                line = node.start_mark.line
            else:
                break
        return line + 1

    def fail(self, where: Where, message: str) -> NoReturn:
        raise ConfigError(say("file_config_field", path=self.path, line=self.line(where),
                              field=_label(where), problem=message))

    def record(self, where: Where, value: Any, fields: Fields) -> dict[str, Any]:
        """Check a mapping against ``fields``; return the checked values with defaults filled."""
        if not isinstance(value, dict):
            self.fail(where, say("file_config_not_mapping", keys=", ".join(fields),
                                 got=_show(value)))
        out = {k: fields[k][0](self, (*where, k), v) for k, v in value.items() if k in fields}
        for key in value:
            if key not in fields:
                self.fail((*where, str(key)), say("file_config_unknown_key",
                                                  keys=", ".join(fields)))
        for key, (check, default) in fields.items():
            if key in out:
                continue
            if default is _REQUIRED:
                self.fail((*where, key), say("file_config_missing", name=key,
                                             need=check.need()))
            out[key] = default
        return out

    def unique(self, section: str, items: list[dict], key: str, hint: str) -> list[str]:
        """Refuse a value of ``key`` used twice in a list (``hint``: the catalogue's key for how
        to fix it); return the values in order."""
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            code = item[key]
            if code in first:
                other = (section, first[code], key)
                self.fail((section, i, key), say(
                    "file_config_twice", code=repr(code), other=_label(other),
                    line=self.line(other), hint=say(hint)))
            first[code] = i
        return list(first)

    def known(self, where: Where, code: str, codes: list[str], unknown: str) -> None:
        """Refuse a ``code`` not in ``codes``, saying the catalogue's ``unknown``."""
        if code not in codes:
            self.fail(where, say(unknown, code=repr(code), codes=", ".join(codes)))


def _yaml_message(path: Path, text: str, e: yaml.YAMLError) -> str:
    """One line for a YAML syntax or tag error, with the file and line of the problem."""
    if isinstance(e, yaml.reader.ReaderError):  # a character YAML does not allow, e.g. NUL
        line = text[: e.position].count("\n") + 1
        problem = say("file_config_character", code=f"#x{e.character:04x}", why=e.reason)
        hint = say("file_config_remove_it")
    else:
        line = (e.problem_mark or e.context_mark).line + 1
        problem = ", ".join(filter(None, [e.context, e.problem]))
        if "'\\t'" in problem:
            hint = say("file_config_tabs")
        elif "constructor for the tag" in problem:
            hint = say("file_config_tags")
        else:
            hint = say("file_config_syntax")
    return say("file_config_yaml", path=path, line=line, problem=problem,
               hint=hint).replace("\n", " ")


def _refuse_duplicate_keys(path: Path, node: yaml.Node, where: Where, seen: set[int]) -> None:
    """PyYAML silently keeps the last of two equal keys; a registry must not lose one that way."""
    if id(node) in seen:  # anchors and aliases share nodes
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        lines: dict[str, int] = {}
        for key, value in node.value:
            name = getattr(key, "value", None)
            if isinstance(name, str) and name != "<<":
                if name in lines:
                    raise ConfigError(say(
                        "file_config_key_twice", path=path, line=key.start_mark.line + 1,
                        field=_label((*where, name)), other=lines[name]))
                lines[name] = key.start_mark.line + 1
            _refuse_duplicate_keys(path, value, (*where, str(name)), seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _refuse_duplicate_keys(path, item, (*where, i), seen)


# --- field checks: each takes (document, where, value) and returns the checked value ----------

Check = Callable[[_Document, Where, Any], Any]
Fields = dict[str, tuple[Check, Any]]
"""key -> (check, default); the default ``_REQUIRED`` makes the key compulsory."""
_REQUIRED = object()
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def _needs(need: Callable[[], str]) -> Callable[[Check], Check]:
    """Attach what a good value looks like (``check.need()``, in the run's language, which is
    known only when a file is read), for messages about missing keys."""

    def attach(check: Check) -> Check:
        check.need = need  # type: ignore[attr-defined]
        return check

    return attach


def _must(need: str, value: Any) -> str:
    return say("file_config_must", need=need, got=_show(value))


def _scalar(need: Callable[[], str], ok: Callable[[Any], bool]) -> Check:
    @_needs(need)
    def check(doc: _Document, where: Where, value: Any) -> Any:
        if not ok(value):
            doc.fail(where, _must(need(), value))
        return value.strip() if isinstance(value, str) else value

    return check


def _whole(low: int, high: int | None = None) -> Check:
    def need() -> str:
        return (say("file_config_whole_from", low=low) if high is None
                else say("file_config_whole_range", low=low, high=high))

    return _scalar(need, lambda v: type(v) is int and low <= v and (high is None or v <= high))


def _one_of(*options: str) -> Check:
    return _scalar(lambda: say("file_config_one_of", options=", ".join(options)),
                   lambda v: isinstance(v, str) and v in options)


@_needs(lambda: say("file_config_text"))
def _TEXT(doc: _Document, where: Where, value: Any) -> str:
    """Names and descriptions: one line of text, without control characters."""
    if not (isinstance(value, str) and value.strip() != ""):
        doc.fail(where, _must(say("file_config_text"), value))
    try:
        return refuse_controls(value, say("file_config_the_text")).strip()
    except InvalidInput as e:
        doc.fail(where, str(e))
_CODE = _scalar(
    lambda: say("file_config_code", example="de-weide"),
    lambda v: isinstance(v, str) and _SLUG.fullmatch(v) is not None,
)


def _money(allow_zero: bool) -> Check:
    @_needs(lambda: say("file_config_money", example='300000 ' + say("or") + ' "300.000,00"'))
    def check(doc: _Document, where: Where, value: Any) -> int:
        if isinstance(value, float):
            doc.fail(where, say("file_config_float", value=value))
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            doc.fail(where, _must(check.need(), value))
        try:
            return parse_amount(str(value), allow_zero=allow_zero,
                                what=say("file_config_value"))
        except InvalidInput as e:
            doc.fail(where, str(e))

    return check


def _mapping(fields: Fields, need: Callable[[], str]) -> Check:
    return _needs(need)(lambda doc, where, value: doc.record(where, value, fields))


def _list_of(fields: Fields, what: str, empty_ok: bool = False) -> Check:
    """``what``: the catalogue's key for the items' name."""

    @_needs(lambda: say("file_config_list" if empty_ok else "file_config_list_one",
                        what=say(what)))
    def check(doc: _Document, where: Where, value: Any) -> list[dict]:
        if not isinstance(value, list) or not (value or empty_ok):
            doc.fail(where, _must(check.need(), value))
        return [doc.record((*where, i), item, fields) for i, item in enumerate(value)]

    return check


_POLICY_EXTRA: dict[str, Fields] = {
    "none": {},
    "full": {},
    "capped": {"percent": (_whole(0, 100), None), "amount": (_money(allow_zero=True), None)},
    "max_years": {"years": (_whole(1), _REQUIRED)},
}
_POLICY_KIND = _one_of(*_POLICY_EXTRA)


@_needs(lambda: say("file_config_policy", examples=(
    "{policy: none}, {policy: full}, {policy: capped, percent: 25} " + say("or")
    + " {policy: max_years, years: 3}")))
def _policy(doc: _Document, where: Where, value: Any) -> CarryOverPolicy:
    if not isinstance(value, dict):
        doc.fail(where, _must(_policy.need(), value))
    kind = value.get("policy")
    extra = _POLICY_EXTRA.get(kind, {}) if isinstance(kind, str) else {}
    got = doc.record(where, value, {"policy": (_POLICY_KIND, _REQUIRED), **extra})
    if got["policy"] == "capped" and got["percent"] is None and got["amount"] is None:
        doc.fail(where, say("file_config_capped"))
    return CarryOverPolicy(
        got["policy"], got.get("percent"), amount_cents=got.get("amount"), years=got.get("years")
    )


@_needs(lambda: say("file_config_overrides", example="{korte-klap: {policy: full}}"))
def _overrides(doc: _Document, where: Where, value: Any) -> dict[str, CarryOverPolicy]:
    if not isinstance(value, dict):
        doc.fail(where, _must(_overrides.need(), value))
    return {str(code): _policy(doc, (*where, str(code)), p) for code, p in value.items()}


_TOP: Fields = {
    "programme": (_mapping({
        "name": (_TEXT, _REQUIRED),
        "municipality": (_TEXT, _REQUIRED),
        "currency": (_one_of("EUR"), "EUR"),
        "language": (_one_of("nl", "en"), "nl"),
    }, lambda: say("file_config_programme")), _REQUIRED),
    "streams": (_list_of({
        "code": (_CODE, _REQUIRED),
        "name": (_TEXT, _REQUIRED),
        "description": (_TEXT, ""),
        "carry_over": (_policy, _REQUIRED),
    }, "file_config_streams"), _REQUIRED),
    "teams": (_list_of({
        "code": (_CODE, _REQUIRED),
        "name": (_TEXT, _REQUIRED),
    }, "file_config_teams"), _REQUIRED),
    "smederijen": (_list_of({
        "code": (_CODE, _REQUIRED),
        "name": (_TEXT, _REQUIRED),
        "kind": (_one_of("wijk", "dorp"), _REQUIRED),
        "team": (_CODE, _REQUIRED),
        "inhabitants": (_whole(0), _REQUIRED),
        "carry_over": (_overrides, {}),
    }, "file_config_smederijen"), _REQUIRED),
    "allocations": (_list_of({
        "stream": (_CODE, _REQUIRED),
        "total": (_money(allow_zero=False), _REQUIRED),
        "method": (_one_of("equal", "weighted"), _REQUIRED),
        "base": (_money(allow_zero=True), None),
    }, "file_config_plans", empty_ok=True), []),
}
