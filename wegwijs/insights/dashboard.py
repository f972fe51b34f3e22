"""The organisation's dashboard for a period against the one before: tables of counts, key figures, the
weekday x hour grid, top problems, medical questions, knowledge gaps, the support guide and signals. Everything
comes from publications (publication.py), so every number shown has passed suppression."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from wegwijs.insights import period_selectors as read
from wegwijs.insights.distributions import histogram_quantile
from wegwijs.insights.labels import (
    category_label,
    change_text,
    decimal_text,
    minutes_text,
    percent_text,
    signal_sentence,
    weekday_name,
)
from wegwijs.insights.periods import Period
from wegwijs.insights.publication import TOTAL, Publication, Shown, publication_build
from wegwijs.insights.signals import BASELINE_WEEKS, Signal, signals_find, weekly_counts, weeks_ending_in
from wegwijs.tenancy.models import Organisation

TOP_PROBLEMS = 10
MOST_NO_VOTES = 10


@dataclass(frozen=True)
class Row:
    label: str
    current: Shown
    previous: Shown

    @property
    def change(self) -> str | None:
        return change_text(self.current.value, self.previous.value)


@dataclass(frozen=True)
class Table:
    slug: str  # also the chart's id
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class KeyFigure:
    """A rate or time over a base of people; hidden (None) when the base is."""

    label: str
    current: str | None
    previous: str | None
    base: Row  # how many people the figure is about


@dataclass(frozen=True)
class Heatmap:
    rows: tuple[str, ...]  # weekdays
    columns: tuple[str, ...]  # hours
    cells: tuple[tuple[Shown, ...], ...]


@dataclass(frozen=True)
class Dashboard:
    organisation: Organisation
    period: Period
    previous: Period
    k: int
    total: Row
    figures: tuple[KeyFigure, ...]
    volume: tuple[Table, ...]
    heatmap: Heatmap
    problems: Table
    medical: tuple[Table, ...]
    knowledge: tuple[Table, ...]
    searches: Row
    searches_without_result: Row
    search_terms: tuple[tuple[str, int], ...]
    guide: tuple[Table, ...]
    signals: tuple[Signal, ...]
    tools: Mapping[int, str]
    first_day: dt.date | None  # the first day with questions: the periods worth choosing start there

    def tables(self) -> list[Table]:
        """Every table, in the order the page shows them (for exports)."""
        return [*self.volume, self.problems, *self.medical, *self.knowledge, *self.guide]


class _Reader:
    """Reads the current and the previous period out of their publications."""

    def __init__(self, current: Publication, previous: Publication, period: Period, earlier: Period) -> None:
        self.current, self.previous, self.period, self.earlier = current, previous, period, earlier
        self.tools = read.tool_names(organisation_id=current.organisation_id)
        self.departments = read.department_names(organisation_id=current.organisation_id)

    def row(self, table: str, category: Hashable = TOTAL, label: str = "") -> Row:
        label = label or category_label(table, category, tools=self.tools, departments=self.departments)
        return Row(
            label, self.current.shown(self.period, table, category), self.previous.shown(self.earlier, table, category)
        )

    def table(
        self, slug: str, title: str, table: str, *, keep: Callable[[Hashable], bool] = lambda _category: True
    ) -> Table:
        categories = set(self.current.categories(table)) | set(self.previous.categories(table))
        rows = [self.row(table, category) for category in categories if keep(category)]
        return Table(slug, title, tuple(sorted(rows, key=_largest_first)))


def _largest_first(row: Row) -> tuple[int, int, str]:
    current, previous = row.current.value, row.previous.value
    return (-(current if current is not None else -1), -(previous or 0), row.label)


Compute = Callable[[Publication, Period, int], "str | None"]


def _figure(reader: _Reader, label: str, base: str, compute: Compute) -> KeyFigure:
    """A figure computed over `base` people in each period, left out where that base is hidden or zero."""
    row = reader.row(base, label=label)

    def value(publication: Publication, period: Period, shown: Shown) -> str | None:
        return compute(publication, period, shown.value) if shown.value else None

    current = value(reader.current, reader.period, row.current)
    return KeyFigure(label, current, value(reader.previous, reader.earlier, row.previous), row)


def _rate(numerator: str) -> Compute:
    return lambda publication, period, base: percent_text(publication.measure(period, numerator), base)


def _median(histograms: str) -> Compute:
    return lambda publication, period, _base: minutes_text(
        histogram_quantile(getattr(publication, histograms)[period.key], 0.5)
    )


def _satisfaction(publication: Publication, period: Period, base: int) -> str | None:
    average = publication.measure(period, "csat_sum") / base
    satisfied = percent_text(publication.measure(period, "csat_satisfied"), base)
    return _("%(average)s (%(satisfied)s satisfied)") % {"average": decimal_text(average), "satisfied": satisfied}


def _service_figures(reader: _Reader) -> tuple[KeyFigure, ...]:
    first_answer = _("First answer within the service level")
    return (
        _figure(reader, first_answer, "sla_first_response_due", _rate("sla_first_response_met")),
        _figure(reader, _("Solved within the service level"), "sla_resolution_due", _rate("sla_resolution_met")),
        _figure(reader, _("Satisfaction (1 to 5)"), "csat", _satisfaction),
    )


def _figures(reader: _Reader) -> tuple[KeyFigure, ...]:
    return (
        _figure(reader, _("Solved at first contact"), "resolved", _rate("first_contact_resolved")),
        _figure(reader, _("Median time to first answer"), "answered", _median("first_response_histogram")),
        _figure(reader, _("Median time to solution"), "resolved", _median("resolution_histogram")),
        *_service_figures(reader),
    )


def _heatmap(reader: _Reader) -> Heatmap:
    cells = tuple(
        tuple(reader.current.shown(reader.period, "hour", (weekday, hour)) for hour in range(24))
        for weekday in range(7)
    )
    return Heatmap(tuple(weekday_name(day) for day in range(7)), tuple(f"{hour:02d}" for hour in range(24)), cells)


def _problems(reader: _Reader) -> Table:
    """The helpdesk's topics with their tool, most asked first; hidden (small) ones cannot be ranked."""
    table = reader.table("problems", _("Top problems"), "problem", keep=lambda category: bool(category[0]))  # type: ignore[index]
    ranked = [row for row in table.rows if row.current.value]
    return Table(table.slug, table.title, tuple(ranked[:TOP_PROBLEMS]))


