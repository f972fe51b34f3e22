"""Time distributions kept as fixed histograms, so rollups of many days add up and still give medians and
percentiles. Pure Python.

Bucket i holds the durations d with EDGES_MINUTES[i] <= d < EDGES_MINUTES[i + 1]; the last bucket holds a
week (10,080 minutes) and more. Durations are whole seconds: 5 minutes exactly falls in the bucket 5–15.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

EDGES_MINUTES = (0, 5, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080)
_EDGES_SECONDS = tuple(minutes * 60 for minutes in EDGES_MINUTES)
BUCKETS = len(EDGES_MINUTES)


def bucket_of(seconds: int) -> int:
    """The bucket of a duration in whole seconds (a negative duration counts as 0)."""
    return max(bisect_right(_EDGES_SECONDS, seconds) - 1, 0)


def empty_histogram() -> list[int]:
    return [0] * BUCKETS


def empty_hours() -> list[int]:
    """Questions per hour of the day they were asked (0-23): the weekday x hour heatmap adds these up."""
    return [0] * 24


def histogram_add(histogram: list[int], other: Sequence[int]) -> list[int]:
    """Two histograms (or hour counts) added bucket by bucket (rollups of several days or cells into one)."""
    return [mine + theirs for mine, theirs in zip(histogram, other, strict=True)]


def histogram_quantile(histogram: Sequence[int], quantile: float) -> float | None:
    """Estimate the `quantile` (0.5 = median) in minutes, interpolating linearly inside its bucket. None without
    data; in the open last bucket the estimate is its lower edge (at least a week)."""
    total = sum(histogram)
    if total == 0:
        return None
    rank = quantile * total
    seen = 0
    for index, count in enumerate(histogram):
        if count and seen + count >= rank:
            low = EDGES_MINUTES[index]
            if index == BUCKETS - 1:
                return float(low)
            high = EDGES_MINUTES[index + 1]
            return low + (high - low) * max(rank - seen, 0) / count
        seen += count
    return float(EDGES_MINUTES[-1])
