"""Insights benchmark on PostgreSQL. Prints its figures; it asserts nothing (see the Insights issue).

    scripts/with-postgresql .venv/bin/python bench/insights.py [--tickets 10000000] [--rebuild-tickets 300000]

Loads, for ORGANISATIONS organisations over the 3 years up to the last complete quarter (they differ in size,
0.4 to 3 times a base; the measured one, the first, is the largest), day by day as the data would arrive:
- TICKETS questions as rollups generated straight into insights_ticketrollup (loading and rebuilding 10,000,000
  real questions would take an hour here): per organisation and day a number of questions, more on weekdays, in
  winter and towards the present, spread over cells of channel, route, topic, tool and language, with
  consistent counts, time histograms and hours of the day;
- in proportion, what the dashboard reads beside rollups: searches (1 per question, 15% without a result),
  article feedback (0.1), referrals (0.08), self-checks (0.03), support plans with their journey (0.01);
- REBUILD_TICKETS real questions with messages, phone calls and ratings for 2 more organisations.
Then prints the full rebuild of the real questions (extrapolated to 10,000,000), the refresh of one day (what one
change of a question costs, decision 0011), the dashboard of the measured organisation for the last complete
quarter (target: its queries < 300 ms together), the monthly PDF report for that quarter's last month (the last
month with data; target < 3 s), and a summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import statistics
import sys
import time
from bisect import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import loading
from bench.loading import NewCall, NewMessage, NewQuestion, copy_questions, copy_rows

loading.setup_django()

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from wegwijs.accounts.models import User
from wegwijs.guide import selfcheck
from wegwijs.guide.choices import DecisionReason, FilledIn, HelpWay, Level, Phase
from wegwijs.helpdesk.choices import Channel, Route, Topic
from wegwijs.helpdesk.models import Ticket
from wegwijs.insights.distributions import EDGES_MINUTES
from wegwijs.insights.models import TicketRollup
from wegwijs.insights.periods import Period, PeriodKind, period_latest
from wegwijs.insights.rollups import RollupReport, rollup_rebuild, rollup_refresh
from wegwijs.insights.services import rollup_refresh_on_commit
from wegwijs.knowledge.models import Article
from wegwijs.tenancy.holidays import dutch_public_holidays
from wegwijs.tenancy.models import Department, DigitalTool, Membership, Organisation, ToolKind
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.scope import command_scope, task_scope

ISSUE_TICKETS = 10_000_000  # the size the issue asks about: what small runs extrapolate to
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PREFIX, REBUILT_PREFIX = "inzicht-", "inzicht-echt-"
REBUILT_ORGANISATIONS = 2
PARTS = ("load", "rebuild", "incremental", "dashboard", "pdf")

# --- how questions come in and how they fare ------------------------------------------------------------------
CHANNELS = ("web", "email", "phone", "walk_in", "callback")
CHANNEL_SHARES = {False: (0.40, 0.18, 0.27, 0.06, 0.09), True: (0.75, 0.25, 0, 0, 0)}  # closed day: no phone, desk
ROUTES = {"helpdesk": 0.62, "care_provider": 0.12, "organisation": 0.09, "general_digital": 0.08, "feedback": 0.04,
          "privacy": 0.03, "urgent": 0.02}  # fmt: skip
TOPICS = {"login": 0.22, "portal_use": 0.15, "account": 0.10, "app_install": 0.10, "video_call": 0.08,
          "messaging": 0.08, "proxy_access": 0.08, "home_monitoring": 0.07, "other_technical": 0.07,
          "notifications": 0.05}  # fmt: skip
LANGUAGES = {"nl": 0.82, "en": 0.05, "tr": 0.04, "ar": 0.04, "pl": 0.03, "uk": 0.02}
TOOLS = (("portaal", "portal", "Mijn Zorgportaal"), ("app", "app", "Zorg-app"), ("beeldbellen", "video", "Beeldbellen"),
         ("bloeddruk", "monitoring", "Thuismeten bloeddruk"), ("weegschaal", "monitoring", "Thuismeten gewicht"),
         ("vragenlijsten", "other", "Vragenlijsten"))  # fmt: skip
# No tool, then the six above: helpdesk questions mostly name one, the other routes rarely.
TOOL_SHARES = {True: (0.25, 0.32, 0.16, 0.1, 0.07, 0.05, 0.05), False: (0.8, 0.08, 0.04, 0.03, 0.02, 0.02, 0.01)}
DEPARTMENTS = ("Cardiologie", "Interne geneeskunde", "Longgeneeskunde", "Orthopedie", "Oncologie")
# Per channel, in the order of CHANNELS: the share answered, resolved, resolved at first contact (of the resolved),
# with due times, answered and resolved in time.
ANSWERED = np.array([0.95, 0.95, 1.0, 0.3, 0.92])
RESOLVED = np.array([0.88, 0.86, 0.92, 0.96, 0.87])
FIRST_CONTACT = np.array([0.5, 0.45, 0.8, 0.92, 0.7])
WITH_DUE_TIMES = np.array([1.0, 1.0, 0.9, 0.2, 1.0])
ANSWERED_IN_TIME = np.array([0.86, 0.82, 0.98, 0.97, 0.8])
RESOLVED_IN_TIME = np.array([0.78, 0.75, 0.93, 0.97, 0.78])
REFERRED_RESOLVED = 0.8  # the routes other than the helpdesk's end elsewhere more often
RATED, SCORES = 0.2, np.array([0.04, 0.05, 0.11, 0.35, 0.45])  # share of the resolved; ratings 1 to 5


def _shares(*rows: tuple[float, ...]) -> np.ndarray:
    table = np.array(rows, dtype=float)
    return table / table.sum(axis=1, keepdims=True)


# Per channel: the time to the first answer and to resolution over distributions.EDGES_MINUTES, and the hour
# of the day (Amsterdam) questions come in.
FIRST_RESPONSE = _shares((5, 7, 8, 12, 14, 16, 15, 14, 6, 2.5, 0.5), (2, 4, 6, 10, 13, 17, 18, 17, 9, 3.5, 0.5),
                         (90, 5, 2, 1, 1, 0.5, 0.5, 0, 0, 0, 0), (95, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0),
                         (5, 10, 15, 20, 20, 15, 8, 5, 2, 0, 0))  # fmt: skip
RESOLUTION = _shares((1, 3, 5, 8, 10, 12, 12, 17, 17, 12, 3), (1, 2, 4, 7, 9, 11, 13, 18, 18, 13, 4),
                     (35, 20, 10, 7, 6, 5, 4, 5, 4, 3, 1), (55, 25, 8, 4, 3, 2, 1, 1, 0.5, 0.4, 0.1),
                     (10, 15, 12, 12, 11, 10, 8, 9, 7, 5, 1))  # fmt: skip
OFFICE = (0,) * 8 + (6, 9, 9, 8, 6, 7, 7, 6, 5, 3) + (0,) * 6
HOURS = _shares((1, 1, .5, .5, .5, 1, 2, 4, 7, 9, 9, 8, 7, 7, 7, 6, 6, 6, 6, 6, 6, 5, 3, 2),
                (1, .5, .5, .5, .5, 1, 2, 4, 7, 8, 8, 7, 6, 6, 6, 6, 5, 5, 5, 5, 5, 4, 3, 2),
                OFFICE, (0,) * 9 + (5, 8, 8, 6, 6, 7, 5, 3) + (0,) * 7, OFFICE)  # fmt: skip
BUCKET_EDGES = [*(minutes * 60 for minutes in EDGES_MINUTES), 20160 * 60]  # the open last bucket: up to 2 weeks
BUCKET_MIDDLES = np.array([(low + high) // 2 for low, high in itertools.pairwise(BUCKET_EDGES)])
WEEKDAY_VOLUME = (1.25, 1.15, 1.1, 1.05, 0.95, 0.3, 0.2)
MONTH_VOLUME = (1.15, 1.05, 1.05, 1.0, 0.95, 0.95, 0.8, 0.8, 1.05, 1.05, 1.05, 0.85)

# --- what people do beside asking ------------------------------------------------------------------------------
SEARCHES_FOUND = {"inloggen": 9, "wachtwoord vergeten": 6, "digid": 6, "app downloaden": 4, "beeldbellen": 4,
                  "uitslagen bekijken": 4, "afspraak verzetten": 3, "bloeddrukmeter koppelen": 2, "machtiging": 3,
                  "vragenlijst": 2, "sms code": 2, "camera werkt niet": 2, "bericht sturen": 2, "weegschaal": 1,
                  "e-mailadres wijzigen": 1, "herinnering": 1}  # fmt: skip
SEARCHES_MISSING = {"inlogen": 4, "zorgdomein": 3, "parkeren": 3, "bezoektijden": 2, "factuur": 2, "tolk": 2,
                    "wifi": 1, "printen": 1, "rolstoel": 1, "recept": 1}  # fmt: skip
REFERRAL_ROUTES = {"care_provider": 0.72, "organisation": 0.12, "general_digital": 0.08, "privacy": 0.05,
                   "feedback": 0.03}  # fmt: skip
REFERRAL_TARGETS = {"organisation": "Patiëntenservice", "general_digital": "Digitaal Hulpplein",
                    "privacy": "Functionaris gegevensbescherming", "feedback": "Klachtenfunctionaris"}  # fmt: skip
FILLED_IN = {"alone": 6, "with_naaste": 2, "with_care_provider": 1, "with_volunteer": 1}
PLAN_LEVELS, PLAN_PHASES = {"beginner": 45, "ervaren": 40, "gevorderd": 15}, {"before_visit": 3, "during_visit": 4}
HELP_WAYS = {"in_person": 4, "phone": 3, "video": 1, "written": 2}
STOP_REASONS = {"too_difficult": 25, "prefers_personal": 20, "no_device": 12, "not_useful": 10, "health": 10,
                "treatment_ended": 10, "technical": 8, "other": 5}  # fmt: skip
CONTINUE_REASONS = {"works_well": 50, "saves_travel": 30, "with_help": 20}


class Pick:
    """Draws a key of `shares` with its share of the chance (the shares need not add up to 1)."""

    def __init__(self, shares: Mapping[Any, float]) -> None:
        self.keys = list(shares)
        self.cumulative = list(itertools.accumulate(shares.values()))

    def __call__(self, rng: random.Random) -> Any:
        return self.keys[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def about(amount: float, rng: random.Random) -> int:
    """`amount` rounded up or down at random, so small shares of quiet days still add up."""
    return int(amount) + (rng.random() < amount - int(amount))


def uuid_of(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


@dataclass
class World:
    organisations: list[Organisation]  # with generated data; the first is measured
    rebuilt: list[Organisation]  # with real questions
    analyst: User
    tools: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    departments: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))  # the most read first

    @property
    def measured(self) -> Organisation:
        return self.organisations[0]


@dataclass(frozen=True)
class Calendar:
    quarter: Period  # the last complete quarter: the dashboard's, and the last one loaded
    days: list[dt.date]  # the 3 years up to its end
    closed: list[bool]  # weekend or public holiday
    offsets: list[str]  # Amsterdam's UTC offset at noon, "+01" or "+02"

    def volumes(self) -> np.ndarray:
        """How busy each day is: weekday (a holiday as a Sunday), season, and 30% growth over the 3 years."""
        holiday = [closed and day.weekday() < 5 for day, closed in zip(self.days, self.closed, strict=True)]
        weekday = [
            WEEKDAY_VOLUME[6 if on_holiday else day.weekday()]
            for day, on_holiday in zip(self.days, holiday, strict=True)
        ]
        season = [MONTH_VOLUME[day.month - 1] for day in self.days]
        return np.array(weekday) * season * np.linspace(0.85, 1.15, len(self.days))


def calendar(today: dt.date) -> Calendar:
    quarter = period_latest(PeriodKind.QUARTER, today=today)
    first = quarter.end.replace(year=quarter.end.year - 3)
    days = [first + dt.timedelta(days=n) for n in range((quarter.end - first).days)]
    holidays = set().union(*(dutch_public_holidays(year) for year in range(first.year, quarter.end.year + 1)))
    offsets = [dt.datetime.combine(day, dt.time(12), tzinfo=AMSTERDAM).strftime("%z")[:3] for day in days]
    return Calendar(quarter, days, [day.weekday() >= 5 or day in holidays for day in days], offsets)


def daily_questions(total: int, sizes: list[float], cal: Calendar, rng: np.random.Generator) -> np.ndarray:
    """Questions per organisation (rows) and day (columns), exactly `total` in all."""
    weights = np.outer(sizes, cal.volumes()).ravel()
    return rng.multinomial(total, weights / weights.sum()).reshape(len(sizes), len(cal.days))


# --- the world -------------------------------------------------------------------------------------------------
def setup_world(count: int, reuse: bool) -> World:
    call_command("migrate", verbosity=0)
    with scopes_disabled():
        if not Organisation.objects.filter(slug__startswith=PREFIX).exists():
            _create_world(count)
        elif not reuse:
            sys.exit("The database holds an earlier run's data: pass --reuse, or use an empty database.")
        organisations = list(Organisation.objects.filter(slug__startswith=PREFIX).order_by("pk"))
        world = World(
            organisations=[o for o in organisations if not o.slug.startswith(REBUILT_PREFIX)],
            rebuilt=[o for o in organisations if o.slug.startswith(REBUILT_PREFIX)],
            analyst=User.objects.get(email="bench-analist@wegwijs.test"),
        )
        for organisation_id, pk in DigitalTool.objects.order_by("pk").values_list("organisation_id", "pk"):
            world.tools[organisation_id].append(pk)
        for organisation_id, pk, name in Department.objects.order_by("pk").values_list("organisation_id", "pk", "name"):
            world.departments[organisation_id].append((pk, name))
        articles = Article.objects.filter(organisation__in=organisations).order_by("pk")
        for organisation_id, pk in articles.values_list("organisation_id", "pk"):
            world.articles[organisation_id].append(pk)
    return world


def _create_world(count: int) -> None:
    slugs = [f"{PREFIX}{n:02d}" for n in range(count)] + [f"{REBUILT_PREFIX}{n}" for n in range(REBUILT_ORGANISATIONS)]
    organisations = Organisation.objects.bulk_create(Organisation(slug=slug, name=f"Zorg {slug}") for slug in slugs)
    DigitalTool.objects.bulk_create(
        DigitalTool(organisation=o, slug=slug, kind=kind, name=name)
        for o in organisations
        for slug, kind, name in TOOLS
    )
    Department.objects.bulk_create(
        Department(organisation=o, slug=name.lower().replace(" ", "-"), name=name)
        for o in organisations
        for name in DEPARTMENTS
    )
    subjects = [query for query in SEARCHES_FOUND for _ in range(3)][:40]
    Article.objects.bulk_create(
        Article(organisation=o, slug=f"artikel-{n:02d}", title=f"Hulp bij {subject}", body=f"Zo werkt {subject}.",
                tool=("portal", "app", "digid", "video", "monitoring", "general")[n % 6], status="published")
        for o in organisations
        for n, subject in enumerate(subjects)
    )  # fmt: skip
    analyst = User.objects.create_user("bench-analist@wegwijs.test", "bench-wachtwoord-lang", full_name="Analist")
    Membership.objects.create(organisation=organisations[0], user=analyst, role=Role.ANALYST)


# --- rollups, generated ----------------------------------------------------------------------------------------
ROLLUP_COLUMNS = (
    "organisation_id", "day", "channel", "route", "topic", "tool_id", "language", "level", "tickets",
    "first_responded", "resolved", "first_contact_resolved", "sla_first_response_due", "sla_first_response_met",
    "sla_resolution_due", "sla_resolution_met", "csat_count", "csat_sum", "csat_satisfied",
    "first_response_seconds_sum", "resolution_seconds_sum", "first_response_histogram", "resolution_histogram",
    "hour_counts",
)  # fmt: skip
ROLLUP_MEASURES = "\t".join(["%d"] * 13 + ["[" + ",".join(["%d"] * n) + "]" for n in (11, 11, 24)]) + "\n"


class Cells:
    """One organisation's cells (channel × route and topic × tool × language) with their chances on open and
    on closed days; each organisation gets its own mix around the common one."""

    def __init__(self, tool_ids: list[int], rng: np.random.Generator) -> None:
        routes = [(route, "", share) for route, share in ROUTES.items() if route != "helpdesk"]
        routes += [("helpdesk", topic, ROUTES["helpdesk"] * share) for topic, share in TOPICS.items()]
        cells = list(itertools.product(range(len(CHANNELS)), routes, range(len(tool_ids) + 1), LANGUAGES.items()))
        self.names = [
            f"{CHANNELS[c]}\t{route}\t{topic}\t{[0, *tool_ids][tool]}\t{language}\t\t"
            for c, (route, topic, _), tool, (language, _) in cells
        ]
        self.channel = np.array([c for c, *_ in cells])
        self.resolved = RESOLVED[self.channel] * [1 if r[0] == "helpdesk" else REFERRED_RESOLVED for _, r, *_ in cells]
        chances = np.array([r[2] * TOOL_SHARES[r[0] == "helpdesk"][tool] * lang[1] for _, r, tool, lang in cells])
        chances *= rng.lognormal(0, 0.4, len(cells))
        self.cumulative = {}
        for closed, shares in CHANNEL_SHARES.items():
            on_day = chances * np.array(shares)[self.channel]
            self.cumulative[closed] = np.cumsum(on_day) / on_day.sum()

    def day(self, questions: int, closed: bool, rng: np.random.Generator) -> tuple[list[int], list[list[int]]]:
        """The cells one day's questions fall in, and for each its measures in ROLLUP_COLUMNS' order."""
        drawn = np.searchsorted(self.cumulative[closed], rng.random(questions), side="right")
        cells, tickets = np.unique(np.minimum(drawn, len(self.names) - 1), return_counts=True)
        channel = self.channel[cells]
        answered = rng.binomial(tickets, ANSWERED[channel])
        resolved = rng.binomial(tickets, self.resolved[cells])
        due = rng.binomial(tickets, WITH_DUE_TIMES[channel])
        scores = rng.multinomial(rng.binomial(resolved, RATED), SCORES)
        first_response = rng.multinomial(answered, FIRST_RESPONSE[channel])
        resolution = rng.multinomial(resolved, RESOLUTION[channel])
        measures = np.column_stack(
            [
                tickets, answered, resolved, rng.binomial(resolved, FIRST_CONTACT[channel]),
                due, rng.binomial(np.minimum(due, answered), ANSWERED_IN_TIME[channel]),
                due, rng.binomial(np.minimum(due, resolved), RESOLVED_IN_TIME[channel]),
                scores.sum(axis=1), scores @ np.arange(1, 6), scores[:, 3:].sum(axis=1),
                first_response @ BUCKET_MIDDLES, resolution @ BUCKET_MIDDLES,
                first_response, resolution, rng.multinomial(tickets, HOURS[channel]),
            ]
        )  # fmt: skip
        return cells.tolist(), measures.tolist()


def rollup_chunks(world: World, cal: Calendar, daily: np.ndarray, rng: np.random.Generator) -> Iterator[str]:
    """COPY text of all rollup rows, a day of all organisations at a time (as the refreshes write them)."""
    models = [Cells(world.tools[o.pk], rng) for o in world.organisations]
    for d, day in enumerate(cal.days):
        lines = []
        for o, organisation in enumerate(world.organisations):
            found, measures = models[o].day(int(daily[o, d]), cal.closed[d], rng)
            head, names = f"{organisation.pk}\t{day}\t", models[o].names
            lines += [
                head + names[cell] + ROLLUP_MEASURES % tuple(row) for cell, row in zip(found, measures, strict=True)
            ]
        yield "".join(lines)


# --- what the dashboard reads beside rollups ------------------------------------------------------------------------
def events(world: World, cal: Calendar, daily: np.ndarray, share: float) -> Iterator[tuple[Any, ...]]:
    """(rng, organisation id, day index, moment) for about `share` × each day's questions, day by day over all
    organisations, so rows lie in the table as they would after 3 years."""
    rng, hours = random.Random(int(share * 1000)), Pick(dict(enumerate(HOURS[0])))
    for d, day in enumerate(cal.days):
        for o, organisation in enumerate(world.organisations):
            for _ in range(about(daily[o, d] * share, rng)):
                moment = f"{day} {hours(rng):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}{cal.offsets[d]}"
                yield rng, organisation.pk, d, moment


def load_side_tables(world: World, cal: Calendar, daily: np.ndarray) -> dict[str, int]:
    found, missing, language = Pick(SEARCHES_FOUND), Pick(SEARCHES_MISSING), Pick(LANGUAGES)
    popular = Pick({rank: 1 / (rank + 1) for rank in range(40)})  # articles by how often they are read

    def searches() -> Iterator[tuple[Any, ...]]:
        for rng, organisation_id, _d, moment in events(world, cal, daily, 1.0):
            results = 0 if rng.random() < 0.15 else rng.randint(1, 12)
            clicked = world.articles[organisation_id][popular(rng)] if results and rng.random() < 0.45 else None
            query = found(rng) if results else missing(rng)
            yield uuid_of(rng), language(rng), query, results, clicked, organisation_id, moment

    def feedback() -> Iterator[tuple[Any, ...]]:
        for rng, organisation_id, _d, moment in events(world, cal, daily, 0.1):
            rank = popular(rng)  # the most read articles help most
            yield rng.random() < 0.9 - rank / 80, moment, world.articles[organisation_id][rank], organisation_id

    def assessments() -> Iterator[tuple[Any, ...]]:
        checks, filled_in = self_checks(random.Random(3)), Pick(FILLED_IN)
        for rng, organisation_id, _d, moment in events(world, cal, daily, 0.03):
            yield uuid_of(rng), moment, moment, *rng.choice(checks), filled_in(rng), organisation_id

    search_columns = "public_id language query result_count clicked_id organisation_id created_at"
    assessment_columns = "public_id created_at updated_at language answers score level preferred_way filled_in"
    return {
        "searches": copy_rows("knowledge_searchlog", search_columns.split(), searches()),
        "article feedback": copy_rows(
            "knowledge_articlefeedback", ["helpful", "created_at", "article_id", "organisation_id"], feedback()
        ),
        "referrals": load_referrals(world, cal, daily),
        "self-checks": copy_rows("guide_assessment", [*assessment_columns.split(), "organisation_id"], assessments()),
        "support plans with their journey": load_plans(world, cal, daily),
    }


def self_checks(rng: random.Random) -> list[tuple[str, str, int, str, str]]:
    """(language, answers as JSON, score, level, preferred way) of 300 self-checks filled in at random."""
    checks = []
    for _ in range(300):
        answers = {question.key: rng.choice(question.options).key for question in selfcheck.QUESTIONS}
        answers["language"] = "nl" if rng.random() < 0.8 else answers["language"]
        outcome = selfcheck.score(answers)
        checks.append((outcome.language, json.dumps(answers), outcome.score, outcome.level, outcome.preferred_way))
    return checks


def load_referrals(world: World, cal: Calendar, daily: np.ndarray) -> int:
    """Referrals of about 8% of the questions. The measured organisation's each have a question of their own
    (without messages); the other organisations' all point to one stand-in question each: for the measured
    organisation's queries only their number counts."""
    measured, route_of, numbers = world.measured.pk, Pick(REFERRAL_ROUTES), itertools.count(1)
    start = dt.datetime.combine(cal.days[0], dt.time(9), tzinfo=AMSTERDAM)
    referred = (
        NewQuestion(measured, next(numbers), dt.datetime.fromisoformat(moment), "Doorverwezen vraag",
                    route=route_of(rng), status="referred")
        for rng, organisation_id, _d, moment in events(world, cal, daily, 0.08)
        if organisation_id == measured
    )  # fmt: skip
    copy_questions(itertools.chain((NewQuestion(o.pk, 1, start, "Vraag") for o in world.organisations[1:]), referred))
    own: dict[dt.date, list[tuple[int, str, dt.datetime]]] = defaultdict(list)
    with scopes_disabled():
        questions = Ticket.objects.filter(organisation__in=world.organisations).order_by("created_at")
        stand_in = dict(questions.exclude(organisation_id=measured).values_list("organisation_id", "pk"))
        for pk, route, at in questions.filter(organisation_id=measured).values_list("pk", "route", "created_at"):
            own[timezone.localdate(at, AMSTERDAM)].append((pk, route, at))

    def referral(rng: random.Random, organisation_id: int, ticket_id: int, route: str, at: dt.datetime) -> list[Any]:
        department, target = rng.choice(world.departments[organisation_id]) if route == "care_provider" else (None, "")
        handed_over = rng.random() < 0.55
        received = at + dt.timedelta(hours=rng.uniform(0.5, 48)) if handed_over and rng.random() < 0.75 else None
        row = [uuid_of(rng), ticket_id, route, department, target or REFERRAL_TARGETS[route], handed_over]
        return [*row, at, received, organisation_id, "", "", ""]

    def referrals() -> Iterator[tuple[Any, ...]]:
        rng, written = random.Random(8), 0  # days of the measured organisation written (it comes first each day)
        for row_rng, organisation_id, d, moment in itertools.chain(
            events(world, cal, daily, 0.08), [(None, None, len(cal.days) - 1, "")]
        ):
            for day in cal.days[written : d + 1]:
                for pk, route, created_at in own[day]:
                    yield referral(rng, measured, pk, route, created_at + dt.timedelta(minutes=rng.randint(5, 60)))
            written = d + 1
            if organisation_id not in (measured, None):
                at = dt.datetime.fromisoformat(moment)
                yield referral(row_rng, organisation_id, stand_in[organisation_id], route_of(row_rng), at)

    columns = "public_id ticket_id route department_id target_name handed_over created_at received_at"
    columns += " organisation_id target_phone target_email note"
    return copy_rows("helpdesk_referral", columns.split(), referrals())


