"""Everything insights publish about one organisation's quarter and its three months, with small groups hidden.

A month is always published together with its quarter, so suppression sees every sum a reader could use: each
table's total, the topic x tool table's margins, and a quarter's cell as the sum of the same cell in its months
(suppression.py, decision 0013). Cells are keyed (period key, table, category). Whatever the dashboard, the
report and the exports show of a period comes from here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.cache import cache
from django.utils import timezone

from wegwijs.insights import period_selectors as read
from wegwijs.insights.distributions import BUCKETS, histogram_add
from wegwijs.insights.periods import Period, is_complete
from wegwijs.insights.suppression import Hidden, Relation, suppress

TOTAL = "total"
# Tables of questions, by the rollup column that gives their category.
DIMENSIONS = {"channel": "channel", "route": "route", "topic": "topic", "tool": "tool_id", "language": "language"}
# Counts of people that a rate or time is computed over (the rate is shown when its base is).
BASES = {
    "answered": "first_responded",
    "resolved": "resolved",
    "sla_first_response_due": "sla_first_response_due",
    "sla_resolution_due": "sla_resolution_due",
    "csat": "csat_count",
}
# Numerators and sums that go with the bases; never shown as counts of their own.
MEASURES = (
    "first_contact_resolved",
    "sla_first_response_met",
    "sla_resolution_met",
    "csat_sum",
    "csat_satisfied",
)
Key = tuple[str, str, Hashable]


@dataclass(frozen=True)
class Shown:
    """One published number: its value, or why it is hidden."""

    value: int | None
    hidden: Hidden | None = None

    @property
    def is_hidden(self) -> bool:
        return self.hidden is not None


@dataclass
class Publication:
    organisation_id: int
    quarter: Period
    k: int
    values: dict[Key, int] = field(default_factory=dict)
    hidden: dict[Key, Hidden] = field(default_factory=dict)
    measures: dict[tuple[str, str], int] = field(default_factory=dict)  # (period key, measure) -> sum
    first_response_histogram: dict[str, list[int]] = field(default_factory=dict)
    resolution_histogram: dict[str, list[int]] = field(default_factory=dict)
    article_titles: dict[int, str] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)  # every sum that holds between the cells

    periods: list[Period] = field(default_factory=list)  # what is published: the quarter if it ended, its ended months

    def shown(self, period: Period, table: str, category: Hashable = TOTAL) -> Shown:
        key = (period.key, table, category)
        if key in self.hidden:
            return Shown(None, self.hidden[key])
        return Shown(self.values.get(key, 0))

    def categories(self, table: str) -> list[Hashable]:
        """The categories of a table with anyone in them in this quarter."""
        return sorted({key[2] for key, value in self.values.items() if key[1] == table and value}, key=str)

    def measure(self, period: Period, name: str) -> int:
        return self.measures.get((period.key, name), 0)


class _Builder:
    """Collects cells per published month, adds the quarter as their sum when it is published too, and writes
    down the relations. Counts of a month still running are left out: nobody can see them."""

    def __init__(self, quarter: Period, periods: list[Period]) -> None:
        self.quarter, self.periods = quarter, periods
        self.month_keys = {month.start: month.key for month in periods if month != quarter}
        self.values: dict[Key, int] = defaultdict(int)
        self.relations: list[Relation] = []

    def add(self, month: dt.date, table: str, category: Hashable, count: int) -> None:
        if month in self.month_keys:
            self.values[(self.month_keys[month], table, category)] += count

    def keys_of(self, month: dt.date) -> list[str]:
        """The published periods a month's counts go into: the month and the quarter, if published."""
        if month not in self.month_keys:
            return []
        return [self.month_keys[month], *([self.quarter.key] if self.quarter in self.periods else [])]

    def relate(self, total: tuple[str, Hashable], parts: Iterable[tuple[str, Hashable]]) -> None:
        """In every published period: total = sum of parts (each a (table, category))."""
        parts = list(parts)
        for period in self.periods:
            relation = Relation((period.key, *total), tuple((period.key, *part) for part in parts))
            self.relations.append(relation)

    def finish(self) -> list[Relation]:
        """Fill in zeros and the quarter's cells, and add each cell's quarter = sum of its months."""
        cells = {(table, category) for (_period, table, category) in self.values}
        for relation in self.relations:
            cells |= {cast(Key, key)[1:] for key in (relation.total, *relation.parts)}
        for table, category in cells:
            months = [(month_key, table, category) for month_key in self.month_keys.values()]
            for key in months:
                self.values.setdefault(key, 0)
            if self.quarter in self.periods:
                self.values[(self.quarter.key, table, category)] = sum(self.values[key] for key in months)
                self.relations.append(Relation((self.quarter.key, table, category), tuple(months)))
        return self.relations


