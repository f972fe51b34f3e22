import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wegwijs.tenancy import places

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEK = {"mon": [["09:00", "12:00"], ["13:00", "17:00"]], "wed": [["09:30", "12:30"]]}
MONDAY = dt.date(2026, 11, 23)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


def test_open_inside_a_period_until_its_end():
    state = places.open_state(at(MONDAY, 10), WEEK)
    assert state.is_open
    assert state.closes_at == at(MONDAY, 12)


def test_closed_over_lunch_opens_after_lunch():
    state = places.open_state(at(MONDAY, 12, 30), WEEK)
    assert not state.is_open
    assert state.opens_at == at(MONDAY, 13)


def test_closing_time_itself_counts_as_closed():
    state = places.open_state(at(MONDAY, 17), WEEK)
    assert not state.is_open
    assert state.opens_at == at(MONDAY + dt.timedelta(days=2), 9, 30)


def test_exception_closes_a_normal_day_and_next_opening_skips_it():
    wednesday = MONDAY + dt.timedelta(days=2)
    state = places.open_state(at(MONDAY, 18), WEEK, {wednesday: []})
    assert state.opens_at == at(MONDAY + dt.timedelta(days=7), 9)


def test_exception_opens_a_normally_closed_day():
    tuesday = MONDAY + dt.timedelta(days=1)
    state = places.open_state(at(tuesday, 10), WEEK, {tuesday: [["10:00", "11:00"]]})
    assert state.is_open


def test_never_open_has_no_next_opening():
    state = places.open_state(at(MONDAY, 10), {})
    assert state == places.OpenState(is_open=False, closes_at=None, opens_at=None)


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ({"maandag": []}, "unknown weekday"),
        ({"mon": [["9:00", "12:00"]]}, "not a time"),
        ({"mon": [["12:00", "09:00"]]}, "not before"),
        ({"mon": [["09:00", "12:00"], ["11:00", "13:00"]]}, "overlap"),
        ({"mon": "09:00-12:00"}, "list"),
        ([], "object"),
    ],
)
def test_invalid_weekly_hours_are_refused_with_the_reason(hours, message):
    with pytest.raises(places.PlaceDataError, match=message):
        places.validate_weekly_hours(hours)


@pytest.mark.parametrize(
    ("postcode", "served"),
    [
        ("7772 AB", True),
        ("7772ab", True),
        ("7770", True),
        ("7799 ZZ", True),
        ("7800 AA", False),
        ("abcd", False),
        ("", False),
    ],
)
def test_postcode_is_served_by_pc4_ranges(postcode, served):
    assert places.serves_postcode([[7770, 7799]], postcode) is served


@pytest.mark.parametrize("ranges", [[[999, 1200]], [[7799, 7770]], [["7770", "7799"]], [[7770]], "7770-7799"])
def test_invalid_postcode_ranges_are_refused(ranges):
    with pytest.raises(places.PlaceDataError):
        places.validate_postcode_ranges(ranges)


@given(
    minutes=st.integers(min_value=0, max_value=7 * 24 * 60 - 1),
)
def test_next_opening_is_always_in_the_future_and_inside_a_period(minutes):
    moment = at(MONDAY, 0) + dt.timedelta(minutes=minutes)
    state = places.open_state(moment, WEEK)
    if state.is_open:
        assert state.closes_at > moment
    else:
        assert state.opens_at > moment
        assert places.open_state(state.opens_at, WEEK).is_open


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("09:00-12:00, 13:00-17:00", [["09:00", "12:00"], ["13:00", "17:00"]]),
        ("9-12; 13.30 – 17", [["09:00", "12:00"], ["13:30", "17:00"]]),
        ("", []),
        ("  ", []),
    ],
)
def test_opening_hours_typed_as_text_become_periods(text, periods):
    assert places.parse_periods_text(text) == periods
    assert places.parse_periods_text(places.format_periods_text(periods)) == periods


@pytest.mark.parametrize("text", ["9 tot 12", "09:00-12:00-13:00", "25:00-26:00", "12:00-09:00", "ochtend"])
def test_opening_hours_text_that_is_not_a_period_is_refused(text):
    with pytest.raises(places.PlaceDataError):
        places.parse_periods_text(text)


def test_callback_windows_are_future_slots_inside_opening_hours_only():
    windows = places.callback_windows(at(MONDAY, 10, 40), WEEK, slot_minutes=60, days=2)
    assert windows[0] == (at(MONDAY, 13), at(MONDAY, 14))  # 11:00-12:00 starts within 30 minutes of now: skipped
    assert (at(MONDAY, 16), at(MONDAY, 17)) in windows
    assert all(start.weekday() in (0, 2) for start, _end in windows)  # only Monday and Wednesday are open
    wednesday = MONDAY + dt.timedelta(days=2)
    assert [window for window in windows if window[0].date() == wednesday] == [
        (at(wednesday, 9, 30), at(wednesday, 10, 30)),
        (at(wednesday, 10, 30), at(wednesday, 11, 30)),
        (at(wednesday, 11, 30), at(wednesday, 12, 30)),  # ends exactly at closing
    ]


def test_no_callback_windows_on_a_closed_holiday():
    wednesday = MONDAY + dt.timedelta(days=2)
    windows = places.callback_windows(at(MONDAY, 18), WEEK, {wednesday: []}, days=3)
    assert windows == []


@given(minutes=st.integers(min_value=0, max_value=7 * 24 * 60 - 1), slot=st.sampled_from([15, 30, 60]))
def test_every_callback_window_is_in_the_future_and_fully_open(minutes, slot):
    moment = at(MONDAY, 0) + dt.timedelta(minutes=minutes)
    for start, end in places.callback_windows(moment, WEEK, slot_minutes=slot, days=7):
        assert start > moment
        assert places.open_state(start, WEEK).is_open
        assert places.open_state(end - dt.timedelta(minutes=1), WEEK).is_open


def test_business_minutes_skip_lunch_nights_closed_days_and_holidays():
    # Monday 11:00 + 2 hours of opening time: 11-12, then 13-14 -> Monday 14:00.
    assert places.add_business_minutes(at(MONDAY, 11), 120, WEEK) == at(MONDAY, 14)
    # Monday 16:00 + 2 hours: 16-17, then Wednesday 09:30-10:30.
    wednesday = MONDAY + dt.timedelta(days=2)
    assert places.add_business_minutes(at(MONDAY, 16), 120, WEEK) == at(wednesday, 10, 30)
    # With Wednesday a holiday it continues next Monday.
    assert places.add_business_minutes(at(MONDAY, 16), 120, WEEK, {wednesday: []}) == at(
        MONDAY + dt.timedelta(days=7), 10
    )
    # Starting outside opening hours counts from the next opening.
    assert places.add_business_minutes(at(MONDAY, 20), 30, WEEK) == at(wednesday, 10)


def test_never_open_has_no_due_time():
    assert places.add_business_minutes(at(MONDAY, 9), 60, {}, horizon_days=14) is None


@given(minutes=st.integers(min_value=1, max_value=3000), start=st.integers(min_value=0, max_value=7 * 24 * 60))
def test_the_due_time_is_open_time_and_never_before_the_start(minutes, start):
    moment = at(MONDAY, 0) + dt.timedelta(minutes=start)
    due = places.add_business_minutes(moment, minutes, WEEK)
    assert due is not None
    assert due > moment
    assert places.open_state(due - dt.timedelta(minutes=1), WEEK).is_open
