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
    ("1,234", "three decimals"), ("12,345", "three decimals"),
    ("1.2345", "more than two decimals"), ("1234,567", "more than two decimals"),
    ("0,001", "more than two decimals"), ("0.001", "more than two decimals"),
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


@pytest.mark.parametrize("text, lang, cents", [
    ("3.000", "nl", 300000), ("3,000", "en", 300000), ("3.000,50", "nl", 300050),
    ("3,000.50", "en", 300050), ("12.345", "nl", 1234500), ("12,345", "en", 1234500),
    ("1234,56", "en", 123456), ("1234.56", "nl", 123456), ("12,5", "en", 1250),
    ("1.234.567", "en", 123456700), ("1,234,567", "nl", 123456700), ("€ 300,-", "en", 30000),
])
def test_amounts_follow_the_language(text, lang, cents):
    assert parse_amount(text, lang=lang) == cents


@pytest.mark.parametrize("text, lang, hint", [
    ("3,000", "nl", "write 3.000 for 3000 euros, or 3,00"),
    ("3.000", "en", "write 3,000 for 3000 euros, or 3.00"),
    ("0,001", "nl", "e.g. 0,01"),
    ("0.001", "en", "e.g. 0.01"),
    ("12,", "en", "write e.g. 12.00"),
    ("abc", "en", "e.g. 1,234.56 or 300"),
])
def test_each_refusal_says_what_to_type_in_that_language(text, lang, hint):
    with pytest.raises(InvalidInput) as e:
        parse_amount(text, lang=lang, what="--amount")
    assert str(e.value).startswith(f"--amount {text!r} ")
    assert hint in str(e.value)
    assert "0001" not in str(e.value)  # not the old nonsense: "write 0001 for 0001 euros"


def test_messages_come_in_both_languages(monkeypatch):
    from smederij_cli import labels

    monkeypatch.setattr(labels, "message_language", "nl")
    with pytest.raises(InvalidInput, match="heeft drie decimalen.*schrijf 1.234 voor 1234"):
        parse_amount("1,234", what="--bedrag")


@given(st.integers(min_value=1, max_value=MAX_CENTS // 100), st.sampled_from(["nl", "en"]))
def test_whole_euros_grouped_the_language_s_way_read_back(euros, lang):
    grouped = f"{euros:,}".replace(",", "." if lang == "nl" else ",")
    assert parse_amount(grouped, lang=lang) == euros * 100


def test_zero_can_be_allowed_where_it_means_something():
    assert parse_amount("0", allow_zero=True) == 0


@given(st.integers(min_value=1, max_value=MAX_CENTS), st.sampled_from(["nl", "en"]),
       st.booleans())
def test_formatting_reads_back_to_the_same_cents(cents, lang, symbol):
    text = format_cents(cents, lang, symbol)
    assert parse_amount(text, lang=lang) == cents
    assert parse_amount(text, lang="en" if lang == "nl" else "nl") == cents


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
