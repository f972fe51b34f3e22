"""Who receives an organisation's periodic insights report by e-mail: the list its analysts and coordinators keep.
Sending the report itself: delivery.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.base_user import BaseUserManager
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.insights.models import ReportDelivery, ReportFrequency, ReportLanguage, ReportRecipient
from wegwijs.insights.periods import period_parse
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.scope import person_records_listed


@dataclass(frozen=True)
class RecipientRow:
    email: str
    language: str
    language_label: str
    frequency_label: str
    last_period_label: str  # "" when nothing was sent yet
    last_sent_at: dt.datetime | None


def report_recipient_list(*, organisation: Organisation) -> list[RecipientRow]:
    """The organisation's recipients by address, each with the last report sent to them (one query)."""
    last = ReportDelivery.objects.filter(organisation_id=organisation.pk, recipient_id=OuterRef("pk")).order_by(
        "-sent_at", "-pk"
    )
    recipients = list(
        ReportRecipient.objects.filter(organisation=organisation)
        .annotate(
            last_period=Subquery(last.values("period")[:1]),
            last_sent_at=Subquery(last.values("sent_at")[:1]),
        )
        .order_by("email")
    )
    person_records_listed(recipients, record_type="report_recipient")
    rows = []
    for recipient in recipients:
        period = period_parse(recipient.last_period or "")  # type: ignore[attr-defined]
        rows.append(
            RecipientRow(
                email=recipient.email,
                language=recipient.language,
                language_label=recipient.get_language_display(),
                frequency_label=str(recipient.get_frequency_display()),
                last_period_label=period.label() if period else "",
                last_sent_at=recipient.last_sent_at,  # type: ignore[attr-defined]
            )
        )
    return rows


def _address(email: str) -> str:
    return BaseUserManager.normalize_email(email.strip())


def report_recipient_add(
    *, actor: User, organisation: Organisation, email: str, language: str, frequency: str
) -> ReportRecipient:
    """Put an address on the organisation's report list, once (addresses compare without regard to case).
    From the next run of `wegwijs insights send-reports` it gets the latest complete period, not the history."""
    if language not in ReportLanguage.values or frequency not in ReportFrequency.values:
        raise DomainError(_("Choose a language and how often."), code="invalid_choice")
    address = _address(email)
    exists = DomainError(_("%(email)s already receives the report.") % {"email": address}, code="recipient_exists")
    if ReportRecipient.objects.filter(organisation=organisation, email__iexact=address).exists():
        raise exists
    try:
        with transaction.atomic():
            return ReportRecipient.objects.create(
                organisation=organisation, email=address, language=language, frequency=frequency
            )
    except IntegrityError as error:  # added by someone else at the same moment
        raise exists from error


@transaction.atomic
def report_recipient_remove(*, actor: User, organisation: Organisation, email: str) -> bool:
    """Take an address off the organisation's report list (and forget what was sent to it). False when it was
    not on the list."""
    deleted, _rows = ReportRecipient.objects.filter(organisation=organisation, email__iexact=_address(email)).delete()
    return deleted > 0
