"""Fixtures shared by every app's tests: organisations and signed-in staff clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wegwijs.accounts.models import User
from wegwijs.accounts.tests.factories import UserFactory, signed_in_client
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import MembershipFactory, OrganisationFactory


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="ziekenhuis-a", name="Ziekenhuis A")


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="huisarts-b", name="Huisartsen B")


StaffFactory = Callable[..., tuple[User, Client]]


@pytest.fixture
def make_staff(db: None) -> StaffFactory:
    """make_staff(Role.AGENT, organisation) -> (user, client signed in with a second factor)."""

    def make(*roles_and_organisations: Role | Organisation, platform_admin: bool = False) -> tuple[User, Client]:
        user = UserFactory(is_platform_admin=platform_admin, is_staff=platform_admin, is_superuser=platform_admin)
        roles = [item for item in roles_and_organisations if isinstance(item, str)]
        organisations = [item for item in roles_and_organisations if isinstance(item, Organisation)]
        for organisation in organisations:
            for role in roles:
                MembershipFactory(organisation=organisation, user=user, role=role)
        return user, signed_in_client(user)

    return make


@pytest.fixture
def count_queries() -> Callable[[Callable[[], object]], int]:
    """count_queries(lambda: client.get(url)) -> the number of database queries the call made."""

    def count(action: Callable[[], object]) -> int:
        with CaptureQueriesContext(connection) as captured:
            action()
        return len(captured)

    return count
