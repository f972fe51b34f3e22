"""The periods insights are shown for: whole calendar months and quarters, never a period still running. Pure
Python.

Only complete, fixed periods can be chosen, so two views never differ by a day or a few questions (which would
let someone subtract one view from another and see a small group; see suppression.py and decision 0013).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$")


class PeriodKind(Enum):
    MONTH = "month"
    QUARTER = "quarter"


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, order=True)
class Period:
    """From `start` (the first day) up to `end` (the first day after it)."""

    start: dt.date
    end: dt.date
    kind: PeriodKind

    @property
    def key(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"

    def label(self) -> str:
        """ "November 2026" or "Q4 2026", in the active language."""
        if self.kind is PeriodKind.QUARTER:
            return _("Q%(quarter)s %(year)s") % {"quarter": self.key[-1], "year": self.start.year}
        return f"{MONTHS[self.start.month]} {self.start.year}"

    def previous(self) -> Period:
        months = 1 if self.kind is PeriodKind.MONTH else 3
        return Period(_add_months(self.start, -months), self.start, self.kind)

    def quarter(self) -> Period:
        """The quarter this period lies in (itself for a quarter)."""
        start = dt.date(self.start.year, (self.start.month - 1) // 3 * 3 + 1, 1)
        return Period(start, _add_months(start, 3), PeriodKind.QUARTER)

    def months(self) -> list[Period]:
        """The months of this period (one for a month, three for a quarter)."""
        count = 1 if self.kind is PeriodKind.MONTH else 3
        return [month_of(_add_months(self.start, offset)) for offset in range(count)]


def month_of(day: dt.date) -> Period:
    start = day.replace(day=1)
    return Period(start, _add_months(start, 1), PeriodKind.MONTH)


def period_parse(text: str) -> Period | None:
    """ "2026-11" (a month) or "2026-Q4" (a quarter); None for anything else."""
    if match := _MONTH.match(text):
        return month_of(dt.date(int(match["year"]), int(match["month"]), 1))
    if match := _QUARTER.match(text):
        return month_of(dt.date(int(match["year"]), int(match["quarter"]) * 3, 1)).quarter()
    return None


def period_latest(kind: PeriodKind, *, today: dt.date) -> Period:
    """The last complete month or quarter before `today`."""
    month = month_of(today).previous()
    if kind is PeriodKind.MONTH:
        return month
    quarter = month.quarter()
    return quarter if quarter.end <= today else quarter.previous()


def period_choices(*, today: dt.date, first_day: dt.date | None, count: int = 12) -> list[Period]:
    """The complete months and quarters someone can choose, newest first, back to `first_day` (the first day
    with data) or at most `count` of each."""
    choices: list[Period] = []
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
        period = period_latest(kind, today=today)
        for _index in range(count):
            if first_day is not None and period.end <= first_day:
                break
            choices.append(period)
            period = period.previous()
    return choices


def is_complete(period: Period, *, today: dt.date) -> bool:
    return period.end <= today
