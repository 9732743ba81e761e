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


def parse_amount(text: str, *, allow_zero: bool = False, what: str = "amount") -> int:
    """Read an amount in euros as Dutch users type it and return integer cents.

    Accepted: ``1234``, ``1234.56``, ``1234,56``, ``1.234,56``, ``1,234.56``, ``€ 1.234,56``,
    ``€300``, ``300,-``. Refused, with a hint: ``1.234`` and ``1,234`` (is that a thousand euros or
    a decimal?), more than two decimals, negative amounts, zero (unless ``allow_zero``), and
    anything that is not a number.
    """
    if isinstance(text, str) and (m := _PLAIN.fullmatch(text)):
        # The common case (300, 1250,00, 1250.00) without the cascade below: imports read
        # hundreds of thousands of amounts. Zero and huge amounts go on for their messages.
        cents = int(m[1]) * 100 + int(m[2] or 0)
        if 0 < cents <= MAX_CENTS:
            return cents
    original = text
    s = str(text).strip().replace("\u00a0", " ")
    s = _CURRENCY.sub("", s).strip()
    if s.endswith((",-", ".-")):  # "€ 300,-" is how Dutch prices are often written
        s = s[:-2] + ",00"
    if not s:
        raise InvalidInput(f"{what} is empty: give an amount in euros, e.g. 1.234,56 or 300")
    if s.startswith(("-", "−", "(")):
        raise InvalidInput(f"{what} {original!r} is negative: give a positive amount in euros")
    # ASCII digits only: int() would also read "１２３" (fullwidth) or "١٢٣" (Arabic-Indic)
    if not re.fullmatch(r"[0-9.,]+", s) or not s[0].isdigit():
        raise InvalidInput(
            f"{what} {original!r} is not an amount: give euros like 1.234,56 or 1234.56 or € 300"
        )

    dots, commas = s.count("."), s.count(",")
    whole, cents_text = s, ""
    if dots and commas:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        whole, _, cents_text = s.rpartition(decimal_sep)
        if decimal_sep in whole or not _grouped(whole, group_sep):
            raise InvalidInput(
                f"{what} {original!r} mixes separators in a way that cannot be read: "
                "write 1.234,56 or 1,234.56"
            )
        whole = whole.replace(group_sep, "")
    elif dots or commas:
        sep = "." if dots else ","
        if s.count(sep) > 1:
            if not _grouped(s, sep):
                raise InvalidInput(
                    f"{what} {original!r} is not an amount: thousands go in groups of three, "
                    "e.g. 1.234.567"
                )
            whole = s.replace(sep, "")
        else:
            whole, _, cents_text = s.partition(sep)
            if len(cents_text) == 3:
                raise InvalidInput(
                    f"{what} {original!r} is ambiguous (thousands or decimals?): write "
                    f"{whole}{cents_text} or {whole}.{cents_text},00 for {whole}{cents_text} "
                    "euros; cents take at most two decimals"
                )
    if cents_text == "" and (s.endswith((",", "."))):
        raise InvalidInput(f"{what} {original!r} ends in a separator: write e.g. {whole},00")
    if len(cents_text) > 2:
        raise InvalidInput(
            f"{what} {original!r} has more than two decimals: amounts are in whole cents"
        )
    if not whole:
        raise InvalidInput(f"{what} {original!r} has no euros before the separator: write 0{s}")
    cents = int(whole) * 100 + int(cents_text.ljust(2, "0") or 0)
    if cents > MAX_CENTS:
        raise InvalidInput(
            f"{what} {original!r} is too large: the most one entry can hold is "
            f"{format_cents(MAX_CENTS)}"
        )
    if cents == 0 and not allow_zero:
        raise InvalidInput(f"{what} is zero: give an amount of at least € 0,01")
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


def parse_date(text: str, what: str = "date") -> _dt.date:
    """Read ``YYYY-MM-DD`` or ``DD-MM-YYYY`` (the Dutch order); refuse dates not in the calendar."""
    s = str(text).strip()
    if m := _ISO.fullmatch(s):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DUTCH.fullmatch(s):
        d, mo, y = (int(g) for g in m.groups())
    else:
        raise InvalidInput(f"{what} {text!r} is not a date: write YYYY-MM-DD or DD-MM-YYYY")
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        raise InvalidInput(f"{what} {text!r} is not a day in the calendar") from None