def load_plans(world: World, cal: Calendar, daily: np.ndarray) -> int:
    """Support plans for about 1% of the questions, each with its journey: older journeys mostly decided,
    continued or stopped with a reason."""
    level, phase, way, stop, go = map(Pick, (PLAN_LEVELS, PLAN_PHASES, HELP_WAYS, STOP_REASONS, CONTINUE_REASONS))
    plan_columns = "id public_id created_at updated_at level phase preferred_way postcode salt organisation_id tool_id"
    plan_columns += " language person_label article_slugs checklist note"
    journey_columns = "plan_id public_id created_at updated_at phase status reason decided_at organisation_id tool_id"
    rows, loaded = events(world, cal, daily, 0.01), 0
    while chunk := list(itertools.islice(rows, 20_000)):  # plans first: the journeys refer to them
        plans, journeys = [], []
        first = loading.reserve_ids("guide_supportplan", len(chunk))
        for plan_id, (rng, organisation_id, d, moment) in enumerate(chunk, first):
            tool, created = rng.choice(world.tools[organisation_id]), dt.datetime.fromisoformat(moment)
            postcode = f"{rng.randint(1000, 9999)}"
            plan = [plan_id, uuid_of(rng), created, created, level(rng), phase(rng), way(rng), postcode, uuid_of(rng)]
            plans.append([*plan, organisation_id, tool, "nl", "", "[]", "[]", ""])
            journey = [plan_id, uuid_of(rng), created, created, "start_of_use", "active", "", None]
            age = len(cal.days) - d
            if age > 14 and rng.random() < min(1, age / 120) * 0.85:
                decided = created + dt.timedelta(days=rng.uniform(14, min(age, 180)))
                status, reason = ("continued", go(rng)) if rng.random() < 0.62 else ("stopped", stop(rng))
                journey[3:8] = [decided, "after_use", status, reason, decided]
            journeys.append([*journey, organisation_id, tool, ""])
        loaded += copy_rows("guide_supportplan", plan_columns.split(), plans)
        copy_rows("guide_enrollment", [*journey_columns.split(), "reason_text"], journeys)
    return loaded


