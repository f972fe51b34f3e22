"""Small-cell suppression on its own: primary and protective hiding, and an exact attacker on random tables."""

from __future__ import annotations

import random
from collections.abc import Hashable

import pytest

from wegwijs.insights.suppression import Hidden, Relation, suppress
from wegwijs.insights.tests.attack import recoverable_cells


def test_a_small_cell_is_hidden_and_the_next_smallest_protects_it() -> None:
    values = {"total": 20, "a": 12, "b": 5, "c": 3}
    hidden = suppress(values, [Relation("total", ("a", "b", "c"))], k=5)
    assert hidden == {"c": Hidden.SMALL, "b": Hidden.PROTECTIVE}


def test_zero_is_shown_and_nothing_is_hidden_without_small_cells() -> None:
    values = {"total": 20, "a": 15, "b": 5, "c": 0}
    assert suppress(values, [Relation("total", ("a", "b", "c"))], k=5) == {}


def test_two_small_cells_whose_sum_gives_them_away_get_protection() -> None:
    # b + c = 2 and each is at least 1: both would be known to be 1.
    values = {"total": 12, "a": 10, "b": 1, "c": 1}
    hidden = suppress(values, [Relation("total", ("a", "b", "c"))], k=5)
    assert hidden == {"b": Hidden.SMALL, "c": Hidden.SMALL, "a": Hidden.PROTECTIVE}


def test_a_month_cannot_be_worked_out_from_its_quarter() -> None:
    values = {"q": 30, "m1": 14, "m2": 13, "m3": 3}
    hidden = suppress(values, [Relation("q", ("m1", "m2", "m3"))], k=5)
    assert hidden == {"m3": Hidden.SMALL, "m2": Hidden.PROTECTIVE}


def test_k_is_per_organisation() -> None:
    values = {"total": 30, "a": 22, "b": 8}
    assert suppress(values, [Relation("total", ("a", "b"))], k=10) == {"b": Hidden.SMALL, "a": Hidden.PROTECTIVE}
    assert suppress(values, [Relation("total", ("a", "b"))], k=5) == {}


def _random_publication(seed: int) -> tuple[dict[Hashable, int], list[Relation]]:
    """A quarter and its three months, each with a total, a two-way table (rows x columns) and its margins:
    the shape of the dashboard's problem table (topic x tool)."""
    generator = random.Random(seed)
    rows, columns = generator.randint(1, 4), generator.randint(1, 4)
    values: dict[Hashable, int] = {}
    relations: list[Relation] = []
    months = ("m1", "m2", "m3")
    for month in months:
        for row in range(rows):
            for column in range(columns):
                values[(month, row, column)] = generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 15, 40])
    for period in (*months, "q"):
        if period == "q":
            for row in range(rows):
                for column in range(columns):
                    values[("q", row, column)] = sum(values[(month, row, column)] for month in months)
        for row in range(rows):
            values[(period, row, "all")] = sum(values[(period, row, column)] for column in range(columns))
            relations.append(Relation((period, row, "all"), tuple((period, row, c) for c in range(columns))))
        for column in range(columns):
            values[(period, "all", column)] = sum(values[(period, row, column)] for row in range(rows))
            relations.append(Relation((period, "all", column), tuple((period, r, column) for r in range(rows))))
        values[(period, "all", "all")] = sum(values[(period, row, "all")] for row in range(rows))
        relations.append(Relation((period, "all", "all"), tuple((period, r, "all") for r in range(rows))))
        relations.append(Relation((period, "all", "all"), tuple((period, "all", c) for c in range(columns))))
    for key in [key for key in values if key[0] == "q"]:
        relations.append(Relation(key, tuple((month, *key[1:]) for month in months)))
    return values, relations


@pytest.mark.parametrize("seed", range(25))
def test_no_hidden_cell_of_a_random_publication_can_be_recovered(seed: int) -> None:
    values, relations = _random_publication(seed)
    hidden = suppress(values, relations, k=5)
    assert all(values[key] >= 5 or values[key] == 0 for key in values if key not in hidden)
    assert recoverable_cells(values, relations, hidden, 5) == []
