"""Public holidays and closed days: pure date rules, no database."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wegwijs.tenancy import holidays


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, dt.date(2024, 3, 31)),
        (2025, dt.date(2025, 4, 20)),
        (2026, dt.date(2026, 4, 5)),
        (2027, dt.date(2027, 3, 28)),
        (2038, dt.date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year, easter):
    assert holidays.easter_sunday(year) == easter


@given(st.integers(min_value=1900, max_value=2200))
def test_easter_is_a_sunday_between_22_march_and_25_april(year):
    easter = holidays.easter_sunday(year)
    assert easter.weekday() == 6
    assert dt.date(year, 3, 22) <= easter <= dt.date(year, 4, 25)


def test_the_dutch_public_holidays_of_2027():
    assert sorted(holidays.dutch_public_holidays(2027)) == [
        dt.date(2027, 1, 1),
        dt.date(2027, 3, 28),  # Easter
        dt.date(2027, 3, 29),
        dt.date(2027, 4, 27),  # King's Day
        dt.date(2027, 5, 6),  # Ascension
        dt.date(2027, 5, 16),  # Whitsun
        dt.date(2027, 5, 17),
        dt.date(2027, 12, 25),
        dt.date(2027, 12, 26),
    ]


def test_kings_day_moves_to_saturday_and_liberation_day_counts_in_lustrum_years():
    assert dt.date(2025, 4, 26) in holidays.dutch_public_holidays(2025)  # the 27th was a Sunday
    assert dt.date(2025, 5, 5) in holidays.dutch_public_holidays(2025)
    assert dt.date(2026, 5, 5) not in holidays.dutch_public_holidays(2026)


def test_closed_days_span_the_turn_of_the_year_and_include_the_organisations_own():
    closed = holidays.closed_days(dt.date(2026, 12, 20), days=14, own=[dt.date(2026, 12, 24)])
    assert list(closed) == [dt.date(2026, 12, 24), dt.date(2026, 12, 25), dt.date(2026, 12, 26), dt.date(2027, 1, 1)]
    assert all(periods == [] for periods in closed.values())
