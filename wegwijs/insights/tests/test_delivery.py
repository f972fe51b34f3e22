"""The periodic report by e-mail: which reports are due, sending one over a real SMTP server, once per recipient
and period, and `wegwijs insights send-reports` queueing the tasks the worker runs.

The PDF here is a few fake bytes from the `delivery.render_report` seam: the real report (WeasyPrint) has its own
tests with report.py. Everything else is real: the services, the task worker and the SMTP server."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation
from django_scopes import scopes_disabled
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from conftest import free_port
from wegwijs.insights import delivery
from wegwijs.insights.delivery import DueReport, ReportNotSent, report_deliver, report_deliveries_due
from wegwijs.insights.models import ReportDelivery
from wegwijs.insights.periods import period_parse
from wegwijs.insights.tests.factories import ReportDeliveryFactory, ReportRecipientFactory
from wegwijs.insights.tests.world import rollup
from wegwijs.tenancy.scope import command_scope, task_scope
from wegwijs.tenancy.tests.factories import OrganisationFactory

FAKE_PDF = b"%PDF-1.7\n% a stand-in for the report\n%%EOF\n"


@pytest.fixture
def rendered(monkeypatch) -> list[tuple[str, str, str]]:
    """Replaces the PDF with FAKE_PDF; lists what was rendered: (organisation slug, period key, language)."""
    calls: list[tuple[str, str, str]] = []

    def fake_report(*, organisation, period, language) -> bytes:
        calls.append((organisation.slug, period.key, language))
        return FAKE_PDF

    monkeypatch.setattr(delivery, "render_report", fake_report)
    return calls


def deliver(recipient, period_key: str) -> bool:
    with task_scope("test", recipient.organisation_id):
        return report_deliver(
            organisation_id=recipient.organisation_id, recipient_id=recipient.pk, period_key=period_key
        )


def due_on(today: dt.date, *organisations) -> list[DueReport]:
    with command_scope("test", organisations):
        return report_deliveries_due(today=today, organisation_ids=[organisation.pk for organisation in organisations])


def deliveries() -> list[tuple[str, str]]:
    with scopes_disabled():
        return sorted(ReportDelivery.objects.values_list("recipient__email", "period"))


@pytest.mark.django_db
def test_monthly_recipients_get_the_last_complete_month_and_quarterly_ones_the_last_complete_quarter(organisation):
    with scopes_disabled():
        monthly = ReportRecipientFactory(organisation=organisation, frequency="monthly")
        quarterly = ReportRecipientFactory(organisation=organisation, frequency="quarterly")
    ids = (organisation.pk, monthly.pk), (organisation.pk, quarterly.pk)
    for today, month, quarter in [
        (dt.date(2026, 12, 1), "2026-11", "2026-Q3"),
        (dt.date(2026, 12, 31), "2026-11", "2026-Q3"),
        (dt.date(2027, 1, 1), "2026-12", "2026-Q4"),
        (dt.date(2027, 2, 14), "2027-01", "2026-Q4"),
    ]:
        assert due_on(today, organisation) == [DueReport(*ids[0], month), DueReport(*ids[1], quarter)], today


@pytest.mark.django_db
def test_a_period_sent_is_no_longer_due_and_the_next_one_comes_when_it_is_complete(organisation):
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=organisation)
        ReportDeliveryFactory(recipient=recipient, period="2026-11")
    assert due_on(dt.date(2026, 12, 1), organisation) == []
    assert due_on(dt.date(2026, 12, 31), organisation) == []
    assert due_on(dt.date(2027, 1, 1), organisation) == [DueReport(organisation.pk, recipient.pk, "2026-12")]


@pytest.mark.django_db
def test_a_new_recipient_gets_only_the_latest_complete_period(organisation):
    with scopes_disabled():
        old = ReportRecipientFactory(organisation=organisation, created_at=dt.datetime(2025, 1, 10, tzinfo=dt.UTC))
        ReportDeliveryFactory(recipient=old, period="2026-10")
        new = ReportRecipientFactory(organisation=organisation, created_at=dt.datetime(2026, 12, 9, tzinfo=dt.UTC))
    due = due_on(dt.date(2026, 12, 9), organisation)
    assert due == [DueReport(organisation.pk, old.pk, "2026-11"), DueReport(organisation.pk, new.pk, "2026-11")]


@pytest.mark.django_db
def test_only_the_chosen_organisations_are_due(organisation, other_organisation):
    with scopes_disabled():
        ours = ReportRecipientFactory(organisation=organisation)
        ReportRecipientFactory(organisation=other_organisation)
    assert due_on(dt.date(2026, 12, 1), organisation) == [DueReport(organisation.pk, ours.pk, "2026-11")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "frequency", "period_key", "period_label"),
    [("nl", "monthly", "2026-11", "november 2026"), ("en", "quarterly", "2026-Q3", "Q3 2026")],
)
def test_the_report_arrives_with_the_pdf_in_the_recipients_language(
    organisation, smtp_inbox, rendered, language, frequency, period_key, period_label
):
    with scopes_disabled():
        recipient = ReportRecipientFactory(
            organisation=organisation, email="bestuur@example.test", language=language, frequency=frequency
        )
    assert deliver(recipient, period_key) is True

    (mail,) = smtp_inbox.messages
    assert mail["To"] == "bestuur@example.test"
    assert mail["From"] == settings.DEFAULT_FROM_EMAIL
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail["Message-ID"].endswith(f"@{settings.EMAIL_MESSAGE_ID_DOMAIN}>")
    with translation.override(language):
        assert period_parse(period_key).label() == period_label
        subject = translation.gettext("Insights report of %(organisation)s: %(period)s") % {
            "organisation": "Ziekenhuis A",
            "period": period_label,
        }
        aggregates = translation.gettext(
            "The report holds aggregates only: numbers of questions, times and ratings, never data about a person. "
            "Groups too small to show safely are hidden."
        )
    assert mail["Subject"] == subject
    body = mail.get_body(("plain",)).get_content()
    assert aggregates in body
    assert f"{settings.SITE_URL}/staff/insights/ziekenhuis-a/?period={period_key}" in body
    (attachment,) = mail.iter_attachments()
    assert attachment.get_filename() == f"wegwijs-inzichten-ziekenhuis-a-{period_key}.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == FAKE_PDF
    assert rendered == [("ziekenhuis-a", period_key, language)]
    assert deliveries() == [("bestuur@example.test", period_key)]


@pytest.mark.django_db
def test_sending_twice_sends_once(organisation, smtp_inbox, rendered):
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=organisation)
    assert deliver(recipient, "2026-11") is True
    assert deliver(recipient, "2026-11") is False
    assert len(smtp_inbox.messages) == 1
    assert len(rendered) == 1  # the second call does not even render
    assert deliver(recipient, "2026-12") is True
    assert len(smtp_inbox.messages) == 2


@pytest.mark.django_db
def test_a_worker_that_loses_the_race_does_not_send(organisation, smtp_inbox, monkeypatch):
    """Another worker records the delivery between this one's check and its claim: the claim fails, no mail."""
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=organisation)

    def other_worker_claims_meanwhile(*, organisation, period, language) -> bytes:
        ReportDeliveryFactory(recipient=recipient, period=period.key)
        return FAKE_PDF

    monkeypatch.setattr(delivery, "render_report", other_worker_claims_meanwhile)
    assert deliver(recipient, "2026-11") is False
    assert smtp_inbox.messages == []
    assert len(deliveries()) == 1


