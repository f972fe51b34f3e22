"""Rollups equal a direct computation over the questions; the day is the Amsterdam day; organisations stay apart;
the queries do not grow with the questions."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django_scopes import scopes_disabled

from wegwijs.helpdesk.choices import CallOutcome, Channel, Route, Topic
from wegwijs.insights.rollups import rollup_rebuild, rollup_refresh
from wegwijs.insights.tests.direct import (
    COUNTS,
    EDGES_MINUTES,
    direct_day_distributions,
    direct_rollups,
    stored_day_distributions,
    stored_rollups,
)
from wegwijs.insights.tests.factories import TicketRollupFactory, ticket_with_history
from wegwijs.tenancy.scope import command_scope, task_scope
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# Moments (UTC) around midnight in Amsterdam and the clock changes of 2025: 30 March (a day of 23 hours) and
# 26 October (25 hours), with the day they fall on in Amsterdam.
AMSTERDAM_DAYS = [
    ("2025-01-06T22:59:59", "2025-01-06"),  # 23:59:59 CET
    ("2025-01-06T23:00:00", "2025-01-07"),  # midnight CET
    ("2025-03-29T22:59:59", "2025-03-29"),
    ("2025-03-29T23:00:00", "2025-03-30"),
    ("2025-03-30T00:59:59", "2025-03-30"),  # 01:59:59 CET, then the clocks go forward
    ("2025-03-30T01:00:00", "2025-03-30"),  # 03:00 CEST
    ("2025-03-30T21:59:59", "2025-03-30"),  # 23:59:59 CEST
    ("2025-03-30T22:00:00", "2025-03-31"),
    ("2025-10-25T21:59:59", "2025-10-25"),
    ("2025-10-25T22:00:00", "2025-10-26"),
    ("2025-10-26T00:30:00", "2025-10-26"),  # 02:30 CEST
    ("2025-10-26T01:30:00", "2025-10-26"),  # 02:30 CET, the second time
    ("2025-10-26T22:59:59", "2025-10-26"),  # 23:59:59 CET
    ("2025-10-26T23:00:00", "2025-10-27"),
]
# Around the clock changes, so that questions and their answers cross local midnight and the change itself.
BASE_DAYS = [dt.datetime(2025, 3, 28, tzinfo=UTC), dt.datetime(2025, 10, 24, tzinfo=UTC)]


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def some_minutes(rng: random.Random) -> float:
    """Often exactly a bucket edge, sometimes just around one, sometimes anything up to three weeks."""
    return rng.choice([*EDGES_MINUTES, 0.2, 4.99, 5.01, 59.9, 61, 1439.5, 3000, 20000, rng.uniform(0, 30000)])


def some_history(rng: random.Random) -> dict[str, Any]:
    """One of the ways a question goes: unanswered, answered once, a conversation, a call, a walk-in, …"""
    first = some_minutes(rng)
    later = first + some_minutes(rng)
    story = rng.choice(
        [
            {},  # not answered yet
            {"replies": (first,)},
            {"replies": (first,), "resolved": later},
            {"replies": (first,), "resolved": first},
            {"replies": (first, later), "person_writes": ((first + later) / 2,), "resolved": later + 1},
            {"replies": (first,), "person_writes": (later,), "resolved": later + 5},  # came back, one reply
            {"replies": (later,), "person_writes": (first,), "resolved": later},  # wrote again before the answer
            {"person_writes": (first,), "resolved": later},  # resolved without contact, after two messages
            {"calls": ((first, CallOutcome.RESOLVED),), "resolved": first},  # phone, helped at once
            {"calls": ((first, CallOutcome.NOT_REACHED),), "replies": (later,), "resolved": later},
            {"calls": ((first, CallOutcome.FOLLOW_UP),), "replies": (later,), "resolved": later + 60},
            {"resolved": rng.choice([0, 1, 30])},  # walk-in, helped on the spot
        ]
    )
    if rng.random() < 0.3:
        story["notes"] = (some_minutes(rng),)
    if "resolved" in story and rng.random() < 0.6:
        story["score"] = rng.randint(1, 5)
    return story


def some_question(rng: random.Random, organisation: Any, tools: list[Any], created_at: dt.datetime) -> None:
    history = some_history(rng)
    contacts = [*history.get("replies", ()), *(m for m, o in history.get("calls", ()) if o != CallOutcome.NOT_REACHED)]
    first_due = rng.choice([None, some_minutes(rng), *([min(contacts)] if contacts else [])])  # sometimes exactly met
    resolution_due = rng.choice([None, some_minutes(rng), history.get("resolved")])
    route = rng.choice(Route.values)
    ticket_with_history(
        organisation=organisation,
        created_at=created_at,
        channel=rng.choice(Channel.values),
        route=route,
        topic=rng.choice(["", *Topic.values]) if route == Route.HELPDESK else "",
        tool=rng.choice([None, *tools]),
        language=rng.choice(["nl", "nl", "en", "tr", "ar"]),
        first_response_due_at=created_at + dt.timedelta(minutes=first_due) if first_due is not None else None,
        resolution_due_at=created_at + dt.timedelta(minutes=resolution_due) if resolution_due is not None else None,
        **history,
    )


def varied_questions(organisations: list[Any], per_organisation: int, seed: int = 20250330) -> None:
    rng = random.Random(seed)
    for organisation in organisations:
        tools = DigitalToolFactory.create_batch(2, organisation=organisation)
        moments = [utc(moment) for moment, _day in AMSTERDAM_DAYS]
        while len(moments) < per_organisation:
            moments.append(rng.choice(BASE_DAYS) + dt.timedelta(seconds=rng.randrange(5 * 24 * 3600)))
        for created_at in moments:
            some_question(rng, organisation, tools, created_at)


@pytest.mark.parametrize("days_per_batch", [2, 31])
def test_rollups_after_a_rebuild_equal_a_direct_computation_over_the_questions(
    organisation, other_organisation, days_per_batch
):
    with scopes_disabled():
        varied_questions([organisation, other_organisation], per_organisation=150)
        TicketRollupFactory(organisation=organisation, day=dt.date(2024, 12, 1), tickets=9)  # no questions that day
        TicketRollupFactory(organisation=other_organisation, day=dt.date(2025, 3, 30), tickets=999)  # out of date
    with command_scope("test", [organisation, other_organisation]):
        report = rollup_rebuild(days_per_batch=days_per_batch)
    with scopes_disabled():
        direct, stored = direct_rollups(), stored_rollups()
        assert stored_day_distributions() == direct_day_distributions()
    assert stored == direct
    assert (report.organisations, report.tickets, report.rows) == (2, 300, len(direct))
    # The questions were varied enough that every measure is tried, and organisations kept apart.
    assert all(sum(cell[name] for cell in direct.values()) for name in COUNTS), "a measure is never exercised"
    assert {key[0] for key in stored} == {organisation.pk, other_organisation.pk}
    assert sum(cell["tickets"] for key, cell in stored.items() if key[0] == organisation.pk) == 150


@pytest.mark.parametrize(("moment", "day"), AMSTERDAM_DAYS)
def test_a_question_counts_on_its_day_in_amsterdam(organisation, moment, day):
    with scopes_disabled():
        ticket_with_history(organisation=organisation, created_at=utc(moment))
    with task_scope("test", organisation.pk):
        for near in (-1, 0, 1):
            rollup_refresh(organisation_id=organisation.pk, day=dt.date.fromisoformat(day) + dt.timedelta(days=near))
    with scopes_disabled():
        assert [key[1].isoformat() for key in stored_rollups()] == [day]


def test_refreshing_a_day_is_idempotent_and_removes_what_no_longer_holds(organisation):
    day = dt.date(2025, 3, 30)
    with scopes_disabled():
        ticket = ticket_with_history(organisation=organisation, created_at=utc("2025-03-30T10:00:00"), replies=(3,))
        TicketRollupFactory(organisation=organisation, day=day, channel="phone", tickets=4)
    with task_scope("test", organisation.pk):
        rollup_refresh(organisation_id=organisation.pk, day=day)
        rollup_refresh(organisation_id=organisation.pk, day=day)
    with scopes_disabled():
        assert stored_rollups() == direct_rollups()
        ticket.delete()
    with task_scope("test", organisation.pk):
        assert rollup_refresh(organisation_id=organisation.pk, day=day) == 0
    with scopes_disabled():
        assert stored_rollups() == {}


def test_a_refresh_in_one_organisations_scope_never_touches_another_organisations_rollups(
    organisation, other_organisation
):
    day = dt.date(2025, 3, 30)
    with scopes_disabled():
        varied_questions([organisation, other_organisation], per_organisation=20)
        TicketRollupFactory(organisation=other_organisation, day=day, tickets=999)
    with task_scope("test", organisation.pk):
        rollup_refresh(organisation_id=organisation.pk, day=day)
        rollup_refresh(organisation_id=other_organisation.pk, day=day)  # out of scope: sees and removes nothing
        rollup_rebuild(organisation=organisation)
    with scopes_disabled():
        stored = stored_rollups()
        direct = direct_rollups()
    others = {key: cell for key, cell in stored.items() if key[0] == other_organisation.pk}
    assert [cell["tickets"] for cell in others.values()] == [999]
    assert {key: cell for key, cell in stored.items() if key[0] == organisation.pk} == {
        key: cell for key, cell in direct.items() if key[0] == organisation.pk
    }


def test_refresh_and_rebuild_make_as_many_queries_for_many_questions_as_for_few(
    organisation, count_queries, django_assert_max_num_queries
):
    day = dt.date(2025, 10, 26)  # 25 hours from 22:00 UTC the day before
    rng = random.Random(1)

    def add_questions(number: int) -> None:
        with scopes_disabled():
            for _ in range(number):
                created_at = utc("2025-10-25T22:00:00") + dt.timedelta(minutes=rng.randrange(25 * 60))
                ticket_with_history(organisation=organisation, created_at=created_at, **some_history(rng))

    def refresh() -> None:
        with task_scope("test", organisation.pk):
            rollup_refresh(organisation_id=organisation.pk, day=day)

    def rebuild() -> None:
        with task_scope("test", organisation.pk):
            rollup_rebuild(organisation=organisation)

    add_questions(3)
    few = (count_queries(refresh), count_queries(rebuild))
    add_questions(60)
    with django_assert_max_num_queries(8):
        refresh()
    assert (count_queries(refresh), count_queries(rebuild)) == few
    with scopes_disabled():
        assert stored_rollups() == direct_rollups()
