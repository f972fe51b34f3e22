"""Changes to organisations and what belongs to them."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.tenancy.models import ApiToken, Department, DigitalTool, Membership, Organisation
from wegwijs.tenancy.roles import ApiScope, Role

TOKEN_PREFIX = "wgw_"

DEPARTMENT_FIELDS = frozenset({"name", "referral_contact_name", "referral_phone", "referral_email"})
ORGANISATION_CONTACT_FIELDS = frozenset(
    {
        "description", "contact_phone", "contact_phone_hours", "contact_email", "website_url",
        "patient_service_phone", "patient_service_email", "privacy_email",
    }
)  # fmt: skip
TOOL_FIELDS = frozenset(
    {
        "kind",
        "name",
        "login_url",
        "supplier_name",
        "supplier_helpdesk_phone",
        "supplier_helpdesk_email",
        "supplier_helpdesk_url",
        "is_active",
    }
)


def _unique_slug(model: type[Department] | type[DigitalTool], organisation: Organisation, name: str) -> str:
    base = slugify(name)[:50] or "item"
    slug, number = base, 2
    while model.objects.filter(organisation=organisation, slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _apply(instance: Organisation | Department | DigitalTool, allowed: frozenset[str], changes: dict[str, Any]) -> None:
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(f"unknown fields: {', '.join(sorted(unknown))}", code="unknown_fields")
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.full_clean(exclude=["organisation", "slug"])


@transaction.atomic
def organisation_update_contact(*, actor: User | None, organisation: Organisation, **changes: Any) -> Organisation:
    """Change how people reach the organisation: description, phone and its hours, e-mail, website."""
    _apply(organisation, ORGANISATION_CONTACT_FIELDS, changes)
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update_service_levels(
    *,
    actor: User | None,
    organisation: Organisation,
    first_response_minutes: int,
    resolution_minutes: int,
    closed_days: Iterable[dt.date],
) -> Organisation:
    """The helpdesk's promises: first answer and resolution within so many minutes of phone hours, and the
    days it is closed besides the public holidays. New questions get due times from these."""
    if not 0 < first_response_minutes <= resolution_minutes:
        raise DomainError(
            _("The first answer must come before the question is resolved, and both take some time."),
            code="service_levels_order",
        )
    organisation.sla_first_response_minutes = first_response_minutes
    organisation.sla_resolution_minutes = resolution_minutes
    organisation.closed_days = sorted({day.isoformat() for day in closed_days})
    organisation.save(update_fields=["sla_first_response_minutes", "sla_resolution_minutes", "closed_days"])
    return organisation


@transaction.atomic
def department_create(*, actor: User | None, organisation: Organisation, **fields: Any) -> Department:
    department = Department(organisation=organisation)
    _apply(department, DEPARTMENT_FIELDS, fields)
    department.slug = _unique_slug(Department, organisation, department.name)
    department.save()
    return department


@transaction.atomic
def department_update(*, actor: User | None, department: Department, **changes: Any) -> Department:
    _apply(department, DEPARTMENT_FIELDS, changes)
    department.save()
    return department


@transaction.atomic
def tool_create(*, actor: User | None, organisation: Organisation, **fields: Any) -> DigitalTool:
    tool = DigitalTool(organisation=organisation)
    _apply(tool, TOOL_FIELDS, fields)
    tool.slug = _unique_slug(DigitalTool, organisation, tool.name)
    tool.save()
    return tool


@transaction.atomic
def tool_update(*, actor: User | None, tool: DigitalTool, **changes: Any) -> DigitalTool:
    _apply(tool, TOOL_FIELDS, changes)
    tool.save()
    return tool


@transaction.atomic
def membership_grant(*, actor: User | None, organisation: Organisation, user: User, roles: Iterable[Role]) -> None:
    for role in roles:
        Membership.objects.get_or_create(organisation=organisation, user=user, role=role)


def api_token_create(
    *, actor: User | None, organisation: Organisation, name: str, scopes: Iterable[ApiScope]
) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is shown once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=organisation,
        public_id=uuid.uuid4(),
        name=name,
        prefix=raw[: len(TOKEN_PREFIX) + 6],
        token_hash=hashlib.sha256(raw.encode()).hexdigest(),
        scopes=sorted(scope.value for scope in scopes),
        created_by=actor,
    )
    return token, raw