@pytest.mark.django_db
def test_a_failed_send_is_tried_again_by_the_next_run(organisation, smtp_inbox, rendered, settings):
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=organisation, email="bestuur@example.test")
    working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()  # nothing listens there
    with pytest.raises(ReportNotSent) as failure:
        deliver(recipient, "2026-11")
    assert "bestuur" not in str(failure.value)
    assert deliveries() == []
    assert due_on(dt.date(2026, 12, 2), organisation) == [DueReport(organisation.pk, recipient.pk, "2026-11")]
    settings.EMAIL_PORT = working_port
    assert deliver(recipient, "2026-11") is True
    assert len(smtp_inbox.messages) == 1


@pytest.mark.django_db
def test_nothing_is_sent_to_a_removed_recipient_or_for_an_inactive_organisation(organisation, smtp_inbox, rendered):
    closed = OrganisationFactory(is_active=False)
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=closed)
        removed = ReportRecipientFactory(organisation=organisation)
        removed_id = removed.pk
        removed.delete()
    assert deliver(recipient, "2026-11") is False
    with task_scope("test", organisation.pk):
        assert not report_deliver(organisation_id=organisation.pk, recipient_id=removed_id, period_key="2026-11")
    assert smtp_inbox.messages == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clean_access_log_after_test")
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database server")
def test_two_workers_racing_send_one_email(organisation, smtp_inbox, monkeypatch):
    """On PostgreSQL only: SQLite's in-memory test database reports a lock instead of waiting."""
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=organisation)
    both_checked = threading.Barrier(2, timeout=10)

    def render_after_both_checked(*, organisation, period, language) -> bytes:
        both_checked.wait()  # both workers have seen "not sent yet"
        return FAKE_PDF

    monkeypatch.setattr(delivery, "render_report", render_after_both_checked)
    results: list[bool | Exception] = []

    def worker() -> None:
        try:
            results.append(deliver(recipient, "2026-11"))
        except Exception as error:  # reported by the assertion below
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results, key=str) == [False, True]
    assert len(smtp_inbox.messages) == 1
    assert len(deliveries()) == 1


