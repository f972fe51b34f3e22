"""Fixtures shared by every app's tests: organisations and signed-in staff clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY

from wegwijs.accounts.models import User
from wegwijs.accounts.tests.factories import TOTPDeviceFactory, UserFactory
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import MembershipFactory, OrganisationFactory


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="ziekenhuis-a", name="Ziekenhuis A")


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="huisarts-b", name="Huisartsen B")


def signed_in_client(user: User, *, verified: bool = True) -> Client:
    """A client logged in as `user`; with `verified`, also past the second factor (as django_otp.login does)."""
    client = Client()
    client.force_login(user)
    if verified:
        device = TOTPDeviceFactory(user=user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


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