def _questions(builder: _Builder, publication: Publication) -> None:
    rows = read.rollup_list_month_cells(organisation_id=publication.organisation_id, period=builder.quarter)
    problems: set[tuple[str, int]] = set()
    for row in rows:
        month = row["month"]
        builder.add(month, "tickets", TOTAL, row["tickets"])
        for table, column in DIMENSIONS.items():
            builder.add(month, table, row[column], row["tickets"])
        builder.add(month, "problem", (row["topic"], row["tool_id"]), row["tickets"])
        problems.add((row["topic"], row["tool_id"]))
        for table, column in BASES.items():
            builder.add(month, table, TOTAL, row[column])
        for period_key in builder.keys_of(month):
            for name in MEASURES:
                publication.measures[(period_key, name)] = publication.measures.get((period_key, name), 0) + row[name]
    for table in DIMENSIONS:
        categories = {key[2] for key in builder.values if key[1] == table}
        builder.relate(("tickets", TOTAL), [(table, category) for category in categories])
    for topic in {topic for topic, _tool in problems}:
        parts = [("problem", (topic, tool)) for this, tool in problems if this == topic]
        builder.relate(("topic", topic), parts)
    for tool in {tool for _topic, tool in problems}:
        builder.relate(("tool", tool), [("problem", (topic, this)) for topic, this in problems if this == tool])


def _distributions(builder: _Builder, publication: Publication) -> None:
    """The weekday x hour cells, and the answer and resolution time histograms per period."""
    empty = [0] * BUCKETS
    for period in publication.periods:
        publication.first_response_histogram[period.key] = list(empty)
        publication.resolution_histogram[period.key] = list(empty)
    rows = read.day_distribution_list(organisation_id=publication.organisation_id, period=builder.quarter)
    for day, hours, first_response, resolution in rows:
        month = day.replace(day=1)
        for hour, count in enumerate(hours):
            if count:
                builder.add(month, "hour", (day.weekday(), hour), count)
        for period_key in builder.keys_of(month):
            histograms = publication.first_response_histogram, publication.resolution_histogram
            for histogram, row in zip(histograms, (first_response, resolution), strict=True):
                histogram[period_key] = histogram_add(histogram[period_key], row)
    cells = [("hour", (weekday, hour)) for weekday in range(7) for hour in range(24)]
    builder.relate(("tickets", TOTAL), cells)


def _grouped(
    builder: _Builder,
    rows: Iterable[dict[str, Any]],
    table: str,
    category: Callable[[dict[str, Any]], Hashable],
    count: str = "count",
) -> None:
    """A table of `rows` (each with a month and a count) with its own total, `table`_total."""
    categories: set[Hashable] = set()
    for row in rows:
        builder.add(row["month"], table, category(row), row[count])
        builder.add(row["month"], f"{table}_total", TOTAL, row[count])
        categories.add(category(row))
    builder.relate((f"{table}_total", TOTAL), [(table, each) for each in categories])


