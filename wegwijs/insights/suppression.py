"""Small-cell suppression: which published numbers must be hidden so that no group of fewer than k people can be
seen, read off, or worked out by subtracting other published numbers. Pure Python.

The caller describes everything it publishes together (a quarter and its months, every table of them) as cell
values plus the sums that hold between them (`Relation`: a total and its parts, e.g. the month's questions and
its questions per channel, or a quarter's cell and the same cell in its three months). Then:

1. every cell with 1 to k-1 people is hidden as SMALL (shown as "< k"); zero is shown, it describes no one;
2. what a reader can still work out is computed, cheapest way first: bounds propagated through the relations
   (a SMALL cell lies in 1..k-1, a PROTECTIVE one is at least k); the relations combined as linear equations
   (a hidden cell no combination of hidden cells can move is known); and, when those find nothing, an exact
   integer program per hidden cell (its lowest and highest possible whole value);
3. while some hidden cell's value is pinned down (lowest = highest; e.g. it is the only hidden part of a shown
   total), one more cell is hidden as PROTECTIVE: in a relation that gives the cell away, the smallest shown
   part, else the total; then 2 again.

The integer program makes the result exact: no hidden cell can be worked out from what is shown and the
relations given. It is only as good as those relations, so publication.py must state every sum that holds
between the numbers it shows (tests/test_dashboard.py checks they hold and attacks the result). Decision 0013.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

import numpy as np

DEFAULT_K = 5
_MAX_ROUNDS = 200
BULK_SOLUTIONS = 4


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
    """What a reader can conclude about each cell from the published numbers and marks (bound propagation).
    Only relations with a hidden cell can teach anything; a relation is looked at again when one of its cells
    changed."""
    bounds = _initial_bounds(values, hidden, k)
    active = [relation for relation in relations if any(cell in hidden for cell in _members(relation))]
    relations_of: dict[Hashable, list[int]] = {}
    for number, relation in enumerate(active):
        for cell in _members(relation):
            relations_of.setdefault(cell, []).append(number)
    waiting, queued = list(range(len(active))), set(range(len(active)))
    budget = _MAX_ROUNDS * max(len(active), 1)
    while waiting and budget:
        budget -= 1
        number = waiting.pop()
        queued.discard(number)
        before = {cell: bounds[cell] for cell in _members(active[number])}
        if _tighten(active[number], bounds):
            for cell, old in before.items():
                if bounds[cell] != old:
                    for other in relations_of[cell]:
                        if other not in queued:
                            queued.add(other)
                            waiting.append(other)
    return bounds


def _members(relation: Relation) -> tuple[Hashable, ...]:
    return (relation.total, *relation.parts)


def _components(rows: list[dict[int, float]], count: int) -> list[list[int]]:
    """The hidden cells grouped by the relations that connect them (union-find)."""
    parent = list(range(count))

    def root(cell: int) -> int:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for row in rows:
        first, *rest = row
        for cell in rest:
            parent[root(cell)] = root(first)
    groups: dict[int, list[int]] = {}
    for cell in range(count):
        groups.setdefault(root(cell), []).append(cell)
    return list(groups.values())


def pinned_by_equations(relations: Sequence[Relation], hidden: Mapping[Hashable, Hidden]) -> set[Hashable]:
    """The hidden cells that the relations alone determine, combining as many as it takes (whatever the bounds):
    those whose coordinate is zero in every solution of the relations' homogeneous system over hidden cells."""
    cells = list(hidden)
    index = {cell: position for position, cell in enumerate(cells)}
    rows: list[dict[int, float]] = []
    for relation in relations:
        row: dict[int, float] = {}
        for member, coefficient in ((relation.total, -1.0), *((part, 1.0) for part in relation.parts)):
            if member in index:
                row[index[member]] = row.get(index[member], 0.0) + coefficient
        if any(row.values()):
            rows.append(row)
    pinned: set[Hashable] = set()
    for component in _components(rows, len(cells)):
        local = {cell: position for position, cell in enumerate(component)}
        matrix = np.zeros((len(rows), len(component)))
        for number, row in enumerate(rows):
            for cell, coefficient in row.items():
                if cell in local:
                    matrix[number, local[cell]] = coefficient
        matrix = matrix[np.any(matrix != 0, axis=1)]
        if not len(matrix):
            continue
        _left, singular, right = np.linalg.svd(matrix)
        rank = int(np.sum(singular > 1e-9))
        null_space = right[rank:]  # rows spanning every direction the hidden cells can move together
        for cell, position in local.items():
            if not len(null_space) or np.all(np.abs(null_space[:, position]) < 1e-9):
                pinned.add(cells[cell])
    return pinned


