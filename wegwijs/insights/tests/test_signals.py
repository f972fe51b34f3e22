"""Signals on synthetic weekly series: a real rise is flagged, ordinary noise is not."""

from __future__ import annotations

import datetime as dt

import numpy as np

from wegwijs.insights.signals import (
    BASELINE_WEEKS,
    baseline_of,
    signals_find,
    week_signal,
    weekly_counts,
    weeks_ending_in,
)

MONDAY = dt.date(2026, 11, 16)


def test_a_doubling_of_login_questions_is_a_signal_with_a_normal_range_around_the_baseline() -> None:
    signal = week_signal("login", MONDAY, 48, [22, 25, 20, 24, 23, 21, 26, 23], k=5)
    assert signal is not None
    assert signal.normal_low <= 20
    assert 26 <= signal.normal_high <= 32
    assert signal.normal_low >= 15


def test_a_week_inside_its_normal_variation_is_not_a_signal() -> None:
    assert week_signal("login", MONDAY, 30, [22, 25, 20, 24, 23, 21, 26, 23], k=5) is None


def test_fewer_than_k_questions_never_signal_even_after_weeks_of_none() -> None:
    assert week_signal("login", MONDAY, 4, [0] * 8, k=5) is None
    assert week_signal("login", MONDAY, 5, [0] * 8, k=5) is not None


def test_too_short_a_baseline_gives_no_signal() -> None:
    assert week_signal("login", MONDAY, 100, [1, 2, 1], k=5) is None


def test_dispersion_widens_the_limit_for_a_series_that_varies_more_than_poisson() -> None:
    steady, jumpy = baseline_of([20] * 8), baseline_of([5, 35, 10, 30, 8, 32, 12, 28])
    assert steady is not None
    assert jumpy is not None
    assert steady.dispersion == 1.0
    assert jumpy.dispersion > 5
    assert jumpy.limit(2.576)[1] > steady.limit(2.576)[1] + 10


def test_poisson_noise_rarely_signals_and_real_rises_mostly_do() -> None:
    generator = np.random.default_rng(7)
    false_alarms = rises_found = 0
    trials = 2000
    for _trial in range(trials):
        mean = generator.uniform(5, 60)
        history = [int(count) for count in generator.poisson(mean, BASELINE_WEEKS)]
        false_alarms += week_signal("s", MONDAY, int(generator.poisson(mean)), history, k=5) is not None
        rises_found += week_signal("s", MONDAY, int(generator.poisson(mean * 2.2)), history, k=5) is not None
    assert false_alarms / trials < 0.02
    assert rises_found / trials > 0.85


def test_overdispersed_noise_is_not_a_stream_of_signals() -> None:
    generator = np.random.default_rng(11)
    trials, false_alarms = 2000, 0
    for _trial in range(trials):
        mean = generator.uniform(10, 60)
        counts = generator.negative_binomial(5, 5 / (5 + mean), BASELINE_WEEKS + 1)  # variance mean + mean^2/5
        signal = week_signal("s", MONDAY, int(counts[-1]), [int(c) for c in counts[:-1]], k=5)
        false_alarms += signal is not None
    assert false_alarms / trials < 0.04


def test_weeks_are_summed_from_days_and_signals_come_newest_first() -> None:
    start = dt.date(2026, 8, 3)  # a Monday
    daily = [(start + dt.timedelta(days=offset), "login", 3) for offset in range(7 * 12)]
    daily += [(dt.date(2026, 10, 19), "login", 40), (dt.date(2026, 10, 5), "login", 30)]
    weeks = weekly_counts(daily)
    assert weeks["login"][dt.date(2026, 10, 19)] == 21 + 40
    mondays = weeks_ending_in(dt.date(2026, 10, 1), dt.date(2026, 11, 1))
    assert mondays == [dt.date(2026, 9, 28), dt.date(2026, 10, 5), dt.date(2026, 10, 12), dt.date(2026, 10, 19)]
    found = signals_find(weeks, mondays, k=5, since=start)
    assert [signal.week_start for signal in found] == [dt.date(2026, 10, 19), dt.date(2026, 10, 5)]


def test_weeks_before_the_first_data_are_not_taken_for_zero() -> None:
    weeks = {"login": {dt.date(2026, 10, 12): 31}}
    assert signals_find(weeks, [dt.date(2026, 10, 12)], k=5, since=dt.date(2026, 9, 21)) == []
    assert signals_find(weeks, [dt.date(2026, 10, 12)], k=5, since=dt.date(2026, 1, 5)) != []