def load_generated(world: World, cal: Calendar, tickets: int) -> None:
    """The generated organisations' rollups, then what the dashboard reads beside them."""
    rng, count = np.random.default_rng(2026), len(world.organisations)
    daily = daily_questions(tickets, [0.4 + 2.6 * (1 - n / max(count - 1, 1)) ** 2 for n in range(count)], cal, rng)
    started = time.perf_counter()
    loading.copy_text("insights_ticketrollup", ROLLUP_COLUMNS, rollup_chunks(world, cal, daily, rng))
    report_load(f"rollups of {tickets:,} questions", tickets, started)
    started = time.perf_counter()
    loaded = load_side_tables(world, cal, daily)
    report_load("beside them: " + ", ".join(f"{n:,} {table}" for table, n in loaded.items()), tickets, started)


def report_load(what: str, tickets: int, started: float) -> None:
    seconds = time.perf_counter() - started
    projected = f"linearly for {ISSUE_TICKETS:,} questions: {seconds * ISSUE_TICKETS / tickets / 60:.1f} min"
    print(f"{what}; generated and copied in {seconds:.1f} s ({projected})")


# --- real questions, for the rebuild and the refreshes --------------------------------------------------------
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


# --- measurements ---------------------------------------------------------------------------------------------------
class Summary(list[tuple[str, str, str, str]]):
    """The figures, with the issue's target where it sets one."""

    def add(self, figure: str, measured: str, target: str = "-", met: bool | None = None) -> None:
        self.append((figure, measured, target, "-" if met is None else "yes" if met else "NO"))

    def print(self) -> None:
        width = max(len(row[0]) for row in self)
        for figure, measured, target, met in [("figure", "measured", "target", "met"), *self]:
            print(f"{figure:<{width}}  {measured:>26}  {target:>9}  {met}")