def warm_up() -> None:
    """Import scipy's optimisers now (about a second), not on the first insights page a person opens."""
    import scipy.optimize  # noqa: F401


def pinned_by_integer_program(
    values: Mapping[Hashable, int], relations: Sequence[Relation], hidden: Mapping[Hashable, Hidden], k: int
) -> list[Hashable]:
    """The hidden cells whose lowest and highest whole-number value, over every solution of the relations within
    the marks' bounds, are the same: what an attacker with an integer program works out. Exact but slower than
    bound propagation, so suppress() asks it only once propagation and the equations find nothing."""
    from scipy.optimize import Bounds as Box  # scipy only when needed: it is slow to import
    from scipy.optimize import LinearConstraint, milp

    relations = [
        relation for relation in relations if any(cell in hidden for cell in (relation.total, *relation.parts))
    ]
    cells = list(dict.fromkeys(cell for relation in relations for cell in (relation.total, *relation.parts)))
    index = {cell: position for position, cell in enumerate(cells)}
    bounds = _initial_bounds({cell: values[cell] for cell in cells}, hidden, k)
    box = Box([bounds[cell][0] for cell in cells], [bounds[cell][1] for cell in cells])
    matrix = np.zeros((len(relations), len(cells)))
    for row, relation in enumerate(relations):
        matrix[row, index[relation.total]] -= 1
        for part in relation.parts:
            matrix[row, index[part]] += 1
    equations = [LinearConstraint(matrix, 0, 0)] if relations else []
    integral = np.ones(len(cells))
    truth = np.array([values[cell] for cell in cells])
    undecided = {cell for cell in hidden if cell in index}
    if not undecided:  # hidden cells in no relation: nothing to work them out from
        return []

    def solve(objective: np.ndarray) -> np.ndarray | None:
        """A solution optimising `objective`; every cell it gives another value than the truth is not pinned."""
        result = milp(objective, constraints=equations, integrality=integral, bounds=box)
        if result.status != 0:
            return None
        witness: np.ndarray = np.round(result.x)
        undecided.difference_update({cell for cell in undecided if witness[index[cell]] != truth[index[cell]]})
        return witness

    # A few solutions that push every hidden cell at once, each in a direction of its own (a fixed seed: the
    # same numbers give the same result), decide most cells; the rest one by one.
    directions = np.random.default_rng(len(cells)).choice([-1.0, 1.0], size=(BULK_SOLUTIONS, len(cells)))
    pushed = np.zeros(len(cells))
    pushed[[index[cell] for cell in undecided]] = 1.0
    for direction in directions:
        if undecided:
            solve(direction * pushed)
    pinned = []
    while undecided:
        cell = next(iter(undecided))
        moved = False
        for sign in (-1.0, 1.0):  # the highest value, then the lowest
            objective = np.zeros(len(cells))
            objective[index[cell]] = sign
            witness = solve(objective)
            if witness is not None and witness[index[cell]] != truth[index[cell]]:
                moved = True
                break
        undecided.discard(cell)
        if not moved:
            pinned.append(cell)
    return pinned


def _pick(
    relation: Relation, pinned: Hashable, values: Mapping[Hashable, int], hidden: Mapping[Hashable, Hidden]
) -> Hashable | None:
    """In `relation`, the cell to hide for `pinned`: the smallest shown non-zero part, else the shown total."""
    parts = [part for part in relation.parts if part not in hidden and values[part] > 0 and part != pinned]
    if parts:
        return min(parts, key=lambda part: values[part])
    if relation.total not in hidden and values[relation.total] and relation.total != pinned:
        return relation.total
    return None


