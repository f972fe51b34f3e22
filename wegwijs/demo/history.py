"""A believable, anonymous history of the last months for the demo organisations, so the insights dashboard has
something to show: questions with their messages, calls, ratings and referrals; searches and "did this help?"
answers on the help pages; self-checks, support plans and journeys. Texts and names are invented, never a person's.

`history_load` asks its questions in the MONTHS complete months before `today`; answers, ratings and decisions
follow up to `today`. It is deterministic (one seeded generator per organisation and window) and loads once: an
organisation that already has questions in the window gets nothing. Kinds of question are dealt out smoothly
rather than at random, so weekly counts vary less than chance would make them and the one planted signal stands
out: in the last full week of the last month, questions about logging in with the hospital's app rise to
SPIKE_FACTOR times their usual week."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import connection
from django.db.models import Max, Model
from django.utils import timezone, translation

from wegwijs.demo import history_data as data
from wegwijs.guide import selfcheck
from wegwijs.guide.choices import FilledIn, HelpWay, JourneyStatus, Phase
from wegwijs.guide.models import Assessment, Enrollment, SupportPlan
from wegwijs.helpdesk.choices import (
    CallDirection,
    CallOutcome,
    Channel,
    ContactMethod,
    MessageKind,
    Priority,
    Route,
    Status,
    Topic,
)
from wegwijs.helpdesk.models import Message, PhoneCall, Referral, SatisfactionRating, Team, Ticket, TicketCounter
from wegwijs.helpdesk.referrals import DEFAULT_TEXTS, DIGIHULPLIJN
from wegwijs.helpdesk.search import search_document_build
from wegwijs.helpdesk.sla import HORIZON_DAYS
from wegwijs.insights.rollups import rollup_rebuild
from wegwijs.knowledge.choices import ArticleStatus
from wegwijs.knowledge.models import Article, ArticleFeedback, SearchLog
from wegwijs.tenancy import holidays, places
from wegwijs.tenancy.models import Department, DigitalTool, Location, Membership, Organisation
from wegwijs.tenancy.roles import Role

T = TypeVar("T")
Periods = list[tuple[dt.time, dt.time]]
MONTHS = 7
SPIKE_FACTOR = 2.2
BATCH = 500


def history_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of the MONTHS complete months before `today`, and the first day of today's month."""
    end = today.replace(day=1)
    index = end.year * 12 + end.month - 1 - MONTHS
    return dt.date(index // 12, index % 12 + 1, 1), end


def signal_week(end: dt.date) -> dt.date:
    """The Monday of the last full week (Monday to Sunday) before `end`, the first day of a month."""
    return end - dt.timedelta(days=end.weekday() + 7)


def _pick(rng: random.Random, weighted: Mapping[T, float]) -> T:
    return rng.choices(list(weighted), list(weighted.values()))[0]


class SmoothPicker(Generic[T]):
    """Weighted picks whose shares stay close to the weights over any run of picks (smooth weighted round robin),
    with a share of the picks at random."""

    def __init__(self, rng: random.Random, weighted: Mapping[T, float], *, at_random: float = 0.3) -> None:
        self.rng, self.weighted, self.at_random = rng, weighted, at_random
        self.items, self.weights = list(weighted), list(weighted.values())
        self.total, self.current = sum(self.weights), [0.0] * len(self.items)

    def pick(self) -> T:
        if self.rng.random() < self.at_random:
            return _pick(self.rng, self.weighted)
        for index, weight in enumerate(self.weights):
            self.current[index] += weight
        best = max(range(len(self.items)), key=self.current.__getitem__)
        self.current[best] -= self.total
        return self.items[best]


@dataclass
class HistoryReport:
    loaded: list[str] = field(default_factory=list)  # organisation slugs
    skipped: list[str] = field(default_factory=list)  # they had questions in the window already
    rows: dict[str, int] = field(default_factory=dict)  # model name -> rows created

    def add(self, model: type[Model], rows: int) -> None:
        self.rows[model.__name__] = self.rows.get(model.__name__, 0) + rows


def history_load(organisations: Iterable[Organisation], *, today: dt.date) -> HistoryReport:
    """Load the history of each organisation that has no questions in the window yet, and rebuild its rollups.
    Runs inside the caller's scope and transaction."""
    start, end = history_window(today)
    report, window = HistoryReport(), {"created_at__gte": _at(start), "created_at__lt": _at(end)}
    for organisation in organisations:
        if Ticket.objects.filter(organisation=organisation, **window).exists():
            report.skipped.append(organisation.slug)
            continue
        _History(organisation, start, end, report, today=today).load()
        rollup_rebuild(organisation=organisation)
        report.loaded.append(organisation.slug)
    return report


def _at(day: dt.date, minute: int = 0, second: int = 0) -> dt.datetime:
    """`minute` minutes after midnight on `day`, in settings.TIME_ZONE."""
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60, second), timezone.get_default_timezone())