def measure_rebuild(world: World, summary: Summary) -> None:
    total, started = RollupReport(), time.perf_counter()
    for organisation in world.rebuilt:
        with command_scope("bench insights rebuild", [organisation]):
            total.add(rollup_rebuild(organisation=organisation))
    seconds = time.perf_counter() - started
    rate = total.tickets / seconds
    extrapolated = f"{ISSUE_TICKETS / rate / 60:.0f} min"
    print(f"full rebuild of {len(world.rebuilt)} organisations' real questions: {total} in {seconds:.1f} s, "
          f"{rate:,.0f} questions/s; extrapolated to {ISSUE_TICKETS:,} questions: {extrapolated}")  # fmt: skip
    summary.add(f"full rebuild, extrapolated to {ISSUE_TICKETS:,} questions", extrapolated)


def measure_refreshes(world: World, count: int, summary: Summary) -> None:
    """One change of a question costs one refresh of its day; and the whole way: queued after commit, then run
    by the task worker."""
    rng = random.Random(5)
    with scopes_disabled():
        days = TicketRollup.objects.filter(organisation__in=world.rebuilt).values_list("organisation_id", "day")
        days_with_questions = list(days.annotate(questions=Sum("tickets")).order_by())
    sample = rng.sample(days_with_questions, min(count, len(days_with_questions)))
    durations = []
    for organisation_id, day, _questions in sample:
        with task_scope("bench insights refresh", organisation_id):
            started = time.perf_counter()
            rollup_refresh(organisation_id=organisation_id, day=day)
            durations.append((time.perf_counter() - started) * 1000)
    p50, p95 = statistics.median(durations), statistics.quantiles(durations, n=20)[18]
    average = statistics.mean(questions for *_day, questions in sample)
    print(f"refresh of one organisation's day, {len(sample)} random days with {average:.0f} questions on average: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms")  # fmt: skip
    summary.add("one change of a question: refresh of its day, p50 / p95", f"{p50:.1f} / {p95:.1f} ms")

    with scopes_disabled():
        questions = list(Ticket.objects.filter(organisation__in=world.rebuilt).order_by("?")[:50])
    since = timezone.now()
    started = time.perf_counter()
    for question in questions:
        with transaction.atomic():
            rollup_refresh_on_commit(ticket=question, event="reply")
    queued = (time.perf_counter() - started) * 1000 / len(questions)
    started = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    worked = (time.perf_counter() - started) * 1000 / len(questions)
    tasks = DBTaskResult.objects.filter(task_path__endswith=".refresh_rollup", enqueued_at__gte=since)
    outcomes = dict(tasks.values_list("status").annotate(n=Count("pk")).order_by())
    print(f"the whole way, {len(questions)} changed questions in a transaction each: queued after commit {queued:.1f} "
          f"ms, run by the task worker {worked:.1f} ms, per question (tasks: {outcomes})")  # fmt: skip
    summary.add("one change: queued after commit, run by the worker", f"{queued + worked:.1f} ms")


