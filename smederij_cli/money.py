"""Money and dates as Dutch users type them.

Money is integer cents everywhere in this program. This module is the one place where text becomes
cents (``parse_amount``) and cents become text (``format_cents``). No float is ever involved.
"""

from __future__ import annotations

import datetime as _dt
import re

from smederij_cli.errors import InvalidInput

#: The largest single amount accepted: one billion euros. Far above any neighbourhood budget, and
#: small enough that sums over millions of postings stay well inside SQLite's 64-bit integers.
MAX_CENTS = 1_000_000_000_00

_PLAIN = re.compile(r"([0-9]{1,12})(?:[.,]([0-9]{2}))?")
_CURRENCY = re.compile(r"^(?:€|eur\b|euro\b)\s*|\s*(?:€|eur|euro)$", re.IGNORECASE)


def _grouped(text: str, sep: str) -> bool:
    return re.fullmatch(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+", text) is not None


def parse_amount(text: str, *, allow_zero: bool = False, what: str = "amount",
                 lang: str = "nl") -> int:
    """Read an amount in euros as people type it in ``lang`` and return integer cents.

    Both languages read ``1234``, ``1234,56``, ``1234.56``, ``1.234,56``, ``1,234.56``,
    ``1.234.567``, ``1,234,567``, ``€ 1.234,56``, ``€300`` and ``300,-``: a separator followed
    by one or two digits separates the cents, and one between groups of three with the other
    separator after them (or repeated) is a thousands separator. What is left, one separator followed by three digits, follows the
    language: in Dutch (``nl``) ``3.000`` is three thousand euros and ``3,000`` has three
    decimals; in English (``en``) ``3,000`` is three thousand and ``3.000`` has three decimals.
    Refused, each with what to type instead (in terms of ``what``, e.g. ``--amount``): more than
    two decimals, negative amounts, zero (unless ``allow_zero``), and anything not a number.
    Messages are in ``labels.message_language``.
    """
    if isinstance(text, str) and (m := _PLAIN.fullmatch(text)):
        # The common case (300, 1250,00, 1250.00) without the cascade below: imports read
        # hundreds of thousands of amounts. Zero and huge amounts go on for their messages.
        cents = int(m[1]) * 100 + int(m[2] or 0)
        if 0 < cents <= MAX_CENTS:
            return cents
    from smederij_cli.labels import say

    dec, grp = (".", ",") if lang == "en" else (",", ".")
    example = "1,234.56" if lang == "en" else "1.234,56"

    def refuse(key: str, **values: object) -> InvalidInput:
        return InvalidInput(say(key, what=what, text=repr(original), **values))

    original = text
    s = str(text).strip().replace("\u00a0", " ")
    s = _CURRENCY.sub("", s).strip()
    if s.endswith((",-", ".-")):  # "€ 300,-" is how Dutch prices are often written
        s = s[:-2] + ",00"
    if not s:
        raise refuse("amount_empty", example=f"{example} {say('or')} 300")
    if s.startswith(("-", "−", "(")):
        raise refuse("amount_negative")
    # ASCII digits only: int() would also read "１２３" (fullwidth) or "١٢٣" (Arabic-Indic)
    if not re.fullmatch(r"[0-9.,]+", s) or not s[0].isdigit():
        raise refuse("amount_not_number", example=f"{example} {say('or')} 300")

    dots, commas = s.count("."), s.count(",")
    whole, cents_text = s, ""
    if dots and commas:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        whole, _, cents_text = s.rpartition(decimal_sep)
        if decimal_sep in whole or not _grouped(whole, group_sep):
            raise refuse("amount_mixed", example=example)
        whole = whole.replace(group_sep, "")
    elif dots or commas:
        sep = "." if dots else ","
        if s.count(sep) > 1:
            if not _grouped(s, sep):
                raise refuse("amount_groups", example=f"1{grp}234{grp}567")
            whole = s.replace(sep, "")
        else:
            whole, _, cents_text = s.partition(sep)
            if len(cents_text) == 3 and _grouped(s, sep) and not whole.startswith("0"):
                if sep == grp:  # "3.000" in Dutch, "3,000" in English: thousands
                    whole, cents_text = whole + cents_text, ""
                else:
                    raise refuse("amount_three_decimals",
                                 sep_name=say("sep_point" if sep == "." else "sep_comma"),
                                 thousands=f"{whole}{grp}{cents_text}",
                                 euros=f"{whole}{cents_text}",
                                 cents=f"{whole}{dec}{cents_text[:2]}")
    if cents_text == "" and (s.endswith((",", "."))):
        raise refuse("amount_trailing", example=f"{whole}{dec}00")
    if len(cents_text) > 2:
        shorter = f"{whole or 0}{dec}{cents_text[:2]}"
        raise refuse("amount_decimals",
                     example=shorter if int(whole or 0) or int(cents_text[:2]) else f"0{dec}01")
    if not whole:
        raise refuse("amount_no_euros", example=f"0{s}")
    cents = int(whole) * 100 + int(cents_text.ljust(2, "0") or 0)
    if cents > MAX_CENTS:
        raise refuse("amount_too_large", most=format_cents(MAX_CENTS, lang))
    if cents == 0 and not allow_zero:
        raise InvalidInput(say("amount_zero", what=what, least=format_cents(1, lang)))
    return cents


EURO = "€"
"""The currency sign money is shown with; ``EUR`` when standard output is not UTF-8
(``text.legacy_output``), so tables keep their widths in a Windows code page."""


def format_cents(cents: int, lang: str = "nl", symbol: bool = True) -> str:
    """Format integer cents: ``€ 1.234,56`` in Dutch, ``€1,234.56`` in English."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    grouped = f"{whole:,}"
    if lang == "nl":
        text = f"{sign}{grouped.replace(',', '.')},{rest:02d}"
        return f"{EURO} {text}" if symbol else text
    text = f"{sign}{grouped}.{rest:02d}"
    return (f"{EURO}{text}" if EURO == "€" else f"{EURO} {text}") if symbol else text


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_DUTCH = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})", re.ASCII)


def parse_date(text: str, what: str | None = None) -> _dt.date:
    """Read ``YYYY-MM-DD`` or ``DD-MM-YYYY`` (the Dutch order); refuse dates not in the calendar.
    ``what`` names the date in the messages (default: the word for "date")."""
    s = str(text).strip()
    if m := _ISO.fullmatch(s):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DUTCH.fullmatch(s):
        d, mo, y = (int(g) for g in m.groups())
    else:
        from smederij_cli.labels import say

        raise InvalidInput(say("ledger_not_a_date", what=what or say("ledger_field_date"),
                               text=repr(text)))
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        from smederij_cli.labels import say

        raise InvalidInput(say("ledger_not_a_day", what=what or say("ledger_field_date"),
                               text=repr(text))) from None