def _value(row: Model, field: Any) -> Any:
    value = getattr(row, field.attname)
    if value is None and field.is_relation:  # a related row saved after this one was built
        related = getattr(row, field.name)
        value = related.pk if related is not None else None
    return value


def _insert(report: HistoryReport, rows: Sequence[Model], *, ids: bool = False) -> None:
    """Insert the rows with the times they hold (bulk_create would put the present in auto_now(_add) fields). With
    `ids` the rows get their primary keys: bulk_create, then the times written back."""
    if not rows:
        return
    model, quote, pk = type(rows[0]), connection.ops.quote_name, type(rows[0])._meta.pk
    assert pk is not None
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    if ids:
        fields = [f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
    kept = [[_value(row, f) for f in fields] for row in rows]
    values = [[f.get_db_prep_save(value, connection) for f, value in zip(fields, row, strict=True)] for row in kept]
    table, columns = quote(model._meta.db_table), [quote(str(f.column)) for f in fields]
    with connection.cursor() as cursor:
        if ids:
            model._default_manager.bulk_create(rows, batch_size=BATCH)
            for row, times in zip(rows, kept, strict=True):
                for f, value in zip(fields, times, strict=True):
                    setattr(row, f.attname, value)
            sql = f"UPDATE {table} SET {', '.join(f'{c} = %s' for c in columns)} WHERE {quote(str(pk.column))} = %s"
            cursor.executemany(sql, [[*times, row.pk] for row, times in zip(rows, values, strict=True)])
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
    report.add(model, len(rows))


class _History:
    def __init__(
        self, organisation: Organisation, start: dt.date, end: dt.date, report: HistoryReport, *, today: dt.date
    ) -> None:
        self.organisation, self.start, self.end, self.report = organisation, start, end, report
        self.limit = _at(today)  # what follows a question (answers, ratings, decisions) goes on up to today
        self.per_workday = data.PER_WORKDAY.get(organisation.slug, data.OTHERS_PER_WORKDAY)
        self.rng = random.Random(f"wegwijs-demo-history:{organisation.slug}:{start.isoformat()}")
        self.tools = {tool.kind: tool for tool in DigitalTool.objects.filter(organisation=organisation, is_active=True)}
        self.departments = list(Department.objects.filter(organisation=organisation))
        self.locations = list(Location.objects.filter(organisations=organisation))
        self.teams = list(Team.objects.filter(organisations=organisation))
        members = Membership.objects.filter(organisation=organisation).select_related("user")
        self.staff = {role: [m.user for m in members if m.role == role] for role in Role.values}
        self.closed = holidays.organisation_closed_days(organisation, start, days=(end - start).days + HORIZON_DAYS)
        self.kinds = SmoothPicker(
            self.rng, {kind: w for kind, w in data.KINDS.items() if not kind[2] or kind[2] in self.tools}
        )
        self.tickets: list[Ticket] = []
        self.children: dict[type[Model], list[Model]] = {}

    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=offset) for offset in range((self.end - self.start).days)]

    def hours(self, day: dt.date, weekly: dict[str, Any] | None = None) -> Periods:
        """The periods `day` is open: the phone hours, or the `weekly` hours of a help point."""
        return places.periods_on(day, weekly or self.organisation.contact_phone_hours, self.closed)

    def business(self, moment: dt.datetime, minutes: float) -> dt.datetime:
        """`minutes` of phone hours after `moment` (as service levels count)."""
        hours, closed = self.organisation.contact_phone_hours, self.closed
        due = places.add_business_minutes(moment, max(int(minutes), 1), hours, closed, horizon_days=HORIZON_DAYS)
        return due or moment + dt.timedelta(minutes=minutes)

    def moment(self, day: dt.date, periods: Periods) -> dt.datetime:
        """A time on `day`: within `periods` (phone, help point) or else online at any hour, busiest in the morning
        and more so on Monday mornings."""
        monday = 1.6 if day.weekday() == 0 else 1.0
        if not periods:
            weights = [weight * (monday if 8 <= hour < 12 else 1) for hour, weight in enumerate(data.ONLINE_HOURS)]
            hour = self.rng.choices(range(24), weights)[0]
            return _at(day, hour * 60 + self.rng.randrange(60), self.rng.randrange(60))
        while True:
            opens, closes = self.rng.choice(periods)
            minute = self.rng.randrange(opens.hour * 60 + opens.minute, closes.hour * 60 + closes.minute)
            if self.rng.random() < data.OFFICE_HOURS.get(minute // 60, 3) * (monday if minute < 720 else 1) / 19.2:
                return _at(day, minute, self.rng.randrange(60))

    # --- questions ---------------------------------------------------------------------------------

    def load(self) -> None:
        planned: list[tuple[dt.date, data.Kind, bool]] = []
        for day in self.days():
            expected = self.per_workday * data.DAY_FACTOR[6 if day in self.closed else day.weekday()]
            count = max(round(self.rng.gauss(expected, 0.5 * math.sqrt(expected))), 0)
            planned += [(day, self.kinds.pick(), False) for _ in range(count)]
        if self.organisation.slug in data.WITH_SIGNAL and "app" in self.tools:
            planned += self.spike(planned)
        for day, kind, spike in planned:
            self.question(day, kind, spike=spike)
        self.save_questions()
        self.load_knowledge()
        self.load_guide()

    def spike(self, planned: Sequence[tuple[dt.date, data.Kind, bool]]) -> list[tuple[dt.date, data.Kind, bool]]:
        """Extra login/app questions in the signal week, up to SPIKE_FACTOR times the mean of the 8 weeks before."""
        monday, weeks = signal_week(self.end), [0] * 9
        for day, kind, _spike in planned:
            back = (monday - day + dt.timedelta(days=6)).days // 7
            if kind == data.SIGNAL_KIND and 0 <= back <= 8:
                weeks[back] += 1
        extra = max(round(SPIKE_FACTOR * sum(weeks[1:]) / 8) - weeks[0], 0)
        return [
            (monday + dt.timedelta(days=d), data.SIGNAL_KIND, True)
            for d in self.rng.choices(range(7), data.SPIKE_DAYS, k=extra)
        ]

    def question(self, day: dt.date, kind: data.Kind, *, spike: bool) -> None:
        (route, topic, tool_kind), rng, periods = kind, self.rng, self.hours(day)
        help_points = [location for location in self.locations if self.hours(day, location.weekly_hours)]
        channels = {
            c: w
            for c, w in (data.OPEN_CHANNELS if periods else data.CLOSED_CHANNELS).items()
            if help_points or c != Channel.WALK_IN
        }
        channel = _pick(rng, channels)
        location = rng.choice(help_points) if channel == Channel.WALK_IN else None
        created = self.moment(
            day, self.hours(day, location.weekly_hours) if location else periods if channel in data.PHONED else []
        )
        language = _pick(rng, data.LANGUAGES) if route == Route.HELPDESK else "nl"
        answer, questions = data.TEXTS["spike" if spike else topic or route]
        if language != "nl":
            login, other, answer = data.ABROAD[language]
            questions = (login if topic == Topic.LOGIN else other,)
        tool = self.tools.get(tool_kind)
        text, answer = (
            part.format(tool=tool.name if tool else "het portaal") for part in (rng.choice(questions), answer)
        )
        name = rng.choice(data.NAMES) if rng.random() < 0.6 else ""
        by_email = channel == Channel.EMAIL or (channel == Channel.WEB and rng.random() < 0.5)
        ticket = Ticket(
            organisation=self.organisation, channel=channel, language=language, route=route, topic=topic, tool=tool,
            subject=text if len(text) <= 80 else text[:79].rstrip() + "…", location=location, created_at=created,
            priority=Priority.URGENT if route == Route.URGENT else Priority.NORMAL, requester_name=name,
            requester_email=f"{(name or 'vraag').lower()}.{len(self.tickets) + 1}@example.org" if by_email else "",
            requester_phone=f"06 0000 {rng.randrange(10000):04d}" if channel == Channel.CALLBACK else "",
            preferred_contact=ContactMethod.EMAIL if by_email else ContactMethod.FOLLOW_UP_PAGE,
            consent_to_contact=by_email or channel == Channel.CALLBACK,
            consent_to_hand_over=route == Route.CARE_PROVIDER and rng.random() < 0.6,
            assignee=rng.choice(self.staff[Role.AGENT]) if self.staff[Role.AGENT] else None,
            team=next((team for team in self.teams if language in team.languages), None),
            first_response_due_at=self.business(created, self.organisation.sla_first_response_minutes),
            resolution_due_at=self.business(created, self.organisation.sla_resolution_minutes),
        )  # fmt: skip
        self.tickets.append(ticket)
        self.timeline(ticket, text, answer)

    def add(self, row: Model) -> None:
        self.children.setdefault(type(row), []).append(row)

    def status(self, ticket: Ticket, status: str, at: dt.datetime) -> None:
        ticket.status, ticket.updated_at = status, at

    def message(self, ticket: Ticket, kind: str, body: str, at: dt.datetime) -> None:
        author = ticket.assignee if kind == MessageKind.OUTBOUND else None
        self.add(Message(organisation=self.organisation, ticket=ticket, kind=kind, channel=ticket.channel,
                         author=author, body=body, created_at=at, updated_at=at))  # fmt: skip
        ticket.updated_at = at

    def call(self, ticket: Ticket, at: dt.datetime, direction: str, outcome: str, summary: str = "") -> None:
        self.add(PhoneCall(organisation=self.organisation, ticket=ticket, agent=ticket.assignee, direction=direction,
                           duration_seconds=self.rng.randrange(120, 900), outcome=outcome, summary=summary,
                           created_at=at))  # fmt: skip
        ticket.first_responded_at = at
        self.status(ticket, Status.OPEN, at)

    def first_contact(self, ticket: Ticket, answer: str, outcome: str) -> dt.datetime | None:
        """The helpdesk's first contact (a call, or a reply); None when it falls after the history."""
        rng, created = self.rng, ticket.created_at
        if ticket.channel == Channel.PHONE:
            self.call(ticket, created, CallDirection.INCOMING, outcome)
            return created
        if ticket.channel == Channel.CALLBACK:  # called back in the hours after the question
            at = self.business(created, rng.uniform(30, 240))
            if at < self.limit:
                self.call(ticket, at, CallDirection.OUTGOING, outcome, "Samen stap voor stap bekeken.")
            return at if at < self.limit else None
        if ticket.route == Route.URGENT:
            at = created + dt.timedelta(minutes=rng.uniform(3, 15))
        else:
            at = self.business(created, rng.lognormvariate(math.log(100), 0.9))
        if at >= self.limit:
            return None
        ticket.first_responded_at = at
        self.message(ticket, MessageKind.OUTBOUND, answer, at)
        self.status(ticket, Status.WAITING_ON_PERSON, at)
        return at

    def timeline(self, ticket: Ticket, text: str, answer: str) -> None:
        rng, created, route, phoned = self.rng, ticket.created_at, ticket.route, ticket.channel in data.PHONED
        self.message(ticket, MessageKind.INBOUND, text, created)
        if ticket.channel == Channel.WALK_IN and rng.random() < 0.85:  # helped on the spot
            self.resolve(ticket, created + dt.timedelta(minutes=rng.uniform(10, 30)))
            return
        refer_to = (
            route if route in data.REFERRED_ROUTES or (route == Route.GENERAL_DIGITAL and rng.random() < 0.5) else ""
        )
        if refer_to:
            with translation.override(ticket.language):
                answer = str(DEFAULT_TEXTS[Route(refer_to)])
        at_once = rng.random() < (0.8 if phoned else 0.7)
        outcome = CallOutcome.REFERRED if refer_to else CallOutcome.RESOLVED if at_once else CallOutcome.FOLLOW_UP
        at = self.first_contact(ticket, answer, outcome)
        if at is None:
            return
        if refer_to:
            self.refer(ticket, refer_to, at)
            return
        if at_once:
            self.resolve(ticket, at)
            return
        again, solved = data.LATER[ticket.language]
        if phoned or rng.random() < 0.85:  # the person writes again (or is called back), and then it is solved
            written = at + dt.timedelta(hours=rng.uniform(1, 48))
            later = self.business(written, rng.lognormvariate(math.log(90), 0.8))
            if not phoned and written < self.limit:
                self.message(ticket, MessageKind.INBOUND, again, written)
                self.status(ticket, Status.OPEN, written)
            if later < self.limit:
                self.message(ticket, MessageKind.OUTBOUND, solved, later)
                self.resolve(ticket, later)
        else:  # no word back from the person
            self.close(ticket, at + dt.timedelta(days=7))

    def close(self, ticket: Ticket, at: dt.datetime) -> None:
        if at < self.limit:
            ticket.closed_at = at
            self.status(ticket, Status.CLOSED, at)

    def resolve(self, ticket: Ticket, at: dt.datetime) -> None:
        if at >= self.limit:
            return
        ticket.resolved_at = at
        self.status(ticket, Status.RESOLVED, at)
        if self.rng.random() < 0.25 and (rated := at + dt.timedelta(hours=self.rng.uniform(1, 48))) < self.limit:
            score = _pick(self.rng, data.SCORES)
            self.add(SatisfactionRating(organisation=self.organisation, ticket=ticket, score=score, created_at=rated))

    def refer(self, ticket: Ticket, route: str, at: dt.datetime) -> None:
        organisation, department = self.organisation, None
        if route == Route.CARE_PROVIDER and self.departments:
            department = self.rng.choice(self.departments)
            name, phone, email = department.referral_contact_name, department.referral_phone, department.referral_email
        elif route == Route.ORGANISATION:
            name, phone = f"Patiëntenservice {organisation.name}", organisation.patient_service_phone
            email = organisation.patient_service_email
        elif route == Route.PRIVACY:
            name, phone, email = f"Privacy {organisation.name}", "", organisation.privacy_email
        else:
            (name, phone), email = DIGIHULPLIJN, ""
        handed_over = ticket.consent_to_hand_over and bool(email)
        received = at + dt.timedelta(hours=self.rng.uniform(2, 40))
        receivers = self.staff[Role.CARE_PROVIDER if route == Route.CARE_PROVIDER else Role.COORDINATOR]
        is_received = handed_over and bool(receivers) and received < self.limit and self.rng.random() < 0.8
        self.add(Referral(organisation=organisation, ticket=ticket, route=route, department=department,
                          target_name=name, target_phone=phone, target_email=email, handed_over=handed_over,
                          note=self.rng.choice(data.REFERRAL_NOTES) if handed_over else "", created_by=ticket.assignee,
                          created_at=at, received_at=received if is_received else None,
                          received_by=self.rng.choice(receivers) if is_received else None))  # fmt: skip
        self.status(ticket, Status.REFERRED, at)
        self.close(ticket, at + dt.timedelta(days=3))

    def save_questions(self) -> None:
        self.tickets.sort(key=lambda ticket: ticket.created_at)
        counted = TicketCounter.objects.filter(organisation=self.organisation).values_list("last_number", flat=True)
        highest = Ticket.objects.filter(organisation=self.organisation).aggregate(highest=Max("number"))["highest"]
        last = max(counted.first() or 0, highest or 0)
        bodies: dict[int, list[str]] = {}
        for message in self.children.get(Message, []):
            bodies.setdefault(id(message.ticket), []).append(message.body)  # type: ignore[attr-defined]
        for number, ticket in enumerate(self.tickets, start=last + 1):
            ticket.number = number
            ticket.search_document = search_document_build(ticket=ticket, bodies=bodies[id(ticket)])
        _insert(self.report, self.tickets, ids=True)
        TicketCounter.objects.update_or_create(
            organisation=self.organisation, defaults={"last_number": last + len(self.tickets)}
        )
        for rows in self.children.values():
            _insert(self.report, rows)

    # --- the help pages and the support guide ------------------------------------------------------

    def load_knowledge(self) -> None:
        """About three searches per question, some without result, and "did this help?" answers."""
        published = Article.objects.filter(organisation__isnull=True, status=ArticleStatus.PUBLISHED)
        articles = {(slug, language): pk for pk, slug, language in published.values_list("pk", "slug", "language")}
        found, empty = SmoothPicker(self.rng, data.SEARCHES), SmoothPicker(self.rng, data.NO_RESULT)
        voted = SmoothPicker(
            self.rng, {key: 4.0 if key[0] in data.MUCH_NO else 1.0 for key in articles if key[1] == "nl"}
        )
        per_day: dict[dt.date, int] = {}
        for ticket in self.tickets:
            per_day[ticket.created_at.date()] = per_day.get(ticket.created_at.date(), 0) + 1
        searches, feedback = [], []
        for day, questions in per_day.items():
            for _ in range(max(round(self.rng.gauss(3 * questions, math.sqrt(questions))), 0)):
                language, words, slug, results = *found.pick(), self.rng.randint(1, 9)
                if self.rng.random() < 0.15:
                    (language, words), slug, results = empty.pick(), "", 0
                opened = articles.get((slug, language)) or articles.get((slug, "nl"))  # the article, if any
                clicked = opened if self.rng.random() < 0.55 else None
                at = self.moment(day, [])
                searches.append(SearchLog(organisation=self.organisation, language=language, query=words,
                                          result_count=results, clicked_id=clicked, created_at=at))  # fmt: skip
            for _ in range(round(questions / 4)):
                slug, language = voted.pick()
                feedback.append(ArticleFeedback(organisation=self.organisation, article_id=articles[(slug, language)],
                                                helpful=self.rng.random() >= data.MUCH_NO.get(slug, 0.2),
                                                created_at=self.moment(day, [])))  # fmt: skip
        _insert(self.report, searches)
        _insert(self.report, feedback)

    def count(self, expected: float) -> int:
        return max(round(self.rng.gauss(expected, math.sqrt(expected))), 0) if expected else 0

    def load_guide(self) -> None:
        """Self-checks, support plans (most after a self-check that day) and journeys with their decisions."""
        rng, scale = self.rng, self.per_workday
        helpers = self.staff[Role.VOLUNTEER] + self.staff[Role.AGENT]
        assessments, plans, enrollments = [], [], []
        for day in self.days():
            periods, that_day = self.hours(day), []
            for _ in range(self.count(scale * (0.15 if periods else 0.04))):
                skill = rng.betavariate(2.0, 1.6)  # how likely each answer is the best one
                odds = {"yes": skill, "partly": (1 - skill) * 0.65, "no": (1 - skill) * 0.35}
                answers = {question.key: _pick(rng, odds) for question in selfcheck.QUESTIONS if question.scores}
                language = _pick(rng, data.LANGUAGES)
                answers |= {"help_way": rng.choice(HelpWay.values), "language": language,
                            "naaste": rng.choice(("often", "sometimes", "never"))}  # fmt: skip
                outcome, at = selfcheck.score(answers), self.moment(day, periods)
                that_day.append(Assessment(organisation=self.organisation, language=language, answers=answers,
                                        score=outcome.score, level=outcome.level, preferred_way=outcome.preferred_way,
                                        filled_in=_pick(rng, dict(zip(FilledIn.values, (50, 25, 10, 15), strict=True))),
                                        created_at=at, updated_at=at))  # fmt: skip
            assessments += that_day
            for _ in range(self.count(scale * 0.08 if periods else 0)):
                assessment = that_day.pop() if that_day and rng.random() < 0.7 else None
                at = self.moment(day, periods)
                at = max(at, assessment.created_at + dt.timedelta(minutes=20)) if assessment else at
                plan = SupportPlan(organisation=self.organisation, language=assessment.language if assessment else "nl",
                                   level=assessment.level if assessment else rng.choice(("beginner", "ervaren")),
                                   phase=_pick(rng, dict(zip(Phase.values, (15, 10, 45, 25, 5), strict=True))),
                                   tool=rng.choice([None, *self.tools.values()]), assessment=assessment,
                                   preferred_way=assessment.preferred_way if assessment else "",
                                   postcode=f"77{rng.randrange(70, 100)}", created_at=at, updated_at=at,
                                   created_by=rng.choice(helpers) if helpers else None)  # fmt: skip
                plans.append(plan)
                if rng.random() < 0.75:
                    enrollments.append(self.journey(plan))
        _insert(self.report, assessments, ids=True)
        _insert(self.report, plans, ids=True)
        _insert(self.report, enrollments)

    def journey(self, plan: SupportPlan) -> Enrollment:
        """Following the plan; most people decide within a few weeks whether they continue with the tool."""
        enrollment = Enrollment(organisation=self.organisation, plan=plan, tool=plan.tool, phase=plan.phase,
                                created_at=plan.created_at, updated_at=plan.created_at)  # fmt: skip
        decided = plan.created_at + dt.timedelta(days=self.rng.uniform(10, 50))
        if decided < self.limit and self.rng.random() < 0.7:
            continued = self.rng.random() < 0.7
            enrollment.status = JourneyStatus.CONTINUED if continued else JourneyStatus.STOPPED
            enrollment.reason = self.rng.choice(data.CONTINUE_REASONS if continued else data.STOP_REASONS)
            enrollment.phase = Phase.AFTER_USE if continued else enrollment.phase
            enrollment.decided_at, enrollment.decided_by, enrollment.updated_at = decided, plan.created_by, decided
        return enrollment
