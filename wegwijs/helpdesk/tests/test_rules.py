"""Pure rules: status transitions and team routing."""

import pytest

from wegwijs.helpdesk import statuses
from wegwijs.helpdesk.choices import Status, Topic
from wegwijs.helpdesk.routing import TeamSkills, choose_team
from wegwijs.triage.lexicon import TOPIC_WORDS

TEAMS = [
    TeamSkills(1, frozenset({10, 11}), frozenset({"nl", "en"})),
    TeamSkills(2, frozenset({10}), frozenset({"tr", "ar", "nl"})),
    TeamSkills(3, frozenset({12}), frozenset({"pl"})),
]


@pytest.mark.parametrize(
    ("organisation_id", "language", "team"),
    [
        (10, "tr", 2),
        (10, "ar", 2),
        (10, "en", 1),
        (10, "nl", 1),
        (10, "uk", 1),
        (11, "tr", 1),
        (12, "nl", 3),
        (99, "nl", None),
    ],
)
def test_a_question_lands_with_the_team_that_serves_the_organisation_and_speaks_the_language(
    organisation_id, language, team
):
    assert choose_team(TEAMS, organisation_id=organisation_id, language=language) == team


def test_a_closed_question_can_only_be_reopened():
    assert statuses.can_agent_set_status(Status.CLOSED, Status.OPEN)
    assert not statuses.can_agent_set_status(Status.CLOSED, Status.RESOLVED)
    assert not statuses.can_agent_set_status(Status.OPEN, Status.NEW)


def test_a_message_from_the_person_reopens_a_waiting_or_resolved_question():
    assert statuses.status_after_person_writes(Status.WAITING_ON_PERSON) == Status.OPEN
    assert statuses.status_after_person_writes(Status.RESOLVED) == Status.OPEN
    assert statuses.status_after_person_writes(Status.REFERRED) == Status.REFERRED


def test_a_reply_waits_for_the_person():
    assert statuses.status_after_reply(Status.NEW) == Status.WAITING_ON_PERSON
    assert statuses.status_after_reply(Status.REFERRED) == Status.REFERRED


def test_agents_choose_from_the_same_topics_that_triage_gives():
    assert set(Topic.values) == {*TOPIC_WORDS, "other_technical"}
