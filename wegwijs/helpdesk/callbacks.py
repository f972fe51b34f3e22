"""Callback requests: the person picks a window inside the phone hours; agents work the queue by window."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import services
from wegwijs.helpdesk.choices import CallbackStatus, Channel, ContactMethod
from wegwijs.helpdesk.models import CallbackRequest, Ticket
from wegwijs.tenancy import holidays, places
from wegwijs.tenancy.models import Organisation

DAYS_AHEAD = 7


def callback_windows(
    *, organisation: Organisation, now: dt.datetime | None = None
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The windows a person can choose now: within the phone hours of the coming week, none in the past and
    none on a public holiday or a closed day of the organisation."""
    moment = timezone.localtime(now)
    return places.callback_windows(
        moment,
        organisation.contact_phone_hours,
        holidays.organisation_closed_days(organisation, moment.date(), days=DAYS_AHEAD),
        slot_minutes=organisation.callback_slot_minutes,
        days=DAYS_AHEAD,
    )


@transaction.atomic
def callback_request(
    *, organisation: Organisation, intake: services.Intake, window_start: dt.datetime, now: dt.datetime | None = None
) -> tuple[Ticket, str]:
    """Register a question with the request to be called back in the chosen window."""
    window = next((w for w in callback_windows(organisation=organisation, now=now) if w[0] == window_start), None)
    if window is None:
        raise DomainError(_("This time is no longer available. Please choose another time."), code="window_taken")
    if not intake.phone:
        raise DomainError(_("Fill in the phone number we can call you on."), code="phone_missing")
    ticket, token = services.ticket_create(
        organisation=organisation,
        intake=services.Intake(
            question=intake.question,
            language=intake.language,
            channel=Channel.CALLBACK,
            tool=intake.tool,
            name=intake.name,
            email=intake.email,
            phone=intake.phone,
            preferred_contact=ContactMethod.PHONE,
            consent_to_contact=intake.consent_to_contact,
            consent_to_hand_over=intake.consent_to_hand_over,
        ),
    )
    CallbackRequest.objects.create(
        organisation=organisation, ticket=ticket, window_start=window[0], window_end=window[1]
    )
    return ticket, token


@transaction.atomic
def callback_reschedule(*, ticket: Ticket, window_start: dt.datetime, now: dt.datetime | None = None) -> None:
    callback = CallbackRequest.objects.filter(organisation_id=ticket.organisation_id, ticket=ticket).first()
    window = next(
        (w for w in callback_windows(organisation=ticket.organisation, now=now) if w[0] == window_start), None
    )
    if callback is None or window is None:
        raise DomainError(_("This time is no longer available. Please choose another time."), code="window_taken")
    callback.window_start, callback.window_end = window
    callback.status = CallbackStatus.WAITING
    callback.save(update_fields=["window_start", "window_end", "status"])
