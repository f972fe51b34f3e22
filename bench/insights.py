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
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import loading
from bench.loading import copy_questions

loading.setup_django()

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from bench.insights_data import (
    CHANNELS,
    CONTINUE_REASONS,
    FILLED_IN,
    HELP_WAYS,
    ISSUE_TICKETS,
    PLAN_LEVELS,
    PLAN_PHASES,
    REFERRAL_ROUTES,
    ROUTES,
    STOP_REASONS,
    TOOLS,
    TOPICS,
    Calendar,
    World,
    calendar,
    load_generated,
    setup_world,
)
from bench.insights_questions import real_questions
from wegwijs.guide.choices import DecisionReason, FilledIn, HelpWay, Level, Phase
from wegwijs.helpdesk.choices import Channel, Route, Topic
from wegwijs.helpdesk.models import Ticket
from wegwijs.insights.models import TicketRollup
from wegwijs.insights.periods import Period
from wegwijs.insights.rollups import RollupReport, rollup_rebuild, rollup_refresh
from wegwijs.insights.services import rollup_refresh_on_commit
from wegwijs.tenancy.models import ToolKind
from wegwijs.tenancy.scope import command_scope, task_scope


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


PARTS = ("load", "rebuild", "incremental", "dashboard", "pdf")


def timed(action: Callable[[], Any], runs: int, *, cold: bool = True) -> tuple[float, float, int, int, Any]:
    """The median of `runs` calls after one warm-up (or of one call, when it took over 20 s): milliseconds in all,
    milliseconds of SQL, queries, calls measured; and the result. `cold`: the cache (where suppression results
    are kept) is emptied before each call, so every call computes everything."""
    result, measured = action(), []
    while len(measured) < runs and not (measured and measured[0][0] > 20_000):
        if cold:
            cache.clear()
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
        warm, *_rest = timed(call, runs, cold=False)
        print(f"dashboard_build with the suppression already in the cache: {warm:.0f} ms")
        summary.add("dashboard_build, suppression cached", f"{warm:.0f} ms")
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