def send_reports(*arguments: str) -> str:
    output = StringIO()
    call_command("insights", "send-reports", *arguments, stdout=output)
    return output.getvalue()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clean_access_log_after_test")
def test_the_command_queues_the_due_reports_and_the_worker_sends_them(
    organisation, other_organisation, smtp_inbox, rendered
):
    with scopes_disabled():
        ReportRecipientFactory(organisation=organisation, email="maand@example.test", language="en")
        ReportRecipientFactory(organisation=organisation, email="kwartaal@example.test", frequency="quarterly")
        ReportRecipientFactory(organisation=other_organisation, email="b@example.test")
        ReportRecipientFactory(organisation=OrganisationFactory(is_active=False), email="dicht@example.test")

    assert send_reports("--today", "2027-01-07") == "Queued 3 report(s) for 2027-01-07.\n"
    queued = DBTaskResult.objects.filter(task_path__endswith=".deliver_report", status=TaskResultStatus.READY)
    assert sorted(row.args_kwargs["args"][2] for row in queued) == ["2026-12", "2026-12", "2026-Q4"]
    run_worker()

    assert sorted(mail["To"] for mail in smtp_inbox.messages) == [
        "b@example.test",
        "kwartaal@example.test",
        "maand@example.test",
    ]
    assert deliveries() == [
        ("b@example.test", "2026-12"),
        ("kwartaal@example.test", "2026-Q4"),
        ("maand@example.test", "2026-12"),
    ]
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 3
    # the daily run the next morning finds nothing new
    assert send_reports("--today", "2027-01-08") == "Queued 0 report(s) for 2027-01-08.\n"


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clean_access_log_after_test")
def test_a_report_queued_twice_is_sent_once(organisation, smtp_inbox, rendered):
    """Workers that were down for a day: the reports of two daily runs wait in the queue."""
    with scopes_disabled():
        ReportRecipientFactory(organisation=organisation)
    send_reports("--today", "2026-12-01")
    send_reports("--today", "2026-12-02")
    run_worker()
    assert len(smtp_inbox.messages) == 1


@pytest.mark.django_db
def test_the_command_can_take_one_organisation(organisation, other_organisation):
    with scopes_disabled():
        ReportRecipientFactory(organisation=organisation)
        ReportRecipientFactory(organisation=other_organisation)
    assert "Queued 1 report(s)" in send_reports("--organisation", organisation.slug, "--today", "2026-12-01")
    with pytest.raises(CommandError, match="no-such-organisation"):
        send_reports("--organisation", "no-such-organisation")


def test_the_real_report_arrives_and_reads_back(organisation, smtp_inbox):
    rollup(organisation, dt.date(2026, 11, 18), 45)
    rollup(organisation, dt.date(2026, 10, 14), 36)
    with scopes_disabled():
        recipient = ReportRecipientFactory(organisation=organisation, email="raad@example.test", language="en")
    assert deliver(recipient, "2026-11") is True

    (mail,) = smtp_inbox.messages
    (attachment,) = mail.iter_attachments()
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=attachment.get_content(), capture_output=True, check=True
    ).stdout.decode()
    assert "Insights report of Ziekenhuis A" in text
    assert "45 questions in November 2026 (+25 % against October 2026)." in " ".join(text.split())
