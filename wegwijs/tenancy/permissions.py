"""Pure predicates about what staff may do. No database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from wegwijs.tenancy.roles import PERSON_DATA_ROLES, Role

if TYPE_CHECKING:
    from wegwijs.accounts.models import User


def needs_second_factor(user: User, grants: Mapping[int, frozenset[str]]) -> bool:
    """Everyone who can see person data logs in with a second factor; so do platform admins."""
    if user.is_platform_admin:
        return True
    return any(role in PERSON_DATA_ROLES for roles in grants.values() for role in roles)


def can_edit_organisation_data(roles: frozenset[str]) -> bool:
    return Role.EDITOR in roles


def can_view_team(roles: frozenset[str]) -> bool:
    return Role.COORDINATOR in roles


def can_manage_helpdesk(roles: frozenset[str]) -> bool:
    """Coordinators keep the helpdesk's macros for their organisation."""
    return Role.COORDINATOR in roles


def can_write_urgent_advice(roles: frozenset[str]) -> bool:
    """Editors and coordinators write drafts of the urgent advice people read at once."""
    return Role.EDITOR in roles or Role.COORDINATOR in roles


def can_publish_urgent_advice(roles: frozenset[str]) -> bool:
    """Only a coordinator reviews a draft of the urgent advice and publishes it (or brings back the standard)."""
    return Role.COORDINATOR in roles