def _most_no_votes(reader: _Reader) -> Table:
    rows = []
    for article in set(reader.current.article_titles) | set(reader.previous.article_titles):
        title = reader.current.article_titles.get(article) or reader.previous.article_titles[article]
        rows.append(reader.row("feedback_no", article, label=title))
    ranked = sorted((row for row in rows if row.current.value != 0), key=_largest_first)
    return Table("no-votes", _("Articles that did not help (“no” answers)"), tuple(ranked[:MOST_NO_VOTES]))


def _signals(organisation: Organisation, period: Period, k: int, first_day: dt.date | None) -> tuple[Signal, ...]:
    """The signals of the period's weeks; none before the organisation's first day with questions."""
    mondays = weeks_ending_in(period.start, period.end)
    if first_day is None or not mondays:
        return ()
    start = mondays[0] - dt.timedelta(weeks=BASELINE_WEEKS)
    weekly: list[tuple[dt.date, Hashable, int]] = []
    for monday, route, topic, tool, count in read.rollup_list_series_weeks(
        organisation_id=organisation.pk, start=start, end=mondays[-1] + dt.timedelta(days=7)
    ):
        weekly.append((monday, ("route", route), count))
        if topic:
            weekly.append((monday, ("topic", topic), count))
            if tool:
                weekly.append((monday, ("problem", topic, tool), count))
    return tuple(signals_find(weekly_counts(weekly), mondays, k=k, since=first_day))


