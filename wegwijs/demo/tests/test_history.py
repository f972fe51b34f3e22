"""The demo's months of history: loaded in dev mode with the demo, once, and what the insights dashboard needs of it.
One load takes a few seconds, so one test looks at everything it made."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.utils import timezone
from django_scopes import scopes_disabled

from wegwijs.demo.data import load_demo
from wegwijs.demo.history import history_window, signal_week
from wegwijs.demo.history_data import SIGNAL_KIND
from wegwijs.guide.models import Assessment, Enrollment, SupportPlan
from wegwijs.helpdesk.models import Message, PhoneCall, Referral, SatisfactionRating, Ticket
from wegwijs.insights.models import TicketRollup
from wegwijs.insights.signals import BASELINE_WEEKS
from wegwijs.knowledge.models import ArticleFeedback, SearchLog
from wegwijs.tenancy.models import DigitalTool, Organisation

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 18)  # the history runs from August 2025 up to February 2026
LAST_MONTH = dt.date(2026, 2, 1)
HOSPITAL = "ziekenhuis-vechtdal"
NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")  # what a BSN looks like


def at(day):
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())


def in_last_month(field="created_at"):
    return {f"{field}__gte": at(LAST_MONTH), f"{field}__lt": at(dt.date(2026, 3, 1))}


def questions_per_month(organisation):
    rows = TicketRollup.objects.filter(organisation=organisation).values_list("day", "tickets")
    months: dict[dt.date, int] = {}
    for day, tickets in rows:
        months[day.replace(day=1)] = months.get(day.replace(day=1), 0) + tickets
    return months


def weekly_login_app_questions(hospital, monday):
    """The signal's series in its week and the BASELINE_WEEKS weeks before, oldest first."""
    app = DigitalTool.objects.get(organisation=hospital, kind=SIGNAL_KIND[2])
    rows = TicketRollup.objects.filter(
        organisation=hospital, route=SIGNAL_KIND[0], topic=SIGNAL_KIND[1], tool_id=app.pk
    )
    weeks = [monday - dt.timedelta(weeks=back) for back in range(BASELINE_WEEKS, -1, -1)]
    return [
        rows.filter(day__gte=week, day__lt=week + dt.timedelta(days=7)).aggregate(n=Sum("tickets"))["n"] or 0
        for week in weeks
    ]


def texts():
    return [
        *Ticket.objects.values_list("subject", flat=True),
        *Ticket.objects.values_list("search_document", flat=True),
        *Message.objects.values_list("body", flat=True),
        *Referral.objects.values_list("note", flat=True),
        *PhoneCall.objects.values_list("summary", flat=True),
    ]


def test_the_demo_in_dev_mode_loads_seven_months_of_history_once(settings):
    settings.MODE = "dev"
    load_demo(today=TODAY)
    with scopes_disabled():
        organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
        hospital = organisations[HOSPITAL]
        first = Ticket.objects.count(), SearchLog.objects.count(), TicketRollup.objects.count()

        # every month of the window has questions, in rollups, for both organisations; the hospital 15-25 a workday
        window = [dt.date(2025, month, 1) for month in range(8, 13)] + [dt.date(2026, 1, 1), LAST_MONTH]
        assert history_window(TODAY) == (window[0], dt.date(2026, 3, 1))
        for organisation in organisations.values():
            months = questions_per_month(organisation)
            assert all(months.get(month, 0) >= 80 for month in window), (organisation.slug, months)
        assert 300 <= questions_per_month(hospital)[LAST_MONTH] <= 600
        hospital_questions = Ticket.objects.filter(organisation=hospital)
        assert set(hospital_questions.values_list("channel", flat=True)) == {
            "web",
            "email",
            "phone",
            "walk_in",
            "callback",
        }
        assert set(hospital_questions.values_list("language", flat=True)) == {"nl", "en", "tr", "ar", "pl", "uk"}
        assert set(hospital_questions.values_list("route", flat=True)) == {
            "helpdesk",
            "care_provider",
            "urgent",
            "organisation",
            "privacy",
            "general_digital",
            "feedback",
        }

        # the signal: logging in with the app, in the last full week of the last month, twice its baseline or more
        monday = signal_week(dt.date(2026, 3, 1))
        assert monday == dt.date(2026, 2, 16)
        *baseline, week = weekly_login_app_questions(hospital, monday)
        assert 15 <= sum(baseline) / BASELINE_WEEKS <= 25, baseline
        assert week >= 2 * sum(baseline) / BASELINE_WEEKS, (baseline, week)

        # the last month has what the dashboard shows beside the questions
        referrals = Referral.objects.filter(organisation=hospital, route="care_provider", **in_last_month())
        assert referrals.filter(department__isnull=False).count() >= 10
        searches = SearchLog.objects.filter(organisation=hospital, **in_last_month())
        assert 0.1 * searches.count() <= searches.filter(result_count=0).count() <= 0.2 * searches.count()
        assert searches.filter(result_count__gt=0, clicked__isnull=False).exists()
        recurring = searches.filter(result_count=0).values("query").annotate(n=Count("pk")).filter(n__gte=8)
        assert {row["query"] for row in recurring} >= {
            "uitslagen bekijken kind",
            "wachtwoord vergeten app",
            "beeldbellen werkt niet op tablet",
        }
        feedback = ArticleFeedback.objects.filter(organisation=hospital, **in_last_month())
        assert feedback.filter(helpful=True).count() > feedback.filter(helpful=False).count() > 0
        assert feedback.filter(helpful=False).values("article").annotate(n=Count("pk")).filter(n__gte=5).count() >= 2
        assessments = Assessment.objects.filter(organisation=hospital, **in_last_month())
        assert set(assessments.values_list("level", flat=True)) == {"beginner", "ervaren", "gevorderd"}
        plans = SupportPlan.objects.filter(organisation=hospital, **in_last_month())
        assert plans.filter(assessment__isnull=False).exists()
        assert plans.filter(assessment__isnull=True).exists()
        decisions = Enrollment.objects.filter(organisation=hospital, **in_last_month("decided_at"))
        assert set(decisions.values_list("status", flat=True)) == {"continued", "stopped"}
        assert decisions.exclude(reason="").count() == decisions.count()
        scores = SatisfactionRating.objects.filter(organisation=hospital, **in_last_month()).values_list("score")
        assert 3.7 <= sum(score for (score,) in scores) / len(scores) <= 4.5

        # nothing in the texts looks like a BSN
        assert [text for text in texts() if NINE_DIGITS.search(text)] == []

        # loading again (also in a later month) adds nothing; the demo's own questions are still there
        load_demo(today=TODAY + dt.timedelta(days=30))
        assert (Ticket.objects.count(), SearchLog.objects.count(), TicketRollup.objects.count()) == first
        assert Ticket.objects.filter(created_at__gte=at(TODAY)).count() == 7


def test_the_demo_outside_dev_mode_loads_no_history():
    call_command("demo", "--quiet-logins")
    with scopes_disabled():
        assert not Ticket.objects.filter(created_at__lt=at(timezone.localdate().replace(day=1))).exists()
        assert not SearchLog.objects.exists()
