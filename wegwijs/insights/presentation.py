"""What the dashboard page and the PDF report show besides the tables: the charts, the plain findings "what
changed and what to fix first", and the sentences of the signals. In the active language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from wegwijs.insights import charts
from wegwijs.insights.dashboard import Dashboard, Row, Table
from wegwijs.insights.labels import change_text, hidden_text, percent_text, signal_sentence
from wegwijs.insights.publication import Shown
from wegwijs.insights.signals import Signal


def shown_text(shown: Shown, k: int) -> str:
    """A published number as text: the number, "< k", or the mark of a protective hiding."""
    return str(shown.value) if shown.hidden is None else hidden_text(shown.hidden, k)


def table_chart(table: Table, dashboard: Dashboard) -> SafeString:
    rows = [charts.BarRow(row.label, row.current.value, row.previous.value) for row in table.rows]
    return charts.bar_chart(
        chart_id=f"chart-{table.slug}",
        title=table.title,
        description=_("Number of questions in %(period)s against %(previous)s; the table below has the numbers.")
        % {"period": dashboard.period.label(), "previous": dashboard.previous.label()},
        rows=rows,
        current_label=dashboard.period.label(),
        previous_label=dashboard.previous.label(),
        hidden_text=f"< {dashboard.k}",
    )


def heatmap_chart(dashboard: Dashboard) -> SafeString:
    grid = dashboard.heatmap
    return charts.heatmap(
        chart_id="chart-heatmap",
        title=_("Questions by weekday and hour"),
        description=_("When questions came in during %(period)s (Dutch time); the table has the numbers.")
        % {"period": dashboard.period.label()},
        row_labels=grid.rows,
        column_labels=grid.columns,
        values=[[cell.value for cell in row] for row in grid.cells],
        hidden_text=f"< {dashboard.k}",
    )


@dataclass(frozen=True)
class SignalView:
    sentence: str
    chart: SafeString


def signal_view(signal: Signal, index: int, dashboard: Dashboard) -> SignalView:
    weeks = [signal.week_start - dt.timedelta(weeks=back) for back in range(len(signal.history), -1, -1)]
    counts = [*signal.history, signal.count]
    sentence = signal_sentence(signal, k=dashboard.k, tools=dashboard.tools)
    chart = charts.weekly_series(
        chart_id=f"chart-signal-{index}",
        title=sentence,
        description=_("Questions per week; the band is the normal range."),
        labels=[date_format(week, "j M") for week in weeks],
        values=[count if count == 0 or count >= dashboard.k else None for count in counts],
        band=(signal.normal_low, signal.normal_high),
        band_label=_("normal range"),
        hidden_text=f"< {dashboard.k}",
    )
    return SignalView(sentence, chart)


def _total_finding(dashboard: Dashboard) -> str:
    total = dashboard.total
    values = {"period": dashboard.period.label(), "previous": dashboard.previous.label(), "k": dashboard.k}
    if total.current.value is None:
        return _("Fewer than %(k)s questions in %(period)s.") % values
    values.update(count=total.current.value, change=change_text(total.current.value, total.previous.value) or "")
    if total.previous.value:
        return _("%(count)s questions in %(period)s (%(change)s against %(previous)s).") % values
    return _("%(count)s questions in %(period)s.") % values


def _biggest_rise(table: Table, k: int) -> Row | None:
    rises = [
        row
        for row in table.rows
        if row.current.value is not None
        and row.previous.value is not None
        and row.current.value - row.previous.value >= k
    ]
    return max(rises, key=lambda row: (row.current.value or 0) - (row.previous.value or 0), default=None)


def findings(dashboard: Dashboard) -> list[str]:
    """A few plain sentences: what changed and what to fix first."""
    found = [_total_finding(dashboard)]
    found += [signal_sentence(signal, k=dashboard.k, tools=dashboard.tools) for signal in dashboard.signals[:5]]
    if dashboard.problems.rows:
        top = dashboard.problems.rows[0]
        found.append(
            _("Asked most: %(problem)s (%(count)s questions).") % {"problem": top.label, "count": top.current.value}
        )
    if rise := _biggest_rise(dashboard.problems, dashboard.k):
        found.append(
            _("Rose most: %(problem)s, from %(before)s to %(now)s.")
            % {"problem": rise.label, "before": rise.previous.value, "now": rise.current.value}
        )
    medical = dashboard.medical[0].rows[0].current.value
    if medical and dashboard.total.current.value:
        found.append(
            _("%(count)s medical questions reached the helpdesk (%(share)s of all questions); they were referred.")
            % {"count": medical, "share": percent_text(medical, dashboard.total.current.value)}
        )
    searches, empty = dashboard.searches.current.value, dashboard.searches_without_result.current.value
    if searches and empty is not None:
        share = percent_text(empty, searches)
        found.append(_("%(share)s of the searches on the help pages found nothing.") % {"share": share})
    if dashboard.knowledge[2].rows and dashboard.knowledge[2].rows[0].current.value:
        article = dashboard.knowledge[2].rows[0]
        found.append(
            _("The article “%(title)s” did not help %(count)s times.")
            % {"title": article.label, "count": article.current.value}
        )
    return found


@dataclass(frozen=True)
class Section:
    table: Table
    chart: SafeString | None  # none for an empty table


def _sections(tables: Iterable[Table], dashboard: Dashboard) -> list[Section]:
    return [Section(table, table_chart(table, dashboard) if table.rows else None) for table in tables]


SIGNAL_CHARTS = {False: 8, True: 3}  # on the page, in the report
SIGNALS_LISTED = 20


def page_context(dashboard: Dashboard, *, compact: bool = False) -> dict[str, object]:
    """What the dashboard page and the report (`compact`) show, charts made. The newest, steepest signals come
    with their weekly chart; after those, sentences only, up to SIGNALS_LISTED."""
    charted = SIGNAL_CHARTS[compact]
    listed = dashboard.signals[charted:SIGNALS_LISTED]
    return {
        "dashboard": dashboard,
        "k": dashboard.k,
        "findings": findings(dashboard),
        "signals": [signal_view(signal, index, dashboard) for index, signal in enumerate(dashboard.signals[:charted])],
        "more_signals": [signal_sentence(signal, k=dashboard.k, tools=dashboard.tools) for signal in listed],
        "unlisted_signals": max(len(dashboard.signals) - SIGNALS_LISTED, 0),
        "volume": _sections(dashboard.volume, dashboard),
        "heatmap_chart": heatmap_chart(dashboard),
        "heat_rows": list(zip(dashboard.heatmap.rows, dashboard.heatmap.cells, strict=True)),
        "problems": _sections([dashboard.problems], dashboard)[0],
        "medical": _sections(dashboard.medical, dashboard),
        "knowledge": _sections(dashboard.knowledge, dashboard),
        "guide": _sections(dashboard.guide, dashboard),
    }
