"""Reads of organisations and what belongs to them. All within the current access scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from wegwijs.accounts.models import User
from wegwijs.core.errors import NotFound
from wegwijs.tenancy import places
from wegwijs.tenancy.models import Department, DigitalTool, Location, Membership, OpeningHoursException, Organisation
from wegwijs.tenancy.scope import current_access, person_record_get, person_records_listed


def organisation_list_public() -> QuerySet[Organisation]:
    """Organisations with a public help page."""
    return Organisation.objects.filter(is_active=True).order_by("name")


def organisation_list_for_access() -> QuerySet[Organisation]:
    """The organisations the current request may see."""
    return Organisation.objects.filter(pk__in=current_access().organisation_ids, is_active=True)


def organisation_get_for_access(*, slug: str) -> Organisation:
    organisation = organisation_list_for_access().filter(slug=slug).first()
    if organisation is None:
        raise NotFound("not found")
    return organisation


def department_list(*, organisation: Organisation) -> QuerySet[Department]:
    return Department.objects.filter(organisation=organisation).order_by("name")


def department_get(*, organisation: Organisation, public_id: UUID | str) -> Department:
    department = department_list(organisation=organisation).filter(public_id=public_id).first()
    if department is None:
        raise NotFound("not found")
    return department


def tool_list(*, organisation: Organisation, active_only: bool = False) -> QuerySet[DigitalTool]:
    tools = DigitalTool.objects.filter(organisation=organisation).order_by("kind", "name")
    return tools.filter(is_active=True) if active_only else tools


def tool_get(*, organisation: Organisation, public_id: UUID | str) -> DigitalTool:
    tool = tool_list(organisation=organisation).filter(public_id=public_id).first()
    if tool is None:
        raise NotFound("not found")
    return tool


def location_list_serving(*, organisations: QuerySet[Organisation]) -> QuerySet[Location]:
    return Location.objects.filter(organisations__in=organisations).distinct().order_by("name")


def tool_list_for_organisations(*, organisations: QuerySet[Organisation]) -> QuerySet[DigitalTool]:
    return DigitalTool.objects.filter(organisation__in=organisations, is_active=True).order_by("name")


@dataclass(frozen=True)
class LocationView:
    location: Location
    state: places.OpenState
    week: list[tuple[str, list[tuple[str, str]]]]  # weekday key -> periods, Monday first


def location_list(
    *, organisation: Organisation, now: dt.datetime | None = None, postcode: str = ""
) -> list[LocationView]:
    """The help points serving the organisation, each with whether it is open now and when that changes;
    with a postcode, only those whose areas (PC4 ranges) include it."""
    moment = timezone.localtime(now)
    upcoming = OpeningHoursException.objects.filter(date__gte=moment.date())
    locations = (
        Location.objects.filter(organisations=organisation)
        .prefetch_related(Prefetch("exceptions", queryset=upcoming, to_attr="upcoming_exceptions"))
        .order_by("name")
    )
    views = []
    for location in locations:
        if postcode and not places.serves_postcode(location.postcode_ranges, postcode):
            continue
        exceptions = {item.date: item.periods for item in location.upcoming_exceptions}  # type: ignore[attr-defined]
        week = [(day, [tuple(period) for period in location.weekly_hours.get(day, [])]) for day in places.WEEKDAYS]
        views.append(
            LocationView(
                location=location,
                state=places.open_state(moment, location.weekly_hours, exceptions),
                week=week,  # type: ignore[arg-type]
            )
        )
    return views


@dataclass(frozen=True)
class StaffMember:
    user: User
    roles: list[str]


def staff_member_list(*, organisation: Organisation) -> list[StaffMember]:
    """Everyone with a role in the organisation. Person data: the listing is written to the access log."""
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__full_name", "role")
    )
    members: dict[int, StaffMember] = {}
    for membership in memberships:
        member = members.setdefault(membership.user_id, StaffMember(user=membership.user, roles=[]))
        member.roles.append(membership.role)
    person_records_listed(
        members.values(), record_type="staff_member", organisation_id_of=lambda _member: organisation.pk
    )
    return list(members.values())


def staff_member_get(*, organisation: Organisation, public_id: UUID | str) -> StaffMember:
    """One staff member as seen through the organisation. Person data: written to the access log."""
    users = User.objects.filter(memberships__organisation=organisation).distinct()
    user = person_record_get(users, public_id=public_id, record_type="staff_member", organisation_id=organisation.pk)
    roles = list(
        Membership.objects.filter(organisation=organisation, user=user).order_by("role").values_list("role", flat=True)
    )
    return StaffMember(user=user, roles=roles)
