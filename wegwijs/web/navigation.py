"""The staff shell's navigation for the roles the signed-in person holds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.tenancy.permissions import can_view_team
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.selectors import organisation_list_public


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str


def staff_navigation(*, user: User, grants: Mapping[int, frozenset[str]]) -> list[NavItem]:
    """`grants` are all the person's roles per organisation (not only those the current page needs)."""
    items = [NavItem(_("Start"), reverse("web:staff_home"))]
    if any(roles & {Role.AGENT, Role.COORDINATOR} for roles in grants.values()):
        items.append(NavItem(_("Inbox"), reverse("helpdesk:inbox")))
    if any(roles & {Role.CARE_PROVIDER, Role.COORDINATOR} for roles in grants.values()):
        items.append(NavItem(_("Referred to us"), reverse("helpdesk:referrals")))
        items.append(NavItem(_("Support consult"), reverse("guide:consult_start")))
        items.append(NavItem(_("Journeys"), reverse("guide:journeys")))
    if any(roles & {Role.ANALYST, Role.COORDINATOR} for roles in grants.values()):
        items.append(NavItem(_("Insights"), reverse("insights:platform")))
    if any(Role.VOLUNTEER in roles for roles in grants.values()):
        items.append(NavItem(_("Walk-in help"), reverse("helpdesk:walk_in")))
    organisations = organisation_list_public().filter(pk__in=grants)
    for organisation in organisations:
        items.append(NavItem(organisation.name, reverse("tenancy:organisation", args=[organisation.slug])))
        if can_view_team(grants[organisation.pk]):
            items.append(
                NavItem(
                    _("Team of %(name)s") % {"name": organisation.name},
                    reverse("tenancy:team", args=[organisation.slug]),
                )
            )
    if user.is_platform_admin:
        items.append(NavItem(_("Access log"), reverse("audit:access_log")))
        items.append(NavItem(_("Platform settings"), reverse("admin:index")))
    items.append(NavItem(_("My account"), reverse("accounts:account")))
    return items
