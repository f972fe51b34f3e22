"""The insights benchmark's data (organisations, calendar, generated rollups and side tables, real questions for
the rebuild); imported by bench/insights.py once Django is set up."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import sys
import time
from bisect import bisect
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from bench import loading
from bench.loading import NewQuestion, copy_questions, copy_rows
from wegwijs.accounts.models import User
from wegwijs.guide import selfcheck
from wegwijs.helpdesk.models import Ticket
from wegwijs.insights.distributions import EDGES_MINUTES
from wegwijs.insights.periods import Period, PeriodKind, period_latest
from wegwijs.knowledge.models import Article
from wegwijs.tenancy.holidays import dutch_public_holidays
from wegwijs.tenancy.models import Department, DigitalTool, Membership, Organisation
from wegwijs.tenancy.roles import Role

ISSUE_TICKETS = 10_000_000  # the size the issue asks about: what small runs extrapolate to
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PREFIX, REBUILT_PREFIX, REBUILT_ORGANISATIONS = "inzicht-", "inzicht-echt-", 2

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
DAY_COLUMNS = ("organisation_id", "day", "hour_counts", "first_response_histogram", "resolution_histogram")
DAY_MEASURES = "\t".join("[" + ",".join(["%d"] * n) + "]" for n in (24, 11, 11)) + "\n"


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


def rollup_chunks(
    world: World, cal: Calendar, daily: np.ndarray, rng: np.random.Generator, days: list[str]
) -> Iterator[str]:
    """COPY text of all rollup rows, a day of all organisations at a time (as the refreshes write them); each
    organisation's day summed over its cells goes into `days` (COPY text of insights_daydistribution)."""
    models = [Cells(world.tools[o.pk], rng) for o in world.organisations]
    for d, day in enumerate(cal.days):
        lines = []
        for o, organisation in enumerate(world.organisations):
            found, measures = models[o].day(int(daily[o, d]), cal.closed[d], rng)
            head, names = f"{organisation.pk}\t{day}\t", models[o].names
            lines += [
                head + names[cell] + ROLLUP_MEASURES % tuple(row) for cell, row in zip(found, measures, strict=True)
            ]
            summed = np.array(measures).sum(axis=0).tolist() if measures else [0] * 59
            days.append(head + DAY_MEASURES % (*summed[35:59], *summed[13:35]))
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
    days: list[str] = []
    loading.copy_text("insights_ticketrollup", ROLLUP_COLUMNS, rollup_chunks(world, cal, daily, rng, days))
    loading.copy_text("insights_daydistribution", DAY_COLUMNS, ["".join(days)])
    report_load(f"rollups of {tickets:,} questions", tickets, started)
    started = time.perf_counter()
    loaded = load_side_tables(world, cal, daily)
    report_load("beside them: " + ", ".join(f"{n:,} {table}" for table, n in loaded.items()), tickets, started)


def report_load(what: str, tickets: int, started: float) -> None:
    seconds = time.perf_counter() - started
    projected = f"linearly for {ISSUE_TICKETS:,} questions: {seconds * ISSUE_TICKETS / tickets / 60:.1f} min"
    print(f"{what}; generated and copied in {seconds:.1f} s ({projected})")


# --- real questions, for the rebuild and the refreshes --------------------------------------------------------
