"""Days a Dutch care organisation's helpdesk is closed: the public holidays, plus its own closed days.
Pure functions over dates (service-level due times skip these days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol


class HasClosedDays(Protocol):
    closed_days: list[str]  # the organisation's own closed days, ISO dates


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def dutch_public_holidays(year: int) -> set[dt.date]:
    """New Year, Easter, King's Day (the 26th when the 27th is a Sunday), Liberation Day in lustrum years
    (the years it is a day off under most collective agreements), Ascension, Whitsun and Christmas."""
    easter = easter_sunday(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = dt.date(year, 4, 26)
    days = {
        dt.date(year, 1, 1),
        easter,
        easter + dt.timedelta(days=1),
        kings_day,
        easter + dt.timedelta(days=39),
        easter + dt.timedelta(days=49),
        easter + dt.timedelta(days=50),
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    if year % 5 == 0:
        days.add(dt.date(year, 5, 5))
    return days


def closed_days(start: dt.date, *, days: int, own: Iterable[dt.date] = ()) -> dict[dt.date, list[tuple[str, str]]]:
    """The closed days from `start` for `days` days, as exceptions for `places.add_business_minutes`
    (a date with no periods is closed)."""
    end = start + dt.timedelta(days=days)
    holidays = set(own)
    for year in range(start.year, end.year + 1):
        holidays |= dutch_public_holidays(year)
    return {day: [] for day in sorted(holidays) if start <= day <= end}


def organisation_closed_days(
    organisation: HasClosedDays, start: dt.date, *, days: int
) -> dict[dt.date, list[tuple[str, str]]]:
    """Public holidays and the organisation's own closed days: for service levels, callbacks, "open now"."""
    own = [dt.date.fromisoformat(day) for day in organisation.closed_days]
    return closed_days(start, days=days, own=own)