def _protective_candidates(
    pinned_cells: Sequence[Hashable],
    values: Mapping[Hashable, int],
    relations: Sequence[Relation],
    relations_of: Mapping[Hashable, list[Relation]],
    hidden: Mapping[Hashable, Hidden],
    bounds: Bounds,
) -> set[Hashable]:
    """The cells to hide next: for each pinned cell, one in a relation that gives it away on its own (every
    other cell in it is shown); if no pinned cell has such a relation, one that gives it away together with
    other pinned cells; else one in any relation a pinned cell is in; else the nearest shown cell."""

    def is_known(key: Hashable) -> bool:
        return key not in hidden or bounds[key][0] == bounds[key][1]

    containing = {pinned: relations_of.get(pinned, []) for pinned in pinned_cells}
    tests: tuple[Callable[[Relation, Hashable], bool], ...] = (
        lambda relation, pinned: all(member not in hidden for member in _members(relation) if member != pinned),
        lambda relation, pinned: all(is_known(member) for member in _members(relation) if member != pinned),
        lambda relation, pinned: True,
    )
    for test in tests:
        chosen: set[Hashable] = set()
        for pinned in pinned_cells:
            for relation in containing[pinned]:
                if test(relation, pinned) and (candidate := _pick(relation, pinned, values, hidden)) is not None:
                    chosen.add(candidate)
                    break
        if chosen:
            return chosen
    nearest = _nearest_shown(pinned_cells[0], values, relations, hidden)
    return {nearest} if nearest is not None else set()


def _nearest_shown(
    pinned: Hashable, values: Mapping[Hashable, int], relations: Sequence[Relation], hidden: Mapping[Hashable, Hidden]
) -> Hashable | None:
    """When every relation of a pinned cell is hidden or zero already: the smallest shown non-zero cell in the
    relations nearest to it (walking from relation to relation through hidden cells)."""
    reached, frontier = {pinned}, [pinned]
    while frontier:
        linked = [
            relation for relation in relations if any(cell in (relation.total, *relation.parts) for cell in frontier)
        ]
        shown = [
            cell
            for relation in linked
            for cell in (relation.total, *relation.parts)
            if cell not in hidden and values[cell] > 0
        ]
        if shown:
            return min(shown, key=lambda cell: values[cell])
        frontier = [
            cell
            for relation in linked
            for cell in (relation.total, *relation.parts)
            if cell in hidden and cell not in reached
        ]
        reached.update(frontier)
    return None


def suppress(
    values: Mapping[Hashable, int], relations: Sequence[Relation], *, k: int = DEFAULT_K
) -> dict[Hashable, Hidden]:
    """The cells to hide, and why. Every key in a relation must be in `values` (with 0 where nobody is)."""
    if k < 2:
        raise ValueError("k must be at least 2")
    hidden: dict[Hashable, Hidden] = {key: Hidden.SMALL for key, value in values.items() if 0 < value < k}
    relations_of: dict[Hashable, list[Relation]] = {}
    for relation in relations:
        for cell in _members(relation):
            relations_of.setdefault(cell, []).append(relation)
    while True:
        bounds = reader_bounds(values, relations, hidden, k)
        pinned = [key for key in hidden if bounds[key][0] == bounds[key][1]]
        pinned += [key for key in pinned_by_equations(relations, hidden) if key not in pinned]
        if not pinned and hidden:
            pinned = pinned_by_integer_program(values, relations, hidden, k)
        pinned.sort(key=lambda key: hidden[key] is not Hidden.SMALL)  # the small ones first
        candidates = (
            _protective_candidates(pinned, values, relations, relations_of, hidden, bounds) if pinned else set()
        )
        if not candidates:
            return hidden
        hidden.update(dict.fromkeys(candidates, Hidden.PROTECTIVE))
