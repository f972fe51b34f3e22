"""The insights benchmark's real questions (with messages, calls and ratings) of the organisations whose
rollups it rebuilds; imported by bench/insights.py once Django is set up."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import numpy as np

from bench.insights_data import (
    AMSTERDAM,
    ANSWERED,
    BUCKET_EDGES,
    CHANNEL_SHARES,
    CHANNELS,
    FIRST_CONTACT,
    FIRST_RESPONSE,
    HOURS,
    LANGUAGES,
    RATED,
    REFERRED_RESOLVED,
    RESOLUTION,
    RESOLVED,
    ROUTES,
    SCORES,
    TOOL_SHARES,
    TOPICS,
    WITH_DUE_TIMES,
    Calendar,
    Pick,
    World,
    daily_questions,
)  # fmt: skip
from bench.loading import NewCall, NewMessage, NewQuestion


def real_questions(world: World, cal: Calendar, total: int) -> Iterator[NewQuestion]:
    rng = random.Random(11)
    daily = daily_questions(total, [1.0] * len(world.rebuilt), cal, np.random.default_rng(11))
    channel_of = {closed: Pick(dict(enumerate(shares))) for closed, shares in CHANNEL_SHARES.items()}
    route_of, topic_of, language_of = Pick(ROUTES), Pick(TOPICS), Pick(LANGUAGES)
    tool_of = {helpdesk: Pick(dict(enumerate(shares))) for helpdesk, shares in TOOL_SHARES.items()}
    hour_of, answer_of, resolve_of = ([Pick(dict(enumerate(row))) for row in table]
                                      for table in (HOURS, FIRST_RESPONSE, RESOLUTION))  # fmt: skip
    numbers = [0] * len(world.rebuilt)

    def after(pick: Pick) -> dt.timedelta:
        bucket = pick(rng)
        return dt.timedelta(seconds=rng.uniform(BUCKET_EDGES[bucket], BUCKET_EDGES[bucket + 1]))

    for d, day in enumerate(cal.days):
        for o, organisation in enumerate(world.rebuilt):
            for _ in range(daily[o, d]):
                numbers[o] += 1
                c, route = channel_of[cal.closed[d]](rng), route_of(rng)
                tool = tool_of[route == "helpdesk"](rng)
                created = dt.datetime.combine(day, dt.time(hour_of[c](rng), rng.randrange(60)), tzinfo=AMSTERDAM)
                question = NewQuestion(
                    organisation.pk, numbers[o], created, "Vraag over de app", channel=CHANNELS[c], route=route,
                    topic=topic_of(rng) if route == "helpdesk" else "", language=language_of(rng),
                    tool_id=world.tools[organisation.pk][tool - 1] if tool else None, status="open",
                    messages=[NewMessage("inbound", created, "Ik kom niet in de app, wat moet ik doen?")],
                )  # fmt: skip
                if rng.random() < WITH_DUE_TIMES[c]:
                    question.first_response_due_at = created + dt.timedelta(hours=8)
                    question.resolution_due_at = created + dt.timedelta(hours=40)
                history(question, c, rng, after(answer_of[c]), after(resolve_of[c]))
                yield question


def history(question: NewQuestion, c: int, rng: random.Random, answer: dt.timedelta, resolve: dt.timedelta) -> None:
    """Answered (by a reply, or a call that reached the person), perhaps a second round, resolved, rated."""
    created = question.created_at
    resolved = rng.random() < RESOLVED[c] * (1 if question.route == "helpdesk" else REFERRED_RESOLVED)
    if rng.random() < ANSWERED[c]:
        question.first_responded_at = created + answer
        if CHANNELS[c] in ("phone", "callback"):
            direction = "in" if CHANNELS[c] == "phone" else "out"
            question.calls.append(NewCall(created + answer, direction, "resolved" if resolved else "follow_up"))
        else:
            question.messages.append(NewMessage("outbound", created + answer, "Probeer de app opnieuw te installeren."))
        if not (resolved and rng.random() < FIRST_CONTACT[c]):
            later = created + answer + dt.timedelta(hours=rng.uniform(1, 30))
            question.messages.append(NewMessage("inbound", later, "Het lukt nog steeds niet."))
            question.messages.append(NewMessage("outbound", later + dt.timedelta(hours=2), "Dan bellen we u."))
    if resolved:
        contacts = [message.at for message in question.messages] + [call.at for call in question.calls]
        question.resolved_at = max(created + resolve, *contacts)
        question.status = "closed" if rng.random() < 0.7 else "resolved"
        question.closed_at = question.resolved_at + dt.timedelta(days=7) if question.status == "closed" else None
        if rng.random() < RATED:
            question.satisfaction = int(rng.choices(range(1, 6), SCORES)[0])
            question.rated_at = question.resolved_at + dt.timedelta(hours=2)
    elif question.route != "helpdesk":
        question.status = "referred"
