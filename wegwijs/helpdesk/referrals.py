"""Referrals: the helpdesk never answers medical content; it tells the person where to go and why.

The default texts below are translatable; an organisation can replace them per route and language
(ReferralText). The receiving contact gets the question by e-mail only when the person consented, and
the organisation's care providers (medical questions) and coordinators (all routes) also find what was
handed over in Wegwijs, where they confirm that they picked it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import services
from wegwijs.helpdesk.choices import EmailPurpose, EventKind, MessageKind, Route, Status
from wegwijs.helpdesk.models import Message, Referral, ReferralText, Ticket
from wegwijs.tenancy.models import Department
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.scope import current_access, person_record_get, person_records_listed

DIGIHULPLIJN = ("Digihulplijn", "0800 1508")
REFERRAL_ROUTES = (Route.CARE_PROVIDER, Route.ORGANISATION, Route.PRIVACY, Route.GENERAL_DIGITAL)
DEFAULT_TEXTS = {
    Route.CARE_PROVIDER: gettext_lazy(
        "Your question is about your health or treatment. Our helpdesk helps with digital care only, so we cannot "
        "answer it. Please contact your care provider: they know your situation."
    ),
    Route.ORGANISATION: gettext_lazy(
        "Your question is about appointments, letters or other practical matters. The patient service desk helps "
        "you with that."
    ),
    Route.PRIVACY: gettext_lazy(
        "Your question is about your personal data. The privacy officer of the organisation handles these "
        "requests carefully."
    ),
    Route.GENERAL_DIGITAL: gettext_lazy(
        "Your question is about using a computer, phone or the internet in general. The Digihulplijn helps you "
        "for free, by phone, and you can also walk in at a help point near you."
    ),
}


@dataclass(frozen=True)
class Target:
    name: str
    phone: str
    email: str


def referral_text(*, ticket: Ticket, route: str) -> str:
    """The organisation's own text in the person's language, else the default in that language."""
    own = (
        ReferralText.objects.filter(organisation_id=ticket.organisation_id, route=route, language=ticket.language)
        .values_list("text", flat=True)
        .first()
    )
    if own:
        return own
    with translation.override(ticket.language):
        return str(DEFAULT_TEXTS[Route(route)])


def _target(ticket: Ticket, route: str, department: Department | None) -> Target:
    organisation = ticket.organisation
    if route == Route.CARE_PROVIDER:
        if department is None or department.organisation_id != organisation.pk:
            raise DomainError(_("Choose the department the question belongs to."), code="department_required")
        return Target(
            department.referral_contact_name or department.name, department.referral_phone, department.referral_email
        )
    if route == Route.ORGANISATION:
        return Target(
            _("Patient service desk of %(name)s") % {"name": organisation.name},
            organisation.patient_service_phone or organisation.contact_phone,
            organisation.patient_service_email,
        )
    if route == Route.PRIVACY:
        if not organisation.privacy_email:
            raise DomainError(
                _("This organisation has no privacy contact yet. Ask an editor to add it."),
                code="privacy_contact_missing",
            )
        return Target(_("Privacy officer of %(name)s") % {"name": organisation.name}, "", organisation.privacy_email)
    return Target(*DIGIHULPLIJN, "")


@transaction.atomic
def ticket_refer(
    *, actor: User | None, ticket: Ticket, route: str, department: Department | None = None, note: str = ""
) -> Referral:
    """Send the question on: tell the person where to go and why, and hand it over when they consented."""
    if route not in REFERRAL_ROUTES:
        raise DomainError(_("Choose where to refer the question."), code="unknown_referral_route")
    if ticket.status == Status.CLOSED:
        raise DomainError(_("This question is closed. Reopen it first."), code="ticket_closed")
    target = _target(ticket, route, department)
    handed_over = bool(ticket.consent_to_hand_over and target.email)
    referral = Referral.objects.create(
        organisation_id=ticket.organisation_id,
        ticket=ticket,
        route=route,
        department=department,
        target_name=target.name,
        target_phone=target.phone,
        target_email=target.email,
        handed_over=handed_over,
        note=note.strip(),
        created_by=actor,
    )
    with translation.override(ticket.language):
        contact = "\n".join(part for part in (target.name, target.phone, target.email) if part)
        passed_on = _("We have passed your question on to them.") if handed_over else ""
    message_text = "\n\n".join(part for part in (referral_text(ticket=ticket, route=route), contact, passed_on) if part)
    services.ticket_reply(actor=actor, ticket=ticket, body=message_text)
    if handed_over:
        services.email_contact(ticket=ticket, purpose=EmailPurpose.REFERRAL, to_address=target.email)
    if ticket.route != route:
        ticket.route = route
        ticket.save(update_fields=["route", "updated_at"])
    services.record_event(ticket, EventKind.REFERRED, actor=actor, after=route)
    services.set_status(ticket, Status.REFERRED, actor=actor)
    return referral


def referral_texts_current(*, organisation_id: int, language: str) -> dict[str, str]:
    rows = ReferralText.objects.filter(organisation_id=organisation_id, language=language)
    return dict(rows.values_list("route", "text"))


def referral_texts_defaults(*, language: str) -> dict[str, str]:
    with translation.override(language):
        return {route.value: str(text) for route, text in DEFAULT_TEXTS.items()}


@transaction.atomic
def referral_texts_save(*, actor: User, organisation_id: int, language: str, texts: dict[str, str]) -> None:
    """Store the organisation's own texts for one language; an empty text brings back the default."""
    for route in REFERRAL_ROUTES:
        text = texts.get(route, "").strip()
        if text:
            ReferralText.objects.update_or_create(
                organisation_id=organisation_id,
                route=route,
                language=language,
                defaults={"text": text, "updated_by": actor},
            )
        else:
            ReferralText.objects.filter(organisation_id=organisation_id, route=route, language=language).delete()