def timed(action: Callable[[], Any], runs: int) -> tuple[float, float, int, int, Any]:
    """The median of `runs` calls after one warm-up (or of one call, when it took over 20 s): milliseconds in all,
    milliseconds of SQL, queries, calls measured; and the result."""
    result, measured = action(), []
    while len(measured) < runs and not (measured and measured[0][0] > 20_000):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = action()
            elapsed = (time.perf_counter() - started) * 1000
        measured.append((elapsed, sum(float(query["time"]) for query in queries.captured_queries) * 1000, len(queries)))
    return (*sorted(measured)[len(measured) // 2], len(measured), result)


def guarded(what: str, measure: Callable[[], None]) -> None:
    """Measures what may not exist or work yet: a failure is printed and the benchmark goes on."""
    try:
        measure()
    except Exception as error:  # anything: the other figures still count
        print(f"{what}: not measured ({type(error).__name__}: {error})")


def measure_dashboard(world: World, quarter: Period, runs: int, summary: Summary) -> None:
    organisation = world.measured
    with scopes_disabled():
        rows = TicketRollup.objects.filter(organisation=organisation, day__gte=quarter.start, day__lt=quarter.end)
        size = rows.aggregate(questions=Sum("tickets"), rows=Count("pk"))
    print(f"dashboard of {organisation.slug} for {quarter.key}: {size['questions']:,} questions in {size['rows']:,} "
          "rollup rows")  # fmt: skip

    def build() -> None:
        from wegwijs.insights.dashboard import dashboard_build

        def call() -> Any:
            with command_scope("bench insights dashboard", [organisation]):
                return dashboard_build(organisation=organisation, period=quarter)

        total, sql, queries, done, _dashboard = timed(call, runs)
        print(f"dashboard_build: {total:.0f} ms, of which SQL {sql:.0f} ms in {queries} queries (median of {done})")
        summary.add(f"dashboard queries, {quarter.key}, together", f"{sql:.0f} ms in {queries} queries", "< 300 ms",
                    sql < 300)  # fmt: skip
        summary.add("dashboard_build in all", f"{total:.0f} ms")

    def page() -> None:
        url = reverse("insights:dashboard", kwargs={"org_slug": organisation.slug})
        client = Client()
        client.force_login(world.analyst)  # an analyst sees no person data: no second factor
        total, sql, queries, done, response = timed(lambda: client.get(url, {"period": quarter.key}), runs)
        print(f"dashboard page {url}?period={quarter.key} as an analyst: HTTP {response.status_code}, {total:.0f} ms, "
              f"SQL {sql:.0f} ms in {queries} queries (median of {done})")  # fmt: skip
        summary.add("dashboard page, analyst, through Django", f"{total:.0f} ms (HTTP {response.status_code})")

    guarded("dashboard_build", build)
    guarded("dashboard page", page)


def measure_pdf(world: World, month: Period, runs: int, summary: Summary) -> None:
    def render() -> None:
        from wegwijs.insights.report import report_pdf

        def call() -> Any:
            with command_scope("bench insights report", [world.measured]):
                return report_pdf(organisation=world.measured, period=month, language="nl")

        total, sql, queries, done, pdf = timed(call, runs)
        size = f", {len(pdf) / 1024:.0f} KB" if isinstance(pdf, bytes) else ""
        print(f"monthly PDF report of {world.measured.slug} for {month.key}: {total:.0f} ms, of which SQL {sql:.0f} "
              f"ms in {queries} queries (median of {done}){size}")  # fmt: skip
        summary.add(f"monthly PDF report, {month.key}", f"{total / 1000:.2f} s", "< 3 s", total < 3000)

    guarded("report_pdf", render)


def check_codes() -> None:
    """The codes above are the apps' own choices: stop when one of them was renamed."""
    codes = {Channel: CHANNELS, Route: [*ROUTES, *REFERRAL_ROUTES], Topic: TOPICS, ToolKind: [t[1] for t in TOOLS],
             DecisionReason: [*STOP_REASONS, *CONTINUE_REASONS], Level: PLAN_LEVELS, Phase: PLAN_PHASES,
             HelpWay: HELP_WAYS, FilledIn: FILLED_IN}  # fmt: skip
    unknown = [code for choices, used in codes.items() for code in used if code not in choices.values]
    if unknown:
        sys.exit(f"Codes the apps do not know (any more): {unknown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=ISSUE_TICKETS, help="questions, as generated rollups")
    parser.add_argument("--rebuild-tickets", type=int, default=300_000, help="real questions, for the rebuild")
    parser.add_argument("--organisations", type=int, default=50)
    parser.add_argument("--only", choices=PARTS, action="append", help="measure only this (repeatable)")
    parser.add_argument("--reuse", action="store_true", help="keep what an earlier run loaded (DATABASE_URL)")
    parser.add_argument("--runs", type=int, default=5, help="dashboard and report: the median of so many runs")
    parser.add_argument("--refreshes", type=int, default=200, help="random days refreshed")
    options = parser.parse_args()
    wanted = set(options.only or PARTS)
    check_codes()

    world = setup_world(options.organisations, options.reuse)
    cal = calendar(timezone.localdate())
    print(f"{len(world.organisations)} organisations, {cal.days[0]} to {cal.days[-1]} ({len(cal.days)} days); "
          f"measured: {world.measured.slug}, the largest")  # fmt: skip
    summary = Summary()
    load(world, cal, options, wanted, summary)
    with scopes_disabled():
        rolled_up = TicketRollup.objects.filter(organisation__in=world.rebuilt).exists()
    if "rebuild" in wanted or ("incremental" in wanted and not rolled_up):  # a refresh replaces a day's rows
        measure_rebuild(world, summary)
    if "incremental" in wanted:
        measure_refreshes(world, options.refreshes, summary)
    if "dashboard" in wanted:
        measure_dashboard(world, cal.quarter, options.runs, summary)
    if "pdf" in wanted:
        measure_pdf(world, cal.quarter.months()[-1], options.runs, summary)
    summary.print()


def load(world: World, cal: Calendar, options: argparse.Namespace, wanted: set[str], summary: Summary) -> None:
    """Load what the wanted measurements need and an earlier run (--reuse) did not leave."""
    with scopes_disabled():
        generated = TicketRollup.objects.filter(organisation=world.measured).exists()
        real = Ticket.objects.filter(organisation__in=world.rebuilt).exists()
    generate, make_real = (
        wanted & {"load", "dashboard", "pdf"} and not generated,
        wanted & {"rebuild", "incremental"} and not real,
    )
    started = time.perf_counter()
    if generate:
        load_generated(world, cal, options.tickets)
    if make_real:
        begun = time.perf_counter()
        loaded = copy_questions(real_questions(world, cal, options.rebuild_tickets))
        seconds = time.perf_counter() - begun
        print(f"real questions of {len(world.rebuilt)} organisations: {loaded.questions:,} with {loaded.messages:,} "
              f"messages, {loaded.calls:,} calls, {loaded.ratings:,} ratings in {seconds:.1f} s")  # fmt: skip
    if generate or make_real:
        begun = time.perf_counter()
        loading.finish_load()
        print(f"VACUUM ANALYZE and CHECKPOINT in {time.perf_counter() - begun:.1f} s")
        summary.add("load in all", f"{(time.perf_counter() - started) / 60:.1f} min")
    with scopes_disabled():
        stored = TicketRollup.objects.filter(organisation__in=world.organisations)
        totals = stored.aggregate(rows=Count("pk"), questions=Sum("tickets"))
    if totals["rows"]:
        print(f"stored: {totals['rows']:,} rollup rows for {totals['questions']:,} questions of "
              f"{len(world.organisations)} organisations")  # fmt: skip


if __name__ == "__main__":
    main()
