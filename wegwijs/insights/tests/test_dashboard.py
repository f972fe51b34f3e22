"""The dashboard's numbers: the period against the one before, small groups hidden so that they cannot be
worked out (also not from totals or from the quarter), key figures only over enough people, signals."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.utils import translation
from django_scopes import scopes_disabled

from wegwijs.insights.dashboard import dashboard_build
from wegwijs.insights.periods import period_parse
from wegwijs.insights.publication import publication_build
from wegwijs.insights.suppression import Hidden
from wegwijs.insights.tests.attack import recoverable_cells
from wegwijs.insights.tests.world import rollup, searches
from wegwijs.tenancy.scope import command_scope
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db

NOVEMBER = period_parse("2026-11")
OCTOBER_DAY, NOVEMBER_DAY = dt.date(2026, 10, 14), dt.date(2026, 11, 18)
SEPTEMBER = period_parse("2026-09")  # in a quarter that has ended, whatever day the tests run
AUGUST_DAY, SEPTEMBER_DAY = dt.date(2026, 8, 12), dt.date(2026, 9, 16)


@pytest.fixture
def digital_tool(organisation):
    return DigitalToolFactory(organisation=organisation, name="MijnZorgApp")


def build(organisation, period):
    with command_scope("test", [organisation]), translation.override("en"):
        return dashboard_build(organisation=organisation, period=period)


def values(table):
    return {row.label: (row.current.value, row.previous.value) for row in table.rows}


def test_a_small_channel_is_hidden_and_what_would_give_it_away_too(organisation):
    for day, counts in (
        (AUGUST_DAY, {"web": 20, "email": 10, "phone": 6}),
        (SEPTEMBER_DAY, {"web": 30, "email": 12, "phone": 3}),
    ):
        for channel, tickets in counts.items():
            rollup(organisation, day, tickets, channel=channel)
    dashboard = build(organisation, SEPTEMBER)

    assert (dashboard.total.current.value, dashboard.total.previous.value) == (45, 36)
    assert dashboard.total.change == "+25 %"
    channels = {row.label: row for row in dashboard.volume[0].rows}
    assert channels["Web form"].current.value == 30
    assert channels["Web form"].previous.value == 20
    # September's 3 phone questions are hidden; 45 - 30 - 12 would show them, so e-mail is hidden too; and
    # the quarter's phone count minus August's would show them, so August's phone and e-mail go as well.
    assert channels["Phone"].current.hidden is Hidden.SMALL
    assert channels["E-mail"].current.hidden is Hidden.PROTECTIVE
    assert channels["Phone"].previous.hidden is Hidden.PROTECTIVE
    assert channels["E-mail"].previous.hidden is Hidden.PROTECTIVE
    assert channels["Phone"].change is None


def test_a_quarter_still_running_is_not_published_nor_used_to_hide(organisation):
    for day, counts in ((OCTOBER_DAY, {"web": 20, "email": 10, "phone": 6}), (NOVEMBER_DAY, {"web": 30, "phone": 3})):
        for channel, tickets in counts.items():
            rollup(organisation, day, tickets, channel=channel)
    rollup(organisation, dt.date(2026, 12, 1), 2, channel="phone")  # December has begun
    with command_scope("test", [organisation]):
        publication = publication_build(
            organisation_id=organisation.pk, quarter=period_parse("2026-Q4"), k=5, today=dt.date(2026, 12, 2)
        )
    assert [period.key for period in publication.periods] == ["2026-10", "2026-11"]
    assert not any(key[0] in ("2026-12", "2026-Q4") for key in publication.values)
    assert publication.hidden == {
        ("2026-11", "channel", "phone"): Hidden.SMALL,
        ("2026-11", "channel", "web"): Hidden.PROTECTIVE,
    }


def test_no_hidden_cell_of_a_varied_quarter_can_be_worked_out(organisation, other_organisation):
    generator = random.Random(5)
    for day in (dt.date(2026, month, day) for month in (7, 8, 9) for day in (3, 17)):
        for _cell in range(12):
            rollup(
                organisation,
                day,
                generator.choice([1, 1, 2, 3, 4, 6, 9, 14]),
                hour=generator.choice([9, 10, 14]),
                channel=generator.choice(["web", "email", "phone"]),
                route=generator.choice(["helpdesk", "helpdesk", "care_provider"]),
                topic=generator.choice(["login", "video_call", ""]),
                tool_id=generator.choice([0, 1, 2]),
                language=generator.choice(["nl", "nl", "tr"]),
            )
        searches(organisation, day, "wachtwoord", generator.choice([1, 3, 7]))
    rollup(other_organisation, dt.date(2026, 8, 3), 2)
    with command_scope("test", [organisation]):
        publication = publication_build(organisation_id=organisation.pk, quarter=period_parse("2026-Q3"), k=5)

    assert publication.hidden, "the quarter has small groups to hide"
    assert all(value == 0 or value >= 5 for key, value in publication.values.items() if key not in publication.hidden)
    for relation in publication.relations:  # the relations hold for the true numbers
        assert publication.values[relation.total] == sum(publication.values[part] for part in relation.parts)
    assert recoverable_cells(publication.values, publication.relations, publication.hidden, 5) == []


def test_key_figures_are_left_out_when_too_few_people_are_behind_them(organisation):
    rollup(organisation, NOVEMBER_DAY, 40, resolved=30, first_contact_resolved=24, csat_count=3, csat_sum=12)
    rollup(organisation, OCTOBER_DAY, 20, resolved=10, first_contact_resolved=5, csat_count=8, csat_sum=36)
    figures = {figure.label: figure for figure in build(organisation, NOVEMBER).figures}

    assert figures["Solved at first contact"].current == "80 %"
    assert figures["Solved at first contact"].previous == "50 %"
    assert figures["Satisfaction (1 to 5)"].current is None  # three ratings
    assert figures["Satisfaction (1 to 5)"].base.current.hidden is Hidden.SMALL


def test_the_weekday_hour_grid_counts_questions_where_they_were_asked(organisation):
    rollup(organisation, dt.date(2026, 11, 16), 9, hour=9)  # a Monday
    rollup(organisation, dt.date(2026, 11, 23), 7, hour=9)  # the next Monday
    rollup(organisation, dt.date(2026, 11, 20), 8, hour=14)  # a Friday
    grid = build(organisation, NOVEMBER).heatmap
    assert grid.cells[0][9].value == 16
    assert grid.cells[4][14].value == 8
    assert grid.cells[2][9].value == 0


def test_top_problems_are_ranked_with_their_change_and_a_rise_is_a_signal(organisation, digital_tool):
    start = dt.date(2026, 9, 7)  # a Monday; ten quiet weeks of about 20 login questions about the app
    for week in range(11):
        for offset, tickets in enumerate([4, 3, 4, 3, 3, 2, 2]):
            rollup(organisation, start + dt.timedelta(weeks=week, days=offset), tickets, tool_id=digital_tool.pk)
    for offset in range(7):  # then a week of 49
        rollup(organisation, dt.date(2026, 11, 23) + dt.timedelta(days=offset), 7, tool_id=digital_tool.pk)
    rollup(organisation, NOVEMBER_DAY, 6, topic="video_call")
    dashboard = build(organisation, NOVEMBER)

    ranked = [row.label for row in dashboard.problems.rows]
    assert ranked == [f"Logging in – {digital_tool.name}", "Video consultation"]
    with translation.override("en"):
        assert dashboard.problems.rows[1].change == "new"
    series = {signal.series for signal in dashboard.signals}
    assert ("problem", "login", digital_tool.pk) in series
    signal = next(signal for signal in dashboard.signals if signal.series[0] == "problem")
    assert signal.week_start == dt.date(2026, 11, 23)
    assert signal.count == 49
    assert signal.normal_low <= 21 <= signal.normal_high


def test_search_words_are_shown_only_when_many_searched_them(organisation):
    searches(organisation, NOVEMBER_DAY, "uitslagen bekijken", 6)
    searches(organisation, NOVEMBER_DAY, "jan de vries", 2)
    searches(organisation, NOVEMBER_DAY, "afspraak maken", 9, result_count=3)
    dashboard = build(organisation, NOVEMBER)
    assert dashboard.search_terms == (("uitslagen bekijken", 6),)
    assert dashboard.searches.current.value == 17
    assert dashboard.searches_without_result.current.value == 8


def test_another_organisations_numbers_never_count(organisation, other_organisation):
    rollup(organisation, NOVEMBER_DAY, 12)
    rollup(other_organisation, NOVEMBER_DAY, 50)
    searches(other_organisation, NOVEMBER_DAY, "geheim", 9)
    dashboard = build(organisation, NOVEMBER)
    assert dashboard.total.current.value == 12
    assert dashboard.searches.current.value == 0
    with scopes_disabled():
        assert build(other_organisation, NOVEMBER).total.current.value == 50