# --- the receiving side ----------------------------------------------------------------------


def _handed_over_to_me() -> QuerySet[Referral]:
    """Referrals handed over (with the person's consent) that the current staff member receives: in each of
    their organisations, coordinators see every route, care providers the medical questions."""
    context = current_access()
    mine = Q(pk__in=[])
    for organisation_id in context.organisation_ids:
        roles = context.roles_in(organisation_id)
        if Role.COORDINATOR in roles:
            mine |= Q(organisation_id=organisation_id)
        elif Role.CARE_PROVIDER in roles:
            mine |= Q(organisation_id=organisation_id, route=Route.CARE_PROVIDER)
    return Referral.objects.filter(mine, handed_over=True)


def referral_list_for_receiver(*, limit: int = 100) -> list[Referral]:
    """The newest referrals handed over to the current staff member. Logged."""
    rows = list(
        _handed_over_to_me()
        .select_related("ticket", "ticket__organisation", "department", "received_by")
        .order_by("received_at", "-created_at")[:limit]
    )
    person_records_listed(rows, record_type="referral")
    return rows


def referral_get_for_receiver(*, public_id: UUID | str) -> Referral:
    """One referral handed over to the current staff member. Reading it is written to the access log."""
    referrals = _handed_over_to_me().select_related("ticket", "ticket__organisation", "department", "received_by")
    return person_record_get(referrals, public_id=public_id, record_type="referral")


def referral_question(*, referral: Referral) -> Message | None:
    """What the person asked (their first message)."""
    return (
        Message.objects.filter(organisation_id=referral.organisation_id, ticket_id=referral.ticket_id)
        .filter(kind=MessageKind.INBOUND)
        .order_by("created_at")
        .first()
    )


@transaction.atomic
def referral_receive(*, actor: User, referral: Referral) -> None:
    """The receiver confirms they picked the question up; the helpdesk sees it on the question's timeline."""
    if referral.received_at is not None:
        return
    referral.received_at = timezone.now()
    referral.received_by = actor
    referral.save(update_fields=["received_at", "received_by"])
    services.record_event(referral.ticket, EventKind.REFERRAL_RECEIVED, actor=actor, after=referral.target_name[:60])