def _reader(organisation: Organisation, period: Period, *, complete: bool = True) -> _Reader:
    """The publications of the period's quarter and of the previous period's (once when they are the same)."""
    k, earlier = organisation.insights_min_group, period.previous()
    current = publication_build(organisation_id=organisation.pk, quarter=period.quarter(), k=k, complete=complete)
    previous = current
    if earlier.quarter() != period.quarter():
        previous = publication_build(organisation_id=organisation.pk, quarter=earlier.quarter(), k=k, complete=complete)
    return _Reader(current, previous, period, earlier)


@dataclass(frozen=True)
class Overview:
    """One organisation's line in the platform view."""

    organisation: Organisation
    k: int
    total: Row
    figures: tuple[KeyFigure, ...]
    signals: tuple[Signal, ...]
    tools: Mapping[int, str]

    def signal_sentences(self) -> list[str]:
        """The first three signals as sentences, in the active language."""
        return [signal_sentence(signal, k=self.k, tools=self.tools) for signal in self.signals[:3]]


def overview_list(*, organisations: Iterable[Organisation], period: Period) -> list[Overview]:
    """Every organisation's line of the platform view."""
    return [overview_build(organisation=organisation, period=period) for organisation in organisations]


def overview_build(*, organisation: Organisation, period: Period) -> Overview:
    reader = _reader(organisation, period, complete=False)
    k = organisation.insights_min_group
    total = reader.row("tickets", label=_("Questions"))
    first_day = read.rollup_first_day(organisation_id=organisation.pk)
    signals = _signals(organisation, period, k, first_day)
    return Overview(organisation, k, total, _service_figures(reader), signals, reader.tools)


def dashboard_build(*, organisation: Organisation, period: Period) -> Dashboard:
    k, earlier = organisation.insights_min_group, period.previous()
    reader = _reader(organisation, period)
    first_day = read.rollup_first_day(organisation_id=organisation.pk)
    return Dashboard(
        organisation=organisation,
        period=period,
        previous=earlier,
        k=k,
        total=reader.row("tickets", label=_("Questions")),
        figures=_figures(reader),
        volume=(
            reader.table("channel", _("Questions by channel"), "channel"),
            reader.table("route", _("Questions by route"), "route"),
            reader.table("topic", _("Questions by topic"), "topic"),
            reader.table("tool", _("Questions by digital tool"), "tool"),
            reader.table("language", _("Questions by language"), "language"),
        ),
        heatmap=_heatmap(reader),
        problems=_problems(reader),
        medical=(
            Table(
                "medical",
                _("Medical questions that reached the helpdesk"),
                (reader.row("route", "care_provider"), reader.row("route", "urgent")),
            ),
            reader.table("referrals", _("Medical questions referred, by department"), "referral"),
        ),
        knowledge=(
            reader.table("searches", _("Searches on the help pages, by language"), "search"),
            reader.table("searches-empty", _("Searches without result, by language"), "search_empty"),
            _most_no_votes(reader),
        ),
        searches=reader.row("search_total", label=_("Searches on the help pages")),
        searches_without_result=reader.row("search_empty_total", label=_("Searches without result")),
        search_terms=tuple(
            read.search_list_terms_without_result(organisation_id=organisation.pk, period=period, minimum=k)
        ),
        guide=(
            reader.table("selfchecks", _("Self-checks, by level"), "assessment"),
            Table(
                "plans",
                _("Support plans"),
                (
                    reader.row("plan_total", label=_("Support plans made")),
                    reader.row("plan", "selfcheck", label=_("… of which after a self-check")),
                ),
            ),
            reader.table("journeys", _("Journey decisions"), "decision"),
        ),
        signals=_signals(organisation, period, k, first_day),
        first_day=first_day,
        tools=reader.tools,
    )
