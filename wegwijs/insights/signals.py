"""Signals: a kind of question that rises beyond its normal variation in a week. Pure Python.

The test is the one public-health surveillance uses for weekly counts (Farrington et al., 1996, as in the
`surveillance` R package), reduced to what weekly helpdesk questions need:
- the baseline is the same series in the BASELINE_WEEKS weeks before (no seasonality: a few months of
  helpdesk questions have none to speak of);
- the counts are quasi-Poisson: expected value mu is the baseline mean, the dispersion phi is the Pearson
  statistic sum((y - mu)^2 / mu) / (n - 1), at least 1 (busy weeks vary more than Poisson allows);
- on the 2/3-power scale, where such counts are close to normal, the upper limit is
      U = mu * (1 + 2/3 * z * sqrt(tau)) ** 1.5,  tau = phi / mu * (1 + 1/n)
  (the 1/n: mu is itself estimated from n weeks);
- a week signals when its count is above U for z = 2.576 (one-sided 99.5 %) and at least k (a smaller count
  is never shown at all). "Normal" in the sentence is the same interval for z = 1.28 (80 % of ordinary
  weeks fall inside it).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

BASELINE_WEEKS = 8
MINIMUM_BASELINE_WEEKS = 4
Z_SIGNAL = 2.576
Z_NORMAL = 1.28


@dataclass(frozen=True)
class Baseline:
    expected: float
    dispersion: float
    weeks: int

    def limit(self, z: float) -> tuple[float, float]:
        """The interval a week's count lies in when nothing changed, at `z` standard deviations."""
        mean = max(self.expected, 0.5 / self.weeks)  # an all-zero baseline still has some room
        spread = 2 / 3 * z * math.sqrt(self.dispersion / mean * (1 + 1 / self.weeks))
        return mean * max(1 - spread, 0) ** 1.5, mean * (1 + spread) ** 1.5


def baseline_of(history: Sequence[int]) -> Baseline | None:
    """The baseline of the weeks before; None with fewer than MINIMUM_BASELINE_WEEKS weeks."""
    weeks = len(history)
    if weeks < MINIMUM_BASELINE_WEEKS:
        return None
    mean = sum(history) / weeks
    if mean == 0:
        return Baseline(expected=0.0, dispersion=1.0, weeks=weeks)
    pearson = sum((count - mean) ** 2 / mean for count in history) / (weeks - 1)
    return Baseline(expected=mean, dispersion=max(pearson, 1.0), weeks=weeks)


@dataclass(frozen=True)
class Signal:
    series: Hashable  # what is counted, e.g. ("topic", "login", tool_id)
    week_start: dt.date  # a Monday
    count: int
    normal_low: int
    normal_high: int
    history: tuple[int, ...]  # the baseline weeks, oldest first

    @property
    def ratio(self) -> float:
        return self.count / max(sum(self.history) / len(self.history), 0.5)


def week_signal(series: Hashable, week_start: dt.date, count: int, history: Sequence[int], *, k: int) -> Signal | None:
    """A signal when `count` rises beyond what `history` (the weeks before, oldest first) makes normal."""
    baseline = baseline_of(history)
    if baseline is None or count < k:
        return None
    if count <= baseline.limit(Z_SIGNAL)[1]:
        return None
    low, high = baseline.limit(Z_NORMAL)
    return Signal(series, week_start, count, math.floor(low), math.ceil(high), tuple(history))


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weeks_ending_in(start: dt.date, end: dt.date) -> list[dt.date]:
    """The Mondays of the whole weeks whose Sunday falls from `start` up to `end` (exclusive)."""
    first_sunday = start + dt.timedelta(days=(6 - start.weekday()) % 7)
    mondays = []
    sunday = first_sunday
    while sunday < end:
        mondays.append(sunday - dt.timedelta(days=6))
        sunday += dt.timedelta(days=7)
    return mondays


def weekly_counts(daily: Iterable[tuple[dt.date, Hashable, int]]) -> dict[Hashable, dict[dt.date, int]]:
    """Daily counts per series summed into weeks (keyed by their Monday)."""
    weeks: dict[Hashable, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for day, series, count in daily:
        weeks[series][monday_of(day)] += count
    return weeks


def signals_find(
    weeks: Mapping[Hashable, Mapping[dt.date, int]], mondays: Sequence[dt.date], *, k: int, since: dt.date
) -> list[Signal]:
    """Every series' signals in the weeks starting on `mondays`, newest week first, then the steepest rise.
    Baseline weeks before `since` (the first day with data) do not count: they are not zero, just unknown."""
    found = []
    for series, counts in weeks.items():
        for monday in mondays:
            before = [monday - dt.timedelta(weeks=back) for back in range(BASELINE_WEEKS, 0, -1)]
            history = [counts.get(week, 0) for week in before if week >= monday_of(since)]
            signal = week_signal(series, monday, counts.get(monday, 0), history, k=k)
            if signal is not None:
                found.append(signal)
    return sorted(found, key=lambda signal: (-signal.week_start.toordinal(), -signal.ratio, str(signal.series)))
