"""wegwijs insights rebuild [--organisation SLUG]"""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from wegwijs.insights.tests.direct import direct_rollups, stored_rollups
from wegwijs.insights.tests.factories import TicketRollupFactory, ticket_with_history

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)


def rebuild(*arguments: str) -> str:
    output = StringIO()
    call_command("insights", "rebuild", *arguments, stdout=output)
    return output.getvalue()


@pytest.fixture
def questions(organisation, other_organisation):
    with scopes_disabled():
        for organisation_ in (organisation, other_organisation):
            ticket_with_history(organisation=organisation_, created_at=MONDAY, replies=(12,), resolved=30, score=4)
            ticket_with_history(organisation=organisation_, created_at=MONDAY, channel="phone")
            ticket_with_history(organisation=organisation_, created_at=MONDAY + dt.timedelta(days=1))
            TicketRollupFactory(organisation=organisation_, day=dt.date(2024, 12, 24), tickets=7)  # stale


def test_rebuild_of_one_organisation_says_what_it_did_and_leaves_the_others_alone(
    organisation, other_organisation, questions
):
    output = rebuild("--organisation", organisation.slug)
    assert "ziekenhuis-a: 3 questions, 2 days, 3 rows" in output
    assert re.search(r"Rebuilt 1 organisation\(s\): 3 questions, 2 days, 3 rows in \d+\.\d s", output)
    with scopes_disabled():
        stored, direct = stored_rollups(), direct_rollups()
    assert {key: cell for key, cell in stored.items() if key[0] == organisation.pk} == {
        key: cell for key, cell in direct.items() if key[0] == organisation.pk
    }
    assert [key[1] for key in stored if key[0] == other_organisation.pk] == [dt.date(2024, 12, 24)]


def test_rebuild_without_an_organisation_rebuilds_every_organisation(questions):
    output = rebuild()
    assert "huisarts-b: 3 questions, 2 days, 3 rows" in output
    assert "Rebuilt 2 organisation(s): 6 questions, 4 days, 6 rows" in output
    with scopes_disabled():
        assert stored_rollups() == direct_rollups()


def test_rebuild_refuses_an_unknown_organisation(organisation):
    with pytest.raises(CommandError, match="no-such-organisation"):
        rebuild("--organisation", "no-such-organisation")
