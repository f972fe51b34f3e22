"""The periodic insights report by e-mail: which reports are due on a day, and sending one to one recipient.

`wegwijs insights send-reports` (daily from cron) queues the task `deliver_report` for every due report, and the
task calls `report_deliver`. A monthly recipient gets the last complete month, a quarterly one the last complete
quarter; only that latest period, so someone added today does not receive the history. A report is sent at most
once per recipient and period, however often the command runs and however many workers race: a ReportDelivery
row (unique per organisation, recipient and period) is claimed before sending and given back if sending fails.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection
from dataclasses import dataclass
from email.utils import make_msgid
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wegwijs.insights.models import ReportDelivery, ReportFrequency, ReportRecipient
from wegwijs.insights.periods import Period, PeriodKind, period_latest, period_parse
from wegwijs.tenancy.models import Organisation

logger = logging.getLogger(__name__)

PERIOD_KIND = {ReportFrequency.MONTHLY: PeriodKind.MONTH, ReportFrequency.QUARTERLY: PeriodKind.QUARTER}


@dataclass(frozen=True)
class DueReport:
    organisation_id: int
    recipient_id: int
    period_key: str


def report_deliveries_due(*, today: dt.date, organisation_ids: Collection[int]) -> list[DueReport]:
    """The reports not yet sent for the latest complete period of each recipient's frequency (one query per
    frequency)."""
    due: list[DueReport] = []
    for frequency, kind in PERIOD_KIND.items():
        period = period_latest(kind, today=today)
        sent = ReportDelivery.objects.filter(
            organisation_id=OuterRef("organisation_id"), recipient_id=OuterRef("pk"), period=period.key
        )
        rows = (
            ReportRecipient.objects.filter(organisation_id__in=organisation_ids, frequency=frequency)
            .exclude(Exists(sent))
            .order_by("organisation_id", "pk")
            .values_list("organisation_id", "pk")
        )
        due += [DueReport(organisation_id, recipient_id, period.key) for organisation_id, recipient_id in rows]
    return due


def render_report(*, organisation: Organisation, period: Period, language: str) -> bytes:
    """The report as a PDF. Tests of the delivery replace this with a few fake bytes; report.py has the PDF's
    own tests."""
    from wegwijs.insights.report import report_pdf

    pdf: bytes = report_pdf(organisation=organisation, period=period, language=language)
    return pdf


def report_filename(*, organisation: Organisation, period: Period) -> str:
    return f"wegwijs-inzichten-{organisation.slug}-{period.key}.pdf"


def dashboard_url(*, organisation: Organisation, period: Period) -> str:
    """The organisation's dashboard showing the same period."""
    path = reverse("insights:dashboard", args=[organisation.slug])
    return f"{settings.SITE_URL}{path}?{urlencode({'period': period.key})}"


class ReportNotSent(RuntimeError):
    """Sending failed; the next run tries again. Says only the kind of failure, never the address."""


def report_deliver(*, organisation_id: int, recipient_id: int, period_key: str) -> bool:
    """Send the report of one period to one recipient, in their language, with the PDF attached. False when
    there is nothing to send: already sent (by an earlier run or a worker racing this one), or the recipient or
    the organisation is gone."""
    period = period_parse(period_key)
    if period is None:
        raise ValueError(f"not a period: {period_key!r}")
    recipient = (
        ReportRecipient.objects.select_related("organisation")
        .filter(organisation_id=organisation_id, pk=recipient_id, organisation__is_active=True)
        .first()
    )
    if recipient is None or _delivered(recipient, period):
        return False
    pdf = render_report(organisation=recipient.organisation, period=period, language=recipient.language)
    message = _message(recipient, period, pdf)
    try:
        with transaction.atomic():
            delivery = ReportDelivery.objects.create(
                organisation_id=organisation_id, recipient=recipient, period=period.key
            )
    except IntegrityError:  # another worker claimed it after our check: it sends, we do not
        return False
    try:
        message.send(fail_silently=False)
    except Exception as error:  # any transport failure: give the claim back so the next run tries again
        delivery.delete()
        logger.warning("insights report not sent: %s", type(error).__name__)
        raise ReportNotSent(type(error).__name__) from None
    return True


def _delivered(recipient: ReportRecipient, period: Period) -> bool:
    return ReportDelivery.objects.filter(
        organisation_id=recipient.organisation_id, recipient=recipient, period=period.key
    ).exists()


def _message(recipient: ReportRecipient, period: Period, pdf: bytes) -> EmailMessage:
    organisation = recipient.organisation
    with translation.override(recipient.language):
        context = {
            "organisation": organisation,
            "period_label": period.label(),
            "dashboard_url": dashboard_url(organisation=organisation, period=period),
        }
        subject = _("Insights report of %(organisation)s: %(period)s") % {
            "organisation": organisation.name,
            "period": context["period_label"],
        }
        body = render_to_string("insights/report_email.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[recipient.email],
        headers={"Message-ID": make_msgid(domain=settings.EMAIL_MESSAGE_ID_DOMAIN), "Auto-Submitted": "auto-generated"},
    )
    message.attach(report_filename(organisation=organisation, period=period), pdf, "application/pdf")
    return message
