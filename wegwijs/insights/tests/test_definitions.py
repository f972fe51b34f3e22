"""The definitions, without the database: first-contact resolution and the time buckets."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from wegwijs.insights.distributions import BUCKETS, EDGES_MINUTES, bucket_of, histogram_add, histogram_quantile
from wegwijs.insights.rollups import is_first_contact_resolution
from wegwijs.insights.selectors import TicketFacts

CREATED = dt.datetime(2025, 3, 30, 10, 0, tzinfo=dt.UTC)
ANSWERED = CREATED + dt.timedelta(minutes=20)
QUESTION = TicketFacts(
    organisation_id=1,
    created_at=CREATED,
    channel="web",
    route="helpdesk",
    topic="login",
    tool_id=None,
    language="nl",
    first_response_due_at=None,
    resolution_due_at=None,
    first_responded_at=ANSWERED,
    resolved_at=ANSWERED,
    inbound_messages=1,
    inbound_after_first_response=0,
    outbound_messages=1,
    calls_reached=0,
    satisfaction=None,
)


@pytest.mark.parametrize(
    ("change", "first_contact"),
    [
        ({}, True),  # one reply, resolved, the person did not write again
        ({"inbound_messages": 2}, True),  # the person added something before the answer
        ({"resolved_at": None}, False),
        ({"outbound_messages": 2}, False),
        ({"inbound_messages": 2, "inbound_after_first_response": 1}, False),  # had to come back
        ({"outbound_messages": 0, "calls_reached": 1}, True),  # phone: helped in the call
        ({"calls_reached": 1}, False),  # a reply and a call: two contacts
        ({"outbound_messages": 0, "first_responded_at": None}, True),  # walk-in: helped on the spot
        ({"outbound_messages": 0, "first_responded_at": None, "inbound_messages": 2}, False),
    ],
)
def test_first_contact_resolution(change, first_contact):
    assert is_first_contact_resolution(dataclasses.replace(QUESTION, **change)) is first_contact


@pytest.mark.parametrize(
    ("seconds", "bucket"),
    [(-3, 0), (0, 0), (299, 0), (300, 1), (899, 1), (900, 2), (86_399, 7), (86_400, 8), (604_800, 10), (10**9, 10)],
)
def test_a_duration_falls_in_the_bucket_whose_lower_edge_it_reached(seconds, bucket):
    assert bucket_of(seconds) == bucket


def test_quantiles_are_estimated_inside_their_bucket():
    histogram = [0] * BUCKETS
    assert histogram_quantile(histogram, 0.5) is None
    histogram[1] = 10  # ten answers between 5 and 15 minutes
    assert histogram_quantile(histogram, 0.5) == 10
    histogram = histogram_add(histogram, [0] * (BUCKETS - 1) + [10])  # and ten after more than a week
    assert histogram_quantile(histogram, 0.25) == 10
    assert histogram_quantile(histogram, 0.9) == EDGES_MINUTES[-1]
