"""Measuring search quality: mean reciprocal rank at 10 over queries with the article a person meant.
Pure. The query sets live beside this file: `queries_tuning.jsonl` (used while improving the engine) and
`queries_held_out.jsonl` (never used for tuning; only measured)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TUNING = HERE / "queries_tuning.jsonl"
HELD_OUT = HERE / "queries_held_out.jsonl"
CUTOFF = 10


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # the slug of the article that answers it
    language: str = ""  # given by the caller, or "" to let the engine detect it
    kind: str = ""  # typo, synonym, compound, story, language, plain: for reading the figures


def load(path: Path) -> list[Query]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Query(row["query"], row["expected"], row.get("language", ""), row.get("kind", "")) for row in rows]


def reciprocal_rank(found: Sequence[str], expected: str) -> float:
    """1/rank of the expected slug among the first ten results, 0 when it is not there."""
    for rank, slug in enumerate(found[:CUTOFF], start=1):
        if slug == expected:
            return 1.0 / rank
    return 0.0


def mean_reciprocal_rank(queries: Iterable[Query], search: Callable[[Query], Sequence[str]]) -> float:
    ranks = [reciprocal_rank(search(query), query.expected) for query in queries]
    return sum(ranks) / len(ranks) if ranks else 0.0
