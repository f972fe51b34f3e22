"""The one place where data access is scoped to organisations and access to person data is logged.

A request, command or task runs inside `access_scope(context)`: the context says who acts, through which
channel, and which organisations (with which roles) they may see. Inside it, every query on an
organisation-owned model is filtered to those organisations by django-scopes; outside it, such a query
raises. `person_record_get` and `person_records_listed` read person data *and* write the access log, so
a view cannot forget either.

Only this module and the demo loader may use `scopes_disabled` (the architecture test checks that).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from django.db.models import Model, QuerySet
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from wegwijs.audit.services import access_log_write, access_log_write_counts
from wegwijs.core.errors import NotFound
from wegwijs.tenancy.models import ApiToken, Membership, Organisation

if TYPE_CHECKING:
    from wegwijs.accounts.models import User

PLATFORM_ADMIN = "platform_admin"
RecordT = TypeVar("RecordT", bound=Model)


class ScopeMissing(RuntimeError):
    """Code that reads person data ran outside an access scope."""


@dataclass(frozen=True)
class AccessContext:
    """Who is acting, how, and what they may see: organisation id -> the roles that grant it."""

    channel: str  # an audit.AccessChannel value
    context: str  # the page path, API operation, command or task name
    grants: Mapping[int, frozenset[str]] = field(default_factory=dict)
    actor_id: int | None = None
    actor_label: str = ""
    api_token_prefix: str = ""

    @property
    def organisation_ids(self) -> frozenset[int]:
        return frozenset(self.grants)

    def roles_in(self, organisation_id: int) -> frozenset[str]:
        return self.grants.get(organisation_id, frozenset())


_current: ContextVar[AccessContext | None] = ContextVar("wegwijs_access_context", default=None)


@contextmanager
def access_scope(context: AccessContext) -> Iterator[AccessContext]:
    token = _current.set(context)
    try:
        with scope(organisation=tuple(sorted(context.organisation_ids))):
            yield context
    finally:
        _current.reset(token)


def current_access() -> AccessContext:
    context = _current.get()
    if context is None:
        raise ScopeMissing("no access scope is active")
    return context


# --- building contexts -------------------------------------------------------------------------


def user_grants(user: User, *, roles: Iterable[str] | None = None) -> dict[int, frozenset[str]]:
    """The organisations where `user` holds one of `roles` (all roles when None), with those roles."""
    wanted = set(roles) if roles is not None else None
    grants: dict[int, set[str]] = {}
    with scopes_disabled():
        rows = Membership.objects.filter(user_id=user.pk, organisation__is_active=True).values_list(
            "organisation_id", "role"
        )
        for organisation_id, role in rows:
            if wanted is None or role in wanted:
                grants.setdefault(organisation_id, set()).add(role)
    return {organisation_id: frozenset(found) for organisation_id, found in grants.items()}


def platform_admin_grants() -> dict[int, frozenset[str]]:
    """Every organisation, inactive ones included: platform admins audit and reactivate them."""
    return {pk: frozenset({PLATFORM_ADMIN}) for pk in Organisation.objects.values_list("pk", flat=True)}


# When a token was last used is kept to the minute, so a busy integration does not write on every call.
TOKEN_USE_PRECISION = dt.timedelta(minutes=1)


def api_token_authenticate(raw_token: str) -> ApiToken | None:
    """The live token with this secret, or None. Marks when it was last used (to the minute)."""
    digest = hashlib.sha256(raw_token.encode()).hexdigest()
    with scopes_disabled():
        token = (
            ApiToken.objects.select_related("organisation")
            .filter(token_hash=digest, revoked_at__isnull=True, organisation__is_active=True)
            .first()
        )
        now = timezone.now()
        if token is not None and (token.last_used_at is None or token.last_used_at < now - TOKEN_USE_PRECISION):
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


@contextmanager
def command_scope(name: str, organisations: Iterable[Organisation]) -> Iterator[AccessContext]:
    """The scope for a management command acting on the given organisations."""
    context = AccessContext(
        channel="command",
        context=name,
        grants={organisation.pk: frozenset({"command"}) for organisation in organisations},
        actor_label=f"command:{name}",
    )
    with access_scope(context):
        yield context


@contextmanager
def task_scope(name: str, organisation_id: int) -> Iterator[AccessContext]:
    """The scope for a background task working on one organisation's data (tasks take ids, never rows)."""
    context = AccessContext(
        channel="task", context=name, grants={organisation_id: frozenset({"task"})}, actor_label=f"task:{name}"
    )
    with access_scope(context):
        yield context


# --- reading person data -----------------------------------------------------------------------


def person_record_get(
    queryset: QuerySet[RecordT],
    *,
    public_id: UUID | str,
    record_type: str,
    organisation_id: int | None = None,
    action: str = "view",
) -> RecordT:
    """Fetch one record holding person data by its public id, within the scope, and log the access.

    `organisation_id` is for records that are not themselves organisation-owned (a staff member seen
    through one organisation); otherwise the record's own organisation is used. Missing and out of
    scope are the same NotFound.
    """
    context = current_access()
    record = queryset.filter(public_id=public_id).first()
    owner_id = organisation_id if organisation_id is not None else getattr(record, "organisation_id", None)
    if record is None or owner_id not in context.organisation_ids:
        raise NotFound("not found")
    _log(context, organisation_id=owner_id, action=action, record_type=record_type, record_id=str(public_id))
    return record


def person_records_listed(
    rows: Iterable[Any], *, record_type: str, organisation_id_of: Any = None, action: str = "list"
) -> None:
    """Log that a list of person records was shown: one entry per organisation, with the count."""
    context = current_access()
    counts: dict[int, int] = {}
    for row in rows:
        owner_id = organisation_id_of(row) if organisation_id_of else row.organisation_id
        counts[owner_id] = counts.get(owner_id, 0) + 1
    if counts:
        access_log_write_counts(context=context, counts=counts, action=action, record_type=record_type)


def _log(context: AccessContext, **entry: Any) -> None:
    access_log_write(context=context, **entry)
