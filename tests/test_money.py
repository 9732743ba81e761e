import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smederij_cli.errors import InvalidInput
from smederij_cli.money import MAX_CENTS, format_cents, parse_amount, parse_date


@pytest.mark.parametrize("text, cents", [
    ("1234", 123400), ("1234.56", 123456), ("1234,56", 123456), ("1.234,56", 123456),
    ("1,234.56", 123456), ("€ 1.234,56", 123456), ("€300", 30000), ("€ 300,-", 30000),
    ("0,01", 1), ("12,5", 1250), ("1.234.567,89", 123456789), ("1,234,567", 123456700),
    (" EUR 45 ", 4500), ("45 €", 4500), ("\u20ac\u00a01.000,00", 100000),
])
def test_reads_what_dutch_users_type(text, cents):
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text, fragment", [
    ("1.234", "ambiguous"), ("1,234", "ambiguous"), ("12.345", "ambiguous"),
    ("1.2345", "more than two decimals"), ("1234,567", "ambiguous"), ("0,001", "ambiguous"),
    ("12,3456", "more than two decimals"),
    ("-5", "negative"), ("−5", "negative"), ("(5)", "negative"),
    ("0", "zero"), ("0,00", "zero"), ("", "empty"), ("   ", "empty"), ("€", "empty"),
    ("abc", "not an amount"), ("12a", "not an amount"), ("1e5", "not an amount"),
    ("1.234.56", "groups of three"), ("1.2,34", "cannot be read"), ("1,234,5.00", "cannot be read"),
    (",50", "not an amount"), ("12,", "ends in a separator"),
    ("99999999999", "too large"), ("1" * 40, "too large"),
])
def test_refuses_what_is_ambiguous_or_meaningless(text, fragment):
    with pytest.raises(InvalidInput, match=fragment):
        parse_amount(text)


def test_zero_can_be_allowed_where_it_means_something():
    assert parse_amount("0", allow_zero=True) == 0


@given(st.integers(min_value=1, max_value=MAX_CENTS), st.sampled_from(["nl", "en"]),
       st.booleans())
def test_formatting_reads_back_to_the_same_cents(cents, lang, symbol):
    assert parse_amount(format_cents(cents, lang, symbol)) == cents


def test_formats_dutch_and_english_money():
    assert format_cents(123456) == "€ 1.234,56"
    assert format_cents(123456, "en") == "€1,234.56"
    assert format_cents(-5) == "€ -0,05"


@pytest.mark.parametrize("text, day", [
    ("2026-03-05", dt.date(2026, 3, 5)), ("05-03-2026", dt.date(2026, 3, 5)),
    ("5-3-2026", dt.date(2026, 3, 5)), ("2024-02-29", dt.date(2024, 2, 29)),
])
def test_reads_iso_and_dutch_dates(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2026-02-30", "2025-02-29", "31-04-2026", "2026/03/05",
                                  "03-05-26", "tomorrow", ""])
def test_refuses_dates_not_in_the_calendar(text):
    with pytest.raises(InvalidInput):
        parse_date(text)