def _side_tables(builder: _Builder, publication: Publication) -> None:
    organisation_id, quarter = publication.organisation_id, builder.quarter
    referrals = read.referral_list_month_departments(organisation_id=organisation_id, period=quarter)
    _grouped(builder, referrals, "referral", lambda row: row["department_id"] or 0)
    searches = read.search_list_month_languages(organisation_id=organisation_id, period=quarter)
    _grouped(builder, searches, "search", lambda row: row["language"])
    _grouped(builder, searches, "search_empty", lambda row: row["language"], count="without_result")
    feedback = read.feedback_list_month_articles(organisation_id=organisation_id, period=quarter)
    for row in feedback:
        publication.article_titles[row["article_id"]] = row["article__title"]
        for table in ("yes", "no"):
            builder.add(row["month"], f"feedback_{table}", row["article_id"], row[table])
        builder.add(row["month"], "feedback_votes", row["article_id"], row["yes"] + row["no"])
    for article in publication.article_titles:
        builder.relate(("feedback_votes", article), [("feedback_yes", article), ("feedback_no", article)])
    levels = read.assessment_list_month_levels(organisation_id=organisation_id, period=quarter)
    _grouped(builder, levels, "assessment", lambda row: row["level"])
    for row in read.plan_list_months(organisation_id=organisation_id, period=quarter):
        builder.add(row["month"], "plan", "selfcheck", row["from_selfcheck"])
        builder.add(row["month"], "plan", "other", row["count"] - row["from_selfcheck"])
        builder.add(row["month"], "plan_total", TOTAL, row["count"])
    builder.relate(("plan_total", TOTAL), [("plan", "selfcheck"), ("plan", "other")])
    decisions = read.enrollment_list_month_decisions(organisation_id=organisation_id, period=quarter)
    _grouped(builder, decisions, "decision_status", lambda row: row["status"])
    reasons: set[tuple[str, str]] = set()
    for row in decisions:
        builder.add(row["month"], "decision", (row["status"], row["reason"]), row["count"])
        reasons.add((row["status"], row["reason"]))
    for status in {status for status, _reason in reasons}:
        parts: list[tuple[str, Hashable]] = [("decision", (this, reason)) for this, reason in reasons if this == status]
        builder.relate(("decision_status", status), parts)


def publication_build(
    *, organisation_id: int, quarter: Period, k: int, complete: bool = True, today: dt.date | None = None
) -> Publication:
    """Read the quarter, then hide what must be hidden, over every relation at once (tables share totals: a
    total hidden to protect one table must not be given away by another). Not `complete`: the question counts
    and the bases of the key figures only (the platform view)."""
    today = today or timezone.localdate()
    periods = [period for period in (quarter, *quarter.months()) if is_complete(period, today=today)]
    publication = Publication(organisation_id=organisation_id, quarter=quarter, k=k, periods=periods)
    builder = _Builder(quarter, periods)
    _questions(builder, publication)
    if complete:
        _distributions(builder, publication)
        _side_tables(builder, publication)
    publication.relations = builder.finish()
    publication.values = dict(builder.values)
    publication.hidden = _suppressed(publication.values, publication.relations, k)
    return publication


def _suppressed(values: dict[Key, int], relations: list[Relation], k: int) -> dict[Key, Hidden]:
    """suppress(), remembered in the cache by the numbers it was given: the page, the report and the exports of
    a period ask for the same publication, and a complete period's numbers rarely change."""
    digest = hashlib.sha256(repr((k, sorted(values.items(), key=repr))).encode()).hexdigest()
    cache_key = f"insights-suppression:{digest}"
    cached: dict[Key, Hidden] | None = cache.get(cache_key)
    if cached is None:
        cells: dict[Hashable, int] = {key: value for key, value in values.items()}
        cached = {cast(Key, key): mark for key, mark in suppress(cells, relations, k=k).items()}
        cache.set(cache_key, cached, timeout=7 * 24 * 3600)
    return cached
