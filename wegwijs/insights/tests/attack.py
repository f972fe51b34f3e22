"""An attacker with an exact integer program: given every number a publication shows and every sum that holds
between them, which hidden cells can be worked out to one value? Written apart from suppression.py (which only
propagates bounds), to check it."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from wegwijs.insights.suppression import Hidden, Relation

LARGE = 10**7


def recoverable_cells(
    values: Mapping[Hashable, int], relations: Sequence[Relation], hidden: Mapping[Hashable, Hidden], k: int
) -> list[Hashable]:
    """The hidden cells whose lowest and highest possible integer values are the same."""
    keys = list(values)
    index = {key: position for position, key in enumerate(keys)}
    low = np.array([float(values[key]) for key in keys])
    high = low.copy()
    for key, mark in hidden.items():
        low[index[key]], high[index[key]] = (1, k - 1) if mark is Hidden.SMALL else (k, LARGE)
    matrix = np.zeros((len(relations), len(keys)))
    for row, relation in enumerate(relations):
        matrix[row, index[relation.total]] -= 1
        for part in relation.parts:
            matrix[row, index[part]] += 1
    constraints = [LinearConstraint(matrix, 0, 0)] if relations else []
    integrality = np.ones(len(keys))
    found = []
    for key in hidden:
        extremes = []
        for sign in (1, -1):
            objective = np.zeros(len(keys))
            objective[index[key]] = sign
            result = milp(objective, constraints=constraints, integrality=integrality, bounds=Bounds(low, high))
            assert result.success, f"the true values must be feasible: {result.message}"
            extremes.append(round(result.x[index[key]]))
        if extremes[0] == extremes[1]:
            found.append(key)
    return found
