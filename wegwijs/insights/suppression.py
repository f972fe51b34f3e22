"""Small-cell suppression: which published numbers must be hidden so that no group of fewer than k people can be
seen, read off, or worked out by subtracting other published numbers. Pure Python.

The caller describes everything it publishes together (a quarter and its months, every table of them) as cell
values plus the sums that hold between them (`Relation`: a total and its parts, e.g. the month's questions and
its questions per channel, or a quarter's cell and the same cell in its three months). Then:

1. every cell with 1 to k-1 people is hidden as SMALL (shown as "< k"); zero is shown, it describes no one;
2. what a reader can still work out is computed: each hidden cell's lowest and highest possible value given
   every shown number, every relation, and what the marks say (a SMALL cell lies in 1..k-1, a PROTECTIVE one
   is at least k), by propagating bounds through the relations until nothing changes;
3. while some hidden cell's value is pinned down (lowest = highest; e.g. it is the only hidden part of a shown
   total), one more cell of a relation it is in is hidden as PROTECTIVE: the smallest shown part, else the
   total; then 2 again.

Bound propagation is exact for one relation on its own; across relations it can miss a cell that only integer
reasoning pins down, so the tests check the dashboard's publications against an exact integer program
(tests/test_suppression_attack.py). Decision 0013 explains the choices.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

DEFAULT_K = 5
_MAX_ROUNDS = 200


class Hidden(Enum):
    SMALL = "small"  # fewer than k people: shown as "< k"
    PROTECTIVE = "protective"  # k or more, hidden so that a small cell cannot be worked out


@dataclass(frozen=True)
class Relation:
    """A published identity: the value of `total` is the sum of the values of `parts`."""

    total: Hashable
    parts: tuple[Hashable, ...]


Bounds = dict[Hashable, tuple[float, float]]


def _initial_bounds(values: Mapping[Hashable, int], hidden: Mapping[Hashable, Hidden], k: int) -> Bounds:
    bounds: Bounds = {}
    for key, value in values.items():
        mark = hidden.get(key)
        if mark is Hidden.SMALL:
            bounds[key] = (1, k - 1)
        elif mark is Hidden.PROTECTIVE:
            bounds[key] = (k, math.inf)
        else:
            bounds[key] = (value, value)
    return bounds


def _tighten(relation: Relation, bounds: Bounds) -> bool:
    """Narrow the bounds of the relation's cells by what the others allow. True when something changed."""
    changed = False
    parts_low = sum(bounds[part][0] for part in relation.parts)
    parts_high = sum(bounds[part][1] for part in relation.parts)
    total_low, total_high = bounds[relation.total]
    new_total = (max(total_low, parts_low), min(total_high, parts_high))
    if new_total != bounds[relation.total]:
        bounds[relation.total] = new_total
        changed = True
    total_low, total_high = new_total
    for part in relation.parts:
        low, high = bounds[part]
        others_low = parts_low - low
        others_high = parts_high - high if math.isfinite(high) else _sum_except(relation, bounds, part)
        new_part = (max(low, total_low - others_high), min(high, total_high - others_low))
        if new_part != (low, high):
            bounds[part] = new_part
            changed = True
    return changed


def _sum_except(relation: Relation, bounds: Bounds, skipped: Hashable) -> float:
    return sum(bounds[part][1] for part in relation.parts if part != skipped)


def reader_bounds(
    values: Mapping[Hashable, int], relations: Sequence[Relation], hidden: Mapping[Hashable, Hidden], k: int
) -> Bounds:
    """What a reader can conclude about each cell from the published numbers and marks (bound propagation)."""
    bounds = _initial_bounds(values, hidden, k)
    for _round in range(_MAX_ROUNDS):
        changed = False
        for relation in relations:
            changed |= _tighten(relation, bounds)
        if not changed:
            break
    return bounds


def _protective_candidate(
    pinned: Hashable, values: Mapping[Hashable, int], relations: Sequence[Relation], hidden: Mapping[Hashable, Hidden]
) -> Hashable | None:
    """The cell to hide next to protect `pinned`: in the relations `pinned` is part of, the smallest shown,
    non-zero part; failing that, a shown total."""
    containing = [relation for relation in relations if pinned == relation.total or pinned in relation.parts]
    parts = [
        part
        for relation in containing
        for part in relation.parts
        if part not in hidden and values[part] > 0 and part != pinned
    ]
    if parts:
        return min(parts, key=lambda part: values[part])
    totals = [relation.total for relation in containing if relation.total not in hidden and values[relation.total]]
    return min(totals, key=lambda total: values[total]) if totals else None


def suppress(
    values: Mapping[Hashable, int], relations: Sequence[Relation], *, k: int = DEFAULT_K
) -> dict[Hashable, Hidden]:
    """The cells to hide, and why. Every key in a relation must be in `values` (with 0 where nobody is)."""
    if k < 2:
        raise ValueError("k must be at least 2")
    hidden: dict[Hashable, Hidden] = {key: Hidden.SMALL for key, value in values.items() if 0 < value < k}
    while True:
        bounds = reader_bounds(values, relations, hidden, k)
        pinned = [key for key in hidden if bounds[key][0] == bounds[key][1]]
        candidate = None
        for key in pinned:
            candidate = _protective_candidate(key, values, relations, hidden)
            if candidate is not None:
                break
        if candidate is None:
            return hidden
        hidden[candidate] = Hidden.PROTECTIVE
