"""What the public help shell shows about how to reach the organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from wegwijs.tenancy import holidays, places
from wegwijs.tenancy.models import Organisation


@dataclass(frozen=True)
class PublicContact:
    phone: str
    phone_state: places.OpenState | None
    email: str
    website: str


def public_contact(*, organisation: Organisation, now: dt.datetime | None = None) -> PublicContact:
    phone_state = None
    if organisation.contact_phone and organisation.contact_phone_hours:
        moment = timezone.localtime(now)
        closed = holidays.organisation_closed_days(organisation, moment.date(), days=places.SEARCH_HORIZON_DAYS)
        phone_state = places.open_state(moment, organisation.contact_phone_hours, closed)
    return PublicContact(
        phone=organisation.contact_phone,
        phone_state=phone_state,
        email=organisation.contact_email,
        website=organisation.website_url,
    )
