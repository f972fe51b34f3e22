"""Places: opening hours and the postcode ranges a help point serves. Pure functions, no database.

Weekly hours are a dict of weekday key -> list of ["HH:MM", "HH:MM"] periods, for example
{"mon": [["09:00", "12:00"], ["13:00", "17:00"]], "sat": []}. Exceptions replace one date's periods
(an empty list means closed that day).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
SEARCH_HORIZON_DAYS = 60

Periods = Sequence[Sequence[str]]
WeeklyHours = Mapping[str, Periods]


class PlaceDataError(ValueError):
    """The structure is not valid weekly hours; the message names the problem."""


@dataclass(frozen=True)
class OpenState:
    is_open: bool
    closes_at: dt.datetime | None  # when open: the end of the current period
    opens_at: dt.datetime | None  # when closed: the start of the next period, if any within the horizon


def _parse_time(value: str) -> dt.time:
    if not isinstance(value, str) or not TIME_PATTERN.match(value):
        raise PlaceDataError(f"{value!r} is not a time like 09:30")
    hours, minutes = value.split(":")
    return dt.time(int(hours), int(minutes))


def validate_periods(periods: object, *, where: str) -> list[tuple[dt.time, dt.time]]:
    if not isinstance(periods, list | tuple):
        raise PlaceDataError(f"{where}: expected a list of [opens, closes] pairs")
    parsed: list[tuple[dt.time, dt.time]] = []
    for period in periods:
        if not isinstance(period, list | tuple) or len(period) != 2:
            raise PlaceDataError(f"{where}: each period is a pair [opens, closes]")
        opens, closes = _parse_time(period[0]), _parse_time(period[1])
        if opens >= closes:
            raise PlaceDataError(f"{where}: {period[0]} is not before {period[1]}")
        parsed.append((opens, closes))
    parsed.sort()
    for (_, earlier_close), (later_open, _) in itertools.pairwise(parsed):
        if later_open < earlier_close:
            raise PlaceDataError(f"{where}: periods overlap")
    return parsed


def validate_weekly_hours(hours: object) -> None:
    if not isinstance(hours, dict):
        raise PlaceDataError("weekly hours must be an object with weekday keys")
    unknown = set(hours) - set(WEEKDAYS)
    if unknown:
        raise PlaceDataError(f"unknown weekday keys: {', '.join(sorted(unknown))}")
    for day, periods in hours.items():
        validate_periods(periods, where=day)


def periods_on(
    day: dt.date, weekly: WeeklyHours, exceptions: Mapping[dt.date, Periods]
) -> list[tuple[dt.time, dt.time]]:
    periods = exceptions[day] if day in exceptions else weekly.get(WEEKDAYS[day.weekday()], [])
    return validate_periods(list(periods), where=day.isoformat())


def open_state(
    moment: dt.datetime, weekly: WeeklyHours, exceptions: Mapping[dt.date, Periods] | None = None
) -> OpenState:
    """Whether a place is open at `moment` (an aware datetime in the place's time zone), and when that changes."""
    exceptions = exceptions or {}
    tz = moment.tzinfo
    for offset in range(SEARCH_HORIZON_DAYS + 1):
        day = moment.date() + dt.timedelta(days=offset)
        for opens, closes in periods_on(day, weekly, exceptions):
            start = dt.datetime.combine(day, opens, tzinfo=tz)
            end = dt.datetime.combine(day, closes, tzinfo=tz)
            if offset == 0 and start <= moment < end:
                return OpenState(is_open=True, closes_at=end, opens_at=None)
            if start > moment:
                return OpenState(is_open=False, closes_at=None, opens_at=start)
    return OpenState(is_open=False, closes_at=None, opens_at=None)


def validate_postcode_ranges(ranges: object) -> None:
    if not isinstance(ranges, list):
        raise PlaceDataError("postcode ranges must be a list of [from, to] pairs")
    for pair in ranges:
        if (
            not isinstance(pair, list | tuple)
            or len(pair) != 2
            or not all(isinstance(number, int) and 1000 <= number <= 9999 for number in pair)
            or pair[0] > pair[1]
        ):
            raise PlaceDataError(f"{pair!r} is not a range of four-digit postcodes like [7770, 7799]")


def serves_postcode(ranges: Sequence[Sequence[int]], postcode: str) -> bool:
    """Whether a Dutch postcode ("7772 AB", "7772ab", "7772") falls in one of the PC4 ranges."""
    digits = postcode.strip()[:4]
    if not (len(digits) == 4 and digits.isdigit()):
        return False
    number = int(digits)
    return any(low <= number <= high for low, high in ranges)


def parse_periods_text(text: str) -> list[list[str]]:
    """ "09:00-12:00, 13:00-17:00" -> [["09:00", "12:00"], ["13:00", "17:00"]]; empty text means closed."""
    periods: list[list[str]] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        bounds = [bound.strip() for bound in part.replace("–", "-").split("-")]
        if len(bounds) != 2:
            raise PlaceDataError(f"{part!r} is not a period like 09:00-12:00")
        periods.append([_normalise_time(bounds[0]), _normalise_time(bounds[1])])
    validate_periods(periods, where=text)
    return periods


def format_periods_text(periods: Periods) -> str:
    return ", ".join(f"{opens}-{closes}" for opens, closes in periods)


def _normalise_time(value: str) -> str:
    """Accept 9:00, 09.00 and 9 as 09:00."""
    cleaned = value.replace(".", ":")
    if cleaned.isdigit():
        cleaned = f"{cleaned}:00"
    hours, _, minutes = cleaned.partition(":")
    if not (hours.isdigit() and minutes.isdigit()):
        raise PlaceDataError(f"{value!r} is not a time like 09:30")
    return f"{int(hours):02d}:{minutes}"


def callback_windows(
    moment: dt.datetime,
    weekly: WeeklyHours,
    exceptions: Mapping[dt.date, Periods] | None = None,
    *,
    slot_minutes: int = 60,
    days: int = 7,
    lead_minutes: int = 30,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Time windows someone can ask to be called back in: slots inside the opening hours of the coming days,
    starting at least `lead_minutes` from now (never in the past, never when closed)."""
    exceptions = exceptions or {}
    tz = moment.tzinfo
    earliest = moment + dt.timedelta(minutes=lead_minutes)
    slot = dt.timedelta(minutes=slot_minutes)
    windows = []
    for offset in range(days + 1):
        day = moment.date() + dt.timedelta(days=offset)
        for opens, closes in periods_on(day, weekly, exceptions):
            start = dt.datetime.combine(day, opens, tzinfo=tz)
            end = dt.datetime.combine(day, closes, tzinfo=tz)
            while start + slot <= end:
                if start >= earliest:
                    windows.append((start, start + slot))
                start += slot
    return windows


def add_business_minutes(
    start: dt.datetime,
    minutes: int,
    weekly: WeeklyHours,
    exceptions: Mapping[dt.date, Periods] | None = None,
    *,
    horizon_days: int = 366,
) -> dt.datetime | None:
    """The moment `minutes` of opening time have passed after `start` (SLA due times on a business-hours
    calendar with holidays). None when the place opens too little within the horizon to get there."""
    exceptions = exceptions or {}
    tz = start.tzinfo
    remaining = dt.timedelta(minutes=minutes)
    for offset in range(horizon_days + 1):
        day = start.date() + dt.timedelta(days=offset)
        for opens, closes in periods_on(day, weekly, exceptions):
            period_start = max(dt.datetime.combine(day, opens, tzinfo=tz), start)
            period_end = dt.datetime.combine(day, closes, tzinfo=tz)
            if period_end <= period_start:
                continue
            available = period_end - period_start
            if remaining <= available:
                return period_start + remaining
            remaining -= available
    return None
