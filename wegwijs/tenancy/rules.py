"""How a view declares who may use it. The scope middleware reads the declaration; views do not check.

@staff_view(Role.COORDINATOR)        # staff with this role, scoped to the organisations where they hold it
@staff_view()                        # any signed-in staff member, scoped to all their organisations
@staff_view(platform_admin=True)     # platform admins, scoped to every organisation
@public_view                         # anyone; scoped to the organisation named by the URL's `org_slug`
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

ViewT = TypeVar("ViewT", bound=Callable[..., object])
RULE_ATTRIBUTE = "wegwijs_access_rule"


@dataclass(frozen=True)
class StaffRule:
    roles: frozenset[str]
    platform_admin: bool = False


@dataclass(frozen=True)
class PublicRule:
    organisation_kwarg: str = "org_slug"


def staff_view(*roles: str, platform_admin: bool = False) -> Callable[[ViewT], ViewT]:
    def declare(view: ViewT) -> ViewT:
        setattr(view, RULE_ATTRIBUTE, StaffRule(roles=frozenset(roles), platform_admin=platform_admin))
        return view

    return declare


def public_view(view: ViewT) -> ViewT:
    setattr(view, RULE_ATTRIBUTE, PublicRule())
    return view


def rule_of(view: object) -> StaffRule | PublicRule | None:
    return getattr(view, RULE_ATTRIBUTE, None)
