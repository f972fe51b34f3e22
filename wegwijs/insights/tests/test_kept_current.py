"""The task worker keeps rollups current as questions are asked, answered, corrected, resolved and rated through
the real services: what it leaves equals a full rebuild and the direct computation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from wegwijs.helpdesk import calls, referrals, services, walk_in
from wegwijs.helpdesk.choices import CallDirection, CallOutcome, Route, Status, Topic
from wegwijs.insights.rollups import rollup_day, rollup_rebuild
from wegwijs.insights.tests.direct import (
    direct_day_distributions,
    direct_rollups,
    stored_day_distributions,
    stored_rollups,
)
from wegwijs.insights.tests.factories import ticket_with_history
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.scope import command_scope
from wegwijs.tenancy.tests.factories import DigitalToolFactory, LocationFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clean_access_log_after_test")]


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def refreshes_queued() -> list[list[object]]:
    rows = DBTaskResult.objects.filter(task_path__endswith=".refresh_rollup", status=TaskResultStatus.READY).order_by(
        "enqueued_at"
    )
    return [row.args_kwargs["args"] for row in rows]


def ask(organisation, question="Ik kom niet in de app, wat moet ik doen?", **intake):
    ticket, _token = services.ticket_create(
        organisation=organisation,
        intake=services.Intake(question=question, language=intake.pop("language", "nl"), **intake),
    )
    return ticket


def test_rollups_kept_current_by_the_worker_equal_a_full_rebuild(organisation, other_organisation, make_staff):
    agent, _client = make_staff(Role.AGENT, organisation)
    with scopes_disabled():
        tool = DigitalToolFactory(organisation=organisation)
        location = LocationFactory(organisations=[organisation])
        earlier = ticket_with_history(organisation=organisation, created_at=timezone.now() - dt.timedelta(days=3))

        answered = ask(organisation)
        services.ticket_reply(actor=agent, ticket=answered, body="Installeer de app opnieuw.")
        services.ticket_change_status(actor=agent, ticket=answered, status=Status.RESOLVED)
        services.ticket_rate(ticket=answered, score=5)

        conversation = ask(organisation, language="en", tool=tool)
        services.ticket_classify(
            actor=agent, ticket=conversation, route=Route.HELPDESK, topic=Topic.VIDEO_CALL, tool=tool
        )
        services.ticket_reply(actor=agent, ticket=conversation, body="Which browser do you use?")
        services.ticket_add_person_message(ticket=conversation, body="Firefox.")
        services.ticket_reply(actor=agent, ticket=conversation, body="Please try Chrome.")
        services.ticket_change_status(actor=agent, ticket=conversation, status=Status.RESOLVED)
        services.ticket_add_person_message(ticket=conversation, body="It still does not work.")  # reopens
        services.ticket_close_by_person(ticket=conversation)

        calls.phone_call_log_new(
            actor=agent,
            call=calls.NewCall(
                organisation=organisation,
                direction=CallDirection.INCOMING,
                language="nl",
                caller_name="",
                caller_phone="",
                consent_to_contact=False,
                duration_minutes=6,
                summary="Wachtwoord van het portaal vergeten.",
                outcome=CallOutcome.RESOLVED,
            ),
        )
        walk_in.walk_in_log(
            actor=agent,
            visit=walk_in.WalkIn(
                organisation=organisation,
                location=location,
                language="tr",
                tool=tool,
                question="Uygulamaya giremiyorum.",
                tried="",
                hand_over=False,
            ),
        )
        referred = ask(organisation)
        referrals.ticket_refer(actor=agent, ticket=referred, route=Route.GENERAL_DIGITAL)
        duplicate = ask(organisation)
        services.ticket_merge(actor=agent, duplicate=duplicate, into=referred)
        services.ticket_reply(actor=agent, ticket=earlier, body="Een late reactie.")  # refreshes its own day
        services.ticket_reply(actor=None, ticket=ask(other_organisation), body="Probeer het opnieuw.")
    run_worker()
    refreshes = DBTaskResult.objects.filter(task_path__endswith=".refresh_rollup")
    assert set(refreshes.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}

    with scopes_disabled():
        kept_current = stored_rollups()
        assert kept_current == direct_rollups()
        assert stored_day_distributions() == direct_day_distributions()
    with command_scope("test", [organisation, other_organisation]):
        rollup_rebuild()
    with scopes_disabled():
        assert stored_rollups() == kept_current
        today = rollup_day(answered.created_at)
    assert {key[1] for key in kept_current} == {rollup_day(earlier.created_at), today}
    assert sum(cell["tickets"] for key, cell in kept_current.items() if key[0] == organisation.pk) == 7
    assert sum(cell["first_contact_resolved"] for cell in kept_current.values()) == 3  # answered, call, walk-in


def reply_and_roll_back(ticket) -> None:
    with transaction.atomic():
        services.ticket_reply(actor=None, ticket=ticket, body="Nog een antwoord.")
        raise RuntimeError


def test_one_refresh_per_organisation_and_day_however_many_events_a_transaction_records(organisation):
    with scopes_disabled():
        first = ask(organisation)
        second = ask(organisation)
        assert len(refreshes_queued()) == 2
        with transaction.atomic():
            services.ticket_reply(actor=None, ticket=first, body="Probeer het opnieuw.")  # a reply and a status
            services.ticket_change_status(actor=None, ticket=second, status=Status.RESOLVED)
        day = rollup_day(first.created_at).isoformat()
        assert refreshes_queued()[2:] == [[organisation.pk, day]]
        services.ticket_add_note(actor=None, ticket=first, body="Intern.")  # changes nothing a rollup counts
        with pytest.raises(RuntimeError):
            reply_and_roll_back(second)  # nothing to refresh
        assert len(refreshes_queued()) == 3
