"""Helpdesk benchmark on PostgreSQL. Prints its figures; it asserts nothing (see the issue's closing note).

    scripts/with-postgresql .venv/bin/python bench/helpdesk.py --tickets 1000000

Loads TICKETS questions over 50 organisations with 3 messages each on average (COPY, not the ORM), then
measures in-process through Django's full request stack (middleware, scope, access log, templates):
the agent inbox first page, the question page, ticket search, and questions created per second through the
web form and the API by 2 worker processes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loading import NewMessage, NewQuestion, copy_questions, finish_load, setup_django

setup_django()

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from wegwijs.accounts.models import User
from wegwijs.helpdesk.models import Ticket
from wegwijs.tenancy.models import Membership, Organisation
from wegwijs.tenancy.roles import ApiScope, Role
from wegwijs.tenancy.services import api_token_create

ORGANISATIONS = 50
STATUSES = ["new", "open", "waiting_on_person", "referred", "resolved", "closed", "closed", "closed"]
TOPICS = ["login", "account", "app_install", "video_call", "home_monitoring", "portal_use"]
LANGUAGES = ["nl"] * 7 + ["en", "tr", "ar", "pl", "uk"]
WORDS = [
    "portaal",
    "app",
    "beeldbellen",
    "bloeddrukmeter",
    "wachtwoord",
    "camera",
    "uitslagen",
    "afspraak",
    "weegschaal",
    "bluetooth",
    "herinnering",
    "machtiging",
    "vragenlijst",
    "brief",
    "pincode",
    "telefoon",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def setup_world() -> tuple[list[Organisation], User]:
    call_command("migrate", verbosity=0)
    with scopes_disabled():
        existing = list(Organisation.objects.filter(slug__startswith="organisatie-").order_by("pk"))
        if existing:  # --reuse: the world of an earlier run in the same database
            return existing, User.objects.get(email="bench-agent@wegwijs.test")
        organisations = [
            Organisation.objects.create(
                slug=f"organisatie-{number}",
                name=f"Organisatie {number}",
                contact_phone_hours={"mon": [["08:00", "17:00"]]},
            )
            for number in range(ORGANISATIONS)
        ]
        agent = User.objects.create_user("bench-agent@wegwijs.test", "bench-wachtwoord-lang", full_name="Bench")
        Membership.objects.bulk_create(
            [Membership(organisation=organisation, user=agent, role=Role.AGENT) for organisation in organisations[:5]]
        )
    return organisations, agent


def questions(organisations: list[Organisation], agent: User, tickets: int) -> Iterator[NewQuestion]:
    rng = random.Random(42)
    numbers = dict.fromkeys(range(len(organisations)), 0)
    offset = dt.timezone(dt.timedelta(hours=1))
    for count in range(1, tickets + 1):
        org_index = rng.randrange(len(organisations))
        numbers[org_index] += 1
        assignee = agent.pk if org_index < 5 and rng.random() < 0.3 else None
        created = dt.datetime(2026, rng.randint(1, 11), rng.randint(1, 28), rng.randint(8, 17), tzinfo=offset)
        subject = f"Ik kan niet inloggen ({count})"
        follow_ups = rng.choice([["outbound", "inbound"], ["outbound"], ["outbound", "note", "inbound"]])
        yield NewQuestion(
            organisation_id=organisations[org_index].pk,
            number=numbers[org_index],
            created_at=created,
            subject=subject,
            language=rng.choice(LANGUAGES),
            topic=rng.choice(TOPICS),
            status=rng.choice(STATUSES),
            priority="urgent" if rng.random() < 0.01 else "normal",
            assignee_id=assignee,
            search_document=f"{subject} {rng.choice(WORDS)} {rng.choice(WORDS)} foutmelding DigiD",
            messages=[
                NewMessage(kind, created, "Ik krijg een foutmelding bij het inloggen met DigiD op mijn telefoon.")
                for kind in ["inbound", *follow_ups]
            ],
        )


def load(organisations: list[Organisation], agent: User, tickets: int) -> float:
    """COPY the questions and their messages. Returns seconds."""
    started = time.perf_counter()
    copy_questions(questions(organisations, agent, tickets))
    finish_load()
    return time.perf_counter() - started


def agent_client(agent: User) -> Client:
    client = Client()
    client.force_login(agent)
    device = TOTPDevice.objects.create(user=agent, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def timed(action, runs: int, warm_up: int = 10) -> list[float]:  # type: ignore[no-untyped-def]
    """Milliseconds per call over `runs` calls, after `warm_up` calls that are not counted."""
    for _ in range(warm_up):
        action()
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        response = action()
        durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return durations


def create_through(kind: str, organisation_slug: str, token: str, count: int, queue: multiprocessing.Queue) -> None:
    connection.close()  # a fresh connection per process
    client = Client(headers={"Authorization": f"Bearer {token}"}) if kind == "api" else Client()
    started = time.perf_counter()
    for number in range(count):
        if kind == "api":
            response = client.post(
                "/api/v1/tickets", {"question": f"Inloggen lukt niet {number}"}, content_type="application/json"
            )
            ok = response.status_code == 201
        else:
            response = client.post(
                f"/{organisation_slug}/vraag/",
                {
                    "question": f"Inloggen lukt niet {number}",
                    "language": "nl",
                    "preferred_contact": "follow_up_page",
                },
                REMOTE_ADDR=f"10.{os.getpid() % 256}.{number // 256 % 256}.{number % 256}",  # many people, real limits
            )
            ok = response.status_code == 302
            client.cookies.pop("messages", None)  # the person reads "sent" on the next page; it does not pile up
        assert ok, response.status_code
    queue.put(time.perf_counter() - started)


def throughput(kind: str, organisation: Organisation, token: str, per_worker: int) -> float:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    connection.close()
    workers = [
        multiprocessing.Process(target=create_through, args=(kind, organisation.slug, token, per_worker, queue))
        for _ in range(2)
    ]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    return 2 * per_worker / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--create", type=int, default=500, help="questions per worker for the throughput runs")
    parser.add_argument("--reuse", action="store_true", help="keep the questions an earlier run loaded (DATABASE_URL)")
    parser.add_argument("--only", choices=["inbox", "page", "create", "search"], action="append")
    options = parser.parse_args()
    wanted = set(options.only or ["inbox", "page", "create", "search"])

    organisations, agent = setup_world()
    with scopes_disabled():
        loaded = options.reuse and Ticket.objects.exists()
    load_seconds = 0.0 if loaded else load(organisations, agent, options.tickets)
    with scopes_disabled():
        total = Ticket.objects.count()
        sample = list(
            Ticket.objects.filter(organisation__in=organisations[:5]).values_list("public_id", flat=True)[:5000]
        )
    print(
        f"loaded {total:,} questions with ~3 messages each in {load_seconds:.1f} s"
        if not loaded
        else f"reusing {total:,} questions loaded earlier"
    )

    client = agent_client(agent)
    rng = random.Random(7)
    if "inbox" in wanted:
        report(
            "agent inbox, first page (questions of 5 organisations)",
            timed(lambda: client.get("/staff/inbox/"), options.runs),
        )
        report("agent inbox 'mine'", timed(lambda: client.get("/staff/inbox/?view=mine"), options.runs))
    if "page" in wanted:
        report("question page", timed(lambda: client.get(f"/staff/tickets/{rng.choice(sample)}/"), options.runs))
    if "create" in wanted:
        with scopes_disabled():
            _token, raw_token = api_token_create(
                actor=None, organisation=organisations[0], name="bench", scopes=[ApiScope.TICKETS_WRITE]
            )
        api_rate = throughput("api", organisations[0], raw_token, options.create)
        print(f"questions created through the API by 2 worker processes: {api_rate:.0f}/s")
        web_rate = throughput("web", organisations[1], raw_token, options.create)
        print(f"questions created through the web form by 2 worker processes: {web_rate:.0f}/s")
    if "search" in wanted:
        queries = ["bloeddrukmeter", "wachtwoord camera", "machtiging", "portaal uitslagen", "inloggen"]
        report(
            "ticket search (full-text, 1-2 words)",
            timed(lambda: client.get("/staff/inbox/", {"q": rng.choice(queries)}), options.runs),
        )


def report(what: str, durations: list[float]) -> None:
    print(f"{what}: p50 {statistics.median(durations):.1f} ms, p95 {percentile(durations, 0.95):.1f} ms")


if __name__ == "__main__":
    main()
