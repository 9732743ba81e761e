"""When an entry may be dated (DOMAIN.md, "Dates belong to their booking" and "The year").

The one place for these rules; every operation of the ledger, the demo and the payments import
asks here. Pure functions: the caller passes what the ledger knows (the budget year an entry
books into, the last closed year, the date of a project's last step) and gets the date to use,
or a refusal that names the date, the range that is allowed and why. No SQL, no terminal.

- A money entry (allocation, transfer, approval, raise, payment, reversal, release) is dated in
  the budget year it books into; without a date it is dated today, or 1 January of that year
  when the year has not begun yet.
- No entry of any kind is dated in a closed year.
- A project's steps are in date order, a reversal is not dated before its payment.
- Dates run from 2000-01-01 to 2200-12-31, as budget years do.
- A year may be closed on its last day (31 December) or later; before that only deliberately.
"""

from __future__ import annotations

import datetime as _dt
import os

from smederij_cli import labels
from smederij_cli.errors import InvalidInput, NotAllowed
from smederij_cli.labels import say

MIN_YEAR, MAX_YEAR = 2000, 2200

#: Tests only: "today" as YYYY-MM-DD, so that no test depends on the real date.
TODAY_ENV = "SMEDERIJ_TEST_TODAY"


def today() -> _dt.date:
    """Today's date (the seam tests freeze through ``SMEDERIJ_TEST_TODAY``)."""
    frozen = os.environ.get(TODAY_ENV)
    return _dt.date.fromisoformat(frozen) if frozen else _dt.date.today()


def _day(date: _dt.date) -> str:
    """A date in a sentence, in the run's language: 1 januari 2027."""
    return labels.format_date(date, labels.message_language)


def _shown(date: _dt.date, what: str) -> str:
    """The date an entry was given, as the user typed it (ISO), or today's in words."""
    return _day(date) if what == say("ledger_today") else date.isoformat()


def _today_hint() -> str:
    return " " + say("ledger_with_date")


def year_span(year: int) -> str:
    return say("ledger_year_span", first=_day(_dt.date(year, 1, 1)),
               last=_day(_dt.date(year, 12, 31)))


def check_range(date: _dt.date, what: str = "--date") -> _dt.date:
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise InvalidInput(say("ledger_date_range", what=what, date=date.isoformat(),
                               first=_day(_dt.date(MIN_YEAR, 1, 1)),
                               last=_day(_dt.date(MAX_YEAR, 12, 31))))
    return date


def _not_closed(date: _dt.date, last_closed: int | None, doing: str, what: str,
                hint: str = "") -> None:
    if last_closed is not None and date.year <= last_closed:
        raise NotAllowed(say(
            "ledger_date_closed", what=what, date=_shown(date, what), year=date.year,
            doing=doing, first=_day(_dt.date(last_closed + 1, 1, 1)), hint=hint))


def entry_date(date: _dt.date | None, year: int, doing: str, *, last_closed: int | None,
               today: _dt.date, what: str = "--date") -> _dt.date:
    """The date of a money entry that books into budget ``year`` (which is open): ``date``,
    or by default today, or 1 January of ``year`` when today is before it. Refused when not
    in ``year`` or in a closed year; ``what`` names the date as the user gave it."""
    if date is None:
        date, what, hint = ((today, say("ledger_today"), _today_hint()) if today.year >= year
                            else (_dt.date(year, 1, 1), what, ""))
    else:
        hint = ""
    check_range(date, what)
    _not_closed(date, last_closed, doing, what, hint)
    if date.year != year:
        raise NotAllowed(say("ledger_date_not_in_year", what=what, date=_shown(date, what),
                             year=year, doing=doing, span=year_span(year), hint=hint))
    return date


def event_date(date: _dt.date | None, doing: str, *, last_closed: int | None,
               today: _dt.date, what: str = "--date") -> _dt.date:
    """The date of an entry that moves no money (a proposal, a start, a rejection): ``date``
    or today, never in a closed year."""
    date, what, hint = ((today, say("ledger_today"), _today_hint()) if date is None
                        else (date, what, ""))
    check_range(date, what)
    _not_closed(date, last_closed, doing, what, hint)
    return date


def check_after(date: _dt.date, earlier: _dt.date | None, earlier_what: str, doing: str,
                what: str = "--date") -> _dt.date:
    """Steps in order: ``date`` is not before ``earlier`` (the step that must come first)."""
    if earlier is not None and date < earlier:
        raise NotAllowed(say("ledger_date_before", what=what, date=_shown(date, what),
                             earlier_what=earlier_what, earlier=_day(earlier), doing=doing))
    return date


# -- the year end ---------------------------------------------------------------------------------

def may_close_from(year: int) -> _dt.date:
    """The first day a budget year may be closed without --early: its last day."""
    return _dt.date(year, 12, 31)


def check_can_close(year: int, today: _dt.date, *, early: bool) -> None:
    """A year is closed at its end: a later year never, the current one before 31 December
    only with ``early``. (A dry run may always look.)"""
    if year > today.year:
        raise NotAllowed(say("ledger_not_ended", year=year, today=_day(today),
                             first=_day(may_close_from(year))))
    if today < may_close_from(year) and not early:
        raise NotAllowed(say("ledger_not_ended_early", year=year, today=_day(today),
                             first=_day(may_close_from(year))))
