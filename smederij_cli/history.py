"""The audit trail's lines in the reader's language (issue 15, section 1).

A writing command notes what it did as a catalogue key and plain values (``Store.note``): ints
for cents, ids and counts, codes for statuses, typed text as typed. The sentence is made when it
is read, in the reader's language, from those values; the audit row also keeps the English
sentence of the time (``summary``) for old readers and exports, made here too (``lang=None``:
the words as they were always stored, money as ``€ 1.234,56`` and statuses as codes).

How a value is shown follows its name: ``*_cents`` is money, ``n`` and ``n_*`` are counts,
``status`` and ``from_status`` are status codes, ``method`` and ``group`` are codes with a word
of their own; a list holds sentences of its own (``[key, values]`` pairs, joined) or plain ids
(``winners``, ``projects``: "none" when empty). Anything else is shown as it is.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from smederij_cli import labels
from smederij_cli.money import format_cents

MAX_SUMMARY = 400  # one line in the log; a long command keeps its first notes and a count

# Codes with a word of their own in the catalogue.
_WORDS = {
    "method": {"equal": "log_method_equal", "weighted": "log_method_weighted"},
    "group": {"teams": "log_group_teams", "streams": "log_group_streams",
              "smederijen": "log_group_smederijen"},
}
_STATUSES = ("status", "from_status")
_NONE_IF_EMPTY = ("winners", "projects")
_JOINS = {"groups": "; "}  # how a list of sentences is joined (else ", ")


def sentence(key: str, values: dict[str, Any], lang: str | None = None) -> str:
    """The sentence ``key`` with ``values`` in ``lang``; ``None``: the English sentence as the
    audit row's ``summary`` stores it."""
    shown = {name: _value(name, value, lang) for name, value in values.items()}
    return labels.say(key, lang or "en", **shown)


def _value(name: str, value: Any, lang: str | None) -> str:
    if isinstance(value, list):
        if not value and name in _NONE_IF_EMPTY:
            return labels.say("log_none", lang or "en")
        return _JOINS.get(name, ", ").join(
            sentence(item[0], item[1], lang) if isinstance(item, list) else str(item)
            for item in value)
    if value is None:
        return ""
    if lang is None:  # the stored English: money as format_cents always wrote it, codes as codes
        return format_cents(value) if name.endswith("_cents") else str(value)
    if name.endswith("_cents"):
        return format_cents(value, lang)
    if name in _STATUSES:
        return labels.label(value, lang)
    if name in _WORDS and value in _WORDS[name]:
        return labels.say(_WORDS[name][value], lang)
    if (name == "n" or name.startswith("n_")) and isinstance(value, int):
        return labels.format_count(value, lang)
    return str(value)


def stored(notes: list[tuple[str, dict[str, Any]]]) -> tuple[str, str]:
    """An audit row's ``summary`` (the English line) and ``said`` (the notes as JSON)."""
    return (_join([sentence(key, values) for key, values in notes], None),
            json.dumps([[key, values] for key, values in notes], ensure_ascii=False))


def _join(texts: list[str], lang: str | None) -> str:
    text = "; ".join(texts) or sentence("log_changed", {}, lang)
    if len(text) > MAX_SUMMARY:
        text = (text[:MAX_SUMMARY - 20].rsplit("; ", 1)[0] + " "
                + sentence("log_more_notes", {"n": len(texts)}, lang))
    return text


def text(row: dict, lang: str) -> str:
    """What an audit row says, in ``lang``: made from its notes; a row written before they
    were kept (or with a note this version does not know) says its stored summary."""
    said = row.get("said")
    if not said:
        return row["summary"]
    try:
        return _join([sentence(key, values, lang) for key, values in json.loads(said)], lang)
    except (ValueError, KeyError, TypeError, IndexError):
        return row["summary"]


def when(recorded_at: str, lang: str) -> str:
    """A row's time (UTC) as the reader writes dates: 1 dec 2026 14:05:09."""
    try:
        moment = _dt.datetime.fromisoformat(recorded_at)
    except ValueError:  # not written by smederij: shown as it is
        return recorded_at
    return f"{labels.format_date(moment.date(), lang, short=True)} {moment:%H:%M:%S}"


def json_rows(rows: list[dict], lang: str) -> list[dict]:
    """``log --json``: the stored columns as always, and ``text``, the line in ``lang``."""
    return [{**{k: v for k, v in r.items() if k != "said"}, "text": text(r, lang)}
            for r in rows]


def move_text(year: int, postings: list[dict], lang: str) -> str:
    """``budget show``: an allocation or a transfer of ``year`` in ``lang``, made from its kind
    and its postings on the available accounts (``Store.budget_moves``). What the transaction
    row alone holds (how a total was split, the Smederij's name at the time, a transfer's
    note) is read from its stored description, whose form ``Ledger.allocate`` and
    ``Ledger.transfer`` fix; a description of another form (an older or a foreign ledger) is
    shown as stored."""
    first = postings[0]
    kind, stream, stored_text = first["kind"], first["stream"], first["description"]
    if kind == "allocation":
        prefix = f"Allocation {year} {stream}: "
        how = stored_text[len(prefix):] if stored_text.startswith(prefix) else None
        method, _, total = (how or "").partition(" split of ")
        total_cents = sum(p["amount_cents"] for p in postings)
        if method in _WORDS["method"] and total == format_cents(total_cents):
            return sentence("log_move_allocation_split", {
                "year": year, "stream": stream, "method": method,
                "total_cents": total_cents}, lang)
        if len(postings) == 1 and how:  # one Smederij, by its name at the time
            return sentence("log_move_allocation_one",
                            {"year": year, "stream": stream, "name": how}, lang)
    elif kind == "transfer" and len(postings) == 2:
        source, target = (p["smederij"] for p in sorted(postings, key=lambda p: p["amount_cents"]))
        prefix = f"Transfer {year} {stream} {source} -> {target}"
        rest = stored_text[len(prefix):] if stored_text.startswith(prefix) else None
        values = {"year": year, "stream": stream, "source": source, "target": target}
        if rest == "":
            return sentence("log_move_transfer", values, lang)
        if rest and rest.startswith(": "):
            return sentence("log_move_transfer_note", {**values, "note": rest[2:]}, lang)
    return stored_text
